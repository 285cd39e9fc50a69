//! How much of a long list a screen draws: the first rows with the click that opens it, and
//! more on request. A province's 1,800 conclusions are found by filtering and searching; drawing
//! them all would make every click that opens or leaves the list slow (each row is built, then
//! taken down again).

/// Rows a list draws at first, and how many each "show more" adds.
pub const LIST_PAGE_ROWS: usize = 50;

/// Rows drawn of `total` after `more` requests for more, and how many are left.
pub fn rows_shown(total: usize, more: usize) -> (usize, usize) {
    let shown = total.min(LIST_PAGE_ROWS.saturating_mul(more.saturating_add(1)));
    (shown, total - shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_shows_a_page_then_a_page_more_at_each_request() {
        assert_eq!(rows_shown(0, 0), (0, 0));
        assert_eq!(rows_shown(LIST_PAGE_ROWS, 0), (LIST_PAGE_ROWS, 0));
        assert_eq!(rows_shown(1_800, 0), (50, 1_750));
        assert_eq!(rows_shown(1_800, 1), (100, 1_700));
        assert_eq!(rows_shown(1_800, 35), (1_800, 0));
        assert_eq!(rows_shown(1_801, 35), (1_800, 1));
        assert_eq!(rows_shown(1_800, usize::MAX), (1_800, 0));
    }
}
