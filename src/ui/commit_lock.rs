//! Commits between tabs, one at a time: the Web Lock every tab takes to commit, and the
//! wait for another tab's commit to reach this page's view of localStorage.

use gloo_storage::Storage as _;
use wasm_bindgen::JsCast;

/// The Web Lock every tab of this browser takes to commit (`navigator.locks`): two tabs
/// saving at the same instant commit one after the other, each on the other's commit.
const COMMIT_LOCK: &str = "dondoc-commit";

/// After a commit, the tab holds a lock named after the generation it committed, taken
/// before it lets go of the commit lock. The next tab to commit asks the lock manager for
/// the highest such name and waits until its own view of localStorage has reached that
/// generation: in Chromium another tab's writes reach a page a moment after they are made,
/// and can come later than the lock.
const GENERATION_LOCK: &str = "dondoc-generation-";

/// How long a tab waits for another tab's commit to reach its view of storage.
const CATCH_UP_TRIES: u32 = 80;
const CATCH_UP_STEP_MS: u32 = 25;

thread_local! {
    /// Lets go of the generation lock this tab holds.
    static HELD_GENERATION: std::cell::RefCell<Option<js_sys::Function>> =
        const { std::cell::RefCell::new(None) };
}

fn navigator_locks() -> Option<(wasm_bindgen::JsValue, js_sys::Function)> {
    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"locks".into()).ok())
        .filter(wasm_bindgen::JsValue::is_object)?;
    let request = js_sys::Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some((locks, request))
}

/// The generation of the commit in this page's view of storage.
fn stored_generation() -> u64 {
    gloo_storage::LocalStorage::raw()
        .get_item(crate::storage::repo::MANIFEST_KEY)
        .ok()
        .flatten()
        .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
        .and_then(|v| v.get("generation")?.as_u64())
        .unwrap_or(0)
}

/// The highest generation a tab announced by its lock (held or asked for).
async fn announced_generation(locks: &wasm_bindgen::JsValue) -> u64 {
    let Some(promise) = js_sys::Reflect::get(locks, &"query".into())
        .ok()
        .and_then(|q| q.dyn_into::<js_sys::Function>().ok())
        .and_then(|q| q.call0(locks).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return 0;
    };
    let Ok(snapshot) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return 0;
    };
    let mut highest = 0;
    for part in ["held", "pending"] {
        let list = js_sys::Reflect::get(&snapshot, &part.into()).unwrap_or_default();
        for lock in js_sys::Array::from(&list).iter() {
            let name = js_sys::Reflect::get(&lock, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if let Some(g) = name
                .strip_prefix(GENERATION_LOCK)
                .and_then(|g| g.parse::<u64>().ok())
            {
                highest = highest.max(g);
            }
        }
    }
    highest
}

/// Holds the lock naming `generation` (until the next commit of this tab, or its closing),
/// and lets go of the one held before.
fn announce(locks: &wasm_bindgen::JsValue, request: &js_sys::Function, generation: u64) {
    use wasm_bindgen::closure::Closure;
    let mut release = None;
    let held = js_sys::Promise::new(&mut |resolve, _| release = Some(resolve));
    let hold = Closure::once_into_js(move |_lock: wasm_bindgen::JsValue| held);
    let name = format!("{GENERATION_LOCK}{generation}");
    if request.call2(locks, &name.into(), &hold).is_err() {
        return;
    }
    let before = HELD_GENERATION.with(|h| std::mem::replace(&mut *h.borrow_mut(), release));
    if let Some(release) = before {
        let _ = release.call0(&wasm_bindgen::JsValue::UNDEFINED);
    }
}

/// Runs `f` holding the commit lock across this browser's tabs, once this page's view of
/// storage has caught up with the last commit of any tab. Where the Web Locks API is
/// missing or refuses (older browsers, a page the browser gives no lock to), `f` runs at
/// once, as every save did before: never later than the lock's answer, and never twice.
pub fn with_commit_lock(f: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let job = Rc::new(RefCell::new(Some(f)));
    let run = {
        let job = job.clone();
        move || {
            if let Some(f) = job.borrow_mut().take() {
                f();
            }
        }
    };
    let Some((locks, request)) = navigator_locks() else {
        run();
        return;
    };
    let granted = {
        let run = run.clone();
        let (locks, request) = (locks.clone(), request.clone());
        Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            wasm_bindgen_futures::future_to_promise(async move {
                let highest = announced_generation(&locks).await;
                for _ in 0..CATCH_UP_TRIES {
                    if stored_generation() >= highest {
                        break;
                    }
                    gloo_timers::future::TimeoutFuture::new(CATCH_UP_STEP_MS).await;
                }
                run();
                // Announced before the commit lock is let go (when this promise settles).
                announce(&locks, &request, stored_generation());
                Ok(JsValue::UNDEFINED)
            })
            .into()
        })
    };
    let promise = request
        .call2(&locks, &COMMIT_LOCK.into(), &granted)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        run();
        return;
    };
    // Refused (a SecurityError, say): the save is made without the lock.
    let refused = Closure::once_into_js(move |_e: JsValue| run());
    if let Some(catch) = js_sys::Reflect::get(&promise, &"catch".into())
        .ok()
        .and_then(|c| c.dyn_into::<js_sys::Function>().ok())
    {
        let _ = catch.call1(&promise, &refused);
    }
}
