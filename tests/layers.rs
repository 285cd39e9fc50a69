//! The layers' rules, checked on the source as a second guard: screens (src/ui) change data
//! only through named domain verbs (`AppState::edit(|data| data.<verb>(…))`) or a form's
//! `save_edit`, never by writing a collection (the app's build holds this too: collection
//! writes are visible only inside the domain without the `fixtures` feature); the domain
//! uses no browser crate; and dates are typed in date boxes, not the browser's date input.

use std::fs;
use std::path::Path;

fn files(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                fs::read_to_string(&path).unwrap(),
            ));
        }
    }
}

fn offending(dir: &str, patterns: &[&str]) -> Vec<String> {
    let mut all = Vec::new();
    files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut all);
    all.iter()
        .flat_map(|(path, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, line)| patterns.iter().any(|p| line.contains(p)))
                .map(move |(i, line)| format!("{path}:{}: {}", i + 1, line.trim()))
        })
        .collect()
}

#[test]
fn screens_write_no_collection() {
    let found = offending("src/ui", &[".upsert(", "collection_mut", ".remove(&"]);
    assert!(
        found.is_empty(),
        "a screen writes a collection; add a domain verb:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_domain_uses_no_browser_crate() {
    let found = offending(
        "src/domain",
        &["leptos", "web_sys", "wasm_bindgen", "gloo", "js_sys"],
    );
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A browser's date input follows the browser's language (mm/dd/yyyy in an English Chrome):
/// every date field is `ui::date_box`, whose own date input only backs its calendar button.
#[test]
fn dates_are_typed_in_date_boxes() {
    let found: Vec<_> = offending("src/ui", &["type=\"date\""])
        .into_iter()
        .filter(|line| !line.contains("date_box.rs"))
        .collect();
    assert!(
        found.is_empty(),
        "a browser date input; use ui::date_box:\n{}",
        found.join("\n")
    );
}
