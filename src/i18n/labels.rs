//! Names of the model's enumerations, in both languages.

use super::Lang;
use crate::domain::{
    CapitalSource, FollowUpState, InvestmentGroup, Light, MeetingKind, ObstacleCategory, Qualifier,
    ScheduleStatus, UnitKind,
};

pub fn unit_kind(kind: UnitKind, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        UnitKind::Department => ("Sở, ngành", "Department"),
        UnitKind::Province => ("UBND tỉnh", "Province"),
        UnitKind::District => ("Huyện (cũ)", "District (former)"),
        UnitKind::Commune => ("Xã, phường", "Commune or ward"),
        UnitKind::Investor => ("Chủ đầu tư", "Investor"),
        UnitKind::Company => ("Doanh nghiệp", "Company"),
        UnitKind::Group => ("Tổ, văn phòng", "Group or office"),
        UnitKind::Other => ("Khác", "Other"),
    };
    lang.pick(vi, en)
}

pub fn meeting_kind(kind: MeetingKind, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        MeetingKind::Meeting => ("Cuộc họp", "Meeting"),
        MeetingKind::WorkingSession => ("Buổi làm việc", "Working session"),
        MeetingKind::Conference => ("Hội nghị", "Conference"),
        MeetingKind::InspectionVisit => ("Kiểm tra hiện trường", "Inspection visit"),
    };
    lang.pick(vi, en)
}

pub fn schedule_status(status: ScheduleStatus, lang: Lang) -> &'static str {
    let (vi, en) = match status {
        ScheduleStatus::Completed => ("Hoàn thành, đưa vào sử dụng", "Completed and in operation"),
        ScheduleStatus::OnSchedule => ("Đúng tiến độ", "On schedule"),
        ScheduleStatus::BehindSchedule => ("Chậm tiến độ", "Behind schedule"),
        ScheduleStatus::InvestmentPreparation => ("Chuẩn bị đầu tư", "Investment preparation"),
    };
    lang.pick(vi, en)
}

pub fn light(light: Light, lang: Lang) -> &'static str {
    let (vi, en) = match light {
        Light::Green => ("Xanh", "Green"),
        Light::Amber => ("Vàng", "Amber"),
        Light::Red => ("Đỏ", "Red"),
    };
    lang.pick(vi, en)
}

pub fn obstacle_category(category: ObstacleCategory, lang: Lang) -> &'static str {
    let (vi, en) = match category {
        ObstacleCategory::SiteClearance => ("Đất đai, GPMB", "Land and site clearance"),
        ObstacleCategory::Legal => ("Pháp lý", "Legal"),
        ObstacleCategory::Access => ("Đường thi công", "Access"),
        ObstacleCategory::Capital => ("Vốn", "Capital"),
        ObstacleCategory::Staffing => ("Nhân lực", "Staffing"),
        ObstacleCategory::Coordination => ("Phối hợp", "Coordination"),
        ObstacleCategory::Other => ("Khác", "Other"),
    };
    lang.pick(vi, en)
}

pub fn follow_up_state(state: FollowUpState, lang: Lang) -> &'static str {
    let (vi, en) = match state {
        FollowUpState::Overdue => ("Quá hạn", "Overdue"),
        FollowUpState::DueSoon => ("Sắp đến hạn", "Due soon"),
        FollowUpState::OpenWithinTerm => ("Trong hạn", "Open within term"),
        FollowUpState::NoDeadline => ("Không thời hạn", "No deadline"),
        FollowUpState::DoneLate => ("Hoàn thành trễ hạn", "Done late"),
        FollowUpState::DoneOnTime => ("Hoàn thành đúng hạn", "Done on time"),
        FollowUpState::Cancelled => ("Đã huỷ", "Cancelled"),
        FollowUpState::Transferred => ("Đã chuyển", "Transferred"),
    };
    lang.pick(vi, en)
}

pub fn investment_group(group: InvestmentGroup, lang: Lang) -> &'static str {
    let (vi, en) = match group {
        InvestmentGroup::National => ("Quan trọng quốc gia", "National importance"),
        InvestmentGroup::A => ("Nhóm A", "Group A"),
        InvestmentGroup::B => ("Nhóm B", "Group B"),
        InvestmentGroup::C => ("Nhóm C", "Group C"),
    };
    lang.pick(vi, en)
}

/// How a figure is qualified: "trên 981 tỷ đồng", "over 981 billion VND".
pub fn qualifier(q: Qualifier, lang: Lang) -> &'static str {
    let (vi, en) = match q {
        Qualifier::Over => ("trên", "over"),
        Qualifier::Nearly => ("gần", "nearly"),
        Qualifier::About => ("khoảng", "about"),
    };
    lang.pick(vi, en)
}

pub fn capital_source(source: CapitalSource, lang: Lang) -> &'static str {
    let (vi, en) = match source {
        CapitalSource::StateBudget => ("Ngân sách nhà nước", "State budget"),
        CapitalSource::Ppp => ("PPP", "PPP"),
        CapitalSource::Private => ("Vốn tư nhân", "Private"),
        CapitalSource::Foreign => ("Vốn nước ngoài (ODA)", "Foreign (ODA)"),
        CapitalSource::Mixed => ("Hỗn hợp", "Mixed"),
    };
    lang.pick(vi, en)
}

/// The recorded status chosen on the update form, by its code in the format.
pub fn recorded_status_code(code: &str, lang: Lang) -> &'static str {
    let (vi, en) = match code {
        "not_started" => ("Chưa thực hiện", "Not started"),
        "in_progress" => ("Đang thực hiện", "In progress"),
        "done" => ("Đã hoàn thành", "Done"),
        "cancelled" => (
            "Huỷ bỏ (giữ lại, không xoá)",
            "Cancelled (kept, not deleted)",
        ),
        "transferred" => ("Chuyển đơn vị hoặc kết luận khác", "Transferred elsewhere"),
        _ => ("Không đổi", "No change"),
    };
    lang.pick(vi, en)
}
