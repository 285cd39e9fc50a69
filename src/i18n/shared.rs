//! How the app words the shared file: whether it changed, why the server refused, what a
//! publication did.

use super::{load_error_message, problem_message, Lang};
use crate::domain::sharing::ExportInfo;
use crate::storage::shared::{Freshness, Published, Refusal};

/// Why the shared file could not be read or written, in plain words.
pub fn refusal(r: &Refusal, lang: Lang) -> String {
    match r {
        Refusal::NotSignedIn => lang
            .pick(
                "Máy chủ yêu cầu đăng nhập: hãy đăng nhập vào mạng nội bộ rồi thử lại.",
                "The server asks you to sign in: sign in to the intranet, then try again.",
            )
            .into(),
        Refusal::NotAllowed => lang
            .pick(
                "Máy chủ không cho phép ghi vào thư mục này. Nhờ bộ phận quản trị bật quyền ghi (WebDAV), hoặc dùng tệp trên ổ mạng.",
                "The server does not allow writing to this folder. Ask the administrators to allow writing (WebDAV), or use a file on a network drive.",
            )
            .into(),
        Refusal::NotFound => lang
            .pick(
                "Không thấy thư mục của tệp chung trên máy chủ.",
                "The shared file's folder was not found on the server.",
            )
            .into(),
        Refusal::NoRoom => lang
            .pick(
                "Máy chủ hết chỗ, hoặc không nhận tệp lớn như vậy.",
                "The server has no room left, or does not take a file this large.",
            )
            .into(),
        Refusal::Busy { rounds } => match lang {
            Lang::Vi => format!("Trong lúc gửi, đồng nghiệp khác đã gửi lên {rounds} lần liên tiếp. Chưa ghi gì; hãy thử lại sau ít phút."),
            Lang::En => format!("While you were publishing, colleagues published {rounds} times in a row. Nothing was written; try again in a few minutes."),
        },
        Refusal::NoVersion => lang
            .pick(
                "Máy chủ không cho biết phiên bản của tệp (ETag, Last-Modified), nên không thể ghi mà chắc chắn không đè lên dữ liệu của người khác. Chưa ghi gì.",
                "The server does not say which version of the file it holds (ETag, Last-Modified), so writing could overwrite a colleague's work. Nothing was written.",
            )
            .into(),
        Refusal::Damaged(e) => format!(
            "{} {}",
            lang.pick("Tệp chung bị hỏng, không ghi đè lên nó:", "The shared file is damaged, so it was not overwritten:"),
            load_error_message(e, lang)
        ),
        Refusal::Broken(errors) => format!(
            "{} {}",
            lang.pick("Dữ liệu trong tệp chung vi phạm quy tắc:", "The shared file's records break the rules:"),
            errors
                .iter()
                .take(5)
                .map(|e| problem_message(e, lang))
                .collect::<Vec<_>>()
                .join(" ")
        ),
        Refusal::Unreachable => lang
            .pick(
                "Không kết nối được máy chủ. Kiểm tra mạng nội bộ rồi thử lại.",
                "The server could not be reached. Check the intranet connection and try again.",
            )
            .into(),
        Refusal::Other(status) => match lang {
            Lang::Vi => format!("Máy chủ trả lời lỗi {status}."),
            Lang::En => format!("The server answered with error {status}."),
        },
    }
}

/// The one line said about the shared file after the check at start-up.
pub fn freshness(f: &Freshness, lang: Lang) -> String {
    match f {
        Freshness::NeverTaken => lang
            .pick(
                "Có tệp dữ liệu chung của văn phòng; trình duyệt này chưa lấy về lần nào.",
                "The office has a shared data file; this browser has never imported it.",
            )
            .into(),
        Freshness::Unchanged => lang
            .pick(
                "Tệp dữ liệu chung không thay đổi từ lần lấy về hoặc gửi lên gần nhất.",
                "The shared file has not changed since you last imported or published it.",
            )
            .into(),
        Freshness::Changed => lang
            .pick(
                "Tệp dữ liệu chung đã có thay đổi mới từ lần lấy về gần nhất.",
                "The shared file has changed since you last imported it.",
            )
            .into(),
        Freshness::Missing => lang
            .pick(
                "Chưa có tệp dữ liệu chung; lần gửi lên đầu tiên sẽ tạo tệp.",
                "There is no shared file yet; the first publication creates it.",
            )
            .into(),
        Freshness::Refused(r) => refusal(r, lang),
    }
}

/// "Gửi lên lần cuối bởi Lò Văn A, Văn phòng BCĐ lúc 14:32 06/12/2026" (`when`: the time
/// on this computer's clock).
pub fn published_by(info: &ExportInfo, when: &str, lang: Lang) -> String {
    let who = [
        info.exported_by.name.as_str(),
        info.exported_by.office.as_str(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(", ");
    let who = if who.is_empty() {
        super::Msg::NoNameGiven.text(lang).to_owned()
    } else {
        who
    };
    format!(
        "{} {who} {} {}",
        lang.pick("Gửi lên lần cuối bởi", "Last published by"),
        lang.pick("lúc", "at"),
        when
    )
}

/// What a publication did.
pub fn published(p: &Published, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "Đã gửi lên thư mục chung: {} bản ghi của đồng nghiệp đã nhận về, dữ liệu của bạn đã có trong tệp chung.",
            p.taken
        ),
        Lang::En if p.taken == 1 => "Published to the shared folder: 1 record from colleagues imported; your data is now in the shared file.".to_owned(),
        Lang::En => format!(
            "Published to the shared folder: {} records from colleagues imported; your data is now in the shared file.",
            p.taken
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_reads_in_both_languages_without_codes_but_the_unknown() {
        let all = [
            Refusal::NotSignedIn,
            Refusal::NotAllowed,
            Refusal::NotFound,
            Refusal::NoRoom,
            Refusal::Busy { rounds: 8 },
            Refusal::NoVersion,
            Refusal::Unreachable,
        ];
        for r in &all {
            for lang in [Lang::Vi, Lang::En] {
                let text = refusal(r, lang);
                assert!(text.len() > 20 && !text.contains("40"), "{r:?}: {text}");
            }
        }
        assert!(refusal(&Refusal::Other(502), Lang::Vi).contains("502"));
        assert_eq!(
            freshness(&Freshness::Refused(Refusal::NotSignedIn), Lang::En),
            refusal(&Refusal::NotSignedIn, Lang::En)
        );
    }
}
