//! The words of the office's letterhead and of what a document is sent with (signer,
//! number, language).

use super::Lang;

/// A label of the letterhead's card and of a document's sending choices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sending {
    Letterhead,
    LetterheadHint,
    SaveLetterhead,
    LetterheadSaved,
    Signer,
    NoSigner,
    Number,
    NumberForRegistry,
    NumberFirstLetter,
    NumberMissing,
    NumberNotWhole,
    Translation,
    TranslationHint,
}

pub fn sending_text(w: Sending, lang: Lang) -> &'static str {
    let (vi, en) = match w {
        Sending::Letterhead => ("Thể thức văn bản của Văn phòng", "The office's letterhead"),
        Sending::LetterheadHint => (
            "Ghi một lần; báo cáo và công văn đôn đốc in, xuất Word theo đúng thể thức này. Được lưu cùng dữ liệu và đi theo tệp xuất.",
            "Set once: reports and reminder letters are printed and saved as Word with it. Kept with the data and included in exported files.",
        ),
        Sending::SaveLetterhead => ("Lưu thể thức", "Save letterhead"),
        Sending::LetterheadSaved => ("Đã lưu thể thức văn bản.", "Letterhead saved."),
        Sending::Signer => ("Người ký", "Signed by"),
        Sending::NoSigner => (
            "Chưa có người ký: thêm trong Dữ liệu → Cài đặt",
            "No signer yet: add one under Data → Settings",
        ),
        Sending::Number => ("Số văn bản", "Document number"),
        Sending::NumberForRegistry => (
            "Để trống: văn thư ghi số khi phát hành",
            "Leave blank: the registry numbers it when issued",
        ),
        Sending::NumberFirstLetter => (
            "Số của công văn đầu tiên (các công văn sau lấy số tiếp theo)",
            "Number of the first letter (the next letters take the following numbers)",
        ),
        Sending::NumberMissing => (
            "Ghi số văn bản, hoặc chọn «để trống số cho văn thư» trong Dữ liệu → Cài đặt.",
            "Give the document's number, or choose «leave numbers blank for the registry» under Data → Settings.",
        ),
        Sending::NumberNotWhole => (
            "Số văn bản là một số nguyên dương, ví dụ 125.",
            "A document number is a whole number above zero, for example 125.",
        ),
        Sending::Translation => ("Bản dịch tiếng Anh", "English translation"),
        Sending::TranslationHint => (
            "Văn bản in bằng tiếng Việt; chọn để in bản dịch tiếng Anh (nội dung đã ghi giữ nguyên).",
            "Documents print in Vietnamese; tick for an English translation (recorded text stays as recorded).",
        ),
    };
    lang.pick(vi, en)
}
