//! The group view's files: its CSV and JSON for the coach, and the group one browser tab
//! keeps between reloads. A format over the domain's `GroupView`, as the export is over the
//! assessment.

use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::share_link::decode_share_link;
use crate::share_link::encode_share_link;
use readiness_domain::bank::{Bank, Phase, Question, QuestionKind, Section};
use readiness_domain::group::{scale_position, GroupView, Respondent};
use readiness_formats::export::csv_cell;

pub use readiness_formats::link_types::KeptMember;

/// The `format` field of the group view's JSON file.
pub const GROUP_FORMAT: &str = "readiness-check/group";

/// The version of the group view's JSON file this build writes.
pub const GROUP_VERSION: u64 = 1;

/// The group view as CSV, one row per question in the view's order (disagreements first).
///
/// Columns: `section,question_id,question`, then one column per respondent headed by their
/// label, holding the answer in words (a count as its number, empty when unanswered), then
/// `mean` (the mean scale position to one decimal, empty for counts), `range` ("Started to
/// Done", or the lowest and highest count) and `disagreement` (`yes` or `no`). Quoting and the
/// guard against spreadsheet formulas are those of [`answers_csv`](readiness_formats::export::answers_csv), for
/// labels as much as answers.
pub fn group_csv(view: &GroupView) -> String {
    let bank = view.bank;
    let mut out = String::new();
    let mut header: Vec<String> = ["section", "question_id", "question"]
        .map(String::from)
        .to_vec();
    header.extend(view.respondents.iter().map(|r| r.label.to_string()));
    header.extend(["mean", "range", "disagreement"].map(String::from));
    push_row(&mut out, &header);
    for row in &view.questions {
        let mut cells = vec![
            row.section.heading(),
            row.question.id().to_string(),
            row.question.text().to_string(),
        ];
        cells.extend(
            row.answers
                .iter()
                .map(|answer| answer.map(|a| bank.answer_label(&a)).unwrap_or_default()),
        );
        cells.push(row.mean.map(|m| format!("{m:.1}")).unwrap_or_default());
        cells.push(row.range_in_words(bank));
        cells.push(if row.disagreement { "yes" } else { "no" }.to_string());
        push_row(&mut out, &cells);
    }
    out
}

/// Appends one CSV line, each cell guarded and quoted, ending with CRLF.
fn push_row(out: &mut String, cells: &[String]) {
    for (at, cell) in cells.iter().enumerate() {
        if at > 0 {
            out.push(',');
        }
        let _ = write!(out, "{}", csv_cell(cell));
    }
    out.push_str("\r\n");
}

/// The group view as a JSON file, pretty-printed, for people and other tools to read. It is
/// computed from the answers and never read back by the app.
///
/// ```json
/// {"format": "readiness-check/group", "version": 1, "bank_version": "2026.1",
///  "respondents": [{"label": "Ana", "region": "...", "sector": "...", "role": "...",
///     "date": "...", "bank_version": "2026.1", "where_you_are": "You are at step 3, ...",
///     "leading_phase": "Forming", "answered": 40,
///     "blocks": [{"question_id": "s3.ceo-champions", "step": "Step 3, Prepare to launch",
///                 "condition": "At least two CEO champions ..."}], "to_confirm": []}],
///  "steps": [{"section_id": "s1", "heading": "Step 1, ...", "readiness": [80, null],
///     "mean": 80, "min": 80, "max": 80, "blocked_for": ["Ben"], "to_confirm_for": []}],
///  "questions": [{"section_id": "s1", "question_id": "s1.convener", "question": "...",
///     "kind": "scale", "answers": [{"respondent": "Ana", "answer": "Done", "position": 3},
///                                   {"respondent": "Ben", "answer": null, "position": null}],
///     "mean": 3.0, "min": 3, "max": 3, "spread": 0, "count_min": null, "count_max": null,
///     "disagreement": false}],
///  "unmatched": [{"respondent": "Ben", "question_id": "s9.old-question"}]}
/// ```
///
/// Readiness figures are in respondent order, `null` when there are not enough answers.
/// Answers are a list in respondent order, each naming its respondent, because two people may
/// share a label. `answer` is the answer in words (a count as its number), `position` its scale
/// position (`null` for counts, Don't know and Not applicable); `blocked_for` and
/// `to_confirm_for` list labels: those blocked by a gate of the step, and those who began the
/// step without confirming one of its gates.
pub fn group_json(view: &GroupView) -> String {
    let bank = view.bank;
    let label_of = |at: usize| view.respondents.get(at).map_or("", |r| r.label);
    let file = GroupFile {
        format: GROUP_FORMAT,
        version: GROUP_VERSION,
        bank_version: bank.version(),
        respondents: view
            .respondents
            .iter()
            .map(|r| {
                let meta = &r.assessment.meta;
                GroupFileRespondent {
                    label: r.label,
                    region: &meta.region,
                    sector: &meta.sector,
                    role: &meta.respondent_role,
                    date: &meta.date,
                    bank_version: r.bank_version,
                    where_you_are: r.where_you_are.sentence(),
                    leading_phase: r.leading_phase.map(Phase::name),
                    answered: r.answered,
                    blocks: r.blocks.iter().map(|q| gate_entry(bank, q)).collect(),
                    to_confirm: r.to_confirm.iter().map(|q| gate_entry(bank, q)).collect(),
                }
            })
            .collect(),
        steps: view
            .steps
            .iter()
            .map(|step| GroupFileStep {
                section_id: step.section.id(),
                heading: step.section.heading(),
                readiness: &step.readiness,
                mean: step.mean,
                min: step.min,
                max: step.max,
                blocked_for: step.blocked_for.iter().map(|&at| label_of(at)).collect(),
                to_confirm_for: step.to_confirm_for.iter().map(|&at| label_of(at)).collect(),
            })
            .collect(),
        questions: view
            .questions
            .iter()
            .map(|row| {
                let counts = row.count_range();
                GroupFileQuestion {
                    section_id: row.section.id(),
                    question_id: row.question.id(),
                    question: row.question.text(),
                    kind: kind_name(row.question.kind()),
                    answers: row
                        .answers
                        .iter()
                        .enumerate()
                        .map(|(at, answer)| GroupFileAnswer {
                            respondent: label_of(at),
                            answer: answer.map(|a| bank.answer_label(&a)),
                            position: answer.and_then(scale_position),
                        })
                        .collect(),
                    mean: row.mean,
                    min: row.min,
                    max: row.max,
                    spread: row.spread(),
                    count_min: counts.map(|(lo, _)| lo),
                    count_max: counts.map(|(_, hi)| hi),
                    disagreement: row.disagreement,
                }
            })
            .collect(),
        unmatched: view
            .unmatched
            .iter()
            .map(|u| GroupFileUnmatched {
                respondent: u.label,
                question_id: u.question_id,
            })
            .collect(),
    };
    // Serialising strings, numbers and lists cannot fail.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

// The group file's shape, version 1. Like the export, it is written from these types and no
// other way, so the documentation above and the file cannot drift apart.

#[derive(Serialize)]
struct GroupFile<'a> {
    format: &'static str,
    version: u64,
    bank_version: &'a str,
    respondents: Vec<GroupFileRespondent<'a>>,
    steps: Vec<GroupFileStep<'a>>,
    questions: Vec<GroupFileQuestion<'a>>,
    unmatched: Vec<GroupFileUnmatched<'a>>,
}

#[derive(Serialize)]
struct GroupFileRespondent<'a> {
    label: &'a str,
    region: &'a str,
    sector: &'a str,
    role: &'a str,
    date: &'a str,
    bank_version: &'a str,
    where_you_are: String,
    leading_phase: Option<&'static str>,
    answered: usize,
    blocks: Vec<GroupFileBlock<'a>>,
    to_confirm: Vec<GroupFileBlock<'a>>,
}

fn gate_entry<'a>(bank: &Bank, question: &'a Question) -> GroupFileBlock<'a> {
    GroupFileBlock {
        question_id: question.id(),
        step: bank.section_of(question.id()).map(Section::heading),
        condition: question.gate().unwrap_or(question.text()),
    }
}

#[derive(Serialize)]
struct GroupFileBlock<'a> {
    question_id: &'a str,
    step: Option<String>,
    condition: &'a str,
}

#[derive(Serialize)]
struct GroupFileStep<'a> {
    section_id: &'a str,
    heading: String,
    readiness: &'a [Option<u8>],
    mean: Option<u8>,
    min: Option<u8>,
    max: Option<u8>,
    blocked_for: Vec<&'a str>,
    to_confirm_for: Vec<&'a str>,
}

#[derive(Serialize)]
struct GroupFileQuestion<'a> {
    section_id: &'a str,
    question_id: &'a str,
    question: &'a str,
    kind: &'static str,
    answers: Vec<GroupFileAnswer<'a>>,
    mean: Option<f32>,
    min: Option<u8>,
    max: Option<u8>,
    spread: u8,
    count_min: Option<u32>,
    count_max: Option<u32>,
    disagreement: bool,
}

#[derive(Serialize)]
struct GroupFileAnswer<'a> {
    respondent: &'a str,
    answer: Option<String>,
    position: Option<u8>,
}

#[derive(Serialize)]
struct GroupFileUnmatched<'a> {
    respondent: &'a str,
    question_id: &'a str,
}

/// The kind of a question as the group JSON names it, the same words as `bank.json`.
fn kind_name(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Scale => "scale",
        QuestionKind::Agreement(_) => "agreement",
        QuestionKind::Count(_) => "count",
        QuestionKind::YesNo { .. } => "yes_no",
        QuestionKind::Pitfall(_) => "pitfall",
    }
}

/// The `format` field of a group kept between reloads of one browser tab.
pub const KEPT_GROUP_FORMAT: &str = "readiness-check/kept-group";

/// The group as one tab keeps it, version 1: each respondent with its answers as a share link.
#[derive(Serialize, Deserialize)]
struct KeptGroupFile {
    format: String,
    version: u64,
    respondents: Vec<KeptRespondent>,
}

/// One respondent as the app keeps it between reloads of one tab: everything the Compare
/// screen shows about them, with their answers as a share-link fragment. This shape is the
/// stored text's: a group kept by an earlier build must still read.
#[derive(Serialize, Deserialize)]
struct KeptRespondent {
    label: String,
    hidden: bool,
    origin: String,
    #[serde(default)]
    left_out: Vec<String>,
    link: String,
}

/// Writes the members of the Compare screen's group so that a reload of the tab keeps them:
/// `{"format": "readiness-check/kept-group", "version": 1, "respondents": [{"label", "hidden",
/// "origin", "left_out", "link"}]}`, each assessment as its share-link fragment.
pub fn encode_kept_group(bank: &Bank, members: &[KeptMember]) -> String {
    let file = KeptGroupFile {
        format: KEPT_GROUP_FORMAT.to_string(),
        version: GROUP_VERSION,
        respondents: members
            .iter()
            .map(|m| KeptRespondent {
                label: m.respondent.label.clone(),
                hidden: m.hidden,
                origin: m.origin.clone(),
                left_out: m.left_out.clone(),
                link: encode_share_link(bank, &m.respondent.assessment),
            })
            .collect(),
    };
    // Serialising strings, booleans and lists cannot fail.
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads what [`encode_kept_group`] wrote. Anything that is not exactly that shape is refused
/// whole with a sentence saying so: the group is only a working copy of results the person
/// still has as links or files, so nothing is half-restored.
pub fn decode_kept_group(bank: &Bank, text: &str) -> Result<Vec<KeptMember>, String> {
    let damaged =
        |what: &str| format!("The comparison kept in this tab could not be read ({what})");
    let value: Value = serde_json::from_str(text).map_err(|_| damaged("it is not JSON"))?;
    if value.get("format").and_then(Value::as_str) != Some(KEPT_GROUP_FORMAT)
        || value.get("version").and_then(Value::as_u64) != Some(GROUP_VERSION)
    {
        return Err(damaged("its format is not one this version reads"));
    }
    if !value.get("respondents").is_some_and(Value::is_array) {
        return Err(damaged("it has no list of respondents"));
    }
    let file: KeptGroupFile =
        serde_json::from_value(value).map_err(|_| damaged("a respondent is missing a part"))?;
    file.respondents
        .into_iter()
        .map(|kept| {
            let shared =
                decode_share_link(bank, &kept.link).map_err(|error| damaged(&error.to_string()))?;
            let mut left_out = kept.left_out;
            left_out.extend(shared.skipped.iter().map(|s| s.to_string()));
            Ok(KeptMember {
                respondent: Respondent {
                    label: kept.label,
                    assessment: shared.assessment,
                },
                hidden: kept.hidden,
                origin: kept.origin,
                left_out,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
