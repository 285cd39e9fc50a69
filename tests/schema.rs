//! The published JSON Schema (docs/dondoc.schema.json) describes what the app writes.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, NaiveDate, Utc};
use dondoc::domain::generate::{generate, Scale};
use dondoc::domain::sample::sample_dataset;
use dondoc::domain::{Dataset, SeededIds};
use serde_json::{json, Value};

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("docs/dondoc.schema.json").expect("the schema is in docs/");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema is a valid JSON Schema")
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-11-23T03:00:00Z".parse().unwrap()
}

fn assert_valid(v: &jsonschema::Validator, instance: &Value) {
    let errors: Vec<String> = v
        .iter_errors(instance)
        .take(10)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_sample_and_a_province_dataset_follow_the_schema() {
    let v = validator();
    assert_valid(
        &v,
        &serde_json::to_value(sample_dataset(today(), now(), &mut SeededIds::new(1))).unwrap(),
    );
    assert_valid(
        &v,
        &serde_json::to_value(generate(Scale::PROVINCE, 1, today(), now())).unwrap(),
    );
}

#[test]
fn an_exported_selection_with_its_envelope_follows_the_schema() {
    use dondoc::domain::sharing::{ExportFile, ExportInfo, Officer, Scope};
    let data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let conclusion = data.conclusions.iter().next().unwrap().id.clone();
    let scope = Scope::Conclusion(conclusion);
    let (file, label) = data.select(&scope);
    let info = ExportInfo {
        app_version: env!("CARGO_PKG_VERSION").into(),
        exported_at: now(),
        exported_by: Officer {
            name: "Nguyễn Văn A".into(),
            office: "Văn phòng Ban Chỉ đạo".into(),
        },
        scope,
        scope_label: label,
        based_on: file
            .directives
            .iter()
            .map(|d| (d.id.to_string(), dondoc::domain::sharing::fingerprint(d)))
            .collect(),
        package_at: Some(now()),
    };
    let v = validator();
    assert_valid(
        &v,
        &serde_json::to_value(ExportFile {
            data: &file,
            export: &info,
        })
        .unwrap(),
    );
}

#[test]
fn a_directive_with_the_documents_own_label_follows_the_schema() {
    let v = validator();
    let mut doc =
        serde_json::to_value(sample_dataset(today(), now(), &mut SeededIds::new(1))).unwrap();
    doc["directives"][0]["label"] = json!("a)");
    assert_valid(&v, &doc);
    doc["directives"][0]["label"] = json!(3);
    assert!(!v.is_valid(&doc), "a label is text");
}

#[test]
fn the_schema_rejects_what_the_app_would_reject() {
    let v = validator();
    let good =
        serde_json::to_value(sample_dataset(today(), now(), &mut SeededIds::new(1))).unwrap();
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut doc = good.clone();
        f(&mut doc);
        doc
    };
    for doc in [
        broken(&|d| d["format"] = json!("excel")),
        broken(&|d| d["schema_version"] = json!(dondoc::domain::SCHEMA_VERSION + 1)),
        broken(&|d| {
            d["units"][0]["ended"] = json!({"on": "2025-07-01", "kind": "split", "successors": []})
        }),
        broken(&|d| {
            d["directives"][0]["handovers"] = json!([{"from": "a", "to": "b", "role": "lead"}])
        }),
        broken(
            &|d| d["directives"][0]["extensions"] = json!([{"deadline": {"kind": "continuous", "words": "thường xuyên"}, "granted_on": "2026-11-02"}]),
        ),
        broken(
            &|d| d["directives"][0]["extensions"] = json!([{"deadline": {"kind": "on", "date": "2026-12-31", "words": "ngày 31/12/2026"}}]),
        ),
        broken(&|d| d["directives"][0]["status"] = json!({"state": "in_progress", "note": "x"})),
        broken(&|d| d["directives"][0]["path"] = json!("0.1")),
        broken(&|d| d["directives"][0]["deadline"] = json!({"kind": "someday", "words": "sớm"})),
        broken(&|d| d["projects"][0]["colour"] = json!("red")),
        broken(&|d| d["projects"][0]["total_investment"]["vnd"] = json!(981.5)),
        broken(&|d| d["units"][0]["id"] = json!("")),
    ] {
        assert!(!v.is_valid(&doc));
    }
}

#[test]
fn the_example_in_the_format_document_is_valid_and_imports() {
    let doc = std::fs::read_to_string("docs/data-format.md").unwrap();
    let example = doc.split("## A complete small file").nth(1).unwrap();
    let json = example
        .split("```json")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    assert_valid(&validator(), &serde_json::from_str(json).unwrap());
    let loaded = dondoc::domain::parse_dataset(json).unwrap();
    assert_eq!(dondoc::domain::validate(&loaded.dataset), vec![]);
}

#[test]
fn the_office_letterhead_follows_the_schema() {
    use dondoc::domain::documents::LetterheadDraft;
    let v = validator();
    let mut data = sample_dataset(today(), now(), &mut SeededIds::new(1));
    let draft = LetterheadDraft {
        parent_body: "UBND tỉnh Điện Biên".into(),
        issuing_body: "Văn phòng Ban Chỉ đạo".into(),
        place_name: "Điện Biên".into(),
        report_number: "…/BC-VPBCĐ".into(),
        letter_number: String::new(),
        registry_numbers: true,
        signers: "KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến".into(),
    };
    data.offices.upsert(draft.to_office(None, now()).unwrap());
    let value = serde_json::to_value(&data).unwrap();
    assert_valid(&v, &value);
    // A pattern without the number's place is refused by both.
    let mut broken = value.clone();
    broken["offices"][0]["letter_number"] = json!("CV-VP");
    assert!(!v.is_valid(&broken));
    assert!(dondoc::domain::parse_dataset(&broken.to_string())
        .map(|l| !Dataset::default().check_import(&l.dataset).is_empty())
        .unwrap_or(true));
}
