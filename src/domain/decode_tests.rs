use super::*;

fn utf16(text: &str, big_endian: bool, mark: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = mark
        .then_some(0xfeff)
        .into_iter()
        .chain(text.encode_utf16());
    for u in units {
        out.extend(if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

const TEXT: &str = "Số: 118/TB-VPUBND\r\nĐiện Biên, ngày 12 tháng 3 năm 2027 — 𝕏\n";

#[test]
fn utf8_with_or_without_its_mark() {
    assert_eq!(decode_text(TEXT.as_bytes()).unwrap(), TEXT);
    let mut marked = b"\xef\xbb\xbf".to_vec();
    marked.extend_from_slice(TEXT.as_bytes());
    assert_eq!(decode_text(&marked).unwrap(), TEXT);
    assert_eq!(decode_text(b"").unwrap(), "");
}

#[test]
fn utf16_as_notepad_saves_unicode_little_and_big_endian() {
    for big in [false, true] {
        assert_eq!(
            decode_text(&utf16(TEXT, big, true)).unwrap(),
            TEXT,
            "big endian: {big}"
        );
        // Without its mark, told by the NUL bytes of the first ASCII character.
        assert_eq!(
            decode_text(&utf16(TEXT, big, false)).unwrap(),
            TEXT,
            "big endian: {big}"
        );
    }
    assert_eq!(decode_text(&[0xff, 0xfe]).unwrap(), "");
}

#[test]
fn what_is_not_unicode_text_says_on_which_line() {
    // "Việt" as Windows-1258 ("ANSI" on a Vietnamese PC), on the third line.
    assert_eq!(
        decode_text(b"a\nb\nVi\xean\n"),
        Err(DecodeProblem::NotUnicode { line: 3 })
    );
    // UTF-16 cut in the middle of a character, or with half a surrogate pair.
    let mut odd = utf16("ab\ncd", false, true);
    odd.pop();
    assert_eq!(
        decode_text(&odd),
        Err(DecodeProblem::NotUnicode { line: 2 })
    );
    let lone = [0xff, 0xfe, 0x00, 0xd8, b'a', 0];
    assert_eq!(
        decode_text(&lone),
        Err(DecodeProblem::NotUnicode { line: 1 })
    );
}

#[test]
fn an_import_file_saved_as_utf16_loads_the_same_dataset_as_its_utf8_twin() {
    use crate::domain::parse_dataset;
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/v1-dataset.json"
    );
    let utf8 = std::fs::read(path).unwrap();
    let text = decode_text(&utf8).unwrap();
    let twin = utf16(&text, false, true);
    let from_utf8 = parse_dataset(&text).unwrap();
    let from_utf16 = parse_dataset(&decode_text(&twin).unwrap()).unwrap();
    assert_eq!(from_utf8.dataset, from_utf16.dataset);
    assert!(!from_utf8.dataset.units.is_empty());
}

#[test]
fn vietnamese_letters_written_with_combining_marks_are_composed() {
    // Base letter, vowel mark and tone mark, in either order (canonical order puts the dot
    // below first).
    assert_eq!(compose("Vie\u{302}\u{323}t Nam"), "Việt Nam");
    assert_eq!(compose("Vie\u{323}\u{302}t"), "Việt");
    assert_eq!(
        compose("D\u{335}IE\u{302}\u{323}N BIE\u{302}N"),
        "ĐIỆN BIÊN"
    );
    assert_eq!(
        compose("Thu\u{31b}\u{309}a, so\u{31b}\u{300}, a\u{306}\u{301}"),
        "Thửa, sờ, ắ"
    );
    assert_eq!(compose("ngày"), "ngày");
    // A mark no Vietnamese letter takes is kept.
    assert_eq!(compose("x\u{301}"), "x\u{301}");
    assert_eq!(compose("\u{301}a"), "\u{301}a");
}

proptest::proptest! {
    #[test]
    fn any_bytes_decode_without_a_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200)) {
        let _ = decode_text(&bytes);
    }

    #[test]
    fn composing_keeps_precomposed_text_as_it_is(text in "\\PC{0,40}") {
        let composed = compose(&text);
        proptest::prop_assert_eq!(compose(&composed), composed.clone());
    }
}
