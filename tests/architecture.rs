//! ARCHITECTURE.md stays true: every path it names exists, every item it names is still
//! defined (a `Type::method` as a method, a "where is the rule" row's item in the file that
//! row names), and every other name it quotes still appears in the code. The dependency list
//! at its end names crates, some of them deliberately not used: it is not checked here.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sources(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "mjs") {
            out.push((path.clone(), fs::read_to_string(&path).unwrap()));
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

fn defines(text: &str, name: &str) -> bool {
    [
        "fn", "struct", "enum", "trait", "type", "const", "static", "mod",
    ]
    .iter()
    .any(|k| has_word(text, &format!("{k} {name}")))
}

/// The text quoted in backticks, in order.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn is_identifier_path(s: &str) -> bool {
    !s.is_empty()
        && s.split("::").all(|p| {
            p.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && p.chars().all(is_word_char)
        })
}

#[test]
fn every_path_and_name_in_architecture_md_exists() {
    let root = root();
    let doc = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let doc = doc.split("\n## Dependencies").next().unwrap();
    let mut code = Vec::new();
    sources(&root.join("src"), &mut code);
    sources(&root.join("tests"), &mut code);
    sources(&root.join("scripts"), &mut code);
    let file_names: Vec<String> = code
        .iter()
        .filter_map(|(p, _)| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let dir_exists = |name: &str| {
        let name = name.trim_end_matches('/');
        [
            "src",
            "src/domain",
            "src/domain/followup",
            "src/domain/sharing",
            "src/domain/documents",
            "src/storage",
            "tests",
            ".",
        ]
        .iter()
        .any(|base| root.join(base).join(name).is_dir())
            || code
                .iter()
                .any(|(p, _)| p.parent().is_some_and(|d| d.ends_with(name)))
    };
    let mut missing = Vec::new();

    for q in quoted(doc) {
        // Generics and arguments: `Collection<T>`, `Vnd(i64)`.
        let q = q.split(['<', '(']).next().unwrap_or(q);
        if q.contains('/') || q.ends_with(".rs") || q.ends_with(".md") {
            let exists = if q.contains('/') && !q.ends_with('/') {
                root.join(q).exists()
            } else if q.ends_with('/') {
                dir_exists(q)
            } else {
                file_names.iter().any(|n| n == q) || root.join(q).exists()
            };
            if !exists {
                missing.push(format!("path {q}"));
            }
        } else if is_identifier_path(q) {
            let parts: Vec<&str> = q.split("::").collect();
            let last = parts[parts.len() - 1];
            let ok = if parts.len() >= 2 && parts[0].starts_with(char::is_uppercase) {
                // `Type::method`: the type and the method both defined.
                code.iter().any(|(_, t)| defines(t, parts[0]))
                    && code
                        .iter()
                        .any(|(_, t)| defines(t, last) || has_word(t, &format!("{last}(")))
            } else {
                code.iter().any(|(_, t)| has_word(t, last))
            };
            if !ok {
                missing.push(format!("name {q}"));
            }
        }
    }

    // The table: each row's item defined in the file the row names.
    for line in doc
        .lines()
        .filter(|l| l.starts_with("| ") && l.contains(" in `src/"))
    {
        let names = quoted(line);
        let (Some(item), Some(file)) = (names.first(), names.last()) else {
            continue;
        };
        let name = item.rsplit("::").next().unwrap_or(item);
        let text = fs::read_to_string(root.join(file)).unwrap_or_default();
        if !defines(&text, name) {
            missing.push(format!("{name} in {file}"));
        }
    }
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names what is not there:\n{}",
        missing.join("\n")
    );
}

#[test]
fn architecture_md_reads_in_ten_minutes() {
    let doc = fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let words = doc.split_whitespace().count();
    assert!(words <= 1_550, "{words} words: keep details in module docs");
}
