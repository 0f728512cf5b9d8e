//! How an assessment is written down: the stored shape kept on the device, with its version.
//!
//! This module and [`crate::export`], which wraps the same record in the export file, are the
//! only ones whose types derive `Serialize` (the bank's private parsing types only derive
//! `Deserialize`). A record is read back by `json`, a small JSON reader of this module's own,
//! for the device's records and the export file's alike: start-up reads every stored record,
//! and serde's derived readers cost far more of the first download. A shipped version of a
//! format never changes; the next version migrates from it, and golden files of every shipped
//! version stay in the tests.
//!
//! Answers are written as words (`"done"`, `"dont-know"`) or, for counts, as numbers, and
//! always under the question's stable id, never by position. Reading one back needs the bank,
//! because a word such as `"yes"` means different things for different kinds of question.
//! Anything that does not fit the bank (an unknown question, an answer of the wrong kind) is
//! skipped and listed, and the rest loads.

use std::fmt;

pub(crate) mod json;
#[doc(hidden)]
pub mod json_compare;
pub(crate) mod reading;
mod record;

use serde::Serialize;

use self::json::JsonSyntaxError;
#[doc(hidden)]
pub use self::json::{read_json_value, JsonValue};
use self::reading::{read_one_envelope, Envelope, EnvelopeProblem};
pub(crate) use self::record::RecordV1;

use readiness_domain::assessment::Assessment;
use readiness_domain::bank::Bank;

/// The `format` field of an assessment stored on the device.
pub const STORED_FORMAT: &str = "readiness-check/stored-assessment";

/// The version of the stored shape this build writes. Version 1 is the first shipped.
pub const STORED_VERSION: u64 = 1;

/// An assessment as kept on the device, with what the device needs to list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAssessment {
    /// The assessment's id on this device; never shown, never changes.
    pub id: String,
    /// When it was created, in milliseconds since 1970.
    pub created_ms: u64,
    /// When it last changed, in milliseconds since 1970.
    pub updated_ms: u64,
    /// What the person said.
    pub assessment: Assessment,
}

/// A stored assessment read back, with what could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedStored {
    /// The assessment.
    pub stored: StoredAssessment,
    /// Parts that did not fit the question bank and were left out.
    pub skipped: Vec<Skipped>,
}

/// One part of a record left out because it does not fit the question bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The question or help-area id as written in the record.
    pub id: String,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why part of a record was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// No question of the bank has this id.
    UnknownQuestion,
    /// The answer is not one the question accepts.
    WrongAnswer(String),
    /// No help area of the bank has this id.
    UnknownHelpArea,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            SkipReason::UnknownQuestion => write!(
                f,
                "an answer to \"{}\", a question this version of the check does not have",
                self.id
            ),
            SkipReason::WrongAnswer(value) => write!(
                f,
                "the answer {value} to \"{}\", which that question does not accept",
                self.id
            ),
            SkipReason::UnknownHelpArea => write!(
                f,
                "a request for help in \"{}\", an area this version of the check does not list",
                self.id
            ),
        }
    }
}

/// Why stored data could not be read. Each message says what happened in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredError {
    /// The text is not JSON at all (cut short, or changed by something else).
    #[error("it is not readable data ({detail}); it may have been cut short or changed by another program")]
    NotJson {
        /// Where the reader gave up.
        detail: String,
    },
    /// The JSON is not an assessment saved by this app.
    #[error("it is not an assessment saved by this app")]
    NotAnAssessment,
    /// A newer version of the app saved it.
    #[error("it was saved by a newer version of this app (format {found}; this version reads up to {supported}); open the newer version, or export it there")]
    NewerVersion {
        /// The version found.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// The shape is wrong somewhere.
    #[error("part of it is damaged: {detail}")]
    Damaged {
        /// What is wrong, as the reader put it.
        detail: String,
    },
}

/// What is stored under an assessment's key, in the current stored shape, for a storage API
/// that serializes values itself (the app's gloo-storage): serializing it to JSON gives
/// exactly the text of `encode_stored`.
#[derive(Serialize)]
#[serde(transparent)]
pub struct StoredRecord(StoredV1);

/// An assessment in the current stored shape, ready to be serialized.
pub fn stored_record(stored: &StoredAssessment) -> StoredRecord {
    StoredRecord(StoredV1 {
        format: STORED_FORMAT.to_string(),
        version: STORED_VERSION,
        id: stored.id.clone(),
        created_ms: stored.created_ms,
        updated_ms: stored.updated_ms,
        assessment: RecordV1::from_assessment(&stored.assessment),
    })
}

/// Writes an assessment in the current stored shape, as JSON.
pub fn encode_stored(stored: &StoredAssessment) -> String {
    // serde_json fails only on maps whose keys are not text and on a type's own serialize
    // error; the record has neither, so the default is never taken.
    serde_json::to_string(&stored_record(stored)).unwrap_or_default()
}

/// Reads stored text of any shipped version, migrating older versions to the current one.
pub fn decode_stored(bank: &Bank, text: &str) -> Result<DecodedStored, StoredError> {
    // One reading of the whole text says, in this order: whether it is JSON at all, whether
    // it is an assessment this app stored, of which version, and whether its shape is right.
    let envelope = read_one_envelope(text).map_err(|JsonSyntaxError { line, column }| {
        StoredError::NotJson {
            detail: format!("line {line}, column {column}"),
        }
    })?;
    // Each shipped version gets an arm in `stored_parts` that turns it into the next; version
    // 1 is the first, so there is nothing older to migrate from yet.
    let (stored, skipped) = stored_parts(bank, envelope).map_err(|problem| match problem {
        EnvelopeProblem::NotOurs | EnvelopeProblem::NoVersion | EnvelopeProblem::VersionZero => {
            StoredError::NotAnAssessment
        }
        EnvelopeProblem::Newer { found } => StoredError::NewerVersion {
            found,
            supported: STORED_VERSION,
        },
        EnvelopeProblem::Misfit(misfit) => StoredError::Damaged {
            detail: misfit.sentence(),
        },
        EnvelopeProblem::Missing(name) => StoredError::Damaged {
            detail: format!("\"{name}\" is missing"),
        },
    })?;
    Ok(DecodedStored { stored, skipped })
}

/// A stored assessment out of its envelope, read against the bank: the device's records and the
/// export file's lists of them alike.
pub(crate) fn stored_parts(
    bank: &Bank,
    envelope: Envelope,
) -> Result<(StoredAssessment, Vec<Skipped>), EnvelopeProblem> {
    envelope.check(STORED_FORMAT, STORED_VERSION)?;
    let Envelope {
        id,
        created_ms,
        updated_ms,
        assessment,
        ..
    } = envelope;
    let id = id.ok_or(EnvelopeProblem::Missing("id"))?;
    let created_ms = created_ms.ok_or(EnvelopeProblem::Missing("created_ms"))?;
    let updated_ms = updated_ms.ok_or(EnvelopeProblem::Missing("updated_ms"))?;
    let record = assessment.ok_or(EnvelopeProblem::Missing("assessment"))?;
    let (assessment, skipped) = record.into_assessment(bank);
    let stored = StoredAssessment {
        id,
        created_ms,
        updated_ms,
        assessment,
    };
    Ok((stored, skipped))
}

/// Version 1 of the stored envelope.
#[derive(Serialize)]
struct StoredV1 {
    format: String,
    version: u64,
    id: String,
    created_ms: u64,
    updated_ms: u64,
    assessment: RecordV1,
}

#[cfg(test)]
mod tests;
