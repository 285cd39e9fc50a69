//! What one officer sends another: everything, or a selection (one conclusion with its
//! directives and their updates, one project with its reports and obstacles, everything
//! assigned to one unit), with every record those name so the file stands on its own; and
//! the envelope that says what the file is, who exported it and when.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::model::collection::Collection;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{ConclusionId, ProjectId, UnitId};
use crate::domain::model::record::Record;
use crate::domain::text::fold;

/// What an export holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Scope {
    All,
    Conclusion(ConclusionId),
    Project(ProjectId),
    Unit(UnitId),
}

/// The officer who exported, from their settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Officer {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub office: String,
}

/// The envelope's own fields, written beside the dataset's (`format`, `schema_version`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportInfo {
    pub app_version: String,
    #[serde(with = "crate::domain::dates::stamp")]
    pub exported_at: DateTime<Utc>,
    pub exported_by: Officer,
    pub scope: Scope,
    /// The selection's name, for people ("16-KL/BCĐ", "Nậm Rốm").
    #[serde(default)]
    pub scope_label: String,
    /// Per record, the version the sender last exchanged (see `SyncBase::based_on`): the
    /// receiver takes the sender's version only if it still holds that one.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub based_on: std::collections::BTreeMap<String, crate::domain::sharing::merge::Fingerprint>,
    /// A unit's reply only: when the package it answers was made (its reports since then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_at: Option<DateTime<Utc>>,
}

/// Days after the last export of everything before the Data screen reminds the officer.
pub const EXPORT_REMINDER_DAYS: i64 = 7;
/// Storage used (percent of the quota) from which the reminder shows whatever the date.
pub const STORAGE_WARNING_PERCENT: usize = 80;

/// Whether to remind the officer to export everything: data is held and no export of it
/// for [`EXPORT_REMINDER_DAYS`] (or never), or storage is more than
/// [`STORAGE_WARNING_PERCENT`] full.
pub fn export_reminder_due(
    last_export: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    has_data: bool,
    used: usize,
    quota: usize,
) -> bool {
    let stale = last_export.is_none_or(|at| (now - at).num_days() >= EXPORT_REMINDER_DAYS);
    let full = used.saturating_mul(100) > quota.saturating_mul(STORAGE_WARNING_PERCENT);
    (stale && has_data) || full
}

impl ExportInfo {
    /// What the file says its records descend from, when it says anything. A file without
    /// it (older, or nothing exchanged yet) gives `None`: the import falls back on what this
    /// side last exchanged.
    pub fn based_on(
        info: Option<&ExportInfo>,
    ) -> Option<&std::collections::BTreeMap<String, crate::domain::sharing::merge::Fingerprint>>
    {
        info.map(|i| &i.based_on).filter(|m| !m.is_empty())
    }
}

/// A file as written: the dataset's fields and `export` beside them.
#[derive(Serialize)]
pub struct ExportFile<'a> {
    #[serde(flatten)]
    pub data: &'a Dataset,
    pub export: &'a ExportInfo,
}

/// An export's envelope as read with a dataset's records: `parse_dataset` takes it out.
/// Not part of what the data is: two datasets are equal whatever their envelopes.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Envelope(pub Option<Box<ExportInfo>>);

impl PartialEq for Envelope {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// `dondoc-<scope>-<yyyy-mm-dd>.json`, the scope in plain letters ("ket-luan-16-kl-bcd").
pub fn file_name(scope: &Scope, label: &str, day: NaiveDate) -> String {
    let kind = match scope {
        Scope::All => return format!("dondoc-tat-ca-{}.json", crate::domain::dates::iso(day)),
        Scope::Conclusion(_) => "ket-luan",
        Scope::Project(_) => "du-an",
        Scope::Unit(_) => "don-vi",
    };
    named(kind, label, day)
}

/// A unit's reply: "dondoc-bao-cao-ubnd-xa-muong-phang-2026-12-07.json", never the name of
/// the package it answers.
pub fn reply_file_name(label: &str, day: NaiveDate) -> String {
    named("bao-cao", label, day)
}

fn named(kind: &str, label: &str, day: NaiveDate) -> String {
    let mut slug = String::new();
    for c in fold(label).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(40).collect();
    format!(
        "dondoc-{kind}-{slug}-{}.json",
        crate::domain::dates::iso(day)
    )
}

/// Ids chosen for a selection, by kind.
#[derive(Default)]
struct Pick {
    committees: BTreeSet<String>,
    units: BTreeSet<String>,
    projects: BTreeSet<String>,
    reports: BTreeSet<String>,
    obstacles: BTreeSet<String>,
    meetings: BTreeSet<String>,
    conclusions: BTreeSet<String>,
    directives: BTreeSet<String>,
    updates: BTreeSet<String>,
}

fn take<T: Record>(from: &Collection<T>, ids: &BTreeSet<String>) -> Collection<T> {
    let mut out = Collection::default();
    for r in from.iter().filter(|r| ids.contains(&r.id().to_string())) {
        out.upsert(r.clone());
    }
    out.take_changed();
    out
}

fn add<I: ToString>(set: &mut BTreeSet<String>, id: Option<&I>) {
    if let Some(id) = id {
        set.insert(id.to_string());
    }
}

impl Dataset {
    /// The directives on `unit`'s list, as its package carries them: every one that ever
    /// involved it (led, coordinating, handed to or from it) with its headings and parts.
    pub(crate) fn unit_directives<'a>(
        &'a self,
        unit: &UnitId,
    ) -> impl Iterator<Item = &'a crate::domain::Directive> + 'a {
        let own: Vec<&crate::domain::Directive> = self
            .directives
            .iter()
            .filter(|d| d.ever_involves(unit))
            .collect();
        self.with_their_structure(&own)
    }

    /// `items` with the directives above and below each in its conclusion (a heading and
    /// its sub-items), so that what is a group heading here is one in the file as well.
    fn with_their_structure<'a>(
        &'a self,
        items: &[&'a crate::domain::Directive],
    ) -> impl Iterator<Item = &'a crate::domain::Directive> {
        let chosen: rustc_hash::FxHashSet<(&crate::domain::ConclusionId, &[u16])> = items
            .iter()
            .map(|d| (&d.conclusion, d.path.parts()))
            .collect();
        let related = move |d: &crate::domain::Directive| {
            let parts = d.path.parts();
            // An ancestor or a descendant of a chosen directive, or one itself.
            (1..=parts.len()).any(|k| chosen.contains(&(&d.conclusion, &parts[..k])))
                || chosen.iter().any(|(c, p)| {
                    *c == &d.conclusion && p.len() > parts.len() && p.starts_with(parts)
                })
        };
        self.directives.iter().filter(move |d| related(d))
    }

    /// The records of `scope`, with every record they refer to (so references in the file
    /// resolve), and the selection's name.
    pub fn select(&self, scope: &Scope) -> (Dataset, String) {
        let mut p = Pick::default();
        let label = match scope {
            Scope::All => return (self.without_pending_changes(), String::new()),
            Scope::Conclusion(id) => {
                p.conclusions.insert(id.to_string());
                p.directives
                    .extend(self.directives_of(id).iter().map(|d| d.id.to_string()));
                self.conclusions
                    .get(id)
                    .map(|c| c.number_symbol.clone())
                    .unwrap_or_default()
            }
            Scope::Project(id) => {
                p.projects.insert(id.to_string());
                p.reports
                    .extend(self.reports_of(id).iter().map(|r| r.id.to_string()));
                p.obstacles.extend(
                    self.obstacles
                        .iter()
                        .filter(|o| &o.project == id)
                        .map(|o| o.id.to_string()),
                );
                self.projects
                    .get(id)
                    .map(|x| x.display_name().to_owned())
                    .unwrap_or_default()
            }
            Scope::Unit(id) => {
                p.units.insert(id.to_string());
                p.directives
                    .extend(self.unit_directives(id).map(|d| d.id.to_string()));
                self.units
                    .get(id)
                    .map(|u| u.display_name().to_owned())
                    .unwrap_or_default()
            }
        };
        // The updates of the chosen directives.
        p.updates.extend(
            self.directive_updates
                .iter()
                .filter(|u| p.directives.contains(&u.directive.to_string()))
                .map(|u| u.id.to_string()),
        );
        // Every record referred to, following references until nothing new is added.
        loop {
            let before = (
                p.directives.len(),
                p.conclusions.len(),
                p.meetings.len(),
                p.projects.len(),
                p.units.len(),
            );
            for o in self
                .obstacles
                .iter()
                .filter(|o| p.obstacles.contains(&o.id.to_string()))
            {
                add(&mut p.projects, Some(&o.project));
                add(&mut p.units, o.responsible_unit.as_ref());
                add(&mut p.directives, o.directive.as_ref());
            }
            for d in self
                .directives
                .iter()
                .filter(|d| p.directives.contains(&d.id.to_string()))
            {
                add(&mut p.conclusions, Some(&d.conclusion));
                add(&mut p.units, d.lead_unit.as_ref());
                d.coordinating_units
                    .iter()
                    .chain(d.handovers.iter().flat_map(|h| [&h.from, &h.to]))
                    .for_each(|u| add(&mut p.units, Some(u)));
                d.projects
                    .iter()
                    .for_each(|x| add(&mut p.projects, Some(x)));
            }
            for c in self
                .conclusions
                .iter()
                .filter(|c| p.conclusions.contains(&c.id.to_string()))
            {
                add(&mut p.committees, c.committee.as_ref());
                add(&mut p.meetings, c.meeting.as_ref());
            }
            for m in self
                .meetings
                .iter()
                .filter(|m| p.meetings.contains(&m.id.to_string()))
            {
                add(&mut p.committees, m.committee.as_ref());
                m.attendee_units
                    .iter()
                    .for_each(|u| add(&mut p.units, Some(u)));
                m.projects
                    .iter()
                    .for_each(|x| add(&mut p.projects, Some(x)));
            }
            for x in self
                .projects
                .iter()
                .filter(|x| p.projects.contains(&x.id.to_string()))
            {
                add(&mut p.committees, x.committee.as_ref());
                add(&mut p.units, x.investor.as_ref());
            }
            for r in self
                .progress_reports
                .iter()
                .filter(|r| p.reports.contains(&r.id.to_string()))
            {
                add(&mut p.projects, Some(&r.project));
            }
            for u in self
                .directive_updates
                .iter()
                .filter(|u| p.updates.contains(&u.id.to_string()))
            {
                add(&mut p.directives, Some(&u.directive));
            }
            // A unit's parent and, for one that ended, its successors.
            for u in self
                .units
                .iter()
                .filter(|u| p.units.contains(&u.id.to_string()))
                .collect::<Vec<_>>()
            {
                add(&mut p.units, u.parent.as_ref());
                u.ended
                    .iter()
                    .flat_map(|e| e.successors.iter())
                    .for_each(|s| add(&mut p.units, Some(s)));
            }
            let after = (
                p.directives.len(),
                p.conclusions.len(),
                p.meetings.len(),
                p.projects.len(),
                p.units.len(),
            );
            if after == before {
                break;
            }
        }
        let data = Dataset {
            committees: take(&self.committees, &p.committees),
            units: take(&self.units, &p.units),
            projects: take(&self.projects, &p.projects),
            progress_reports: take(&self.progress_reports, &p.reports),
            obstacles: take(&self.obstacles, &p.obstacles),
            meetings: take(&self.meetings, &p.meetings),
            conclusions: take(&self.conclusions, &p.conclusions),
            directives: take(&self.directives, &p.directives),
            directive_updates: take(&self.directive_updates, &p.updates),
            // The office's letterhead goes with what it sends.
            offices: self.offices.clone(),
            ..Dataset::default()
        };
        (data, label)
    }

    /// A copy with nothing marked as waiting to be saved.
    pub fn without_pending_changes(&self) -> Dataset {
        let mut copy = self.clone();
        copy.take_changes();
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::{now, sample};
    use crate::domain::validate;

    #[test]
    fn the_export_reminder_comes_after_a_week_or_with_storage_nearly_full() {
        let now = now();
        let days = |n| Some(now - chrono::Duration::days(n));
        let quota = 1000;
        assert!(!export_reminder_due(days(6), now, true, 0, quota));
        assert!(export_reminder_due(days(7), now, true, 0, quota));
        assert!(export_reminder_due(None, now, true, 0, quota));
        // Nothing held: nothing to export, unless storage is full of something else.
        assert!(!export_reminder_due(None, now, false, 800, quota));
        assert!(export_reminder_due(None, now, false, 801, quota));
        assert!(export_reminder_due(days(0), now, true, 801, quota));
        assert!(!export_reminder_due(days(0), now, true, 800, quota));
    }

    #[test]
    fn a_file_without_based_on_falls_back_on_what_was_exchanged() {
        let mut info = ExportInfo {
            app_version: "1".into(),
            exported_at: now(),
            exported_by: Officer::default(),
            scope: Scope::All,
            scope_label: String::new(),
            based_on: Default::default(),
            package_at: None,
        };
        assert_eq!(ExportInfo::based_on(None), None);
        assert_eq!(ExportInfo::based_on(Some(&info)), None);
        info.based_on.insert("p1".into(), 7);
        assert_eq!(ExportInfo::based_on(Some(&info)).map(|m| m.len()), Some(1));
    }

    #[test]
    fn a_selection_stands_on_its_own() {
        let (data, today) = sample();
        let kl16 = crate::domain::sample::fixture::conclusion_16(&data);
        let (file, label) = data.select(&Scope::Conclusion(kl16.id.clone()));
        assert_eq!(label, "16-KL/BCĐ");
        assert_eq!(file.conclusions.len(), 1);
        assert_eq!(file.directives.len(), data.directives_of(&kl16.id).len());
        assert!(!file.directive_updates.is_empty());
        assert!(validate(&file).is_empty(), "{:?}", validate(&file));
        assert_eq!(
            file_name(&Scope::Conclusion(kl16.id.clone()), &label, today),
            "dondoc-ket-luan-16-kl-bcd-2026-11-23.json"
        );

        let nam_rom = data
            .projects
            .iter()
            .find(|p| p.short_name == "Nậm Rốm")
            .unwrap();
        let (file, label) = data.select(&Scope::Project(nam_rom.id.clone()));
        assert_eq!(label, "Nậm Rốm");
        assert_eq!(
            file.progress_reports.len(),
            data.reports_of(&nam_rom.id).len()
        );
        assert!(validate(&file).is_empty(), "{:?}", validate(&file));

        let commune = data.unit_named("Xã Mường Phăng").unwrap();
        let (file, _) = data.select(&Scope::Unit(commune.id.clone()));
        assert!(file.directives.iter().all(|d| d.ever_involves(&commune.id)
            || file
                .directives
                .iter()
                .any(|x| x.conclusion == d.conclusion && x.ever_involves(&commune.id))
            || file
                .obstacles
                .iter()
                .any(|o| o.directive.as_ref() == Some(&d.id))));
        assert!(validate(&file).is_empty(), "{:?}", validate(&file));

        let (all, _) = data.select(&Scope::All);
        assert_eq!(all, data);
    }

    #[test]
    fn the_envelope_is_read_back_and_does_not_disturb_the_data() {
        let (data, _) = sample();
        let info = ExportInfo {
            app_version: "0.1.0".into(),
            exported_at: now(),
            exported_by: Officer {
                name: "Nguyễn Văn A".into(),
                office: "Văn phòng BCĐ".into(),
            },
            based_on: Default::default(),
            scope: Scope::All,
            scope_label: String::new(),
            package_at: None,
        };
        let text = serde_json::to_string(&ExportFile {
            data: &data,
            export: &info,
        })
        .unwrap();
        let loaded = crate::domain::parse_dataset(&text).unwrap();
        assert_eq!(loaded.export, Some(info));
        assert_eq!(loaded.dataset, data);
        assert!(loaded.dataset.envelope.0.is_none(), "not kept in the data");
        let plain = crate::domain::parse_dataset(&serde_json::to_string(&data).unwrap());
        assert_eq!(plain.unwrap().export, None);
        // A broken envelope is refused, not dropped.
        let broken = text.replace("\"exported_by\"", "\"sent_by\"");
        assert!(crate::domain::parse_dataset(&broken).is_err());
    }
}
