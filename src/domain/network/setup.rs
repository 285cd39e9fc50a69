//! What the office's IT sets up once on its CouchDB (`dondoc network setup`): the database,
//! who may read it (`_security`), who may write what (the `validate_doc_update` of
//! `_design/dondoc`), and an account per officer and per unit with its roles. Built here as
//! plain requests; the native command sends them.
//!
//! Roles: [`OFFICE_ROLE`] writes everything; a unit's account has [`UNIT_ROLE`] and
//! `dondoc-unit:<unit id>`, and may write only progress reports (`directive_updates`) it
//! signs with its account and extension requests in its own unit's name, never a decision.
//! CouchDB has no per-document read control: every member reads the whole database; a
//! unit's browser keeps only its own list.

use serde_json::{json, Value};

use super::http::{HttpRequest, Method};

/// The role of the office's officers: they write every record.
pub const OFFICE_ROLE: &str = "dondoc-office";
/// Every unit's account has this role and `dondoc-unit:<unit id>`.
pub const UNIT_ROLE: &str = "dondoc-unit";
/// The field a unit's browser signs its documents with (its account's name), checked by
/// the write rule.
pub const WRITER_FIELD: &str = "dondoc_writer";

/// The write rule, run by CouchDB on every write (replication included). Its refusals are
/// shown to the officer as they are (Vietnamese, then English).
pub const VALIDATE_DOC_UPDATE: &str = r#"function (newDoc, oldDoc, userCtx, secObj) {
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1 || roles.indexOf('dondoc-office') !== -1) { return; }
  var unit = null;
  for (var i = 0; i < roles.length; i++) {
    if (roles[i].indexOf('dondoc-unit:') === 0) { unit = roles[i].substring(12); }
  }
  if (unit === null) {
    throw({ forbidden: 'Tài khoản này chỉ được đọc dữ liệu. / This account may only read.' });
  }
  if (newDoc._id.indexOf('_design/') === 0) {
    throw({ forbidden: 'Đơn vị không được sửa quy tắc của cơ sở dữ liệu. / A unit may not change the database rules.' });
  }
  var c = newDoc.collection || (oldDoc && oldDoc.collection);
  if (c !== 'directive_updates' && c !== 'extension_requests') {
    throw({ forbidden: 'Đơn vị chỉ được ghi báo cáo tiến độ và đề nghị gia hạn. / A unit may write only progress reports and extension requests.' });
  }
  if (newDoc._deleted) {
    throw({ forbidden: 'Đơn vị không được xóa báo cáo. / A unit may not delete a report.' });
  }
  if (newDoc.dondoc_writer !== userCtx.name || (oldDoc && oldDoc.dondoc_writer !== userCtx.name)) {
    throw({ forbidden: 'Đơn vị chỉ được sửa báo cáo do chính tài khoản mình ghi. / A unit may change only the reports its own account wrote.' });
  }
  if (c === 'extension_requests') {
    if (newDoc.unit !== unit) {
      throw({ forbidden: 'Đơn vị chỉ được đề nghị gia hạn cho chính mình. / A unit may ask for more time only in its own name.' });
    }
    if (newDoc.decision) {
      throw({ forbidden: 'Chỉ Văn phòng quyết định gia hạn. / Only the office decides on an extension.' });
    }
  }
}"#;

/// An account to create: its name, password and roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub name: String,
    pub password: String,
    pub roles: Vec<String>,
}

impl Account {
    pub fn officer(name: &str, password: &str) -> Self {
        Account {
            name: name.to_owned(),
            password: password.to_owned(),
            roles: vec![OFFICE_ROLE.to_owned()],
        }
    }

    /// A unit's account: it writes its reports and requests only.
    pub fn unit(name: &str, password: &str, unit: &str) -> Self {
        Account {
            name: name.to_owned(),
            password: password.to_owned(),
            roles: vec![UNIT_ROLE.to_owned(), format!("{UNIT_ROLE}:{unit}")],
        }
    }
}

/// The design document holding the write rule.
pub fn design_doc() -> Value {
    json!({
        "_id": "_design/dondoc",
        "language": "javascript",
        "validate_doc_update": VALIDATE_DOC_UPDATE,
    })
}

/// Who may read and write the database: the office's and the units' accounts (members);
/// nobody else, not even to read.
pub fn security() -> Value {
    json!({
        "admins": { "names": [], "roles": [] },
        "members": { "names": [], "roles": [OFFICE_ROLE, UNIT_ROLE] },
    })
}

/// The requests that set up `db` with `accounts`, in order; each is safe to send again
/// (an existing database answers 412, an existing account is left as it is: 409).
pub fn setup_requests(db: &str, accounts: &[Account]) -> Vec<HttpRequest> {
    let mut out = vec![
        HttpRequest::new(Method::Put, "/_users".to_owned(), None),
        HttpRequest::new(Method::Put, format!("/{db}"), None),
        HttpRequest::new(Method::Put, format!("/{db}/_security"), Some(security())),
        HttpRequest::new(
            Method::Put,
            format!("/{db}/_design/dondoc"),
            Some(design_doc()),
        ),
    ];
    out.extend(accounts.iter().map(|a| {
        HttpRequest::new(
            Method::Put,
            format!("/_users/org.couchdb.user:{}", a.name),
            Some(json!({
                "_id": format!("org.couchdb.user:{}", a.name),
                "name": a.name,
                "password": a.password,
                "roles": a.roles,
                "type": "user",
            })),
        )
    }));
    out
}

/// Whether an answer to a setup request means it is done: made now, or there already.
pub fn setup_done(status: u16) -> bool {
    matches!(status, 200 | 201 | 202 | 409 | 412)
}

/// A name for a unit's account, from its short name: plain lower-case letters, digits and
/// dashes ("Xã Mường Phăng" → "xa-muong-phang"), as CouchDB and a person typing it like.
pub fn account_name(unit_name: &str) -> String {
    let folded = crate::domain::text::fold(unit_name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// What the office's web server needs so the page reaches CouchDB: the app and CouchDB on
/// one origin through a reverse proxy (no CORS, the session cookie stays first-party), or,
/// when they cannot share an origin, CouchDB's CORS set for the app's address.
pub fn web_server_notes(couch: &str, app_origin: &str) -> String {
    format!(
        "Cách 1 (khuyên dùng) / Option 1 (recommended): one origin through a reverse proxy.\n\
         nginx:\n\
         \x20 location /couchdb/ {{\n\
         \x20   proxy_pass {couch}/;\n\
         \x20   proxy_set_header Host $host;\n\
         \x20   proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n\
         \x20   proxy_buffering off;\n\
         \x20 }}\n\
         Apache (mod_proxy):\n\
         \x20 ProxyPass /couchdb/ {couch}/ nocanon\n\
         \x20 ProxyPassReverse /couchdb/ {couch}/\n\
         In Dondoc, Dữ liệu → Mạng đồng bộ, the address is then {app_origin}/couchdb\n\n\
         Cách 2 / Option 2: CORS on CouchDB (local.ini):\n\
         \x20 [chttpd]\n\
         \x20 enable_cors = true\n\
         \x20 [cors]\n\
         \x20 origins = {app_origin}\n\
         \x20 credentials = true\n\
         \x20 methods = GET, PUT, POST, HEAD, DELETE\n\
         \x20 headers = accept, authorization, content-type, origin, referer\n\
         In Dondoc the address is then {couch}\n\
         A page opened from disk (file://) has no origin CORS can name: use Option 1 and the\n\
         intranet address of the app.\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_units_account_is_named_plainly_and_carries_its_unit() {
        assert_eq!(account_name("Xã Mường Phăng"), "xa-muong-phang");
        assert_eq!(account_name("  Sở Tài chính (STC) "), "so-tai-chinh-stc");
        let a = Account::unit("xa-muong-phang", "pw", "u-1");
        assert_eq!(a.roles, vec!["dondoc-unit", "dondoc-unit:u-1"]);
        assert_eq!(Account::officer("vp", "pw").roles, vec![OFFICE_ROLE]);
    }

    #[test]
    fn setup_creates_the_database_its_rules_and_accounts_in_order() {
        let reqs = setup_requests("dondoc", &[Account::officer("vp", "pw")]);
        let paths: Vec<&str> = reqs.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/_users",
                "/dondoc",
                "/dondoc/_security",
                "/dondoc/_design/dondoc",
                "/_users/org.couchdb.user:vp"
            ]
        );
        assert!(setup_done(412) && setup_done(409) && !setup_done(401));
        let rule = design_doc()["validate_doc_update"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(
            rule.contains(WRITER_FIELD),
            "the rule checks the writer's field"
        );
    }
}
