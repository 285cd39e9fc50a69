//! The deadline phrases officers meet in conclusions, with the due date each must give.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// What a phrase must give: a due date, no due date (continuous or none), or an error.
#[derive(Debug, PartialEq)]
enum Expect {
    Due(NaiveDate),
    Continuous,
    Nothing,
    Fails(DeadlineError),
}
use Expect::*;

fn read(words: &str, issued: Option<NaiveDate>) -> Expect {
    match parse_deadline(words, issued) {
        Ok(Deadline::None {}) => Nothing,
        Ok(Deadline::Continuous { .. }) => Continuous,
        Ok(deadline) => Due(deadline.due().expect("a dated deadline has a due date")),
        Err(e) => Fails(e),
    }
}

#[test]
fn the_table_of_phrases() {
    // The conclusion these phrases come from is dated 20/02/2024 unless the row says.
    let feb = Some(d(2024, 2, 20));
    let nov = Some(d(2026, 11, 20));
    let rows: Vec<(&str, Option<NaiveDate>, Expect)> = vec![
        // Every form in domain.md.
        ("trước ngày 15/5/2025", feb, Due(d(2025, 5, 14))),
        ("ngày 20/8/2025", feb, Due(d(2025, 8, 20))),
        ("trong ngày 20/8/2025", feb, Due(d(2025, 8, 20))),
        ("trong tháng 6 năm 2025", feb, Due(d(2025, 6, 30))),
        ("tháng 6/2025", feb, Due(d(2025, 6, 30))),
        ("cuối tháng 6", feb, Due(d(2024, 6, 30))),
        ("Quý III/2025", feb, Due(d(2025, 9, 30))),
        ("chậm nhất trong Quý III năm 2025", feb, Due(d(2025, 9, 30))),
        ("chậm nhất Quý III/2025", feb, Due(d(2025, 9, 30))),
        ("6 tháng đầu năm 2025", feb, Due(d(2025, 6, 30))),
        ("năm 2025", feb, Due(d(2025, 12, 31))),
        ("thường xuyên", feb, Continuous),
        ("kịp thời", feb, Continuous),
        ("", feb, Nothing),
        ("25 / 8 /202 6", feb, Due(d(2026, 8, 25))),
        ("cuối tháng 3", feb, Due(d(2024, 3, 31))),
        // Spacing, case, marks and typing slips.
        ("TRƯỚC NGÀY 15/5/2025", feb, Due(d(2025, 5, 14))),
        ("truoc ngay 15/5/2025", feb, Due(d(2025, 5, 14))),
        ("trước ngày  15 /05/ 2025", feb, Due(d(2025, 5, 14))),
        ("**trước ngày 15/5/2025**", feb, Due(d(2025, 5, 14))),
        ("_trong tháng 6 năm 2025_.", feb, Due(d(2025, 6, 30))),
        ("ngày 15-5-2025", feb, Due(d(2025, 5, 15))),
        ("ngày 15.5.2025", feb, Due(d(2025, 5, 15))),
        ("ngày 15/5/25", feb, Due(d(2025, 5, 15))),
        ("trước ngày 15/5/20 25", feb, Due(d(2025, 5, 14))),
        ("quý III / 2025", feb, Due(d(2025, 9, 30))),
        ("Quý 3/2025", feb, Due(d(2025, 9, 30))),
        ("quý IV năm 2024", feb, Due(d(2024, 12, 31))),
        ("Q2/2025", feb, Due(d(2025, 6, 30))),
        // Other ways of writing the same things.
        ("ngày 15 tháng 5 năm 2025", feb, Due(d(2025, 5, 15))),
        ("trước ngày 01 tháng 7 năm 2025", feb, Due(d(2025, 6, 30))),
        ("chậm nhất ngày 30/9/2025", feb, Due(d(2025, 9, 30))),
        ("xong trước 30/6/2025", feb, Due(d(2025, 6, 29))),
        ("trước ngày 1/3/2024", feb, Due(d(2024, 2, 29))),
        ("trước ngày 1/1/2026", feb, Due(d(2025, 12, 31))),
        ("tháng 02/2024", feb, Due(d(2024, 2, 29))),
        ("tháng 12 năm 2025", feb, Due(d(2025, 12, 31))),
        ("6 tháng cuối năm 2025", feb, Due(d(2025, 12, 31))),
        ("06 tháng đầu năm 2025", feb, Due(d(2025, 6, 30))),
        ("trong 6 tháng đầu năm 2025", feb, Due(d(2025, 6, 30))),
        ("nửa đầu năm 2025", feb, Due(d(2025, 6, 30))),
        ("trong năm 2025", feb, Due(d(2025, 12, 31))),
        ("cuối năm 2025", feb, Due(d(2025, 12, 31))),
        ("đầu tháng 6/2025", feb, Due(d(2025, 6, 10))),
        ("giữa tháng 6/2025", feb, Due(d(2025, 6, 15))),
        ("trước tháng 6/2025", feb, Due(d(2025, 5, 31))),
        ("từ ngày 1/8/2025 đến ngày 20/8/2025", feb, Due(d(2025, 8, 20))),
        ("định kỳ hằng tháng", feb, Continuous),
        ("báo cáo hàng tháng trước ngày 25", feb, Continuous),
        ("Thường xuyên báo cáo tiến độ giải phóng mặt bằng về Văn phòng.", feb, Continuous),
        ("liên tục", feb, Continuous),
        ("không", feb, Nothing),
        ("-", feb, Nothing),
        // A year left out: the first such day or period not ending before the conclusion.
        ("trước ngày 15/5", feb, Due(d(2024, 5, 14))),
        ("ngày 10/1", feb, Due(d(2025, 1, 10))),
        ("cuối tháng 1", feb, Due(d(2025, 1, 31))),
        ("cuối tháng 2", feb, Due(d(2024, 2, 29))),
        ("quý I", feb, Due(d(2024, 3, 31))),
        ("quý I", nov, Due(d(2027, 3, 31))),
        ("6 tháng đầu năm", nov, Due(d(2027, 6, 30))),
        ("cuối năm", nov, Due(d(2026, 12, 31))),
        ("trong năm nay", nov, Due(d(2026, 12, 31))),
        ("ngày 29/2", Some(d(2026, 11, 20)), Due(d(2028, 2, 29))),
        ("cuối tháng 3", None, Fails(DeadlineError::NoYear)),
        // Counted from the conclusion's date.
        ("trong 30 ngày", nov, Due(d(2026, 12, 20))),
        ("trong vòng 15 ngày làm việc kể từ ngày ký", nov, Due(d(2026, 12, 11))),
        ("trong 2 tuần", nov, Due(d(2026, 12, 4))),
        ("trong 3 tháng", nov, Due(d(2027, 2, 20))),
        ("trong 30 ngày", None, Fails(DeadlineError::NoYear)),
        // Found inside a whole directive's sentence.
        (
            "Giao Sở Xây dựng chủ trì, phối hợp với UBND xã Tân Lập hoàn thành thẩm định thiết kế cơ sở trước ngày 15/5/2025.",
            feb,
            Due(d(2025, 5, 14)),
        ),
        (
            "Hoàn thành kiểm đếm 155 hộ, báo cáo theo Nghị định 30/2020/NĐ-CP trong tháng 6 năm 2025.",
            feb,
            Due(d(2025, 6, 30)),
        ),
        // Impossible dates and periods, and words that are not a deadline.
        (
            "ngày 31/4/2025",
            feb,
            Fails(DeadlineError::ImpossibleDate { day: 31, month: 4, year: 2025 }),
        ),
        (
            "trước ngày 29/2/2025",
            feb,
            Fails(DeadlineError::ImpossibleDate { day: 29, month: 2, year: 2025 }),
        ),
        ("tháng 13/2025", feb, Fails(DeadlineError::ImpossiblePeriod)),
        ("quý V/2025", feb, Fails(DeadlineError::ImpossiblePeriod)),
        ("ngày 15/5/1925", feb, Fails(DeadlineError::ImplausibleYear(1925))),
        ("trước Tết Nguyên đán", feb, Fails(DeadlineError::NotUnderstood)),
        ("sớm nhất có thể", feb, Fails(DeadlineError::NotUnderstood)),
        ("Sở Tài chính", feb, Fails(DeadlineError::NotUnderstood)),
        ("16-KL/BCĐ", feb, Fails(DeadlineError::NotUnderstood)),
        (
            "trước ngày 15/5/2025, hoàn thành trong tháng 6/2025",
            feb,
            Fails(DeadlineError::Several(d(2025, 5, 14), d(2025, 6, 30))),
        ),
        // English, for an officer who writes it so.
        ("before 15/5/2025", feb, Due(d(2025, 5, 14))),
        ("ongoing", feb, Continuous),
    ];
    assert!(rows.len() >= 45, "{} rows", rows.len());
    let wrong: Vec<String> = rows
        .iter()
        .filter_map(|(words, issued, expect)| {
            let got = read(words, *issued);
            (got != *expect).then(|| format!("{words:?}: expected {expect:?}, got {got:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_words_are_kept_as_typed_apart_from_spacing() {
    let x = parse_deadline("  chậm nhất  Quý III/2025 ", None).unwrap();
    assert_eq!(
        x,
        Deadline::Quarter {
            year: 2025,
            quarter: 3,
            words: "chậm nhất Quý III/2025".into()
        }
    );
    let before = parse_deadline("trước ngày 15/5/2025", None).unwrap();
    assert!(matches!(before, Deadline::Before { .. }));
}

#[test]
fn every_deadline_of_the_sample_reads_back_from_its_words() {
    let (data, _) = crate::domain::sample::fixture::sample();
    for directive in data.directives.iter() {
        let conclusion = data
            .conclusions
            .iter()
            .find(|c| c.id == directive.conclusion)
            .unwrap();
        let read = parse_deadline(directive.deadline.words(), Some(conclusion.date));
        assert_eq!(
            read.map(|d| d.due()),
            Ok(directive.deadline.due()),
            "{:?}",
            directive.deadline.words()
        );
    }
}

proptest! {
    /// Whatever is typed, reading never panics, and a date written out in full is read
    /// back as itself, with or without "trước".
    #[test]
    fn any_text_is_read_without_panic(words in "\\PC{0,60}", day in 0u32..3000) {
        let issued = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(day.into());
        let _ = parse_deadline(&words, Some(issued));
        let _ = parse_deadline(&words, None);
    }

    #[test]
    fn a_written_date_reads_back(day in 0u32..30000, before: bool, spaced: bool) {
        let date = NaiveDate::from_ymd_opt(2000, 1, 2).unwrap() + chrono::Days::new(day.into());
        prop_assume!(date.year() <= 2100);
        let sep = if spaced { " / " } else { "/" };
        let words = format!(
            "{}ngày {}{sep}{}{sep}{}",
            if before { "trước " } else { "" },
            date.day(),
            date.month(),
            date.year()
        );
        let due = parse_deadline(&words, None).unwrap().due().unwrap();
        let expected = if before { date.pred_opt().unwrap() } else { date };
        prop_assert_eq!(due, expected);
    }

    #[test]
    fn a_year_left_out_never_lands_before_the_conclusion(day in 0u32..3000, month in 1u32..=12) {
        let issued = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(day.into());
        let due = parse_deadline(&format!("cuối tháng {month}"), Some(issued))
            .unwrap()
            .due()
            .unwrap();
        prop_assert!(due >= issued);
        prop_assert!(due < issued + chrono::Days::new(366));
    }
}
