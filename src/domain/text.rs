//! Matching text the way officers search: without Vietnamese diacritics and case, so
//! "giai phong mat bang" finds "Giải phóng mặt bằng" and "d" finds "đ".

use unicode_normalization::UnicodeNormalization;

/// Lower case, diacritics removed, "đ" as "d", runs of white space as one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
