//! The words of the units' side: replies sent back and taken in several at once.

use super::Lang;

/// What several replies taken together say, per file.
pub fn replies_title(files: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{files} tệp báo cáo của đơn vị"),
        Lang::En => format!("{files} reply files from units"),
    }
}

/// One unit's line: what it reported and asked, and what was left out.
pub fn reply_line(
    unit: &str,
    updates: usize,
    requests: usize,
    left_out: usize,
    lang: Lang,
) -> String {
    let mut line = match lang {
        Lang::Vi => format!("{unit}: {updates} cập nhật tiến độ, {requests} đề nghị gia hạn"),
        Lang::En => format!(
            "{unit}: {updates} progress update{}, {requests} extension request{}",
            if updates == 1 { "" } else { "s" },
            if requests == 1 { "" } else { "s" }
        ),
    };
    if left_out > 0 {
        line.push_str(&match lang {
            Lang::Vi => format!(" (bỏ qua {left_out} bản ghi ngoài danh sách nhiệm vụ của đơn vị)"),
            Lang::En => format!(" ({left_out} records outside the unit's list left out)"),
        });
    }
    line
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
