//! The JSON export file, its import, and the CSV of answers.
//!
//! Export version 1 is an envelope around the same assessment record the device stores
//! (see [`crate::format`]), with a human-readable copy of the computed report:
//!
//! ```json
//! {"format": "readiness-check/export", "version": 1, "app_version": "0.1.0",
//!  "exported_at": "2026-11-23T10:00:00Z", "bank_version": "2026.1",
//!  "assessment": {"meta": {...}, "answers": {...}, "notes": {...}, "ta_request": {...}},
//!  "report": {...}}
//! ```
//!
//! The schema is shipped at `public/schema/export-v1.json`. The importer ignores `report`
//! entirely: scores are never trusted, the app recomputes them. It also reads what the app's
//! "Download my answers" gives: one stored assessment, or a list of them.
//!
//! Import is strict about shape and size, each error naming the field at fault, and lenient
//! about content: answers to questions this bank does not have are skipped and listed, and the
//! rest loads. The limits on text are the ones the app's inputs enforce:
//! [`MAX_META_CHARS`], [`MAX_NOTE_CHARS`], [`MAX_TA_TEXT_CHARS`], [`MAX_ANSWERS`].

use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{json, Value};

use crate::format::json::{JsonSyntaxError, Misfit};
use crate::format::reading::{
    read_envelopes, Envelope, EnvelopeProblem, Envelopes, A_RECORD, MILLISECONDS,
};
use crate::format::{
    stored_parts, RecordV1, Skipped, StoredAssessment, STORED_FORMAT, STORED_VERSION,
};
use readiness_domain::assessment::Assessment;
#[cfg(doc)]
use readiness_domain::assessment::{
    MAX_ANSWERS, MAX_META_CHARS, MAX_NOTE_CHARS, MAX_TA_TEXT_CHARS,
};
use readiness_domain::bank::Bank;
use readiness_domain::report::report;

/// The `format` field of an export file.
pub const EXPORT_FORMAT: &str = "readiness-check/export";

/// The export version this build writes and the newest it reads.
pub const EXPORT_VERSION: u64 = 1;

/// The largest file import reads, in bytes; an assessment at every limit below is far smaller.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;

pub use crate::format::reading::MAX_ID_CHARS;

/// An imported assessment, with what did not fit and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The assessment.
    pub assessment: Assessment,
    /// Answers, notes and help areas left out because this bank does not have them.
    pub skipped: Vec<Skipped>,
    /// What kind of file it was.
    pub source: ImportSource,
    /// Something the person should be told about the import, such as which of several
    /// assessments in the file was taken.
    pub note: Option<String>,
}

/// What kind of file an import read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportSource {
    /// An export file of this version.
    Export {
        /// The export version.
        version: u64,
    },
    /// An assessment as stored on a device (the app's "Download my answers"), or a list of
    /// them, of which the most recently changed is taken.
    Stored,
}

/// Why a file could not be imported. Each message names the field at fault.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than any export.
    #[error("The file is too large to be an export of this app ({bytes} bytes; exports are well under {MAX_IMPORT_BYTES}). Choose the .json file the app saved.")]
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// The file is not JSON.
    #[error("The file is not readable JSON (the problem is at line {line}, column {column}). It may be cut short or changed by another program; export it again.")]
    NotJson {
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
    },
    /// The file is JSON, but not an export or stored assessment of this app.
    #[error("The file is not an export of this app (it has no \"format\": \"{EXPORT_FORMAT}\"). Choose the .json file the app saved.")]
    NotAnExport,
    /// A newer version of the app made the file.
    #[error("The file was made by a newer version of this app (version {found}; this version reads up to {supported}). Reload the page to get the newest version.")]
    NewerVersion {
        /// The version found.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// A field has the wrong type.
    #[error("The file is damaged: \"{field}\" should be {expected}.")]
    WrongType {
        /// The field, as a path such as `assessment.meta.region`.
        field: String,
        /// What it should be.
        expected: String,
    },
    /// A value is out of range.
    #[error("The file cannot be imported: \"{field}\" {detail}.")]
    OutOfRange {
        /// The field, as a path.
        field: String,
        /// What is wrong, phrased to follow the field.
        detail: String,
    },
    /// A list of stored assessments with none in it.
    #[error("The file holds a list of saved assessments, but the list is empty.")]
    NoAssessments,
}

fn wrong_type(field: &str, expected: &str) -> ImportError {
    ImportError::WrongType {
        field: field.to_string(),
        expected: expected.to_string(),
    }
}

fn out_of_range(field: &str, detail: impl Into<String>) -> ImportError {
    ImportError::OutOfRange {
        field: field.to_string(),
        detail: detail.into(),
    }
}

/// Version 1 of the export envelope.
#[derive(Serialize)]
struct ExportV1 {
    format: &'static str,
    version: u64,
    app_version: String,
    exported_at: String,
    bank_version: String,
    assessment: RecordV1,
    report: Value,
}

/// The start of a file name made of an assessment's name (or "group"), safe on every
/// system: lower-case letters and digits joined by dashes, at most 40 of them after
/// `readiness-report-`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(40).collect();
    if stem.is_empty() {
        "readiness-report".to_string()
    } else {
        format!("readiness-report-{stem}")
    }
}

/// Writes an assessment as an export file: pretty JSON, with a readable copy of its report.
pub fn encode_export(
    bank: &Bank,
    assessment: &Assessment,
    app_version: &str,
    exported_at: &str,
) -> String {
    let export = ExportV1 {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        app_version: app_version.to_string(),
        exported_at: exported_at.to_string(),
        bank_version: bank.version().to_string(),
        assessment: RecordV1::from_assessment(assessment),
        report: readable_report(bank, assessment),
    };
    // Serialising strings, numbers and maps cannot fail.
    serde_json::to_string_pretty(&export).unwrap_or_default()
}

/// The computed results, for people reading the file. Never read back.
fn readable_report(bank: &Bank, assessment: &Assessment) -> Value {
    let report = report(bank, assessment);
    let sections: Vec<Value> = report
        .sections
        .iter()
        .map(|score| {
            json!({
                "id": score.section.id(),
                "heading": score.section.heading(),
                "readiness_pct": score.readiness_pct(),
                "band": score.band().map(|band| band.label()),
                "coverage_pct": score.coverage_pct(),
                "answered": score.answered,
                "total": score.total,
                "dont_know": score.dont_know,
                "blocked": score.is_blocked(),
            })
        })
        .collect();
    let gate = |gap: &readiness_domain::report::Gap| {
        json!({
            "question_id": gap.question.id(),
            "step": gap.section.heading(),
            "condition": gap.question.gate_label(),
        })
    };
    let blocks: Vec<Value> = report.blocks().map(gate).collect();
    let to_confirm: Vec<Value> = report
        .gaps
        .iter()
        .filter(|g| g.kind == readiness_domain::report::GapKind::GateToConfirm)
        .map(gate)
        .collect();
    let next_steps: Vec<Value> = report
        .next_steps()
        .into_iter()
        .map(|next| match next {
            readiness_domain::report::NextStep::Gap(gap) => json!({
                "question_id": gap.question.id(),
                "step": gap.section.heading(),
                "advice": gap.advice(),
            }),
            readiness_domain::report::NextStep::Finding(finding) => json!({
                "question_id": finding.id(),
                "finding": format!("{}: {}", finding.tag(), finding.label),
                "advice": finding.advice,
            }),
        })
        .collect();
    let phases: Vec<Value> = report
        .phases
        .phases
        .iter()
        .map(|phase| json!({"phase": phase.phase.name(), "pct": phase.pct()}))
        .collect();
    json!({
        "about": "Computed from the answers when the file was made, for people reading it. The app ignores this part on import and computes the report again.",
        "where_you_are": report.lead(),
        "also_in_the_way": report.also_in_the_way(),
        "next_steps": next_steps,
        "leading_phase": report.phases.leading.map(|phase| phase.name()),
        "phases": phases,
        "sections": sections,
        "blocks": blocks,
        "gates_to_confirm": to_confirm,
        "dont_know_count": report.dont_knows.len(),
    })
}

/// Reads an export file, a stored assessment, or a list of stored assessments: with the one
/// reader of records the device uses too, straight from the file's text.
pub fn decode_export(bank: &Bank, text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    // Some editors on Windows start files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Nesting deeper than 128 levels is refused as not JSON, not a crash.
    let read = read_envelopes(text)
        .map_err(|JsonSyntaxError { line, column }| ImportError::NotJson { line, column })?;
    match read {
        Envelopes::List(list) => decode_stored_list(bank, list),
        Envelopes::One(envelope) => match envelope.format.as_deref() {
            Some(EXPORT_FORMAT) => decode_export_envelope(bank, *envelope),
            Some(STORED_FORMAT) => {
                let (stored, skipped) = stored_parts(bank, *envelope)
                    .map_err(|problem| import_error(problem, "", STORED_VERSION))?;
                Ok(Imported {
                    assessment: stored.assessment,
                    skipped,
                    source: ImportSource::Stored,
                    note: None,
                })
            }
            _ => Err(ImportError::NotAnExport),
        },
        Envelopes::Neither => Err(ImportError::NotAnExport),
    }
}

/// What is wrong with an envelope whose fields are named from `prefix`, in the import's words.
fn import_error(problem: EnvelopeProblem, prefix: &str, supported: u64) -> ImportError {
    let path = |field: &str| format!("{prefix}{field}");
    match problem {
        EnvelopeProblem::NotOurs => ImportError::NotAnExport,
        EnvelopeProblem::NoVersion => wrong_type(&path("version"), "a whole number, such as 1"),
        EnvelopeProblem::VersionZero => out_of_range(
            &path("version"),
            "is 0, which no version of this app writes",
        ),
        EnvelopeProblem::Newer { found } => ImportError::NewerVersion { found, supported },
        EnvelopeProblem::Misfit(Misfit::WrongKind { path, expected, .. }) => {
            wrong_type(&path, expected)
        }
        EnvelopeProblem::Misfit(Misfit::OutOfRange { path, detail }) => out_of_range(&path, detail),
        EnvelopeProblem::Missing(field) => wrong_type(
            &path(field),
            match field {
                "id" => "text",
                "assessment" => A_RECORD,
                _ => MILLISECONDS,
            },
        ),
    }
}

fn decode_export_envelope(bank: &Bank, envelope: Envelope) -> Result<Imported, ImportError> {
    // Each shipped version gets an arm here that turns it into the current one.
    let version = envelope
        .check(EXPORT_FORMAT, EXPORT_VERSION)
        .map_err(|problem| import_error(problem, "", EXPORT_VERSION))?;
    let record = envelope
        .assessment
        .ok_or_else(|| wrong_type("assessment", A_RECORD))?;
    let (assessment, skipped) = record.into_assessment(bank);
    Ok(Imported {
        assessment,
        skipped,
        source: ImportSource::Export { version },
        note: None,
    })
}

/// Reads a list of stored assessments, taking the most recently changed.
fn decode_stored_list(bank: &Bank, list: Vec<Envelope>) -> Result<Imported, ImportError> {
    if list.is_empty() {
        return Err(ImportError::NoAssessments);
    }
    // A list of anything else is not ours; say so rather than name a field.
    let count = list.len();
    if !list
        .iter()
        .all(|envelope| envelope.format.as_deref() == Some(STORED_FORMAT))
    {
        return Err(ImportError::NotAnExport);
    }
    let mut best: Option<(StoredAssessment, Vec<Skipped>)> = None;
    for (at, envelope) in list.into_iter().enumerate() {
        let read = stored_parts(bank, envelope)
            .map_err(|problem| import_error(problem, &format!("[{at}]."), STORED_VERSION))?;
        if best
            .as_ref()
            .is_none_or(|(stored, _)| read.0.updated_ms > stored.updated_ms)
        {
            best = Some(read);
        }
    }
    let Some((stored, skipped)) = best else {
        return Err(ImportError::NoAssessments);
    };
    let assessment = stored.assessment;
    let note = (count > 1).then(|| {
        let name = assessment.meta.name.trim();
        let which = if name.is_empty() {
            "the one changed most recently".to_string()
        } else {
            format!("the one changed most recently, \"{name}\"")
        };
        format!("This file holds {count} saved assessments; {which} was imported.")
    });
    Ok(Imported {
        assessment,
        skipped,
        source: ImportSource::Stored,
        note,
    })
}

/// The answers as CSV, one row per question of the bank in bank order, for spreadsheets and
/// the group view. Unanswered questions have an empty answer; answers that do not fit their
/// question are left empty too, as the report leaves them out.
///
/// Columns: `section,question_id,question,answer,note,gate,source`. Quoting follows RFC 4180
/// (CRLF line ends), and a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'`, so a spreadsheet never runs a person's text as a formula.
pub fn answers_csv(bank: &Bank, assessment: &Assessment) -> String {
    let mut out = String::new();
    out.push_str("section,question_id,question,answer,note,gate,source\r\n");
    for section in bank.sections() {
        for question in section.questions() {
            let answer = assessment
                .answer(question.id())
                .filter(|answer| question.accepts(answer))
                .map(|answer| bank.answer_label(&answer))
                .unwrap_or_default();
            let source = question.source();
            let title = bank
                .sources()
                .iter()
                .find(|doc| doc.seed() == source.seed())
                .map_or(source.seed(), |doc| doc.title());
            let cells = [
                section.heading(),
                question.id().to_string(),
                question.text().to_string(),
                answer,
                assessment
                    .note(question.id())
                    .unwrap_or_default()
                    .to_string(),
                question.gate().unwrap_or_default().to_string(),
                format!("{title}: {}", source.part()),
            ];
            for (at, cell) in cells.iter().enumerate() {
                if at > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{}", csv_cell(cell));
            }
            out.push_str("\r\n");
        }
    }
    out
}

/// One CSV cell: guarded against formulas, then quoted when needed.
pub fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if guarded.contains([',', '"', '\r', '\n']) || guarded.trim() != guarded {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
pub(crate) mod tests;
