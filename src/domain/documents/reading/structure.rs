//! A notice's clean lines cut into its parts, in the order the notice has them: the header
//! (issuing body, number, place and date), the kind line and the title after it, the
//! opening and assessment paragraphs, the numbered items with their sub-items, the closing
//! paragraph, the recipients after "Nơi nhận:" and the signer's lines.

use super::header::{kind_line, KindLine};
use crate::domain::text::fold;

/// An item as numbered in the notice: "3", "3.2" (a "- ", "+" or "a)" sub-item numbered
/// in order under its item), with its text (continuation paragraphs joined with a line
/// break).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemText {
    pub path: String,
    pub text: String,
    /// Where it stands among the clean lines: its first line and the continuation lines.
    pub lines: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parts {
    pub header: Vec<String>,
    pub kind: Option<KindLine>,
    pub title: Vec<String>,
    /// Paragraphs before the first numbered item: the opening first.
    pub paragraphs: Vec<String>,
    pub items: Vec<ItemText>,
    pub closing: Option<String>,
    pub recipients: Vec<String>,
    /// What follows the recipients, or stands after the closing without them: the
    /// signer's title lines and name.
    pub signer: Vec<String>,
}

/// The number starting an item line: "3." or "3)" gives ("3", rest); "2.1." gives
/// ("2.1", rest).
fn numbered(line: &str) -> Option<(String, &str)> {
    let end = line
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(line.len());
    let (number, rest) = line.split_at(end);
    let rest = rest.strip_prefix(')').unwrap_or(rest);
    let number = number.trim_end_matches('.');
    let well_formed = !number.is_empty()
        && number.split('.').all(|p| !p.is_empty() && p.len() <= 3)
        && (line[..end].ends_with('.') || line[end..].starts_with(')'));
    (well_formed && rest.starts_with(' ')).then(|| (number.to_owned(), rest.trim_start()))
}

/// "I. ", "II. ", "IV. ": a section of the notice, not a directive.
fn roman_section(line: &str) -> bool {
    let head: String = line.chars().take_while(|c| "IVXL".contains(*c)).collect();
    !head.is_empty() && line[head.len()..].starts_with(". ")
}

/// A section that assesses what was done rather than assigns what is to be done.
fn is_assessment(heading: &str) -> bool {
    let f = fold(heading);
    let assigns = [
        "nhiem vu",
        "giai phap",
        "chi dao",
        "ket luan",
        "de nghi",
        "giao",
        "phan cong",
    ];
    let assesses = ["danh gia", "tinh hinh", "ket qua", "ton tai", "han che"];
    assesses.iter().any(|w| f.contains(w)) && !assigns.iter().any(|w| f.contains(w))
}

/// A sub-item line: "- ", "+ ", "a) ", "b) ".
fn sub_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("+ ")) {
        return Some(rest);
    }
    let mut chars = line.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(c), Some(')'), Some(' ')) if c.is_lowercase() && c.is_alphabetic() => {
            Some(line[c.len_utf8() + 1..].trim_start())
        }
        _ => None,
    }
}

/// The closing paragraph: the one asking the bodies concerned to carry out the conclusion
/// ("... thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.").
fn is_closing(line: &str) -> bool {
    let f = fold(line);
    f.contains("thong bao de")
        || f.contains("biet, thuc hien")
        || f.contains("biet va thuc hien")
        || f.contains("biet, phoi hop thuc hien")
        || f.contains("nghiem tuc thuc hien")
}

fn is_recipients(line: &str) -> bool {
    fold(line).starts_with("noi nhan")
}

/// The notice's parts from its clean lines (blank lines kept as empty ones).
pub fn parts(lines: &[String]) -> Parts {
    let mut p = Parts::default();
    let kind_at = lines.iter().position(|l| kind_line(l).is_some());
    let body_from = match kind_at {
        Some(k) => {
            p.header = lines[..k]
                .iter()
                .filter(|l| !l.is_empty())
                .cloned()
                .collect();
            p.kind = kind_line(&lines[k]);
            // The title: the lines after the kind up to the first blank line (or the first
            // paragraph that opens with a date or a number).
            let mut i = k + 1;
            while i < lines.len() && lines[i].is_empty() {
                i += 1;
            }
            while i < lines.len() && !lines[i].is_empty() && numbered(&lines[i]).is_none() {
                if !p.title.is_empty() && fold(&lines[i]).starts_with("ngay ") {
                    break;
                }
                p.title.push(lines[i].clone());
                i += 1;
            }
            i
        }
        None => 0,
    };
    let mut sub = 0;
    let mut assessing = false;
    let mut in_recipients = false;
    let mut done = false;
    for (at, line) in lines.iter().enumerate().skip(body_from) {
        if line.is_empty() {
            continue;
        }
        if is_recipients(line) {
            in_recipients = true;
            let rest = line.split_once(':').map_or("", |(_, r)| r.trim());
            if !rest.is_empty() {
                p.recipients.push(rest.to_owned());
            }
            continue;
        }
        if in_recipients {
            if let Some(rest) = line.strip_prefix("- ") {
                p.recipients.push(rest.to_owned());
            } else {
                p.signer.push(line.clone());
            }
            continue;
        }
        if done {
            p.signer.push(line.clone());
            continue;
        }
        if is_closing(line) {
            p.closing = Some(line.clone());
            done = true;
            continue;
        }
        // "II. Nhiệm vụ thời gian tới": a section heading, not a directive. Under a section
        // that assesses ("I. Đánh giá kết quả"), numbered lines are the assessment's.
        if roman_section(line) {
            assessing = is_assessment(line);
            continue;
        }
        if assessing {
            p.paragraphs.push(line.clone());
            continue;
        }
        if let Some((number, rest)) = numbered(line) {
            sub = 0;
            p.items.push(ItemText {
                path: number,
                text: rest.to_owned(),
                lines: vec![at],
            });
            continue;
        }
        if let (Some(rest), Some(parent)) = (sub_item(line), p.items.last()) {
            sub += 1;
            let top = parent.path.split('.').next().unwrap_or("").to_owned();
            p.items.push(ItemText {
                path: format!("{top}.{sub}"),
                text: rest.to_owned(),
                lines: vec![at],
            });
            continue;
        }
        match p.items.last_mut() {
            Some(item) => {
                // A line wrapped by a PDF goes on in lower case after an unfinished sentence:
                // the same paragraph. Otherwise a paragraph of its own, kept on a new line.
                let wrapped = !item.text.trim_end().ends_with(['.', ';', ':', '!', '?'])
                    && line.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
                item.text.push(if wrapped { ' ' } else { '\n' });
                item.text.push_str(line);
                item.lines.push(at);
            }
            None => p.paragraphs.push(line.clone()),
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::super::clean::clean_lines;
    use super::*;

    const NOTICE: &str = "TỈNH ỦY ĐIỆN BIÊN
BAN CHỈ ĐẠO CÁC CÔNG TRÌNH, DỰ ÁN TRỌNG ĐIỂM
*
Số 21 -KL/BCĐ
Điện Biên, ngày 20 tháng 9 năm 2026

KẾT LUẬN
của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm

Ngày 15/9/2026, Trưởng Ban Chỉ đạo chủ trì hội nghị đánh giá tiến độ các dự án trọng điểm.
Công tác giải phóng mặt bằng có chuyển biến; giải ngân còn chậm.

1. Giao Sở Xây dựng chủ trì, phối hợp với UBND phường Điện Biên Phủ hoàn thành thẩm định thiết kế trước ngày 12/10/2026.
2. UBND xã Mường Phăng:
- Hoàn thành kiểm đếm tài sản trên đất trong ngày 18/11/2026.
- Thường xuyên báo cáo tiến độ về Văn phòng UBND tỉnh.
3. Sở Tài chính tham mưu bố trí vốn đối ứng trong 6 tháng đầu năm 2027.
Trường hợp vượt thẩm quyền, báo cáo UBND tỉnh.

Văn phòng Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.

Nơi nhận:
- Thành viên Ban Chỉ đạo;
- Lưu VP.
CHÁNH VĂN PHÒNG
Nguyễn Văn C";

    #[test]
    fn a_notice_is_cut_into_its_parts() {
        let p = parts(&clean_lines(NOTICE));
        assert_eq!(p.header.len(), 4, "{:?}", p.header);
        assert_eq!(p.kind, Some(KindLine::Conclusion));
        assert_eq!(
            p.title,
            vec!["của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm"]
        );
        assert_eq!(p.paragraphs.len(), 2);
        let paths: Vec<&str> = p.items.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(paths, vec!["1", "2", "2.1", "2.2", "3"]);
        assert_eq!(p.items[1].text, "UBND xã Mường Phăng:");
        assert!(p.items[4]
            .text
            .ends_with("\nTrường hợp vượt thẩm quyền, báo cáo UBND tỉnh."));
        assert!(p
            .closing
            .as_deref()
            .is_some_and(|c| c.starts_with("Văn phòng Ban Chỉ đạo thông báo")));
        assert_eq!(p.recipients, vec!["Thành viên Ban Chỉ đạo;", "Lưu VP."]);
        assert_eq!(p.signer, vec!["CHÁNH VĂN PHÒNG", "Nguyễn Văn C"]);
    }

    #[test]
    fn numbers_letters_and_sections() {
        assert_eq!(numbered("3. Giao"), Some(("3".into(), "Giao")));
        assert_eq!(
            numbered("2.1. Hoàn thành"),
            Some(("2.1".into(), "Hoàn thành"))
        );
        assert_eq!(numbered("4) Sở"), Some(("4".into(), "Sở")));
        assert_eq!(numbered("2026 là năm"), None);
        assert_eq!(numbered("15/9/2026, Trưởng"), None);
        assert!(roman_section("II. Nhiệm vụ thời gian tới"));
        assert!(!roman_section("Ủy ban"));
        assert_eq!(sub_item("a) Hoàn thành"), Some("Hoàn thành"));
        assert_eq!(sub_item("+ Báo cáo"), Some("Báo cáo"));
        assert_eq!(sub_item("Sở Xây dựng"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_cut_without_a_panic(text in "\\PC{0,400}") {
            let _ = parts(&clean_lines(&text));
        }
    }
}
