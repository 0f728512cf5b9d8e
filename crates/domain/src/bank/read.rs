//! Reading the raw shapes of `bank.json` into the public types: texts trimmed, kinds typed,
//! the index of questions by id built. Reading checks nothing and cannot fail; whatever it is
//! given has passed [`super::check::check`] (a bank read from JSON) or the bank's tests (the
//! built-in static, read on the app's start-up path, where the checks' code stays out).

use std::collections::HashMap;

use super::shapes;
use super::{
    Bank, CountRange, HelpArea, Phase, PitfallKind, Question, QuestionKind, RetiredQuestion,
    Scales, Section, SectionKind, Source, SourceDoc,
};

/// A required text, trimmed.
fn text(value: &str) -> String {
    value.trim().to_string()
}

/// An optional text, trimmed; a blank one is none.
fn optional_text(value: Option<&str>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn source(raw: &shapes::Source) -> Source {
    Source {
        seed: raw.seed.to_string(),
        part: text(&raw.part),
    }
}

fn phase(raw: shapes::Phase) -> Phase {
    match raw {
        shapes::Phase::Forming => Phase::Forming,
        shapes::Phase::Norming => Phase::Norming,
        shapes::Phase::Storming => Phase::Storming,
        shapes::Phase::Performing => Phase::Performing,
    }
}

/// The kind of a question from its raw fields; a count gets an open range here (a question's
/// range is filled in by [`question`]). The checks guarantee a phase and a pitfall kind where
/// the arms need them, so the fallbacks are never taken.
fn kind_of(
    kind: shapes::Kind,
    raw_phase: Option<shapes::Phase>,
    pitfall: Option<shapes::PitfallKind>,
    expected: Option<bool>,
) -> QuestionKind {
    match kind {
        shapes::Kind::Scale => QuestionKind::Scale,
        shapes::Kind::Agreement => QuestionKind::Agreement(raw_phase.map_or(Phase::Forming, phase)),
        shapes::Kind::Count => QuestionKind::Count(CountRange {
            min: None,
            max: None,
            not_more_than: None,
            below: None,
            above: None,
        }),
        shapes::Kind::YesNo => QuestionKind::YesNo {
            expected: expected.unwrap_or(true),
        },
        shapes::Kind::Pitfall => QuestionKind::Pitfall(match pitfall {
            Some(shapes::PitfallKind::Pitfall) | None => PitfallKind::Pitfall,
            Some(shapes::PitfallKind::Objection) => PitfallKind::Objection,
            Some(shapes::PitfallKind::Missing) => PitfallKind::Missing,
        }),
    }
}

fn question(raw: &shapes::Question) -> Question {
    let kind = match raw.kind {
        shapes::Kind::Count => QuestionKind::Count(CountRange {
            min: raw.min,
            max: raw.max,
            not_more_than: raw.not_more_than.as_deref().map(String::from),
            below: optional_text(raw.below.as_deref()),
            above: optional_text(raw.above.as_deref()),
        }),
        other => kind_of(other, raw.phase, raw.pitfall, raw.expected),
    };
    Question {
        id: raw.id.to_string(),
        label: optional_text(raw.label.as_deref()),
        text: text(&raw.text),
        help: optional_text(raw.help.as_deref()),
        source: source(&raw.source),
        kind,
        gate: raw.gate.as_deref().map(text),
        why: optional_text(raw.why.as_deref()),
        advice: text(&raw.advice),
        phase_sign: raw.phase_sign.map(phase),
        table_check: raw.table_check.unwrap_or(false),
        since: raw.since.as_deref().map(String::from),
        dont_know_is_not_yet: raw.gate_dont_know == Some(shapes::GateDontKnow::NotYet),
        presupposes: raw.presupposes.as_deref().map(String::from),
        bridges_to: raw.bridges_to.as_deref().map(String::from),
    }
}

fn section(raw: &shapes::Section) -> Section {
    Section {
        id: raw.id.to_string(),
        kind: match raw.kind {
            shapes::SectionKind::LaunchStep => SectionKind::LaunchStep(raw.step.unwrap_or(0)),
            shapes::SectionKind::Phases => SectionKind::Phases,
            shapes::SectionKind::Table => SectionKind::Table,
            shapes::SectionKind::Pitfalls => SectionKind::Pitfalls,
        },
        title: text(&raw.title),
        intro: text(&raw.intro),
        source: source(&raw.source),
        questions: raw.questions.iter().map(question).collect(),
    }
}

fn retired(raw: &shapes::Retired) -> RetiredQuestion {
    RetiredQuestion {
        id: raw.id.to_string(),
        kind: kind_of(raw.kind, raw.phase, raw.pitfall, raw.expected),
        text: text(&raw.text),
        retired_in: text(&raw.retired_in),
        moved_to: raw.moved_to.iter().map(|id| id.to_string()).collect(),
        note: text(&raw.note),
    }
}

fn scales(raw: &shapes::Scales) -> Scales {
    Scales {
        scale: raw.scale.clone().map(String::from),
        agreement: raw.agreement.clone().map(String::from),
        pitfall: raw.pitfall.clone().map(String::from),
        yes_no: raw.yes_no.clone().map(String::from),
        dont_know: raw.dont_know.to_string(),
        not_applicable: raw.not_applicable.to_string(),
    }
}

/// Reads a raw bank into a [`Bank`], without a check.
pub(super) fn bank(raw: &shapes::Bank) -> Bank {
    let sections: Vec<Section> = raw.sections.iter().map(section).collect();
    let mut index = HashMap::new();
    for (s, section) in sections.iter().enumerate() {
        for (q, question) in section.questions.iter().enumerate() {
            index.insert(question.id.clone(), (s, q));
        }
    }
    Bank {
        version: text(&raw.bank_version),
        scales: scales(&raw.scales),
        sources: raw
            .sources
            .iter()
            .map(|doc| SourceDoc {
                seed: doc.seed.to_string(),
                title: text(&doc.title),
                by: doc.by.to_string(),
                used_for: text(&doc.used_for),
            })
            .collect(),
        sections,
        help_areas: raw
            .help_areas
            .iter()
            .map(|area| HelpArea {
                id: area.id.to_string(),
                label: text(&area.label),
                section: area.section.as_deref().map(String::from),
            })
            .collect(),
        retired: raw.retired.iter().map(retired).collect(),
        index,
    }
}
