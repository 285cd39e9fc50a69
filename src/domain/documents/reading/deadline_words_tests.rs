use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn due(text: &str) -> (String, Option<NaiveDate>) {
    let (words, deadline) = item_deadline(text, Some(day(2026, 2, 10)));
    (words, deadline.due())
}

#[test]
fn a_cited_documents_date_is_no_deadline() {
    assert_eq!(
        due("Sở Xây dựng thực hiện Thông báo số 88-TB/BCĐ ngày 12/01/2026 của Ban Chỉ đạo."),
        (String::new(), None)
    );
    assert_eq!(
        due("Theo Quyết định số 310/QĐ-UBND ngày 05 tháng 01 năm 2026, lập hồ sơ giao đất."),
        (String::new(), None)
    );
    assert_eq!(
        without_cited_dates("Kết luận số 9-KL/TU ngày 03/6/2022 của Tỉnh ủy"),
        "Kết luận số 9-KL/TU ____ _________ của Tỉnh ủy"
    );
}

#[test]
fn a_deadline_in_parentheses_at_the_end_is_the_deadline() {
    assert_eq!(
        due("Tiếp tục thực hiện Kết luận số 12-KL/BCĐ ngày 02/3/2025, lập hồ sơ (xong trước 15/4/2026)."),
        ("trước 15/4/2026".into(), Some(day(2026, 4, 14)))
    );
    assert_eq!(
        due("Chi trả bồi thường theo Quyết định số 77/QĐ-UBND ngày 10/01/2026 (hoàn thành trong tháng 5/2026)."),
        ("trong tháng 5/2026".into(), Some(day(2026, 5, 31)))
    );
}

#[test]
fn a_concrete_deadline_wins_over_a_frequency_word_said_first() {
    assert_eq!(
        due("Thường xuyên đôn đốc nhà thầu, phấn đấu đưa công trình vào sử dụng vào cuối tháng 7 năm 2026."),
        ("cuối tháng 7 năm 2026".into(), Some(day(2026, 7, 31)))
    );
    assert_eq!(
        due("Thường xuyên báo cáo kết quả về Văn phòng."),
        ("Thường xuyên".into(), None)
    );
}

#[test]
fn a_month_alone_is_read_to_its_end() {
    assert_eq!(
        due("Lập phương án bồi thường, tháng 11 năm 2026 phải trình phê duyệt."),
        ("tháng 11 năm 2026".into(), Some(day(2026, 11, 30)))
    );
    assert_eq!(
        due("Hoàn thiện hồ sơ, tháng 3/2026 phải xong."),
        ("tháng 3/2026".into(), Some(day(2026, 3, 31)))
    );
    // A count of months is no month.
    assert_eq!(
        due("Báo cáo 6 tháng đầu năm 2026.").1,
        Some(day(2026, 6, 30))
    );
    assert_eq!(due("Hằng tháng báo cáo tiến độ.").1, None);
    // A day written in words keeps its day.
    assert_eq!(
        due("Tổ chức lễ khởi công vào ngày 15 tháng 11 năm 2026.").1,
        Some(day(2026, 11, 15))
    );
}
