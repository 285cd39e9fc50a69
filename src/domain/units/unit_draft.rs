//! A unit of the register as typed in the unit form: its name, short name, kind and
//! contact. A new name can be a correction (a typo: the name is replaced) or a renaming
//! from a date (the old name kept as a former name until the day before, so documents
//! dated before it still read as they were written).

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::draft::{code, from_code, id_of, DraftProblem, FieldError, Reader};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::UnitId;
use crate::domain::model::record::RecordKind;
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::Problem;
use crate::domain::text::fold;
use crate::domain::units::org::{FormerName, Unit, UnitKind};
use crate::domain::Field;

#[derive(Debug, Clone, PartialEq)]
pub struct UnitDraft {
    pub name: String,
    pub short_name: String,
    /// A kind code of the format ("department", "commune"...).
    pub kind: String,
    pub contact: String,
    /// "dd/mm/yyyy" from which a changed name is used; empty when the change corrects a
    /// name that was typed wrong.
    pub renamed_on: String,
    /// Other names the unit is known by in documents, one per line.
    pub other_names: String,
    /// The id of the body it belongs to, or empty.
    pub parent: String,
    /// No longer offered in pickers.
    pub archived: bool,
}

impl UnitDraft {
    pub fn new() -> Self {
        UnitDraft {
            name: String::new(),
            short_name: String::new(),
            kind: code(&UnitKind::Other),
            contact: String::new(),
            renamed_on: String::new(),
            other_names: String::new(),
            parent: String::new(),
            archived: false,
        }
    }

    pub fn from_unit(u: &Unit) -> Self {
        UnitDraft {
            name: u.name.clone(),
            short_name: u.short_name.clone(),
            kind: code(&u.kind),
            contact: u.contact.clone(),
            renamed_on: String::new(),
            other_names: u.other_names.join("\n"),
            parent: u
                .parent
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            archived: u.archived,
        }
    }

    /// Reads and checks the draft. Editing (`base` given) keeps the id, the creation time,
    /// the former names and the merger; a name changed with a date adds the old name to the
    /// former names, until the day before that date. A name another unit of `data` already
    /// has (diacritics and case aside) is refused: the same unit twice in the register.
    /// So is an other name that is another unit's name, and a parent body that is not in
    /// the register or is the unit itself (or one of the bodies below it).
    pub fn to_unit(
        &self,
        data: &Dataset,
        base: Option<&Unit>,
        id: String,
        now: DateTime<Utc>,
    ) -> Result<Unit, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let renamed_on = r.date(Field::RenamedOn, &self.renamed_on);
        let kind = from_code::<UnitKind>(&self.kind);
        if kind.is_none() {
            r.push(Field::Kind, DraftProblem::Rule(Problem::Empty));
        }
        if name.is_empty() {
            r.push(Field::Name, DraftProblem::Rule(Problem::Empty));
        } else {
            let folded = fold(&name);
            let taken = data
                .units
                .iter()
                .any(|u| Some(&u.id) != base.map(|b| &b.id) && fold(&u.name) == folded);
            if taken {
                r.push(Field::Name, DraftProblem::NameTaken);
            }
        }
        let own_id = base
            .map(|b| b.id.clone())
            .unwrap_or_else(|| id.clone().into());
        let other_names = self.read_other_names(&mut r, data, &own_id, &name);
        let parent = self.read_parent(&mut r, data, &own_id);
        let mut former_names = base.map(|b| b.former_names.clone()).unwrap_or_default();
        if let (Some(on), Some(b)) = (renamed_on, base) {
            if name == b.name {
                r.push(Field::RenamedOn, DraftProblem::Rule(Problem::Empty));
            } else if former_names.iter().any(|f| f.until >= on) {
                r.push(
                    Field::RenamedOn,
                    DraftProblem::Rule(Problem::BeforeLastRename),
                );
            } else if let Some(until) = on.pred_opt() {
                former_names.push(FormerName {
                    name: b.name.clone(),
                    until,
                });
            }
        }
        let start = base.cloned().unwrap_or_else(|| Unit::blank(id.into(), now));
        let unit = Unit {
            updated_at: now,
            name,
            short_name: self.short_name.trim().to_owned(),
            kind: kind.unwrap_or(UnitKind::Other),
            former_names,
            contact: self.contact.trim().to_owned(),
            other_names,
            parent,
            archived: self.archived,
            ..start
        };
        r.finish(unit, Vec::new())
    }

    /// The other names, one per line, blanks and repeats left out; one that another unit
    /// carries as its name would make the notice reader and search find the wrong unit.
    fn read_other_names(
        &self,
        r: &mut Reader,
        data: &Dataset,
        own: &UnitId,
        name: &str,
    ) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for line in self.other_names.lines() {
            let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
            let folded = fold(&line);
            if line.is_empty() || folded == fold(name) || names.iter().any(|n| fold(n) == folded) {
                continue;
            }
            if data
                .units
                .iter()
                .any(|u| &u.id != own && fold(&u.name) == folded)
            {
                r.push(Field::OtherNames, DraftProblem::NameTaken);
            }
            names.push(line);
        }
        names
    }

    /// The parent body: a unit of the register other than this one and the bodies under it.
    fn read_parent(&self, r: &mut Reader, data: &Dataset, own: &UnitId) -> Option<UnitId> {
        let parent: UnitId = id_of(&self.parent)?;
        if !data.units.contains(&parent) {
            r.push(
                Field::Parent,
                DraftProblem::Rule(Problem::Missing {
                    target: RecordKind::Unit,
                    id: parent.to_string(),
                }),
            );
            return None;
        }
        let mut at = Some(&parent);
        let mut steps = 0;
        while let Some(u) = at {
            if u == own {
                r.push(
                    Field::Parent,
                    DraftProblem::Rule(Problem::SuccessorIsItself),
                );
                return None;
            }
            steps += 1;
            at = data
                .units
                .get(u)
                .and_then(|x| x.parent.as_ref())
                .filter(|_| steps < 64);
        }
        Some(parent)
    }
}

impl Default for UnitDraft {
    fn default() -> Self {
        UnitDraft::new()
    }
}

/// The day a renaming starts, as the unit's history reads: `None` for a name never changed.
pub fn renamed_since(u: &Unit) -> Option<NaiveDate> {
    u.former_names
        .iter()
        .map(|f| f.until)
        .max()
        .and_then(|d| d.succ_opt())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::now;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn register() -> (Dataset, Unit) {
        let mut data = Dataset::default();
        let u = Unit::named("Sở Tài nguyên và Môi trường", "u1".into(), now()).unwrap();
        data.units.upsert(u.clone());
        data.units
            .upsert(Unit::named("Sở Tài chính", "u2".into(), now()).unwrap());
        (data, u)
    }

    fn draft(name: &str, renamed_on: &str) -> UnitDraft {
        UnitDraft {
            name: name.into(),
            short_name: " STNMT ".into(),
            kind: "department".into(),
            contact: String::new(),
            renamed_on: renamed_on.into(),
            other_names: String::new(),
            parent: String::new(),
            archived: false,
        }
    }

    fn fields(e: Vec<FieldError>) -> Vec<&'static str> {
        e.into_iter().map(|e| e.field.name()).collect()
    }

    #[test]
    fn a_correction_replaces_the_name_and_a_renaming_keeps_the_old_one_for_old_dates() {
        let (data, u) = register();
        let fixed = draft("Sở Tài nguyên và Môi trường tỉnh", "")
            .to_unit(&data, Some(&u), "x".into(), now())
            .unwrap();
        assert_eq!(fixed.id, u.id);
        assert!(fixed.former_names.is_empty());
        assert_eq!(fixed.short_name, "STNMT");
        let renamed = draft("Sở Nông nghiệp và Môi trường", "2025-03-01")
            .to_unit(&data, Some(&u), "x".into(), now())
            .unwrap();
        assert_eq!(
            renamed.name_on(day(2025, 2, 28)),
            "Sở Tài nguyên và Môi trường"
        );
        assert_eq!(
            renamed.name_on(day(2025, 3, 1)),
            "Sở Nông nghiệp và Môi trường"
        );
        assert_eq!(renamed_since(&renamed), Some(day(2025, 3, 1)));
        assert_eq!(renamed_since(&u), None);
        // Renamed again: only after the last renaming.
        let again = |on: &str| {
            draft("Sở Nông nghiệp, Môi trường và Du lịch", on).to_unit(
                &data,
                Some(&renamed),
                "x".into(),
                now(),
            )
        };
        assert_eq!(fields(again("2025-02-28").unwrap_err()), vec!["renamed_on"]);
        let twice = again("2026-01-01").unwrap();
        assert_eq!(twice.former_names.len(), 2);
        assert_eq!(
            twice.name_on(day(2025, 6, 1)),
            "Sở Nông nghiệp và Môi trường"
        );
    }

    #[test]
    fn a_wrong_draft_names_each_field() {
        let (data, u) = register();
        let fails = |d: UnitDraft, base: Option<&Unit>| {
            fields(d.to_unit(&data, base, "n".into(), now()).unwrap_err())
        };
        assert_eq!(fails(draft("  ", ""), None), vec!["name"]);
        assert_eq!(
            fails(draft("sở tài chính", ""), None),
            vec!["name"],
            "the same unit twice, case and diacritics aside"
        );
        assert_eq!(fails(draft("Sở Tài chính", ""), Some(&u)), vec!["name"]);
        let mut bad_kind = draft("Sở Xây dựng", "");
        bad_kind.kind = "ministry".into();
        assert_eq!(fails(bad_kind, None), vec!["kind"]);
        assert_eq!(
            fails(draft("Sở Tài nguyên và Môi trường", "2025-03-01"), Some(&u)),
            vec!["renamed_on"],
            "a date without a new name"
        );
        assert_eq!(fails(draft("Sở Xây dựng", "1/3"), None), vec!["renamed_on"]);
        // Its own name is not taken by itself.
        assert!(draft("Sở Tài nguyên và Môi trường", "")
            .to_unit(&data, Some(&u), "n".into(), now())
            .is_ok());
    }

    #[test]
    fn other_names_a_parent_and_archiving_are_kept() {
        let (data, u) = register();
        let mut d = UnitDraft::from_unit(&u);
        d.other_names =
            "Sở TN&MT\n  Sở   TNMT tỉnh \n\nsở tn&mt\nSở Tài nguyên và Môi trường".into();
        d.parent = "u2".into();
        d.archived = true;
        let saved = d.to_unit(&data, Some(&u), "x".into(), now()).unwrap();
        assert_eq!(
            saved.other_names,
            vec!["Sở TN&MT", "Sở TNMT tỉnh"],
            "blanks, repeats and its own name left out"
        );
        assert_eq!(saved.parent, Some("u2".into()));
        assert!(saved.archived && !saved.offered());
        assert_eq!(
            UnitDraft::from_unit(&saved).other_names,
            "Sở TN&MT\nSở TNMT tỉnh"
        );
    }

    #[test]
    fn another_units_name_or_a_parent_below_itself_is_refused() {
        let (mut data, u) = register();
        let mut d = UnitDraft::from_unit(&u);
        d.other_names = "Sở tài chính".into();
        assert_eq!(
            fields(d.to_unit(&data, Some(&u), "x".into(), now()).unwrap_err()),
            vec!["other_names"]
        );
        let mut d = UnitDraft::from_unit(&u);
        d.parent = "nobody".into();
        assert_eq!(
            fields(d.to_unit(&data, Some(&u), "x".into(), now()).unwrap_err()),
            vec!["parent"]
        );
        d.parent = "u1".into();
        assert_eq!(
            fields(d.to_unit(&data, Some(&u), "x".into(), now()).unwrap_err()),
            vec!["parent"],
            "itself"
        );
        // u2 under u1: u1 cannot then go under u2.
        let mut finance = data.units.get(&"u2".into()).unwrap().clone();
        finance.parent = Some("u1".into());
        data.units.upsert(finance);
        d.parent = "u2".into();
        assert_eq!(
            fields(d.to_unit(&data, Some(&u), "x".into(), now()).unwrap_err()),
            vec!["parent"],
            "a loop"
        );
    }
}
