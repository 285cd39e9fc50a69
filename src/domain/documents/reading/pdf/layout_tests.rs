use super::*;

#[test]
fn page_numbers_as_offices_write_them() {
    for text in [
        "3",
        "- 3 -",
        "Trang 3",
        "3/12",
        "Page 3 of 12",
        "trang 3 / 12",
    ] {
        assert!(is_page_number(text, 12), "{text}");
    }
    for text in ["3.", "2026", "Điều 3", "a)", "3. Sở Xây dựng", "Trang"] {
        assert!(!is_page_number(text, 12), "{text}");
    }
    assert_eq!(
        without_page_number("Thông báo số 245 - Trang 2", 2),
        "Thông báo số 245 - Trang"
    );
    assert_eq!(without_page_number("Kết luận số 34", 2), "Kết luận số 34");
}

#[test]
fn items_start_a_line_of_their_own() {
    for text in [
        "1. Sở",
        "12) Ban",
        "a) Lập",
        "II. Nhiệm vụ",
        "- Phối hợp",
        "+ Thường xuyên",
        "3.1. Hoàn thành",
    ] {
        assert!(starts_item(text), "{text}");
    }
    for text in ["2026.", "và Quốc lộ 12", "ngày 30/11/2026.", "UBND tỉnh"] {
        assert!(!starts_item(text), "{text}");
    }
}

fn line(y: f32, x: f32, end: f32, text: &str) -> Line {
    Line {
        y,
        x,
        end,
        size: 12.0,
        text: text.to_owned(),
    }
}

#[test]
fn a_line_goes_on_when_its_next_word_would_not_have_fitted() {
    // The text block ends at 500; the next line's first word is about 30 wide.
    let full = line(
        700.0,
        72.0,
        498.0,
        "Sở Xây dựng chủ trì, phối hợp với các sở, ngành liên quan hoàn",
    );
    let next = line(685.0, 72.0, 300.0, "thành thủ tục trước ngày 30/11/2026.");
    assert!(wrapped(&full, &next, 500.0));
    let short = line(700.0, 72.0, 300.0, "Sở Tài chính:");
    assert!(!wrapped(&short, &next, 500.0));
    let item = line(685.0, 72.0, 300.0, "2. Sở Tài chính bố trí vốn.");
    assert!(!wrapped(&full, &item, 500.0));
    let text = super::text(vec![vec![full, next, item]]);
    assert_eq!(
        text,
        "Sở Xây dựng chủ trì, phối hợp với các sở, ngành liên quan hoàn thành thủ tục trước ngày 30/11/2026.\n2. Sở Tài chính bố trí vốn.\n"
    );
}
