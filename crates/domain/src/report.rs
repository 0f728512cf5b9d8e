//! The readiness report: everything the person sees after answering, computed afresh from the
//! bank and the assessment every time.
//!
//! The report borrows from both, so making one is cheap and it can never drift from the
//! answers it describes. Its Markdown rendering lives in [`crate::summary`].

use crate::answer::{Answer, PitfallLevel, ScalePoint};
use crate::assessment::Assessment;
use crate::bank::{
    version_key, Bank, HelpArea, Phase, Question, RetiredQuestion, Section, SectionKind,
};
use crate::scoring::{
    fitting_answer, gate_status, phase_profile, phase_sign, section_scores, table_checks, Band,
    GateStatus, PhaseProfile, SectionScore, TableCheck, WhereYouAre,
};

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
    /// The gate the question takes for granted, while that gate is not met: the gap waits
    /// for it and is never proposed as a next step.
    pub waits_for: Option<&'a Question>,
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

    /// For a gap that waits for a gate its question takes for granted, says so: "Waits for:
    /// Action teams set up around the businesses' priorities".
    pub fn waits_line(&self) -> Option<String> {
        self.waits_for
            .map(|gate| format!("Waits for: {}", gate.gate_label()))
    }

    /// The answer in words, "Not answered" for a gate nobody answered.
    pub fn answer_label(&self, bank: &Bank) -> String {
        self.answer
            .map_or_else(|| "Not answered".to_string(), |a| bank.answer_label(&a))
    }
}

/// What kind of finding stands beside "where you are".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    /// Storming leads the phase profile: reality hits.
    StormingLeads,
    /// A pitfall, objection or missing element marked as happening (Yes).
    Pitfall,
    /// A who-is-at-the-table check found a concern.
    TableConcern,
}

/// Something else the assessment says stands in the way, beside the launch steps' gates: a
/// Storming phase that leads, a pitfall marked as happening, or a table concern. Findings
/// stand on the first page ("Also in the way: ...") and compete for the next steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding<'a> {
    /// What kind of finding it is.
    pub kind: FindingKind,
    /// The question it rests on: the pitfall, the table check, or for Storming the sign of
    /// that phase agreed with most strongly.
    pub question: &'a Question,
    /// The finding in a few words, as "Also in the way" names it.
    pub label: String,
    /// What to do about it.
    pub advice: &'a str,
}

impl Finding<'_> {
    /// The id a list of next steps names it by: the question's, or `phase.storming` for a
    /// Storming phase that leads.
    pub fn id(&self) -> &str {
        match self.kind {
            FindingKind::StormingLeads => "phase.storming",
            _ => self.question.id(),
        }
    }

    /// The tag a list of next steps shows before it.
    pub fn tag(&self) -> &'static str {
        match self.kind {
            FindingKind::StormingLeads => "Partnership phase",
            FindingKind::Pitfall => "Happening here",
            FindingKind::TableConcern => "At the table",
        }
    }
}

/// One of the report's next steps: something to do in a launch step, or a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep<'r, 'a> {
    /// A gate that blocks, a gate to confirm, or a weak answer.
    Gap(&'r Gap<'a>),
    /// A finding that stands.
    Finding(&'r Finding<'a>),
}

impl<'a> NextStep<'_, 'a> {
    /// The id of the question (or `phase.storming`) the step is about.
    pub fn id(&self) -> &str {
        match self {
            NextStep::Gap(gap) => gap.question.id(),
            NextStep::Finding(finding) => finding.id(),
        }
    }

    /// What to do.
    pub fn advice(&self) -> &'a str {
        match self {
            NextStep::Gap(gap) => gap.advice(),
            NextStep::Finding(finding) => finding.advice,
        }
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

impl KeptAnswer<'_> {
    /// The answer kept, in words, or "No answer" when only a note was.
    pub fn answer_text(&self, bank: &Bank) -> String {
        self.answer
            .map_or_else(|| "No answer".to_string(), |a| bank.answer_label(&a))
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

/// A part of the report, with its one heading ([`ReportPart::heading`]); some may have
/// nothing to list ([`Report::nothing_in`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportPart {
    /// Where the partnership stands.
    WhereYouAre,
    /// The three most important things to do.
    NextSteps,
    /// The gates that block a step, and those to confirm.
    Gates,
    /// The chart of the six launch steps.
    StepChart,
    /// The launch steps' figures.
    StepFigures,
    /// The chart of the partnership phases.
    PhaseChart,
    /// The phases' figures.
    PhaseFigures,
    /// Who is at the table.
    Table,
    /// Pitfalls flagged as happening.
    Pitfalls,
    /// Gaps and next steps, by step.
    Gaps,
    /// What the partnership already does well.
    Strengths,
    /// Answers to discuss with the coach.
    DontKnows,
    /// Notes beside answers.
    Notes,
    /// Answers to questions the bank no longer asks.
    Kept,
    /// Where the region wants help.
    HelpAreas,
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
    /// What else stands in the way: a Storming phase that leads, then pitfalls happening,
    /// then table concerns, each in bank order.
    pub findings: Vec<Finding<'a>>,
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
        gates.sort_by_key(|(at, _)| *at);
        gates.into_iter().map(|(_, q)| q).collect()
    }

    fn position(&self, question: &Question) -> usize {
        self.bank
            .questions()
            .position(|q| q.id() == question.id())
            .unwrap_or(usize::MAX)
    }

    /// The next steps: the three most important things to do, in order. The current step's
    /// blocked gates come first, each followed by the weak questions that lead to it (its
    /// bridge), then the findings, then the rest of the gaps in their
    /// order (the current step's gates to confirm, then its weakest answers, then the later
    /// steps). A gap that waits for a gate, or whose question a finding already names, is
    /// never proposed.
    pub fn next_steps(&self) -> Vec<NextStep<'_, 'a>> {
        let current = self.where_you_are.step();
        let proposable = |gap: &&Gap<'a>| {
            gap.waits_for.is_none()
                && !self
                    .findings
                    .iter()
                    .any(|f| f.question.id() == gap.question.id())
        };
        let holds_current = |gap: &&Gap<'a>| {
            gap.is_blocking() && gap.section.step() == current && current.is_some()
        };
        // A question that leads to a gate holding the current step comes right after it.
        let bridges = |gap: &&Gap<'a>| {
            !holds_current(gap)
                && gap.question.bridges_to().is_some_and(|gate| {
                    self.gaps
                        .iter()
                        .any(|g| g.question.id() == gate && holds_current(&g))
                })
        };
        let mut bridging: Vec<&Gap<'a>> = self
            .gaps
            .iter()
            .filter(proposable)
            .filter(bridges)
            .collect();
        // The bridge in the order it is walked: the launch's calls before the step after.
        bridging.sort_by_key(|gap| gap.section.step());
        let first: Vec<&Gap<'a>> = self
            .gaps
            .iter()
            .filter(proposable)
            .filter(holds_current)
            .chain(bridging)
            .collect();
        first
            .iter()
            .map(|gap| NextStep::Gap(gap))
            .chain(self.findings.iter().map(NextStep::Finding))
            .chain(
                self.gaps
                    .iter()
                    .filter(proposable)
                    .filter(|gap| !first.iter().any(|f| std::ptr::eq(*f, *gap)))
                    .map(NextStep::Gap),
            )
            .take(3)
            .collect()
    }

    /// True when nothing stands in the way at all: no gap in any step and no finding.
    pub fn is_clear(&self) -> bool {
        self.gaps.is_empty() && self.findings.is_empty()
    }

    /// What the next steps say when there is none to propose.
    pub fn no_next_steps(&self) -> Option<&'static str> {
        if self.is_clear() {
            Some("Nothing is blocking and no answer is weak.")
        } else if self.next_steps().is_empty() {
            Some("Nothing to propose until the gates above are met.")
        } else {
            None
        }
    }

    /// The report's lead: where the partnership is. "Nothing is blocking" and "sustaining"
    /// are said only when no gate blocks or waits and no finding stands.
    pub fn lead(&self) -> String {
        let clear = self.findings.is_empty();
        match &self.where_you_are {
            WhereYouAre::Sustaining if clear => "Every launch step is Strong and nothing is \
                 blocking: the partnership is sustaining its work. Keep reassessing and \
                 refreshing the agenda."
                .to_string(),
            WhereYouAre::Sustaining => "Every launch step is Strong with its gates met, but \
                 the partnership is not sustaining its work yet: see what else is in the way."
                .to_string(),
            WhereYouAre::ScopeDone { steps } if clear && !steps.is_empty() => {
                let steps: Vec<String> = steps.iter().map(u8::to_string).collect();
                format!(
                    "Every launch step your coach asked about (step {}) is Strong and nothing is \
                     blocking.",
                    steps.join(", ")
                )
            }
            other => other.sentence(),
        }
    }

    /// The findings in one line beside the lead: "Also in the way: Storming leads the phase
    /// profile; happening here: Understaffing; at the table: Industry champions (below the
    /// expected range)." `None` when no finding stands.
    pub fn also_in_the_way(&self) -> Option<String> {
        if self.findings.is_empty() {
            return None;
        }
        let of = |kind: FindingKind| -> Vec<&str> {
            self.findings
                .iter()
                .filter(|f| f.kind == kind)
                .map(|f| f.label.as_str())
                .collect()
        };
        let mut parts = of(FindingKind::StormingLeads)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>();
        let pitfalls = of(FindingKind::Pitfall);
        if !pitfalls.is_empty() {
            parts.push(format!("happening here: {}", pitfalls.join(", ")));
        }
        let table = of(FindingKind::TableConcern);
        if !table.is_empty() {
            parts.push(format!("at the table: {}", table.join(", ")));
        }
        Some(format!("Also in the way: {}.", parts.join("; ")))
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

    /// What a part of the report says when it has nothing to list, on screen and in the
    /// summary alike; `None` when it has something.
    pub fn nothing_in(&self, part: ReportPart) -> Option<&'static str> {
        let (empty, line) = match part {
            ReportPart::Pitfalls => (
                self.pitfalls.is_empty(),
                "No pitfall was flagged as happening here.",
            ),
            ReportPart::Gaps => (
                self.gaps.is_empty(),
                "No launch-step question is answered Not yet or Started, and no gate is left to \
                 confirm.",
            ),
            ReportPart::Strengths => (
                self.strengths.is_empty(),
                "No launch-step question is answered Done yet.",
            ),
            ReportPart::DontKnows => (
                self.dont_knows.is_empty(),
                "No question was answered Don't know.",
            ),
            ReportPart::Notes => (self.notes.is_empty(), "No notes."),
            ReportPart::HelpAreas => (self.ta_request.is_empty(), "No help areas chosen yet."),
            // These parts say something whatever the answers, or are left out when empty.
            ReportPart::WhereYouAre
            | ReportPart::NextSteps
            | ReportPart::Gates
            | ReportPart::StepChart
            | ReportPart::StepFigures
            | ReportPart::PhaseChart
            | ReportPart::PhaseFigures
            | ReportPart::Table
            | ReportPart::Kept => return None,
        };
        empty.then_some(line)
    }

    /// How many answers are Don't know, in words: "1 answer we don't know yet", "3 answers we
    /// don't know yet"; `None` when there is none.
    pub fn dont_know_count(&self) -> Option<String> {
        match self.dont_knows.len() {
            0 => None,
            1 => Some("1 answer we don't know yet".to_string()),
            n => Some(format!("{n} answers we don't know yet")),
        }
    }

    /// Who and what was assessed, as the report's first block and the summary's list both
    /// show it: region, sector, role, date, the question bank (with the one the answers were
    /// given against, when another), and for a coach's session, which one and what it asked
    /// about. A value left blank reads "Not given".
    pub fn assessed(&self) -> Vec<(&'static str, String)> {
        let meta = &self.assessment.meta;
        let bank = match self.bank.answered_with(&meta.bank_version) {
            Some(other) => format!("{} ({other})", self.bank.version()),
            None => self.bank.version().to_string(),
        };
        let mut rows = vec![
            ("Region", meta.region.clone()),
            ("Industry sector", meta.sector.clone()),
            ("Respondent role", meta.respondent_role.clone()),
            ("Date", meta.date.clone()),
            ("Question bank", bank),
        ];
        if let Some(coach) = &self.assessment.coach {
            rows.push(("Coach's session", coach.session_line()));
            rows.push(("In scope", coach.scope_line(self.bank)));
        }
        for (_, value) in &mut rows {
            if value.trim().is_empty() {
                *value = "Not given".to_string();
            }
        }
        rows
    }

    /// The report's title: "Readiness report", with the assessment's name when it has one.
    pub fn title(&self) -> String {
        match self.assessment.meta.name.trim() {
            "" => "Readiness report".to_string(),
            name => format!("Readiness report: {name}"),
        }
    }

    /// The table checks in one line: "1 check(s) to act on, 2 note(s), 3 not known yet."
    pub fn table_line(&self) -> String {
        let unknown = self
            .table
            .iter()
            .filter(|c| c.verdict == crate::scoring::Verdict::Unknown)
            .count();
        format!(
            "{} check(s) to act on, {} note(s), {unknown} not known yet.",
            self.table_concerns().count(),
            self.table_notes().count()
        )
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
                Answer::DontKnow => {
                    dont_knows.push(question);
                    // Not knowing whether it happened, where the region would know, blocks.
                    if gate_status(question, assessment) == Some(GateStatus::Blocked) {
                        gaps.push(Gap {
                            question,
                            section,
                            answer: Some(answer),
                            kind: GapKind::BlockedGate,
                            waits_for: waits_for(bank, question, assessment),
                        });
                    }
                }
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
                            waits_for: waits_for(bank, question, assessment),
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
                    waits_for: waits_for(bank, question, assessment),
                });
            }
        }
    }

    // The step you are at first, then the later steps, then any earlier ones; within a step,
    // blocked gates, gates to confirm, then the weakest answers. The sort is stable, so bank
    // order breaks the remaining ties.
    let current = where_you_are.step().unwrap_or(1);
    gaps.sort_by_key(|g| {
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
        (group, g.waits_for.is_some(), g.kind, weakness)
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
    pitfalls.sort_by_key(|p| std::cmp::Reverse(p.level));

    let table = table_checks(bank, assessment);
    let findings = findings(&phases, &phase_advice, &pitfalls, &table);

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
        findings,
        table,
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

/// The gate a question presupposes, while that gate is not met.
fn waits_for<'a>(
    bank: &'a Bank,
    question: &Question,
    assessment: &Assessment,
) -> Option<&'a Question> {
    let gate = bank.question(question.presupposes()?)?;
    (gate_status(gate, assessment) != Some(GateStatus::Met)).then_some(gate)
}

/// What else stands in the way: a Storming phase that leads, pitfalls marked Yes, and table
/// concerns on questions that are not gates (a gate already speaks for itself).
fn findings<'a>(
    phases: &PhaseProfile,
    phase_advice: &[&'a Question],
    pitfalls: &[PitfallFlag<'a>],
    table: &[TableCheck<'a>],
) -> Vec<Finding<'a>> {
    let mut findings = Vec::new();
    if phases.leading == Some(Phase::Storming) {
        // The first of the phase's signs agreed with, in bank order, carries its advice.
        if let Some(question) = phase_advice.first() {
            findings.push(Finding {
                kind: FindingKind::StormingLeads,
                question,
                label: format!(
                    "{} ({}) leads the phase profile",
                    Phase::Storming.name(),
                    Phase::Storming.nickname()
                ),
                advice: question.advice(),
            });
        }
    }
    findings.extend(
        pitfalls
            .iter()
            .filter(|p| p.level == PitfallLevel::Yes)
            .map(|p| Finding {
                kind: FindingKind::Pitfall,
                question: p.question,
                label: p.question.label().to_string(),
                advice: p.tip,
            }),
    );
    findings.extend(
        table
            .iter()
            .filter(|c| c.verdict.is_concern() && !c.question.is_gate())
            .filter_map(|c| {
                Some(Finding {
                    kind: FindingKind::TableConcern,
                    question: c.question,
                    label: format!(
                        "{} ({})",
                        c.question.label(),
                        c.verdict.label().to_lowercase()
                    ),
                    advice: c.advice?,
                })
            }),
    );
    findings
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

mod items;

pub use items::{GapGroup, GateList, ItemNext, ReportItem, TableAdvice};

#[cfg(test)]
mod coach_tests;
#[cfg(test)]
mod tests;
