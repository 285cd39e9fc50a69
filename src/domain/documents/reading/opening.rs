//! The meeting a notice's opening paragraph describes, as the review proposes to record it:
//! "Ngày 09/3/2027, đồng chí Lò Văn B, Phó Chủ tịch UBND tỉnh đã kiểm tra hiện trường và làm
//! việc tại …" gives an inspection visit on 9 March 2027 chaired by "Lò Văn B, Phó Chủ tịch
//! UBND tỉnh". What the paragraph does not say stays empty for the officer to fill in.

use chrono::NaiveDate;

use crate::domain::draft::{code, date_text};
use crate::domain::followup::meeting::MeetingKind;
use crate::domain::followup::MeetingDraft;
use crate::domain::text::fold;

/// The opening's words, each as written and folded without its punctuation, so a phrase
/// found in the folded words is cut from the original ones.
struct Words<'a> {
    written: Vec<&'a str>,
    folded: Vec<String>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        let written: Vec<&str> = text.split_whitespace().collect();
        let folded = written
            .iter()
            .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
            .collect();
        Words { written, folded }
    }

    /// Where `phrase` (folded words) first starts at or after `from`.
    fn find(&self, phrase: &[&str], from: usize) -> Option<usize> {
        (from..self.folded.len()).find(|&i| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, w)| self.folded.get(i + k).is_some_and(|f| f == w))
        })
    }

    /// The words from `start` to `end` as written, without the punctuation that closes the
    /// clause before what follows ("Lò Văn B, Phó Chủ tịch UBND tỉnh,").
    fn text(&self, start: usize, end: usize) -> String {
        let joined = self.written[start..end.min(self.written.len())].join(" ");
        joined
            .trim_end_matches([',', ';', ':', '.', '-', '–', ' '])
            .to_owned()
    }
}

/// What the chair does, as openings word it (folded): the chair's name ends where one begins.
const ACTIONS: [&[&str]; 9] = [
    &["chu", "tri"],
    &["kiem", "tra"],
    &["dan", "dau"],
    &["lam", "viec"],
    &["nghe"],
    &["hop"],
    &["to", "chuc"],
    &["di", "kiem"],
    &["tham", "du"],
];

/// The first action at or after `from`, with "đã" before it left out of the chair.
fn action_after(words: &Words, from: usize) -> Option<usize> {
    let at = ACTIONS.iter().filter_map(|a| words.find(a, from)).min()?;
    Some(if at > from && words.folded[at - 1] == "da" {
        at - 1
    } else {
        at
    })
}

/// The first sentence: the opening's later sentences name those present, not the meeting.
fn first_sentence(opening: &str) -> &str {
    let mut prev = ' ';
    for (i, c) in opening.char_indices() {
        if prev == '.' && c.is_whitespace() {
            return &opening[..i];
        }
        prev = c;
    }
    opening
}

/// The kind of gathering the opening names: a site visit, a conference, a meeting or a
/// working session (a meeting when it says none).
pub fn meeting_kind_in(opening: &str) -> MeetingKind {
    let f = fold(first_sentence(opening));
    if f.contains("kiem tra") {
        MeetingKind::InspectionVisit
    } else if f.contains("hoi nghi") {
        MeetingKind::Conference
    } else if f.contains("cuoc hop") || f.contains("phien hop") || f.contains(" hop ") {
        MeetingKind::Meeting
    } else if f.contains("lam viec") {
        MeetingKind::WorkingSession
    } else {
        MeetingKind::Meeting
    }
}

/// Who chaired: the words after "đồng chí" up to what they did; without "đồng chí", the
/// subject of the first sentence ("Thường trực Ban Chỉ đạo làm việc với …").
pub fn chair_in(opening: &str) -> String {
    let words = Words::new(opening);
    if let Some(at) = words.find(&["dong", "chi"], 0) {
        let start = at + 2;
        if let Some(end) = action_after(&words, start).filter(|&e| e > start) {
            return words.text(start, end);
        }
    }
    let sentence = Words::new(first_sentence(opening));
    // After the date that opens the sentence ("Ngày 02/02/2027, …", "Chiều ngày …, …").
    let dated = sentence
        .folded
        .first()
        .is_some_and(|w| ["ngay", "chieu", "sang", "toi", "vao"].contains(&w.as_str()));
    let start = if dated {
        match sentence.written.iter().position(|w| w.ends_with(',')) {
            Some(comma) => comma + 1,
            None => return String::new(),
        }
    } else {
        0
    };
    match action_after(&sentence, start).filter(|&e| e > start) {
        Some(end) => sentence.text(start, end),
        None => String::new(),
    }
}

/// Where: the words after the first "tại" of the first sentence, up to the next comma or
/// the people met ("với …").
pub fn place_in(opening: &str) -> String {
    let words = Words::new(first_sentence(opening));
    // "tại", not "Tài" of "Sở Tài chính": the same letters folded.
    let Some(at) = words.written.iter().position(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            == "tại"
    }) else {
        return String::new();
    };
    let start = at + 1;
    let mut end = start;
    while end < words.written.len() {
        if words.folded[end] == "voi" || words.folded[end] == "ve" {
            break;
        }
        end += 1;
        if words.written[end - 1].ends_with([',', ';', '.']) {
            break;
        }
    }
    words.text(start, end)
}

/// The meeting the opening describes, as a draft for the review: held `meeting_date` (the
/// date the opening gives), with the kind, chair and place it names.
pub fn meeting_in_opening(opening: &str, meeting_date: Option<NaiveDate>) -> MeetingDraft {
    MeetingDraft {
        kind: code(&meeting_kind_in(opening)),
        place: place_in(opening),
        chair: chair_in(opening),
        ..MeetingDraft::new(date_text(meeting_date))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_chair_ends_where_the_action_begins() {
        let o = "Ngày 12/5/2027, đồng chí Mùa A Sơn, Phó Chủ tịch UBND tỉnh đã kiểm tra \
                 thực địa dự án Đường vành đai và làm việc tại UBND xã Thanh Nưa với chủ đầu tư.";
        assert_eq!(chair_in(o), "Mùa A Sơn, Phó Chủ tịch UBND tỉnh");
        assert_eq!(meeting_kind_in(o), MeetingKind::InspectionVisit);
        assert_eq!(place_in(o), "UBND xã Thanh Nưa");
    }

    #[test]
    fn a_chair_by_title_and_a_meeting_in_a_hall() {
        let o = "Sáng ngày 03 tháng 7 năm 2027, tại Hội trường Tỉnh ủy, đồng chí Bí thư Tỉnh \
                 ủy, Trưởng Ban Chỉ đạo chủ trì phiên họp thường kỳ. Tham dự có các đồng chí \
                 Phó Trưởng ban.";
        assert_eq!(chair_in(o), "Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo");
        assert_eq!(place_in(o), "Hội trường Tỉnh ủy");
        assert_eq!(meeting_kind_in(o), MeetingKind::Meeting);
    }

    #[test]
    fn without_a_named_chair_the_subject_chairs() {
        let o = "Ngày 20/8/2027, Thường trực Ban Chỉ đạo làm việc với Ban Quản lý dự án các \
                 công trình giao thông tỉnh về tiến độ dự án.";
        assert_eq!(chair_in(o), "Thường trực Ban Chỉ đạo");
        assert_eq!(meeting_kind_in(o), MeetingKind::WorkingSession);
        assert_eq!(place_in(o), "");
        assert_eq!(place_in("Ngày 1/2/2027, làm việc với Sở Tài chính."), "");
    }

    #[test]
    fn a_conference_and_a_chair_named_later_in_the_paragraph() {
        let o = "Thực hiện Kế hoạch số 12/KH-BCĐ, Ban Chỉ đạo tổ chức Hội nghị sơ kết 6 \
                 tháng. Đồng chí Chủ tịch UBND tỉnh chủ trì Hội nghị.";
        assert_eq!(meeting_kind_in(o), MeetingKind::Conference);
        assert_eq!(chair_in(o), "Chủ tịch UBND tỉnh");
    }

    #[test]
    fn the_draft_carries_the_date_read_and_leaves_the_rest_empty() {
        let d = meeting_in_opening("Ban Chỉ đạo họp.", NaiveDate::from_ymd_opt(2027, 1, 5));
        assert_eq!(d.date, "05/01/2027");
        assert_eq!(d.kind, code(&MeetingKind::Meeting));
        assert_eq!(d.place, "");
        let none = meeting_in_opening("", None);
        assert_eq!((none.date.as_str(), none.chair.as_str()), ("", ""));
    }
}
