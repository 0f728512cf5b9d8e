//! The readiness report: everything the person sees after answering, computed afresh from the
//! bank and the assessment every time.
//!
//! The report borrows from both, so making one is cheap and it can never drift from the
//! answers it describes. Its Markdown rendering lives in [`crate::summary`].

use crate::answer::{Answer, PitfallLevel, ScalePoint};
use crate::assessment::Assessment;
use crate::bank::{Bank, HelpArea, Question, Section, SectionKind};
use crate::scoring::{
    fitting_answer, phase_profile, section_scores, table_checks, Band, PhaseProfile, SectionScore,
    TableCheck, WhereYouAre,
};
use crate::small_sort::sort_stable_by_key;

/// A pitfall, objection or missing element reported as happening here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PitfallFlag<'a> {
    /// The pitfall-watch item.
    pub question: &'a Question,
    /// How much it is happening: `Yes` or `ALittle`.
    pub level: PitfallLevel,
    /// The tip or response that answers it.
    pub tip: &'a str,
}

/// A launch-step question answered Done, or Mostly in a step that is Strong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strength<'a> {
    /// The question.
    pub question: &'a Question,
    /// Its step.
    pub section: &'a Section,
    /// The answer given.
    pub answer: ScalePoint,
}

/// A launch-step question answered Not yet or Started, with the advice for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap<'a> {
    /// The question.
    pub question: &'a Question,
    /// Its step.
    pub section: &'a Section,
    /// The answer given.
    pub answer: ScalePoint,
    /// True for a gate answered Not yet, which blocks its step.
    pub blocking: bool,
}

impl<'a> Gap<'a> {
    /// The next step advised.
    pub fn advice(&self) -> &'a str {
        self.question.advice()
    }
}

/// A note written on a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteLine<'a> {
    /// The question the note is on.
    pub question: &'a Question,
    /// The note.
    pub text: &'a str,
}

/// The TA request, with help areas resolved to their labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaSummary<'a> {
    /// The chosen help areas, in bank order.
    pub areas: Vec<&'a HelpArea>,
    /// The free text, trimmed.
    pub text: &'a str,
}

impl TaSummary<'_> {
    /// True when no help was asked for.
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty() && self.text.is_empty()
    }
}

/// Why part of an assessment was left out of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredReason {
    /// The answer's question is not in this bank (perhaps from another bank version).
    UnknownQuestion,
    /// The answer does not fit its question's kind.
    WrongKind,
    /// The note's question is not in this bank.
    UnknownNote,
    /// The help area is not in this bank.
    UnknownHelpArea,
}

/// Something in the assessment that the report could not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored<'a> {
    /// The id of the question or help area.
    pub id: &'a str,
    /// Why it was left out.
    pub reason: IgnoredReason,
}

/// The full report on one assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<'a> {
    /// The bank scored against.
    pub bank: &'a Bank,
    /// The assessment scored.
    pub assessment: &'a Assessment,
    /// Scores of every section, in bank order.
    pub sections: Vec<SectionScore<'a>>,
    /// Where the partnership stands among the launch steps.
    pub where_you_are: WhereYouAre<'a>,
    /// The phase profile.
    pub phases: PhaseProfile,
    /// Who-is-at-the-table checks, in bank order.
    pub table: Vec<TableCheck<'a>>,
    /// Pitfalls flagged: Yes before A little, then in bank order.
    pub pitfalls: Vec<PitfallFlag<'a>>,
    /// Strengths, in bank order.
    pub strengths: Vec<Strength<'a>>,
    /// Gaps: gates first, then the weakest answers, then bank order.
    pub gaps: Vec<Gap<'a>>,
    /// Questions answered Don't know, in bank order: to discuss with a coach.
    pub dont_knows: Vec<&'a Question>,
    /// Questions answered Not applicable, in bank order.
    pub not_applicable: Vec<&'a Question>,
    /// Notes, in bank order.
    pub notes: Vec<NoteLine<'a>>,
    /// The TA request.
    pub ta_request: TaSummary<'a>,
    /// Parts of the assessment the report could not use.
    pub ignored: Vec<Ignored<'a>>,
}

impl<'a> Report<'a> {
    /// The launch-step scores, in order.
    pub fn launch_steps(&self) -> impl Iterator<Item = &SectionScore<'a>> {
        self.sections.iter().filter(|s| s.section.step().is_some())
    }

    /// The score of the section with this id.
    pub fn section(&self, id: &str) -> Option<&SectionScore<'a>> {
        self.sections.iter().find(|s| s.section.id() == id)
    }

    /// Gaps on gates that block their step.
    pub fn blocks(&self) -> impl Iterator<Item = &Gap<'a>> {
        self.gaps.iter().filter(|g| g.blocking)
    }

    /// Table checks that found something to act on.
    pub fn table_concerns(&self) -> impl Iterator<Item = &TableCheck<'a>> {
        self.table.iter().filter(|c| c.verdict.is_concern())
    }
}

/// A percentage as a table cell shows it, or a dash when there is none.
pub fn percent_text(value: Option<u8>) -> String {
    value.map_or_else(|| "–".to_string(), |p| format!("{p}%"))
}

/// Builds the report of an assessment against a bank.
pub fn report<'a>(bank: &'a Bank, assessment: &'a Assessment) -> Report<'a> {
    let sections = section_scores(bank, assessment);
    let where_you_are = WhereYouAre::for_assessment(&sections, assessment);

    let mut pitfalls = Vec::new();
    let mut strengths = Vec::new();
    let mut gaps = Vec::new();
    let mut dont_knows = Vec::new();
    let mut not_applicable = Vec::new();
    let mut notes = Vec::new();

    for score in &sections {
        let section = score.section;
        let strong = score.band() == Some(Band::Strong);
        for question in section.questions() {
            if let Some(text) = assessment.note(question.id()) {
                notes.push(NoteLine {
                    question,
                    text: text.trim(),
                });
            }
            let Some(answer) = fitting_answer(question, assessment) else {
                continue;
            };
            match answer {
                Answer::DontKnow => dont_knows.push(question),
                Answer::NotApplicable => not_applicable.push(question),
                Answer::Pitfall(level) if level != PitfallLevel::No => {
                    pitfalls.push(PitfallFlag {
                        question,
                        level,
                        tip: question.advice(),
                    });
                }
                Answer::Scale(point) if matches!(section.kind(), SectionKind::LaunchStep(_)) => {
                    match point {
                        ScalePoint::Done => strengths.push(Strength {
                            question,
                            section,
                            answer: point,
                        }),
                        ScalePoint::Mostly if strong => strengths.push(Strength {
                            question,
                            section,
                            answer: point,
                        }),
                        ScalePoint::NotYet | ScalePoint::Started => gaps.push(Gap {
                            question,
                            section,
                            answer: point,
                            blocking: question.is_gate() && point == ScalePoint::NotYet,
                        }),
                        ScalePoint::Mostly => {}
                    }
                }
                _ => {}
            }
        }
    }

    // Gates first (blocking ones before the rest), then the weakest answers; the sort is
    // stable, so bank order breaks the remaining ties.
    sort_stable_by_key(&mut gaps, |g| {
        (!g.blocking, !g.question.is_gate(), g.answer)
    });
    sort_stable_by_key(&mut pitfalls, |p| std::cmp::Reverse(p.level));

    let ta_request = TaSummary {
        areas: bank
            .help_areas()
            .iter()
            .filter(|a| assessment.ta_request.areas.contains(a.id()))
            .collect(),
        text: assessment.ta_request.text.trim(),
    };

    Report {
        bank,
        assessment,
        where_you_are,
        phases: phase_profile(bank, assessment),
        table: table_checks(bank, assessment),
        pitfalls,
        strengths,
        gaps,
        dont_knows,
        not_applicable,
        notes,
        ta_request,
        ignored: ignored(bank, assessment),
        sections,
    }
}

/// Lists answers, notes and help areas the bank cannot place, so an import from another bank
/// version loses nothing silently.
fn ignored<'a>(bank: &Bank, assessment: &'a Assessment) -> Vec<Ignored<'a>> {
    let mut ignored = Vec::new();
    for (id, answer) in assessment.answers() {
        let reason = match bank.question(id) {
            None => IgnoredReason::UnknownQuestion,
            Some(question) if !question.accepts(answer) => IgnoredReason::WrongKind,
            Some(_) => continue,
        };
        ignored.push(Ignored { id, reason });
    }
    for id in assessment.notes().keys() {
        if bank.question(id).is_none() {
            ignored.push(Ignored {
                id,
                reason: IgnoredReason::UnknownNote,
            });
        }
    }
    for id in &assessment.ta_request.areas {
        if bank.help_area(id).is_none() {
            ignored.push(Ignored {
                id,
                reason: IgnoredReason::UnknownHelpArea,
            });
        }
    }
    ignored
}

#[cfg(test)]
mod tests;
