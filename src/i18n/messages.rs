//! The interface's labels. One line per message: Vietnamese, then English.

use super::Lang;

macro_rules! messages {
    ($($name:ident => $vi:literal, $en:literal;)*) => {
        /// A label of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg { $($name,)* }

        impl Msg {
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Lang::Vi) => $vi, (Msg::$name, Lang::En) => $en,)*
                }
            }
        }
    };
}

messages! {
    AppName => "Dondoc", "Dondoc";
    AppTagline => "Đôn đốc dự án trọng điểm và kết luận của Ban Chỉ đạo", "Follow-up of key projects and steering-committee conclusions";
    SwitchLanguage => "English", "Tiếng Việt";
    SwitchLanguageLabel => "Chuyển sang tiếng Anh", "Switch to Vietnamese";
    MainNav => "Điều hướng chính", "Main navigation";
    NavDashboard => "Tổng quan", "Dashboard";
    NavProjects => "Dự án", "Projects";
    NavMeetings => "Cuộc họp", "Meetings";
    NavConclusions => "Kết luận", "Conclusions";
    NavUnits => "Đơn vị", "Units";
    NavData => "Dữ liệu", "Data";
    WelcomeTitle => "Chào mừng đến với Dondoc", "Welcome to Dondoc";
    WelcomeBody => "Dondoc giúp Văn phòng Ban Chỉ đạo theo dõi tiến độ dự án trọng điểm, các cuộc họp và việc thực hiện kết luận. Dữ liệu chỉ lưu trên máy này, không gửi đi đâu.", "Dondoc helps a steering committee's office follow key projects, meetings and the directives of its conclusions. Data stays on this computer and is never sent anywhere.";
    WelcomeSample => "Dùng thử với dữ liệu mẫu", "Try it with sample data";
    WelcomeImport => "Hoặc nhập tệp dữ liệu đã có", "Or import a data file you already have";
    LoadSample => "Nạp dữ liệu mẫu", "Load sample data";
    ConfirmSampleAdd => "Đã có dữ liệu trên máy này. Dữ liệu mẫu sẽ được thêm như các bản ghi mới, không ghi đè dữ liệu hiện có. Tiếp tục?", "There is already data here. The sample will be added as new records; nothing you have is overwritten. Continue?";
    SampleLoaded => "Đã nạp dữ liệu mẫu.", "Sample data loaded.";
    Cancel => "Huỷ", "Cancel";
    Confirm => "Đồng ý", "Confirm";
    Close => "Đóng", "Close";
    Open => "Mở", "Open";
    Back => "Quay lại", "Back";
    NotFound => "Không tìm thấy trang hoặc bản ghi này.", "This page or record was not found.";
    NoRecords => "Chưa có bản ghi nào.", "No records yet.";
    Name => "Tên", "Name";
    ShortName => "Tên viết tắt", "Short name";
    Investor => "Chủ đầu tư", "Investor";
    Location => "Địa điểm", "Location";
    Group => "Nhóm", "Group";
    CapitalSource => "Nguồn vốn", "Capital source";
    TotalInvestment => "Tổng mức đầu tư", "Total investment";
    Phase => "Giai đoạn", "Phase";
    PlannedStart => "Khởi công (kế hoạch)", "Planned start";
    PlannedFinish => "Hoàn thành (kế hoạch)", "Planned finish";
    LeaderInCharge => "Lãnh đạo phụ trách", "Leader in charge";
    ScheduleStatus => "Tình trạng tiến độ", "Schedule status";
    TrafficLight => "Đánh giá", "Judgement";
    SiteClearance => "Giải phóng mặt bằng", "Site clearance";
    ConstructionVolume => "Khối lượng xây lắp", "Construction volume";
    Disbursement => "Giải ngân", "Disbursement";
    Packages => "Gói thầu đang thi công", "Packages under construction";
    ProgressReports => "Báo cáo tiến độ", "Progress reports";
    AsOf => "Số liệu đến ngày", "As of";
    Narrative => "Tình hình", "Narrative";
    Obstacles => "Vướng mắc", "Obstacles";
    Resolved => "Đã tháo gỡ", "Resolved";
    Unresolved => "Chưa tháo gỡ", "Unresolved";
    Since => "Từ ngày", "Since";
    Responsible => "Đơn vị xử lý", "Responsible";
    Kind => "Loại", "Kind";
    Date => "Ngày", "Date";
    Place => "Địa điểm", "Place";
    Chair => "Chủ trì", "Chair";
    CoChairs => "Đồng chủ trì", "Co-chairs";
    Attendees => "Thành phần", "Attendees";
    ProjectsDiscussed => "Dự án được bàn", "Projects discussed";
    Summary => "Nội dung", "Summary";
    NextMeeting => "Cuộc họp tiếp theo", "Next meeting";
    NumberSymbol => "Số, ký hiệu", "Number and symbol";
    IssuingBody => "Cơ quan ban hành", "Issuing body";
    Title => "Trích yếu", "Title";
    Signer => "Người ký", "Signer";
    Recipients => "Nơi nhận", "Recipients";
    Assessment => "Đánh giá", "Assessment";
    Directives => "Nhiệm vụ", "Directives";
    DirectiveNo => "Số", "No.";
    LeadUnit => "Chủ trì", "Lead unit";
    CoordinatingUnits => "Phối hợp", "Coordinating";
    Deadline => "Thời hạn", "Deadline";
    DueDate => "Hạn", "Due";
    State => "Tình trạng", "State";
    LastUpdate => "Cập nhật gần nhất", "Last update";
    Updates => "Diễn biến thực hiện", "Follow-up log";
    ReportedBy => "Đơn vị báo cáo", "Reported by";
    DocumentRef => "Văn bản", "Document";
    Conclusion => "Kết luận", "Conclusion";
    Meeting => "Cuộc họp", "Meeting";
    FormerNames => "Tên cũ", "Former names";
    Until => "đến", "until";
    MergedInto => "Đã sáp nhập vào", "Merged into";
    AsLead => "Chủ trì", "As lead";
    AsCoordinator => "Phối hợp", "As coordinator";
    Projects => "Dự án", "Projects";
    Committee => "Ban Chỉ đạo", "Steering committee";
    DoneShare => "Đã hoàn thành", "Done";
    DashProjects => "Dự án trọng điểm", "Key projects";
    DashDirectives => "Nhiệm vụ theo kết luận", "Directives of conclusions";
    DashCapital => "Vốn đầu tư công của tỉnh", "Province public investment";
    DashCapitalProjects => "Vốn năm của các dự án", "The projects' capital this year";
    CapitalPlan => "Kế hoạch vốn", "Capital plan";
    Allocated => "Đã phân bổ", "Allocated";
    Disbursed => "Đã giải ngân", "Disbursed";
    SamePeriodLastYear => "Cùng kỳ năm trước", "Same period last year";
    Overdue => "Quá hạn", "Overdue";
    DueSoon => "Sắp đến hạn", "Due soon";
    OpenWithinTerm => "Trong hạn", "Open within term";
    NoDeadline => "Không thời hạn", "No deadline";
    DoneOnTime => "Hoàn thành đúng hạn", "Done on time";
    DoneLate => "Hoàn thành trễ hạn", "Done late";
    CancelledState => "Đã huỷ", "Cancelled";
    TransferredState => "Đã chuyển", "Transferred";
    OverdueList => "Nhiệm vụ quá hạn", "Overdue directives";
    UpcomingMeeting => "Cuộc họp sắp tới", "Upcoming meeting";
    DataTitle => "Dữ liệu: nhập, xuất, lưu trữ", "Data: import, export, storage";
    ExportAll => "Xuất toàn bộ dữ liệu (JSON)", "Export all data (JSON)";
    ImportFile => "Nhập tệp dữ liệu (JSON)", "Import a data file (JSON)";
    ImportNone => "Tệp không có bản ghi mới nào.", "The file has no new records.";
    ImportApply => "Thêm các bản ghi mới", "Add the new records";
    ImportDone => "Đã thêm bản ghi mới từ tệp.", "New records from the file were added.";
    ImportPreviewNew => "bản ghi mới sẽ được thêm", "new records will be added";
    ImportPreviewSame => "bản ghi giống hệt dữ liệu hiện có", "records identical to yours";
    ImportPreviewDiffer => "bản ghi khác với dữ liệu hiện có: giữ nguyên bản của bạn (gộp từng trường sẽ có ở bản sau)", "records differ from yours: yours are kept (field-by-field merge comes in a later version)";
    ImportProblems => "Tệp có lỗi, không nhập được:", "The file has errors and was not imported:";
    StorageUsed => "Dung lượng lưu trữ đã dùng", "Storage used";
    StorageOf => "trên khoảng", "of about";
    Characters => "ký tự", "characters";
    Records => "Số bản ghi", "Records";
    SavedAt => "Đã lưu lúc", "Saved at";
    Saving => "Đang chờ lưu…", "Waiting to save…";
    SaveFailed => "Không lưu được vào bộ nhớ trình duyệt. Dữ liệu vẫn còn trong trang này; hãy xuất toàn bộ ra tệp ngay để không mất.", "Could not save to the browser's storage. Your data is still in this page; export everything to a file now so nothing is lost.";
    SaveFailedQuota => "Bộ nhớ trình duyệt đã đầy.", "The browser's storage is full.";
    SaveFailedUnavailable => "Trình duyệt không cho phép lưu trữ (có thể đang ở chế độ riêng tư hoặc bị chặn).", "The browser does not allow storage (private mode or blocked).";
    AsideTitle => "Có dữ liệu đã lưu không đọc được", "Some stored data could not be read";
    AsideBody => "Dữ liệu này đã được cất riêng, không bị xoá hay ghi đè. Bạn có thể tải xuống để gửi cho người hỗ trợ.", "It has been set aside, not deleted or overwritten. You can download it to send to whoever supports you.";
    AsideDownload => "Tải dữ liệu đã cất riêng", "Download the set-aside data";
    ValidationTitle => "Dữ liệu có điểm cần kiểm tra", "Points in the data to check";
    Language => "Ngôn ngữ", "Language";
    Total => "Tổng số", "Total";
    Computed => "tính từ số liệu", "computed";
    Search => "Tìm (không cần dấu)", "Search (accents optional)";
    All => "Tất cả", "All";
    PlannedTrajectory => "Tiến độ kế hoạch (đường thẳng từ khởi công đến hoàn thành)", "Planned trajectory (straight line from start to finish)";
    OverTime => "Diễn biến theo thời gian", "Over time";
    LatestFigures => "Số liệu mới nhất", "Latest figures";
    ComputedStatus => "Tình trạng tính từ số liệu", "Computed status";
    OfficerDecision => "Cán bộ đánh giá", "Officer's decision";
    Households => "hộ", "households";
    BehindWithObstacle => "Dự án chậm tiến độ và vướng mắc chính", "Projects behind schedule and their main obstacle";
    AddReport => "Thêm báo cáo tiến độ", "Add a progress report";
    ReportFormHint => "Chỉ nhập số liệu đã có; phần để trống giữ nguyên số liệu của báo cáo trước. Số viết như 1.300 hoặc 44,55.", "Enter only the figures you have; what is left empty keeps the previous report's figure. Numbers are written like 1,300 or 44.55.";
    SaveReport => "Lưu báo cáo", "Save the report";
    ReportSaved => "Đã thêm báo cáo.", "The report was added.";
    RecordJudgement => "Ghi đánh giá của cán bộ (tình trạng, đèn)", "Record the officer's judgement (status, light)";
    AsComputed => "Theo số liệu (không ghi đè)", "As computed (no override)";
    NoLight => "Chưa đánh giá", "No light";
    SaveJudgement => "Lưu đánh giá", "Save the judgement";
    JudgementSaved => "Đã lưu đánh giá.", "The judgement was saved.";
    ReasonNeeded => "Cần ghi lý do (một dòng) cho tình trạng hoặc đèn đã chọn.", "Write the one-line reason for the chosen status or light.";
    Today => "Hôm nay:", "Today:";
    Skip => "Bỏ qua đến nội dung chính", "Skip to main content";
    TryAgain => "Thử lưu lại", "Try saving again";
    AsideUnreadable => "Dữ liệu bị hỏng hoặc không đúng định dạng.", "The data is damaged or not in the expected format.";
    Migrated => "Dữ liệu đã lưu được chuyển lên định dạng mới từ định dạng", "Stored data was upgraded to the current format from format";
    ViewAll => "Xem tất cả", "View all";
    NoneYet => "Chưa có", "None yet";
    Person => "Người phụ trách", "Responsible person";
    Contact => "Liên hệ", "Contact";
    NoReportIn45 => "Dự án chưa có báo cáo trong 45 ngày", "Projects with no report in 45 days";
    RecordedStatus => "Tình trạng ghi nhận", "Recorded status";
    StorageTitle => "Lưu trữ trên máy này", "Storage on this computer";
    SampleTitle => "Dữ liệu mẫu", "Sample data";
    SampleHint => "Thêm bộ dữ liệu mẫu (6 dự án trọng điểm tỉnh Điện Biên) để thử các chức năng.", "Add the sample dataset (six Điện Biên key projects) to try the features.";
    ProblemsNone => "Không phát hiện lỗi nào trong dữ liệu.", "No problems found in the data.";
    Portfolio => "Danh mục dự án", "Project portfolio";
    LatestReport => "Báo cáo gần nhất", "Latest report";
    Light => "Đèn", "Light";
    Reason => "Lý do", "Reason";
    DecidedOn => "ngày", "on";
    ImportTooLarge => "Tệp quá lớn (trên 64 MB) nên không được đọc. Tệp xuất từ Dondoc thường nhỏ hơn nhiều; hãy kiểm tra lại tệp.", "The file is too large (over 64 MB) and was not read. Dondoc exports are much smaller; please check the file.";
    ImportTitle => "Nhập dữ liệu từ tệp", "Import data from a file";
    ImportPreviewTitle => "Xem trước khi nhập", "Preview before import";
    ExportTitle => "Xuất dữ liệu", "Export data";
    ExportHint => "Tệp JSON theo định dạng công bố trong tài liệu, giữ nguyên mã và thời điểm của từng bản ghi.", "A JSON file in the documented format, keeping every record's id and timestamps.";
    StorageHint => "Dữ liệu được nén và lưu trong bộ nhớ của trình duyệt; xuất tệp định kỳ để sao lưu.", "Data is compressed and kept in the browser's storage; export a file regularly as a backup.";
    ImportMigrated => "Tệp từ phiên bản cũ (định dạng", "The file is from an older version (format";
    ImportMigratedEnd => ") đã được chuyển đổi.", ") and was converted.";
}
