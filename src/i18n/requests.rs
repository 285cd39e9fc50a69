//! The words of a unit's request for more time (đề nghị gia hạn) and of the office's answer.

use super::Lang;

/// A label or message of the request form and of the list awaiting a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Req {
    /// The row button and the form's action.
    Ask,
    RequestRef,
    SaveRequest,
    RequestSaved,
    /// The list's heading, followed by its count.
    Waiting,
    NoneWaiting,
    AskedOn,
    AskedUntil,
    Grant,
    Refuse,
    GrantingDate,
    RefuseNote,
    ConfirmGrant,
    ConfirmRefuse,
    Granted,
    Refused,
}

pub fn request_text(w: Req, lang: Lang) -> &'static str {
    let (vi, en) = match w {
        Req::Ask => ("Đề nghị gia hạn", "Ask for more time"),
        Req::RequestRef => (
            "Số, ký hiệu văn bản đề nghị",
            "Number and symbol of the request",
        ),
        Req::SaveRequest => ("Lưu đề nghị", "Save request"),
        Req::RequestSaved => (
            "Đã ghi đề nghị gia hạn, chờ Văn phòng quyết định: nhiệm vụ",
            "Request saved, awaiting the office's decision: item",
        ),
        Req::Waiting => (
            "Đề nghị gia hạn chờ quyết định",
            "Extension requests awaiting a decision",
        ),
        Req::NoneWaiting => (
            "Không có đề nghị gia hạn nào chờ quyết định.",
            "No extension request is awaiting a decision.",
        ),
        Req::AskedOn => ("Ngày đề nghị", "Asked on"),
        Req::AskedUntil => ("Xin gia hạn đến ngày", "More time asked until"),
        Req::Grant => ("Đồng ý gia hạn", "Grant"),
        Req::Refuse => ("Không đồng ý", "Refuse"),
        Req::GrantingDate => ("Ngày văn bản cho gia hạn", "Date of the granting document"),
        Req::RefuseNote => ("Lý do không đồng ý", "Why it is refused"),
        Req::ConfirmGrant => ("Xác nhận gia hạn", "Confirm the extension"),
        Req::ConfirmRefuse => ("Xác nhận không đồng ý", "Confirm the refusal"),
        Req::Granted => (
            "Đã gia hạn theo đề nghị: nhiệm vụ",
            "Extension granted as asked: item",
        ),
        Req::Refused => (
            "Đã ghi không đồng ý gia hạn: nhiệm vụ",
            "Refusal recorded: item",
        ),
    };
    lang.pick(vi, en)
}

/// One request in a directive's history: what was asked and the office's answer.
pub fn request_line(r: &crate::domain::followup::ExtensionRequest, lang: Lang) -> String {
    use crate::domain::followup::Decision;
    use crate::i18n::format_date;
    let asked = match lang {
        Lang::Vi => format!(
            "{}: đề nghị gia hạn đến {} ({})",
            format_date(r.asked_on),
            format_date(r.until),
            r.reason
        ),
        Lang::En => format!(
            "{}: asked for more time until {} ({})",
            format_date(r.asked_on),
            format_date(r.until),
            r.reason
        ),
    };
    let answer = match &r.decision {
        None => lang
            .pick("chờ Văn phòng quyết định", "awaiting the office's decision")
            .to_owned(),
        Some(Decision::Granted { on, document_ref }) => match lang {
            Lang::Vi => format!("đồng ý ngày {} {document_ref}", format_date(*on)),
            Lang::En => format!("granted on {} {document_ref}", format_date(*on)),
        },
        Some(Decision::Refused { on, note }) => match lang {
            Lang::Vi => format!("không đồng ý ngày {}: {note}", format_date(*on)),
            Lang::En => format!("refused on {}: {note}", format_date(*on)),
        },
    };
    format!("{asked} — {}", answer.trim())
}

/// Above a directive's history in the update form.
pub fn history_title(lang: Lang) -> &'static str {
    lang.pick("Lịch sử báo cáo và đề nghị", "Reports and requests so far")
}
