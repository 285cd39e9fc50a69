//! The few browser facilities the UI needs: the clock, random ids, downloads, settings.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use gloo_storage::Storage as _;
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use crate::domain::IdSource;
use crate::i18n::Lang;

/// Today in the officer's local time zone.
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or(NaiveDate::MIN)
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The browser's time zone at the moment `at` (the offset the computer's clock is set to,
/// summer time included where there is one): the one clock every time shown is read on,
/// the same that gives [`today`].
pub fn utc_offset(at: DateTime<Utc>) -> FixedOffset {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    // getTimezoneOffset is minutes *behind* UTC: -420 in Vietnam.
    let east_seconds = -(date.get_timezone_offset() * 60.0) as i32;
    FixedOffset::east_opt(east_seconds).unwrap_or_else(|| FixedOffset::east_opt(0).expect("UTC"))
}

/// A moment as the officer reads it: "14:05 01/12/2026" on this computer's clock.
pub fn date_time(at: DateTime<Utc>) -> String {
    crate::i18n::format_date_time(at.with_timezone(&utc_offset(at)).naive_local())
}

/// When data was saved, on this computer's clock: "14:32" today, "14:32 01/12/2026" before.
pub fn saved_at(at: DateTime<Utc>) -> String {
    let local = at.with_timezone(&utc_offset(at)).naive_local();
    crate::i18n::format_saved_at(local, today())
}

/// Goes to `route` (the hash changes; the app follows it like any link).
pub fn go(route: &crate::route::Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// Ids from the browser's cryptographic random source.
pub struct CryptoIds;

impl IdSource for CryptoIds {
    fn random_bytes(&mut self) -> [u8; 16] {
        let mut bytes = [0u8; 16];
        let filled = web_sys::window()
            .and_then(|w| w.crypto().ok())
            .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
            .unwrap_or(false);
        if !filled {
            for b in bytes.iter_mut() {
                *b = (js_sys::Math::random() * 256.0) as u8;
            }
        }
        bytes
    }
}

/// Offers `text` to the user as a file download (works from file:// too).
/// The file picked in a file input's change event; the input is cleared, so picking the
/// same file again is a change too.
pub fn take_picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0))?;
    input.set_value("");
    Some(file)
}

/// Every file picked in a file input's change event (the input is cleared).
pub fn take_picked_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files().map_or_else(Vec::new, |list| {
        (0..list.length()).filter_map(|i| list.get(i)).collect()
    });
    input.set_value("");
    files
}

pub fn download(file_name: &str, mime: &str, text: &str) {
    save_part(file_name, mime, &wasm_bindgen::JsValue::from_str(text));
}

/// Saves a file the app made (a Word or Excel file) as a download.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) {
    save_part(file_name, mime, &js_sys::Uint8Array::from(bytes));
}

fn save_part(file_name: &str, mime: &str, part: &wasm_bindgen::JsValue) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub const SETTINGS_KEY: &str = "dondoc.settings";

/// Preferences of this browser, kept apart from the data (they are not shared in exports).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub lang: Option<String>,
    /// The officer and office named in exports.
    #[serde(default)]
    pub officer_name: String,
    #[serde(default)]
    pub office: String,
    /// Points below the straight-line trajectory still counted on schedule.
    #[serde(default)]
    pub tolerance_points: Option<f64>,
    /// Days before a deadline that count as "due soon".
    #[serde(default)]
    pub due_soon_days: Option<u32>,
    /// When everything was last exported from this browser.
    #[serde(default)]
    pub last_export_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The shared file's name next to the app (`storage::shared::DEFAULT_FILE_NAME` if none).
    #[serde(default)]
    pub shared_file_name: Option<String>,
    /// The shared file is one the officer picked on disk, not the one next to the app.
    #[serde(default)]
    pub shared_on_disk: bool,
    /// "Đơn vị của tôi": the unit this browser reports for (set by opening its package in
    /// a browser with no data, or chosen in the settings).
    #[serde(default)]
    pub reporting_for: Option<crate::domain::sharing::MyUnit>,
    /// The province network this browser syncs with (Dữ liệu → Mạng đồng bộ).
    #[serde(default)]
    pub network: Option<NetworkPoint>,
}

/// Where this browser syncs: the CouchDB address (through the office's web server), the
/// database, the account last logged in with (never its password), this browser's
/// replication id, and whether it syncs on its own while the page is open.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NetworkPoint {
    pub address: String,
    pub db: String,
    #[serde(default)]
    pub account: String,
    pub replication_id: String,
    #[serde(default)]
    pub continuous: bool,
}

impl Settings {
    pub fn load() -> Self {
        if !crate::storage::local::LocalKv::open().is_available() {
            return Self::default();
        }
        gloo_storage::LocalStorage::get(SETTINGS_KEY).unwrap_or_default()
    }

    pub fn save(&self) {
        if crate::storage::local::LocalKv::open().is_available() {
            let _ = gloo_storage::LocalStorage::set(SETTINGS_KEY, self);
        }
    }

    pub fn tolerance_points(&self) -> f64 {
        self.tolerance_points
            .filter(|t| (0.0..=100.0).contains(t))
            .unwrap_or(crate::domain::projects::DEFAULT_TOLERANCE_POINTS)
    }

    pub fn due_soon_days(&self) -> u64 {
        self.due_soon_days
            .map_or(crate::domain::DEFAULT_DUE_SOON_DAYS, u64::from)
    }

    pub fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or_default()
    }
}

/// A stamp for naming set-aside data: local time, sortable.
pub fn stamp() -> String {
    {
        let d = js_sys::Date::new_0();
        format!(
            "{}{:02}{:02}T{:02}{:02}{:02}",
            d.get_full_year(),
            d.get_month() + 1,
            d.get_date(),
            d.get_hours(),
            d.get_minutes(),
            d.get_seconds()
        )
    }
}

/// Moves the keyboard focus to the element `id` once the view has been drawn (after the
/// signal that opens it has run its effects).
pub fn focus_later(id: impl Into<String>) {
    let id: String = id.into();
    // A task, not a microtask: effects that open the element (a folded <details>) run first.
    gloo_timers::callback::Timeout::new(0, move || {
        use wasm_bindgen::JsCast;
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|doc| doc.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    })
    .forget();
}

/// Where the focus goes once the element `id` may have left the page (a directive marked
/// done leaves the overdue list): `id` itself, then the elements matching `selector` that
/// follow it in the document, then those before it, nearest first.
pub fn focus_candidates(id: &str, selector: &str) -> Vec<String> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|doc| doc.query_selector_all(selector).ok())
    else {
        return vec![id.to_owned()];
    };
    let ids: Vec<String> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.id())
        .collect();
    let at = ids.iter().position(|x| x == id).unwrap_or(ids.len());
    let mut out = vec![id.to_owned()];
    out.extend(ids.iter().skip(at + 1).cloned());
    out.extend(ids.iter().take(at).rev().cloned());
    out
}

/// Moves the focus, once the view has been drawn, to the first of `ids` still on the page.
pub fn focus_first_later(ids: Vec<String>) {
    gloo_timers::callback::Timeout::new(0, move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let element = ids
            .iter()
            .filter_map(|id| doc.get_element_by_id(id))
            .find_map(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    })
    .forget();
}

/// Asks the browser to keep this site's storage even when the disk runs short
/// (`navigator.storage.persist()`), and reports what it got. Pages opened from a file and
/// older browsers have no such promise: `Unsupported`.
pub fn ask_persistent_storage(done: impl FnOnce(super::state::Persistence) + 'static) {
    use super::state::Persistence;
    use wasm_bindgen::JsCast;
    let storage = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"storage".into()).ok())
        .filter(|s| s.is_object());
    let call = |name: &str| -> Option<js_sys::Promise> {
        let storage = storage.as_ref()?;
        let f = js_sys::Reflect::get(storage, &name.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        f.call0(storage).ok()?.dyn_into::<js_sys::Promise>().ok()
    };
    let (Some(persisted), Some(_)) = (call("persisted"), storage.as_ref()) else {
        done(Persistence::Unsupported);
        return;
    };
    let persist = call("persist");
    wasm_bindgen_futures::spawn_local(async move {
        let already = wasm_bindgen_futures::JsFuture::from(persisted).await;
        let granted = match already.ok().and_then(|v| v.as_bool()) {
            Some(true) => true,
            _ => match persist {
                Some(p) => wasm_bindgen_futures::JsFuture::from(p)
                    .await
                    .ok()
                    .and_then(|v| v.as_bool())
                    .unwrap_or(false),
                None => false,
            },
        };
        done(if granted {
            Persistence::Granted
        } else {
            Persistence::NotGranted
        });
    });
}

/// Runs `f` and names its main-thread time for the benchmark (User Timing: a measure
/// called `name`, the latest only, so nothing accumulates over a long session).
pub fn timed<R>(name: &str, f: impl FnOnce() -> R) -> R {
    measure_from(name);
    let result = f();
    measure_to(name);
    result
}

/// Starts the benchmark's measure `name` ([`timed`] for work done over several tasks).
pub fn measure_from(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("{name}:start"));
    }
}

/// Ends the measure `name` started by [`measure_from`].
pub fn measure_to(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let start = format!("{name}:start");
        p.clear_measures_with_measure_name(name);
        let _ = p.measure_with_start_mark(name, &start);
        p.clear_marks_with_mark_name(&start);
    }
}

/// A future ready in a task of its own, after what is waiting now (clicks, drawing): a
/// message to itself, which browsers do not hold back as they hold back repeated timers.
pub fn next_task() -> crate::domain::documents::office::Pause {
    let channel = web_sys::MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        None => {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    Box::pin(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        // Held until its message has come.
        drop(channel);
    })
}

/// A picked file's bytes (`None` when the browser could not read it).
pub async fn file_bytes(file: &web_sys::File) -> Option<Vec<u8>> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}
