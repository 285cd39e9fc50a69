//! The built-in sample: the six Điện Biên key projects with their reported figures, a
//! committee, the units involved, two meetings and two conclusions written for this sample.
//!
//! Every date is placed relative to `today`, so that whenever it is loaded the directives
//! show every follow-up state (done on time, done late, open within term, due soon, overdue,
//! no deadline, transferred) and the reports look recent.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use super::conclusion::{Conclusion, Directive, DirectivePath, DirectiveUpdate, RecordedStatus};
use super::dataset::Dataset;
use super::deadline::{last_day_of_month, Deadline};
use super::ids::{ConclusionId, DirectiveId, IdSource, MeetingId, ProjectId, UnitId};
use super::meeting::{Meeting, MeetingKind};
use super::money::{Amount, Qualifier, Vnd};
use super::org::{Committee, DatedCapital, FormerName, Unit, UnitKind};
use super::project::{
    Capital, CapitalSource, Construction, InvestmentGroup, Light, Obstacle, ObstacleCategory,
    ProgressReport, Project, ScheduleStatus, SiteClearance, StatusDecision, TrafficLight,
};

struct Builder<'a> {
    now: DateTime<Utc>,
    today: NaiveDate,
    ids: &'a mut dyn IdSource,
    data: Dataset,
}

use super::dates::d_m_yyyy as dmy;

impl Builder<'_> {
    fn id(&mut self) -> String {
        self.ids.next_id()
    }

    fn days_ago(&self, n: u64) -> NaiveDate {
        self.today - Days::new(n)
    }

    fn days_ahead(&self, n: u64) -> NaiveDate {
        self.today + Days::new(n)
    }

    fn unit(&mut self, name: &str, short: &str, kind: UnitKind) -> UnitId {
        let id = UnitId(self.id());
        self.data.units.upsert(Unit {
            id: id.clone(),
            created_at: self.now,
            updated_at: self.now,
            name: name.into(),
            short_name: short.into(),
            kind,
            former_names: Vec::new(),
            merged_into: None,
            contact: String::new(),
        });
        id
    }

    fn report(
        &mut self,
        project: &ProjectId,
        as_of: NaiveDate,
        sc: SiteClearance,
        c: Construction,
        cap: Capital,
        text: &str,
    ) {
        let id = self.id().as_str().into();
        self.data.progress_reports.upsert(ProgressReport {
            id,
            created_at: self.now,
            updated_at: self.now,
            project: project.clone(),
            as_of,
            site_clearance: sc,
            construction: c,
            capital: cap,
            narrative: text.into(),
        });
    }

    fn obstacle(
        &mut self,
        project: &ProjectId,
        category: ObstacleCategory,
        text: &str,
        unit: Option<&UnitId>,
        since: NaiveDate,
    ) {
        let id = self.id().as_str().into();
        self.data.obstacles.upsert(Obstacle {
            id,
            created_at: self.now,
            updated_at: self.now,
            project: project.clone(),
            category,
            description: text.into(),
            responsible_unit: unit.cloned(),
            since: Some(since),
            resolved_on: None,
            directive: None,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn directive(
        &mut self,
        conclusion: &ConclusionId,
        path: &str,
        text: &str,
        lead: Option<&UnitId>,
        coordinating: &[&UnitId],
        deadline: Deadline,
        projects: &[&ProjectId],
        status: RecordedStatus,
    ) -> DirectiveId {
        let id = DirectiveId(self.id());
        self.data.directives.upsert(Directive {
            id: id.clone(),
            created_at: self.now,
            updated_at: self.now,
            conclusion: conclusion.clone(),
            path: DirectivePath::parse(path).expect("sample paths are valid"),
            text: text.into(),
            lead_unit: lead.cloned(),
            coordinating_units: coordinating.iter().map(|u| (*u).clone()).collect(),
            responsible_person: String::new(),
            deadline,
            projects: projects.iter().map(|p| (*p).clone()).collect(),
            status,
        });
        id
    }

    fn update(
        &mut self,
        directive: &DirectiveId,
        date: NaiveDate,
        by: &str,
        text: &str,
        doc: &str,
        status: Option<RecordedStatus>,
    ) {
        let id = self.id().as_str().into();
        self.data.directive_updates.upsert(DirectiveUpdate {
            id,
            created_at: self.now,
            updated_at: self.now,
            directive: directive.clone(),
            date,
            reported_by: by.into(),
            text: text.into(),
            document_ref: doc.into(),
            status,
        });
    }
}

fn bn(whole: i64, hundredths: i64) -> Option<Vnd> {
    Some(Vnd::billions(whole, hundredths))
}

/// Builds the sample for `today`, with fresh ids from `ids` (so loading it twice adds two
/// independent copies rather than overwriting anything).
pub fn sample_dataset(today: NaiveDate, now: DateTime<Utc>, ids: &mut dyn IdSource) -> Dataset {
    let mut b = Builder {
        now,
        today,
        ids,
        data: Dataset::default(),
    };
    let year = today.year();

    let committee = b.id();
    b.data.committees.upsert(Committee {
        id: committee.as_str().into(),
        created_at: now,
        updated_at: now,
        name: "Ban Chỉ đạo các công trình, dự án trọng điểm tỉnh Điện Biên".into(),
        short_name: "BCĐ dự án trọng điểm".into(),
        head: "Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo".into(),
        standing_agency: "UBND tỉnh Điện Biên".into(),
        // Province figures as reported by 31 August of the year.
        public_investment: vec![DatedCapital {
            as_of: NaiveDate::from_ymd_opt(year, 8, 31)
                .filter(|d| *d <= today)
                .unwrap_or(NaiveDate::from_ymd_opt(year - 1, 8, 31).unwrap_or(today)),
            capital: Capital {
                year: Some(
                    if today >= NaiveDate::from_ymd_opt(year, 8, 31).unwrap_or(today) {
                        year
                    } else {
                        year - 1
                    },
                ),
                plan: bn(3_355, 90),
                allocated: bn(3_273, 0),
                disbursed: bn(1_461, 0),
                disbursed_percent: None,
                same_period_last_year_percent: Some(34.05),
            },
        }],
    });
    let committee = Some(committee.as_str().into());

    let construction = b.unit("Sở Xây dựng", "SXD", UnitKind::Department);
    let finance = b.unit("Sở Tài chính", "STC", UnitKind::Department);
    let agriculture = b.unit(
        "Sở Nông nghiệp và Môi trường",
        "SNNMT",
        UnitKind::Department,
    );
    let culture = b.unit(
        "Sở Văn hóa, Thể thao và Du lịch",
        "SVHTTDL",
        UnitKind::Department,
    );
    let office = b.unit("Văn phòng UBND tỉnh", "VP UBND", UnitKind::Group);
    let traffic_board = b.unit(
        "Ban Quản lý dự án các công trình giao thông tỉnh",
        "Ban QLDA giao thông",
        UnitKind::Investor,
    );
    let civil_board = b.unit(
        "Ban Quản lý dự án các công trình dân dụng và công nghiệp tỉnh",
        "Ban QLDA dân dụng",
        UnitKind::Investor,
    );
    let farm_board = b.unit(
        "Ban Quản lý dự án các công trình nông nghiệp và phát triển nông thôn tỉnh",
        "Ban QLDA nông nghiệp",
        UnitKind::Investor,
    );
    let ministry = b.unit("Bộ Xây dựng", "BXD", UnitKind::Other);
    let ward = b.unit(
        "UBND phường Điện Biên Phủ",
        "Phường Điện Biên Phủ",
        UnitKind::Commune,
    );
    let commune = b.unit("UBND xã Mường Phăng", "Xã Mường Phăng", UnitKind::Commune);
    if let Some(unit) = b.data.units.get(&commune).cloned() {
        let until = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap_or(today);
        b.data.units.upsert(Unit {
            former_names: vec![FormerName {
                name: "UBND huyện Điện Biên".into(),
                until,
            }],
            ..unit
        });
    }

    let start = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1);
    let end = |y: i32, m: u32| last_day_of_month(y, m);
    let project = |b: &mut Builder,
                   name: &str,
                   short: &str,
                   investor: &UnitId,
                   group,
                   source,
                   total: Option<Amount>,
                   phase: &str,
                   s,
                   f,
                   leader: &str| {
        let id = ProjectId(b.id());
        b.data.projects.upsert(Project {
            id: id.clone(),
            created_at: now,
            updated_at: now,
            committee: committee.clone(),
            name: name.into(),
            short_name: short.into(),
            investor: Some(investor.clone()),
            location: "tỉnh Điện Biên".into(),
            group: Some(group),
            capital_source: Some(source),
            total_investment: total,
            phase: phase.into(),
            planned_start: s,
            planned_finish: f,
            leader_in_charge: leader.into(),
            schedule_status: None,
            traffic_light: None,
            archived: false,
        });
        id
    };
    let over = |vnd| {
        Some(Amount {
            vnd,
            qualifier: Some(Qualifier::Over),
        })
    };
    let exact = |vnd| {
        Some(Amount {
            vnd,
            qualifier: None,
        })
    };

    let nam_rom = project(
        &mut b,
        "Dự án Quản lý tổng hợp đa thiên tai lưu vực sông Nậm Rốm",
        "Nậm Rốm",
        &farm_board,
        InvestmentGroup::B,
        CapitalSource::Foreign,
        over(Vnd::billions(981, 0)),
        "",
        start(year - 4, 1),
        end(year, 12),
        "Phó Chủ tịch UBND tỉnh Lò Văn A",
    );
    let sports = project(
        &mut b,
        "Trung tâm Thể dục thể thao tỉnh",
        "Trung tâm TDTT",
        &civil_board,
        InvestmentGroup::B,
        CapitalSource::StateBudget,
        exact(Vnd::billions(450, 0)),
        "",
        start(year - 2, 3),
        end(year + 1, 6),
        "Phó Chủ tịch UBND tỉnh Lò Văn B",
    );
    let him_lam = project(
        &mut b,
        "Bảo tồn, tôn tạo và phục hồi Trung tâm đề kháng Him Lam, giai đoạn II",
        "Him Lam giai đoạn II",
        &civil_board,
        InvestmentGroup::C,
        CapitalSource::StateBudget,
        exact(Vnd::billions(95, 50)),
        "giai đoạn II",
        start(year - 1, 3),
        end(year + 1, 12),
        "Phó Chủ tịch UBND tỉnh Lò Văn B",
    );
    let road = project(
        &mut b,
        "Đường động lực kết nối Quốc lộ 279 và Quốc lộ 12",
        "Đường động lực QL279–QL12",
        &traffic_board,
        InvestmentGroup::B,
        CapitalSource::StateBudget,
        exact(Vnd::billions(1_300, 0)),
        "",
        start(year - 3, 6),
        end(year, 12),
        "Phó Chủ tịch UBND tỉnh Lò Văn A",
    );
    let resettlement = project(
        &mut b,
        "Khu tái định cư phục vụ Trung tâm hành chính chính trị tỉnh",
        "Khu TĐC Trung tâm hành chính",
        &civil_board,
        InvestmentGroup::B,
        CapitalSource::StateBudget,
        exact(Vnd::billions(620, 0)),
        "",
        start(year - 2, 1),
        end(year + 1, 6),
        "Phó Chủ tịch UBND tỉnh Lò Văn B",
    );
    let expressway = project(
        &mut b,
        "Cao tốc Sơn La – Điện Biên – Cửa khẩu Tây Trang, đoạn qua tỉnh Điện Biên (178 km)",
        "Cao tốc Sơn La – Điện Biên – Tây Trang",
        &ministry,
        InvestmentGroup::A,
        CapitalSource::StateBudget,
        over(Vnd::billions(27_130, 0)),
        &format!("{}–{}", year, year + 4),
        start(year + 1, 1),
        end(year + 4, 12),
        "Chủ tịch UBND tỉnh",
    );

    // Reports are as of the 20th; the latest is the most recent 20th not after today.
    let latest = {
        let this_month = today.with_day(20).unwrap_or(today);
        if today.day() >= 20 {
            this_month
        } else {
            this_month - Months::new(1)
        }
    };
    let previous = latest - Months::new(3);
    let cap = |plan, allocated, disbursed, last_year| Capital {
        year: Some(year),
        plan,
        allocated,
        disbursed,
        disbursed_percent: None,
        same_period_last_year_percent: last_year,
    };
    let sc = |total_ha: f64, done_ha: f64, hh_total: u32, hh_done: u32| SiteClearance {
        area_total_ha: Some(total_ha),
        area_handed_over_ha: Some(done_ha),
        households_total: Some(hh_total),
        households_handed_over: Some(hh_done),
        percent: None,
    };
    let built = |total: u32, active: u32, signed: u32, volume: f64| Construction {
        packages_total: Some(total),
        packages_under_construction: Some(active),
        contracts_signed: Some(signed),
        volume_percent: Some(volume),
    };
    let volume = |v: f64| Construction {
        volume_percent: Some(v),
        ..Default::default()
    };

    b.report(
        &nam_rom,
        previous,
        sc(93.7, 61.2, 514, 301),
        built(7, 6, 7, 36.2),
        cap(bn(180, 0), bn(180, 0), bn(88, 20), None),
        "Đang kiểm đếm bổ sung tại 2 xã; 6/7 gói thầu đã thi công.",
    );
    b.report(
        &nam_rom,
        latest,
        sc(93.7, 70.5, 514, 359),
        built(7, 7, 7, 44.55),
        cap(bn(180, 0), bn(180, 0), bn(125, 64), Some(52.1)),
        "7/7 gói thầu đang thi công. Còn 155 hộ chưa bàn giao mặt bằng.",
    );
    b.report(
        &sports,
        previous,
        SiteClearance {
            percent: Some(100.0),
            ..Default::default()
        },
        volume(6.5),
        cap(bn(120, 0), bn(120, 0), bn(9, 10), None),
        "Nhà thầu đã vào công trường, chưa có đường cho xe thi công.",
    );
    b.report(
        &sports,
        latest,
        SiteClearance::default(),
        volume(10.0),
        cap(bn(120, 0), bn(118, 0), bn(17, 12), Some(21.4)),
        "Khối lượng khoảng 10% giá trị hợp đồng; vướng đường công vụ.",
    );
    b.report(
        &him_lam,
        previous - Months::new(2),
        SiteClearance::default(),
        Construction::default(),
        cap(bn(60, 0), bn(60, 0), bn(37, 0), None),
        "Phê duyệt dự án cuối năm trước; đang thi công hạng mục phục dựng.",
    );
    b.report(
        &road,
        previous,
        SiteClearance {
            percent: Some(91.3),
            ..Default::default()
        },
        Construction {
            volume_percent: Some(64.0),
            ..Default::default()
        },
        cap(bn(250, 0), bn(250, 0), bn(170, 0), None),
        "Còn 3 điểm vướng mặt bằng tại phường Điện Biên Phủ.",
    );
    b.report(
        &road,
        latest,
        SiteClearance {
            percent: Some(95.07),
            ..Default::default()
        },
        Construction {
            volume_percent: Some(71.9),
            ..Default::default()
        },
        cap(bn(250, 0), bn(250, 0), bn(211, 20), Some(70.3)),
        "Các gói thầu hoàn thành khoảng 71,9% giá trị.",
    );
    b.report(
        &resettlement,
        previous,
        sc(42.0, 38.1, 180, 166),
        volume(47.0),
        cap(bn(200, 0), bn(200, 0), bn(130, 0), None),
        "",
    );
    b.report(
        &resettlement,
        latest,
        sc(42.0, 40.57, 180, 174),
        volume(54.1),
        cap(bn(200, 0), bn(200, 0), bn(161, 90), Some(66.0)),
        "Phải phá dỡ nhà văn hóa cũ trước khi thi công hạ tầng khu B.",
    );
    b.report(
        &expressway,
        latest,
        SiteClearance::default(),
        Construction::default(),
        Capital::default(),
        "Đang lập báo cáo nghiên cứu khả thi; đề xuất khởi công giai đoạn tới.",
    );

    b.obstacle(
        &nam_rom,
        ObstacleCategory::SiteClearance,
        "Gói thầu số 5 đã ký hợp đồng nhưng chưa được bàn giao mặt bằng",
        Some(&commune),
        b.days_ago(120),
    );
    b.obstacle(
        &sports,
        ObstacleCategory::Access,
        "Chưa có đường cho xe thi công vào công trường",
        Some(&civil_board),
        b.days_ago(150),
    );
    b.obstacle(
        &resettlement,
        ObstacleCategory::SiteClearance,
        "Nhà văn hóa cũ phải phá dỡ trước khi thi công",
        Some(&ward),
        b.days_ago(60),
    );
    b.obstacle(
        &road,
        ObstacleCategory::Legal,
        "Điều chỉnh chủ trương đầu tư chưa được phê duyệt",
        Some(&finance),
        b.days_ago(40),
    );

    let decided = b.days_ago(20);
    if let Some(p) = b.data.projects.get(&expressway).cloned() {
        b.data.projects.upsert(Project {
            schedule_status: Some(StatusDecision {
                status: ScheduleStatus::InvestmentPreparation,
                reason: "Chưa có quyết định đầu tư; đề xuất bố trí vốn giai đoạn tới.".into(),
                on: decided,
            }),
            ..p
        });
    }
    for (project, light, reason) in [
        (
            &nam_rom,
            Light::Amber,
            "Giải ngân khá nhưng còn 155 hộ chưa bàn giao mặt bằng",
        ),
        (
            &sports,
            Light::Red,
            "Khối lượng mới đạt khoảng 10%, chưa có đường thi công",
        ),
        (
            &road,
            Light::Green,
            "Giải ngân 84,48%, mặt bằng gần hoàn thành",
        ),
    ] {
        if let Some(p) = b.data.projects.get(project).cloned() {
            b.data.projects.upsert(Project {
                traffic_light: Some(TrafficLight {
                    light,
                    reason: reason.into(),
                    on: decided,
                }),
                ..p
            });
        }
    }

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
    });

    // 1: before a date, done on time.
    let before = c1_date + Days::new(30);
    let d1 = b.directive(&c1, "1", &format!("Giao Sở Xây dựng chủ trì, phối hợp với UBND phường Điện Biên Phủ hoàn thành thẩm định thiết kế điều chỉnh trước ngày {}.", dmy(before)), Some(&construction), &[&ward], Deadline::Before { date: before, words: format!("trước ngày {}", dmy(before)) }, &[&road], RecordedStatus::Done { on: before - Days::new(5) });
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
    let d2 = b.directive(&c1, "2", &format!("Ban QLDA giao thông hoàn thành bàn giao mặt bằng các điểm còn vướng trong tháng {} năm {}.", month_of.month(), month_of.year()), Some(&traffic_board), &[&ward], Deadline::Month { year: month_of.year(), month: month_of.month(), words: format!("trong tháng {} năm {}", month_of.month(), month_of.year()) }, &[&road], RecordedStatus::Done { on: month_end + Days::new(5) });
    b.update(
        &d2,
        month_end - Days::new(10),
        "Ban QLDA giao thông",
        "Đã bàn giao 2/3 điểm; điểm còn lại đang vận động.",
        "",
        Some(RecordedStatus::InProgress),
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
        Some(&commune),
        &[],
        Deadline::None,
        &[&nam_rom],
        RecordedStatus::InProgress,
    );
    let d31 = b.directive(
        &c1,
        "3.1",
        &format!(
            "Hoàn thành kiểm đếm tài sản trên đất đối với 155 hộ còn lại trong ngày {}.",
            dmy(on_day)
        ),
        Some(&commune),
        &[&farm_board],
        Deadline::On {
            date: on_day,
            words: format!("trong ngày {}", dmy(on_day)),
        },
        &[&nam_rom],
        RecordedStatus::InProgress,
    );
    b.update(
        &d31,
        b.days_ago(20),
        "Xã Mường Phăng (điện thoại)",
        "Đã kiểm đếm 96/155 hộ.",
        "",
        Some(RecordedStatus::InProgress),
    );
    b.directive(
        &c1,
        "3.2",
        "Thường xuyên báo cáo tiến độ giải phóng mặt bằng về Văn phòng UBND tỉnh.",
        Some(&commune),
        &[&office],
        Deadline::Continuous {
            words: "thường xuyên".into(),
        },
        &[&nam_rom],
        RecordedStatus::InProgress,
    );
    // 4: a quarter, open within term.
    let next_quarter = today.checked_add_months(Months::new(3)).unwrap_or(today);
    let q = (next_quarter.month() - 1) / 3 + 1;
    let roman = ["I", "II", "III", "IV"][(q - 1) as usize];
    b.directive(&c1, "4", &format!("Ban QLDA dân dụng khẩn trương hoàn thiện hồ sơ, đưa Khu tái định cư vào sử dụng chậm nhất trong Quý {}/{}.", roman, next_quarter.year()), Some(&civil_board), &[&construction], Deadline::Quarter { year: next_quarter.year(), quarter: q, words: format!("chậm nhất trong Quý {}/{}", roman, next_quarter.year()) }, &[&resettlement], RecordedStatus::InProgress);
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
        Some(&finance),
        &[&farm_board],
        Deadline::HalfYear {
            year: half_year,
            half,
            words: half_words.clone(),
        },
        &[&nam_rom],
        RecordedStatus::NotStarted,
    );
    // 6: a year, and 7: a general exhortation with no unit and no deadline.
    b.directive(
        &c1,
        "6",
        &format!(
            "Các chủ đầu tư phấn đấu giải ngân 100% kế hoạch vốn được giao trong năm {}.",
            year + 1
        ),
        Some(&finance),
        &[&traffic_board, &civil_board, &farm_board],
        Deadline::Year {
            year: year + 1,
            words: format!("trong năm {}", year + 1),
        },
        &[],
        RecordedStatus::InProgress,
    );
    b.directive(&c1, "7", "Các sở, ban, ngành và địa phương tập trung cao độ, nâng cao trách nhiệm người đứng đầu trong triển khai các dự án trọng điểm.", None, &[], Deadline::None, &[], RecordedStatus::NotStarted);

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
    });
    // 1: before a date a few days ahead: due soon.
    let soon = b.days_ahead(5);
    let e1 = b.directive(&c2, "1", &format!("Ban QLDA dân dụng hoàn thành phá dỡ nhà văn hóa cũ, bàn giao mặt bằng khu B trước ngày {}.", dmy(soon)), Some(&civil_board), &[&ward], Deadline::Before { date: soon, words: format!("trước ngày {}", dmy(soon)) }, &[&resettlement], RecordedStatus::InProgress);
    b.update(
        &e1,
        b.days_ago(7),
        "Ban QLDA dân dụng",
        "Đã lựa chọn đơn vị phá dỡ, dự kiến hoàn thành đúng hạn.",
        "",
        Some(RecordedStatus::InProgress),
    );
    // 2: transferred after the district level was abolished.
    let e2 = b.directive(
        &c2,
        "2",
        "UBND huyện Điện Biên hỗ trợ mở đường công vụ vào công trường Trung tâm TDTT.",
        Some(&commune),
        &[&civil_board],
        Deadline::On {
            date: b.days_ago(10),
            words: format!("ngày {}", dmy(b.days_ago(10))),
        },
        &[&sports],
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
    b.directive(&c2, "3", &format!("Sở Văn hóa, Thể thao và Du lịch phối hợp chủ đầu tư xây dựng phương án khai thác Trung tâm TDTT, báo cáo UBND tỉnh {words}."), Some(&culture), &[&civil_board], Deadline::Month { year: later.year(), month: later.month(), words }, &[&sports], RecordedStatus::NotStarted);

    b.data
}
