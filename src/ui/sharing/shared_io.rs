//! How the shared file is reached: over HTTP next to the app (GET, HEAD, WebDAV PUT with a
//! precondition), or on disk through a file handle the officer picked (File System Access
//! in Chromium), the handle kept in IndexedDB so a later visit only asks for permission.
//! Both answer as [`Answer`]s, so `storage::shared` runs one protocol over either.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use leptos::prelude::{GetValue, LocalStorage, StoredValue};

use crate::storage::shared::{
    valid_file_name, Answer, Clock, FileVersion, Precondition, Remembered, DEFAULT_FILE_NAME,
    REMEMBERED_KEY,
};
use crate::ui::browser::{self, Settings};

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

/// Calls `o.method(...args)`, awaiting the result when it is a promise.
async fn call(o: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(o, method).dyn_into()?;
    let result = f.apply(o, &args.iter().collect::<Array>())?;
    match result.dyn_into::<Promise>() {
        Ok(p) => JsFuture::from(p).await,
        Err(value) => Ok(value),
    }
}

fn window() -> JsValue {
    web_sys::window()
        .map(JsValue::from)
        .unwrap_or(JsValue::UNDEFINED)
}

/// Whether the page was served by a web server (the shared file can sit next to it).
pub fn served_over_http() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "http:" || p == "https:")
}

/// The address of `name` in the app's own folder.
pub fn address(name: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(name, &href).ok().map(|u| {
        u.set_hash("");
        u.set_search("");
        u.href()
    })
}

fn version_of(headers: &web_sys::Headers) -> FileVersion {
    FileVersion {
        etag: headers.get("ETag").ok().flatten(),
        last_modified: headers.get("Last-Modified").ok().flatten(),
    }
}

/// One request to the app's own server; status 0 when no answer came.
pub async fn http(
    method: &str,
    url: &str,
    precondition: Option<&Precondition>,
    body: Option<&str>,
) -> Answer {
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    // Never a cached copy, and no condition added by the browser: the protocol sets its own.
    init.set_cache(web_sys::RequestCache::NoStore);
    let Ok(headers) = web_sys::Headers::new() else {
        return Answer::default();
    };
    if let Some(p) = precondition {
        let (name, value) = p.header();
        let _ = headers.set(name, value);
    }
    if let Some(text) = body {
        let _ = headers.set("Content-Type", "application/json; charset=utf-8");
        init.set_body(&JsValue::from_str(text));
    }
    init.set_headers(&headers);
    let Some(w) = web_sys::window() else {
        return Answer::default();
    };
    let Ok(response) = JsFuture::from(w.fetch_with_str_and_init(url, &init)).await else {
        return Answer::default();
    };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else {
        return Answer::default();
    };
    let status = response.status();
    let version = version_of(&response.headers());
    let body = if method == "GET" && response.ok() {
        match response.text() {
            Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()),
            Err(_) => None,
        }
    } else {
        None
    };
    Answer {
        status,
        version,
        body,
    }
}

/// Whether this browser can open a file on disk for reading and writing.
pub fn disk_supported() -> bool {
    Reflect::has(&window(), &JsValue::from_str("showOpenFilePicker")).unwrap_or(false)
}

fn picker_options(create: bool) -> JsValue {
    let accept = Object::new();
    set(
        &accept,
        "application/json",
        &Array::of1(&JsValue::from_str(".json")).into(),
    );
    let kind = Object::new();
    set(&kind, "description", &JsValue::from_str("Dondoc (JSON)"));
    set(&kind, "accept", &accept);
    let options = Object::new();
    set(&options, "types", &Array::of1(&kind).into());
    if create {
        set(
            &options,
            "suggestedName",
            &JsValue::from_str(crate::storage::shared::DEFAULT_FILE_NAME),
        );
    }
    options.into()
}

/// The officer picks the shared file (or where to create it); `None` when they cancel.
pub async fn pick(create: bool) -> Option<JsValue> {
    let w = window();
    if create {
        call(&w, "showSaveFilePicker", &[picker_options(true)])
            .await
            .ok()
    } else {
        let picked = call(&w, "showOpenFilePicker", &[picker_options(false)])
            .await
            .ok()?;
        Some(Array::from(&picked).get(0)).filter(|h| !h.is_undefined())
    }
}

/// Whether the handle may be read and written; with `ask`, the browser asks the officer.
pub async fn permitted(handle: &JsValue, ask: bool) -> bool {
    let options = Object::new();
    set(&options, "mode", &JsValue::from_str("readwrite"));
    let method = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    call(handle, method, &[options.into()])
        .await
        .ok()
        .and_then(|s| s.as_string())
        .is_some_and(|s| s == "granted")
}

/// The file's name as the disk has it.
pub fn handle_name(handle: &JsValue) -> String {
    get(handle, "name").as_string().unwrap_or_default()
}

fn status_of_error(e: &JsValue) -> u16 {
    match get(e, "name").as_string().as_deref() {
        Some("NotFoundError") => 404,
        Some("NotAllowedError" | "SecurityError") => 403,
        Some("QuotaExceededError") => 507,
        _ => 0,
    }
}

/// The file as it is on disk: its version is its time of change and size; an empty file
/// (just created) reads as no file yet.
pub async fn disk_read(handle: &JsValue) -> Answer {
    let file = match call(handle, "getFile", &[]).await {
        Ok(f) => f,
        Err(e) => {
            return Answer {
                status: status_of_error(&e),
                ..Answer::default()
            }
        }
    };
    let size = get(&file, "size").as_f64().unwrap_or(0.0);
    if size == 0.0 {
        return Answer {
            status: 404,
            ..Answer::default()
        };
    }
    let modified = get(&file, "lastModified").as_f64().unwrap_or(0.0);
    let body = call(&file, "text", &[])
        .await
        .ok()
        .and_then(|t| t.as_string());
    Answer {
        status: 200,
        version: FileVersion {
            etag: Some(format!("\"{}-{}\"", modified as u64, size as u64)),
            last_modified: None,
        },
        body,
    }
}

/// Writes the file only if it is still the version the precondition names, checked just
/// before writing (another program may have changed it since it was read).
pub async fn disk_write(handle: &JsValue, text: &str, precondition: &Precondition) -> Answer {
    let now = disk_read(handle).await;
    let current = match now.status {
        200 => Some(&now.version),
        404 => None,
        status => {
            return Answer {
                status,
                ..Answer::default()
            }
        }
    };
    if !precondition.holds(current) {
        return Answer {
            status: 412,
            ..Answer::default()
        };
    }
    let written = async {
        let stream = call(handle, "createWritable", &[]).await?;
        call(&stream, "write", &[JsValue::from_str(text)]).await?;
        call(&stream, "close", &[]).await
    }
    .await;
    if let Err(e) = written {
        return Answer {
            status: status_of_error(&e).max(500),
            ..Answer::default()
        };
    }
    let after = disk_read(handle).await;
    Answer {
        status: 200,
        version: after.version,
        body: None,
    }
}

/// Where the shared file is: next to the app, or a file on disk picked by the officer.
#[derive(Clone, Copy, PartialEq)]
pub enum Place {
    Web,
    Disk,
}

/// The shared file's name next to the app, as set (or the default).
pub fn file_name(settings: &Settings) -> String {
    settings
        .shared_file_name
        .clone()
        .filter(|n| valid_file_name(n))
        .unwrap_or_else(|| DEFAULT_FILE_NAME.to_owned())
}

/// What this browser knows of the shared file next to the app (the start-up check
/// compares it with what the server names; a file on disk is read each time anyway).
pub fn remembered() -> Remembered {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(REMEMBERED_KEY).unwrap_or_default()
}

/// The version of the shared file next to the app this browser now holds.
pub fn remember(version: FileVersion) {
    use gloo_storage::Storage;
    let r = Remembered {
        version,
        at: Some(browser::now()),
    };
    let _ = gloo_storage::LocalStorage::set(REMEMBERED_KEY, &r);
}

/// The officer's clock for a step of the protocol.
pub fn clock() -> Clock {
    let now = browser::now();
    Clock {
        now,
        offset: browser::utc_offset(now),
        today: browser::today(),
    }
}

/// The files' carrier: the web server next to the app, or the handle picked on disk.
#[derive(Clone, Copy)]
pub struct Carrier {
    pub place: Place,
    pub handle: StoredValue<Option<JsValue>, LocalStorage>,
}

impl Carrier {
    pub async fn read(&self, name: &str, body: bool) -> Answer {
        match self.place {
            Place::Web => match address(name) {
                Some(url) => http(if body { "GET" } else { "HEAD" }, &url, None, None).await,
                None => Answer::default(),
            },
            Place::Disk => match self.handle.get_value() {
                Some(h) => disk_read(&h).await,
                None => Answer::default(),
            },
        }
    }

    pub async fn write(&self, name: &str, text: &str, precondition: &Precondition) -> Answer {
        match self.place {
            Place::Web => match address(name) {
                Some(url) => http("PUT", &url, Some(precondition), Some(text)).await,
                None => Answer::default(),
            },
            Place::Disk => match self.handle.get_value() {
                Some(h) => disk_write(&h, text, precondition).await,
                None => Answer::default(),
            },
        }
    }
}

const DB_NAME: &str = "dondoc";
const STORE: &str = "handles";
const KEY: &str = "shared";

/// Waits for an IndexedDB request.
async fn request(req: &JsValue) -> Result<JsValue, JsValue> {
    let req = req.clone();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = req.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &get(&done, "result"));
        });
        let failed = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        set(&req, "onsuccess", &ok);
        set(&req, "onerror", &failed);
    });
    JsFuture::from(promise).await
}

async fn store(mode: &str) -> Result<JsValue, JsValue> {
    let factory = get(&window(), "indexedDB");
    let open = call(
        &factory,
        "open",
        &[JsValue::from_str(DB_NAME), JsValue::from(1)],
    )
    .await?;
    let upgrade_target = open.clone();
    let upgrade = Closure::once_into_js(move || {
        let db = get(&upgrade_target, "result");
        let _ = Reflect::get(&db, &JsValue::from_str("createObjectStore"))
            .and_then(|f| f.dyn_into::<Function>())
            .and_then(|f| f.call1(&db, &JsValue::from_str(STORE)));
    });
    set(&open, "onupgradeneeded", &upgrade);
    let db = request(&open).await?;
    let tx = call(
        &db,
        "transaction",
        &[JsValue::from_str(STORE), JsValue::from_str(mode)],
    )
    .await?;
    call(&tx, "objectStore", &[JsValue::from_str(STORE)]).await
}

thread_local! {
    /// The handle picked in this page, while it is open (IndexedDB keeps it for later).
    static PICKED: std::cell::RefCell<Option<JsValue>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the picked file's handle for this page and the next visit.
pub async fn keep_handle(handle: &JsValue) {
    PICKED.with(|p| *p.borrow_mut() = Some(handle.clone()));
    if let Ok(s) = store("readwrite").await {
        if let Ok(req) = call(&s, "put", &[handle.clone(), JsValue::from_str(KEY)]).await {
            let _ = request(&req).await;
        }
    }
}

/// The handle picked in this page or kept from an earlier visit, if any.
pub async fn kept_handle() -> Option<JsValue> {
    if let Some(h) = PICKED.with(|p| p.borrow().clone()) {
        return Some(h);
    }
    let s = store("readonly").await.ok()?;
    let req = call(&s, "get", &[JsValue::from_str(KEY)]).await.ok()?;
    request(&req)
        .await
        .ok()
        .filter(|h| !h.is_undefined() && !h.is_null())
}

/// Forgets the kept handle.
pub async fn forget_handle() {
    PICKED.with(|p| *p.borrow_mut() = None);
    if let Ok(s) = store("readwrite").await {
        if let Ok(req) = call(&s, "delete", &[JsValue::from_str(KEY)]).await {
            let _ = request(&req).await;
        }
    }
}
