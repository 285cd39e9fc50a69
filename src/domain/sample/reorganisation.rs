//! The 2025 reorganisation in the sample: a conclusion of early 2025 still names the
//! district (UBND huyện Điện Biên) and a department by its old name; the district was
//! abolished on 01/07/2025 and its open directives passed to two communes, recorded through
//! the same [`Succession`] an officer fills in on the district's page.

use super::portfolio::Cast;
use super::*;
use crate::domain::units::org::{EndKind, FormerName};
use crate::domain::units::succession::{Succession, Taker};

pub(super) fn build(b: &mut Builder, cast: &Cast) {
    let now = b.now;
    let today = b.today;
    let day = move |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or(today);
    let end = day(2025, 7, 1);
    // Its dates are fixed: a sample loaded before the story ended leaves it out.
    if b.today < day(2026, 1, 1) {
        return;
    }
    let district = b.unit(
        "UBND huyện Điện Biên",
        "Huyện Điện Biên",
        UnitKind::District,
    );
    let thanh_nua = b.unit("UBND xã Thanh Nưa", "Xã Thanh Nưa", UnitKind::Commune);
    if let Some(u) = b.data.units.get(&district).cloned() {
        b.data.units.upsert(Unit {
            other_names: vec!["Ủy ban nhân dân huyện Điện Biên".into()],
            ..u
        });
    }
    // The department renamed on 01/03/2025 when the environment sector joined it.
    if let Some(u) = b.data.units.get(&cast.agriculture).cloned() {
        b.data.units.upsert(Unit {
            former_names: vec![FormerName {
                name: "Sở Nông nghiệp và Phát triển nông thôn".into(),
                until: day(2025, 2, 28),
            }],
            ..u
        });
    }
    let date = day(2025, 2, 20);
    let c = ConclusionId(b.id());
    b.data.conclusions.upsert(Conclusion {
        id: c.clone(),
        created_at: now,
        updated_at: now,
        committee: cast.committee.clone(),
        meeting: None,
        number_symbol: "05-KL/BCĐ".into(),
        date,
        issuing_body: "Ban Chỉ đạo các công trình, dự án trọng điểm tỉnh".into(),
        title: "Kết luận của Trưởng Ban Chỉ đạo tại buổi kiểm tra tiến độ giải phóng mặt bằng trên địa bàn huyện Điện Biên".into(),
        signer: "Nguyễn Văn C".into(),
        signer_title: "CHÁNH VĂN PHÒNG".into(),
        recipients: vec!["UBND huyện Điện Biên".into(), "Sở Nông nghiệp và Phát triển nông thôn".into(), "Lưu VP".into()],
        assessment: "Công tác bồi thường, hỗ trợ tái định cư trên địa bàn huyện còn chậm.".into(),
        parent_body: "Tỉnh ủy Điện Biên".into(),
        place: "Điện Biên".into(),
        body_kind: None,
        opening: "Ngày 18/02/2025, Trưởng Ban Chỉ đạo kiểm tra tiến độ giải phóng mặt bằng trên địa bàn huyện Điện Biên, kết luận như sau:".into(),
        closing: "Văn phòng Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.".into(),
        joined: Vec::new(),
    });
    let on = |date: NaiveDate, words: &str| Deadline::On {
        date,
        words: words.into(),
    };
    // Done by the district itself, on time, before it ended.
    let done = b.directive(&c, "1", "UBND huyện Điện Biên hoàn thành kiểm đếm, lập phương án bồi thường các hộ còn lại của dự án Đường Nam Rom trước ngày 31/5/2025.", Some(&district), &[], Deadline::Before { date: day(2025, 5, 31), words: "trước ngày 31/5/2025".into() }, &[&cast.nam_rom], RecordedStatus::Done { on: day(2025, 5, 26) });
    b.update(
        &done,
        day(2025, 5, 26),
        "UBND huyện Điện Biên",
        "Đã phê duyệt phương án bồi thường 42 hộ.",
        "Quyết định số 1250/QĐ-UBND",
        Some(RecordedStatus::Done {
            on: day(2025, 5, 26),
        }),
    );
    // Overdue when the district ended, and still open: Mường Phăng owes it now.
    b.directive(&c, "2", "UBND huyện Điện Biên chi trả tiền bồi thường, bàn giao mặt bằng đoạn Km3–Km5 ngày 15/6/2025.", Some(&district), &[&cast.traffic_board], on(day(2025, 6, 15), "ngày 15/6/2025"), &[&cast.road], RecordedStatus::InProgress {});
    // Due after the end: Thanh Nưa took it and did it.
    let later = b.directive(&c, "3", "UBND huyện Điện Biên bố trí quỹ đất tái định cư cho các hộ bị ảnh hưởng, hoàn thành trong tháng 9/2025.", Some(&district), &[&cast.agriculture], Deadline::Month { year: 2025, month: 9, words: "trong tháng 9/2025".into() }, &[&cast.resettlement], RecordedStatus::Done { on: day(2025, 9, 25) });
    b.update(
        &later,
        day(2025, 9, 25),
        "UBND xã Thanh Nưa",
        "Đã giao đất tái định cư cho 18 hộ.",
        "Báo cáo số 45/BC-UBND",
        Some(RecordedStatus::Done {
            on: day(2025, 9, 25),
        }),
    );
    // A continuing task to Thanh Nưa, with Mường Phăng joining.
    b.directive(&c, "4", "UBND huyện Điện Biên thường xuyên tuyên truyền, vận động Nhân dân chấp hành chính sách bồi thường, hỗ trợ tái định cư.", Some(&district), &[], Deadline::Continuous { words: "thường xuyên".into() }, &[&cast.resettlement], RecordedStatus::InProgress {});
    // The renamed department leads, the district coordinates.
    b.directive(&c, "5", "Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với UBND huyện Điện Biên thẩm định phương án chuyển mục đích sử dụng rừng trước ngày 30/6/2026.", Some(&cast.agriculture), &[&district], Deadline::Before { date: day(2026, 6, 30), words: "trước ngày 30/6/2026".into() }, &[&cast.resettlement], RecordedStatus::InProgress {});

    let mut s = Succession::new(district.clone(), EndKind::Abolished);
    s.on = Some(end);
    s.successors = vec![cast.commune.clone(), thanh_nua.clone()];
    s.all_to(&b.data, &cast.commune);
    for (d, _) in b.data.work_to_hand_over(&district, end) {
        if d.path.to_string() == "3" || d.path.to_string() == "4" {
            s.takers.insert(
                d.id.clone(),
                Taker {
                    to: Some(thanh_nua.clone()),
                    also: if d.path.to_string() == "4" {
                        vec![cast.commune.clone()]
                    } else {
                        Vec::new()
                    },
                },
            );
        }
    }
    if let Ok(recorded) = s.record(&b.data, now) {
        b.data.units.upsert(recorded.unit);
        recorded
            .directives
            .into_iter()
            .for_each(|d| b.data.directives.upsert(d));
    }
    not_yet_recorded(b, cast);
}

/// A second district whose end the office has not recorded yet: its open directives still
/// name it, waiting for the officer to hand them to the two communes that took its work.
fn not_yet_recorded(b: &mut Builder, cast: &Cast) {
    let now = b.now;
    let day = |m, d| NaiveDate::from_ymd_opt(2025, m, d);
    let Some(date) = day(4, 10) else {
        return;
    };
    let district = b.unit(
        "UBND huyện Tuần Giáo",
        "Huyện Tuần Giáo",
        UnitKind::District,
    );
    b.unit("UBND xã Tuần Giáo", "Xã Tuần Giáo", UnitKind::Commune);
    b.unit("UBND xã Quài Tở", "Xã Quài Tở", UnitKind::Commune);
    let c = ConclusionId(b.id());
    b.data.conclusions.upsert(Conclusion {
        id: c.clone(),
        created_at: now,
        updated_at: now,
        committee: cast.committee.clone(),
        meeting: None,
        number_symbol: "07-KL/BCĐ".into(),
        date,
        issuing_body: "Ban Chỉ đạo các công trình, dự án trọng điểm tỉnh".into(),
        title: "Kết luận của Trưởng Ban Chỉ đạo tại buổi làm việc với huyện Tuần Giáo về giải phóng mặt bằng".into(),
        signer: "Nguyễn Văn C".into(),
        signer_title: "CHÁNH VĂN PHÒNG".into(),
        recipients: vec!["UBND huyện Tuần Giáo".into(), "Lưu VP".into()],
        assessment: "Tiến độ bàn giao mặt bằng trên địa bàn huyện còn chậm.".into(),
        parent_body: "Tỉnh ủy Điện Biên".into(),
        place: "Điện Biên".into(),
        body_kind: None,
        opening: "Ngày 08/4/2025, Trưởng Ban Chỉ đạo làm việc với huyện Tuần Giáo, kết luận như sau:".into(),
        closing: "Văn phòng Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.".into(),
        joined: Vec::new(),
    });
    b.directive(&c, "1", "UBND huyện Tuần Giáo hoàn thành bàn giao mặt bằng đoạn tuyến qua địa bàn huyện trong Quý III/2025.", Some(&district), &[&cast.traffic_board], Deadline::Quarter { year: 2025, quarter: 3, words: "trong Quý III/2025".into() }, &[&cast.road], RecordedStatus::InProgress {});
    b.directive(&c, "2", "UBND huyện Tuần Giáo thường xuyên báo cáo tiến độ bồi thường, hỗ trợ tái định cư về Văn phòng Ban Chỉ đạo.", Some(&district), &[], Deadline::Continuous { words: "thường xuyên".into() }, &[&cast.road], RecordedStatus::InProgress {});
}
