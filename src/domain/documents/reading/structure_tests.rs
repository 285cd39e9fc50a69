use super::super::clean::clean_lines;
use super::*;

const NOTICE: &str = "TỈNH ỦY ĐIỆN BIÊN
BAN CHỈ ĐẠO CÁC CÔNG TRÌNH, DỰ ÁN TRỌNG ĐIỂM
*
Số 21 -KL/BCĐ
Điện Biên, ngày 20 tháng 9 năm 2026

KẾT LUẬN
của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm

Ngày 15/9/2026, Trưởng Ban Chỉ đạo chủ trì hội nghị đánh giá tiến độ các dự án trọng điểm.
Công tác giải phóng mặt bằng có chuyển biến; giải ngân còn chậm.

1. Giao Sở Xây dựng chủ trì, phối hợp với UBND phường Điện Biên Phủ hoàn thành thẩm định thiết kế trước ngày 12/10/2026.
2. UBND xã Mường Phăng:
- Hoàn thành kiểm đếm tài sản trên đất trong ngày 18/11/2026.
- Thường xuyên báo cáo tiến độ về Văn phòng UBND tỉnh.
3. Sở Tài chính tham mưu bố trí vốn đối ứng trong 6 tháng đầu năm 2027.
Trường hợp vượt thẩm quyền, báo cáo UBND tỉnh.

Văn phòng Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.

Nơi nhận:
- Thành viên Ban Chỉ đạo;
- Lưu VP.
CHÁNH VĂN PHÒNG
Nguyễn Văn C";

#[test]
fn a_notice_is_cut_into_its_parts() {
    let p = parts(&clean_lines(NOTICE));
    assert_eq!(p.header.len(), 4, "{:?}", p.header);
    assert_eq!(p.kind, Some(KindLine::Conclusion));
    assert_eq!(
        p.title,
        vec!["của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm"]
    );
    assert_eq!(p.paragraphs.len(), 2);
    let paths: Vec<&str> = p.items.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, vec!["1", "2", "2.1", "2.2", "3"]);
    assert_eq!(p.items[1].text, "UBND xã Mường Phăng:");
    assert!(p.items[4]
        .text
        .ends_with("\nTrường hợp vượt thẩm quyền, báo cáo UBND tỉnh."));
    assert!(p
        .closing
        .as_deref()
        .is_some_and(|c| c.starts_with("Văn phòng Ban Chỉ đạo thông báo")));
    assert_eq!(p.recipients, vec!["Thành viên Ban Chỉ đạo;", "Lưu VP."]);
    assert_eq!(p.signer, vec!["CHÁNH VĂN PHÒNG", "Nguyễn Văn C"]);
}

#[test]
fn numbers_letters_and_sections() {
    assert_eq!(numbered("3. Giao"), Some(("3".into(), "Giao")));
    assert_eq!(
        numbered("2.1. Hoàn thành"),
        Some(("2.1".into(), "Hoàn thành"))
    );
    assert_eq!(numbered("4) Sở"), Some(("4".into(), "Sở")));
    assert_eq!(numbered("2026 là năm"), None);
    assert_eq!(numbered("15/9/2026, Trưởng"), None);
    assert!(roman_section("II. Nhiệm vụ thời gian tới"));
    assert!(!roman_section("Ủy ban"));
    assert_eq!(sub_item("a) Hoàn thành"), Some("Hoàn thành"));
    assert_eq!(sub_item("+ Báo cáo"), Some("Báo cáo"));
    assert_eq!(sub_item("Sở Xây dựng"), None);
}

#[test]
fn the_documents_own_labels_and_nested_marks() {
    let text = "KẾT LUẬN\nvề tiến độ\n\nNgày 02/3/2026, họp.\n\n\
1. Sở Tài chính:\n- Về vốn:\n+ Điều chuyển vốn.\n+ Báo cáo.\n- Về thủ tục.\n\
2) UBND xã Thanh Nưa:\na) Kiểm đếm.\nb) Chi trả.\n";
    let p = parts(&clean_lines(text));
    let got: Vec<(&str, &str)> = p
        .items
        .iter()
        .map(|i| (i.path.as_str(), i.label.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("1", "1."),
            ("1.1", "-"),
            ("1.1.1", "+"),
            ("1.1.2", "+"),
            ("1.2", "-"),
            ("2", "2)"),
            ("2.1", "a)"),
            ("2.2", "b)")
        ]
    );
}

#[test]
fn sections_numbering_from_one_again_go_on_and_are_cited_with_their_section() {
    let text = "KẾT LUẬN\nvề tiến độ\n\nNgày 02/3/2026, họp.\n\n\
I. ĐÁNH GIÁ TÌNH HÌNH\n1. Kết quả đạt được\nGiải ngân đạt 40%.\n\
II. NHIỆM VỤ\n1. Sở Xây dựng thẩm định.\n2. Sở Tài chính bố trí vốn.\n\
III. KIẾN NGHỊ\n1. Đề nghị Bộ Xây dựng hướng dẫn.\n";
    let p = parts(&clean_lines(text));
    let got: Vec<(&str, &str)> = p
        .items
        .iter()
        .map(|i| (i.path.as_str(), i.label.as_str()))
        .collect();
    assert_eq!(got, vec![("1", "II.1."), ("2", "II.2."), ("3", "III.1.")]);
}

#[test]
fn lines_broken_mid_sentence_by_a_pdf_are_one_paragraph() {
    let text =
        "THÔNG BÁO\nvề tiến độ\nNgày 02/3/2026, đồng chí Phó Chủ tịch làm việc với UBND xã\n\
Thanh Nưa. Đồng chí kết luận:\n1. Giao Sở Tài chính chủ trì, phối hợp với\nSở Xây dựng thẩm định.\n\
Trường hợp vướng mắc, báo cáo UBND tỉnh.\n";
    let p = parts(&clean_lines(text));
    assert_eq!(
        p.paragraphs,
        vec!["Ngày 02/3/2026, đồng chí Phó Chủ tịch làm việc với UBND xã Thanh Nưa. Đồng chí kết luận:"]
    );
    assert_eq!(
        p.items[0].text,
        "Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thẩm định.\nTrường hợp vướng mắc, báo cáo UBND tỉnh."
    );
}

proptest::proptest! {
    #[test]
    fn any_text_is_cut_without_a_panic(text in "\\PC{0,400}") {
        let _ = parts(&clean_lines(&text));
    }
}
