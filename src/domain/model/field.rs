//! The fields forms and problems name, each by its name in the JSON format ("capital.plan"
//! for a nested figure). A draft's problem, a validation error, a form's input and its label
//! all name a field by this enum, so the compiler holds them together; the label table in
//! `i18n::fields` matches it exhaustively.

macro_rules! fields {
    ($($variant:ident => $name:literal,)*) => {
        /// A field of a record, as forms and problems name it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $($variant,)*
        }

        impl Field {
            /// Every field, in the order the table lists them.
            pub const ALL: &'static [Field] = &[$(Field::$variant,)*];

            /// The field's name in the JSON format, with a dot for nested figures.
            pub fn name(self) -> &'static str {
                match self {
                    $(Field::$variant => $name,)*
                }
            }

            /// The field named `name` in the JSON format, if forms or problems know it.
            pub fn from_name(name: &str) -> Option<Field> {
                match name {
                    $($name => Some(Field::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

fields! {
    Id => "id",
    CreatedAt => "created_at",
    UpdatedAt => "updated_at",
    Name => "name",
    ShortName => "short_name",
    Location => "location",
    Group => "group",
    CapitalSource => "capital_source",
    Phase => "phase",
    LeaderInCharge => "leader_in_charge",
    AsOf => "as_of",
    Narrative => "narrative",
    Category => "category",
    Kind => "kind",
    Time => "time",
    Place => "place",
    Chair => "chair",
    CoChairs => "co_chairs",
    Attendees => "attendees",
    Summary => "summary",
    IssuingBody => "issuing_body",
    Signer => "signer",
    SignerTitle => "signer_title",
    ParentBody => "parent_body",
    PlaceName => "place_name",
    ReportNumber => "report_number",
    LetterNumber => "letter_number",
    RegistryNumbers => "registry_numbers",
    Signers => "signers",
    Decision => "decision",
    Until => "until",
    AskedOn => "asked_on",
    DocumentDate => "document_date",
    DoneOn => "done_on",
    BodyKind => "body_kind",
    Opening => "opening",
    Closing => "closing",
    Recipients => "recipients",
    Assessment => "assessment",
    ReportedBy => "reported_by",
    DocumentRef => "document_ref",
    Status => "status",
    Note => "note",
    OfficerName => "officer_name",
    Office => "office",
    TolerancePoints => "tolerance_points",
    DueSoonDays => "due_soon_days",
    Committee => "committee",
    Investor => "investor",
    MergedInto => "merged_into",
    Ended => "ended",
    EndedOn => "ended_on",
    Successors => "successors",
    Unit => "unit",
    Taker => "taker",
    Also => "also",
    Handovers => "handovers",
    Parent => "parent",
    OtherNames => "other_names",
    PlannedStart => "planned_start",
    PlannedFinish => "planned_finish",
    TotalInvestment => "total_investment",
    TotalInvestmentQualifier => "total_investment_qualifier",
    Project => "project",
    Projects => "projects",
    SiteClearanceAreaTotalHa => "site_clearance.area_total_ha",
    SiteClearanceAreaHandedOverHa => "site_clearance.area_handed_over_ha",
    SiteClearanceHouseholdsTotal => "site_clearance.households_total",
    SiteClearanceHouseholdsHandedOver => "site_clearance.households_handed_over",
    SiteClearancePercent => "site_clearance.percent",
    ConstructionPackagesTotal => "construction.packages_total",
    ConstructionPackagesUnderConstruction => "construction.packages_under_construction",
    ConstructionContractsSigned => "construction.contracts_signed",
    ConstructionVolumePercent => "construction.volume_percent",
    CapitalPlan => "capital.plan",
    CapitalAllocated => "capital.allocated",
    CapitalDisbursed => "capital.disbursed",
    CapitalDisbursedPercent => "capital.disbursed_percent",
    CapitalSamePeriodLastYearPercent => "capital.same_period_last_year_percent",
    Description => "description",
    ResponsibleUnit => "responsible_unit",
    Directive => "directive",
    Since => "since",
    ResolvedOn => "resolved_on",
    AttendeeUnits => "attendee_units",
    Date => "date",
    NextMeeting => "next_meeting",
    NumberSymbol => "number_symbol",
    Title => "title",
    Meeting => "meeting",
    Text => "text",
    Conclusion => "conclusion",
    LeadUnit => "lead_unit",
    CoordinatingUnits => "coordinating_units",
    Deadline => "deadline",
    Path => "path",
    ResponsiblePerson => "responsible_person",
    DueByHand => "due_by_hand",
    SchemaVersion => "schema_version",
    GrantedOn => "granted_on",
    ExtensionsGrantedOn => "extensions.granted_on",
    ExtensionsDeadline => "extensions.deadline",
    Reason => "reason",
    NewDeadline => "new_deadline",
    UnitKind => "unit_kind",
    RenamedOn => "renamed_on",
    Contact => "contact",
    GrantingRef => "granting_ref",
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn every_name_reads_back_as_its_field() {
        for &f in Field::ALL {
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        let mut names: Vec<_> = Field::ALL.iter().map(|f| f.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Field::ALL.len());
        assert_eq!(Field::from_name("no_such_field"), None);
    }
}
