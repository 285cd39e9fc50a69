//! Text pasted from a notice made plain before it is read: Windows line ends, tabs and
//! non-breaking spaces, curly quotes, Word's and Markdown's emphasis marks, bullets of every
//! kind, numbers with a space before their dot, and sentences broken across a page break.
//! What comes out is a list of lines, each trimmed, blank lines kept as empty ones (they
//! separate parts of the notice).

/// The characters that mark emphasis when Word or Markdown text is pasted.
fn is_emphasis(c: char) -> bool {
    matches!(c, '*' | '_')
}

/// One line made plain: spaces of every kind as one space, curly quotes straight, a bullet
/// ("•", "–", "—", "+", "·") as "- ", emphasis marks dropped, "3 ." as "3.".
pub fn clean_line(line: &str) -> String {
    let mut text = String::with_capacity(line.len());
    // A Markdown heading's marks ("## THÔNG BÁO") are no text.
    let unmarked = line.trim_start();
    let hashes = unmarked.len() - unmarked.trim_start_matches('#').len();
    let line = match unmarked[hashes..].chars().next() {
        Some(c) if hashes > 0 && hashes <= 6 && c.is_whitespace() => &unmarked[hashes..],
        _ => line,
    };
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        // A Markdown escape ("\*", "1\.", "\-") stands for the mark after it.
        let c = match (c, chars.peek()) {
            ('\\', Some(next)) if next.is_ascii_punctuation() => chars.next().unwrap_or(c),
            ('\\', None) => continue,
            _ => c,
        };
        match c {
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' | '\u{2002}' | '\u{2003}' | '\u{2009}' => {
                text.push(' ')
            }
            '\u{201c}' | '\u{201d}' | '\u{201e}' => text.push('"'),
            '\u{2018}' | '\u{2019}' => text.push('\''),
            '\u{200b}' | '\u{feff}' | '\r' => {}
            c if is_emphasis(c) => {}
            c if c.is_control() => {}
            c => text.push(c),
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut line = words.join(" ");
    // A bullet of any kind starts a "- " item.
    for bullet in ["• ", "– ", "— ", "· ", "•", "–", "—"] {
        if let Some(rest) = line.strip_prefix(bullet) {
            line = format!("- {}", rest.trim_start());
            break;
        }
    }
    // "3 . Giao" and "3 .Giao" are "3. Giao"; "a )" is "a)".
    let number_end = line
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(line.len());
    if number_end > 0 {
        let rest = &line[number_end..];
        if let Some(after) = rest.strip_prefix(" .") {
            line = format!("{}. {}", &line[..number_end], after.trim_start());
        }
    }
    line.trim().to_owned()
}

/// A row of a table copied from Word arrives as its cells separated by tabs: the header's
/// issuing body and national motto, the number and the place and date, the recipients and
/// the signer's title. Each cell is a line of its own, left first. A tab after a list mark
/// ("4.\tBan QLDA …", "–\tPhối hợp …") only spaces the item, and a tab at either end is none.
fn table_cells(line: &str) -> Vec<&str> {
    let cells: Vec<&str> = line
        .split('\t')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let marker = |cell: &str| {
        let core = cell.trim_end_matches(['.', ')']);
        cell.chars().count() <= 5
            && (core.chars().all(|c| c.is_ascii_digit() || c == '.')
                || core.chars().count() <= 1
                || core.chars().all(|c| "IVXL".contains(c)))
    };
    if cells.len() < 2 || marker(cells[0]) {
        return vec![line];
    }
    cells
}

/// Whether a line ends where a sentence or a heading may end.
fn ends_a_sentence(line: &str) -> bool {
    line.ends_with(['.', ':', ';', '!', '?', ')', '"'])
}

/// Whether a line begins something new: a number, a letter item, a bullet, or a capital.
fn begins_anew(line: &str) -> bool {
    let first = line.chars().next();
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '+')
        || line.starts_with(|c: char| c.is_alphabetic()) && line.chars().nth(1) == Some(')')
}

/// The lines of `text` made plain. A blank line between a line that does not end a
/// sentence and one that goes on in lower case is a page break inside a sentence: the two
/// are joined (a word split there, "thực" / "hiện", becomes "thực hiện"; a word split
/// in the middle with a hyphen, "giải phóng mặt bằ-" / "ng", is joined without a space).
pub fn clean_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut blank_since_last = false;
    let raw_lines: Vec<&str> = text.split('\n').flat_map(table_cells).collect();
    for (i, raw) in raw_lines.iter().enumerate() {
        let line = clean_line(raw);
        // A page's number alone between blank lines ("2") is the page, not the text.
        let blank_after = raw_lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        let page_number = blank_since_last
            && blank_after
            && !line.is_empty()
            && line.len() <= 3
            && line.chars().all(|c| c.is_ascii_digit());
        if line.is_empty() || page_number {
            blank_since_last = true;
            continue;
        }
        let joins = blank_since_last
            && out
                .last()
                .is_some_and(|prev| !prev.is_empty() && !ends_a_sentence(prev))
            && !begins_anew(&line);
        if joins {
            let prev = out.last_mut().expect("checked above");
            if let Some(stem) = prev.strip_suffix('-') {
                *prev = format!("{stem}{line}");
            } else {
                prev.push(' ');
                prev.push_str(&line);
            }
        } else {
            if blank_since_last && !out.is_empty() {
                out.push(String::new());
            }
            out.push(line);
        }
        blank_since_last = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn spaces_quotes_bullets_and_emphasis_are_made_plain() {
        assert_eq!(
            clean_line(
                "\t**Giao Sở Xây dựng**\u{a0}chủ trì,  hoàn thành ***trước ngày 15/5/2025***."
            ),
            "Giao Sở Xây dựng chủ trì, hoàn thành trước ngày 15/5/2025."
        );
        assert_eq!(clean_line("• Hoàn thành kiểm đếm"), "- Hoàn thành kiểm đếm");
        assert_eq!(
            clean_line("–Thường xuyên báo cáo"),
            "- Thường xuyên báo cáo"
        );
        assert_eq!(clean_line("3 . Giao UBND xã"), "3. Giao UBND xã");
        assert_eq!(
            clean_line("\u{201c}Dự án\u{201d} của _tỉnh_\r"),
            "\"Dự án\" của tỉnh"
        );
        assert_eq!(clean_line("   "), "");
    }

    #[test]
    fn markdown_residue_is_made_plain() {
        assert_eq!(clean_line("### KẾT LUẬN"), "KẾT LUẬN");
        assert_eq!(clean_line("#5 chưa là tiêu đề"), "#5 chưa là tiêu đề");
        assert_eq!(clean_line("\\*  "), "");
        assert_eq!(clean_line("2\\. Sở Xây dựng"), "2. Sở Xây dựng");
        assert_eq!(clean_line("\\- Lưu VT."), "- Lưu VT.");
        assert_eq!(clean_line("__Số 9 -KL/BCĐ__"), "Số 9 -KL/BCĐ");
        assert_eq!(clean_line("tỷ lệ 40\\%"), "tỷ lệ 40%");
        let lines = clean_lines("## ĐẢNG BỘ XÃ\n\\*  \n**Số 4 -TB/ĐU**\n");
        assert_eq!(lines, vec!["ĐẢNG BỘ XÃ", "", "Số 4 -TB/ĐU"]);
        assert!(lines.iter().all(|l| l != "\\"));
    }

    #[test]
    fn the_cells_of_a_word_table_row_are_lines_of_their_own() {
        assert_eq!(
            clean_lines("SỞ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 7/TB-STC\t\tLai Châu, ngày 2 tháng 3 năm 2026"),
            vec![
                "SỞ TÀI CHÍNH",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Số: 7/TB-STC",
                "Lai Châu, ngày 2 tháng 3 năm 2026"
            ]
        );
        // A tab after a list mark, or at an end, only spaces.
        assert_eq!(
            clean_lines("2.\tGiao Sở Tài chính"),
            vec!["2. Giao Sở Tài chính"]
        );
        assert_eq!(clean_lines("b)\tLập hồ sơ"), vec!["b) Lập hồ sơ"]);
        assert_eq!(clean_lines("–\tPhối hợp"), vec!["- Phối hợp"]);
        assert_eq!(clean_lines("\tTrần Văn D\t"), vec!["Trần Văn D"]);
    }

    #[test]
    fn a_sentence_broken_by_a_page_break_is_joined() {
        let text = "3. Giao Sở Xây dựng chủ trì, phối hợp với UBND xã thực\r\n\r\nhiện thẩm định trước ngày 15/5/2025.\r\n\r\n4. UBND xã Tân Lập:\n- Hoàn thành giải phóng mặt bằ-\n\nng trong tháng 6.";
        assert_eq!(
            clean_lines(text),
            vec![
                "3. Giao Sở Xây dựng chủ trì, phối hợp với UBND xã thực hiện thẩm định trước ngày 15/5/2025.",
                "",
                "4. UBND xã Tân Lập:",
                "- Hoàn thành giải phóng mặt bằng trong tháng 6.",
            ]
        );
    }

    #[test]
    fn a_new_part_after_a_blank_line_is_kept_apart() {
        let text = "KẾT LUẬN\n\nCủa Trưởng Ban Chỉ đạo tại hội nghị\n\n1. Giao Sở Tài chính";
        assert_eq!(
            clean_lines(text),
            vec![
                "KẾT LUẬN",
                "",
                "Của Trưởng Ban Chỉ đạo tại hội nghị",
                "",
                "1. Giao Sở Tài chính"
            ]
        );
    }

    proptest! {
        #[test]
        fn any_text_cleans_without_a_panic(text in "\\PC{0,400}") {
            let lines = clean_lines(&text);
            prop_assert!(lines.iter().all(|l| l.trim() == l));
            prop_assert!(lines.first().is_none_or(|l| !l.is_empty()));
        }

        #[test]
        fn extra_blank_lines_and_spaces_change_nothing(
            lines in proptest::collection::vec("[A-ZĐa-zđ0-9 .,:;-]{1,40}", 1..12),
            blanks in 1usize..4,
            spaces in 1usize..4,
        ) {
            let one_blank = lines.join("\n\n");
            let many_blanks = lines.join(&"\n".repeat(blanks + 1));
            prop_assert_eq!(clean_lines(&one_blank), clean_lines(&many_blanks));
            let pad = " ".repeat(spaces);
            let padded = lines
                .iter()
                .map(|l| format!("{pad}{}{pad}", l.replace(' ', &pad)))
                .collect::<Vec<_>>()
                .join("\n\n");
            prop_assert_eq!(clean_lines(&one_blank), clean_lines(&padded));
        }
    }
}
