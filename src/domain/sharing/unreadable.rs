//! Where and why a Dondoc file's content could not be read, in terms an officer's message
//! can use: the line, the record (its collection, place and id) and the field, and what was
//! wrong, with any value quoted from the file cut short. Made from the JSON parser's error
//! and the text itself, so no message repeats a huge value or the parser's English.

use crate::domain::model::record::RecordKind;

/// The longest part of a value quoted in a message.
pub const QUOTE_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhatWrong {
    /// A field the format requires is not there.
    MissingField(String),
    /// A value of the wrong kind (text where a number is expected, …).
    WrongType,
    /// A value the field does not allow (an unknown status, a date that is no date, …),
    /// as written, cut short.
    BadValue(String),
    /// Two records of one collection with the same id.
    DuplicateId(String),
    /// The same field twice in one record.
    DuplicateField(String),
    /// A field the format does not have (a typing slip, or a file from a newer Dondoc
    /// whose version number was not raised): refused, so nothing in it is silently lost.
    UnknownField(String),
    /// `null` in an optional field: the format leaves such a field out.
    Null,
    /// Anything else the parser refused.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    /// The collection the record is in, when the place is inside one.
    pub kind: Option<RecordKind>,
    /// Its place in the collection, from 1.
    pub position: Option<usize>,
    /// Its id, when the file gives it before the place that is wrong.
    pub id: Option<String>,
    pub field: Option<String>,
    pub what: WhatWrong,
}

/// `text` cut to [`QUOTE_CHARS`] characters, "…" where it was cut.
pub fn quote(text: &str) -> String {
    let mut out: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// The first `` `name` `` in a parser message.
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let end = message[start..].find('`')? + start;
    Some(message[start..end].to_owned())
}

/// What the parser's message says was wrong.
fn what(message: &str) -> WhatWrong {
    if message.starts_with("missing field") {
        return WhatWrong::MissingField(backticked(message).unwrap_or_default());
    }
    if message.starts_with("duplicate field") {
        return WhatWrong::DuplicateField(backticked(message).unwrap_or_default());
    }
    if let Some(rest) = message.strip_prefix("the id ") {
        let id = rest.split(" appears twice").next().unwrap_or("");
        return WhatWrong::DuplicateId(quote(id));
    }
    if message.starts_with("unknown field") {
        return WhatWrong::UnknownField(quote(&backticked(message).unwrap_or_default()));
    }
    if message.starts_with("invalid type: null") {
        return WhatWrong::Null;
    }
    if message.starts_with("invalid type") {
        return WhatWrong::WrongType;
    }
    if message.starts_with("unknown variant") || message.starts_with("invalid value") {
        return WhatWrong::BadValue(quote(&backticked(message).unwrap_or_default()));
    }
    WhatWrong::Other
}

/// The record and field at byte `offset` of `text`: walks the JSON up to there, keeping the
/// key path and, for each record of a collection, its position and id.
fn place(
    text: &str,
    offset: usize,
) -> (
    Option<RecordKind>,
    Option<usize>,
    Option<String>,
    Option<String>,
) {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize },
    }
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut collection: Option<RecordKind> = None;
    let mut position: Option<usize> = None;
    let mut id: Option<String> = None;
    let mut i = 0;
    // Whether the next string in the current object is a key.
    let mut want_key = false;
    while i < end {
        match bytes[i] {
            b'{' => {
                // A record: an object straight inside a collection's array.
                if stack.len() == 2 && matches!(stack.last(), Some(Frame::Array { .. })) {
                    id = None;
                }
                stack.push(Frame::Object { key: None });
                want_key = true;
            }
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
                want_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { key }) => {
                    *key = None;
                    want_key = true;
                }
                None => {}
            },
            b':' => want_key = false,
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let s = text.get(start..j.min(bytes.len())).unwrap_or("");
                let depth = stack.len();
                if let Some(Frame::Object { key }) = stack.last_mut() {
                    if want_key {
                        *key = Some(s.to_owned());
                        want_key = false;
                    } else if depth == 3 && key.as_deref() == Some("id") && j < end {
                        id = Some(quote(s));
                    }
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    if let (Some(Frame::Object { key: Some(name) }), Some(Frame::Array { index })) =
        (stack.first(), stack.get(1))
    {
        collection = RecordKind::ALL.into_iter().find(|k| k.collection() == name);
        position = collection.map(|_| index + 1);
    }
    let field = match stack.get(2) {
        Some(Frame::Object { key }) if collection.is_some() => key.clone(),
        _ => None,
    };
    if collection.is_none() {
        id = None;
    }
    (collection, position, id, field)
}

impl Unreadable {
    /// What the parser's `error` on `text` means, placed in the file.
    pub fn from_parser(error: &serde_json::Error, text: &str) -> Unreadable {
        let message = error.to_string();
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(m, _)| m)
            .to_owned();
        let line = error.line();
        let offset: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>()
            + error.column();
        let (mut kind, mut position, mut id, mut field) = place(text, offset);
        let what = what(&message);
        // A repeated id is found at the end of its collection: the message names it.
        if let WhatWrong::DuplicateId(repeated) = &what {
            let name = message.rsplit(' ').next().unwrap_or("");
            kind = RecordKind::ALL.into_iter().find(|k| k.collection() == name);
            position = None;
            id = Some(repeated.clone());
        }
        if let WhatWrong::MissingField(name) | WhatWrong::UnknownField(name) = &what {
            field = Some(name.clone());
        }
        if matches!(what, WhatWrong::DuplicateId(_)) {
            field = Some("id".into());
        }
        Unreadable {
            line,
            kind,
            position,
            id,
            field,
            what,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Unreadable {
        let e = serde_json::from_str::<crate::domain::Dataset>(text).unwrap_err();
        Unreadable::from_parser(&e, text)
    }

    const UNIT: &str = r#"{"id":"u1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"A","kind":"other"}"#;

    #[test]
    fn a_huge_bad_date_is_placed_and_not_repeated() {
        let huge = "9".repeat(1_000_000);
        let text = format!(
            "{{\"format\":\"dondoc\",\"schema_version\":2,\"units\":[{UNIT},\n{{\"id\":\"u2\",\"created_at\":\"{huge}\",\"updated_at\":\"2024-01-01T00:00:00Z\",\"name\":\"B\",\"kind\":\"other\"}}]}}"
        );
        let u = read(&text);
        assert_eq!(u.line, 2);
        assert_eq!(u.kind, Some(RecordKind::Unit));
        assert_eq!(u.position, Some(2));
        assert_eq!(u.id.as_deref(), Some("u2"));
        assert_eq!(u.field.as_deref(), Some("created_at"));
        match &u.what {
            WhatWrong::BadValue(v) => assert!(v.chars().count() <= QUOTE_CHARS + 1),
            WhatWrong::Other => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_field_a_wrong_kind_and_a_repeated_id_are_named() {
        let text = r#"{"format":"dondoc","schema_version":2,"units":[{"id":"u1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","kind":"other"}]}"#;
        let u = read(text);
        assert_eq!(u.what, WhatWrong::MissingField("name".into()));
        assert_eq!(
            (u.kind, u.position, u.id.as_deref()),
            (Some(RecordKind::Unit), Some(1), Some("u1"))
        );
        let text = r#"{"format":"dondoc","schema_version":2,"units":[{"id":"u1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":7,"kind":"other"}]}"#;
        let u = read(text);
        assert_eq!(u.what, WhatWrong::WrongType);
        assert_eq!(u.field.as_deref(), Some("name"));
        let text = format!(r#"{{"format":"dondoc","schema_version":2,"units":[{UNIT},{UNIT}]}}"#);
        let u = read(&text);
        assert_eq!(u.what, WhatWrong::DuplicateId("u1".into()));
        assert_eq!(u.kind, Some(RecordKind::Unit));
        let text = r#"{"format":"dondoc","schema_version":2,"units":[{"id":"u1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"A","kind":"galaxy"}]}"#;
        let u = read(text);
        assert_eq!(u.what, WhatWrong::BadValue("galaxy".into()));
        assert_eq!(u.field.as_deref(), Some("kind"));
    }

    #[test]
    fn a_field_the_format_lacks_and_a_null_are_refused_and_named() {
        let text = r#"{"format":"dondoc","schema_version":3,"units":[{"id":"u1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"A","kind":"other","surprise":1}]}"#;
        let u = read(text);
        assert_eq!(u.what, WhatWrong::UnknownField("surprise".into()));
        assert_eq!(u.field.as_deref(), Some("surprise"));
        assert_eq!(u.id.as_deref(), Some("u1"));
        let text = r#"{"format":"dondoc","schema_version":3,"units":[{"id":"u1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","name":"A","kind":"other","merged_into":null}]}"#;
        let u = read(text);
        assert_eq!(u.what, WhatWrong::Null, "{u:?}");
        let text = r#"{"format":"dondoc","schema_version":3,"surprise":[]}"#;
        assert_eq!(read(text).what, WhatWrong::UnknownField("surprise".into()));
        let status = r#"{"format":"dondoc","schema_version":3,"directives":[{"id":"d","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-01T00:00:00Z","conclusion":"c","path":"1","text":"t","deadline":{"kind":"on","date":"2024-02-01","words":"x","extra":1},"status":{"state":"in_progress"}}]}"#;
        assert!(
            matches!(read(status).what, WhatWrong::UnknownField(_)),
            "inside a tagged value too"
        );
    }

    #[test]
    fn quotes_are_cut() {
        assert_eq!(quote("abc"), "abc");
        assert_eq!(quote(&"x".repeat(100)).chars().count(), QUOTE_CHARS + 1);
    }
}
