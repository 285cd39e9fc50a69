//! A CouchDB-protocol server for the tests, and a small HTTP/1.1 client over `std::net`
//! (no HTTP crate is added, not even as a dev-dependency: the tests need a dozen requests'
//! worth of HTTP, on 127.0.0.1, without TLS).
//!
//! By default each test starts PouchDB Server from npm (`node_modules/.bin/pouchdb-server
//! --in-memory`, pinned in package-lock.json; `scripts/setup` installs it) on a free port,
//! and kills it by its process id when dropped. With `DONDOC_COUCHDB_URL` set (for
//! instance `http://admin:secret@127.0.0.1:5984`, an Apache CouchDB 3 and its admin's
//! credentials) the same tests run against that server instead, each in its own database.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use dondoc::domain::network::{HttpRequest, HttpResponse};
use serde_json::Value;

pub struct Server {
    child: Option<Child>,
    /// `host:port`.
    pub addr: String,
    /// The admin's `user:password`, when the server has one.
    pub admin: Option<String>,
    /// Its working folder, removed with it.
    dir: Option<PathBuf>,
}

impl Server {
    pub fn start() -> Server {
        if let Ok(url) = std::env::var("DONDOC_COUCHDB_URL") {
            let rest = url.trim_start_matches("http://").trim_end_matches('/');
            let (admin, addr) = match rest.rsplit_once('@') {
                Some((cred, addr)) => (Some(cred.to_owned()), addr.to_owned()),
                None => (None, rest.to_owned()),
            };
            return Server {
                child: None,
                addr,
                admin,
                dir: None,
            };
        }
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let bin = root.join("node_modules/.bin/pouchdb-server");
        assert!(
            bin.exists(),
            "{} is missing: run scripts/setup (or `npm ci`) to install the CouchDB-protocol \
             server the network tests use, or set DONDOC_COUCHDB_URL to a CouchDB's address",
            bin.display()
        );
        // Tests run at once, each with its own server: a port another test's server took
        // between the check and the start is found by the server's uuid, and tried again.
        for _ in 0..5 {
            if let Some(server) = Server::spawn(&bin) {
                return server;
            }
        }
        panic!("pouchdb-server did not start on a port of its own");
    }

    fn spawn(bin: &std::path::Path) -> Option<Server> {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let n = STARTED.fetch_add(1, Ordering::Relaxed);
        let uuid = format!("dondoc-test-{}-{n}", std::process::id());
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        // It keeps its config.json (its uuid, its admins) and log.txt in its working
        // folder: a new one each time.
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(&uuid);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a folder for the server");
        let config = serde_json::json!({ "couchdb": { "uuid": uuid } });
        std::fs::write(dir.join("config.json"), config.to_string()).expect("its config");
        // Through tests/pouchdb-server.cjs (next to `bin`'s package): one difference from
        // CouchDB corrected, see there.
        let launcher = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/pouchdb-server.cjs");
        debug_assert!(bin.exists());
        let child = Command::new("node")
            .arg(launcher)
            .args([
                "--in-memory",
                "--no-stdout-logs",
                "--host",
                "127.0.0.1",
                "--port",
            ])
            .arg(port.to_string())
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pouchdb-server starts");
        let mut server = Server {
            child: Some(child),
            addr: format!("127.0.0.1:{port}"),
            admin: None,
            dir: Some(dir),
        };
        let start = Instant::now();
        loop {
            if let Ok((200, _, body)) = send(&server.addr, "GET", "/", &[], None) {
                let welcome: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
                return (welcome["uuid"] == uuid.as_str()).then_some(server);
            }
            if let Some(Ok(Some(_))) = server.child.as_mut().map(Child::try_wait) {
                return None;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "pouchdb-server never answered"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A request as the server's admin (setting databases, users, rules up).
    pub fn admin(&self, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
        let mut headers = vec![("Content-Type".to_owned(), "application/json".to_owned())];
        if let Some(cred) = &self.admin {
            headers.push((
                "Authorization".into(),
                format!("Basic {}", base64(cred.as_bytes())),
            ));
        }
        let body = body.map(|b| serde_json::to_vec(b).unwrap());
        let (status, _, bytes) =
            send(&self.addr, method, path, &headers, body.as_deref()).expect("the server answers");
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    /// Creates the database `db` (anew: a real server's may be left from an earlier run).
    pub fn create(&self, db: &str) {
        self.admin("DELETE", &format!("/{db}"), None);
        let (status, body) = self.admin("PUT", &format!("/{db}"), None);
        assert!(
            status == 201 || status == 200,
            "creating {db}: {status} {body}"
        );
        // CouchDB 3 makes a new database its admins' only; the tests' browsers need no
        // account unless a test says otherwise.
        let open = serde_json::json!({"admins": {"names": [], "roles": []},
                                      "members": {"names": [], "roles": []}});
        let (status, body) = self.admin("PUT", &format!("/{db}/_security"), Some(&open));
        assert_eq!(status, 200, "opening {db}: {body}");
    }

    /// Gives the server an admin (PouchDB Server starts with everyone an admin).
    pub fn set_admin(&mut self) {
        if self.admin.is_none() {
            let (status, _) = self.admin("PUT", "/_config/admins/admin", Some(&"secret".into()));
            assert_eq!(status, 200);
            self.admin = Some("admin:secret".into());
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// A browser's side of the HTTP: its cookie jar (the session cookie), as `fetch` with
/// `credentials: "include"` keeps it.
pub struct Client {
    pub addr: String,
    pub cookie: Option<String>,
    pub requests: usize,
}

impl Client {
    pub fn new(server: &Server) -> Client {
        Client {
            addr: server.addr.clone(),
            cookie: None,
            requests: 0,
        }
    }

    pub fn perform(&mut self, request: &HttpRequest) -> HttpResponse {
        let mut headers = request.headers.clone();
        if let Some(c) = &self.cookie {
            headers.push(("Cookie".into(), c.clone()));
        }
        let body = request
            .body
            .as_ref()
            .map(|b| serde_json::to_vec(b).unwrap());
        let (status, head, bytes) = send(
            &self.addr,
            request.method.as_str(),
            &request.path_and_query(),
            &headers,
            body.as_deref(),
        )
        .expect("the server answers");
        self.requests += 1;
        for (name, value) in head {
            if name.eq_ignore_ascii_case("set-cookie") && value.starts_with("AuthSession=") {
                self.cookie = value.split(';').next().map(str::to_owned);
            }
        }
        HttpResponse {
            status,
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        }
    }
}

type Answer = (u16, Vec<(String, String)>, Vec<u8>);

/// One HTTP/1.1 request on its own connection, read to its end.
fn send(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(String, String)],
    body: Option<&[u8]>,
) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\n\r\n",
        body.map_or(0, <[u8]>::len)
    ));
    stream.write_all(head.as_bytes())?;
    if let Some(b) = body {
        stream.write_all(b)?;
    }
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no end of headers"))?;
    let text = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = text.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no status"))?;
    let fields: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut content = raw[split + 4..].to_vec();
    let chunked = fields.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        content = dechunk(&content);
    }
    Ok((status, fields, content))
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&raw[..end]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .unwrap_or(0);
        if size == 0 || raw.len() < end + 2 + size {
            break;
        }
        out.extend_from_slice(&raw[end + 2..end + 2 + size]);
        raw = &raw[(end + 4 + size).min(raw.len())..];
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
