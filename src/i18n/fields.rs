//! The names of record kinds and of their fields, as problems and conflicts name them.

use super::Lang;
use crate::domain::RecordKind;

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
    };
    lang.pick(vi, en)
}

/// The label of a field, by its name in the JSON format. Unknown names are shown as written.
pub fn field_label(field: &str, lang: Lang) -> String {
    let (vi, en) = match field {
        "id" => ("mã bản ghi (id)", "record id"),
        "created_at" => ("thời điểm tạo", "time created"),
        "updated_at" => ("thời điểm sửa", "time changed"),
        "name" => ("tên", "name"),
        "short_name" => ("tên gọi tắt", "short name"),
        "location" => ("địa điểm", "location"),
        "group" => ("nhóm dự án", "investment group"),
        "capital_source" => ("nguồn vốn", "capital source"),
        "phase" => ("giai đoạn", "phase"),
        "leader_in_charge" => ("lãnh đạo phụ trách", "leader in charge"),
        "as_of" => ("số liệu đến ngày", "figures as of"),
        "narrative" => ("tình hình, ghi chú", "narrative"),
        "category" => ("loại vướng mắc", "kind of obstacle"),
        "kind" => ("hình thức", "kind"),
        "time" => ("giờ (như 08:30)", "time (like 08:30)"),
        "place" => ("địa điểm", "place"),
        "chair" => ("chủ trì", "chaired by"),
        "co_chairs" => (
            "đồng chủ trì (mỗi người một dòng)",
            "co-chairs (one per line)",
        ),
        "attendees" => ("người dự (mỗi người một dòng)", "attendees (one per line)"),
        "summary" => ("nội dung chính", "summary"),
        "issuing_body" => ("cơ quan ban hành", "issuing body"),
        "signer" => ("người ký", "signed by"),
        "signer_title" => (
            "thẩm quyền, chức vụ người ký (mỗi dòng như khi in)",
            "signer's authority and title (one line per printed line)",
        ),
        "parent_body" => (
            "cơ quan chủ quản (in phía trên)",
            "parent body (printed above)",
        ),
        "body_kind" => ("loại văn bản", "kind of document"),
        "opening" => ("đoạn mở đầu", "opening paragraph"),
        "closing" => ("câu kết", "closing line"),
        "recipients" => ("nơi nhận (mỗi nơi một dòng)", "recipients (one per line)"),
        "assessment" => ("đánh giá chung", "assessment"),
        "reported_by" => ("người, đơn vị báo cáo", "reported by"),
        "document_ref" => ("số, ký hiệu văn bản báo cáo", "reference of the report"),
        "status" => ("tình trạng mới", "new status"),
        "note" => (
            "ghi chú (lý do huỷ, nơi chuyển)",
            "note (why cancelled, where transferred)",
        ),
        "officer_name" => ("họ tên cán bộ", "officer's name"),
        "office" => ("cơ quan", "office"),
        "tolerance_points" => (
            "mức chậm cho phép so với tiến độ đường thẳng (điểm %)",
            "tolerance below the straight-line schedule (points)",
        ),
        "due_soon_days" => (
            "số ngày báo \"sắp đến hạn\"",
            "days counted as \"due soon\"",
        ),
        "committee" => ("Ban Chỉ đạo", "steering committee"),
        "investor" => ("chủ đầu tư", "investor"),
        "merged_into" => ("đơn vị sáp nhập vào", "merged into"),
        "ended" => ("kết thúc", "end"),
        "ended_on" => (
            "ngày kết thúc (đơn vị kế thừa nhận việc)",
            "end date (successors take over)",
        ),
        "successors" => ("đơn vị kế thừa", "successors"),
        "taker" => ("đơn vị nhận việc", "unit taking it over"),
        "also" => ("đơn vị phối hợp nhận thêm", "further coordinating units"),
        "handovers" => ("chuyển giao", "hand-overs"),
        "parent" => ("cơ quan chủ quản", "parent body"),
        "other_names" => ("tên gọi khác", "other names"),
        "planned_start" => ("ngày khởi công theo kế hoạch", "planned start"),
        "planned_finish" => ("ngày hoàn thành theo kế hoạch", "planned finish"),
        "total_investment" => ("tổng mức đầu tư", "total investment"),
        "project" => ("dự án", "project"),
        "projects" => ("dự án liên quan", "projects"),
        "site_clearance.area_total_ha" => ("diện tích cần thu hồi (ha)", "area to acquire (ha)"),
        "site_clearance.area_handed_over_ha" => {
            ("diện tích đã bàn giao (ha)", "area handed over (ha)")
        }
        "site_clearance.households_total" => ("tổng số hộ bị ảnh hưởng", "households affected"),
        "site_clearance.households_handed_over" => ("số hộ đã bàn giao", "households handed over"),
        "site_clearance.percent" => ("tỷ lệ giải phóng mặt bằng", "site clearance %"),
        "construction.packages_total" => ("tổng số gói thầu", "packages in total"),
        "construction.packages_under_construction" => {
            ("số gói thầu đang thi công", "packages under construction")
        }
        "construction.contracts_signed" => ("số hợp đồng đã ký", "contracts signed"),
        "construction.volume_percent" => ("khối lượng xây lắp (%)", "construction volume (%)"),
        "capital.plan" => ("kế hoạch vốn giao", "capital plan"),
        "capital.allocated" => ("vốn đã phân bổ", "capital allocated"),
        "capital.disbursed" => ("vốn đã giải ngân", "capital disbursed"),
        "capital.disbursed_percent" => ("tỷ lệ giải ngân", "disbursement %"),
        "capital.same_period_last_year_percent" => (
            "tỷ lệ giải ngân cùng kỳ năm trước",
            "disbursement % same period last year",
        ),
        "description" => ("nội dung", "description"),
        "responsible_unit" => ("đơn vị chịu trách nhiệm", "responsible unit"),
        "directive" => ("nhiệm vụ", "directive"),
        "since" => ("phát sinh từ ngày", "since"),
        "resolved_on" => ("ngày tháo gỡ", "resolved on"),
        "attendee_units" => ("đơn vị dự họp", "attending units"),
        "date" => ("ngày", "date"),
        "next_meeting" => ("ngày họp tiếp theo", "next meeting"),
        "number_symbol" => ("số, ký hiệu", "number and symbol"),
        "title" => ("trích yếu", "title"),
        "meeting" => ("cuộc họp", "meeting"),
        "text" => ("nội dung", "text"),
        "conclusion" => ("kết luận", "conclusion"),
        "lead_unit" => ("đơn vị chủ trì", "lead unit"),
        "coordinating_units" => ("đơn vị phối hợp", "coordinating units"),
        "deadline" => ("thời hạn", "deadline"),
        "path" => ("số thứ tự", "number"),
        "responsible_person" => ("người chịu trách nhiệm", "responsible person"),
        "due_by_hand" => ("sửa hạn (nếu cần)", "correct the due date (if needed)"),
        "schema_version" => ("phiên bản định dạng", "format version"),
        "granted_on" => ("ngày gia hạn", "date granted"),
        "extensions.granted_on" => ("ngày gia hạn", "date an extension was granted"),
        "extensions.deadline" => ("hạn mới khi gia hạn", "an extension's new deadline"),
        "reason" => ("lý do gia hạn", "reason for the extension"),
        "new_deadline" => (
            "hạn mới (ghi như văn bản cho gia hạn)",
            "new deadline (as the granting document words it)",
        ),
        "unit_kind" => ("loại đơn vị", "kind of unit"),
        "renamed_on" => (
            "dùng tên mới từ ngày (để trống nếu chỉ sửa lỗi gõ)",
            "new name used from (leave empty to correct a typo)",
        ),
        "contact" => ("người liên hệ, điện thoại", "contact person, phone"),
        "granting_ref" => (
            "số, ký hiệu văn bản cho gia hạn",
            "reference of the document granting it",
        ),
        other => return other.to_owned(),
    };
    lang.pick(vi, en).to_owned()
}
