//! An item addressed to a class of units ("Các chủ đầu tư …", "Các sở, ngành …") split,
//! when the officer chooses, into one directive per unit of the register the class covers:
//! the same text and deadline, each with its own lead and its own path under the item's.

use super::notice::{Mark, ReadDirective, ReadNotice};

impl ReadDirective {
    /// One directive per unit the item's class covers, in the order `covers` gives them,
    /// at paths under the item's ("3" gives "3.1", "3.2", …); none when the item names no
    /// class, covers no unit, or stands at the deepest level a path has.
    pub fn split_by_class(&self) -> Vec<ReadDirective> {
        if self.unit_class.is_none() || self.path.split('.').count() >= 4 {
            return Vec::new();
        }
        self.covers_ids
            .iter()
            .zip(&self.covers)
            .enumerate()
            .map(|(k, (id, name))| ReadDirective {
                path: format!("{}.{}", self.path, k + 1),
                lead_unit: Some(name.clone()),
                lead_id: Some(id.clone()),
                lead_mark: Mark::Read,
                lead_words: None,
                coordinating_units: self
                    .coordinating_units
                    .iter()
                    .zip(&self.coordinating_ids)
                    .filter(|(_, c)| *c != id)
                    .map(|(n, _)| n.clone())
                    .collect(),
                coordinating_ids: self
                    .coordinating_ids
                    .iter()
                    .filter(|c| *c != id)
                    .cloned()
                    .collect(),
                unit_class: None,
                covers: Vec::new(),
                covers_ids: Vec::new(),
                ..self.clone()
            })
            .collect()
    }
}

impl ReadNotice {
    /// Replaces directive `at` with one per unit its class covers (`split_by_class`), and
    /// says whether it did: an item with sub-items of its own is not split (its paths are
    /// theirs), nor one naming no class.
    pub fn split_directive(&mut self, at: usize) -> bool {
        let Some(d) = self.directives.get(at) else {
            return false;
        };
        let under = format!("{}.", d.path);
        if self.directives.iter().any(|o| o.path.starts_with(&under)) {
            return false;
        }
        let pieces = d.split_by_class();
        if pieces.is_empty() {
            return false;
        }
        self.directives.splice(at..=at, pieces);
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::documents::reading::leads::UnitClass;
    use crate::domain::documents::reading::notice::read_notice;
    use crate::domain::sample::fixture::sample;

    const NOTICE: &str = "KẾT LUẬN\nvề giải ngân\n\nNgày 02/3/2026, Ban Chỉ đạo họp.\n\n\
1. Chủ đầu tư các dự án Trung tâm Thể dục thể thao tỉnh và Nậm Rốm báo cáo khối lượng trước ngày 20/3/2026.\n\
2. Các sở, ban, ngành rút ngắn thời gian thẩm định.\n\
3. Sở Tài chính tổng hợp, báo cáo.\n";

    #[test]
    fn a_class_is_split_into_one_directive_per_unit() {
        let (data, _) = sample();
        let mut read = read_notice(NOTICE, &data).unwrap();
        let first = &read.directives[0];
        assert_eq!(first.unit_class, Some(UnitClass::Investors));
        assert_eq!(first.lead_unit, None);
        assert_eq!(first.covers.len(), 2, "{:?}", first.covers);
        assert!(read.split_directive(0));
        let paths: Vec<&str> = read.directives.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, vec!["1.1", "1.2", "2", "3"]);
        for piece in &read.directives[..2] {
            assert_eq!(piece.text, read.directives[0].text);
            assert_eq!(piece.due, chrono::NaiveDate::from_ymd_opt(2026, 3, 19));
            assert_eq!(piece.label, "1.");
            assert!(piece.lead_id.is_some() && piece.unit_class.is_none());
        }
        assert_ne!(read.directives[0].lead_unit, read.directives[1].lead_unit);
        let departments = read.directives[2].covers.len();
        assert_eq!(read.directives[2].unit_class, Some(UnitClass::Departments));
        assert!(read.split_directive(2));
        assert_eq!(read.directives.len(), 3 + departments);
        assert!(!read.split_directive(read.directives.len() - 1), "no class");
        assert!(!read.split_directive(99));
    }
}
