//! The names of record kinds and of their fields, as problems and conflicts name them.

use super::Lang;
use crate::domain::{Field, RecordKind};

pub fn kind_label(kind: RecordKind, lang: Lang) -> &'static str {
    let (vi, en) = match kind {
        RecordKind::Committee => ("Ban Chỉ đạo", "Steering committee"),
        RecordKind::Unit => ("Đơn vị", "Unit"),
        RecordKind::Project => ("Dự án", "Project"),
        RecordKind::ProgressReport => ("Báo cáo tiến độ", "Progress report"),
        RecordKind::Obstacle => ("Vướng mắc", "Obstacle"),
        RecordKind::Meeting => ("Cuộc họp", "Meeting"),
        RecordKind::Conclusion => ("Kết luận", "Conclusion"),
        RecordKind::Directive => ("Nhiệm vụ", "Directive"),
        RecordKind::DirectiveUpdate => ("Cập nhật tiến độ nhiệm vụ", "Directive update"),
        RecordKind::Office => ("Thể thức văn bản của Văn phòng", "Office letterhead"),
        RecordKind::ExtensionRequest => ("Đề nghị gia hạn", "Extension request"),
    };
    lang.pick(vi, en)
}

/// How many records of a kind there are, as a list of counts names them ("Units: 16").
pub fn kind_count_label(kind: RecordKind, lang: Lang) -> &'static str {
    let en = match kind {
        RecordKind::Committee => "Steering committees",
        RecordKind::Unit => "Units",
        RecordKind::Project => "Projects",
        RecordKind::ProgressReport => "Progress reports",
        RecordKind::Obstacle => "Obstacles",
        RecordKind::Meeting => "Meetings",
        RecordKind::Conclusion => "Conclusions",
        RecordKind::Directive => "Directives",
        RecordKind::DirectiveUpdate => "Directive updates",
        RecordKind::Office => "Office letterheads",
        RecordKind::ExtensionRequest => "Extension requests",
    };
    lang.pick(kind_label(kind, Lang::Vi), en)
}

/// The label of a field (every field has one: the match is exhaustive).
pub fn field_label(field: Field, lang: Lang) -> &'static str {
    let (vi, en) = match field {
        Field::Id => ("mã bản ghi (id)", "record id"),
        Field::CreatedAt => ("thời điểm tạo", "time created"),
        Field::UpdatedAt => ("thời điểm sửa", "time last changed"),
        Field::Name => ("tên", "name"),
        Field::ShortName => ("tên gọi tắt", "short name"),
        Field::Location => ("địa điểm", "location"),
        Field::Group => ("nhóm dự án", "investment group"),
        Field::CapitalSource => ("nguồn vốn", "capital source"),
        Field::Phase => ("giai đoạn", "phase"),
        Field::LeaderInCharge => ("lãnh đạo phụ trách", "leader in charge"),
        Field::AsOf => ("số liệu đến ngày", "figures as of"),
        Field::Narrative => ("tình hình, ghi chú", "narrative"),
        Field::Category => ("loại vướng mắc", "obstacle type"),
        Field::Kind => ("hình thức", "type"),
        Field::Time => ("giờ (như 08:30)", "time (like 08:30)"),
        Field::Place => ("địa điểm", "place"),
        Field::Chair => ("chủ trì", "chaired by"),
        Field::CoChairs => (
            "đồng chủ trì (mỗi người một dòng)",
            "co-chairs (one per line)",
        ),
        Field::Attendees => ("người dự (mỗi người một dòng)", "attendees (one per line)"),
        Field::Summary => ("nội dung chính", "summary"),
        Field::IssuingBody => ("cơ quan ban hành", "issuing body"),
        Field::Signer => ("người ký", "signed by"),
        Field::SignerTitle => (
            "thẩm quyền, chức vụ người ký (mỗi dòng như khi in)",
            "signer's authority and title (one line per printed line)",
        ),
        Field::ParentBody => (
            "cơ quan chủ quản (in phía trên)",
            "parent body (printed above)",
        ),
        Field::PlaceName => ("địa danh ở dòng ngày tháng", "place on the date line"),
        Field::ReportNumber => (
            "số, ký hiệu báo cáo (… ở chỗ ghi số)",
            "report number and symbol (… where the number goes)",
        ),
        Field::LetterNumber => (
            "số, ký hiệu công văn (… ở chỗ ghi số)",
            "letter number and symbol (… where the number goes)",
        ),
        Field::RegistryNumbers => (
            "để trống số cho văn thư ghi khi phát hành",
            "leave numbers blank for the registry to fill in",
        ),
        Field::Signers => (
            "người ký (mỗi người một dòng: chức vụ / họ tên)",
            "signers (one per line: title / name)",
        ),
        Field::Decision => ("trả lời của Văn phòng", "the office's answer"),
        Field::Until => ("gia hạn đến ngày", "extended until"),
        Field::AskedOn => ("ngày đề nghị", "asked on"),
        Field::DocumentDate => ("ngày văn bản báo cáo", "date of the report document"),
        Field::DoneOn => (
            "ngày hoàn thành (nếu khác ngày báo cáo)",
            "date done (if not the day reported)",
        ),
        Field::BodyKind => ("loại văn bản", "document type"),
        Field::Opening => ("đoạn mở đầu", "opening paragraph"),
        Field::Closing => ("câu kết", "closing line"),
        Field::Recipients => ("nơi nhận (mỗi nơi một dòng)", "recipients (one per line)"),
        Field::Assessment => ("đánh giá chung", "assessment"),
        Field::ReportedBy => ("người, đơn vị báo cáo", "reported by"),
        Field::DocumentRef => (
            "số, ký hiệu văn bản báo cáo",
            "number and symbol of the report",
        ),
        Field::Status => ("tình trạng mới", "new status"),
        Field::Note => (
            "ghi chú (lý do huỷ, nơi chuyển)",
            "note (why cancelled, where transferred)",
        ),
        Field::OfficerName => ("họ tên cán bộ", "officer's name"),
        Field::Office => ("cơ quan", "office"),
        Field::TolerancePoints => (
            "mức chậm cho phép so với tiến độ đường thẳng (điểm %)",
            "allowed lag behind the straight-line schedule (percentage points)",
        ),
        Field::DueSoonDays => (
            "số ngày báo \"sắp đến hạn\"",
            "days counted as \"due soon\"",
        ),
        Field::Committee => ("Ban Chỉ đạo", "steering committee"),
        Field::Investor => ("chủ đầu tư", "investor"),
        Field::MergedInto => ("đơn vị sáp nhập vào", "merged into"),
        Field::Ended => ("kết thúc", "ending"),
        Field::EndedOn => (
            "ngày kết thúc (đơn vị kế thừa nhận việc)",
            "end date (successors take over)",
        ),
        Field::Unit => ("đơn vị", "unit"),
        Field::Successors => ("đơn vị kế thừa", "successors"),
        Field::Taker => ("đơn vị nhận việc", "unit taking it over"),
        Field::Also => ("đơn vị phối hợp nhận thêm", "additional coordinating units"),
        Field::Handovers => ("chuyển giao", "hand-overs"),
        Field::Parent => ("cơ quan chủ quản", "parent body"),
        Field::OtherNames => ("tên gọi khác", "other names"),
        Field::PlannedStart => ("ngày khởi công theo kế hoạch", "planned start"),
        Field::PlannedFinish => ("ngày hoàn thành theo kế hoạch", "planned finish"),
        Field::TotalInvestmentQualifier => (
            "ghi kèm tổng mức (như «dự kiến», «sơ bộ»)",
            "note on the total investment (like “estimated”, “preliminary”)",
        ),
        Field::TotalInvestment => ("tổng mức đầu tư", "total investment"),
        Field::Project => ("dự án", "project"),
        Field::Projects => ("dự án liên quan", "related projects"),
        Field::SiteClearanceAreaTotalHa => ("diện tích cần thu hồi (ha)", "area to acquire (ha)"),
        Field::SiteClearanceAreaHandedOverHa => {
            ("diện tích đã bàn giao (ha)", "area handed over (ha)")
        }
        Field::SiteClearanceHouseholdsTotal => ("tổng số hộ bị ảnh hưởng", "households affected"),
        Field::SiteClearanceHouseholdsHandedOver => ("số hộ đã bàn giao", "households handed over"),
        Field::SiteClearancePercent => ("tỷ lệ giải phóng mặt bằng", "site clearance %"),
        Field::ConstructionPackagesTotal => ("tổng số gói thầu", "total packages"),
        Field::ConstructionPackagesUnderConstruction => {
            ("số gói thầu đang thi công", "packages under construction")
        }
        Field::ConstructionContractsSigned => ("số hợp đồng đã ký", "contracts signed"),
        Field::ConstructionVolumePercent => ("khối lượng xây lắp (%)", "construction volume (%)"),
        Field::CapitalPlan => ("kế hoạch vốn giao", "capital plan"),
        Field::CapitalAllocated => ("vốn đã phân bổ", "capital allocated"),
        Field::CapitalDisbursed => ("vốn đã giải ngân", "capital disbursed"),
        Field::CapitalDisbursedPercent => ("tỷ lệ giải ngân", "disbursement %"),
        Field::CapitalSamePeriodLastYearPercent => (
            "tỷ lệ giải ngân cùng kỳ năm trước",
            "disbursement % in the same period last year",
        ),
        Field::Description => ("nội dung", "description"),
        Field::ResponsibleUnit => ("đơn vị chịu trách nhiệm", "responsible unit"),
        Field::Directive => ("nhiệm vụ", "directive"),
        Field::Since => ("phát sinh từ ngày", "since"),
        Field::ResolvedOn => ("ngày tháo gỡ", "resolved on"),
        Field::AttendeeUnits => ("đơn vị dự họp", "attending units"),
        Field::Date => ("ngày", "date"),
        Field::NextMeeting => ("ngày họp tiếp theo", "next meeting date"),
        Field::NumberSymbol => ("số, ký hiệu", "number and symbol"),
        Field::Title => ("trích yếu", "subject"),
        Field::Meeting => ("cuộc họp", "meeting"),
        Field::Text => ("nội dung", "text"),
        Field::Conclusion => ("kết luận", "conclusion"),
        Field::LeadUnit => ("đơn vị chủ trì", "lead unit"),
        Field::CoordinatingUnits => ("đơn vị phối hợp", "coordinating units"),
        Field::Deadline => ("thời hạn", "deadline"),
        Field::Path => ("số thứ tự", "item number"),
        Field::ResponsiblePerson => ("người chịu trách nhiệm", "responsible person"),
        Field::DueByHand => ("sửa hạn (nếu cần)", "correct the due date (if needed)"),
        Field::SchemaVersion => ("phiên bản định dạng", "format version"),
        Field::GrantedOn => ("ngày gia hạn", "date granted"),
        Field::ExtensionsGrantedOn => ("ngày gia hạn", "date an extension was granted"),
        Field::ExtensionsDeadline => ("hạn mới khi gia hạn", "an extension's new deadline"),
        Field::Reason => ("lý do gia hạn", "reason for the extension"),
        Field::NewDeadline => (
            "hạn mới (ghi như văn bản cho gia hạn)",
            "new deadline (as the granting document words it)",
        ),
        Field::UnitKind => ("loại đơn vị", "unit type"),
        Field::RenamedOn => (
            "dùng tên mới từ ngày (để trống nếu chỉ sửa lỗi gõ)",
            "new name in use from (leave empty if only correcting a typo)",
        ),
        Field::Contact => ("người liên hệ, điện thoại", "contact person, phone"),
        Field::GrantingRef => (
            "số, ký hiệu văn bản cho gia hạn",
            "number and symbol of the granting document",
        ),
    };
    lang.pick(vi, en)
}

/// The label of a field named in the JSON format, as an import's differences name them;
/// a name no form or problem uses is shown as written.
pub fn name_label(name: &str, lang: Lang) -> String {
    match Field::from_name(name) {
        Some(field) => field_label(field, lang).to_owned(),
        None => name.to_owned(),
    }
}
