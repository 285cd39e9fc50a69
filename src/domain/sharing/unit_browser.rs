//! A browser that reports for one unit ("Đơn vị của tôi"): set when the unit's package is
//! opened in a browser with no data of its own, or chosen in the settings. Such a browser
//! opens on the unit's list, keeps the office's tools out of the way, and, when its data is
//! only the package, says what it holds instead of quoting province figures.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::followup::Tally;
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::UnitId;
use crate::domain::units::Unit;

/// How this browser stands to one unit, kept in its settings (not in the data).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyUnit {
    pub unit: UnitId,
    /// What the unit adds after this goes in its reply: the package's date, or the moment
    /// the unit was chosen.
    pub since: DateTime<Utc>,
    /// The data is only the unit's package: province figures would be false here.
    #[serde(default)]
    pub package_only: bool,
}

impl MyUnit {
    /// A unit's package opened in a browser with no data: its date starts the reply.
    pub fn from_package(unit: UnitId, made_at: DateTime<Utc>) -> Self {
        MyUnit {
            unit,
            since: made_at,
            package_only: true,
        }
    }

    /// Chosen in the settings of a browser holding data: the reply starts now.
    pub fn chosen(unit: UnitId, now: DateTime<Utc>) -> Self {
        MyUnit {
            unit,
            since: now,
            package_only: false,
        }
    }

    /// Chosen in the settings where `previous` was set: a browser holding only a package
    /// stays one (its data is still a part, whichever unit it reports for).
    pub fn chosen_after(previous: Option<&MyUnit>, unit: UnitId, now: DateTime<Utc>) -> Self {
        MyUnit {
            package_only: previous.is_some_and(|m| m.package_only),
            ..MyUnit::chosen(unit, now)
        }
    }
}

/// What a unit's browser holds, said on its dashboard in place of province figures
/// ("Dữ liệu của một đơn vị: 47 nhiệm vụ từ 12 kết luận"): the directives its page lists
/// (leading and coordinating, inherited ones included) and their state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UnitHolding {
    pub directives: usize,
    pub conclusions: usize,
    /// Of what it leads, as its page counts it.
    pub led: Tally,
}

impl Dataset {
    /// The unit this browser reports for, when one is set and the data still holds it
    /// (open or ended): `None` is the office's browser, with every tool shown.
    pub fn reporting_unit(&self, mine: Option<&MyUnit>) -> Option<&Unit> {
        mine.and_then(|m| self.units.get(&m.unit))
    }

    /// What `unit`'s page lists, counted on `today`: the same lists as `owed_by`.
    pub fn unit_holding(&self, unit: &UnitId, today: NaiveDate, due_soon: u64) -> UnitHolding {
        let (led, coordinated) = self.owed_by(unit, today);
        let mut ids = BTreeSet::new();
        let mut conclusions = BTreeSet::new();
        for d in led.iter().chain(&coordinated) {
            ids.insert(&d.id);
            conclusions.insert(&d.conclusion);
        }
        UnitHolding {
            directives: ids.len(),
            conclusions: conclusions.len(),
            led: Tally::of(led.iter().copied(), today, due_soon),
        }
    }
}

/// Whether the office's tools (edit, end or join a unit, reminder letters, a direct
/// extension) show: not in a unit's own browser.
pub fn office_tools_shown(reporting: Option<&Unit>) -> bool {
    reporting.is_none()
}

/// Whether the dashboard quotes province figures: not when the data is only a unit's
/// package (those figures would count a part as the whole).
pub fn province_figures_shown(reporting: Option<&Unit>, mine: Option<&MyUnit>) -> bool {
    !(reporting.is_some() && mine.is_some_and(|m| m.package_only))
}
