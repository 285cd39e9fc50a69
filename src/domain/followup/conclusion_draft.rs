//! A conclusion's heading as typed in the conclusion form (its directives are typed one by
//! one, see `DirectiveDraft`).

use chrono::{DateTime, Utc};

use super::meeting_draft::lines;
use crate::domain::draft::{code, date_text, from_code, id_of, FieldError, Reader};
use crate::domain::followup::conclusion::Conclusion;
use crate::domain::number::DecimalMark;
use crate::domain::sharing::validate::validate_conclusion;
use crate::domain::Field;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConclusionDraft {
    pub committee: String,
    /// Meeting id, or empty for a conclusion that stands alone.
    pub meeting: String,
    pub number_symbol: String,
    /// "dd/mm/yyyy".
    pub date: String,
    pub issuing_body: String,
    pub title: String,
    pub signer: String,
    pub signer_title: String,
    /// One recipient per line ("Nơi nhận").
    pub recipients: String,
    pub assessment: String,
    pub parent_body: String,
    pub place: String,
    /// "state", "party", or empty for the committee's own kind.
    pub body_kind: String,
    pub opening: String,
    pub closing: String,
}

impl ConclusionDraft {
    pub fn from_conclusion(c: &Conclusion) -> Self {
        ConclusionDraft {
            committee: c
                .committee
                .as_ref()
                .map(|x| x.to_string())
                .unwrap_or_default(),
            meeting: c
                .meeting
                .as_ref()
                .map(|x| x.to_string())
                .unwrap_or_default(),
            number_symbol: c.number_symbol.clone(),
            date: date_text(Some(c.date)),
            issuing_body: c.issuing_body.clone(),
            title: c.title.clone(),
            signer: c.signer.clone(),
            signer_title: c.signer_title.clone(),
            recipients: c.recipients.join("\n"),
            assessment: c.assessment.clone(),
            parent_body: c.parent_body.clone(),
            place: c.place.clone(),
            body_kind: c.body_kind.as_ref().map(code).unwrap_or_default(),
            opening: c.opening.clone(),
            closing: c.closing.clone(),
        }
    }

    /// Reads and checks the draft; editing (`base` given) keeps the id and creation time.
    pub fn to_conclusion(
        &self,
        base: Option<&Conclusion>,
        id: String,
        now: DateTime<Utc>,
    ) -> Result<Conclusion, Vec<FieldError>> {
        let mut r = Reader::new(DecimalMark::Comma);
        let date = r.required_date(Field::Date, &self.date);
        let conclusion = Conclusion {
            id: base.map(|b| b.id.clone()).unwrap_or_else(|| id.into()),
            created_at: base.map_or(now, |b| b.created_at),
            updated_at: now,
            committee: id_of(&self.committee),
            meeting: id_of(&self.meeting),
            number_symbol: self.number_symbol.trim().to_owned(),
            date: date.unwrap_or_default(),
            issuing_body: self.issuing_body.trim().to_owned(),
            title: self.title.trim().to_owned(),
            signer: self.signer.trim().to_owned(),
            signer_title: self.signer_title.trim().to_owned(),
            recipients: lines(&self.recipients),
            assessment: self.assessment.trim().to_owned(),
            parent_body: self.parent_body.trim().to_owned(),
            place: self.place.trim().to_owned(),
            body_kind: from_code(&self.body_kind),
            opening: self.opening.trim().to_owned(),
            closing: self.closing.trim().to_owned(),
            joined: Vec::new(),
        };
        let rules = validate_conclusion(&conclusion);
        r.finish(conclusion, rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_title_and_date_are_needed() {
        let now: DateTime<Utc> = "2026-11-23T03:00:00Z".parse().unwrap();
        let errors = ConclusionDraft::default()
            .to_conclusion(None, "c".into(), now)
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.name()).collect();
        assert_eq!(fields, vec!["date", "number_symbol", "title"]);
        let d = ConclusionDraft {
            number_symbol: " 16-KL/BCĐ ".into(),
            date: "2026-11-20".into(),
            title: "Kết luận của Trưởng Ban Chỉ đạo".into(),
            recipients: "Như trên;\nLưu: VT.".into(),
            body_kind: "party".into(),
            place: " Điện Biên ".into(),
            ..Default::default()
        };
        let c = d.to_conclusion(None, "c".into(), now).unwrap();
        assert_eq!(c.number_symbol, "16-KL/BCĐ");
        assert_eq!(c.recipients, vec!["Như trên;", "Lưu: VT."]);
        assert_eq!(
            c.body_kind,
            Some(crate::domain::units::org::BodyKind::Party)
        );
        assert_eq!(c.place, "Điện Biên");
        assert_eq!(
            ConclusionDraft::from_conclusion(&c)
                .to_conclusion(Some(&c), "x".into(), now)
                .unwrap(),
            c
        );
    }
}
