//! The conclusion notice as issued: a Kết luận or a Thông báo, told apart by its symbol.

use super::{
    national_name, number_line, place_date_line, recipient_lines, Block, DocLang, Document, Header,
};
use crate::domain::followup::conclusion::{Conclusion, Directive};
use crate::domain::model::dataset::Dataset;

/// What kind of notice a conclusion is, read from its symbol: "KL" is a Kết luận, "TB" a
/// Thông báo (the abbreviations of Decree 30's list of document types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Conclusion,
    Notice,
}

impl NoticeKind {
    /// "16-KL/BCĐ" is a conclusion; "245/TB-VPUBND" a notice; a symbol naming neither is
    /// taken as a conclusion.
    pub fn of(number_symbol: &str) -> NoticeKind {
        let symbol = number_symbol
            .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .trim_start_matches(['-', '/', ' ']);
        let kind = symbol
            .split(['-', '/'])
            .next()
            .unwrap_or("")
            .trim()
            .to_uppercase();
        if kind == "TB" {
            NoticeKind::Notice
        } else {
            NoticeKind::Conclusion
        }
    }

    fn word(self, lang: DocLang) -> &'static str {
        match self {
            NoticeKind::Conclusion => lang.pick("KẾT LUẬN", "CONCLUSION"),
            NoticeKind::Notice => lang.pick("THÔNG BÁO", "NOTICE"),
        }
    }
}

fn item(d: &Directive) -> Block {
    Block::Item {
        label: crate::domain::followup::own_mark(d),
        text: d.text.trim().to_owned(),
        depth: d.path.parts().len(),
    }
}

/// The conclusion notice as issued: header, kind and subject, opening and assessment, the
/// numbered directives and sub-items as recorded, the closing line, recipients and signer.
pub fn conclusion_notice(data: &Dataset, conclusion: &Conclusion, lang: DocLang) -> Document {
    conclusion_notice_with(data, conclusion, data.directives_of(&conclusion.id), lang)
}

/// [`conclusion_notice`] with the conclusion's directives in document order, as found
/// already (`derived::Lookups::directives_of`).
pub fn conclusion_notice_with(
    data: &Dataset,
    conclusion: &Conclusion,
    directives: Vec<&Directive>,
    lang: DocLang,
) -> Document {
    let kind = conclusion.body_kind_in(data);
    let (national_name, motto) = national_name(kind, lang);
    let paragraphs = [&conclusion.opening, &conclusion.assessment]
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| Block::Paragraph(p.trim().to_owned()));
    let directives = directives.into_iter().map(item);
    let closing = Some(&conclusion.closing)
        .filter(|p| !p.trim().is_empty())
        .map(|p| Block::Paragraph(p.trim().to_owned()));
    Document {
        body_kind: kind,
        header: Header {
            parent_body: conclusion.parent_body.trim().to_uppercase(),
            issuing_body: conclusion.issuing_body.trim().to_uppercase(),
            number: number_line(&conclusion.number_symbol, kind, lang),
            national_name,
            motto,
            place_date: place_date_line(&conclusion.place, conclusion.date, lang),
            regarding: String::new(),
        },
        kind: NoticeKind::of(&conclusion.number_symbol)
            .word(lang)
            .to_owned(),
        subject: conclusion.title.trim().to_owned(),
        body: paragraphs.chain(directives).chain(closing).collect(),
        recipients_heading: lang.pick("Nơi nhận:", "Recipients:"),
        recipients: recipient_lines(&conclusion.recipients),
        signer_title: conclusion
            .signer_title
            .lines()
            .map(|l| l.trim().to_uppercase())
            .filter(|l| !l.is_empty())
            .collect(),
        signer_name: conclusion.signer.trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::fixture::sample;
    use crate::domain::units::org::BodyKind;

    fn notice(symbol: &str) -> (Dataset, Conclusion) {
        let (data, _) = sample();
        let c = data
            .conclusions
            .iter()
            .find(|c| c.number_symbol == symbol)
            .unwrap()
            .clone();
        (data, c)
    }

    #[test]
    fn a_party_committee_prints_the_party_header_without_a_colon() {
        let (data, c) = notice("16-KL/BCĐ");
        let doc = conclusion_notice(&data, &c, DocLang::Vi);
        assert_eq!(doc.body_kind, BodyKind::Party, "from the committee");
        assert_eq!(doc.header.national_name, "ĐẢNG CỘNG SẢN VIỆT NAM");
        assert_eq!(doc.header.motto, None);
        assert_eq!(doc.header.number, "Số 16-KL/BCĐ");
        assert_eq!(doc.header.parent_body, "TỈNH ỦY ĐIỆN BIÊN");
        assert_eq!(
            doc.header.issuing_body,
            "BAN CHỈ ĐẠO CÁC CÔNG TRÌNH, DỰ ÁN TRỌNG ĐIỂM TỈNH"
        );
        assert_eq!(doc.kind, "KẾT LUẬN");
        assert!(doc.header.place_date.starts_with("Điện Biên, ngày "));
        assert_eq!(doc.signer_title, vec!["CHÁNH VĂN PHÒNG"]);
        assert_eq!(doc.recipients.last().unwrap(), "- Lưu VP.");
        let items: Vec<_> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Item { label, depth, .. } => Some((label.as_str(), *depth)),
                _ => None,
            })
            .collect();
        assert_eq!(items.len(), data.directives_of(&c.id).len());
        assert!(items.contains(&("3.1.", 2)), "{items:?}");
        assert!(matches!(doc.body.first(), Some(Block::Paragraph(p)) if p.starts_with("Ngày ")));
        assert!(matches!(doc.body.last(), Some(Block::Paragraph(p)) if p.contains("thông báo")));
    }

    #[test]
    fn a_state_body_prints_the_national_name_and_motto() {
        let (mut data, c) = notice("245/TB-VPUBND");
        let doc = conclusion_notice(&data, &c, DocLang::Vi);
        assert_eq!(
            doc.header.national_name,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
        );
        assert_eq!(doc.header.motto, Some("Độc lập - Tự do - Hạnh phúc"));
        assert_eq!(doc.header.number, "Số: 245/TB-VPUBND");
        assert_eq!(doc.kind, "THÔNG BÁO");
        // Without its own choice it follows the committee (a Party one here).
        let mut own = c.clone();
        own.body_kind = None;
        data.conclusions.upsert(own.clone());
        assert_eq!(
            conclusion_notice(&data, &own, DocLang::Vi).body_kind,
            BodyKind::Party
        );
        let en = conclusion_notice(&data, &c, DocLang::En);
        assert_eq!(en.header.national_name, "SOCIALIST REPUBLIC OF VIET NAM");
        assert_eq!(en.kind, "NOTICE");
        assert_eq!(en.recipients_heading, "Recipients:");
    }

    #[test]
    fn the_kind_is_read_from_the_symbol() {
        assert_eq!(NoticeKind::of("16-KL/BCĐ"), NoticeKind::Conclusion);
        assert_eq!(NoticeKind::of("245/TB-VPUBND"), NoticeKind::Notice);
        assert_eq!(NoticeKind::of("21 -KL/TU"), NoticeKind::Conclusion);
        assert_eq!(NoticeKind::of(""), NoticeKind::Conclusion);
    }
}
