//! In the browser: starts the app. Natively: a small command that prints datasets as JSON,
//! for benchmarks and for trying imports (`cargo run -- sample`, `cargo run -- province`).

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
    let what = std::env::args().nth(1).unwrap_or_default();
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
    match serde_json::to_string(&data) {
        Ok(json) => println!("{json}"),
        Err(e) => {
            eprintln!("could not write the dataset: {e}");
            std::process::exit(1);
        }
    }
}
