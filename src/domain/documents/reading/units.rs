//! Finding the units an item names in the register: by name, short name or former name,
//! with the usual long and short forms taken as the same ("UBND" / "Ủy ban nhân dân",
//! "Sở KH&ĐT" / "Sở Kế hoạch và Đầu tư", "Ban QLDA" / "Ban Quản lý dự án").

use crate::domain::model::collection::Collection;
use crate::domain::model::ids::UnitId;
use crate::domain::projects::project::Project;
use crate::domain::sorting;
use crate::domain::text::fold;
use crate::domain::units::org::Unit;

/// Short forms and what they stand for, folded.
const FORMS: [(&str, &str); 12] = [
    ("ql", "quoc lo"),
    ("tdc", "tai dinh cu"),
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("qlda", "quan ly du an"),
    ("kh&dt", "ke hoach va dau tu"),
    ("khdt", "ke hoach va dau tu"),
    ("tn&mt", "tai nguyen va moi truong"),
    ("tnmt", "tai nguyen va moi truong"),
    ("gtvt", "giao thong van tai"),
    ("nn&ptnt", "nong nghiep va phat trien nong thon"),
    ("vh,tt&dl", "van hoa, the thao va du lich"),
];

/// The words of `text` folded, short forms written out, punctuation around words dropped.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let folded = fold(text);
    // A dash between names ("Sơn La – Điện Biên", "QL279–QL12") is no word; a hyphen
    // inside one ("Km12+300") stays.
    let pieces = folded
        .split_whitespace()
        .flat_map(|w| w.split(['–', '—']))
        .flat_map(|w| match w.split_once('-') {
            Some((a, b)) if a.starts_with("ql") && b.starts_with("ql") => vec![a, b],
            _ => vec![w],
        });
    for raw in pieces {
        let word = raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '(' | ')' | '"'));
        if word.is_empty() || word.chars().all(|c| matches!(c, '-' | '–' | '—')) {
            continue;
        }
        // "QL279" is "Quốc lộ 279".
        if let Some(number) = word
            .strip_prefix("ql")
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        {
            out.extend(["quoc", "lo", number].map(str::to_owned));
            continue;
        }
        match FORMS.iter().find(|(short, _)| *short == word) {
            Some((_, long)) => out.extend(long.split(' ').map(str::to_owned)),
            None => out.push(word.to_owned()),
        }
    }
    out
}

/// The register's names made into words once per reading, by their first word: finding
/// the unit an item's words begin with looks only at the names that start there.
pub struct UnitIndex<'a> {
    by_first: std::collections::HashMap<String, Vec<(Vec<String>, &'a Unit)>>,
}

impl<'a> UnitIndex<'a> {
    pub fn new(units: &'a Collection<Unit>) -> Self {
        let mut by_first: std::collections::HashMap<String, Vec<(Vec<String>, &'a Unit)>> =
            std::collections::HashMap::new();
        for unit in units.iter() {
            for name in unit.all_names() {
                let name = words(name);
                if let Some(first) = name.first() {
                    by_first
                        .entry(first.clone())
                        .or_default()
                        .push((name, unit));
                }
            }
        }
        UnitIndex { by_first }
    }

    /// The unit whose name (any of its forms) the words at `at` begin with, the longest
    /// such name winning, with how many words it takes.
    pub fn at(&self, item: &[String], at: usize) -> Option<(&'a Unit, usize)> {
        let mut best: Option<(&Unit, usize)> = None;
        for (name, unit) in self.by_first.get(item.get(at)?)? {
            let fits = item.len() >= at + name.len() && item[at..at + name.len()] == name[..];
            if fits && best.is_none_or(|(_, n)| name.len() > n) {
                best = Some((unit, name.len()));
            }
        }
        best
    }
}

/// Every register unit named anywhere in `text`, in the order named, each once.
pub fn units_named<'a>(text: &str, units: &UnitIndex<'a>) -> Vec<&'a UnitId> {
    let item = words(text);
    let mut found: Vec<&UnitId> = Vec::new();
    let mut at = 0;
    while at < item.len() {
        match units.at(&item, at) {
            Some((unit, n)) => {
                if !found.contains(&&unit.id) {
                    found.push(&unit.id);
                }
                at += n;
            }
            None => at += 1,
        }
    }
    found
}

/// The lead unit of an item: the unit after "Giao" ("Giao Sở Xây dựng chủ trì, …"), or the
/// unit the item begins with ("UBND xã Mường Phăng:", "Sở Tài chính tham mưu …").
#[cfg(test)]
pub fn lead_unit<'a>(text: &str, units: &'a Collection<Unit>) -> Option<&'a UnitId> {
    lead_unit_as_written(text, &UnitIndex::new(units)).map(|(id, _)| id)
}

/// The lead unit with the words the item names it by ("Ủy ban nhân dân xã Mường Phăng"),
/// to show where in the text it was read.
pub fn lead_unit_as_written<'a>(text: &str, units: &UnitIndex<'a>) -> Option<(&'a UnitId, String)> {
    let item = words(text);
    let at = lead_in(&item);
    let (unit, n) = units.at(&item, at)?;
    Some((&unit.id, written(text, at, n)))
}

/// How many folded words open an item before its lead unit: "Giao", "Giao cho", "Đề nghị",
/// "Yêu cầu", "Đối với".
fn lead_in(item: &[String]) -> usize {
    let word = |i: usize| item.get(i).map(String::as_str);
    match (word(0), word(1), word(2)) {
        (Some("giao"), Some("cho"), _) => 2,
        (Some("giao"), _, _) => 1,
        (Some("de"), Some("nghi"), _) | (Some("yeu"), Some("cau"), _) => 2,
        // "Đối với UBND phường …:" heads what the unit is to do.
        (Some("doi"), Some("voi"), _) => 2,
        _ => 0,
    }
}

/// The words of `text` that give its folded words `at..at + n` (a short form written out
/// stands for one written word).
fn written(text: &str, at: usize, n: usize) -> String {
    let mut taken = Vec::new();
    let mut count = 0;
    for raw in text.split_whitespace() {
        let here = words(raw).len();
        if here > 0 && count + here > at && count < at + n {
            taken.push(raw);
        }
        count += here;
        if count >= at + n {
            break;
        }
    }
    let joined = taken.join(" ");
    joined
        .trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '"'))
        .to_owned()
}

/// The register's project names made into words once per reading.
pub struct ProjectIndex<'a> {
    names: Vec<(Vec<Vec<String>>, &'a Project)>,
}

/// The ways notices name a project: its name and short name, each without a leading "Dự
/// án" / "Công trình", and its name without what follows its last comma or parenthesis
/// ("Cao tốc Sơn La – Điện Biên – Cửa khẩu Tây Trang" of "…, đoạn qua tỉnh Điện Biên (178
/// km)") when four words or more are left.
fn project_names(project: &Project) -> Vec<Vec<String>> {
    let mut names: Vec<Vec<String>> = Vec::new();
    let mut add = |name: Vec<String>| {
        let bare = match name.as_slice() {
            [a, b, rest @ ..] if (a == "du" && b == "an") || (a == "cong" && b == "trinh") => {
                rest.to_vec()
            }
            _ => name.clone(),
        };
        for n in [name, bare] {
            if !n.is_empty() && !names.contains(&n) {
                names.push(n);
            }
        }
    };
    add(words(&project.name));
    add(words(&project.short_name));
    let mut head = project.name.as_str();
    while let Some(cut) = head.rfind([',', '(']) {
        head = head[..cut].trim_end();
        let shorter = words(head);
        if shorter.len() >= 4 {
            add(shorter);
        }
    }
    names
}

impl<'a> ProjectIndex<'a> {
    pub fn new(projects: &'a Collection<Project>) -> Self {
        ProjectIndex {
            names: projects.iter().map(|p| (project_names(p), p)).collect(),
        }
    }

    /// The projects an item names by name or short name, in the order named.
    pub fn named(&self, text: &str) -> Vec<&'a Project> {
        let item = words(text);
        let first_at = |name: &[String]| {
            if name.is_empty() {
                return None;
            }
            item.windows(name.len()).position(|w| w == name)
        };
        let mut found: Vec<(usize, &Project)> = self
            .names
            .iter()
            .filter_map(|(names, p)| {
                let at = names.iter().filter_map(|n| first_at(n)).min()?;
                Some((at, *p))
            })
            .collect();
        sorting::sort_by_key(&mut found, |(at, _)| *at);
        found.into_iter().map(|(_, p)| p).collect()
    }
}

/// Words that begin a unit's name in notices, lower case with their diacritics ("bộ" is a
/// ministry, "bố trí" is not; "sở" a department, "số" a number).
const UNIT_WORDS: [&str; 27] = [
    "sở",
    "thường trực",
    "ủy ban",
    "uỷ ban",
    "ubnd",
    "ban",
    "bộ",
    "công an",
    "văn phòng",
    "trung tâm",
    "nhà đầu tư",
    "chủ đầu tư",
    "công ty",
    "tổng công ty",
    "kho bạc",
    "cục",
    "chi cục",
    "thanh tra",
    "huyện ủy",
    "thành ủy",
    "đảng ủy",
    "tỉnh ủy",
    "tỉnh đoàn",
    "hội",
    "liên đoàn",
    "bql",
    "phòng",
];

/// Words after a unit's name where the name ends ("chủ trì", a verb of the directive).
const AFTER_NAME: [&str; 62] = [
    "thuong xuyen",
    "phan dau",
    "kien quyet",
    "nghiem tuc",
    "tich cuc",
    "som",
    "can",
    "phai",
    "lanh dao",
    "theo doi",
    "quan tam",
    "khan truong",
    "chu tri",
    "phoi hop",
    "khan truong",
    "hoan thanh",
    "tham muu",
    "trien khai",
    "thuc hien",
    "to chuc",
    "chi dao",
    "ra soat",
    "bao cao",
    "tap trung",
    "day nhanh",
    "giai quyet",
    "xay dung",
    "chiu trach nhiem",
    "bao dam",
    "dam bao",
    "kiem tra",
    "huong dan",
    "phe duyet",
    "bo tri",
    "chuan bi",
    "hoan thien",
    "tiep tuc",
    "quyet liet",
    "cung cap",
    "di doi",
    "tong hop",
    "ban giao",
    "giai ngan",
    "nghien cuu",
    "xem xet",
    "tiep nhan",
    "thanh lap",
    "tham dinh",
    "huy dong",
    "tuyen truyen",
    "van dong",
    "cuong che",
    "chu dong",
    "dieu chinh",
    "lap",
    "phan bo",
    "sap xep",
    "ho tro",
    "can doi",
    "uu tien",
    "dong y",
    "thong nhat",
];

/// The name of the unit an item begins with (after "Giao"), as written, when it is not in
/// the register: "Nhà đầu tư dự án (Công ty TNHH Minh Phát)", "UBND huyện Tuần Giáo".
pub fn unit_name_as_read(text: &str) -> Option<String> {
    let first_line = text.lines().next().unwrap_or("");
    let original: Vec<&str> = first_line.split_whitespace().collect();
    let folded: Vec<String> = original.iter().map(|w| fold(w)).collect();
    let lower: Vec<String> = original
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let at = lead_in(&folded);
    let starts = |words: &[String], i: usize, phrase: &str| {
        phrase.split(' ').enumerate().all(|(k, w)| {
            words
                .get(i + k)
                .is_some_and(|f| f.trim_matches(|c: char| !c.is_alphanumeric()) == w)
        })
    };
    if !UNIT_WORDS.iter().any(|w| starts(&lower, at, w)) {
        return None;
    }
    // "Ban Chỉ đạo các công trình, dự án trọng điểm của tỉnh:": an item that only names its
    // unit, commas and all, before its sub-items.
    let heading = first_line.trim_end().ends_with(':') && original.len() - at <= 16;
    let mut end = at;
    let mut depth = 0i32;
    while end < original.len() {
        let word = original[end];
        // "Ban Chỉ đạo": "chỉ đạo" is the body's name there, not its verb.
        let names_a_board = end == at + 1 && folded[at] == "ban";
        if !heading
            && depth == 0
            && end > at
            && !names_a_board
            && AFTER_NAME.iter().any(|w| starts(&folded, end, w))
        {
            break;
        }
        depth += word.matches('(').count() as i32 - word.matches(')').count() as i32;
        end += 1;
        if !heading && depth == 0 && word.ends_with([',', ':', ';', '.']) {
            break;
        }
    }
    let name = original[at..end].join(" ");
    let name = name.trim_end_matches([',', ':', ';', '.']).trim();
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
#[path = "units_tests.rs"]
mod tests;
