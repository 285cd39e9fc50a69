//! The words of the province's network (Dữ liệu → Mạng đồng bộ, and the header's state).

use super::Lang;
use crate::domain::network::{Link, PointProblem};

#[derive(Clone, Copy)]
pub enum Net {
    Title,
    Hint,
    Address,
    AddressHint,
    Database,
    Account,
    Password,
    Connect,
    SyncNow,
    Continuous,
    Leave,
    LoginAgain,
    Conflicts,
    ConflictsHint,
    KeepMine,
    TakeTheirs,
    Settle,
    Refused,
    RefusedHint,
    TakenOut,
}

pub fn net_text(w: Net, lang: Lang) -> &'static str {
    let (vi, en) = match w {
        Net::Title => ("Mạng đồng bộ", "Sync network"),
        Net::Hint => (
            "Đồng bộ dữ liệu với máy chủ CouchDB của tỉnh do bộ phận tin học thiết lập: mỗi lần chỉ gửi và nhận những bản ghi đã thay đổi; bản ghi được sửa ở cả hai nơi được đưa ra để cán bộ chọn. Tệp chung và tệp xuất vẫn dùng được như trước.",
            "Syncs the data with the province's CouchDB server set up by the IT staff: only changed records move each time; a record changed in two places is put to the officer. The shared file and exported files keep working as before.",
        ),
        Net::Address => ("Địa chỉ máy chủ đồng bộ", "Sync server address"),
        Net::AddressHint => (
            "Bộ phận tin học cung cấp, ví dụ https://intranet.tinh.gov.vn/couchdb",
            "Given by the IT staff, e.g. https://intranet.example/couchdb",
        ),
        Net::Database => ("Tên cơ sở dữ liệu", "Database name"),
        Net::Account => ("Tài khoản", "Account"),
        Net::Password => ("Mật khẩu (không lưu trên máy)", "Password (not kept here)"),
        Net::Connect => ("Kết nối và đồng bộ", "Connect and sync"),
        Net::SyncNow => ("Đồng bộ ngay", "Sync now"),
        Net::Continuous => (
            "Tự động đồng bộ khi trang đang mở",
            "Sync on its own while the page is open",
        ),
        Net::Leave => ("Rời mạng đồng bộ", "Leave the network"),
        Net::LoginAgain => ("Đăng nhập lại", "Log in again"),
        Net::Conflicts => ("Bản ghi được sửa ở cả hai nơi", "Records changed in two places"),
        Net::ConflictsHint => (
            "Các trường chỉ một bên sửa đã được ghép; với mỗi trường hai bên sửa khác nhau, chọn bản giữ lại.",
            "Fields only one side changed were merged; for each field both changed differently, choose the version to keep.",
        ),
        Net::KeepMine => ("Bản của tôi", "Mine"),
        Net::TakeTheirs => ("Bản trên máy chủ", "The server's"),
        Net::Settle => ("Ghi kết quả", "Save the result"),
        Net::Refused => ("Máy chủ không nhận", "Refused by the server"),
        Net::RefusedHint => (
            "Bản ghi vẫn giữ trên máy này; máy chủ nêu lý do dưới đây. Sửa lại bản ghi thì lần đồng bộ sau sẽ gửi lại.",
            "The record stays here; the server's reason is below. Change the record and the next sync sends it again.",
        ),
        Net::TakenOut => ("(đã xóa)", "(taken out)"),
    };
    lang.pick(vi, en)
}

pub fn point_problem(p: PointProblem, lang: Lang) -> &'static str {
    let (vi, en) = match p {
        PointProblem::Address => (
            "Địa chỉ phải bắt đầu bằng http:// hoặc https:// và có tên máy.",
            "The address must start with http:// or https:// and name a host.",
        ),
        PointProblem::Database => (
            "Tên cơ sở dữ liệu viết thường, bắt đầu bằng chữ cái (ví dụ dondoc).",
            "The database name is lower-case and starts with a letter (e.g. dondoc).",
        ),
        PointProblem::AccountMissing => ("Ghi tài khoản.", "Enter the account."),
        PointProblem::PasswordMissing => ("Ghi mật khẩu.", "Enter the password."),
    };
    lang.pick(vi, en)
}

/// The header's words for where this browser stands with the network.
/// `time`: how the page writes a time of day.
pub fn link_text(
    link: &Link,
    time: &dyn Fn(chrono::DateTime<chrono::Utc>) -> String,
    lang: Lang,
) -> String {
    match link {
        Link::Syncing => lang.pick("Đang đồng bộ…", "Syncing…").to_owned(),
        Link::SyncedAt(at) => format!("{} {}", lang.pick("Đã đồng bộ lúc", "Synced at"), time(*at)),
        Link::Offline => lang
            .pick(
                "Ngoại tuyến: dữ liệu vẫn lưu trên máy",
                "Offline: the data is kept here",
            )
            .to_owned(),
        Link::NeedsLogin => lang.pick("Cần đăng nhập lại", "Log in again").to_owned(),
        Link::Failed(why) => format!("{}: {why}", lang.pick("Đồng bộ lỗi", "Sync failed")),
    }
}

/// What a run did, under the buttons.
pub fn report_line(conflicts: usize, refused: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{conflicts} bản ghi chờ chọn · {refused} bản ghi máy chủ không nhận"),
        Lang::En => format!(
            "{conflicts} record{} to choose on · {refused} refused by the server",
            if conflicts == 1 { "" } else { "s" }
        ),
    }
}
