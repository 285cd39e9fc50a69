//! The office's letterhead as typed under Dữ liệu → Cài đặt: one line per signer, the block
//! top to bottom ("KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến").

use chrono::{DateTime, Utc};

use super::letterhead::{read_pattern, read_signer, Office, SignerProblem, OFFICE_ID};
use crate::domain::draft::{DraftProblem, FieldError, Reader};
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::Problem;
use crate::domain::Field;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct LetterheadDraft {
    pub parent_body: String,
    pub issuing_body: String,
    pub place_name: String,
    pub report_number: String,
    pub letter_number: String,
    pub registry_numbers: bool,
    /// One signer per line.
    pub signers: String,
}

impl LetterheadDraft {
    /// The office as set, or (none set yet) the office name this browser used before.
    pub fn of(office: Option<&Office>, office_name: &str) -> LetterheadDraft {
        match office {
            Some(o) => LetterheadDraft {
                parent_body: o.parent_body.clone(),
                issuing_body: o.issuing_body.clone(),
                place_name: o.place_name.clone(),
                report_number: o.report_number.clone(),
                letter_number: o.letter_number.clone(),
                registry_numbers: o.registry_numbers,
                signers: o
                    .signers
                    .iter()
                    .map(|s| s.line())
                    .collect::<Vec<_>>()
                    .join("\n"),
            },
            None => LetterheadDraft {
                issuing_body: office_name.trim().to_owned(),
                ..LetterheadDraft::default()
            },
        }
    }

    /// Reads the draft into the office record, keeping `base`'s creation time.
    pub fn to_office(
        &self,
        base: Option<&Office>,
        now: DateTime<Utc>,
    ) -> Result<Office, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        if self.issuing_body.trim().is_empty() {
            r.push(Field::IssuingBody, DraftProblem::Rule(Problem::Empty));
        }
        let mut pattern = |field, typed: &str| {
            read_pattern(typed).unwrap_or_else(|| {
                r.push(field, DraftProblem::Rule(Problem::NumberPattern));
                String::new()
            })
        };
        let report_number = pattern(Field::ReportNumber, &self.report_number);
        let letter_number = pattern(Field::LetterNumber, &self.letter_number);
        let mut signers = Vec::new();
        for line in self.signers.lines().filter(|l| !l.trim().is_empty()) {
            match read_signer(line) {
                Ok(s) => signers.push(s),
                Err(problem) => {
                    let problem = match problem {
                        SignerProblem::TooShort => Problem::SignerTooShort,
                        SignerProblem::OwnTitleMissing => Problem::SignerOwnTitle,
                    };
                    r.push(Field::Signers, DraftProblem::Rule(problem));
                    break;
                }
            }
        }
        let office = Office {
            id: OFFICE_ID.into(),
            created_at: base.map_or(now, |b| b.created_at),
            updated_at: now,
            parent_body: self.parent_body.trim().to_owned(),
            issuing_body: self.issuing_body.trim().to_owned(),
            place_name: self.place_name.trim().to_owned(),
            report_number,
            letter_number,
            registry_numbers: self.registry_numbers,
            signers,
        };
        let rules = crate::domain::sharing::validate::validate_office(&office);
        r.finish(office, rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> LetterheadDraft {
        LetterheadDraft {
            parent_body: "UBND tỉnh Điện Biên".into(),
            issuing_body: "Văn phòng Ban Chỉ đạo".into(),
            place_name: "Điện Biên".into(),
            report_number: ".../BC-VPBCĐ".into(),
            letter_number: String::new(),
            registry_numbers: false,
            signers: "CHÁNH VĂN PHÒNG / Nguyễn Văn An\n\nKT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG / Lò Văn Tiến".into(),
        }
    }

    #[test]
    fn a_letterhead_reads_back_as_typed() {
        let now = Utc::now();
        let office = draft().to_office(None, now).unwrap();
        assert_eq!(office.report_number, "…/BC-VPBCĐ");
        assert_eq!(office.signers.len(), 2);
        assert_eq!(office.signers[1].title[0], "KT. CHÁNH VĂN PHÒNG");
        let again = LetterheadDraft::of(Some(&office), "ignored");
        assert_eq!(again.report_number, "…/BC-VPBCĐ");
        assert_eq!(again.to_office(Some(&office), now).unwrap(), office);
    }

    #[test]
    fn each_wrong_field_is_named() {
        let mut d = draft();
        d.issuing_body = " ".into();
        d.letter_number = "CV-VP".into();
        d.signers = "Nguyễn Văn An".into();
        let fields: Vec<Field> = d
            .to_office(None, Utc::now())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![Field::IssuingBody, Field::LetterNumber, Field::Signers]
        );
        d.signers = "TL. TRƯỞNG BAN / Nguyễn Văn An".into();
        let errors = d.to_office(None, Utc::now()).unwrap_err();
        assert!(errors
            .iter()
            .any(|e| e.problem == DraftProblem::Rule(Problem::SignerOwnTitle)));
    }

    #[test]
    fn before_any_letterhead_the_browsers_office_name_is_offered() {
        let d = LetterheadDraft::of(None, " Văn phòng UBND tỉnh ");
        assert_eq!(d.issuing_body, "Văn phòng UBND tỉnh");
        assert!(d.signers.is_empty());
    }
}
