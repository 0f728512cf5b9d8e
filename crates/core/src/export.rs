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
use serde_json::{json, Map, Value};

use crate::answer::MAX_COUNT;
use crate::assessment::{
    Assessment, MAX_ANSWERS, MAX_HELP_AREAS, MAX_META_CHARS, MAX_NOTE_CHARS, MAX_TA_TEXT_CHARS,
};
use crate::bank::Bank;
use crate::format::{decode_stored, RecordV1, Skipped, StoredError, STORED_FORMAT, STORED_VERSION};
use crate::report::report;

/// The `format` field of an export file.
pub const EXPORT_FORMAT: &str = "readiness-check/export";

/// The export version this build writes and the newest it reads.
pub const EXPORT_VERSION: u64 = 1;

/// The largest file import reads, in bytes; an assessment at every limit below is far smaller.
pub const MAX_IMPORT_BYTES: usize = 1_000_000;

/// The longest question id, help-area id or answer word, in characters.
pub const MAX_ID_CHARS: usize = 100;

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
    let gate = |gap: &crate::report::Gap| {
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
        .filter(|g| g.kind == crate::report::GapKind::GateToConfirm)
        .map(gate)
        .collect();
    let next_steps: Vec<Value> = report
        .next_steps()
        .into_iter()
        .map(|next| match next {
            crate::report::NextStep::Gap(gap) => json!({
                "question_id": gap.question.id(),
                "step": gap.section.heading(),
                "advice": gap.advice(),
            }),
            crate::report::NextStep::Finding(finding) => json!({
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

/// Reads an export file, a stored assessment, or a list of stored assessments.
pub fn decode_export(bank: &Bank, text: &str) -> Result<Imported, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    // Some editors on Windows start files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // serde_json stops at 128 levels of nesting, so deep nesting is an error, not a crash.
    let value: Value = serde_json::from_str(text).map_err(|error| ImportError::NotJson {
        line: error.line(),
        column: error.column(),
    })?;
    match &value {
        Value::Array(items) => decode_stored_list(bank, items),
        Value::Object(object) => match object.get("format").and_then(Value::as_str) {
            Some(EXPORT_FORMAT) => decode_export_object(bank, object),
            Some(STORED_FORMAT) => {
                let (assessment, skipped, _) = decode_stored_value(bank, &value, "")?;
                Ok(Imported {
                    assessment,
                    skipped,
                    source: ImportSource::Stored,
                    note: None,
                })
            }
            _ => Err(ImportError::NotAnExport),
        },
        _ => Err(ImportError::NotAnExport),
    }
}

fn decode_export_object(bank: &Bank, object: &Map<String, Value>) -> Result<Imported, ImportError> {
    let version = check_version(object.get("version"), "version", EXPORT_VERSION)?;
    for field in ["app_version", "exported_at", "bank_version"] {
        if let Some(value) = object.get(field) {
            let text = value.as_str().ok_or_else(|| wrong_type(field, "text"))?;
            check_length(text, field, MAX_META_CHARS)?;
        }
    }
    // Each shipped version gets an arm here that turns it into the current one.
    let record = object
        .get("assessment")
        .ok_or_else(|| wrong_type("assessment", "an assessment record (an object)"))?;
    let assessment_and_skipped = read_record(bank, record, "assessment")?;
    let (assessment, skipped) = assessment_and_skipped;
    Ok(Imported {
        assessment,
        skipped,
        source: ImportSource::Export { version },
        note: None,
    })
}

/// Reads a `version` field: a whole number from 1 up to `supported`.
fn check_version(value: Option<&Value>, field: &str, supported: u64) -> Result<u64, ImportError> {
    let value = value.ok_or_else(|| wrong_type(field, "a whole number, such as 1"))?;
    let found = value
        .as_u64()
        .ok_or_else(|| wrong_type(field, "a whole number, such as 1"))?;
    if found == 0 {
        return Err(out_of_range(
            field,
            "is 0, which no version of this app writes",
        ));
    }
    if found > supported {
        return Err(ImportError::NewerVersion { found, supported });
    }
    Ok(found)
}

/// Reads a list of stored assessments, taking the most recently changed.
fn decode_stored_list(bank: &Bank, items: &[Value]) -> Result<Imported, ImportError> {
    if items.is_empty() {
        return Err(ImportError::NoAssessments);
    }
    // A list of anything else is not ours; say so rather than name a field.
    if !items
        .iter()
        .all(|item| item.get("format").and_then(Value::as_str) == Some(STORED_FORMAT))
    {
        return Err(ImportError::NotAnExport);
    }
    let mut best: Option<(Assessment, Vec<Skipped>, u64)> = None;
    for (at, item) in items.iter().enumerate() {
        let read = decode_stored_value(bank, item, &format!("[{at}]."))?;
        if best
            .as_ref()
            .is_none_or(|(_, _, updated)| read.2 > *updated)
        {
            best = Some(read);
        }
    }
    let Some((assessment, skipped, _)) = best else {
        return Err(ImportError::NoAssessments);
    };
    let note = (items.len() > 1).then(|| {
        let name = assessment.meta.name.trim();
        let which = if name.is_empty() {
            "the one changed most recently".to_string()
        } else {
            format!("the one changed most recently, \"{name}\"")
        };
        format!(
            "This file holds {} saved assessments; {which} was imported.",
            items.len()
        )
    });
    Ok(Imported {
        assessment,
        skipped,
        source: ImportSource::Stored,
        note,
    })
}

/// Checks one stored envelope field by field, then reads it with the stored decoder.
fn decode_stored_value(
    bank: &Bank,
    value: &Value,
    prefix: &str,
) -> Result<(Assessment, Vec<Skipped>, u64), ImportError> {
    let path = |field: &str| format!("{prefix}{field}");
    let object = value.as_object().ok_or_else(|| {
        wrong_type(
            prefix.trim_end_matches('.'),
            "a saved assessment (an object)",
        )
    })?;
    check_version(object.get("version"), &path("version"), STORED_VERSION)?;
    let id = object
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| wrong_type(&path("id"), "text"))?;
    check_length(id, &path("id"), MAX_ID_CHARS)?;
    let mut updated = 0;
    for field in ["created_ms", "updated_ms"] {
        let ms = object
            .get(field)
            .and_then(Value::as_u64)
            .ok_or_else(|| wrong_type(&path(field), "a whole number of milliseconds"))?;
        if field == "updated_ms" {
            updated = ms;
        }
    }
    let record = object
        .get("assessment")
        .ok_or_else(|| wrong_type(&path("assessment"), "an assessment record (an object)"))?;
    check_record(record, &path("assessment"))?;
    let decoded = decode_stored(bank, &value.to_string()).map_err(|error| match error {
        StoredError::NewerVersion { found, supported } => {
            ImportError::NewerVersion { found, supported }
        }
        StoredError::NotJson { .. } | StoredError::NotAnAssessment => ImportError::NotAnExport,
        StoredError::Damaged { detail } => out_of_range(prefix.trim_end_matches('.'), detail),
    })?;
    Ok((decoded.stored.assessment, decoded.skipped, updated))
}

/// Checks a record and reads it against the bank.
fn read_record(
    bank: &Bank,
    record: &Value,
    path: &str,
) -> Result<(Assessment, Vec<Skipped>), ImportError> {
    check_record(record, path)?;
    let record = RecordV1::from_text(&record.to_string(), path)
        .map_err(|error| wrong_type(path, &format!("an assessment record ({error})")))?;
    Ok(record.into_assessment(bank))
}

fn check_length(text: &str, field: &str, limit: usize) -> Result<(), ImportError> {
    let chars = text.chars().count();
    if chars > limit {
        return Err(out_of_range(
            field,
            format!("is {chars} characters long; the most accepted is {limit}"),
        ));
    }
    Ok(())
}

/// A path to an entry of a map keyed by id: `assessment.answers["s1.convener"]`.
fn keyed(path: &str, key: &str) -> String {
    let shown: String = key.chars().take(MAX_ID_CHARS).collect();
    // Quoted and escaped by hand rather than with `{:?}`: the release build compiles Debug
    // formatting out (-Zfmt-debug=none), and this text is shown to people.
    format!("{path}[\"{}\"]", shown.escape_debug())
}

/// Checks the shape and sizes of an assessment record, naming the first field at fault.
fn check_record(record: &Value, path: &str) -> Result<(), ImportError> {
    let object = record
        .as_object()
        .ok_or_else(|| wrong_type(path, "an assessment record (an object)"))?;
    let field = |name: &str| format!("{path}.{name}");

    if let Some(meta) = object.get("meta") {
        let meta_path = field("meta");
        let meta = meta
            .as_object()
            .ok_or_else(|| wrong_type(&meta_path, "an object"))?;
        for name in [
            "name",
            "region",
            "sector",
            "respondent_role",
            "date",
            "bank_version",
        ] {
            if let Some(value) = meta.get(name) {
                let here = format!("{meta_path}.{name}");
                let text = value.as_str().ok_or_else(|| wrong_type(&here, "text"))?;
                check_length(text, &here, MAX_META_CHARS)?;
            }
        }
    }

    if let Some(answers) = object.get("answers") {
        let answers_path = field("answers");
        let answers = answers
            .as_object()
            .ok_or_else(|| wrong_type(&answers_path, "an object of answers by question id"))?;
        if answers.len() > MAX_ANSWERS {
            return Err(out_of_range(
                &answers_path,
                format!(
                    "holds {} answers; the most accepted is {MAX_ANSWERS}",
                    answers.len()
                ),
            ));
        }
        for (id, answer) in answers {
            let here = keyed(&answers_path, id);
            check_length(id, &here, MAX_ID_CHARS)?;
            match answer {
                Value::String(word) => check_length(word, &here, MAX_ID_CHARS)?,
                Value::Number(number) => {
                    if let Some(count) = number.as_u64() {
                        if count > u64::from(MAX_COUNT) {
                            return Err(out_of_range(
                                &here,
                                format!("is {count}; a count may be at most {MAX_COUNT}"),
                            ));
                        }
                    } else if number.as_i64().is_some() {
                        return Err(out_of_range(&here, "is negative; a count cannot be"));
                    } else {
                        return Err(wrong_type(&here, "a whole number"));
                    }
                }
                _ => {
                    return Err(wrong_type(
                        &here,
                        "an answer word such as \"done\", or a count",
                    ))
                }
            }
        }
    }

    if let Some(notes) = object.get("notes") {
        let notes_path = field("notes");
        let notes = notes
            .as_object()
            .ok_or_else(|| wrong_type(&notes_path, "an object of notes by question id"))?;
        if notes.len() > MAX_ANSWERS {
            return Err(out_of_range(
                &notes_path,
                format!(
                    "holds {} notes; the most accepted is {MAX_ANSWERS}",
                    notes.len()
                ),
            ));
        }
        for (id, note) in notes {
            let here = keyed(&notes_path, id);
            check_length(id, &here, MAX_ID_CHARS)?;
            let text = note.as_str().ok_or_else(|| wrong_type(&here, "text"))?;
            check_length(text, &here, MAX_NOTE_CHARS)?;
        }
    }

    if let Some(request) = object.get("ta_request") {
        let request_path = field("ta_request");
        let request = request
            .as_object()
            .ok_or_else(|| wrong_type(&request_path, "an object"))?;
        if let Some(areas) = request.get("areas") {
            let areas_path = format!("{request_path}.areas");
            let areas = areas
                .as_array()
                .ok_or_else(|| wrong_type(&areas_path, "a list of help-area ids"))?;
            if areas.len() > MAX_HELP_AREAS {
                return Err(out_of_range(
                    &areas_path,
                    format!(
                        "holds {} areas; the most accepted is {MAX_HELP_AREAS}",
                        areas.len()
                    ),
                ));
            }
            for (at, area) in areas.iter().enumerate() {
                let here = format!("{areas_path}[{at}]");
                let id = area.as_str().ok_or_else(|| wrong_type(&here, "text"))?;
                check_length(id, &here, MAX_ID_CHARS)?;
            }
        }
        if let Some(text) = request.get("text") {
            let here = format!("{request_path}.text");
            let text = text.as_str().ok_or_else(|| wrong_type(&here, "text"))?;
            check_length(text, &here, MAX_TA_TEXT_CHARS)?;
        }
    }
    Ok(())
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
pub(crate) fn csv_cell(text: &str) -> String {
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
