//! The shared file's protocol against a server in memory that keeps ETags and honours
//! preconditions as WebDAV servers do: three officers for a simulated month, publishing
//! every day, at times at the same moment; refusals; checks without downloading.

use chrono::{Duration, FixedOffset, NaiveDate};

use super::*;
use crate::domain::followup::DirectiveUpdate;
use crate::domain::model::SeededIds;
use crate::domain::sample::sample_dataset;
use crate::domain::sharing::Officer;
use crate::domain::sharing::Resolution;
use crate::storage::MemoryKv;
use chrono::DateTime;

/// A WebDAV folder holding one file, in memory.
#[derive(Default)]
struct Server {
    file: Option<(String, FileVersion)>,
    writes: u32,
    /// Leave the version out of every other write's answer (some servers do).
    quiet_writes: bool,
    /// Refuse writes with this status.
    refuse: Option<u16>,
    /// Like Apache within a second of a write: the next read names a weak ETag.
    fresh: std::cell::Cell<bool>,
}

impl Server {
    fn get(&self) -> Answer {
        match &self.file {
            None => Answer {
                status: 404,
                ..Answer::default()
            },
            Some((body, version)) if self.fresh.replace(false) => Answer {
                status: 200,
                version: FileVersion {
                    etag: version.etag.as_ref().map(|e| format!("W/{e}")),
                    ..version.clone()
                },
                body: Some(body.clone()),
            },
            Some((body, version)) => Answer {
                status: 200,
                version: version.clone(),
                body: Some(body.clone()),
            },
        }
    }

    fn head(&self) -> Answer {
        Answer {
            body: None,
            ..self.get()
        }
    }

    fn put(&mut self, body: String, precondition: &Precondition) -> Answer {
        if let Some(status) = self.refuse {
            return Answer {
                status,
                ..Answer::default()
            };
        }
        if !precondition.holds(self.file.as_ref().map(|(_, v)| v)) {
            return Answer {
                status: 412,
                ..Answer::default()
            };
        }
        assert!(
            parse_dataset(&body).is_ok(),
            "the file is always a valid Dondoc file"
        );
        self.writes += 1;
        let version = FileVersion {
            etag: Some(format!("\"v{}\"", self.writes)),
            last_modified: Some(format!("day {}", self.writes)),
        };
        let created = self.file.is_none();
        self.file = Some((body, version.clone()));
        self.fresh.set(self.writes.is_multiple_of(3));
        let quiet = self.quiet_writes && self.writes.is_multiple_of(2);
        Answer {
            status: if created { 201 } else { 204 },
            version: if quiet {
                FileVersion::default()
            } else {
                version
            },
            body: None,
        }
    }
}

fn base_time() -> DateTime<Utc> {
    "2026-11-02T01:00:00Z".parse().unwrap()
}

fn clock(day: i64, minute: i64) -> Clock {
    let now = base_time() + Duration::days(day) + Duration::minutes(minute);
    Clock {
        now,
        offset: FixedOffset::east_opt(7 * 3600).unwrap(),
        today: now.date_naive(),
    }
}

fn officer(name: &str) -> Officer {
    Officer {
        name: name.into(),
        office: "Văn phòng BCĐ".into(),
    }
}

fn browser() -> Session<MemoryKv> {
    let c = clock(0, 0);
    Session::open(MemoryKv::default(), "t", c.now, c.offset).0
}

/// One officer's publication, carried step by step.
struct Run {
    publish: Publish,
    next: Option<Next>,
}

impl Run {
    fn start(name: &str) -> Run {
        let (publish, next) = Publish::start(officer(name), "Thư mục chung".into());
        Run {
            publish,
            next: Some(next),
        }
    }

    /// Reads, settles (newer wins) and reads back until a write is due or it is over.
    fn until_write(&mut self, s: &mut Session<MemoryKv>, server: &Server, c: Clock) {
        loop {
            self.next = Some(match self.next.take() {
                Some(Next::Read | Next::ReadLater) => self.publish.read(s, server.get(), c),
                Some(Next::Check | Next::CheckLater) => self.publish.checked(server.get()),
                Some(Next::Settle(i)) => {
                    self.publish
                        .settled(s, &i, &|_| Some(Resolution::NewerWins), c)
                }
                other => {
                    self.next = other;
                    return;
                }
            });
        }
    }

    /// Writes when a write is due (the read back comes with the next `until_write`); `true`
    /// when done.
    fn write(&mut self, server: &mut Server) -> bool {
        match self.next.take() {
            Some(Next::Write { body, precondition }) => {
                let answer = server.put(body, &precondition);
                self.next = Some(self.publish.written(answer));
                false
            }
            Some(Next::Done(d)) => {
                self.next = Some(Next::Done(d));
                true
            }
            Some(Next::Failed(r)) => panic!("publishing failed: {r:?}"),
            other => {
                self.next = other;
                false
            }
        }
    }

    fn finish(mut self, s: &mut Session<MemoryKv>, server: &mut Server, c: Clock) -> Published {
        loop {
            self.until_write(s, server, c);
            if let Some(Next::Done(d)) = &self.next {
                return d.clone();
            }
            self.write(server);
        }
    }
}

/// A read, again while the server names only a weak version (just written).
fn read_firmly(p: &mut Publish, s: &mut Session<MemoryKv>, server: &Server, c: Clock) -> Next {
    loop {
        match p.read(s, server.get(), c) {
            Next::ReadLater => continue,
            next => return next,
        }
    }
}

fn publish(s: &mut Session<MemoryKv>, name: &str, server: &mut Server, c: Clock) -> Published {
    Run::start(name).finish(s, server, c)
}

/// An update recorded by officer `who` on `day`, on the `n`th directive of the sample.
fn record_update(s: &mut Session<MemoryKv>, who: usize, day: i64, c: Clock) -> String {
    let id = format!("upd-{who}-{day}");
    let directive = {
        let mut ids: Vec<_> = s.data().directives.iter().map(|d| d.id.clone()).collect();
        ids.sort();
        ids[(who * 7 + day as usize) % ids.len()].clone()
    };
    s.edit(|d| {
        d.directive_updates.upsert(DirectiveUpdate {
            id: id.as_str().into(),
            created_at: c.now,
            updated_at: c.now,
            directive,
            date: c.today,
            reported_by: format!("Cán bộ {who}"),
            text: format!("Báo cáo ngày {day} của cán bộ {who}"),
            document_ref: String::new(),
            document_date: None,
            status: None,
        })
    });
    id
}

fn file_of(server: &Server) -> Dataset {
    parse_dataset(&server.file.as_ref().unwrap().0)
        .unwrap()
        .dataset
}

fn has_all(data: &Dataset, ids: &[String]) -> Vec<String> {
    ids.iter()
        .filter(|id| !data.directive_updates.contains(&id.as_str().into()))
        .cloned()
        .collect()
}

#[test]
fn three_officers_for_a_month_lose_nothing() {
    let mut server = Server {
        quiet_writes: true,
        ..Server::default()
    };
    let mut officers = [browser(), browser(), browser()];
    let names = ["Lò Văn A", "Quàng Thị B", "Lường Văn C"];
    // The first officer starts the office's file with the sample; the others take it in.
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    officers[0].edit(|d| *d = sample_dataset(today, base_time(), &mut SeededIds::new(9)));
    for (i, s) in officers.iter_mut().enumerate() {
        publish(s, names[i], &mut server, clock(0, i as i64));
    }
    let mut made = Vec::new();
    let mut texts = Vec::new();
    for day in 1..=30_i64 {
        // Every day each records an update; every fifth day two of them correct the same
        // directive's text (a conflict, settled by the newer).
        for (who, s) in officers.iter_mut().enumerate() {
            made.push(record_update(s, who, day, clock(day, who as i64)));
        }
        if day % 5 == 0 {
            for who in [0, 2] {
                let c = clock(day, 10 + who as i64);
                let text = format!("Nội dung sửa ngày {day} bởi cán bộ {who}");
                officers[who].edit(|d| {
                    let mut x = d
                        .directives
                        .iter()
                        .min_by_key(|x| x.id.clone())
                        .unwrap()
                        .clone();
                    x.text = text.clone();
                    x.updated_at = c.now;
                    d.directives.upsert(x);
                });
                if who == 2 {
                    texts.push(text);
                }
            }
        }
        let c = clock(day, 30);
        if day % 3 == 0 {
            // At the same moment: all read, then all write; two find the file changed and
            // read again.
            let mut runs: Vec<Run> = names.iter().map(|n| Run::start(n)).collect();
            for (run, s) in runs.iter_mut().zip(officers.iter_mut()) {
                run.until_write(s, &server, c);
            }
            let order = [
                (day as usize) % 3,
                (day as usize + 1) % 3,
                (day as usize + 2) % 3,
            ];
            let mut done = [false; 3];
            while done.iter().any(|d| !d) {
                for &i in &order {
                    if !done[i] {
                        runs[i].until_write(&mut officers[i], &server, c);
                        done[i] = runs[i].write(&mut server);
                        runs[i].until_write(&mut officers[i], &server, c);
                        done[i] = done[i] || matches!(runs[i].next, Some(Next::Done(_)));
                    }
                }
            }
        } else {
            for (i, s) in officers.iter_mut().enumerate() {
                publish(s, names[i], &mut server, clock(day, 30 + i as i64));
            }
        }
        assert_eq!(
            has_all(&file_of(&server), &made),
            Vec::<String>::new(),
            "day {day}"
        );
    }
    // One more round each, in turn: every browser then holds what the file holds.
    for (i, s) in officers.iter_mut().enumerate() {
        publish(s, names[i], &mut server, clock(31, i as i64));
    }
    let file = file_of(&server);
    assert_eq!(has_all(&file, &made), Vec::<String>::new());
    assert_eq!(made.len(), 90);
    let first = |d: &Dataset| {
        d.directives
            .iter()
            .min_by_key(|x| x.id.clone())
            .unwrap()
            .text
            .clone()
    };
    assert_eq!(
        first(&file),
        *texts.last().unwrap(),
        "the newer correction won"
    );
    for s in &officers {
        assert_eq!(has_all(s.data(), &made), Vec::<String>::new());
        assert_eq!(first(s.data()), first(&file));
    }
}

#[test]
fn a_conflict_waits_for_the_officer_and_nothing_is_written_before() {
    let mut server = Server::default();
    let mut a = browser();
    let mut b = browser();
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    a.edit(|d| *d = sample_dataset(today, base_time(), &mut SeededIds::new(9)));
    publish(&mut a, "A", &mut server, clock(0, 0));
    publish(&mut b, "B", &mut server, clock(0, 1));
    let edit = |s: &mut Session<MemoryKv>, text: &str, c: Clock| {
        s.edit(|d| {
            let mut x = d
                .directives
                .iter()
                .min_by_key(|x| x.id.clone())
                .unwrap()
                .clone();
            x.text = text.into();
            x.updated_at = c.now;
            d.directives.upsert(x);
        })
    };
    edit(&mut a, "A's words", clock(1, 0));
    edit(&mut b, "B's words", clock(1, 1));
    publish(&mut a, "A", &mut server, clock(1, 2));
    let writes = server.writes;
    let (mut p, _) = Publish::start(officer("B"), "Thư mục chung".into());
    let Next::Settle(incoming) = read_firmly(&mut p, &mut b, &server, clock(1, 3)) else {
        panic!("the conflict is shown");
    };
    assert_eq!(incoming.plan.conflicts().count(), 1);
    assert_eq!(
        server.writes, writes,
        "nothing written while the officer chooses"
    );
    let Next::Write { body, precondition } = p.settled(
        &mut b,
        &incoming,
        &|_| Some(Resolution::KeepMine),
        clock(1, 4),
    ) else {
        panic!("written after the choice");
    };
    assert!(matches!(
        p.written(server.put(body, &precondition)),
        Next::Check
    ));
    assert!(matches!(p.checked(server.get()), Next::Done(_)));
    let first = |d: &Dataset| {
        d.directives
            .iter()
            .min_by_key(|x| x.id.clone())
            .unwrap()
            .text
            .clone()
    };
    assert_eq!(first(&file_of(&server)), "B's words");
    // Unsettled, nothing is taken in and the question is asked again.
    edit(&mut a, "A again", clock(2, 0));
    edit(&mut b, "B again", clock(2, 1));
    publish(&mut a, "A", &mut server, clock(2, 2));
    let (mut p, _) = Publish::start(officer("B"), "Thư mục chung".into());
    let next = read_firmly(&mut p, &mut b, &server, clock(2, 3));
    let Next::Settle(incoming) = next else {
        panic!("the conflict is shown: {next:?}");
    };
    assert!(matches!(
        p.settled(&mut b, &incoming, &|_| None, clock(2, 4)),
        Next::Settle(_)
    ));
    assert_eq!(first(b.data()), "B again");
}

#[test]
fn refusals_are_named_and_change_nothing_on_the_server() {
    let mut b = browser();
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    b.edit(|d| *d = sample_dataset(today, base_time(), &mut SeededIds::new(9)));
    for (status, refusal) in [
        (403, Refusal::NotAllowed),
        (405, Refusal::NotAllowed),
        (401, Refusal::NotSignedIn),
        (409, Refusal::NotFound),
        (507, Refusal::NoRoom),
        (500, Refusal::Other(500)),
    ] {
        let mut server = Server {
            refuse: Some(status),
            ..Server::default()
        };
        let (mut p, _) = Publish::start(officer("B"), "x".into());
        let Next::Write { body, precondition } = p.read(&mut b, server.get(), clock(1, 0)) else {
            panic!("a missing file is created");
        };
        assert_eq!(precondition, Precondition::IfNoneMatchAny);
        match p.written(server.put(body, &precondition)) {
            Next::Failed(r) => assert_eq!(r, refusal, "{status}"),
            other => panic!("{status}: {other:?}"),
        }
        assert!(server.file.is_none());
    }
    // A damaged file is named and never written over; nor is one without a version.
    let mut p = Publish::start(officer("B"), "x".into()).0;
    let damaged = Answer {
        status: 200,
        version: FileVersion {
            etag: Some("\"1\"".into()),
            last_modified: None,
        },
        body: Some("{\"format\": \"dondoc\", \"schema_ver".into()),
    };
    assert!(matches!(
        p.read(&mut b, damaged, clock(1, 0)),
        Next::Failed(Refusal::Damaged(_))
    ));
    let unversioned = Answer {
        status: 200,
        version: FileVersion::default(),
        body: Some("{}".into()),
    };
    let mut p = Publish::start(officer("B"), "x".into()).0;
    assert!(matches!(
        p.read(&mut b, unversioned, clock(1, 0)),
        Next::Failed(Refusal::NoVersion)
    ));
    let mut p = Publish::start(officer("B"), "x".into()).0;
    for status in [401, 403, 0] {
        let answer = Answer {
            status,
            ..Answer::default()
        };
        assert!(matches!(
            p.read(&mut b, answer, clock(1, 0)),
            Next::Failed(_)
        ));
    }
}

#[test]
fn someone_always_publishing_in_between_ends_in_a_clear_refusal() {
    let mut server = Server::default();
    let mut a = browser();
    let mut b = browser();
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    a.edit(|d| *d = sample_dataset(today, base_time(), &mut SeededIds::new(9)));
    publish(&mut a, "A", &mut server, clock(0, 0));
    let mut run = Run::start("B");
    let mut failed = None;
    for round in 0..=MAX_ROUNDS {
        run.until_write(&mut b, &server, clock(1, round as i64));
        if let Some(Next::Failed(r)) = &run.next {
            failed = Some(r.clone());
            break;
        }
        // A publishes just before each of B's writes.
        record_update(&mut a, 0, round as i64, clock(1, round as i64));
        publish(&mut a, "A", &mut server, clock(1, round as i64));
        assert!(!run.write(&mut server));
    }
    assert_eq!(failed, Some(Refusal::Busy { rounds: MAX_ROUNDS }));
}

#[test]
fn a_check_says_whether_the_file_changed_without_reading_it() {
    let mut server = Server::default();
    let mut remembered = Remembered::default();
    assert_eq!(freshness(&remembered, &server.head()), Freshness::Missing);
    let mut a = browser();
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    a.edit(|d| *d = sample_dataset(today, base_time(), &mut SeededIds::new(9)));
    let done = publish(&mut a, "A", &mut server, clock(0, 0));
    assert_eq!(
        freshness(&remembered, &server.head()),
        Freshness::NeverTaken
    );
    remembered.version = done.version.unwrap();
    assert_eq!(freshness(&remembered, &server.head()), Freshness::Unchanged);
    let mut b = browser();
    publish(&mut b, "B", &mut server, clock(1, 0));
    record_update(&mut b, 1, 1, clock(1, 0));
    publish(&mut b, "B", &mut server, clock(1, 0));
    assert_eq!(freshness(&remembered, &server.head()), Freshness::Changed);
    let denied = Answer {
        status: 401,
        ..Answer::default()
    };
    assert_eq!(
        freshness(&remembered, &denied),
        Freshness::Refused(Refusal::NotSignedIn)
    );
    // By date when the server gives no ETag.
    let by_date = |d: &str| FileVersion {
        etag: None,
        last_modified: Some(d.into()),
    };
    assert!(by_date("x").same_as(&by_date("x")));
    assert!(!by_date("x").same_as(&by_date("y")));
    assert!(!FileVersion::default().same_as(&FileVersion::default()));
}

#[test]
fn a_write_whose_answer_names_no_version_is_named_by_reading_it_back() {
    let mut server = Server {
        quiet_writes: true,
        ..Server::default()
    };
    let mut a = browser();
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    a.edit(|d| *d = sample_dataset(today, base_time(), &mut SeededIds::new(9)));
    publish(&mut a, "A", &mut server, clock(0, 0));
    let (mut p, _) = Publish::start(officer("A"), "x".into());
    record_update(&mut a, 0, 1, clock(1, 0));
    let Next::Write { body, precondition } = read_firmly(&mut p, &mut a, &server, clock(1, 0))
    else {
        panic!("write due");
    };
    let answer = server.put(body, &precondition);
    assert!(
        !answer.version.is_known(),
        "this server's answer names no version"
    );
    assert!(matches!(p.written(answer), Next::Check));
    let Next::Done(done) = p.checked(server.get()) else {
        panic!("the write held");
    };
    assert_eq!(done.version, server.file.as_ref().map(|f| f.1.clone()));
}

#[test]
fn two_writes_passing_one_precondition_lose_nothing() {
    // Both read the same version; the server lets both writes through (it checks the
    // precondition before the bodies arrive): the first is replaced by the second.
    let mut server = Server::default();
    let today = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let mut a = browser();
    a.edit(|d| *d = sample_dataset(today, base_time(), &mut SeededIds::new(9)));
    publish(&mut a, "A", &mut server, clock(0, 0));
    let mut b = browser();
    publish(&mut b, "B", &mut server, clock(0, 1));
    server.fresh.set(false);
    let ua = record_update(&mut a, 0, 1, clock(1, 0));
    let ub = record_update(&mut b, 1, 1, clock(1, 1));
    let mut ra = Run::start("A");
    let mut rb = Run::start("B");
    ra.until_write(&mut a, &server, clock(1, 2));
    rb.until_write(&mut b, &server, clock(1, 2));
    let (
        Some(Next::Write {
            body: body_a,
            precondition,
        }),
        Some(Next::Write { body: body_b, .. }),
    ) = (ra.next.take(), rb.next.take())
    else {
        panic!("both write");
    };
    let answer_a = server.put(body_a, &precondition);
    server.file = None;
    let answer_b = server.put(body_b, &Precondition::IfNoneMatchAny);
    assert_eq!(
        has_all(&file_of(&server), std::slice::from_ref(&ua)),
        vec![ua.clone()],
        "A's write was lost"
    );
    ra.next = Some(ra.publish.written(answer_a));
    rb.next = Some(rb.publish.written(answer_b));
    // B's read back holds B's work: done. A's does not hold A's: A publishes again.
    let done_b = rb.finish(&mut b, &mut server, clock(1, 3));
    assert_eq!(done_b.rounds, 1);
    let done_a = ra.finish(&mut a, &mut server, clock(1, 3));
    assert_eq!(done_a.rounds, 2);
    assert_eq!(has_all(&file_of(&server), &[ua, ub]), Vec::<String>::new());
}

#[test]
fn the_shared_file_is_named_inside_the_apps_folder_only() {
    for ok in ["dondoc-data.json", "bcd_2026.json", "VP.BCD.json"] {
        assert!(valid_file_name(ok), "{ok}");
    }
    for bad in [
        "",
        ".json",
        "data.txt",
        "../data.json",
        "a/data.json",
        "a\\data.json",
        "http://x/d.json",
        "dữ-liệu.json",
        "d data.json",
        ".hidden.json",
        "//evil.example/x.json",
    ] {
        assert!(!valid_file_name(bad), "{bad}");
    }
}
