//! The page's side of the units' round trip by file: whether this browser reports for a
//! unit (the rules are `domain::sharing::unit_browser`'s), every unit's package among many,
//! and the unit's reply.

use leptos::prelude::*;

use super::AppState;
use crate::domain::sharing::{office_tools_shown, province_figures_shown, MyUnit, Scope};
use crate::domain::units::Unit;
use crate::domain::UnitId;
use crate::ui::browser;

impl AppState {
    /// `f` of the unit this browser reports for (when the data holds it) and of what the
    /// settings say of it (tracked: views redraw when it is chosen).
    fn with_reporting<R>(&self, f: impl FnOnce(Option<&Unit>, Option<&MyUnit>) -> R) -> R {
        let mine = self.settings.with(|s| s.reporting_for.clone());
        self.data
            .with(|d| f(d.reporting_unit(mine.as_ref()), mine.as_ref()))
    }

    /// The unit this browser reports for ("Đơn vị của tôi"); `None` in the office's browser.
    pub fn reporting_unit(&self) -> Option<UnitId> {
        self.with_reporting(|unit, _| unit.map(|u| u.id.clone()))
    }

    /// Whether the office's tools show (`office_tools_shown`).
    pub fn office_tools(&self) -> bool {
        self.with_reporting(|unit, _| office_tools_shown(unit))
    }

    /// Whether the dashboard quotes province figures (`province_figures_shown`).
    pub fn province_figures(&self) -> bool {
        self.with_reporting(province_figures_shown)
    }

    /// One unit's package among the packages of every unit: the file's name and text, its
    /// records remembered as exchanged by [`AppState::remember_exchanged`].
    pub fn export_package(&self, unit: &UnitId) -> (String, String) {
        let officer = self.officer();
        let file = self.with_session(false, |s| {
            s.export_one_of_many(
                Scope::Unit(unit.clone()),
                officer,
                browser::now(),
                browser::today(),
            )
        });
        (file.name, file.text)
    }

    pub fn remember_exchanged(&self) {
        self.with_session(false, |s| s.remember_exchanged());
    }

    /// Downloads the reply of this browser's unit: what it added since its package.
    pub fn export_reply(&self, unit: &UnitId) {
        let since = self
            .settings
            .with_untracked(|s| s.reporting_for.as_ref().map(|m| m.since))
            .unwrap_or(chrono::DateTime::<chrono::Utc>::UNIX_EPOCH);
        let officer = self.officer();
        let file = self.with_session(false, |s| {
            s.export_reply(unit, since, officer, browser::now(), browser::today())
        });
        browser::download(&file.name, "application/json", &file.text);
    }
}
