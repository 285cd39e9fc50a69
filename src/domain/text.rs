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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
