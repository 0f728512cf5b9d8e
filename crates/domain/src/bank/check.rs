//! The checks of a bank: every rule a bank keeps beyond the shape of its JSON, run on the raw
//! shapes before [`super::read`] reads them. [`Bank::from_json`](super::Bank::from_json) runs
//! them on any bank text, and the bank's tests on `bank.json`; the app's start-up path
//! (`Bank::builtin`) never calls them, so their code and messages stay out of its wasm.
//!
//! The checks run in the order of the bank's text (the version, the sources, each section and
//! its questions, the references between questions, the help areas, the scales, the retired
//! questions), and the first rule broken is the refusal.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use super::shapes::{Bank, Kind, Question, Retired, Scales, SectionKind, Source};
use super::{version_key, BankError, SEEDS};

/// Ids are short and readable so they can appear in share links and exports unchanged.
fn usable_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

/// A required text must not be blank.
fn text(item: &str, field: &'static str, value: &str) -> Result<(), BankError> {
    if value.trim().is_empty() {
        return Err(BankError::EmptyText {
            item: item.to_string(),
            field,
        });
    }
    Ok(())
}

/// An optional text that is blank counts as missing.
fn present(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

fn source(item: &str, raw: &Source, seeds: &HashSet<&str>) -> Result<(), BankError> {
    if !seeds.contains(&*raw.seed) {
        return Err(BankError::UnknownSeed {
            item: item.to_string(),
            seed: raw.seed.to_string(),
        });
    }
    text(item, "source part", &raw.part)
}

fn bad(id: &str, problem: &str) -> BankError {
    BankError::BadQuestion {
        id: id.to_string(),
        problem: problem.to_string(),
    }
}

fn question(
    raw: &Question,
    section_kind: SectionKind,
    seeds: &HashSet<&str>,
) -> Result<(), BankError> {
    let id = &*raw.id;
    if !usable_id(id) {
        return Err(BankError::BadId {
            item: "question",
            id: id.to_string(),
        });
    }
    let item = format!("Question \"{id}\"");
    let fits_section = matches!(
        (section_kind, raw.kind),
        (SectionKind::LaunchStep, Kind::Scale | Kind::YesNo)
            | (SectionKind::Phases, Kind::Agreement)
            | (SectionKind::Table, Kind::Count | Kind::YesNo)
            | (SectionKind::Pitfalls, Kind::Pitfall)
    );
    if !fits_section {
        return Err(bad(id, "is of a kind its section does not take: launch steps take \"scale\" or \"yes_no\", phases \"agreement\", the table \"count\" or \"yes_no\", pitfalls \"pitfall\""));
    }
    if raw.phase.is_some() != (raw.kind == Kind::Agreement) {
        return Err(bad(
            id,
            "needs a \"phase\" if and only if it is an \"agreement\" question",
        ));
    }
    if raw.pitfall.is_some() != (raw.kind == Kind::Pitfall) {
        return Err(bad(id, "needs a \"pitfall\" kind (pitfall, objection or missing) if and only if it is a \"pitfall\" question"));
    }
    if raw.expected.is_some() != (raw.kind == Kind::YesNo) {
        return Err(bad(
            id,
            "needs an \"expected\" answer if and only if it is a \"yes_no\" question",
        ));
    }
    let count_fields = raw.min.is_some()
        || raw.max.is_some()
        || raw.not_more_than.is_some()
        || raw.below.is_some()
        || raw.above.is_some();
    if raw.kind != Kind::Count && count_fields {
        return Err(bad(
            id,
            "has \"min\", \"max\", \"not_more_than\", \"below\" or \"above\", which only counts take",
        ));
    }
    if (raw.below.is_some() && raw.min.is_none()) || (raw.above.is_some() && raw.max.is_none()) {
        return Err(bad(
            id,
            "has a \"below\" note without a \"min\", or an \"above\" note without a \"max\"",
        ));
    }
    if raw.phase_sign.is_some() && !matches!(raw.kind, Kind::Scale | Kind::Pitfall) {
        return Err(bad(
            id,
            "has a \"phase_sign\", which only launch-step and pitfall questions take (a phase statement has its \"phase\")",
        ));
    }
    let table_check = raw.table_check.unwrap_or(false);
    if table_check && section_kind != SectionKind::LaunchStep {
        return Err(bad(
            id,
            "is a \"table_check\" but only launch-step questions can be read as role checks",
        ));
    }
    if let (Some(min), Some(max)) = (raw.min, raw.max) {
        if min > max {
            return Err(bad(id, "has a \"min\" larger than its \"max\""));
        }
    }
    let checked = matches!(raw.kind, Kind::Count | Kind::YesNo) || table_check;
    if checked && !present(raw.label.as_deref()) {
        return Err(bad(
            id,
            "is a count or role check without a short \"label\"",
        ));
    }
    if checked && !present(raw.why.as_deref()) {
        return Err(bad(
            id,
            "is a count or role check without a \"why\": say why the expectation matters",
        ));
    }
    if let Some(condition) = &raw.gate {
        if raw.kind != Kind::Scale {
            return Err(bad(
                id,
                "is marked as a gate but only launch-step scale questions can be gates",
            ));
        }
        text(&item, "gate condition", condition)?;
    }
    if raw.gate_dont_know.is_some() && raw.gate.is_none() {
        return Err(bad(id, "has a \"gate_dont_know\" but is not a gate"));
    }
    if raw.advice.trim().is_empty() {
        return Err(BankError::MissingAdvice { id: id.to_string() });
    }
    if raw
        .since
        .as_deref()
        .is_some_and(|v| version_key(v).is_none())
    {
        return Err(bad(
            id,
            "has a \"since\" that is not a bank version such as 2026.2",
        ));
    }
    text(&item, "text", &raw.text)?;
    source(&item, &raw.source, seeds)
}

/// The retired questions: unused ids, a version, a note, and successors that are in the bank
/// and take the same kind of answer.
fn retired(raw: &[Retired], questions: &HashMap<&str, &Question>) -> Result<(), BankError> {
    let mut seen = HashSet::new();
    for item in raw {
        let id = &*item.id;
        if !usable_id(id) {
            return Err(BankError::BadId {
                item: "retired question",
                id: id.to_string(),
            });
        }
        if questions.contains_key(id) || !seen.insert(id) {
            return Err(BankError::DuplicateId {
                item: "question",
                id: id.to_string(),
            });
        }
        let name = format!("Retired question \"{id}\"");
        if item.phase.is_some() != (item.kind == Kind::Agreement)
            || item.pitfall.is_some() != (item.kind == Kind::Pitfall)
            || item.expected.is_some() != (item.kind == Kind::YesNo)
        {
            return Err(bad(id, "has fields its kind does not take, or lacks one it needs (\"phase\", \"pitfall\" or \"expected\")"));
        }
        if version_key(&item.retired_in).is_none() {
            return Err(bad(
                id,
                "has a \"retired_in\" that is not a bank version such as 2026.2",
            ));
        }
        for target in item.moved_to.iter() {
            let same_kind = questions
                .get(&**target)
                .is_some_and(|successor| successor.kind == item.kind);
            if !same_kind {
                return Err(BankError::UnknownReference {
                    item: name,
                    target: target.to_string(),
                });
            }
        }
        text(&name, "text", &item.text)?;
        text(&name, "note", &item.note)?;
    }
    Ok(())
}

fn scales(raw: &Scales) -> Result<(), BankError> {
    let all = raw
        .scale
        .iter()
        .chain(&raw.agreement)
        .chain(&raw.pitfall)
        .chain(&raw.yes_no)
        .chain([&raw.dont_know, &raw.not_applicable]);
    for label in all {
        if label.trim().is_empty() {
            return Err(BankError::EmptyText {
                item: "The answer scales".to_string(),
                field: "label",
            });
        }
    }
    Ok(())
}

/// Checks every rule a bank keeps and refuses the first one broken, with a message naming the
/// item at fault.
pub(super) fn check(raw: &Bank) -> Result<(), BankError> {
    text("The bank", "bank_version", &raw.bank_version)?;

    let mut seeds = HashSet::new();
    for doc in raw.sources.iter() {
        let seed = &*doc.seed;
        let item = format!("Source \"{seed}\"");
        if !SEEDS.contains(&seed) {
            return Err(BankError::UnknownSeed {
                item,
                seed: seed.to_string(),
            });
        }
        if !seeds.insert(seed) {
            return Err(BankError::DuplicateId {
                item: "source",
                id: seed.to_string(),
            });
        }
        text(&item, "title", &doc.title)?;
        text(&item, "used_for", &doc.used_for)?;
    }

    let mut section_ids = HashSet::new();
    // Each question by id, with the launch step of its section (`None` for other sections).
    let mut questions: HashMap<&str, &Question> = HashMap::new();
    let mut steps: HashMap<&str, Option<u8>> = HashMap::new();
    let mut next_step: u8 = 1;
    let mut seen_kinds = HashSet::new();
    for section in raw.sections.iter() {
        let id = &*section.id;
        if !usable_id(id) {
            return Err(BankError::BadId {
                item: "section",
                id: id.to_string(),
            });
        }
        if !section_ids.insert(id) {
            return Err(BankError::DuplicateId {
                item: "section",
                id: id.to_string(),
            });
        }
        let item = format!("Section \"{id}\"");
        let step = match section.kind {
            SectionKind::LaunchStep => {
                let found = section.step.unwrap_or(0);
                if found != next_step {
                    return Err(BankError::StepOrder {
                        section: id.to_string(),
                        found,
                        expected: next_step,
                    });
                }
                next_step = next_step.saturating_add(1);
                Some(found)
            }
            other => {
                if let Some(found) = section.step {
                    return Err(BankError::StepOrder {
                        section: id.to_string(),
                        found,
                        expected: 0,
                    });
                }
                let name = match other {
                    SectionKind::Phases => "phases",
                    SectionKind::Table => "table",
                    _ => "pitfalls",
                };
                if !seen_kinds.insert(name) {
                    return Err(BankError::RepeatedSection { kind: name });
                }
                None
            }
        };
        for raw_question in section.questions.iter() {
            question(raw_question, section.kind, &seeds)?;
            if questions.insert(&raw_question.id, raw_question).is_some() {
                return Err(BankError::DuplicateId {
                    item: "question",
                    id: raw_question.id.to_string(),
                });
            }
            steps.insert(&raw_question.id, step);
        }
        if section.questions.is_empty() {
            return Err(BankError::EmptyText {
                item,
                field: "list of questions",
            });
        }
        text(&item, "title", &section.title)?;
        text(&item, "intro", &section.intro)?;
        source(&item, &section.source, &seeds)?;
    }

    // A comparison between counts must name another count, or the check could never run;
    // a presupposed gate must be a gate of this bank in the same step or an earlier one,
    // and a bridge must lead to a gate of the same step or a later one.
    let step_of = |id: &str| steps.get(id).copied().flatten();
    let is_gate = |id: &str| questions.get(id).is_some_and(|q| q.gate.is_some());
    // The gate's step compared with the question's: `Less` for an earlier step.
    let gate_step = |question: &str, gate: &str| {
        step_of(gate)
            .zip(step_of(question))
            .filter(|_| is_gate(gate) && gate != question)
            .map(|(gate_step, step)| gate_step.cmp(&step))
    };
    for question in raw.sections.iter().flat_map(|s| s.questions.iter()) {
        let id = &*question.id;
        if let Some(gate) = question.bridges_to.as_deref() {
            if gate_step(id, gate).is_none_or(|o| o == Ordering::Less) {
                return Err(bad(
                    id,
                    "\"bridges_to\" a question that is not a gate of the same launch step or a later one",
                ));
            }
        }
        if let Some(gate) = question.presupposes.as_deref() {
            if gate_step(id, gate).is_none_or(|o| o == Ordering::Greater) {
                return Err(bad(
                    id,
                    "\"presupposes\" a question that is not a gate of the same launch step or an earlier one",
                ));
            }
        }
        if let Some(other) = question.not_more_than.as_deref() {
            let target_is_count = questions.get(other).is_some_and(|q| q.kind == Kind::Count);
            if !target_is_count || other == id {
                return Err(BankError::UnknownReference {
                    item: format!("Question \"{id}\""),
                    target: other.to_string(),
                });
            }
        }
    }

    let mut help_ids = HashSet::new();
    for area in raw.help_areas.iter() {
        let id = &*area.id;
        if !usable_id(id) {
            return Err(BankError::BadId {
                item: "help area",
                id: id.to_string(),
            });
        }
        if !help_ids.insert(id) {
            return Err(BankError::DuplicateId {
                item: "help area",
                id: id.to_string(),
            });
        }
        let item = format!("Help area \"{id}\"");
        if let Some(section) = area.section.as_deref() {
            if !section_ids.contains(section) {
                return Err(BankError::UnknownReference {
                    item,
                    target: section.to_string(),
                });
            }
        }
        text(&item, "label", &area.label)?;
    }

    scales(&raw.scales)?;
    retired(&raw.retired, &questions)
}
