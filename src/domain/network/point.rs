//! Where a browser syncs, as the officer types it in Dữ liệu → Mạng đồng bộ: the address
//! of CouchDB (through the office's web server), the database's name and the account. Each
//! wrong value is named; nothing is kept until all are right.

/// What is wrong with what was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointProblem {
    /// Not an `http://` or `https://` address.
    Address,
    /// Not a CouchDB database name (lower-case letters first, then letters, digits, `_$()+-/`).
    Database,
    AccountMissing,
    PasswordMissing,
}

/// The address as typed, checked: no trailing slash, scheme and host present.
pub fn read_address(typed: &str) -> Result<String, PointProblem> {
    let a = typed.trim().trim_end_matches('/');
    let rest = a
        .strip_prefix("https://")
        .or_else(|| a.strip_prefix("http://"))
        .ok_or(PointProblem::Address)?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return Err(PointProblem::Address);
    }
    Ok(a.to_owned())
}

/// A database name as CouchDB accepts it.
pub fn read_database(typed: &str) -> Result<String, PointProblem> {
    let d = typed.trim();
    let mut chars = d.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok =
        chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-/".contains(c));
    if first_ok && rest_ok {
        Ok(d.to_owned())
    } else {
        Err(PointProblem::Database)
    }
}

/// Every problem of a connection typed in (address, database, account, password).
pub fn point_problems(address: &str, db: &str, account: &str, password: &str) -> Vec<PointProblem> {
    let mut out = Vec::new();
    if let Err(p) = read_address(address) {
        out.push(p);
    }
    if let Err(p) = read_database(db) {
        out.push(p);
    }
    if account.trim().is_empty() {
        out.push(PointProblem::AccountMissing);
    }
    if password.is_empty() {
        out.push(PointProblem::PasswordMissing);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_and_a_database_are_read_as_couchdb_takes_them() {
        assert_eq!(
            read_address(" https://intranet.tinh.gov.vn/couchdb/ "),
            Ok("https://intranet.tinh.gov.vn/couchdb".into())
        );
        assert_eq!(read_address("intranet/couchdb"), Err(PointProblem::Address));
        assert_eq!(read_address("http://"), Err(PointProblem::Address));
        assert_eq!(read_database("dondoc"), Ok("dondoc".into()));
        assert_eq!(read_database("Dondoc"), Err(PointProblem::Database));
        assert_eq!(read_database("1dondoc"), Err(PointProblem::Database));
        assert_eq!(
            point_problems("x", "", " ", ""),
            vec![
                PointProblem::Address,
                PointProblem::Database,
                PointProblem::AccountMissing,
                PointProblem::PasswordMissing
            ]
        );
        assert!(point_problems("http://127.0.0.1:5984", "dondoc", "vp", "pw").is_empty());
    }
}
