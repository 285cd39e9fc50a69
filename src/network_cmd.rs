//! `dondoc network setup <url> …`: what the office's IT runs once against its CouchDB
//! (the requests are the domain's, `domain::network::setup_requests`), then prints the
//! units' accounts and what to put in the web server's configuration.

use dondoc::domain::network::{
    account_name, setup_done, setup_requests, web_server_notes, Account, HttpRequest,
};

const USAGE: &str = "usage: dondoc network setup <http://admin:password@host:5984> \
[--db dondoc] [--office name:password]... [--units-from export.json] [--app https://intranet/dondoc]\n\
Run it on the CouchDB host (plain HTTP to 127.0.0.1:5984) or through an SSH tunnel.";

/// Runs `args` (after `network`); exits with 2 on a usage error, 1 when a request failed.
pub fn run(args: &[String]) {
    let Some(("setup", rest)) = args.split_first().map(|(a, r)| (a.as_str(), r)) else {
        fail(2, USAGE);
    };
    let Some(url) = rest.first() else {
        fail(2, USAGE);
    };
    let (base, admin) = split_url(url);
    let mut db = "dondoc".to_owned();
    let mut app = "https://intranet.example/dondoc".to_owned();
    let mut accounts = Vec::new();
    let mut printed = Vec::new();
    let mut it = rest[1..].iter();
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_else(|| fail(2, USAGE));
        match flag.as_str() {
            "--db" => db = value.clone(),
            "--app" => app = value.trim_end_matches('/').to_owned(),
            "--office" => match value.split_once(':') {
                Some((name, password)) if !name.is_empty() && !password.is_empty() => {
                    accounts.push(Account::officer(name, password))
                }
                _ => fail(2, "--office takes name:password"),
            },
            "--units-from" => {
                for (unit, account) in unit_accounts(value) {
                    printed.push((unit, account.name.clone(), account.password.clone()));
                    accounts.push(account);
                }
            }
            _ => fail(2, USAGE),
        }
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut existed = std::collections::BTreeSet::new();
    for request in setup_requests(&db, &accounts) {
        let status = send(&agent, &base, admin.as_deref(), &request);
        let shown = shown_path(&request);
        match status {
            Ok(s) if setup_done(s) => {
                println!("ok   {shown} ({s})");
                if s == 409 {
                    existed.insert(request.path.clone());
                }
            }
            Ok(s) => fail(1, &format!("{shown}: the server answered {s}")),
            Err(e) => fail(1, &format!("{shown}: {e}")),
        }
    }
    if !printed.is_empty() {
        println!("\nTài khoản của các đơn vị / the units' accounts (hand each to its unit):");
        println!("unit\taccount\tpassword");
        for (unit, name, password) in printed {
            // An account made by an earlier run keeps the password it was given then.
            let password = if existed.contains(&format!("/_users/org.couchdb.user:{name}")) {
                "(đã có, giữ mật khẩu cũ / exists, password unchanged)".to_owned()
            } else {
                password
            };
            println!("{unit}\t{name}\t{password}");
        }
    }
    println!("\n{}", web_server_notes(&base, &app));
}

/// An account per open unit of the export `path`, named from its short name, with a
/// random password.
fn unit_accounts(path: &str) -> Vec<(String, Account)> {
    let text = std::fs::read(path).unwrap_or_else(|e| fail(1, &format!("{path}: {e}")));
    let text = dondoc::domain::decode::decode_text(&text)
        .unwrap_or_else(|_| fail(1, &format!("{path}: not a text file")));
    let loaded = dondoc::domain::parse_dataset(&text)
        .unwrap_or_else(|e| fail(1, &format!("{path}: not a Dondoc file ({e:?})")));
    let mut taken = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for u in loaded.dataset.units.iter() {
        if u.ended.is_some() || u.archived {
            continue;
        }
        let mut name = account_name(u.display_name());
        while !taken.insert(name.clone()) {
            name.push('-');
            name.push_str(&u.id.to_string()[..4.min(u.id.to_string().len())]);
        }
        out.push((
            u.name.clone(),
            Account::unit(&name, &password(), u.id.as_ref()),
        ));
    }
    out
}

/// Twelve letters and digits from the system's random source.
fn password() -> String {
    use std::io::Read;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 12];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .unwrap_or_else(|e| fail(1, &format!("no random source: {e}")));
    bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

/// `http://user:pw@host:5984/` → (`http://host:5984`, `user:pw`).
fn split_url(url: &str) -> (String, Option<String>) {
    let url = url.trim_end_matches('/');
    let Some(rest) = url.strip_prefix("http://") else {
        fail(
            2,
            "the address must start with http:// (run it on the CouchDB host, or through an SSH tunnel)",
        );
    };
    match rest.rsplit_once('@') {
        Some((cred, host)) => (format!("http://{host}"), Some(cred.to_owned())),
        None => (url.to_owned(), None),
    }
}

fn send(
    agent: &ureq::Agent,
    base: &str,
    admin: Option<&str>,
    request: &HttpRequest,
) -> Result<u16, ureq::Error> {
    let url = format!("{base}{}", request.path_and_query());
    let auth = admin.map(|cred| {
        use base64::Engine;
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(cred)
        )
    });
    let body = request
        .body
        .as_ref()
        .map(|b| serde_json::to_string(b).unwrap_or_default())
        .unwrap_or_default();
    let mut req = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(url);
    for (k, v) in &request.headers {
        req = req.header(k, v);
    }
    if let Some(auth) = auth {
        req = req.header("Authorization", auth);
    }
    let req = req
        .body(body)
        .map_err(|e| ureq::Error::BadUri(e.to_string()))?;
    let response = agent.run(req)?;
    Ok(response.status().as_u16())
}

/// A request as printed: its path, a password never shown.
fn shown_path(request: &HttpRequest) -> String {
    format!("{} {}", request.method.as_str(), request.path)
}

fn fail(code: i32, message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(code)
}
