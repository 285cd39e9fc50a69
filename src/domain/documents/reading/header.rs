//! The header lines of a notice: its number and symbol ("Số 21 -KL/BCĐ", "Số: 245/TB-VPUBND"),
//! its place and date ("Điện Biên, ngày 20 tháng 9 năm 2026"), and its kind (KẾT LUẬN,
//! THÔNG BÁO, THÔNG BÁO KẾT LUẬN).

use chrono::NaiveDate;

use crate::domain::text::fold;

/// The kind of notice its centred line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindLine {
    Conclusion,
    Notice,
    NoticeOfConclusion,
}

/// The kind named by `line` when the line is only that word (in capitals or not).
pub fn kind_line(line: &str) -> Option<KindLine> {
    match fold(line).trim_end_matches(['.', ':']).trim() {
        "ket luan" => Some(KindLine::Conclusion),
        "thong bao" => Some(KindLine::Notice),
        "thong bao ket luan" => Some(KindLine::NoticeOfConclusion),
        _ => None,
    }
}

/// The number and symbol on a "Số" line, stray spaces removed: "Số 21 -KL/BCĐ" is
/// "21-KL/BCĐ", "Số: 245/TB-VPUBND" is "245/TB-VPUBND". A line without a number after
/// "Số" (a letter whose number is left blank) gives none.
pub fn number_symbol(line: &str) -> Option<String> {
    let rest = line.trim_start();
    let rest = rest
        .strip_prefix("Số")
        .or_else(|| rest.strip_prefix("SỐ"))
        .or_else(|| rest.strip_prefix("số"))?;
    let rest = rest.trim_start().trim_start_matches(':').trim();
    // The symbol is the run of pieces made of digits, capitals and the separators - and /
    // ("21 -KL/BCĐ", "05 / TB - UBND"); a word such as "Điện" (a place after it on the same
    // line, as a copied header puts it) ends it.
    let symbol: String = rest
        .split_whitespace()
        .take_while(|piece| {
            piece.chars().all(|c| {
                c.is_ascii_digit()
                    || c == '-'
                    || c == '/'
                    || c == '.'
                    || c == '&'
                    || c.is_uppercase()
            })
        })
        .collect();
    let starts_with_digit = symbol.chars().next().is_some_and(|c| c.is_ascii_digit());
    (starts_with_digit && symbol.contains(['-', '/'])).then_some(symbol)
}

/// The place and date on a line such as "Điện Biên, ngày 20 tháng 9 năm 2026" (the place may
/// be missing; "ngày 05 tháng 02 năm 2026" alone is a date).
pub fn place_date(line: &str) -> Option<(String, NaiveDate)> {
    let folded = fold(line);
    let at = folded.find("ngay ")?;
    let numbers: Vec<u32> = folded[at..]
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .filter_map(|s| s.parse().ok())
        .collect();
    let words = &folded[at..];
    if !(words.contains("thang") && words.contains("nam")) {
        return None;
    }
    let [day, month, year] = numbers[..] else {
        return None;
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    // The place is what stands before ", ngày" in the line as written.
    let place = line
        .char_indices()
        .map(|(i, _)| i)
        .find(|i| fold(&line[*i..]).starts_with("ngay "))
        .map(|i| line[..i].trim().trim_end_matches(',').trim().to_owned())
        .unwrap_or_default();
    Some((place, date))
}

/// A header line copied from a PDF or a Word table with its two columns run together:
/// "UBND TỈNH ĐIỆN BIÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "VĂN PHÒNG Độc lập - Tự do -
/// Hạnh phúc", "Số: 95/TB-VPUBND Điện Biên, ngày …". Cut where the right column begins: the
/// national name, the motto, the Party's name, or the place and date after a number.
pub fn header_cells(line: &str) -> Vec<String> {
    const RIGHT: [&str; 3] = [
        "cong hoa xa hoi chu nghia",
        "doc lap",
        "dang cong san viet nam",
    ];
    let starts: Vec<usize> = line
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0 && line[..i].ends_with(' '))
        .collect();
    let cut = starts
        .iter()
        .find(|&&i| {
            let rest = fold(&line[i..]);
            RIGHT.iter().any(|r| rest.starts_with(r))
        })
        .copied()
        .or_else(|| {
            // "Số: 95/TB-VPUBND Điện Biên, ngày …": the place and date after the symbol.
            number_symbol(line)?;
            starts
                .iter()
                .find(|&&i| {
                    !line[i..].starts_with(|c: char| c.is_ascii_digit() || "-/".contains(c))
                        && fold(&line[..i]).trim_end() != "so"
                        && fold(&line[..i]).trim_end() != "so:"
                        && place_date(&line[i..]).is_some()
                })
                .copied()
        });
    match cut {
        Some(i) => vec![line[..i].trim().to_owned(), line[i..].trim().to_owned()],
        None => vec![line.to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_line_reads_without_a_panic(line in "\\PC{0,120}") {
            let _ = number_symbol(&line);
            let _ = place_date(&line);
            let _ = kind_line(&line);
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_number_and_symbol_with_stray_spaces() {
        assert_eq!(number_symbol("Số 21 -KL/BCĐ"), Some("21-KL/BCĐ".into()));
        assert_eq!(
            number_symbol("Số: 245/TB-VPUBND"),
            Some("245/TB-VPUBND".into())
        );
        assert_eq!(
            number_symbol("  Số:05 / TB - UBND"),
            Some("05/TB-UBND".into())
        );
        assert_eq!(
            number_symbol("Số 16-KL/BCĐ Điện Biên, ngày 20 tháng 9 năm 2026"),
            Some("16-KL/BCĐ".into())
        );
        assert_eq!(number_symbol("Số        -BC"), None, "left blank");
        assert_eq!(number_symbol("Sở Xây dựng"), None);
        assert_eq!(number_symbol("Số hộ đã bàn giao 12"), None);
    }

    #[test]
    fn two_columns_run_together_are_cut_apart() {
        assert_eq!(
            header_cells("SỞ XÂY DỰNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            vec!["SỞ XÂY DỰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
        );
        assert_eq!(
            header_cells("PHÒNG KINH TẾ Độc lập - Tự do - Hạnh phúc"),
            vec!["PHÒNG KINH TẾ", "Độc lập - Tự do - Hạnh phúc"]
        );
        assert_eq!(
            header_cells("HUYỆN ỦY MƯỜNG ẢNG ĐẢNG CỘNG SẢN VIỆT NAM"),
            vec!["HUYỆN ỦY MƯỜNG ẢNG", "ĐẢNG CỘNG SẢN VIỆT NAM"]
        );
        assert_eq!(
            header_cells("Số: 12/TB-SXD Mường Ảng, ngày 03 tháng 02 năm 2026"),
            vec!["Số: 12/TB-SXD", "Mường Ảng, ngày 03 tháng 02 năm 2026"]
        );
        assert_eq!(
            header_cells("Số 9-TB/HU ngày 03 tháng 02 năm 2026"),
            vec!["Số 9-TB/HU", "ngày 03 tháng 02 năm 2026"]
        );
        assert_eq!(header_cells("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").len(), 1);
        assert_eq!(header_cells("BAN CHỈ ĐẠO CÁC CÔNG TRÌNH").len(), 1);
    }

    #[test]
    fn the_place_and_date() {
        assert_eq!(
            place_date("Điện Biên, ngày 20 tháng 9 năm 2026"),
            Some(("Điện Biên".into(), day(2026, 9, 20)))
        );
        assert_eq!(
            place_date("ngày 05 tháng 02 năm 2026"),
            Some((String::new(), day(2026, 2, 5)))
        );
        assert_eq!(
            place_date("Số 16-KL/BCĐ      Điện Biên, ngày 20 tháng 9 năm 2026").map(|p| p.1),
            Some(day(2026, 9, 20))
        );
        assert_eq!(place_date("ngày 31 tháng 4 năm 2026"), None, "no such day");
        assert_eq!(place_date("Ngày làm việc"), None);
    }

    #[test]
    fn the_kind_line() {
        assert_eq!(kind_line("KẾT LUẬN"), Some(KindLine::Conclusion));
        assert_eq!(
            kind_line("THÔNG BÁO KẾT LUẬN"),
            Some(KindLine::NoticeOfConclusion)
        );
        assert_eq!(kind_line("Thông báo"), Some(KindLine::Notice));
        assert_eq!(kind_line("Kết luận của Trưởng Ban Chỉ đạo"), None);
    }
}
