use super::*;
use crate::domain::sample::fixture::sample;

fn unit_name(data: &Dataset, id: &UnitId) -> String {
    data.units
        .get(id)
        .map(|u| u.name.clone())
        .unwrap_or_default()
}

#[test]
fn a_bare_place_is_its_peoples_committee() {
    let (data, _) = sample();
    let index = UnitIndex::new(&data.units);
    let (id, name, written) = place_lead("Xã Thanh Nưa khẩn trương kiểm đếm", &index).unwrap();
    assert_eq!(
        id.map(|id| unit_name(&data, id)),
        Some("UBND xã Thanh Nưa".into())
    );
    assert_eq!(
        (name.as_str(), written.as_str()),
        ("UBND xã Thanh Nưa", "Xã Thanh Nưa")
    );
    let (id, name, _) = place_lead("Thị trấn Mường Ảng, Sở Xây dựng phối hợp", &index).unwrap();
    assert_eq!((id, name.as_str()), (None, "UBND thị trấn Mường Ảng"));
    let (_, name, _) = place_lead("Thành phố Lai Châu bố trí quỹ đất", &index).unwrap();
    assert_eq!(name, "UBND thành phố Lai Châu");
    assert_eq!(place_lead("Xã hội hóa nguồn lực đầu tư", &index), None);
    assert_eq!(place_lead("Sở Tài chính tham mưu", &index), None);
}

#[test]
fn the_sentence_before_the_list_names_who_it_is_for() {
    let (data, _) = sample();
    let index = UnitIndex::new(&data.units);
    let lead = sentence_lead(
        "Để kịp tiến độ, Ban Chỉ đạo đề nghị UBND phường Điện Biên Phủ và các ngành liên quan thực hiện:",
        &index,
    );
    assert_eq!(
        lead.and_then(|(id, _)| id).map(|id| unit_name(&data, id)),
        Some("UBND phường Điện Biên Phủ".into())
    );
    assert_eq!(
        sentence_lead(
            "Yêu cầu UBND huyện Mường Chà, các sở, ngành khẩn trương thực hiện:",
            &index
        ),
        Some((None, "UBND huyện Mường Chà".into()))
    );
    assert_eq!(
        sentence_lead(
            "Sau khi nghe đề nghị Sở Xây dựng về điều chỉnh thiết kế, Ban Chỉ đạo kết luận:",
            &index
        ),
        None,
        "a proposal heard, not a request"
    );
    assert_eq!(
        sentence_lead("Ban Chỉ đạo kết luận như sau:", &index),
        None,
        "asks no one"
    );
    assert_eq!(
        sentence_lead(
            "Đề nghị UBND xã Mường Phăng thực hiện các nội dung sau.",
            &index
        ),
        None,
        "not a sentence before a list"
    );
}

#[test]
fn a_class_of_units_and_what_it_covers() {
    let (data, _) = sample();
    assert_eq!(
        class_named("Các chủ đầu tư chịu trách nhiệm giải ngân"),
        Some(UnitClass::Investors)
    );
    assert_eq!(
        class_named("Đề nghị các sở, ban, ngành rút ngắn thời gian"),
        Some(UnitClass::Departments)
    );
    assert_eq!(
        class_named("Sở Tài chính phối hợp với các chủ đầu tư"),
        None
    );
    let names =
        |ids: Vec<UnitId>| -> Vec<String> { ids.iter().map(|id| unit_name(&data, id)).collect() };
    let departments = names(covered(UnitClass::Departments, &[], &data));
    assert!(departments.len() >= 4 && departments.iter().all(|n| n.starts_with("Sở ")));
    let sports = data
        .projects
        .iter()
        .find(|p| p.short_name == "Trung tâm TDTT")
        .unwrap();
    assert_eq!(
        names(covered(
            UnitClass::Investors,
            std::slice::from_ref(&sports.id),
            &data
        )),
        vec!["Ban Quản lý dự án các công trình dân dụng và công nghiệp tỉnh"]
    );
    let all = names(covered(UnitClass::Investors, &[], &data));
    assert!(all.len() >= 3 && all.contains(&"Bộ Xây dựng".to_owned()));
}
