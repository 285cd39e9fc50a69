//! Reading a conclusion notice pasted as text (issue 13, in progress): the text made plain
//! (`clean`). The draft of the conclusion and its directives is built on these lines.

pub mod clean;
