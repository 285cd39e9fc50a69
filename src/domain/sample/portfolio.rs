//! The sample's committee, units, projects, progress reports and obstacles.

use super::*;

/// The units and projects the follow-up part of the sample refers to.
pub(super) struct Cast {
    pub committee: Option<CommitteeId>,
    pub construction: UnitId,
    pub finance: UnitId,
    pub agriculture: UnitId,
    pub culture: UnitId,
    pub office: UnitId,
    pub traffic_board: UnitId,
    pub civil_board: UnitId,
    pub farm_board: UnitId,
    pub ward: UnitId,
    pub commune: UnitId,
    pub nam_rom: ProjectId,
    pub sports: ProjectId,
    pub him_lam: ProjectId,
    pub road: ProjectId,
    pub resettlement: ProjectId,
    pub expressway: ProjectId,
}

pub(super) fn build(b: &mut Builder) -> Cast {
    let today = b.today;
    let now = b.now;
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
        // Chaired by the Party secretary: a committee of the Party committee.
        body_kind: BodyKind::Party,
        joined: Vec::new(),
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
            joined: Vec::new(),
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
        b,
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
        b,
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
        b,
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
        b,
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
        b,
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
        b,
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

    Cast {
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
    }
}
