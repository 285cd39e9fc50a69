//! The notices written for the reader's tests (`tests/fixtures/notices/*.txt`, and the Word
//! and PDF files beside some of them), each read against the sample's register and compared field by
//! field with the draft a careful secretary takes from it (`*.expected.json`). A field the
//! reader still gets wrong is listed in `KNOWN`, with why; the test fails on any other
//! difference, and on a listed one that has come right (so the list stays true).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dondoc::domain::documents::{docx_text, pdf_text, read_notice};
use dondoc::domain::{sample::sample_dataset, SeededIds};
use serde_json::Value;

/// (notice, field) the reader still gets wrong.
const KNOWN: &[(&str, &str)] = &[
    // "phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường hoàn thiện hồ sơ … theo góp ý
    // của Bộ Xây dựng, gửi Bộ Xây dựng": every unit after "phối hợp" is taken as
    // coordinating; telling where the list of coordinating units ends needs the sentence's
    // grammar.
    (
        "07-tb-156-vpubnd-cao-toc-tab",
        "directives.coordinating_units",
    ),
    // "Thực hiện Kết luận số 16-KL/BCĐ ngày 20/3/2026 …, ngày 24/9/2026, đồng chí … chủ trì":
    // the meeting's date is read only from an opening that begins with it.
    ("07-tb-156-vpubnd-cao-toc-tab", "meeting_date"),
];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notices")
}

/// The fields the expected drafts give, flattened: "title", "directives.2.due", ...
fn flatten(prefix: &str, value: &Value, out: &mut Vec<(String, Value)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&format!("{prefix}.{i}"), v, out);
            }
            out.push((format!("{prefix}.len"), Value::from(items.len())));
        }
        other => out.push((prefix.to_owned(), other.clone())),
    }
}

fn at(value: &Value, path: &str) -> Option<Value> {
    let mut v = value;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        if *part == "len" && i == parts.len() - 1 {
            return v.as_array().map(|a| Value::from(a.len()));
        }
        v = match v {
            Value::Object(m) => m.get(*part)?,
            Value::Array(a) => a.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(v.clone())
}

/// A field's name without its directive's index ("directives.due"), as `KNOWN` names it.
fn general(field: &str) -> String {
    field
        .split('.')
        .filter(|p| p.parse::<usize>().is_err())
        .collect::<Vec<_>>()
        .join(".")
}

#[test]
fn every_test_notice_reads_as_a_secretary_reads_it() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let now = "2026-12-01T03:00:00Z".parse().unwrap();
    let register = sample_dataset(today, now, &mut SeededIds::new(1));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("txt" | "docx" | "pdf")
            )
        })
        .collect();
    files.sort();
    let mut notices = BTreeSet::new();
    let mut exact = 0;
    let mut wrong: Vec<String> = Vec::new();
    let mut known_seen = BTreeSet::new();
    let mut fields = 0;
    let mut right = 0;
    for file in &files {
        let stem = file.file_stem().unwrap().to_str().unwrap().to_owned();
        let expected_path = dir().join(format!("{stem}.expected.json"));
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .unwrap();
        let bytes = std::fs::read(file).unwrap();
        let text = if file.extension().unwrap() == "docx" {
            docx_text(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()))
        } else if file.extension().unwrap() == "pdf" {
            pdf_text(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()))
        } else {
            String::from_utf8(bytes).unwrap()
        };
        let name = file.file_name().unwrap().to_str().unwrap().to_owned();
        notices.insert(name.clone());
        // A text not read as a notice counts every field wrong (and fails the test).
        let got = match read_notice(&text, &register) {
            Ok(read) => serde_json::to_value(&read).unwrap(),
            Err(e) => {
                wrong.push(format!("{name} was not read as a notice: {e:?}"));
                Value::Null
            }
        };
        let mut flat = Vec::new();
        flatten("", &expected, &mut flat);
        let mut all_right = true;
        let (mut here, mut here_right) = (0, 0);
        for (field, want) in flat {
            fields += 1;
            here += 1;
            let have = at(&got, &field).unwrap_or(Value::Null);
            if have == want {
                right += 1;
                here_right += 1;
                continue;
            }
            all_right = false;
            let key = (stem.as_str(), general(&field));
            if KNOWN.iter().any(|(n, f)| *n == key.0 && *f == key.1) {
                known_seen.insert((stem.clone(), key.1.clone()));
                continue;
            }
            wrong.push(format!("{name} {field}: expected {want}, read {have}"));
        }
        if all_right {
            exact += 1;
        }
        eprintln!("{name}: {here_right} of {here} fields right");
    }
    eprintln!(
        "{exact} of {} test notices read exactly ({right} of {fields} fields right)",
        notices.len()
    );
    assert!(notices.len() >= 12, "at least 12 test notices: {notices:?}");
    let come_right: Vec<_> = KNOWN
        .iter()
        .filter(|(n, f)| !known_seen.contains(&(n.to_string(), f.to_string())))
        .collect();
    assert!(
        come_right.is_empty(),
        "listed as wrong but read right now (take them off KNOWN): {come_right:?}"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn extra_blank_lines_and_spaces_do_not_change_the_draft() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let now = "2026-12-01T03:00:00Z".parse().unwrap();
    let register = sample_dataset(today, now, &mut SeededIds::new(1));
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let plain = serde_json::to_value(read_notice(&text, &register).unwrap()).unwrap();
        // Every blank line doubled, spaces doubled, a tab and spaces at line ends.
        let padded: String = text
            .lines()
            .map(|l| {
                if l.trim().is_empty() {
                    "\n \t\n".to_owned()
                } else {
                    format!("{}  \t", l.replace(' ', "  "))
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let again = serde_json::to_value(read_notice(&padded, &register).unwrap()).unwrap();
        assert_eq!(plain, again, "{}", path.display());
    }
}
