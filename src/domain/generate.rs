//! Realistic datasets at office, province and large scale, deterministic from a seed, for
//! storage-budget tests, schema tests and benchmarks.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};

use crate::domain::followup::conclusion::{
    Conclusion, Directive, DirectivePath, DirectiveUpdate, RecordedStatus,
};
use crate::domain::followup::deadline::Deadline;
use crate::domain::followup::meeting::{Meeting, MeetingKind};
use crate::domain::model::dataset::Dataset;
use crate::domain::model::ids::{IdSource, SeededIds};
use crate::domain::money::{Amount, Vnd};
use crate::domain::projects::progress::{Capital, Construction, ProgressReport, SiteClearance};
use crate::domain::projects::project::{
    CapitalSource, InvestmentGroup, Obstacle, ObstacleCategory, Project,
};
use crate::domain::units::org::{Committee, Unit, UnitKind};

/// How much to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub projects: usize,
    pub reports_per_project: usize,
    pub meetings: usize,
    pub directives_per_conclusion: usize,
    pub updates_per_directive: usize,
}

impl Scale {
    /// One district: 15 projects, a year of monthly reports.
    pub const SMALL: Scale = Scale {
        projects: 15,
        reports_per_project: 12,
        meetings: 12,
        directives_per_conclusion: 10,
        updates_per_directive: 2,
    };
    /// A province over years: 300 projects, 3,600 reports, 600 meetings and conclusions,
    /// 6,000 directives, 12,000 updates.
    pub const PROVINCE: Scale = Scale {
        projects: 300,
        reports_per_project: 12,
        meetings: 600,
        directives_per_conclusion: 10,
        updates_per_directive: 2,
    };
    /// Three times the province.
    pub const LARGE: Scale = Scale {
        projects: 900,
        reports_per_project: 12,
        meetings: 1_800,
        directives_per_conclusion: 10,
        updates_per_directive: 2,
    };
}

const PLACES: [&str; 8] = [
    "Mường Phăng",
    "Thanh Xương",
    "Na Sang",
    "Tủa Chùa",
    "Mường Nhé",
    "Điện Biên Phủ",
    "Tuần Giáo",
    "Mường Ảng",
];
const WORKS: [&str; 8] = [
    "Đường giao thông liên xã",
    "Kè chống sạt lở bờ sông",
    "Trường trung học phổ thông",
    "Khu tái định cư",
    "Hệ thống cấp nước sinh hoạt",
    "Trung tâm y tế",
    "Cầu dân sinh",
    "Hạ tầng cụm công nghiệp",
];
const TASKS: [&str; 6] = [
    "hoàn thành kiểm đếm tài sản trên đất và lập phương án bồi thường",
    "hoàn thiện hồ sơ điều chỉnh chủ trương đầu tư, trình cấp có thẩm quyền",
    "đẩy nhanh tiến độ thi công, tăng cường nhân lực và máy móc",
    "phối hợp bàn giao mặt bằng sạch cho nhà thầu",
    "báo cáo tình hình giải ngân kế hoạch vốn được giao",
    "tháo gỡ vướng mắc về đường công vụ phục vụ thi công",
];

pub fn generate(scale: Scale, seed: u64, today: NaiveDate, now: DateTime<Utc>) -> Dataset {
    let mut rng = SeededIds::new(seed);
    let mut data = Dataset::default();
    let pick = |rng: &mut SeededIds, n: usize| (rng.next_u64() % n as u64) as usize;

    let committee_id = rng.next_id().as_str().into();
    data.committees.upsert(Committee {
        id: committee_id,
        created_at: now,
        updated_at: now,
        name: "Ban Chỉ đạo các công trình, dự án trọng điểm tỉnh".into(),
        short_name: "BCĐ".into(),
        head: "Bí thư Tỉnh ủy".into(),
        standing_agency: "UBND tỉnh".into(),
        public_investment: Vec::new(),
        body_kind: Default::default(),
        joined: Vec::new(),
    });

    let units: Vec<_> = (0..(20 + scale.projects / 5))
        .map(|i| {
            let id: crate::domain::model::ids::UnitId = rng.next_id().as_str().into();
            let (name, kind) = match i % 4 {
                0 => (format!("Sở chuyên ngành số {i}"), UnitKind::Department),
                1 => (
                    format!("UBND xã {} {i}", PLACES[i % PLACES.len()]),
                    UnitKind::Commune,
                ),
                2 => (
                    format!("Ban Quản lý dự án khu vực số {i}"),
                    UnitKind::Investor,
                ),
                _ => (
                    format!("Công ty cổ phần Xây dựng số {i}"),
                    UnitKind::Company,
                ),
            };
            data.units.upsert(Unit {
                name,
                kind,
                ..Unit::blank(id.clone(), now)
            });
            id
        })
        .collect();

    let year = today.year();
    let mut projects = Vec::new();
    for i in 0..scale.projects {
        let id: crate::domain::model::ids::ProjectId = rng.next_id().as_str().into();
        let start = NaiveDate::from_ymd_opt(
            year - 1 - pick(&mut rng, 4) as i32,
            1 + pick(&mut rng, 12) as u32,
            1,
        )
        .unwrap_or(today);
        let finish = start + Months::new(12 + pick(&mut rng, 48) as u32);
        let total = Vnd::billions(
            20 + pick(&mut rng, 2_000) as i64,
            pick(&mut rng, 100) as i64,
        );
        data.projects.upsert(Project {
            id: id.clone(),
            created_at: now,
            updated_at: now,
            committee: None,
            name: format!(
                "{} {} số {i}",
                WORKS[i % WORKS.len()],
                PLACES[pick(&mut rng, PLACES.len())]
            ),
            short_name: String::new(),
            investor: Some(units[pick(&mut rng, units.len())].clone()),
            location: PLACES[pick(&mut rng, PLACES.len())].into(),
            group: Some(
                [InvestmentGroup::A, InvestmentGroup::B, InvestmentGroup::C][pick(&mut rng, 3)],
            ),
            capital_source: Some(CapitalSource::StateBudget),
            total_investment: Some(Amount {
                vnd: total,
                qualifier: None,
            }),
            phase: String::new(),
            planned_start: Some(start),
            planned_finish: Some(finish),
            leader_in_charge: "Phó Chủ tịch UBND tỉnh".into(),
            schedule_status: None,
            traffic_light: None,
            archived: false,
            joined: Vec::new(),
        });
        let area = 5.0 + pick(&mut rng, 900) as f64 / 10.0;
        let households = 10 + pick(&mut rng, 500) as u32;
        let plan = Vnd(total.0 / 5);
        for r in 0..scale.reports_per_project {
            let share = (r + 1) as f64 / scale.reports_per_project as f64;
            let as_of = (today - Months::new((scale.reports_per_project - r) as u32))
                .with_day(20)
                .unwrap_or(today);
            data.progress_reports.upsert(ProgressReport {
                id: rng.next_id().as_str().into(),
                created_at: now,
                updated_at: now,
                project: id.clone(),
                as_of,
                site_clearance: SiteClearance {
                    area_total_ha: Some(area),
                    area_handed_over_ha: Some((area * share * 10.0).floor() / 10.0),
                    households_total: Some(households),
                    households_handed_over: Some((f64::from(households) * share) as u32),
                    percent: None,
                },
                construction: Construction {
                    packages_total: Some(6),
                    packages_under_construction: Some(3 + (r % 4) as u32),
                    contracts_signed: Some(6),
                    volume_percent: Some((share * 90.0 * 100.0).round() / 100.0),
                },
                capital: Capital {
                    year: Some(as_of.year()),
                    plan: Some(plan),
                    allocated: Some(plan),
                    disbursed: Some(Vnd((plan.0 as f64 * share * 0.8) as i64)),
                    disbursed_percent: None,
                    same_period_last_year_percent: None,
                },
                narrative: format!(
                    "Tiến độ tháng {}: {}.",
                    as_of.month(),
                    TASKS[pick(&mut rng, TASKS.len())]
                ),
            });
        }
        if i % 3 == 0 {
            data.obstacles.upsert(Obstacle {
                id: rng.next_id().as_str().into(),
                created_at: now,
                updated_at: now,
                project: id.clone(),
                category: ObstacleCategory::SiteClearance,
                description: "Còn hộ dân chưa đồng thuận phương án bồi thường".into(),
                responsible_unit: Some(units[pick(&mut rng, units.len())].clone()),
                since: Some(today - Days::new(30 + pick(&mut rng, 300) as u64)),
                resolved_on: None,
                directive: None,
            });
        }
        projects.push(id);
    }

    for m in 0..scale.meetings {
        let date = today - Days::new(5 + (m as u64 * 1_800 / scale.meetings.max(1) as u64));
        let meeting_id: crate::domain::model::ids::MeetingId = rng.next_id().as_str().into();
        let discussed: Vec<_> = (0..3)
            .map(|_| projects[pick(&mut rng, projects.len())].clone())
            .collect();
        data.meetings.upsert(Meeting {
            id: meeting_id.clone(),
            created_at: now,
            updated_at: now,
            committee: None,
            kind: if m % 3 == 0 {
                MeetingKind::InspectionVisit
            } else {
                MeetingKind::Meeting
            },
            date,
            time: None,
            place: "Hội trường UBND tỉnh".into(),
            chair: "Chủ tịch UBND tỉnh".into(),
            co_chairs: Vec::new(),
            attendee_units: vec![units[pick(&mut rng, units.len())].clone()],
            attendees: Vec::new(),
            projects: discussed.clone(),
            summary: "Nghe báo cáo tiến độ, giải ngân và vướng mắc của các dự án.".into(),
            next_meeting: None,
            joined: Vec::new(),
        });
        let conclusion_id: crate::domain::model::ids::ConclusionId = rng.next_id().as_str().into();
        let issued = date + Days::new(3);
        data.conclusions.upsert(Conclusion {
            id: conclusion_id.clone(),
            created_at: now,
            updated_at: now,
            committee: None,
            meeting: Some(meeting_id),
            number_symbol: format!("{}-KL/BCĐ", m + 1),
            date: issued,
            issuing_body: "Ban Chỉ đạo".into(),
            title: "Kết luận tại cuộc họp về tiến độ các dự án trọng điểm".into(),
            signer: "Nguyễn Văn A".into(),
            signer_title: "CHÁNH VĂN PHÒNG".into(),
            recipients: vec!["Các thành viên Ban Chỉ đạo".into(), "Lưu VT".into()],
            assessment:
                "Một số dự án còn chậm tiến độ; công tác giải phóng mặt bằng còn vướng mắc.".into(),
            parent_body: String::new(),
            place: String::new(),
            body_kind: None,
            opening: String::new(),
            closing: String::new(),
            joined: Vec::new(),
        });
        for k in 0..scale.directives_per_conclusion {
            let due = issued + Days::new(15 + pick(&mut rng, 120) as u64);
            let done = pick(&mut rng, 3) > 0 && due < today;
            let directive_id: crate::domain::model::ids::DirectiveId =
                rng.next_id().as_str().into();
            let lead = units[pick(&mut rng, units.len())].clone();
            data.directives.upsert(Directive {
                id: directive_id.clone(),
                created_at: now,
                updated_at: now,
                conclusion: conclusion_id.clone(),
                path: DirectivePath::parse(&(k + 1).to_string())
                    .unwrap_or_else(|| DirectivePath::parse("1").expect("1 is a path")),
                label: String::new(),
                text: format!(
                    "Giao đơn vị chủ trì {} trước ngày {}.",
                    TASKS[pick(&mut rng, TASKS.len())],
                    crate::domain::dates::dd_mm_yyyy(due)
                ),
                lead_unit: Some(lead),
                coordinating_units: vec![units[pick(&mut rng, units.len())].clone()],
                responsible_person: String::new(),
                deadline: Deadline::Before {
                    date: due,
                    words: format!("trước ngày {}", crate::domain::dates::d_m_yyyy(due)),
                },
                extensions: Vec::new(),
                handovers: Vec::new(),
                projects: vec![discussed[k % discussed.len()].clone()],
                status: if done {
                    RecordedStatus::Done {
                        on: due - Days::new(pick(&mut rng, 10) as u64),
                    }
                } else {
                    RecordedStatus::InProgress {}
                },
            });
            for u in 0..scale.updates_per_directive {
                data.directive_updates.upsert(DirectiveUpdate {
                    id: rng.next_id().as_str().into(),
                    created_at: now,
                    updated_at: now,
                    directive: directive_id.clone(),
                    // Weekly reports after the conclusion, none after today.
                    date: (issued + Days::new(7 * (u as u64 + 1))).min(today),
                    reported_by: "Văn phòng đơn vị".into(),
                    text: "Đơn vị báo cáo đã triển khai, đang hoàn thiện hồ sơ theo yêu cầu."
                        .into(),
                    document_ref: format!("Báo cáo số {}/BC", pick(&mut rng, 500)),
                    document_date: None,
                    status: None,
                });
            }
        }
    }
    data
}
