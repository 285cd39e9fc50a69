//! How a directive is cited. A notice numbers its items its own way ("II.", "1.", "a)",
//! "-", "+"); the stored `path` ("2.1") is only the order. Inside its conclusion (the
//! checklist, the printed notice) an item shows its own mark; anywhere else (lists, reports,
//! letters, sheets) it is cited by the marks from its top item down ("4.a", "II.1.b"), a
//! "-" or "+" bullet standing as its number, since a bullet cannot be cited.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::domain::followup::conclusion::Directive;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{ConclusionId, DirectiveId};

/// The item's own mark as its notice prints it: its label ("a)", "-"), else its number
/// ("2.1.").
pub fn own_mark(d: &Directive) -> String {
    if d.label.is_empty() {
        format!("{}.", d.path)
    } else {
        d.label.clone()
    }
}

/// The mark a review shows on an item: its label when one can be cited ("a)", "II.1"
/// of "II.1."), else its number ("2.1" for a "-" bullet).
pub fn legend_mark(label: &str, path: &str) -> String {
    match citable(label) {
        Some(_) => label.trim().trim_end_matches('.').to_owned(),
        None => path.to_owned(),
    }
}

/// A mark as it stands in a citation: "a)" as "a", "II.1." as "II.1"; a bullet cites nothing.
fn citable(label: &str) -> Option<&str> {
    let mark = label
        .trim()
        .trim_end_matches(['.', ')'])
        .trim_start_matches('(');
    mark.chars().any(char::is_alphanumeric).then_some(mark)
}

/// Every directive's citation where it differs from its path: found once for the data
/// (only conclusions read with their own labels take any work).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Citations(FxHashMap<DirectiveId, String>);

impl Citations {
    pub fn of(data: &Dataset) -> Citations {
        let labelled: FxHashSet<&ConclusionId> = data
            .directives
            .iter()
            .filter(|d| !d.label.is_empty())
            .map(|d| &d.conclusion)
            .collect();
        if labelled.is_empty() {
            return Citations::default();
        }
        // Each such conclusion's labels, by path.
        let mut labels: FxHashMap<&ConclusionId, FxHashMap<String, &str>> = FxHashMap::default();
        for d in data.directives.iter() {
            if labelled.contains(&d.conclusion) {
                labels
                    .entry(&d.conclusion)
                    .or_default()
                    .insert(d.path.to_string(), d.label.as_str());
            }
        }
        let mut out = FxHashMap::default();
        for d in data.directives.iter() {
            let Some(by_path) = labels.get(&d.conclusion) else {
                continue;
            };
            let parts = d.path.parts();
            let marks: Vec<String> = (1..=parts.len())
                .map(|k| {
                    let prefix = parts[..k]
                        .iter()
                        .map(u16::to_string)
                        .collect::<Vec<_>>()
                        .join(".");
                    by_path
                        .get(&prefix)
                        .and_then(|l| citable(l))
                        .map_or_else(|| parts[k - 1].to_string(), str::to_owned)
                })
                .collect();
            let cited = marks.join(".");
            if cited != d.path.to_string() {
                out.insert(d.id.clone(), cited);
            }
        }
        Citations(out)
    }

    /// How `d` is cited outside its conclusion ("4.a"; its path when it has no labels).
    pub fn of_directive(&self, d: &Directive) -> String {
        self.0
            .get(&d.id)
            .cloned()
            .unwrap_or_else(|| d.path.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::followup::conclusion::DirectivePath;
    use crate::domain::sample::fixture::sample;

    #[test]
    fn labels_are_cited_from_the_top_item_down_and_bullets_by_number() {
        let (mut data, _) = sample();
        let c = data.conclusions.iter().next().unwrap().id.clone();
        let mine: Vec<Directive> = data
            .directives
            .iter()
            .filter(|d| d.conclusion == c)
            .cloned()
            .collect();
        let top = mine.iter().find(|d| d.path.parts().len() == 1).unwrap();
        let mut parent = top.clone();
        parent.label = "II.1.".into();
        let mut a = top.clone();
        a.id = "sub-a".to_owned().into();
        a.path = DirectivePath::parse(&format!("{}.1", top.path)).unwrap();
        a.label = "a)".into();
        let mut dash = top.clone();
        dash.id = "sub-dash".to_owned().into();
        dash.path = DirectivePath::parse(&format!("{}.2", top.path)).unwrap();
        dash.label = "-".into();
        for d in [parent.clone(), a.clone(), dash.clone()] {
            data.directives.upsert(d);
        }
        let cited = Citations::of(&data);
        assert_eq!(cited.of_directive(&parent), "II.1");
        assert_eq!(cited.of_directive(&a), "II.1.a");
        assert_eq!(cited.of_directive(&dash), "II.1.2");
        assert_eq!(own_mark(&a), "a)");
        assert_eq!(legend_mark("a)", "2.1"), "a)");
        assert_eq!(legend_mark("II.1.", "4"), "II.1");
        assert_eq!(legend_mark("-", "2.1"), "2.1");
        assert_eq!(legend_mark("", "3"), "3");
        assert_eq!(own_mark(&dash), "-");
        let other = data.directives.iter().find(|d| d.conclusion != c).unwrap();
        assert_eq!(
            cited.of_directive(other),
            other.path.to_string(),
            "unlabelled: the path"
        );
        assert_eq!(own_mark(other), format!("{}.", other.path));
    }

    #[test]
    fn data_without_labels_costs_nothing() {
        let (data, _) = sample();
        assert_eq!(Citations::of(&data), Citations::default());
    }
}
