//! Matching text the way officers search: without Vietnamese diacritics and case, so
//! "giai phong mat bang" finds "Giải phóng mặt bằng" and "d" finds "đ".

/// Lower case, diacritics removed, "đ" as "d", runs of white space as one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        for c in c.to_lowercase() {
            if is_combining_mark(c) {
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            out.push(base_letter(c));
        }
    }
    out
}

/// The combining diacritical marks (U+0300–U+036F): the tone and vowel marks of
/// Vietnamese typed decomposed, as some keyboards and PDF copies do.
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// A lower-case Latin letter without its marks: every Vietnamese letter, and those of
/// Latin-1 and Latin Extended-A that names of places and people may carry. A small table
/// instead of Unicode decomposition tables keeps the app's download smaller.
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'ä' | 'å' | 'ā' | 'ą' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' | 'ë' | 'ē' | 'ė' | 'ę'
        | 'ě' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' | 'û' | 'ü' | 'ū' | 'ů'
        | 'ű' | 'ų' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'ÿ' => 'y',
        'đ' | 'ď' => 'd',
        'ç' | 'ć' | 'č' => 'c',
        'ñ' | 'ń' | 'ň' => 'n',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ř' => 'r',
        'ł' | 'ľ' => 'l',
        'ť' | 'ţ' => 't',
        'ğ' => 'g',
        c => c,
    }
}

/// Whether every word of `query` appears in `text`, ignoring diacritics and case.
/// `text` is expected already folded (fold once, match many times).
pub fn matches_folded(folded_text: &str, query: &str) -> bool {
    fold(query)
        .split(' ')
        .all(|word| folded_text.contains(word))
}

/// A pick list (checkboxes: a directive's projects, its coordinating units) shows all its
/// options up to this many; a province's 900 projects are found by typing a few letters.
pub const PICK_ALL_UP_TO: usize = 40;
/// At most this many options matching what was typed are shown; the rest are counted.
pub const PICK_MATCHES_SHOWN: usize = 40;

/// Which options of a pick list to show: those chosen always, then those matching the
/// words typed (every option when the list is short and nothing is typed), at most
/// [`PICK_MATCHES_SHOWN`] of them. `folded` holds each option's text folded. Returns the
/// positions shown, in the list's order, and how many more match.
pub fn pick_shown(folded: &[String], chosen: &[bool], typed: &str) -> (Vec<usize>, usize) {
    let typed_nothing = fold(typed).is_empty();
    let mut shown = Vec::new();
    let mut matches = 0;
    let mut more = 0;
    for (i, text) in folded.iter().enumerate() {
        if chosen.get(i).copied().unwrap_or(false) {
            shown.push(i);
        } else if (typed_nothing && folded.len() <= PICK_ALL_UP_TO)
            || (!typed_nothing && matches_folded(text, typed))
        {
            if matches < PICK_MATCHES_SHOWN {
                shown.push(i);
                matches += 1;
            } else {
                more += 1;
            }
        } else if typed_nothing {
            more += 1;
        }
    }
    (shown, more)
}

/// How many characters of a directive's or an obstacle's text a one-line list shows.
pub const LIST_TEXT_CHARS: usize = 120;

/// `text` cut to at most `max` characters for a list: at the end of a word, with "…" when
/// anything was left out (never "chuyển mục đích sử" for "… sử dụng đất").
pub fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.into();
    }
    // Room for the ellipsis.
    let end = text
        .char_indices()
        .nth(max.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    // Cut at the last space when the next character does not start a new word; a single
    // word longer than the line is cut where it must be.
    let next_is_space = text[end..].starts_with(char::is_whitespace);
    let head = if next_is_space {
        head
    } else {
        head.rfind(char::is_whitespace).map_or(head, |i| &head[..i])
    };
    let head =
        head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-'));
    format!("{head}…").into()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_list_cuts_text_at_a_word_and_says_so() {
        use super::clip;
        let text = "Hoàn thành thủ tục chuyển mục đích sử dụng đất trước ngày 15/5/2025";
        let cut = clip(text, 40);
        assert_eq!(cut, "Hoàn thành thủ tục chuyển mục đích sử…");
        assert!(cut.chars().count() <= 40);
        assert!(text.starts_with(cut.trim_end_matches('…')));
        assert_eq!(clip("Ngắn gọn", 40), "Ngắn gọn");
        assert_eq!(clip(&"x".repeat(50), 10), format!("{}…", "x".repeat(9)));
        for max in 2..text.chars().count() + 2 {
            let c = clip(text, max);
            assert!(c.chars().count() <= max, "{max}: {c}");
            let body = c.trim_end_matches('…');
            assert!(text.starts_with(body), "{max}: {c}");
            let rest = &text[body.len()..];
            assert!(
                rest.is_empty() || rest.starts_with(' ') || body.split(' ').count() == 1,
                "{max}: {c}"
            );
        }
    }

    use super::*;
    use proptest::prelude::*;

    fn options(n: usize) -> Vec<String> {
        (0..n).map(|i| fold(&format!("Dự án số {i}"))).collect()
    }

    #[test]
    fn a_short_pick_list_shows_everything_and_a_long_one_what_is_chosen_and_typed() {
        let short = options(PICK_ALL_UP_TO);
        let none = vec![false; short.len()];
        assert_eq!(pick_shown(&short, &none, "").0.len(), PICK_ALL_UP_TO);
        assert_eq!(pick_shown(&short, &none, "").1, 0);

        let long = options(900);
        let mut chosen = vec![false; long.len()];
        chosen[500] = true;
        // Nothing typed: the chosen one, the 899 others counted.
        assert_eq!(pick_shown(&long, &chosen, "  "), (vec![500], 899));
        // "so 12" matches 12, 112, 120..129, 212, …, 812 (19 in all), shown with the chosen
        // one in the list's order.
        let (shown, more) = pick_shown(&long, &chosen, "số 12");
        assert_eq!(shown.len(), 19 + 1);
        assert!(shown.windows(2).all(|w| w[0] < w[1]));
        assert!(shown.contains(&500) && shown.contains(&12) && more == 0);
        // A word every option has: the first PICK_MATCHES_SHOWN, the rest counted.
        let (shown, more) = pick_shown(&long, &chosen, "du an");
        assert_eq!(shown.len(), PICK_MATCHES_SHOWN + 1);
        assert_eq!(more, 900 - 1 - PICK_MATCHES_SHOWN);
    }

    #[test]
    fn diacritics_case_and_d() {
        assert_eq!(fold("Giải phóng  mặt bằng"), "giai phong mat bang");
        assert_eq!(fold("ĐIỆN BIÊN"), "dien bien");
        assert_eq!(fold("Hà Nội"), "ha noi");
        // Typed decomposed (base letter then combining marks), as some keyboards do.
        assert_eq!(fold("Gia\u{309}i pho\u{301}ng"), "giai phong");
        assert_eq!(
            fold("Nguyễn Thị Ánh Tuyết, Cà Mau, Đắk Lắk"),
            "nguyen thi anh tuyet, ca mau, dak lak"
        );
        assert!(matches_folded(&fold("Giải phóng mặt bằng"), "giai phong"));
        assert!(matches_folded(&fold("Đường động lực"), "duong luc"));
        assert!(matches_folded(&fold("Đường động lực"), "d"));
        assert!(!matches_folded(&fold("Đường động lực"), "cau"));
        assert!(matches_folded(&fold("anything"), ""));
    }

    proptest! {
        #[test]
        fn folding_is_idempotent_and_never_makes_a_text_unfindable(text in "\\PC{0,40}") {
            let once = fold(&text);
            prop_assert_eq!(fold(&once), once.clone());
            prop_assert!(matches_folded(&once, &text));
        }
    }
}

/// Keeps a text's right-to-left marks and overrides inside it when it is shown next to
/// others ("A, B, C"): a text holding such a mark is wrapped in an isolate (U+2068 … U+2069),
/// which ends whatever it left open. Other texts are returned as they are.
pub fn isolate(s: &str) -> std::borrow::Cow<'_, str> {
    let bidi = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if s.chars().any(bidi) {
        format!("\u{2068}{s}\u{2069}").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod isolate_tests {
    #[test]
    fn only_texts_with_direction_marks_are_isolated() {
        assert_eq!(super::isolate("Sở Xây dựng"), "Sở Xây dựng");
        assert_eq!(super::isolate("a\u{202e}b"), "\u{2068}a\u{202e}b\u{2069}");
    }
}
