//! Files made in steps. A sheet of the large dataset's 18,000 directives is 20 MB of XML to
//! write and deflate, half a second natively and about a second in a browser: in one go it
//! would hold the page that long. The writers count what they write and pause after each
//! [`STEP_BYTES`] of it ([`Steps::did`]); how to pause is the caller's (the shell lets the
//! browser draw and answer clicks, then goes on), and where nothing pauses the same code
//! runs to its end at once ([`run`]), so a file made in steps is the file made in one go.

use std::future::Future;
use std::pin::{pin, Pin};
use std::task::{Context, Poll, Waker};

/// Bytes written (XML or CSV text, or deflated) between pauses: 2–4 ms of work natively,
/// some 10–20 ms in a browser on an office PC.
pub const STEP_BYTES: usize = 256 * 1024;

/// A pause: a future that is ready once the caller has let others run.
pub type Pause = Pin<Box<dyn Future<Output = ()>>>;

/// Counts the work done and pauses at each step.
pub struct Steps<'a> {
    pause: Option<Box<dyn FnMut() -> Pause + 'a>>,
    /// Bytes done since the last pause.
    since: usize,
    /// Pauses taken.
    pauses: usize,
}

impl<'a> Steps<'a> {
    /// Steps that never pause: the file in one go.
    pub fn none() -> Steps<'static> {
        Steps {
            pause: None,
            since: 0,
            pauses: 0,
        }
    }

    /// Steps that await `pause()` after each [`STEP_BYTES`] of work.
    pub fn pausing(pause: impl FnMut() -> Pause + 'a) -> Steps<'a> {
        Steps {
            pause: Some(Box::new(pause)),
            since: 0,
            pauses: 0,
        }
    }

    /// Counts `bytes` more of work; pauses when a step's worth has been done since the last
    /// pause.
    pub async fn did(&mut self, bytes: usize) {
        self.since += bytes;
        if self.since < STEP_BYTES {
            return;
        }
        self.since = 0;
        if let Some(pause) = &mut self.pause {
            self.pauses += 1;
            pause().await;
        }
    }

    /// How many times the work paused.
    pub fn pauses(&self) -> usize {
        self.pauses
    }
}

/// Runs `work` to its end now: natively, and wherever its steps do not pause.
pub fn run<T>(work: impl Future<Output = T>) -> T {
    let mut work = pin!(work);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(done) = work.as_mut().poll(&mut cx) {
            return done;
        }
    }
}

/// A pause that lets the caller's loop go round once (what a browser's next task is to the
/// shell), for tests of work made in steps.
#[cfg(test)]
pub fn yield_once() -> Pause {
    let mut yielded = false;
    Box::pin(std::future::poll_fn(move |_| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            Poll::Pending
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_pauses_after_each_step_and_ends_as_in_one_go() {
        let count = |steps: &mut Steps| {
            run(async {
                let mut total = 0;
                for _ in 0..100 {
                    steps.did(STEP_BYTES / 4).await;
                    total += 1;
                }
                total
            })
        };
        let mut once = Steps::none();
        assert_eq!(count(&mut once), 100);
        assert_eq!(once.pauses(), 0);
        let mut stepped = Steps::pausing(yield_once);
        assert_eq!(count(&mut stepped), 100);
        assert_eq!(stepped.pauses(), 25);
    }

    /// A sheet of 1,200 directives (1.4 MB of XML, deflated at the faster level), the
    /// follow-up report and the letters to every overdue unit, made in steps, are the files
    /// made in one go, byte for byte.
    #[test]
    fn files_made_in_steps_are_the_files_made_in_one_go() {
        use crate::domain::documents::office::{docx, docx_in_steps, xlsx, xlsx_in_steps};
        use crate::domain::documents::{
            directives_table, follow_up_report_document, reminder_letters, report_tables, DocLang,
            Listed,
        };
        use crate::domain::followup::ReportScope;
        use crate::domain::generate::{generate, Scale};
        use crate::domain::units::org::BodyKind;
        let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let now = today.and_hms_opt(3, 0, 0).unwrap().and_utc();
        let scale = Scale {
            meetings: 120,
            ..Scale::SMALL
        };
        let data = generate(scale, 1, today, now);
        let lang = DocLang::Vi;
        let sheet = directives_table(
            &data,
            Listed::All,
            data.followed(),
            today,
            7,
            &|_| "x",
            lang,
        );
        assert!(sheet.rows.len() >= 1_200, "{}", sheet.rows.len());
        let report = data.follow_up_report(
            &ReportScope::Everything,
            today - chrono::Days::new(90),
            today,
            7,
        );
        let mut tables = vec![sheet];
        tables.extend(report_tables(&data, &report, lang));
        let from = crate::domain::documents::letterhead::test_sending(BodyKind::State);
        let mut docs = vec![follow_up_report_document(&data, &report, &from, lang)];
        docs.extend(reminder_letters(
            &data,
            &ReportScope::Everything,
            today,
            7,
            today,
            &from,
            lang,
        ));

        let mut steps = Steps::pausing(yield_once);
        assert_eq!(
            run(xlsx_in_steps(&tables, lang, today, &mut steps)),
            xlsx(&tables, lang, today)
        );
        assert!(steps.pauses() > 5, "{} pauses", steps.pauses());
        let mut steps = Steps::pausing(yield_once);
        assert_eq!(
            run(docx_in_steps(&docs, lang, today, &mut steps)),
            docx(&docs, lang, today)
        );
        assert!(steps.pauses() > 5, "{} pauses", steps.pauses());
        let mut steps = Steps::pausing(yield_once);
        assert_eq!(run(tables[0].csv_in_steps(&mut steps)), tables[0].to_csv());
        assert!(steps.pauses() > 0, "{} pauses", steps.pauses());
    }
}
