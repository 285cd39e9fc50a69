//! Notices read into drafts: a Party and a state notice field by field, a unit not in the
//! register proposed once, a text that is no notice refused.

use super::*;
use crate::domain::sample::fixture::sample;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const NOTICE: &str = "TỈNH ỦY ĐIỆN BIÊN\r
ĐẢNG CỘNG SẢN VIỆT NAM\r
BAN CHỈ ĐẠO CÁC CÔNG TRÌNH, DỰ ÁN TRỌNG ĐIỂM\r
*\r
Số 21 -KL/BCĐ\r
Điện Biên, ngày 20 tháng 9 năm 2026\r
\r
KẾT LUẬN\r
của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm\r
\r
Ngày 15 tháng 9 năm 2026, Trưởng Ban Chỉ đạo chủ trì hội nghị đánh giá tiến độ.\r
Công tác giải phóng mặt bằng có chuyển biến; giải ngân còn chậm.\r
\r
1. Giao **Sở Xây dựng** chủ trì, phối hợp với Sở Tài chính và UBND xã Mường Phăng hoàn thành thẩm định thiết kế ***trước ngày 12/10/2026***.\r
2. UBND xã Mường Phăng:\r
- Hoàn thành kiểm đếm tài sản trên đất trong tháng 11.\r
- Thường xuyên báo cáo tiến độ về Văn phòng UBND tỉnh.\r
3. Sở Tài chính tham mưu bố trí vốn đối ứng trong 6 tháng đầu năm 2027; giao đồng chí Phó Giám đốc Sở chịu trách nhiệm.\r
\r
Văn phòng Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.\r
\r
Nơi nhận:\r
- Thành viên Ban Chỉ đạo;\r
- Lưu VP.\r
CHÁNH VĂN PHÒNG\r
Nguyễn Văn C";

#[test]
fn a_party_notice_reads_field_by_field() {
    let (data, _) = sample();
    let n = read_notice(NOTICE, &data).unwrap();
    assert_eq!(n.number_symbol, "21-KL/BCĐ");
    assert_eq!(n.kind, "Kết luận");
    assert_eq!(n.date, Some(day(2026, 9, 20)));
    assert_eq!(n.meeting_date, Some(day(2026, 9, 15)));
    assert_eq!(
        n.issuing_body,
        "BAN CHỈ ĐẠO CÁC CÔNG TRÌNH, DỰ ÁN TRỌNG ĐIỂM"
    );
    assert_eq!(
        n.title,
        "của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm"
    );
    assert_eq!(n.signer_title, "CHÁNH VĂN PHÒNG");
    assert_eq!(n.signer, "Nguyễn Văn C");
    assert_eq!(n.recipients, vec!["Thành viên Ban Chỉ đạo;", "Lưu VP."]);
    let paths: Vec<&str> = n.directives.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, vec!["1", "2", "2.1", "2.2", "3"]);
    let first = &n.directives[0];
    assert_eq!(first.lead_unit.as_deref(), Some("Sở Xây dựng"));
    assert_eq!(
        first.coordinating_units,
        vec!["Sở Tài chính", "UBND xã Mường Phăng"]
    );
    assert_eq!(first.deadline_words, "trước ngày 12/10/2026");
    assert_eq!(first.due, Some(day(2026, 10, 11)));
    assert_eq!(
        n.directives[2].lead_unit.as_deref(),
        Some("UBND xã Mường Phăng"),
        "a sub-item takes its item's unit"
    );
    assert_eq!(
        n.directives[2].due,
        Some(day(2026, 11, 30)),
        "the notice's year"
    );
    assert_eq!(n.directives[3].due, None, "thường xuyên");
    let third = &n.directives[4];
    assert_eq!(third.lead_unit.as_deref(), Some("Sở Tài chính"));
    assert_eq!(third.due, Some(day(2027, 6, 30)));
    assert_eq!(third.deadline_words, "6 tháng đầu năm 2027");
    assert_eq!(third.responsible_person.as_deref(), Some("Phó Giám đốc Sở"));
    assert!(n.new_units.is_empty(), "{:?}", n.new_units);
}

const STATE_NOTICE: &str = "UBND TỈNH ĐIỆN BIÊN
VĂN PHÒNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 245/TB-VPUBND
Điện Biên, ngày 04 tháng 11 năm 2026

THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra hiện trường

Ngày 01/11/2026, Chủ tịch UBND tỉnh kiểm tra hiện trường.

1. Sở Xây dựng hoàn thành thẩm định trước ngày 28/11/2026.
2. Sở Tài chính phối hợp với Sở Xây dựng bố trí vốn trong Quý I/2027.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHÁNH VĂN PHÒNG
PHÓ CHÁNH VĂN PHÒNG
Trần Thị D
";

#[test]
fn a_state_notice_reads_field_by_field() {
    let (data, _) = sample();
    let n = read_notice(STATE_NOTICE, &data).unwrap();
    assert_eq!(n.number_symbol, "245/TB-VPUBND");
    assert_eq!(n.date, Some(day(2026, 11, 4)));
    assert_eq!(n.meeting_date, Some(day(2026, 11, 1)));
    assert_eq!(n.issuing_body, "VĂN PHÒNG");
    assert_eq!(n.signer_title, "KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG");
    assert_eq!(n.signer, "Trần Thị D");
    let d = &n.directives;
    assert_eq!(d.len(), 2);
    assert_eq!(d[0].due, Some(day(2026, 11, 27)), "before the 28th");
    assert_eq!(d[1].lead_unit.as_deref(), Some("Sở Tài chính"));
    assert_eq!(d[1].coordinating_units, vec!["Sở Xây dựng"]);
    assert_eq!(d[1].deadline_words, "trong Quý I/2027");
    assert_eq!(d[1].due, Some(day(2027, 3, 31)));
}

#[test]
fn a_unit_not_in_the_register_is_proposed_once() {
    let (data, _) = sample();
    let text = "THÔNG BÁO\nKết luận tại buổi làm việc\n\n1. Nhà đầu tư dự án (Công ty TNHH Minh Phát) khẩn trương hoàn thiện hồ sơ trong Quý III/2027.\n2. Giao Nhà đầu tư dự án (Công ty TNHH Minh Phát) chủ trì, phối hợp với Sở Xây dựng báo cáo.\n";
    let n = read_notice(text, &data).unwrap();
    assert_eq!(
        n.new_units,
        vec!["Nhà đầu tư dự án (Công ty TNHH Minh Phát)"]
    );
    assert_eq!(
        n.directives[1].lead_unit.as_deref(),
        Some("Nhà đầu tư dự án (Công ty TNHH Minh Phát)")
    );
    assert_eq!(n.directives[1].coordinating_units, vec!["Sở Xây dựng"]);
    assert_eq!(
        n.number_symbol, "",
        "an inspection notice may have no number"
    );
}

#[test]
fn a_text_that_is_no_notice_is_refused() {
    let (data, _) = sample();
    assert_eq!(
        read_notice("Kính gửi anh chị,\n\nHẹn gặp lại tuần sau.", &data),
        Err(NotANotice::NoDirectives)
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_reads_without_a_panic(text in "\\PC{0,300}") {
        let (data, _) = sample();
        let _ = read_notice(&text, &data);
    }

    #[test]
    fn extra_blank_lines_and_spaces_do_not_change_the_draft(
        blanks in proptest::collection::vec(0usize..3, 1..40),
        spaces in proptest::collection::vec(0usize..3, 1..40),
        trailing in proptest::collection::vec(0usize..3, 1..40),
    ) {
        let (data, _) = sample();
        for notice in [NOTICE, STATE_NOTICE] {
            let padded: String = notice
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    if line.trim().is_empty() {
                        "\n".repeat(blanks[i % blanks.len()])
                    } else {
                        let wide = " ".repeat(1 + spaces[i % spaces.len()]);
                        format!("{}{}", line.replace(' ', &wide), " ".repeat(trailing[i % trailing.len()]))
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let plain = read_notice(notice, &data).unwrap();
            let again = read_notice(&padded, &data).unwrap();
            proptest::prop_assert_eq!(&plain.directives, &again.directives);
            proptest::prop_assert_eq!(&plain.title, &again.title);
            proptest::prop_assert_eq!(&plain.recipients, &again.recipients);
            proptest::prop_assert_eq!(&plain.signer, &again.signer);
            proptest::prop_assert_eq!(&plain.number_symbol, &again.number_symbol);
        }
    }
}
