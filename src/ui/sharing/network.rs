//! Dữ liệu → Mạng đồng bộ: where this browser syncs (the office's CouchDB), the login, "Đồng
//! bộ ngay" and continuous sync, the records changed in two places put to the officer
//! field by field, and the writes the server refused with its reason.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::network::{
    point_problems, read_address, read_database, Conflict, Credentials, Link, Side,
};
use crate::domain::IdSource;
use crate::i18n::network::{link_text, net_text, point_problem, report_line, Net};
use crate::ui::browser::{self, CryptoIds, NetworkPoint};
use crate::ui::state::{use_state, AppState};

#[component]
pub fn NetworkCard() -> impl IntoView {
    let state = use_state();
    let t = move |w: Net| net_text(w, state.lang.get());
    let body = move || match state.network_point() {
        None => connect_form(state).into_any(),
        Some(point) => connected(state, point).into_any(),
    };
    view! {
        <section class="card" aria-labelledby="net-title" id="network-card">
            <h2 id="net-title">{move || t(Net::Title)}</h2>
            <p class="small">{move || t(Net::Hint)}</p>
            {body}
        </section>
    }
}

/// The address, database, account and password; nothing kept until all are right.
fn connect_form(state: AppState) -> impl IntoView {
    let t = move |w: Net| net_text(w, state.lang.get());
    // Served by the office's web server: CouchDB is usually behind it at /couchdb.
    let suggested = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .filter(|o| o.starts_with("http"))
        .map(|o| format!("{o}/couchdb"))
        .unwrap_or_default();
    let address = RwSignal::new(suggested);
    let db = RwSignal::new("dondoc".to_owned());
    let account = RwSignal::new(state.settings.with_untracked(|s| {
        s.network
            .as_ref()
            .map(|n| n.account.clone())
            .unwrap_or_default()
    }));
    let password = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = point_problems(
            &address.get_untracked(),
            &db.get_untracked(),
            &account.get_untracked(),
            &password.get_untracked(),
        );
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        let (Ok(a), Ok(d)) = (
            read_address(&address.get_untracked()),
            read_database(&db.get_untracked()),
        ) else {
            return;
        };
        let mut settings = state.settings.get_untracked();
        settings.network = Some(NetworkPoint {
            address: a,
            db: d,
            account: account.get_untracked().trim().to_owned(),
            replication_id: format!("dondoc-{}", CryptoIds.next_id()),
            continuous: true,
        });
        state.set_settings(settings);
        let credentials = Credentials {
            name: account.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        };
        password.set(String::new());
        state.sync_now(Some(credentials));
        state.sync_continuously(true);
    };
    let field = move |id: &'static str,
                      label: Net,
                      value: RwSignal<String>,
                      kind: &'static str,
                      auto: &'static str| {
        view! {
            <div class="field">
                <label for=id>{move || t(label)}</label>
                <input id=id type=kind autocomplete=auto prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </div>
        }
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            {field("net-address", Net::Address, address, "url", "url")}
            <p class="small muted">{move || t(Net::AddressHint)}</p>
            {field("net-db", Net::Database, db, "text", "off")}
            {field("net-account", Net::Account, account, "text", "username")}
            {field("net-password", Net::Password, password, "password", "current-password")}
            <ul class="problem" role="alert">
                {move || problems.get().into_iter().map(|p| view! { <li>{point_problem(p, state.lang.get())}</li> }).collect_view()}
            </ul>
            <button type="submit" class="primary" id="net-connect">{move || t(Net::Connect)}</button>
        </form>
    }
}

/// Where it syncs, its state, the buttons, and what waits for the officer.
fn connected(state: AppState, point: NetworkPoint) -> impl IntoView {
    let t = move |w: Net| net_text(w, state.lang.get());
    let password = RwSignal::new(String::new());
    let link = move || {
        state
            .link
            .get()
            .map(|l| link_text(&l, &browser::saved_at, state.lang.get()))
    };
    let needs_login = move || state.link.get() == Some(Link::NeedsLogin);
    let account = point.account.clone();
    let login = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if password.get_untracked().is_empty() {
            return;
        }
        state.sync_now(Some(Credentials {
            name: account.clone(),
            password: password.get_untracked(),
        }));
        password.set(String::new());
    };
    let continuous = point.continuous;
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let mut settings = state.settings.get_untracked();
        if let Some(n) = settings.network.as_mut() {
            n.continuous = on;
        }
        state.set_settings(settings);
        state.sync_continuously(on);
    };
    let lists = Memo::new(move |_| state.network_lists());
    view! {
        <p><strong>{point.address.clone()}</strong> " · " {point.db.clone()} " · " {point.account.clone()}</p>
        <p role="status" id="net-state" data-runs=move || state.network_version()>{link}</p>
        <Show when=needs_login>
            <form class="actions" on:submit=login.clone()>
                <label for="net-relogin">{move || t(Net::Password)}</label> " "
                <input id="net-relogin" type="password" autocomplete="current-password"
                    prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
                " " <button type="submit" class="primary">{move || t(Net::LoginAgain)}</button>
            </form>
        </Show>
        <p class="actions">
            <button type="button" id="net-sync" on:click=move |_| state.sync_now(None)>{move || t(Net::SyncNow)}</button>
            " "
            <label class="pick"><input type="checkbox" id="net-continuous" prop:checked=continuous on:change=toggle/>
                " " {move || t(Net::Continuous)}</label>
            " "
            <button type="button" id="net-leave" on:click=move |_| state.leave_network()>{move || t(Net::Leave)}</button>
        </p>
        <p class="small muted" id="net-report">{move || lists.with(|(c, r)| report_line(c.len(), r.len(), state.lang.get()))}</p>
        {move || {
            let (conflicts, refused) = lists.get();
            view! {
                {(!conflicts.is_empty()).then(|| view! {
                    <h3>{t(Net::Conflicts)}</h3>
                    <p class="small">{t(Net::ConflictsHint)}</p>
                    {conflicts.into_iter().map(|c| conflict_view(state, c)).collect_view()}
                })}
                {(!refused.is_empty()).then(|| view! {
                    <h3>{t(Net::Refused)}</h3>
                    <p class="small">{t(Net::RefusedHint)}</p>
                    <ul class="plain" id="net-refused">
                        {refused.into_iter().map(|r| view! {
                            <li><strong>{record_name(state, &r.collection, &r.id)}</strong> ": " {r.reason}</li>
                        }).collect_view()}
                    </ul>
                })}
            }
        }}
    }
}

/// A record as the officer knows it: its kind and the name the data gives it.
fn record_name(state: AppState, collection: &str, id: &str) -> String {
    let lang = state.lang.get_untracked();
    match state
        .data
        .with_untracked(|d| crate::domain::network::record_named(d, collection, id))
    {
        Some((kind, label)) => format!("{}: {label}", crate::i18n::kind_label(kind, lang)),
        None => format!("{collection}: {id}"),
    }
}

/// One record changed in two places: each field both changed, the two values side by side
/// and the choice (mine by default), then the result saved.
fn conflict_view(state: AppState, c: Conflict) -> impl IntoView {
    let lang = state.lang.get_untracked();
    let picks = RwSignal::new(BTreeMap::<String, Side>::new());
    let diffs = c.diffs();
    let id = c.id.clone();
    let whole = c.mine.is_none() || c.theirs.is_none();
    let rows = diffs
        .into_iter()
        .map(|f| {
            let field = f.field.clone();
            let group = format!("net-{}-{}", c.id, f.field);
            let choice = move |side: Side, text: String| {
                let field = field.clone();
                let chosen = field.clone();
                view! {
                    <label class="pick">
                        <input type="radio" name=group.clone()
                            prop:checked=move || picks.with(|p| p.get(&chosen).copied().unwrap_or(Side::Mine) == side)
                            on:change=move |_| picks.update(|p| { p.insert(field.clone(), side); })/>
                        " " {text}
                    </label>
                }
            };
            view! {
                <tr>
                    <th scope="row">{crate::i18n::name_label(&f.field, lang)}</th>
                    <td>{choice(Side::Mine, f.mine.clone())}</td>
                    <td>{choice(Side::Theirs, f.theirs.clone())}</td>
                </tr>
            }
        })
        .collect_view();
    let taken_out = net_text(Net::TakenOut, lang);
    let whole_choice = whole.then(|| {
        let side_text = |v: &Option<serde_json::Value>| if v.is_some() { "✓".to_owned() } else { taken_out.to_owned() };
        let (m, th) = (side_text(&c.mine), side_text(&c.theirs));
        view! {
            <p>
                <label class="pick"><input type="radio" name=format!("net-{}", c.id) checked
                    on:change=move |_| picks.update(|p| { p.insert(String::new(), Side::Mine); })/> " " {net_text(Net::KeepMine, lang)} " " {m}</label>
                " "
                <label class="pick"><input type="radio" name=format!("net-{}", c.id)
                    on:change=move |_| picks.update(|p| { p.insert(String::new(), Side::Theirs); })/> " " {net_text(Net::TakeTheirs, lang)} " " {th}</label>
            </p>
        }
    });
    let settle = move |_| {
        let chosen = picks.get_untracked();
        state.settle_sync_conflict(&id, &|f| chosen.get(f).copied().unwrap_or(Side::Mine));
    };
    view! {
        <fieldset class="conflict" id=format!("net-conflict-{}", c.id)>
            <legend>{record_name(state, &c.collection, &c.id)}</legend>
            {whole_choice}
            <div class="table-wrap">
                <table class="list diff">
                    <thead><tr>
                        <th scope="col">{crate::i18n::Msg::FieldWord.text(lang)}</th>
                        <th scope="col">{net_text(Net::KeepMine, lang)}</th>
                        <th scope="col">{net_text(Net::TakeTheirs, lang)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <button type="button" class="primary" on:click=settle>{net_text(Net::Settle, lang)}</button>
        </fieldset>
    }
}
