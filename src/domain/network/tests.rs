//! The replicator's pieces on their own: the three-way merge, revision ids, the revisions
//! kept per record, a conflict's result, and the requests' encoding.

use serde_json::{json, Value};

use super::conflict::{merge_fields, Branch, Conflict, Side};
use super::docs::{body_hash, body_of_doc, document, parse_rev, rev_hash, revisions};
use super::http::{HttpRequest, Method};
use super::revs::{fingerprint, RevEntry, REVS_KEPT};
use super::state::SyncState;

#[test]
fn a_field_only_one_side_changed_is_taken_and_one_both_changed_is_named() {
    let base = json!({"text": "t", "label": "", "status": "in_progress", "updated_at": "2026-11-01T00:00:00Z"});
    let mine = json!({"text": "t mine", "label": "a", "status": "done", "updated_at": "2026-11-03T00:00:00Z"});
    let theirs = json!({"text": "t theirs", "label": "", "status": "done", "updated_at": "2026-11-02T00:00:00Z", "note": "x"});
    let (merged, both) = merge_fields(Some(&base), &mine, &theirs);
    assert_eq!(both, vec!["text".to_owned()]);
    assert_eq!(merged["label"], "a", "only mine changed it");
    assert_eq!(merged["note"], "x", "only theirs added it");
    assert_eq!(merged["status"], "done", "the same change on both sides");
    assert_eq!(
        merged["updated_at"], "2026-11-03T00:00:00Z",
        "the later time"
    );
    assert_eq!(
        merged["text"], "t mine",
        "held as mine until the officer says"
    );

    // A field one side took out, the other left alone: out.
    let (merged, both) = merge_fields(Some(&base), &json!({"text": "t"}), &base);
    assert!(both.is_empty());
    assert_eq!(merged.get("label"), None);
}

#[test]
fn without_a_base_every_differing_field_is_named() {
    let (_, both) = merge_fields(
        None,
        &json!({"a": 1, "b": 2, "c": 3}),
        &json!({"a": 1, "b": 3}),
    );
    assert_eq!(both, vec!["b".to_owned(), "c".to_owned()]);
}

#[test]
fn revision_ids_follow_the_parent_and_the_body_whatever_the_key_order() {
    let a: Value = serde_json::from_str(r#"{"x": 1, "y": {"b": 2, "a": [1, "é"]}}"#).unwrap();
    let b: Value = serde_json::from_str(r#"{"y": {"a": [1, "é"], "b": 2}, "x": 1}"#).unwrap();
    assert_eq!(body_hash(&a), body_hash(&b));
    assert_eq!(fingerprint(&a).len(), 16);
    let one = rev_hash(None, Some(body_hash(&a)));
    assert_eq!(one.len(), 32);
    assert_eq!(one, rev_hash(None, Some(body_hash(&b))));
    assert_ne!(
        one,
        rev_hash(Some("1-ab"), Some(body_hash(&a))),
        "the parent counts"
    );
    assert_ne!(one, rev_hash(None, None), "a deletion is another revision");
    let rev = parse_rev("12-00ff").unwrap();
    assert_eq!((rev.generation, rev.hash), (12, "00ff"));
    assert_eq!(parse_rev("x-00"), None);
}

#[test]
fn a_record_is_a_document_with_its_collection_and_back() {
    let body = json!({"id": "u1", "name": "Sở Xây dựng"});
    let doc = document("u1", "units", Some(&body));
    assert_eq!(doc["_id"], "u1");
    assert_eq!(doc["collection"], "units");
    assert_eq!(body_of_doc(&doc), Some(body));
    let gone = document("u1", "units", None);
    assert_eq!(gone["_deleted"], true);
    let with_revs = json!({"_rev": "3-c", "_revisions": {"start": 3, "ids": ["c", "b", "a"]}});
    assert_eq!(revisions(&with_revs), ["3-c", "2-b", "1-a"]);
    assert_eq!(revisions(&json!({"_rev": "3-c"})), ["3-c"]);
}

#[test]
fn the_revisions_kept_are_bounded_and_known() {
    let body = json!({"id": "d"});
    let chain = vec!["3-c".to_owned(), "2-b".to_owned(), "1-a".to_owned()];
    let mut e = RevEntry::at("directives", &chain, Some(&body), Some(&body)).unwrap();
    assert_eq!(e.chain(), chain);
    assert_eq!(e.hashes(), ["c", "b", "a"]);
    assert!(e.knows("2-b") && !e.knows("2-z"));
    assert_eq!(
        e.base, None,
        "the data holds the synced version: not kept twice"
    );
    assert!(!e.is_dirty(Some(&body)));
    assert!(e.is_dirty(Some(&json!({"id": "d", "x": 1}))));
    assert!(e.is_dirty(None), "taken out here");
    for n in 0..30 {
        e = e.child(&format!("{n:032x}"), Some(&body), Some(&body));
    }
    assert_eq!(e.generation(), 33);
    assert_eq!(e.ancestors.len(), REVS_KEPT);
    e.learn((0..30).map(|n| format!("9-{n}")));
    assert_eq!(e.known.len(), REVS_KEPT);
    assert!(e.knows("9-29") && !e.knows("9-0"));
    // A version changed since: the synced one is the base.
    let changed = json!({"id": "d", "x": 2});
    let e = RevEntry::at("directives", &chain, Some(&body), Some(&changed)).unwrap();
    assert_eq!(e.base.as_ref(), Some(&body));
    assert_eq!(e.synced_body(Some(&changed)), Some(body));
}

#[test]
fn a_conflicts_result_takes_each_field_both_changed_from_the_side_chosen() {
    let branch = Branch {
        chain: vec!["2-b".into()],
        body: None,
    };
    let conflict = Conflict {
        collection: "directives".into(),
        id: "d".into(),
        base: Some(json!({"text": "t", "label": ""})),
        mine: Some(json!({"text": "mine", "label": "a"})),
        theirs: Some(json!({"text": "theirs", "label": ""})),
        merged: Some(json!({"text": "mine", "label": "a"})),
        fields: vec!["text".into()],
        parent: branch.clone(),
        retire: Vec::new(),
    };
    assert_eq!(
        conflict.result(&|_| Side::Theirs),
        Some(json!({"text": "theirs", "label": "a"}))
    );
    assert_eq!(
        conflict.result(&|_| Side::Mine),
        Some(json!({"text": "mine", "label": "a"}))
    );
    assert_eq!(conflict.diffs().len(), 1);
    let gone = Conflict {
        theirs: None,
        merged: None,
        fields: Vec::new(),
        ..conflict
    };
    assert_eq!(gone.result(&|_| Side::Theirs), None);
    assert!(gone.result(&|_| Side::Mine).is_some());
}

#[test]
fn a_sequence_is_sent_back_encoded_and_kept_opaque() {
    let r = HttpRequest::new(Method::Get, "/db/_changes".into(), None)
        .query("since", "8-g1AAAA+b/c=".into());
    assert_eq!(r.path_and_query(), "/db/_changes?since=8-g1AAAA%2Bb%2Fc%3D");
    let state: SyncState =
        serde_json::from_value(json!({"since": "8-g1AAAA", "revs": {}})).unwrap();
    assert_eq!(state.since, json!("8-g1AAAA"));
    let round: SyncState = serde_json::from_str(&serde_json::to_string(&state).unwrap()).unwrap();
    assert_eq!(round, state);
}
