//! The sample projects' progress reports, obstacles and the officer's judgements.

use super::portfolio::Cast;
use super::*;

pub(super) fn build(b: &mut Builder, cast: &Cast) {
    let today = b.today;
    let year = today.year();
    let Cast {
        finance,
        civil_board,
        ward,
        commune,
        nam_rom,
        sports,
        him_lam,
        road,
        resettlement,
        expressway,
        ..
    } = cast;
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

    // The same period of last year, entered for four projects (capital only).
    let a_year_before = latest - Months::new(12);
    for (project, plan, disbursed) in [
        (nam_rom, bn(150, 0), bn(78, 15)),
        (road, bn(300, 0), bn(210, 90)),
        (resettlement, bn(180, 0), bn(118, 80)),
        (sports, bn(100, 0), bn(21, 40)),
    ] {
        b.report(
            project,
            a_year_before,
            SiteClearance::default(),
            Construction::default(),
            Capital {
                year: Some(a_year_before.year()),
                plan,
                allocated: plan,
                disbursed,
                ..Default::default()
            },
            "",
        );
    }
    b.report(
        nam_rom,
        previous,
        sc(93.7, 61.2, 514, 301),
        built(7, 6, 7, 36.2),
        cap(bn(180, 0), bn(180, 0), bn(88, 20), None),
        "Đang kiểm đếm bổ sung tại 2 xã; 6/7 gói thầu đã thi công.",
    );
    b.report(
        nam_rom,
        latest,
        sc(93.7, 70.5, 514, 359),
        built(7, 7, 7, 44.55),
        cap(bn(180, 0), bn(180, 0), bn(125, 64), Some(52.1)),
        "7/7 gói thầu đang thi công. Còn 155 hộ chưa bàn giao mặt bằng.",
    );
    b.report(
        sports,
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
        sports,
        latest,
        SiteClearance::default(),
        volume(10.0),
        cap(bn(120, 0), bn(118, 0), bn(17, 12), Some(21.4)),
        "Khối lượng khoảng 10% giá trị hợp đồng; vướng đường công vụ.",
    );
    b.report(
        him_lam,
        previous - Months::new(2),
        SiteClearance::default(),
        Construction::default(),
        cap(bn(60, 0), bn(60, 0), bn(37, 0), None),
        "Phê duyệt dự án cuối năm trước; đang thi công hạng mục phục dựng.",
    );
    b.report(
        road,
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
        road,
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
        resettlement,
        previous,
        sc(42.0, 38.1, 180, 166),
        volume(47.0),
        cap(bn(200, 0), bn(200, 0), bn(130, 0), None),
        "",
    );
    b.report(
        resettlement,
        latest,
        sc(42.0, 40.57, 180, 174),
        volume(54.1),
        cap(bn(200, 0), bn(200, 0), bn(161, 90), Some(66.0)),
        "Phải phá dỡ nhà văn hóa cũ trước khi thi công hạ tầng khu B.",
    );
    b.report(
        expressway,
        latest,
        SiteClearance::default(),
        Construction::default(),
        Capital::default(),
        "Đang lập báo cáo nghiên cứu khả thi; đề xuất khởi công giai đoạn tới.",
    );

    b.obstacle(
        nam_rom,
        ObstacleCategory::SiteClearance,
        "Gói thầu số 5 đã ký hợp đồng nhưng chưa được bàn giao mặt bằng",
        Some(commune),
        b.days_ago(120),
    );
    b.obstacle(
        sports,
        ObstacleCategory::Access,
        "Chưa có đường cho xe thi công vào công trường",
        Some(civil_board),
        b.days_ago(150),
    );
    b.obstacle(
        resettlement,
        ObstacleCategory::SiteClearance,
        "Nhà văn hóa cũ phải phá dỡ trước khi thi công",
        Some(ward),
        b.days_ago(60),
    );
    b.obstacle(
        road,
        ObstacleCategory::Legal,
        "Điều chỉnh chủ trương đầu tư chưa được phê duyệt",
        Some(finance),
        b.days_ago(40),
    );

    let decided = b.days_ago(20);
    if let Some(p) = b.data.projects.get(expressway).cloned() {
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
}
