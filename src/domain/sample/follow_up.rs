//! The sample's meetings, conclusions, directives and follow-up log, placed so that every
//! follow-up state appears whatever day the sample is loaded.

use super::portfolio::Cast;
use super::*;

pub(super) fn build(b: &mut Builder, cast: &Cast) {
    let today = b.today;
    let now = b.now;
    let year = today.year();
    let Cast {
        committee,
        construction,
        finance,
        agriculture,
        culture,
        office,
        traffic_board,
        civil_board,
        farm_board,
        ward,
        commune,
        nam_rom,
        sports,
        him_lam,
        road,
        resettlement,
        expressway,
    } = cast;
    // Meetings: the committee's quarterly meeting, then a site inspection.
    let meeting_day = b.days_ago(75);
    let meeting = MeetingId(b.id());
    b.data.meetings.upsert(Meeting {
        id: meeting.clone(),
        created_at: now,
        updated_at: now,
        committee: committee.clone(),
        kind: MeetingKind::Meeting,
        date: meeting_day,
        time: chrono::NaiveTime::from_hms_opt(8, 0, 0),
        place: "Hội trường UBND tỉnh Điện Biên".into(),
        chair: "Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo".into(),
        co_chairs: vec!["Chủ tịch UBND tỉnh, Phó Trưởng Ban Thường trực".into()],
        attendee_units: vec![construction.clone(), finance.clone(), agriculture.clone(), traffic_board.clone(), civil_board.clone(), farm_board.clone(), commune.clone(), ward.clone()],
        attendees: vec!["Thành viên Ban Chỉ đạo".into(), "Lãnh đạo các chủ đầu tư".into()],
        projects: vec![nam_rom.clone(), sports.clone(), him_lam.clone(), road.clone(), resettlement.clone(), expressway.clone()],
        summary: "Nghe báo cáo tiến độ 6 dự án trọng điểm; 15 công trình, dự án của Ban Chỉ đạo: 2 hoàn thành, 4 đúng tiến độ, 9 chậm tiến độ.".into(),
        next_meeting: Some(b.days_ahead(12)),
        joined: Vec::new(),
    });
    let visit_day = b.days_ago(30);
    let visit = MeetingId(b.id());
    b.data.meetings.upsert(Meeting {
        id: visit.clone(),
        created_at: now,
        updated_at: now,
        committee: committee.clone(),
        kind: MeetingKind::InspectionVisit,
        date: visit_day,
        time: chrono::NaiveTime::from_hms_opt(14, 0, 0),
        place: "Công trường Trung tâm Thể dục thể thao tỉnh và Khu tái định cư".into(),
        chair: "Chủ tịch UBND tỉnh".into(),
        co_chairs: Vec::new(),
        attendee_units: vec![civil_board.clone(), culture.clone(), ward.clone()],
        attendees: Vec::new(),
        projects: vec![sports.clone(), resettlement.clone()],
        summary: "Kiểm tra hiện trường; đường thi công và phá dỡ nhà văn hóa cũ là hai điểm nghẽn."
            .into(),
        next_meeting: None,
        joined: Vec::new(),
    });

    let c1_date = meeting_day + Days::new(3);
    let c1 = ConclusionId(b.id());
    b.data.conclusions.upsert(Conclusion {
        id: c1.clone(),
        created_at: now,
        updated_at: now,
        committee: committee.clone(),
        meeting: Some(meeting.clone()),
        number_symbol: "16-KL/BCĐ".into(),
        date: c1_date,
        issuing_body: "Ban Chỉ đạo các công trình, dự án trọng điểm tỉnh".into(),
        title: "Kết luận của Trưởng Ban Chỉ đạo tại hội nghị đánh giá tiến độ các dự án trọng điểm".into(),
        signer: "Nguyễn Văn C".into(),
        signer_title: "CHÁNH VĂN PHÒNG".into(),
        recipients: vec!["Thành viên Ban Chỉ đạo".into(), "Các sở, ban, ngành liên quan".into(), "Lưu VP".into()],
        assessment: "Công tác giải phóng mặt bằng có chuyển biến; giải ngân một số dự án còn chậm, nhiều vướng mắc chưa được tháo gỡ dứt điểm.".into(),
        parent_body: "Tỉnh ủy Điện Biên".into(),
        place: "Điện Biên".into(),
        body_kind: None,
        opening: format!("Ngày {}, Trưởng Ban Chỉ đạo các công trình, dự án trọng điểm tỉnh chủ trì hội nghị đánh giá tiến độ các dự án trọng điểm. Sau khi nghe Văn phòng Ban Chỉ đạo báo cáo và ý kiến của các thành viên, Trưởng Ban Chỉ đạo kết luận như sau:", dmy(meeting_day)),
        closing: "Văn phòng Ban Chỉ đạo thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.".into(),
        joined: Vec::new(),
    });

    // 1: before a date, done on time.
    let before = c1_date + Days::new(30);
    let d1 = b.directive(&c1, "1", &format!("Giao Sở Xây dựng chủ trì, phối hợp với UBND phường Điện Biên Phủ hoàn thành thẩm định thiết kế điều chỉnh trước ngày {}.", dmy(before)), Some(construction), &[ward], Deadline::Before { date: before, words: format!("trước ngày {}", dmy(before)) }, &[road], RecordedStatus::Done { on: before - Days::new(5) });
    b.update(
        &d1,
        before - Days::new(5),
        "Sở Xây dựng",
        "Đã có văn bản thẩm định thiết kế điều chỉnh.",
        "Văn bản số 1021/SXD-QLXD",
        Some(RecordedStatus::Done {
            on: before - Days::new(5),
        }),
    );
    // 2: within a month, done late.
    let month_of = b.days_ago(45);
    let month_end = last_day_of_month(month_of.year(), month_of.month()).unwrap_or(month_of);
    let d2 = b.directive(&c1, "2", &format!("Ban QLDA giao thông hoàn thành bàn giao mặt bằng các điểm còn vướng trong tháng {} năm {}.", month_of.month(), month_of.year()), Some(traffic_board), &[ward], Deadline::Month { year: month_of.year(), month: month_of.month(), words: format!("trong tháng {} năm {}", month_of.month(), month_of.year()) }, &[road], RecordedStatus::Done { on: month_end + Days::new(5) });
    b.update(
        &d2,
        month_end - Days::new(10),
        "Ban QLDA giao thông",
        "Đã bàn giao 2/3 điểm; điểm còn lại đang vận động.",
        "",
        Some(RecordedStatus::InProgress {}),
    );
    b.update(
        &d2,
        month_end + Days::new(5),
        "Ban QLDA giao thông",
        "Đã bàn giao toàn bộ mặt bằng.",
        "Báo cáo số 88/BC-BQLGT",
        Some(RecordedStatus::Done {
            on: month_end + Days::new(5),
        }),
    );
    // 3: a dated task now overdue, and a continuous one.
    let on_day = b.days_ago(5);
    b.directive(
        &c1,
        "3",
        "UBND xã Mường Phăng:",
        Some(commune),
        &[],
        Deadline::None {},
        &[nam_rom],
        RecordedStatus::InProgress {},
    );
    let d31 = b.directive(
        &c1,
        "3.1",
        &format!(
            "Hoàn thành kiểm đếm tài sản trên đất đối với 155 hộ còn lại trong ngày {}.",
            dmy(on_day)
        ),
        Some(commune),
        &[farm_board],
        Deadline::On {
            date: on_day,
            words: format!("trong ngày {}", dmy(on_day)),
        },
        &[nam_rom],
        RecordedStatus::InProgress {},
    );
    b.update(
        &d31,
        b.days_ago(20),
        "Xã Mường Phăng (điện thoại)",
        "Đã kiểm đếm 96/155 hộ.",
        "",
        Some(RecordedStatus::InProgress {}),
    );
    b.directive(
        &c1,
        "3.2",
        "Thường xuyên báo cáo tiến độ giải phóng mặt bằng về Văn phòng UBND tỉnh.",
        Some(commune),
        &[office],
        Deadline::Continuous {
            words: "thường xuyên".into(),
        },
        &[nam_rom],
        RecordedStatus::InProgress {},
    );
    // 4: a quarter, open within term.
    let next_quarter = today.checked_add_months(Months::new(3)).unwrap_or(today);
    let q = (next_quarter.month() - 1) / 3 + 1;
    let roman = ["I", "II", "III", "IV"][(q - 1) as usize];
    let d4 = b.directive(&c1, "4", &format!("Ban QLDA dân dụng khẩn trương hoàn thiện hồ sơ, đưa Khu tái định cư vào sử dụng chậm nhất trong Quý {}/{}.", roman, next_quarter.year()), Some(civil_board), &[construction], Deadline::Quarter { year: next_quarter.year(), quarter: q, words: format!("chậm nhất trong Quý {}/{}", roman, next_quarter.year()) }, &[resettlement], RecordedStatus::InProgress {});
    // ... given one quarter more by a later document, asked for within term.
    let granted_on = b.days_ago(10);
    let extended_to = last_day_of_month(next_quarter.year(), q * 3)
        .and_then(|end| end.checked_add_months(Months::new(3)))
        .and_then(|d| last_day_of_month(d.year(), d.month()));
    if let (Some(mut x), Some(date)) = (b.data.directives.get(&d4).cloned(), extended_to) {
        x.extensions
            .push(crate::domain::followup::extension::Extension {
                deadline: Deadline::On {
                    date,
                    words: format!("chậm nhất ngày {}", dmy(date)),
                },
                granted_on,
                document_ref: "Công văn số 1520/UBND-KT".into(),
                reason: "Chờ bố trí vốn đối ứng để hoàn thiện hạ tầng kỹ thuật.".into(),
            });
        b.data.directives.upsert(x);
    }
    // 5: a half-year, open within term, not started.
    let (half_year, half) = if today.month() <= 6 {
        (year, 2)
    } else {
        (year + 1, 1)
    };
    let half_words = if half == 1 {
        format!("6 tháng đầu năm {half_year}")
    } else {
        format!("6 tháng cuối năm {half_year}")
    };
    b.directive(
        &c1,
        "5",
        &format!("Sở Tài chính tham mưu bố trí vốn đối ứng cho dự án Nậm Rốm trong {half_words}."),
        Some(finance),
        &[farm_board],
        Deadline::HalfYear {
            year: half_year,
            half,
            words: half_words.clone(),
        },
        &[nam_rom],
        RecordedStatus::NotStarted {},
    );
    // 6: a year, and 7: a general exhortation with no unit and no deadline.
    b.directive(
        &c1,
        "6",
        &format!(
            "Các chủ đầu tư phấn đấu giải ngân 100% kế hoạch vốn được giao trong năm {}.",
            year + 1
        ),
        Some(finance),
        &[traffic_board, civil_board, farm_board],
        Deadline::Year {
            year: year + 1,
            words: format!("trong năm {}", year + 1),
        },
        &[],
        RecordedStatus::InProgress {},
    );
    b.directive(&c1, "7", "Các sở, ban, ngành và địa phương tập trung cao độ, nâng cao trách nhiệm người đứng đầu trong triển khai các dự án trọng điểm.", None, &[], Deadline::None {}, &[], RecordedStatus::NotStarted {});

    let c2_date = visit_day + Days::new(2);
    let c2 = ConclusionId(b.id());
    b.data.conclusions.upsert(Conclusion {
        id: c2.clone(),
        created_at: now,
        updated_at: now,
        committee: committee.clone(),
        meeting: Some(visit.clone()),
        number_symbol: "245/TB-VPUBND".into(),
        date: c2_date,
        issuing_body: "Văn phòng UBND tỉnh Điện Biên".into(),
        title: "Thông báo kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra hiện trường Trung tâm TDTT tỉnh và Khu tái định cư".into(),
        signer: "Trần Thị D".into(),
        signer_title: "PHÓ CHÁNH VĂN PHÒNG".into(),
        recipients: vec!["Ban QLDA dân dụng".into(), "Sở Văn hóa, Thể thao và Du lịch".into(), "UBND phường Điện Biên Phủ".into(), "Lưu VT".into()],
        assessment: "Tiến độ thi công Trung tâm TDTT chậm so với kế hoạch; việc phá dỡ nhà văn hóa cũ chưa được thực hiện.".into(),
        parent_body: "UBND tỉnh Điện Biên".into(),
        place: "Điện Biên".into(),
        // Issued by the provincial People's Committee's office: a state document.
        body_kind: Some(BodyKind::State),
        opening: format!("Ngày {}, Chủ tịch UBND tỉnh kiểm tra hiện trường Trung tâm Thể dục thể thao tỉnh và Khu tái định cư. Văn phòng UBND tỉnh thông báo ý kiến kết luận của Chủ tịch UBND tỉnh như sau:", dmy(visit_day)),
        closing: "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện.".into(),
        joined: Vec::new(),
    });
    // 1: before a date a few days ahead: due soon.
    let soon = b.days_ahead(5);
    let e1 = b.directive(&c2, "1", &format!("Ban QLDA dân dụng hoàn thành phá dỡ nhà văn hóa cũ, bàn giao mặt bằng khu B trước ngày {}.", dmy(soon)), Some(civil_board), &[ward], Deadline::Before { date: soon, words: format!("trước ngày {}", dmy(soon)) }, &[resettlement], RecordedStatus::InProgress {});
    b.update(
        &e1,
        b.days_ago(7),
        "Ban QLDA dân dụng",
        "Đã lựa chọn đơn vị phá dỡ, dự kiến hoàn thành đúng hạn.",
        "",
        Some(RecordedStatus::InProgress {}),
    );
    // 2: transferred after the district level was abolished.
    let e2 = b.directive(
        &c2,
        "2",
        "UBND huyện Điện Biên hỗ trợ mở đường công vụ vào công trường Trung tâm TDTT.",
        Some(commune),
        &[civil_board],
        Deadline::On {
            date: b.days_ago(10),
            words: format!("ngày {}", dmy(b.days_ago(10))),
        },
        &[sports],
        RecordedStatus::Transferred {
            on: b.days_ago(20),
            note: "Chuyển UBND phường Điện Biên Phủ thực hiện theo địa giới mới".into(),
        },
    );
    b.update(
        &e2,
        b.days_ago(20),
        "Văn phòng UBND tỉnh",
        "Chuyển nhiệm vụ cho UBND phường Điện Biên Phủ.",
        "Công văn số 310/VP-KT",
        None,
    );
    // 3: end of a month, year taken from the conclusion's date when it is the same year.
    let later = b.days_ahead(40);
    let words = if later.year() == c2_date.year() {
        format!("cuối tháng {}", later.month())
    } else {
        format!("cuối tháng {}/{}", later.month(), later.year())
    };
    b.directive(&c2, "3", &format!("Sở Văn hóa, Thể thao và Du lịch phối hợp chủ đầu tư xây dựng phương án khai thác Trung tâm TDTT, báo cáo UBND tỉnh {words}."), Some(culture), &[civil_board], Deadline::Month { year: later.year(), month: later.month(), words }, &[sports], RecordedStatus::NotStarted {});
}
