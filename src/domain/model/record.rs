//! What every stored record has in common: a kind, a stable id and two timestamps.

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};

/// The kinds of record a [`crate::domain::Dataset`] holds, in the order they are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Committee,
    Unit,
    Project,
    ProgressReport,
    Obstacle,
    Meeting,
    Conclusion,
    Directive,
    DirectiveUpdate,
    Office,
    ExtensionRequest,
}

impl RecordKind {
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Committee,
        RecordKind::Unit,
        RecordKind::Project,
        RecordKind::ProgressReport,
        RecordKind::Obstacle,
        RecordKind::Meeting,
        RecordKind::Conclusion,
        RecordKind::Directive,
        RecordKind::DirectiveUpdate,
        RecordKind::Office,
        RecordKind::ExtensionRequest,
    ];

    /// The collection's name in the JSON format and in storage keys.
    pub fn collection(self) -> &'static str {
        match self {
            RecordKind::Committee => "committees",
            RecordKind::Unit => "units",
            RecordKind::Project => "projects",
            RecordKind::ProgressReport => "progress_reports",
            RecordKind::Obstacle => "obstacles",
            RecordKind::Meeting => "meetings",
            RecordKind::Conclusion => "conclusions",
            RecordKind::Directive => "directives",
            RecordKind::DirectiveUpdate => "directive_updates",
            RecordKind::Office => "offices",
            RecordKind::ExtensionRequest => "extension_requests",
        }
    }
}

/// A stored record. Implemented by [`record_impl!`] for each model type.
pub trait Record: Clone + PartialEq + Serialize + DeserializeOwned + 'static {
    type Id: Clone + Ord + std::fmt::Display + AsRef<str> + for<'a> From<&'a str>;
    const KIND: RecordKind;
    fn id(&self) -> &Self::Id;
    fn created_at(&self) -> DateTime<Utc>;
    fn updated_at(&self) -> DateTime<Utc>;
    /// Marks the record as changed now (never moves its time backwards).
    fn touch(&mut self, now: DateTime<Utc>);
    /// Gives the record the times of `other` (the same record as another side holds it).
    fn take_times_of(&mut self, other: &Self);
    /// A short human label to name the record in messages ("16-KL/BCĐ", "Nam Rom").
    fn label(&self) -> String;
}

macro_rules! record_impl {
    ($ty:ty, $id:ty, $kind:expr, |$s:ident| $label:expr) => {
        impl $crate::domain::model::record::Record for $ty {
            type Id = $id;
            const KIND: $crate::domain::model::record::RecordKind = $kind;
            fn id(&self) -> &$id {
                &self.id
            }
            fn created_at(&self) -> chrono::DateTime<chrono::Utc> {
                self.created_at
            }
            fn updated_at(&self) -> chrono::DateTime<chrono::Utc> {
                self.updated_at
            }
            fn touch(&mut self, now: chrono::DateTime<chrono::Utc>) {
                self.updated_at = self.updated_at.max(now);
            }
            fn take_times_of(&mut self, other: &Self) {
                self.created_at = other.created_at;
                self.updated_at = other.updated_at;
            }
            fn label(&self) -> String {
                let $s = self;
                $label
            }
        }
    };
}
pub(crate) use record_impl;

/// Reads an optional field that, when given, holds a value: `null` is refused, as the
/// published schema refuses it (a field with nothing in it is left out). Used with
/// `#[serde(default, deserialize_with = "…")]`, so a missing field is still `None`.
pub fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}
