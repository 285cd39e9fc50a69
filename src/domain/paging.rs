//! How much of a long list a screen draws: the first rows with the click that opens it, and
//! more on request. A province's 1,800 conclusions are found by filtering and searching; drawing
//! them all would make every click that opens or leaves the list slow (each row is built, then
//! taken down again).
//!
//! A summary's lists (the report's units and what needs chasing, the dashboard's) are
//! folded instead: a phone's first screenful with the count and "Xem tất cả", so that what
//! comes after them is a thumb's scroll away, not 2,000 items down.

/// Rows a list draws at first, and how many each "show more" adds.
pub const LIST_PAGE_ROWS: usize = 50;

/// Rows of a list's first page drawn with the click that opens the screen: a screenful. The
/// rest of the page follows in the next task, so that the screen is shown within a frame.
pub const FIRST_SCREEN_ROWS: usize = 20;

/// Rows a folded list shows: about a phone's screenful of one-line items (at 390 × 844, ten
/// overdue items of two or three lines each; of the report's unit cards, two or three screens).
pub const FOLDED_ROWS: usize = 10;

/// Rows a folded list shows of `total`: [`FOLDED_ROWS`], or all of them when folding would
/// hide less than half as many again (a "show all" for two more rows costs a tap for
/// nothing).
pub fn folded_rows(total: usize) -> usize {
    if total <= FOLDED_ROWS + FOLDED_ROWS / 2 {
        total
    } else {
        FOLDED_ROWS
    }
}

/// Rows drawn of the `shown` ones while the screen is being opened, and once it is.
pub fn rows_drawn(shown: usize, opening: bool) -> usize {
    if opening {
        shown.min(FIRST_SCREEN_ROWS)
    } else {
        shown
    }
}

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

    #[test]
    fn a_summary_list_is_folded_to_a_screenful_unless_little_would_be_hidden() {
        assert_eq!(folded_rows(0), 0);
        assert_eq!(folded_rows(7), 7);
        assert_eq!(folded_rows(FOLDED_ROWS), FOLDED_ROWS);
        // Up to half a screenful more is shown whole.
        let whole = FOLDED_ROWS + FOLDED_ROWS / 2;
        assert_eq!(folded_rows(whole), whole);
        assert_eq!(folded_rows(whole + 1), FOLDED_ROWS);
        assert_eq!(folded_rows(80), FOLDED_ROWS);
        assert_eq!(folded_rows(2_074), FOLDED_ROWS);
    }

    #[test]
    fn a_screenful_is_drawn_with_the_click_and_the_rest_of_the_page_after() {
        const { assert!(FIRST_SCREEN_ROWS < LIST_PAGE_ROWS) };
        assert_eq!(rows_drawn(0, true), 0);
        assert_eq!(rows_drawn(7, true), 7);
        assert_eq!(rows_drawn(LIST_PAGE_ROWS, true), FIRST_SCREEN_ROWS);
        assert_eq!(rows_drawn(LIST_PAGE_ROWS, false), LIST_PAGE_ROWS);
        assert_eq!(rows_drawn(1_800, false), 1_800);
    }
}
