//! In the browser: starts the app. Natively: a small command that prints datasets as JSON,
//! for benchmarks and for trying imports (`cargo run -- sample`, `cargo run -- province`);
//! `store <size> [file]` prints what the app keeps in localStorage for that dataset (key →
//! value) and writes the same dataset to `file`,
//! `fit` how many province-sized datasets fit in the quota; `read-conclusion FILE` the
//! draft read from a notice's text; `long-notice SIZE` a ten-page notice to time reading;
//! `sheets SIZE DIR` writes the Excel files of all directives, the register and the
//! report into DIR and prints how long each took to build and to write;
//! `network setup URL …` sets up the office's CouchDB (`src/network_cmd.rs`).

#[cfg(not(target_arch = "wasm32"))]
mod network_cmd;

#[cfg(target_arch = "wasm32")]
fn main() {
    dondoc::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use dondoc::domain::generate::{generate, Scale};
    use dondoc::domain::{sample::sample_dataset, SeededIds};

    let today = chrono::Utc::now().date_naive();
    let now = chrono::Utc::now();
    let args: Vec<String> = std::env::args().collect();
    let mut what = args.get(1).cloned().unwrap_or_default();
    let store = what == "store";
    if store {
        what = args.get(2).cloned().unwrap_or_default();
    }
    if what == "network" {
        network_cmd::run(&args[2..]);
        return;
    }
    if what == "fit" {
        fit(today, now);
        return;
    }
    if what == "long-notice" {
        // `long-notice <size>`: a ten-page notice naming the size's units and projects, to
        // time reading at its largest (scripts/bench).
        let size = args.get(2).map_or("sample", String::as_str);
        let register = match size {
            "small" => generate(Scale::SMALL, 1, today, now),
            "province" => generate(Scale::PROVINCE, 1, today, now),
            "large" => generate(Scale::LARGE, 1, today, now),
            _ => sample_dataset(today, now, &mut SeededIds::new(1)),
        };
        print!("{}", dondoc::domain::documents::long_notice(&register, 10));
        return;
    }
    if what == "sheets" {
        let size = args.get(2).map_or("sample", String::as_str);
        let data = match size {
            "small" => generate(Scale::SMALL, 1, today, now),
            "province" => generate(Scale::PROVINCE, 1, today, now),
            "large" => generate(Scale::LARGE, 1, today, now),
            _ => sample_dataset(today, now, &mut SeededIds::new(1)),
        };
        sheets(&data, args.get(3).map_or(".", String::as_str), today);
        return;
    }
    if what == "read-conclusion" {
        read_conclusion(args.get(2).map(String::as_str), today, now);
        return;
    }
    let data = match what.as_str() {
        "sample" => sample_dataset(today, now, &mut SeededIds::new(1)),
        "small" => generate(Scale::SMALL, 1, today, now),
        "province" => generate(Scale::PROVINCE, 1, today, now),
        "large" => generate(Scale::LARGE, 1, today, now),
        _ => {
            eprintln!("usage: dondoc sample|small|province|large  (prints a dataset as JSON)");
            std::process::exit(2);
        }
    };
    if store {
        // `store <size> <file>` also writes the same dataset as a file, to import.
        if let Some(path) = args.get(3) {
            let json = serde_json::to_string(&data).unwrap_or_default();
            if let Err(e) = std::fs::write(path, json) {
                eprintln!("could not write {path}: {e}");
                std::process::exit(1);
            }
        }
        let mut repo = dondoc::storage::Repository::new(dondoc::storage::MemoryKv::default());
        let mut data = data;
        if let Err(e) = repo.save(&mut data) {
            eprintln!("could not store the dataset: {e:?}");
            std::process::exit(1);
        }
        println!(
            "{}",
            serde_json::to_string(&repo.kv().map).unwrap_or_default()
        );
        return;
    }
    match serde_json::to_string(&data) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("could not write the dataset: {e}");
            std::process::exit(1);
        }
    }
}

/// `read-conclusion FILE`: the draft read from a notice's text (a .txt, .docx or .pdf file),
/// against the sample's register of units, printed as JSON.
#[cfg(not(target_arch = "wasm32"))]
fn read_conclusion(
    path: Option<&str>,
    today: chrono::NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) {
    use dondoc::domain::{documents::read_notice, sample::sample_dataset, SeededIds};
    let Some(path) = path else {
        eprintln!("usage: dondoc read-conclusion FILE  (a .txt, .docx or .pdf notice)");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("could not read {path}: {e}");
            std::process::exit(1);
        }
    };
    let lower = path.to_lowercase();
    let text = if lower.ends_with(".docx") {
        dondoc::domain::documents::docx_text(&bytes).map_err(|e| format!("{e:?}"))
    } else if lower.ends_with(".pdf") {
        dondoc::domain::documents::pdf_text(&bytes).map_err(|e| format!("{e:?}"))
    } else {
        dondoc::domain::decode::decode_text(&bytes).map_err(|e| format!("{e:?}"))
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path} could not be read ({e})");
            std::process::exit(1);
        }
    };
    let register = sample_dataset(today, now, &mut SeededIds::new(1));
    match read_notice(&text, &register) {
        Ok(draft) => println!(
            "{}",
            serde_json::to_string_pretty(&draft).unwrap_or_default()
        ),
        Err(e) => {
            eprintln!("{path} holds no conclusion ({e:?})");
            std::process::exit(1);
        }
    }
}

/// Prints, as JSON, the storage each multiple of the province dataset uses against the quota,
/// up to the first that does not fit.
#[cfg(not(target_arch = "wasm32"))]
fn fit(today: chrono::NaiveDate, now: chrono::DateTime<chrono::Utc>) {
    use dondoc::domain::generate::{generate, Scale};
    use dondoc::storage::{KeyValue, MemoryKv, Repository, QUOTA_UNITS};
    let mut rows = Vec::new();
    for times in 1..=8 {
        let p = Scale::PROVINCE;
        let scale = Scale {
            projects: p.projects * times,
            meetings: p.meetings * times,
            ..p
        };
        let mut data = generate(scale, 1, today, now);
        let mut repo = Repository::new(MemoryKv::with_quota(QUOTA_UNITS));
        let fits = repo.save(&mut data).is_ok();
        let units = if fits {
            repo.kv().used_units()
        } else {
            let mut unbounded = Repository::new(MemoryKv::default());
            let _ = unbounded.save(&mut data);
            unbounded.kv().used_units()
        };
        rows.push(serde_json::json!({ "times_province": times, "projects": scale.projects, "units": units, "fits": fits }));
        if !fits {
            break;
        }
    }
    println!("{}", serde_json::Value::Array(rows));
}

/// `sheets SIZE DIR`: the Excel files a follow-up officer downloads, written into `dir`,
/// with the time each took to build (the table) and to write (the file), to stderr.
#[cfg(not(target_arch = "wasm32"))]
fn sheets(data: &dondoc::domain::Dataset, dir: &str, today: chrono::NaiveDate) {
    use dondoc::domain::documents::{
        directives_table, office, register_table, report_tables, DocLang, Listed, Table,
    };
    use dondoc::domain::followup::{urgency_order, ReportScope};
    use dondoc::domain::projects::ProjectQuery;
    use dondoc::domain::{FollowUpState, ScheduleStatus, DEFAULT_DUE_SOON_DAYS};
    use std::time::Instant;
    let state = |s: FollowUpState| match s {
        FollowUpState::Overdue => "Quá hạn",
        FollowUpState::DueSoon => "Sắp đến hạn",
        FollowUpState::OpenWithinTerm => "Trong hạn",
        FollowUpState::NoDeadline => "Chưa có hạn",
        FollowUpState::DoneLate => "Hoàn thành trễ hạn",
        FollowUpState::DoneOnTime => "Hoàn thành đúng hạn",
        FollowUpState::Cancelled => "Đã hủy",
        FollowUpState::Transferred => "Đã chuyển",
    };
    let schedule = |s: ScheduleStatus| match s {
        ScheduleStatus::Completed => "Hoàn thành",
        ScheduleStatus::OnSchedule => "Đúng tiến độ",
        ScheduleStatus::BehindSchedule => "Chậm tiến độ",
        ScheduleStatus::InvestmentPreparation => "Chuẩn bị đầu tư",
    };
    let soon = DEFAULT_DUE_SOON_DAYS;
    let lang = DocLang::Vi;
    let write = |name: &str, build: &dyn Fn() -> Vec<Table>| {
        let start = Instant::now();
        let tables = build();
        let built = start.elapsed();
        let bytes = office::xlsx(&tables, lang, today);
        let written = start.elapsed() - built;
        let rows: usize = tables.iter().map(|t| t.rows.len()).sum();
        eprintln!(
            "{name}: {rows} rows, built in {} ms, written in {} ms, {} KB",
            built.as_millis(),
            written.as_millis(),
            bytes.len() / 1024
        );
        let path = std::path::Path::new(dir).join(format!("{name}.xlsx"));
        if let Err(e) = std::fs::write(&path, bytes) {
            eprintln!("could not write {}: {e}", path.display());
            std::process::exit(1);
        }
    };
    write("directives", &|| {
        let all = urgency_order(data.followed(), today, soon);
        vec![directives_table(
            data,
            Listed::All,
            all,
            today,
            soon,
            &state,
            lang,
        )]
    });
    write("register", &|| {
        let rows = data.query_projects(&ProjectQuery::default(), today, 10.0);
        vec![register_table(&rows, &schedule, today, lang)]
    });
    write("report", &|| {
        let from = data.report_period_start(today);
        let report = data.follow_up_report(&ReportScope::Everything, from, today, soon);
        report_tables(data, &report, lang)
    });
}
