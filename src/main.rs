//! In the browser: starts the app. Natively: a small command that prints datasets as JSON,
//! for benchmarks and for trying imports (`cargo run -- sample`, `cargo run -- province`);
//! `store <size> [file]` prints what the app keeps in localStorage for that dataset (key →
//! value) and writes the same dataset to `file`,
//! `fit` how many province-sized datasets fit in the quota; `read-conclusion FILE` the
//! draft read from a notice's text; `long-notice SIZE` a ten-page notice to time reading.

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
