//! The words of the units' side: replies sent back and taken in several at once.

use super::Lang;

/// What several replies taken together say, per file.
pub fn replies_title(files: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{files} tệp báo cáo của đơn vị"),
        Lang::En => format!("{files} reply files from units"),
    }
}

/// One unit's line: what it reported and asked, and what was left out or held already.
pub fn reply_line(unit: &str, intake: &crate::domain::sharing::ReplyIntake, lang: Lang) -> String {
    let updates = intake.taken.directive_updates.len();
    let requests = intake.taken.extension_requests.len();
    let left_out = intake.outside_list + intake.other_records;
    let mut line = match lang {
        Lang::Vi => format!("{unit}: {updates} cập nhật tiến độ, {requests} đề nghị gia hạn"),
        Lang::En => format!(
            "{unit}: {updates} progress update{}, {requests} extension request{}",
            if updates == 1 { "" } else { "s" },
            if requests == 1 { "" } else { "s" }
        ),
    };
    if intake.already_held > 0 {
        let n = intake.already_held;
        line.push_str(&match lang {
            Lang::Vi => format!("; {n} đã nhận từ trước (tệp này đã được nhập)"),
            Lang::En => format!("; {n} already taken in (this file was imported before)"),
        });
    }
    if left_out > 0 {
        line.push_str(&match lang {
            Lang::Vi => format!("; bỏ qua {left_out} bản ghi ngoài danh sách nhiệm vụ của đơn vị"),
            Lang::En => format!("; {left_out} records outside the unit's list left out"),
        });
    }
    if let (Some(at), n) = (intake.package_at, intake.changed_since_package) {
        if n > 0 {
            let day = crate::i18n::format_date(at.date_naive());
            line.push_str(&match lang {
                Lang::Vi => format!(
                    "; đơn vị báo cáo trên tệp Văn phòng gửi ngày {day}, sau đó Văn phòng đã sửa {n} nhiệm vụ của đơn vị (báo cáo vẫn được nhận, hãy xem lại các nhiệm vụ đó)"
                ),
                Lang::En => format!(
                    "; the unit reported on the office's file of {day}, and the office changed {n} of its directives since (the reports are still taken: look those directives over)"
                ),
            });
        }
    }
    line
}

/// Above the replies' lines, each with its box.
pub fn replies_pick(lang: Lang) -> &'static str {
    lang.pick(
        "Nhận báo cáo của từng đơn vị (bỏ chọn để để lại một đơn vị)",
        "Take each unit's reply (untick to leave a unit out)",
    )
}

/// A file among several that is not a unit's reply.
pub fn not_a_reply(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Tệp {file} không phải báo cáo đơn vị gửi về: nhiều tệp cùng lúc chỉ nhận khi đều là báo cáo của đơn vị. Hãy nhập tệp này riêng."
        ),
        Lang::En => format!(
            "{file} is not a unit's reply: several files at once are taken only when all are units' replies. Import this file on its own."
        ),
    }
}

/// The unit's button that writes its reply, and what to do with the file.
pub fn send_reply(lang: Lang) -> &'static str {
    lang.pick("Gửi báo cáo cho Văn phòng", "Send the report to the office")
}

pub fn send_reply_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tệp chỉ gồm những gì đơn vị đã báo cáo và đề nghị từ khi nhận tệp của Văn phòng. Đính kèm tệp vào thư điện tử gửi Văn phòng, hoặc đặt vào thư mục chung.",
        "The file holds only what the unit reported and asked since it received the office's file. Attach it to an e-mail to the office, or put it in the shared folder.",
    )
}

/// Beside the office's "export to send" on a unit's page.
pub fn package_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Tệp gồm mọi nhiệm vụ trong danh sách của đơn vị (chủ trì, phối hợp, kế thừa). Gửi kèm công văn đôn đốc; đơn vị mở Dondoc, nhập tệp, báo cáo và gửi lại tệp báo cáo.",
        "The file holds every directive on the unit's list (leading, coordinating, inherited). Send it with the reminder letter; the unit opens Dondoc, imports it, reports and sends back its reply file.",
    )
}

/// A browser holding only a unit's package, on its dashboard.
pub fn holding_title(directives: usize, conclusions: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            format!("Dữ liệu của một đơn vị: {directives} nhiệm vụ từ {conclusions} kết luận")
        }
        Lang::En => format!(
            "One unit's data: {directives} directive{} from {conclusions} conclusion{}",
            if directives == 1 { "" } else { "s" },
            if conclusions == 1 { "" } else { "s" }
        ),
    }
}

pub fn holding_body(unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Trình duyệt này giữ danh sách nhiệm vụ của {unit} do Văn phòng gửi, không phải dữ liệu toàn tỉnh: số liệu dự án, giải ngân và xếp hạng của tỉnh không có ở đây. Số dưới đây là nhiệm vụ đơn vị chủ trì."
        ),
        Lang::En => format!(
            "This browser holds the list of directives the office sent to {unit}, not the province's data: the province's projects, disbursement and ranking are not here. The figures below are of the directives the unit leads."
        ),
    }
}

pub fn open_list(lang: Lang) -> &'static str {
    lang.pick("Mở danh sách nhiệm vụ của đơn vị", "Open the unit's list")
}

/// The settings' "my unit" choice.
pub fn my_unit_label(lang: Lang) -> &'static str {
    lang.pick("Đơn vị của tôi", "My unit")
}

pub fn my_unit_none(lang: Lang) -> &'static str {
    lang.pick(
        "Không chọn (trình duyệt của Văn phòng)",
        "None (the office's browser)",
    )
}

pub fn my_unit_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Chọn đơn vị khi trình duyệt này do cán bộ của đơn vị dùng: Dondoc mở vào danh sách nhiệm vụ của đơn vị, ẩn công cụ của Văn phòng, và nút «Gửi báo cáo cho Văn phòng» ghi những gì đơn vị báo cáo từ lúc chọn.",
        "Choose a unit when this browser is used by that unit's officer: Dondoc opens on the unit's list, keeps the office's tools out of the way, and «Send the report to the office» writes what the unit reported since the choice.",
    )
}

/// Every unit's package with its cover letter, from Đôn đốc and the report.
pub fn packages_title(lang: Lang) -> &'static str {
    lang.pick(
        "Gửi tệp cho các đơn vị còn nhiệm vụ",
        "Files for every unit with open directives",
    )
}

pub fn packages_hint(lang: Lang) -> &'static str {
    lang.pick(
        "Một tệp nén, mỗi đơn vị một thư mục: tệp dữ liệu gồm mọi nhiệm vụ trong danh sách của đơn vị (chủ trì, phối hợp, kế thừa) và công văn đôn đốc kèm theo, nói tệp là gì và cách gửi lại báo cáo. Công văn lấy số liên tiếp từ số đầu tiên.",
        "One zip file, a folder per unit: the data file with every directive on the unit's list (leading, coordinating, inherited) and the reminder letter to send with it, saying what the file is and how to reply. The letters take consecutive numbers from the first.",
    )
}

pub fn packages_button(lang: Lang) -> &'static str {
    lang.pick("Tạo tệp cho các đơn vị", "Make the units' files")
}

/// The zip's name (before the date).
pub fn packages_file(lang: Lang) -> &'static str {
    lang.pick("Tep gui cac don vi", "Files for units")
}

/// Each letter's name in its unit's folder.
pub fn cover_letter_file(lang: crate::domain::documents::DocLang) -> &'static str {
    match lang {
        crate::domain::documents::DocLang::Vi => "cong-van-kem-theo",
        crate::domain::documents::DocLang::En => "cover-letter",
    }
}
