//! Reading a conclusion notice pasted as text (issue 13, in progress): the text made plain
//! (`clean`), the header's number, place, date and kind (`header`), the notice cut into its parts
//! (`structure`), the register's units an item names (`units`). The draft of the conclusion and its directives is built on these lines.

pub mod clean;
pub mod header;
pub mod structure;
pub mod units;
