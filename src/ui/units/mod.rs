//! Units: the register of committees and units (`unit_list`), one unit's page (what it
//! owes, its reminder letter, its history), and the forms that add or correct a unit, end
//! it and hand its work over, or join a duplicate into it. They read `domain::units`
//! (who owes a directive on a date, succession, joining) and the unit drafts.
//!
//! A unit's page records updates through the follow-up's `UpdateForm`.

mod unit_end_form;
mod unit_form;
mod unit_join;
mod unit_list;
mod unit_page;

pub(super) use unit_list::UnitList;
pub(super) use unit_page::{UnitPage, UnitPageProps};
