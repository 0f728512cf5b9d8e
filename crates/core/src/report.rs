//! The readiness report: everything the person sees after answering, computed afresh from the
//! bank and the assessment every time.
//!
//! The report borrows from both, so making one is cheap and it can never drift from the
//! answers it describes. Its Markdown rendering lives in [`crate::summary`].

use crate::answer::{Answer, PitfallLevel, ScalePoint};
use crate::assessment::Assessment;
use crate::bank::{version_key, Bank, HelpArea, Question, RetiredQuestion, Section, SectionKind};
use crate::scoring::{
    fitting_answer, phase_profile, phase_sign, section_scores, table_checks, Band, PhaseProfile,
    SectionScore, TableCheck, WhereYouAre,
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

/// What kind of gap a launch-step question leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GapKind {
    /// A gate answered Not yet or Started: it blocks its step.
    BlockedGate,
    /// A gate answered Don't know or Not applicable, or not answered, in a step under way:
    /// to confirm.
    GateToConfirm,
    /// Any other question answered Not yet or Started.
    Weak,
}

impl GapKind {
    /// The tag a list shows before the question: "Blocking gate", "Gate to confirm", or
    /// nothing for a weak answer.
    pub fn tag(self) -> Option<&'static str> {
        match self {
            Self::BlockedGate => Some("Blocking gate"),
            Self::GateToConfirm => Some("Gate to confirm"),
            Self::Weak => None,
        }
    }
}

/// Something to do in a launch step: a gate that blocks, a gate to confirm, or a weak
/// answer, with the advice for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap<'a> {
    /// The question.
    pub question: &'a Question,
    /// Its step.
    pub section: &'a Section,
    /// The answer given; `None` for a gate not answered.
    pub answer: Option<Answer>,
    /// What kind of gap it is.
    pub kind: GapKind,
}

impl<'a> Gap<'a> {
    /// The next step advised.
    pub fn advice(&self) -> &'a str {
        self.question.advice()
    }

    /// True for a gate that blocks its step.
    pub fn is_blocking(&self) -> bool {
        self.kind == GapKind::BlockedGate
    }

    /// The answer in words, "Not answered" for a gate nobody answered.
    pub fn answer_label(&self, bank: &Bank) -> String {
        self.answer
            .map_or_else(|| "Not answered".to_string(), |a| bank.answer_label(&a))
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

/// An answer (or note) given to a question this bank no longer asks, kept as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAnswer<'a> {
    /// The retired question, with why it is no longer asked.
    pub question: &'a RetiredQuestion,
    /// The answer given, if one was.
    pub answer: Option<Answer>,
    /// The note written on it, if any.
    pub note: Option<&'a str>,
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
    /// Gaps, grouped by step: the step you are at first, then the later steps, then any
    /// earlier ones; within a step, blocked gates, then gates to confirm, then the weakest
    /// answers, then bank order. The first three are the report's next steps.
    pub gaps: Vec<Gap<'a>>,
    /// The advice of the leading phase: its statements agreed with, in bank order.
    pub phase_advice: Vec<&'a Question>,
    /// Questions answered Don't know, in bank order: to discuss with a coach.
    pub dont_knows: Vec<&'a Question>,
    /// Questions answered Not applicable, in bank order.
    pub not_applicable: Vec<&'a Question>,
    /// Notes, in bank order.
    pub notes: Vec<NoteLine<'a>>,
    /// The TA request.
    pub ta_request: TaSummary<'a>,
    /// Answers and notes given to questions this bank no longer asks, kept and listed, in
    /// the order the bank retired them.
    pub kept: Vec<KeptAnswer<'a>>,
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
        self.gaps.iter().filter(|g| g.is_blocking())
    }

    /// The gates that block their step, in bank order, apart from the score.
    pub fn blocked_gates(&self) -> Vec<&'a Question> {
        self.gates_of(GapKind::BlockedGate)
    }

    /// The gates to confirm (Don't know, Not applicable or unanswered in a step under way),
    /// in bank order, apart from the blocked ones and from the score.
    pub fn gates_to_confirm(&self) -> Vec<&'a Question> {
        self.gates_of(GapKind::GateToConfirm)
    }

    fn gates_of(&self, kind: GapKind) -> Vec<&'a Question> {
        let mut gates: Vec<(usize, &'a Question)> = self
            .gaps
            .iter()
            .filter(|g| g.kind == kind)
            .map(|g| (self.position(g.question), g.question))
            .collect();
        sort_stable_by_key(&mut gates, |(at, _)| *at);
        gates.into_iter().map(|(_, q)| q).collect()
    }

    fn position(&self, question: &Question) -> usize {
        self.bank
            .questions()
            .position(|q| q.id() == question.id())
            .unwrap_or(usize::MAX)
    }

    /// The next steps: the three most important things to do, in order.
    pub fn next_steps(&self) -> impl Iterator<Item = &Gap<'a>> {
        self.gaps.iter().take(3)
    }

    /// For an assessment made with an earlier bank version, the one line that says so:
    /// "Made with question bank 2026.1: 9 questions are new since then and unanswered."
    pub fn bank_line(&self) -> Option<String> {
        let made_with = self.assessment.meta.bank_version.trim();
        let older = version_key(made_with)
            .zip(version_key(self.bank.version()))
            .is_some_and(|(then, now)| then < now);
        if !older {
            return None;
        }
        let new = self
            .bank
            .new_since(made_with)
            .filter(|q| self.assessment.answer(q.id()).is_none())
            .count();
        let mut line = match new {
            0 => format!("Made with question bank {made_with}: every question new since then is answered"),
            1 => format!("Made with question bank {made_with}: 1 question is new since then and unanswered"),
            n => format!("Made with question bank {made_with}: {n} questions are new since then and unanswered"),
        };
        match self.kept.len() {
            0 => {}
            1 => line.push_str("; 1 answer to a question no longer asked is kept and listed"),
            n => line.push_str(&format!(
                "; {n} answers to questions no longer asked are kept and listed"
            )),
        }
        line.push('.');
        Some(line)
    }

    /// Table checks that found something to act on.
    pub fn table_concerns(&self) -> impl Iterator<Item = &TableCheck<'a>> {
        self.table.iter().filter(|c| c.verdict.is_concern())
    }

    /// Table checks outside a range the seed only suggests: a note with advice each.
    pub fn table_notes(&self) -> impl Iterator<Item = &TableCheck<'a>> {
        self.table.iter().filter(|c| c.verdict.is_note())
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
                            answer: Some(answer),
                            kind: if question.is_gate() {
                                GapKind::BlockedGate
                            } else {
                                GapKind::Weak
                            },
                        }),
                        ScalePoint::Mostly => {}
                    }
                }
                _ => {}
            }
        }
        // A gate not confirmed is a gap in a step someone has started, or in the step the
        // partnership is at; a step nobody has touched has nothing to confirm yet.
        let current = where_you_are.step() == section.step();
        if section.step().is_some() && (score.answered > 0 || current) {
            for question in &score.unconfirmed {
                gaps.push(Gap {
                    question,
                    section,
                    answer: fitting_answer(question, assessment),
                    kind: GapKind::GateToConfirm,
                });
            }
        }
    }

    // The step you are at first, then the later steps, then any earlier ones; within a step,
    // blocked gates, gates to confirm, then the weakest answers. The sort is stable, so bank
    // order breaks the remaining ties.
    let current = where_you_are.step().unwrap_or(1);
    sort_stable_by_key(&mut gaps, |g| {
        let step = g.section.step().unwrap_or(u8::MAX);
        let group = if step >= current {
            (0, step)
        } else {
            (1, step)
        };
        let weakness = match g.answer {
            Some(Answer::Scale(point)) => point.points(),
            _ => 0,
        };
        (group, g.kind, weakness)
    });

    let phases = phase_profile(bank, assessment);
    let phase_advice = match phases.leading {
        None => Vec::new(),
        Some(leading) => bank
            .questions()
            .filter(|q| {
                phase_sign(q, assessment)
                    .is_some_and(|(phase, points)| phase == leading && points >= Some(2))
            })
            .collect(),
    };
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
        phases,
        phase_advice,
        table: table_checks(bank, assessment),
        pitfalls,
        strengths,
        gaps,
        dont_knows,
        not_applicable,
        notes,
        ta_request,
        kept: kept(bank, assessment),
        ignored: ignored(bank, assessment),
        sections,
    }
}

/// The answers and notes kept under the id of a question this bank retired.
fn kept<'a>(bank: &'a Bank, assessment: &'a Assessment) -> Vec<KeptAnswer<'a>> {
    bank.retired()
        .iter()
        .filter_map(|question| {
            let answer = assessment
                .answer(question.id())
                .filter(|a| question.accepts(a));
            let note = assessment.note(question.id()).map(str::trim);
            (answer.is_some() || note.is_some()).then_some(KeptAnswer {
                question,
                answer,
                note,
            })
        })
        .collect()
}

/// Lists answers, notes and help areas the bank cannot place, so an import from another bank
/// version loses nothing silently.
fn ignored<'a>(bank: &Bank, assessment: &'a Assessment) -> Vec<Ignored<'a>> {
    let mut ignored = Vec::new();
    for (id, answer) in assessment.answers() {
        let reason = match bank.question(id) {
            // Kept, and listed with the retired questions.
            None if bank.retired_question(id).is_some_and(|r| r.accepts(answer)) => continue,
            None => IgnoredReason::UnknownQuestion,
            Some(question) if !question.accepts(answer) => IgnoredReason::WrongKind,
            Some(_) => continue,
        };
        ignored.push(Ignored { id, reason });
    }
    for id in assessment.notes().keys() {
        if bank.question(id).is_none() && bank.retired_question(id).is_none() {
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
mod coach_tests;
#[cfg(test)]
mod tests;
