use super::*;
use crate::domain::sample::fixture::sample;

fn named<'a>(data: &'a crate::domain::Dataset, id: Option<&UnitId>) -> &'a str {
    id.and_then(|u| data.units.get(u))
        .map_or("", |u| u.name.as_str())
}

#[test]
fn short_and_long_forms_are_one() {
    assert_eq!(
        words("UBND xã Tân Lập"),
        words("Ủy ban nhân dân xã Tân Lập")
    );
    assert_eq!(words("Sở KH&ĐT"), words("Sở Kế hoạch và Đầu tư"));
    assert_eq!(
        words("Ban QLDA giao thông,"),
        words("Ban Quản lý dự án giao thông")
    );
}

#[test]
fn the_lead_unit_is_found_as_notices_name_it() {
    let (data, _) = sample();
    let u = &data.units;
    assert_eq!(
        named(
            &data,
            lead_unit(
                "Giao Sở Xây dựng chủ trì, phối hợp với UBND phường Điện Biên Phủ hoàn thành",
                u
            )
        ),
        "Sở Xây dựng"
    );
    assert_eq!(
        named(&data, lead_unit("Ủy ban nhân dân xã Mường Phăng:", u)),
        "UBND xã Mường Phăng"
    );
    assert_eq!(
        named(&data, lead_unit("Sở Tài chính tham mưu bố trí vốn", u)),
        "Sở Tài chính"
    );
    assert_eq!(
        named(&data, lead_unit("STC tham mưu bố trí vốn", u)),
        "Sở Tài chính",
        "by short name"
    );
    assert_eq!(lead_unit("Các sở, ban, ngành tập trung cao độ", u), None);
    assert_eq!(
        lead_unit_as_written(
            "Giao Ủy ban nhân dân xã Mường Phăng: hoàn thành",
            &UnitIndex::new(u)
        )
        .map(|(_, w)| w),
        Some("Ủy ban nhân dân xã Mường Phăng".into()),
        "the words as written, to show where it was read"
    );
    assert_eq!(
        lead_unit_as_written("UBND xã Mường Phăng, Sở Xây dựng", &UnitIndex::new(u))
            .map(|(_, w)| w),
        Some("UBND xã Mường Phăng".into())
    );
}

#[test]
fn projects_are_found_by_name_or_short_name() {
    let (data, _) = sample();
    let found = |text: &str| -> Vec<String> {
        ProjectIndex::new(&data.projects)
            .named(text)
            .iter()
            .map(|p| p.short_name.clone())
            .collect()
    };
    assert_eq!(
        found("Đẩy nhanh GPMB dự án Trung tâm Thể dục thể thao tỉnh và dự án Nậm Rốm."),
        vec!["Trung tâm TDTT", "Nậm Rốm"]
    );
    assert_eq!(
        found("Trung tâm TDTT: bàn giao mặt bằng"),
        vec!["Trung tâm TDTT"]
    );
    assert!(found("Hoàn thành kiểm đếm tài sản").is_empty());
}

#[test]
fn a_unit_not_in_the_register_is_read_as_written() {
    assert_eq!(
        unit_name_as_read("Nhà đầu tư dự án (Công ty TNHH Minh Phát, chi nhánh Điện Biên) khẩn trương hoàn thiện hồ sơ"),
        Some("Nhà đầu tư dự án (Công ty TNHH Minh Phát, chi nhánh Điện Biên)".into())
    );
    assert_eq!(
        unit_name_as_read("Giao UBND huyện Tuần Giáo chủ trì, phối hợp với Sở Xây dựng"),
        Some("UBND huyện Tuần Giáo".into())
    );
    assert_eq!(
        unit_name_as_read("Công an tỉnh:"),
        Some("Công an tỉnh".into())
    );
    assert_eq!(unit_name_as_read("Các sở, ban, ngành tập trung"), None);
    assert_eq!(unit_name_as_read(""), None);
}

#[test]
fn every_unit_named_in_an_item_once_in_order() {
    let (data, _) = sample();
    let ids = units_named(
        "Giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính và UBND xã Mường Phăng; Sở Xây dựng báo cáo",
        &UnitIndex::new(&data.units),
    );
    let names: Vec<&str> = ids.iter().map(|id| named(&data, Some(id))).collect();
    assert_eq!(
        names,
        vec!["Sở Xây dựng", "Sở Tài chính", "UBND xã Mường Phăng"]
    );
}

#[test]
fn project_names_as_notices_write_them() {
    let (data, _) = sample();
    let found = |text: &str| -> Vec<String> {
        ProjectIndex::new(&data.projects)
            .named(text)
            .iter()
            .map(|p| p.short_name.clone())
            .collect()
    };
    // Without "Dự án", in lower case, broken over a line.
    assert_eq!(
        found("nghiệm thu kè thuộc quản lý tổng hợp đa thiên\ntai lưu vực sông nậm rốm"),
        vec!["Nậm Rốm"]
    );
    // "QL" for "Quốc lộ", a spaced dash for the short name's.
    assert_eq!(
        found("thi công đường động lực kết nối QL279 và QL12"),
        vec!["Đường động lực QL279–QL12"]
    );
    assert_eq!(
        found("gói thầu số 3 đường động lực QL 279 - QL 12"),
        vec!["Đường động lực QL279–QL12"]
    );
    // The name without what follows its last comma.
    assert_eq!(
        found("thẩm định thiết kế Bảo tồn, tôn tạo và phục hồi Trung tâm đề kháng Him Lam."),
        vec!["Him Lam giai đoạn II"]
    );
    assert_eq!(
        found("phê duyệt dự án cao tốc Sơn La - Điện Biên - Cửa khẩu Tây Trang"),
        vec!["Cao tốc Sơn La – Điện Biên – Tây Trang"]
    );
    assert_eq!(
        found("bàn giao đất cho khu tái định cư Trung tâm hành chính"),
        vec!["Khu TĐC Trung tâm hành chính"]
    );
    assert!(found("bảo tồn di tích").is_empty());
}

#[test]
fn a_units_name_ends_where_its_action_begins() {
    assert_eq!(
        unit_name_as_read("Nhà đầu tư thường xuyên báo cáo tiến độ"),
        Some("Nhà đầu tư".into())
    );
    assert_eq!(
        unit_name_as_read("Công ty Điện lực Điện Biên phấn đấu đóng điện trước Tết"),
        Some("Công ty Điện lực Điện Biên".into())
    );
    assert_eq!(
        unit_name_as_read("Thường trực Huyện ủy Mường Ảng chỉ đạo"),
        Some("Thường trực Huyện ủy Mường Ảng".into())
    );
    assert_eq!(
        unit_name_as_read("Đối với Trung tâm Phát triển quỹ đất tỉnh:"),
        Some("Trung tâm Phát triển quỹ đất tỉnh".into())
    );
}
