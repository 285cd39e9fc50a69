//! The requests the replicator asks for and the answers it is given: plain values, so the
//! shell (the browser's `fetch`, or a native client in tests) does the talking and the
//! protocol can be driven step by step, or stopped after any step.

use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }
}

/// One HTTP request to the CouchDB server, its path relative to the server's address
/// (`/{db}/_changes`), its query unencoded (the shell encodes it).
#[derive(Debug, Clone, PartialEq)]
pub struct HttpRequest {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
    pub headers: Vec<(String, String)>,
}

impl HttpRequest {
    pub(super) fn new(method: Method, path: String, body: Option<Value>) -> Self {
        let mut headers = vec![("Accept".to_owned(), "application/json".to_owned())];
        if body.is_some() {
            headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
        }
        Self {
            method,
            path,
            query: Vec::new(),
            body,
            headers,
        }
    }

    pub(super) fn query(mut self, name: &str, value: String) -> Self {
        self.query.push((name.to_owned(), value));
        self
    }

    /// The path with its query, percent-encoded, as a URL's tail.
    pub fn path_and_query(&self) -> String {
        let mut out = self.path.clone();
        for (i, (k, v)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(&encode(k));
            out.push('=');
            out.push_str(&encode(v));
        }
        out
    }
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The server's answer: its status and its JSON body (`Value::Null` when it had none or
/// it was not JSON).
#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: Value,
}
