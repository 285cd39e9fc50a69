//! The domain's error values, told to the officer in their language.

use super::fields::{field_label, kind_label, name_label};
use super::format::format_date;
use super::{format_decimal, Lang};
use crate::domain::draft::DraftProblem;
use crate::domain::followup::DeadlineError;
use crate::domain::number::{DecimalMark, NumberError};
use crate::domain::Field;
use crate::domain::{LoadError, Problem, ValidationError};

pub fn problem_message(error: &ValidationError, lang: Lang) -> String {
    let field = field_label(error.field, lang);
    let what = problem_text(&error.problem, lang);
    let kind = kind_label(error.kind, lang);
    // A record's name or a value from a file can be of any length: quoted cut short, and
    // the whole message kept short.
    let label = crate::domain::sharing::quote(&error.label);
    short(match lang {
        Lang::Vi => format!("{kind} «{label}»: {field} {what}."),
        Lang::En => format!("{kind} “{label}”: {field} {what}."),
    })
}

/// `message` cut to [`MESSAGE_CHARS`], "…" where it was cut.
fn short(message: String) -> String {
    if message.chars().count() <= MESSAGE_CHARS {
        return message;
    }
    let mut cut: String = message.chars().take(MESSAGE_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// What is wrong, without naming the record or the field ("lớn hơn tổng số hộ…").
pub fn problem_text(problem: &Problem, lang: Lang) -> String {
    match problem {
        Problem::Empty => lang.pick("chưa được nhập", "is empty").to_owned(),
        Problem::Missing { target, id } => match lang {
            Lang::Vi => format!(
                "trỏ tới {} không có trong dữ liệu (mã {})",
                kind_label(*target, lang).to_lowercase(),
                crate::domain::sharing::quote(id)
            ),
            Lang::En => format!(
                "refers to a {} that is not in the data (id {})",
                kind_label(*target, lang).to_lowercase(),
                crate::domain::sharing::quote(id)
            ),
        },
        Problem::AboveTotal { total_field } => match lang {
            Lang::Vi => format!("lớn hơn {}", field_label(*total_field, lang)),
            Lang::En => format!("is above the {}", field_label(*total_field, lang)),
        },
        Problem::PercentOutOfRange { value } => match lang {
            Lang::Vi => format!("là {}%, phải từ 0 đến 100", format_decimal(*value, 2, lang)),
            Lang::En => format!(
                "is {}%, must be between 0 and 100",
                format_decimal(*value, 2, lang)
            ),
        },
        Problem::Negative => lang.pick("không được âm", "cannot be negative").to_owned(),
        Problem::DateAfter { later_field } => match lang {
            Lang::Vi => format!("sau {}", field_label(*later_field, lang)),
            Lang::En => format!("is after the {}", field_label(*later_field, lang)),
        },
        Problem::NoSuchPeriod => lang
            .pick(
                "không phải tháng, quý hay nửa năm có thật",
                "is not a real month, quarter or half-year",
            )
            .to_owned(),
        Problem::WrongFormat => lang
            .pick("không phải của phiên bản này", "does not match this version")
            .to_owned(),
        Problem::InFuture => lang
            .pick("là ngày chưa tới", "is in the future")
            .to_owned(),
        Problem::Repeated => lang
            .pick(
                "bị trùng trong cùng kết luận",
                "appears twice in the same conclusion",
            )
            .to_owned(),
        Problem::BeforeConclusion => lang
            .pick(
                "là ngày trước khi kết luận được ban hành",
                "is before the conclusion was issued",
            )
            .to_owned(),
        Problem::BeforeLastExtension => lang
            .pick(
                "là ngày trước lần gia hạn đã ghi; các lần gia hạn được ghi theo thứ tự",
                "is before the extension already recorded; extensions are recorded in order",
            )
            .to_owned(),
        Problem::BeforeLastRename => lang
            .pick(
                "phải sau ngày đổi tên lần trước; các tên cũ được ghi theo thứ tự",
                "must be after the previous renaming; former names are recorded in order",
            )
            .to_owned(),
        Problem::AfterClosed => lang
            .pick(
                "là ngày sau khi nhiệm vụ đã hoàn thành, hủy hoặc chuyển",
                "is after the directive was done, cancelled or transferred",
            )
            .to_owned(),
        Problem::NoDueDay => lang
            .pick(
                "không cho một ngày hạn mới; hãy ghi hạn như văn bản gia hạn (\"trước ngày 30/6/2026\")",
                "gives no new due date; write it as the granting document does (\"trước ngày 30/6/2026\")",
            )
            .to_owned(),
        Problem::AlreadyEnded => lang
            .pick(
                "đã được ghi là kết thúc; đơn vị này không còn việc để chuyển giao",
                "has already been recorded as ended; it has no work left to hand over",
            )
            .to_owned(),
        Problem::OneSuccessorForMerger => lang
            .pick(
                "chỉ chọn một đơn vị khi sáp nhập; khi giải thể chia cho nhiều đơn vị, chọn \"Giải thể\"",
                "choose one unit for a merger; to share a dissolved unit's work among several, choose \"Dissolved\"",
            )
            .to_owned(),
        Problem::SuccessorIsItself => lang
            .pick("không thể là chính đơn vị này", "cannot be the unit itself")
            .to_owned(),
        Problem::SuccessorEnded => lang
            .pick(
                "đã kết thúc trước ngày nhận việc; chọn đơn vị đang hoạt động",
                "had ended before the day it would take over; choose a unit that still exists",
            )
            .to_owned(),
        Problem::NotASuccessor => lang
            .pick(
                "không nằm trong các đơn vị kế thừa đã chọn",
                "is not among the successors chosen",
            )
            .to_owned(),
        Problem::AlreadyAnswered => lang
            .pick(
                "đề nghị này đã được trả lời",
                "this request has been answered already",
            )
            .to_owned(),
        Problem::NumberPattern => lang
            .pick(
                "phải có một dấu … ở chỗ ghi số, ví dụ …/BC-VPBCĐ",
                "must mark where the number goes with one …, for example …/BC-VPBCĐ",
            )
            .to_owned(),
        Problem::SignerTooShort => lang
            .pick(
                "mỗi dòng ghi chức vụ rồi họ tên, cách nhau bởi dấu /, ví dụ CHÁNH VĂN PHÒNG / Nguyễn Văn An",
                "each line gives the title, then the name, separated by /, for example CHÁNH VĂN PHÒNG / Nguyễn Văn An",
            )
            .to_owned(),
        Problem::SignerOwnTitle => lang
            .pick(
                "người ký thay (KT., TL., TM.) cần thêm chức vụ của mình, ví dụ KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến",
                "someone signing for another (KT., TL., TM.) also gives their own title, for example KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến",
            )
            .to_owned(),
        Problem::NotLater => lang
            .pick(
                "phải muộn hơn hạn đang có hiệu lực và không trước ngày gia hạn",
                "must be later than the deadline in force and not before the day it is granted",
            )
            .to_owned(),
    }
}

pub fn load_error_message(error: &LoadError, lang: Lang) -> String {
    match (error, lang) {
        (LoadError::NotJson { line, column }, Lang::Vi) => {
            format!("Tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}). Tệp có thể bị hỏng hoặc không phải tệp xuất từ Dondoc.")
        }
        (LoadError::NotJson { line, column }, Lang::En) => {
            format!("The file is not valid JSON (error at line {line}, column {column}). It may be damaged or not a Dondoc export.")
        }
        (LoadError::NotDondoc, Lang::Vi) => "Tệp là JSON nhưng không phải dữ liệu Dondoc.".into(),
        (LoadError::NotDondoc, Lang::En) => "The file is JSON but not Dondoc data.".into(),
        (LoadError::Newer { found, supported }, Lang::Vi) => format!(
            "Dữ liệu được ghi bởi phiên bản Dondoc mới hơn (định dạng {found}); ứng dụng này chỉ đọc được đến định dạng {supported}. Hãy cập nhật ứng dụng."
        ),
        (LoadError::Newer { found, supported }, Lang::En) => format!(
            "The data was written by a newer Dondoc (format {found}); this app reads up to format {supported}. Please update the app."
        ),
        (LoadError::Invalid { detail }, Lang::Vi) => format!("Dữ liệu Dondoc có nội dung sai định dạng: {detail}"),
        (LoadError::Invalid { detail }, Lang::En) => format!("The Dondoc data does not fit the format: {detail}"),
        (LoadError::Unreadable(u), _) => unreadable_message(u, lang),
    }
}

/// Why a text file could not be read (a notice's, an import file), and what to do.
pub fn decode_problem_message(
    problem: &crate::domain::decode::DecodeProblem,
    lang: Lang,
) -> String {
    let crate::domain::decode::DecodeProblem::NotUnicode { line } = problem;
    match lang {
        Lang::Vi => format!("Tệp không phải văn bản Unicode (lỗi ở dòng {line}). Hãy lưu lại tệp với bảng mã UTF-8 hoặc Unicode (trong Notepad: Lưu thành…, mục Mã hóa). Không có gì thay đổi."),
        Lang::En => format!("The file is not Unicode text (error at line {line}). Save it again as UTF-8 or Unicode (in Notepad: Save As…, Encoding). Nothing has changed."),
    }
}

/// Why a PDF gave no text, and what to do.
pub fn pdf_problem_message(
    problem: crate::domain::documents::PdfProblem,
    lang: Lang,
) -> &'static str {
    use crate::domain::documents::PdfProblem;
    use crate::i18n::Msg;
    match problem {
        PdfProblem::NoText => Msg::ReadPdfNoText,
        PdfProblem::Encrypted => Msg::ReadPdfEncrypted,
        PdfProblem::Damaged => Msg::ReadPdfDamaged,
        PdfProblem::TooLarge => Msg::ReadPdfTooLarge,
    }
    .text(lang)
}

/// The longest message about a file an officer is shown.
pub const MESSAGE_CHARS: usize = 300;

/// Where a file could not be read and why, short, in the officer's language.
fn unreadable_message(u: &crate::domain::sharing::Unreadable, lang: Lang) -> String {
    use crate::domain::sharing::WhatWrong;
    let mut place = match lang {
        Lang::Vi => format!("Tệp có dữ liệu không đọc được ở dòng {}", u.line),
        Lang::En => format!("The file has data that cannot be read at line {}", u.line),
    };
    if let Some(kind) = u.kind {
        let label = kind_label(kind, lang);
        place.push_str(": ");
        match (u.position, lang) {
            (Some(n), Lang::Vi) => place.push_str(&format!("{label} thứ {n}")),
            (Some(n), Lang::En) => place.push_str(&format!("{label} no. {n}")),
            (None, _) => place.push_str(label),
        }
        if let Some(id) = &u.id {
            place.push_str(&match lang {
                Lang::Vi => format!(" (mã «{id}»)"),
                Lang::En => format!(" (id “{id}”)"),
            });
        }
    }
    if let Some(field) = &u.field {
        place.push_str(&match lang {
            Lang::Vi => format!(", trường «{}»", name_label(field, lang)),
            Lang::En => format!(", field “{}”", name_label(field, lang)),
        });
    }
    let what = match &u.what {
        WhatWrong::MissingField(_) => lang
            .pick(
                "thiếu trường bắt buộc này",
                "this required field is missing",
            )
            .to_owned(),
        WhatWrong::WrongType => lang
            .pick(
                "giá trị không đúng kiểu (chẳng hạn chữ ở chỗ cần số)",
                "the value is of the wrong type (for instance, text where a number is needed)",
            )
            .to_owned(),
        WhatWrong::BadValue(v) if v.is_empty() => lang
            .pick("giá trị không hợp lệ", "the value is not valid")
            .to_owned(),
        WhatWrong::BadValue(v) => match lang {
            Lang::Vi => format!("giá trị «{v}» không hợp lệ"),
            Lang::En => format!("the value “{v}” is not valid"),
        },
        WhatWrong::DuplicateId(_) => lang
            .pick(
                "mã này bị trùng: hai bản ghi không được cùng mã",
                "this id is used twice: two records cannot share an id",
            )
            .to_owned(),
        WhatWrong::DuplicateField(_) => lang
            .pick(
                "trường này có hai lần trong cùng bản ghi",
                "this field appears twice in the record",
            )
            .to_owned(),
        WhatWrong::UnknownField(_) => lang
            .pick(
                "định dạng không có trường này (tệp có thể do phiên bản Dondoc khác tạo, hoặc bị sửa tay)",
                "the format has no such field (the file may come from another Dondoc version, or was edited by hand)",
            )
            .to_owned(),
        WhatWrong::Null => lang
            .pick(
                "giá trị null; trường không có giá trị thì phải bỏ hẳn khỏi tệp",
                "the value is null; a field with no value must be left out of the file",
            )
            .to_owned(),
        WhatWrong::Other => lang
            .pick("giá trị không hợp lệ", "the value is not valid")
            .to_owned(),
    };
    let end = lang.pick(
        "Tệp không được nhập, không có gì thay đổi.",
        "The file was not imported; nothing has changed.",
    );
    let message = format!("{place}: {what}. {end}");
    if message.chars().count() <= MESSAGE_CHARS {
        return message;
    }
    let mut cut: String = message.chars().take(MESSAGE_CHARS - 1).collect();
    cut.push('…');
    cut
}

/// A form field's problem, shown under the field (the field's own label is beside it).
pub fn draft_message(problem: &DraftProblem, lang: Lang) -> String {
    match problem {
        DraftProblem::Number(NumberError::Empty) => lang.pick("Chưa nhập.", "Not filled in.").to_owned(),
        DraftProblem::Number(NumberError::Negative) => lang.pick("Không được âm.", "Cannot be negative.").to_owned(),
        DraftProblem::Number(NumberError::NotANumber) => lang
            .pick(
                "Không phải số. Viết như 1.300 hoặc 44,55 (dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân).",
                "Not a number. Write it like 1,300 or 44.55 (commas between thousands, a point before decimals).",
            )
            .to_owned(),
        DraftProblem::Number(NumberError::TooPrecise) => {
            lang.pick("Quá nhiều chữ số thập phân.", "Too many decimal places.").to_owned()
        }
        DraftProblem::Number(NumberError::TooLarge) => lang.pick("Số quá lớn.", "The number is too large.").to_owned(),
        DraftProblem::NotWhole => lang.pick("Phải là số nguyên.", "Must be a whole number.").to_owned(),
        DraftProblem::Date(e) => super::dates::date_message(e, lang),
        DraftProblem::Nothing => lang
            .pick("Nhập ít nhất một số liệu hoặc phần tình hình.", "Enter at least one figure or a narrative.")
            .to_owned(),
        DraftProblem::Time => lang
            .pick("Giờ viết như 08:30 hoặc 8h30.", "Write the time like 08:30.")
            .to_owned(),
        DraftProblem::TooMany(max) => match lang {
            Lang::Vi => format!("Tối đa {max}."),
            Lang::En => format!("At most {max}."),
        },
        DraftProblem::Deadline(e) => deadline_message(e, lang),
        DraftProblem::NameTaken => lang
            .pick(
                "đã có một đơn vị mang tên này trong danh sách; mở đơn vị đó thay vì thêm lần nữa.",
                "A unit with this name is already in the list; open it instead of adding it again.",
            )
            .to_owned(),
        DraftProblem::AlreadyRegistered => lang
            .pick(
                "đã có một kết luận mang số này; mở kết luận đó, hoặc sửa số ký hiệu nếu đây là văn bản khác.",
                "A conclusion with this number is already recorded; open it, or correct the number if this is a different notice.",
            )
            .to_owned(),
        DraftProblem::Dropped { before, after } => {
            let n = |x: &f64| super::format::format_decimal(*x, 4, lang);
            match lang {
                Lang::Vi => format!(
                    "Thấp hơn báo cáo trước ({} → {}). Số liệu lũy kế không giảm; nếu đây là đính chính, đánh dấu ô xác nhận dưới mẫu.",
                    n(before),
                    n(after)
                ),
                Lang::En => format!(
                    "Lower than the earlier report ({} → {}). Cumulative figures do not go down; if this is a correction, tick the confirmation below the form.",
                    n(before),
                    n(after)
                ),
            }
        }
        DraftProblem::NotAPath => lang
            .pick("Số mục viết như 3 hoặc 3.2.", "Write the item number like 3 or 3.2.")
            .to_owned(),
        DraftProblem::Rule(problem) => {
            let text = problem_text(problem, lang);
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
            format!("{first}{}.", chars.as_str())
        }
    }
}

/// Which decimal mark numbers are typed with in each language.
pub fn decimal_mark(lang: Lang) -> DecimalMark {
    match lang {
        Lang::Vi => DecimalMark::Comma,
        Lang::En => DecimalMark::Point,
    }
}

/// Why deadline words gave no due date, and what the officer can do about it.
pub fn deadline_message(e: &DeadlineError, lang: Lang) -> String {
    // The hand-set date is the field under the words: named, so it is found on any layout.
    let by_hand = match lang {
        Lang::Vi => format!(
            " Sửa lời, hoặc chọn ngày ở ô “{}” bên dưới.",
            field_label(Field::DueByHand, lang)
        ),
        Lang::En => format!(
            " Fix the words, or choose the date in “{}” below.",
            field_label(Field::DueByHand, lang)
        ),
    };
    let what = match (e, lang) {
        (DeadlineError::NotUnderstood, Lang::Vi) => "Không đọc được thời hạn (ví dụ: trước ngày 15/5/2025, trong tháng 6 năm 2025, Quý III/2025, thường xuyên).".to_owned(),
        (DeadlineError::NotUnderstood, Lang::En) => "The deadline could not be read (write it like: trước ngày 15/5/2025, trong tháng 6 năm 2025, Quý III/2025, thường xuyên).".to_owned(),
        (DeadlineError::ImpossibleDate { day, month, year }, Lang::Vi) => format!("Không có ngày {day}/{month}/{year}."),
        (DeadlineError::ImpossibleDate { day, month, year }, Lang::En) => format!("There is no day {day}/{month}/{year}."),
        (DeadlineError::ImpossiblePeriod, Lang::Vi) => "Tháng phải từ 1 đến 12, quý từ I đến IV.".to_owned(),
        (DeadlineError::ImpossiblePeriod, Lang::En) => "Months run from 1 to 12, quarters from I to IV.".to_owned(),
        (DeadlineError::ImplausibleYear(y), Lang::Vi) => format!("Năm {y} có vẻ gõ nhầm."),
        (DeadlineError::ImplausibleYear(y), Lang::En) => format!("The year {y} looks like a typo."),
        (DeadlineError::NoYear, Lang::Vi) => "Thiếu năm, và kết luận chưa có ngày để lấy năm.".to_owned(),
        (DeadlineError::NoYear, Lang::En) => "The year is missing and the conclusion has no date to take it from.".to_owned(),
        (DeadlineError::Several(a, b), Lang::Vi) => format!(
            "Có hai thời hạn ({} và {}): hãy tách thành các mục con, mỗi mục một thời hạn.",
            format_date(*a),
            format_date(*b)
        ),
        (DeadlineError::Several(a, b), Lang::En) => format!(
            "Two deadlines ({} and {}): split the item into sub-items, one deadline each.",
            format_date(*a),
            format_date(*b)
        ),
    };
    format!("{what}{by_hand}")
}
