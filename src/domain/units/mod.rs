//! Units and the reorganisation: steering committees, the units they direct, and a unit
//! renamed, archived, joined with its duplicate, or ended with its work handed over.
//!
//! - `org`: committees and units (former names kept with their last day, so an old
//!   conclusion reads as written; `Ending`: merged or abolished, with successors).
//! - `unit_join`: a duplicate unit joined into the kept one, its id remembered in `joined`.
//! - `succession`: the officer's record of a unit's end, checked, then recorded as hand-overs.
//! - `handover`: who owes a directive on a date. Invariant: a conclusion's own units are
//!   never rewritten; a directive counts for the unit leading it on the reference date, or
//!   on the day it closed (`Directive::lead_at`).
//! - `*_draft`: the unit form's and the unit's end's drafts.

pub(super) mod handover;
pub(super) mod org;
pub(super) mod succession;
pub(super) mod succession_draft;
pub(super) mod unit_draft;
pub(super) mod unit_join;

pub use handover::{Handover, Inherited, Role};
pub use org::{
    BodyKind, Committee, DatedCapital, EndKind, Ending, FormerName, Merger, Unit, UnitKind,
};
pub use succession::{Recorded, Succession, SuccessionProblem, Taker};
pub use succession_draft::SuccessionDraft;
pub use unit_draft::{renamed_since, UnitDraft};
pub use unit_join::Joined;
