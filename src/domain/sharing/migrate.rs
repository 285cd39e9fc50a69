//! Reading a dataset written by any version of Dondoc: recognise it, migrate it step by step
//! to the current schema, and say clearly why a text cannot be read.
//!
//! Version history:
//! - 1: conclusions held their directives, and directives their updates, as nested lists;
//!   total investment was a float of billions (`total_investment_billion`) beside a free
//!   qualifier text. (Used by early prototypes; kept as a synthetic fixture in tests.)
//! - 2: flat collections linked by ids; money in integer VND.
//! - 3: a directive may carry deadline extensions (`extensions`); no field a Dondoc of
//!   version 2 wrote changed, so a version 2 text reads as it is. The number was raised so
//!   that a Dondoc reading version 2 refuses a file with extensions instead of dropping them.
//! - 4: the unit register after the 2025 reorganisation: a unit may have other names,
//!   a parent body, be archived, have joined duplicates, and end (`ended`: merged or
//!   abolished, with successors); a directive may carry hand-overs (`handovers`). Version 3
//!   wrote a merger as `merged_into` {into, on}: read as an ending with one successor.
//! - 5: conclusions, projects, meetings and committees may keep the ids of a colleague's
//!   records joined into them at import (`joined`); a version 4 text reads as it is. The
//!   number was raised so that a Dondoc reading version 4 refuses such a file as newer
//!   instead of failing on an unknown field.

use serde_json::{Map, Value};

use crate::domain::model::dataset::{Dataset, FORMAT_NAME, SCHEMA_VERSION};
use crate::domain::money::ONE_BILLION;
use crate::domain::units::org::Unit;

#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The text is not JSON at all.
    NotJson { line: usize, column: usize },
    /// JSON, but not a Dondoc dataset.
    NotDondoc,
    /// Written by a newer Dondoc than this one.
    Newer { found: u32, supported: u32 },
    /// A Dondoc dataset whose content does not fit the format (the message says where).
    Invalid { detail: String },
    /// A record the parser could not read: where (line, record, field) and why.
    Unreadable(crate::domain::sharing::unreadable::Unreadable),
}

/// A dataset read from text, and the version it was migrated from, if any.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub migrated_from: Option<u32>,
    /// The export's envelope, when the text is an export file.
    pub export: Option<crate::domain::sharing::share::ExportInfo>,
}

/// What a text says it is, read without building the whole dataset.
#[derive(serde::Deserialize)]
struct Header {
    format: Option<String>,
    schema_version: Option<u64>,
    /// Version 1 named this field `version`.
    version: Option<u64>,
}

pub fn parse_dataset(text: &str) -> Result<Loaded, LoadError> {
    // A text of a version read as it is (2 and up) goes straight to the model in one pass
    // over it; any other text, or one that fails, is read again the careful way below,
    // which says why it cannot be read.
    if let Ok(dataset) = serde_json::from_str::<Dataset>(text) {
        let version = dataset.schema_version;
        if dataset.format == FORMAT_NAME && (2..=SCHEMA_VERSION).contains(&version) {
            return Ok(loaded(dataset, version));
        }
    }
    let header: Header = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LoadError::NotDondoc,
        _ => LoadError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    let version = check_header(&header)?;
    // Version 2 has the current layout: read straight from the text, so a message about
    // it names the file's own lines.
    if version >= 2 {
        return Ok(loaded(from_current(text)?, version));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| LoadError::Invalid {
        detail: e.to_string(),
    })?;
    migrate_value(value, version)
}

/// A dataset read from a text of `version`, brought to the current one.
fn loaded(mut dataset: Dataset, version: u32) -> Loaded {
    dataset.units.read_each(Unit::read_legacy_merger);
    dataset.schema_version = SCHEMA_VERSION;
    let export = dataset.envelope.0.take().map(|e| *e);
    Loaded {
        dataset,
        migrated_from: (version < SCHEMA_VERSION).then_some(version),
        export,
    }
}

/// Reads a dataset given as a JSON value (of any version this build knows).
pub fn dataset_from_value(value: Value) -> Result<Loaded, LoadError> {
    let header = Header {
        format: value
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_owned),
        schema_version: value.get("schema_version").and_then(Value::as_u64),
        version: value.get("version").and_then(Value::as_u64),
    };
    let version = check_header(&header)?;
    migrate_value(value, version)
}

fn check_header(header: &Header) -> Result<u32, LoadError> {
    if header.format.as_deref() != Some(FORMAT_NAME) {
        return Err(LoadError::NotDondoc);
    }
    let version = header
        .schema_version
        .or(header.version)
        .ok_or(LoadError::NotDondoc)?;
    let version = u32::try_from(version).unwrap_or(u32::MAX);
    if version > SCHEMA_VERSION {
        return Err(LoadError::Newer {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if version == 0 {
        return Err(LoadError::NotDondoc);
    }
    Ok(version)
}

/// Text of the current version straight to the model (one parser for files and storage,
/// which also keeps the wasm small: no second, `Value`-based deserializer per type).
fn from_current(text: &str) -> Result<Dataset, LoadError> {
    let dataset: Dataset = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LoadError::Unreadable(
            crate::domain::sharing::unreadable::Unreadable::from_parser(&e, text),
        ),
        _ => LoadError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })?;
    Ok(dataset)
}

fn migrate_value(mut value: Value, version: u32) -> Result<Loaded, LoadError> {
    if version < 2 {
        migrate_v1(&mut value).map_err(|detail| LoadError::Invalid { detail })?;
    }
    if let Some(root) = value.as_object_mut() {
        root.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(loaded(from_current(&value.to_string())?, version))
}

fn migrate_v1(value: &mut Value) -> Result<(), String> {
    let root = value.as_object_mut().ok_or("not an object")?;
    root.remove("version");
    root.insert("schema_version".into(), Value::from(2));

    if let Some(Value::Array(projects)) = root.get_mut("projects") {
        for project in projects.iter_mut().filter_map(Value::as_object_mut) {
            migrate_v1_investment(project)?;
        }
    }

    let mut directives = Vec::new();
    let mut updates = Vec::new();
    if let Some(Value::Array(conclusions)) = root.get_mut("conclusions") {
        for conclusion in conclusions.iter_mut().filter_map(Value::as_object_mut) {
            let conclusion_id = conclusion.get("id").cloned().unwrap_or(Value::Null);
            let Some(Value::Array(nested)) = conclusion.remove("directives") else {
                continue;
            };
            for mut directive in nested {
                let d = directive
                    .as_object_mut()
                    .ok_or("a directive is not an object")?;
                d.insert("conclusion".into(), conclusion_id.clone());
                let directive_id = d.get("id").cloned().unwrap_or(Value::Null);
                if let Some(Value::Array(log)) = d.remove("updates") {
                    for mut update in log {
                        let u = update.as_object_mut().ok_or("an update is not an object")?;
                        u.insert("directive".into(), directive_id.clone());
                        updates.push(update);
                    }
                }
                directives.push(directive);
            }
        }
    }
    root.insert("directives".into(), Value::Array(directives));
    root.insert("directive_updates".into(), Value::Array(updates));
    Ok(())
}

/// v1 kept "981.5" billions as a float: round to the nearest đồng once, here, for good.
fn migrate_v1_investment(project: &mut Map<String, Value>) -> Result<(), String> {
    let qualifier = project.remove("total_investment_qualifier");
    let Some(billions) = project.remove("total_investment_billion") else {
        return Ok(());
    };
    let billions = billions
        .as_f64()
        .ok_or("total_investment_billion is not a number")?;
    let vnd = (billions * ONE_BILLION as f64).round() as i64;
    let qualifier = match qualifier.as_ref().and_then(Value::as_str).map(str::trim) {
        Some("trên") | Some("over") => Value::from("over"),
        Some("gần") | Some("nearly") => Value::from("nearly"),
        Some("khoảng") | Some("about") => Value::from("about"),
        _ => Value::Null,
    };
    let mut amount = Map::new();
    amount.insert("vnd".into(), Value::from(vnd));
    if !qualifier.is_null() {
        amount.insert("qualifier".into(), qualifier);
    }
    project.insert("total_investment".into(), Value::Object(amount));
    Ok(())
}
