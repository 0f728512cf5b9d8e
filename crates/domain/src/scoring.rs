//! Scores computed from answers: section readiness and coverage, bands, gates, the phase
//! profile and the who-is-at-the-table verdicts.
//!
//! All arithmetic is on whole numbers, so readiness is always within 0..=100 and a band never
//! disagrees with the percentage shown next to it. The rules, from the product brief:
//!
//! - **Readiness** is points earned over points possible among the questions answered on
//!   their scale, as a percentage rounded down. Don't know and Not applicable are left out,
//!   never counted as zero.
//! - **Coverage** is the share of questions answered in any way, Don't know and Not
//!   applicable included, because the person did consider them.
//! - **Bands**: Strong at 75% or more, Developing from 50%, Early below, and Not enough answers
//!   when coverage is under half or nothing was answered on the scale.
//! - **Gates**: a gate is met at Mostly or Done; Not yet or Started blocks its step; Don't
//!   know, Not applicable or no answer leaves it not confirmed, except that Don't know blocks
//!   a gate the region would know had happened (two CEOs have said yes, or not). A step with a blocked or
//!   unconfirmed gate is never Strong and never counts as done, whatever its average says.
//!
//! Points per kind: a scale or agreement point earns 0 to 3 of 3; a role check earns 3 of 3
//! when answered as expected and 0 otherwise; a count earns 3 of 3 when within its expected
//! range and 0 outside it (a count with no range is only recorded); a pitfall earns 2 of 2 when
//! it is not happening, 1 when it happens a little and 0 when it does.
//!
//! An answer that does not fit its question's kind (say, a count given to a scale question in
//! a hand-edited import) is treated as unanswered.

use std::cmp::Ordering;

use crate::answer::{Answer, PitfallLevel, ScalePoint};
use crate::assessment::Assessment;
use crate::bank::{Bank, CountRange, Phase, Question, QuestionKind, Section, SectionKind};

/// How ready a section is, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Band {
    /// 75% or more.
    Strong,
    /// From 50% up to 75%.
    Developing,
    /// Below 50%.
    Early,
    /// Fewer than half the questions answered, or none answered on the scale.
    NotEnoughAnswers,
}

impl Band {
    /// The band's name as shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Strong => "Strong",
            Self::Developing => "Developing",
            Self::Early => "Early",
            Self::NotEnoughAnswers => "Not enough answers",
        }
    }

    /// The band of a readiness percentage, ignoring coverage.
    pub fn of_readiness(pct: u8) -> Band {
        match pct {
            75.. => Self::Strong,
            50.. => Self::Developing,
            _ => Self::Early,
        }
    }
}

/// Where a gate stands: met, blocking its step, or not confirmed either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GateStatus {
    /// Answered Mostly or Done.
    Met,
    /// Answered Not yet or Started: the step cannot be called done.
    Blocked,
    /// Answered Don't know or Not applicable, or not answered: nobody has said it is met.
    NotConfirmed,
}

/// The status of a gate question; `None` for a question that is not a gate. An answer that
/// does not fit the question confirms nothing.
pub fn gate_status(question: &Question, assessment: &Assessment) -> Option<GateStatus> {
    if !question.is_gate() {
        return None;
    }
    Some(match fitting_answer(question, assessment) {
        Some(Answer::Scale(ScalePoint::Mostly | ScalePoint::Done)) => GateStatus::Met,
        Some(Answer::Scale(ScalePoint::NotYet | ScalePoint::Started)) => GateStatus::Blocked,
        // Where the region would know had it happened, not knowing means it has not.
        Some(Answer::DontKnow) if question.dont_know_is_not_yet() => GateStatus::Blocked,
        _ => GateStatus::NotConfirmed,
    })
}

/// What one answer contributes to its section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Contribution {
    /// No answer, or one that does not fit the question.
    Unanswered,
    /// Don't know.
    DontKnow,
    /// Not applicable.
    NotApplicable,
    /// Answered, but there is nothing to score it against (a count with no range).
    Recorded,
    /// Answered on the scale.
    Scored {
        /// Points earned.
        earned: u32,
        /// Points possible.
        possible: u32,
    },
}

/// The answer to a question if it fits the question's kind.
pub(crate) fn fitting_answer(question: &Question, assessment: &Assessment) -> Option<Answer> {
    assessment
        .answer(question.id())
        .filter(|answer| question.accepts(answer))
}

/// What a question's answer contributes to its section.
pub(crate) fn contribution(question: &Question, assessment: &Assessment) -> Contribution {
    let Some(answer) = fitting_answer(question, assessment) else {
        return Contribution::Unanswered;
    };
    let scored = |earned, possible| Contribution::Scored { earned, possible };
    match (question.kind(), answer) {
        (_, Answer::DontKnow) => Contribution::DontKnow,
        (_, Answer::NotApplicable) => Contribution::NotApplicable,
        (_, Answer::Scale(p)) => scored(p.points(), 3),
        (_, Answer::Agreement(p)) => scored(p.points(), 3),
        (QuestionKind::YesNo { expected }, Answer::YesNo(yes)) => {
            scored(if yes == *expected { 3 } else { 0 }, 3)
        }
        (QuestionKind::Count(range), Answer::Count(n)) => {
            match count_verdict(range, n, other_count(range, assessment)) {
                Verdict::Within => scored(3, 3),
                // Outside a range the seed only suggests, a count gets a note with advice,
                // never a zero: it is recorded and left out of the score.
                Verdict::Recorded | Verdict::BelowAdvised | Verdict::AboveAdvised => {
                    Contribution::Recorded
                }
                _ => scored(0, 3),
            }
        }
        (_, Answer::Pitfall(level)) => scored(
            match level {
                PitfallLevel::No => 2,
                PitfallLevel::ALittle => 1,
                PitfallLevel::Yes => 0,
            },
            2,
        ),
        // `fitting_answer` has ruled out every other pairing.
        _ => Contribution::Unanswered,
    }
}

/// The scores of one section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionScore<'a> {
    /// The section scored.
    pub section: &'a Section,
    /// Questions in the section.
    pub total: u32,
    /// Questions answered in any way, Don't know and Not applicable included.
    pub answered: u32,
    /// Questions answered on the scale, the ones readiness is computed from.
    pub scored: u32,
    /// Questions answered Don't know.
    pub dont_know: u32,
    /// Questions answered Not applicable.
    pub not_applicable: u32,
    /// Points earned among the scored questions.
    pub earned: u32,
    /// Points possible among the scored questions.
    pub possible: u32,
    /// Gates answered Not yet or Started, which block the step whatever its readiness.
    pub blocked_by: Vec<&'a Question>,
    /// Gates answered Don't know or Not applicable, or not answered: to confirm before the
    /// step can count as done.
    pub unconfirmed: Vec<&'a Question>,
}

impl<'a> SectionScore<'a> {
    /// Share of questions answered, as a whole percentage rounded down.
    pub fn coverage_pct(&self) -> u8 {
        percent(self.answered, self.total)
    }

    /// Points earned over points possible, as a whole percentage rounded down; `None` when
    /// nothing was answered on the scale, and always `None` for the phase indicators, which
    /// give a profile rather than a readiness.
    pub fn readiness_pct(&self) -> Option<u8> {
        if self.possible == 0 || self.section.kind() == SectionKind::Phases {
            None
        } else {
            Some(percent(self.earned, self.possible))
        }
    }

    /// True when at least half the questions are answered.
    pub fn has_enough_answers(&self) -> bool {
        self.answered * 2 >= self.total
    }

    /// The band; `None` for the phase indicators. A step whose gate is blocked or not
    /// confirmed is never Strong: its band stops at Developing, whatever the average says.
    pub fn band(&self) -> Option<Band> {
        if self.section.kind() == SectionKind::Phases {
            return None;
        }
        match self.readiness_pct() {
            Some(pct) if self.has_enough_answers() => match Band::of_readiness(pct) {
                Band::Strong if self.is_held() => Some(Band::Developing),
                band => Some(band),
            },
            _ => Some(Band::NotEnoughAnswers),
        }
    }

    /// True when a gate of this section is answered Not yet or Started.
    pub fn is_blocked(&self) -> bool {
        !self.blocked_by.is_empty()
    }

    /// True when a gate of this section is blocked or not confirmed, so the step cannot be
    /// called done.
    pub fn is_held(&self) -> bool {
        self.is_blocked() || !self.unconfirmed.is_empty()
    }

    /// The gates to confirm, as every screen and summary names them: none in a step nobody
    /// has answered yet, which is simply not assessed (its gates are named once someone
    /// answers there). A step's band is held all the same (`is_held`).
    pub fn gates_to_confirm(&self) -> &[&'a Question] {
        if self.answered == 0 {
            &[]
        } else {
            &self.unconfirmed
        }
    }

    /// Where the step's gates stand, the one reading the step chart and the steps in figures
    /// share: a gate blocking, then a gate to confirm, then a step nobody has answered, then
    /// gates met.
    pub fn gate_state(&self) -> GateState {
        if self.is_blocked() {
            GateState::Blocked
        } else if !self.gates_to_confirm().is_empty() {
            GateState::ToConfirm
        } else if self.answered == 0 {
            GateState::NotAnswered
        } else {
            GateState::Met
        }
    }

    /// The step chart's words for the step: its band and readiness, or, for a step a gate
    /// holds, that first, in words read at once ("Blocked by a gate (67%)", "Held: a gate to
    /// confirm"); a step nobody has answered has not enough answers.
    pub fn chart_words(&self) -> String {
        let pct = self.readiness_pct();
        let held =
            |words: &str| pct.map_or_else(|| words.to_string(), |p| format!("{words} ({p}%)"));
        match self.gate_state() {
            GateState::Blocked => held("Blocked by a gate"),
            GateState::ToConfirm => held("Held: a gate to confirm"),
            GateState::NotAnswered | GateState::Met => {
                let band = self.band().map_or("Not enough answers", Band::label);
                match pct {
                    Some(p) if self.has_enough_answers() => format!("{p}% {band}"),
                    _ => band.to_string(),
                }
            }
        }
    }

    /// The steps in figures' words for the step's gates: "Blocked: ..." or "To confirm: ..."
    /// with the gates' labels, "Not answered yet", or "Met"; the same reading as the chart's
    /// words.
    pub fn gate_words(&self) -> String {
        let labels = |gates: &[&Question]| {
            gates
                .iter()
                .map(|q| q.gate_label())
                .collect::<Vec<_>>()
                .join("; ")
        };
        match self.gate_state() {
            GateState::Blocked => format!("Blocked: {}", labels(&self.blocked_by)),
            GateState::ToConfirm => format!("To confirm: {}", labels(self.gates_to_confirm())),
            GateState::NotAnswered => "Not answered yet".to_string(),
            GateState::Met => "Met".to_string(),
        }
    }

    /// The step's row of "Launch steps in figures", as the report's table and the summary
    /// both show it.
    pub fn figures(&self) -> StepFigures {
        StepFigures {
            readiness: percent_text(self.readiness_pct()),
            band: self.band().map_or("Not enough answers", Band::label),
            answered: format!("{}%", self.coverage_pct()),
            gates: self.gate_words(),
        }
    }

    /// True for a launch step that is Strong with every gate met.
    pub fn is_done(&self) -> bool {
        self.band() == Some(Band::Strong) && !self.is_held()
    }
}

/// A launch step in figures: readiness, band, how much was answered and its gates, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFigures {
    /// Readiness, "67%", or a dash when nothing was scored.
    pub readiness: String,
    /// The band, or "Not enough answers".
    pub band: &'static str,
    /// The share of questions answered, "80%".
    pub answered: String,
    /// The gates: `SectionScore::gate_words`.
    pub gates: String,
}

/// Where a step's gates stand, as the step chart and the steps in figures both say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateState {
    /// A gate is answered Not yet or Started.
    Blocked,
    /// Someone answered in the step and a gate is not confirmed.
    ToConfirm,
    /// Nobody has answered in the step: nothing about it is assessed yet.
    NotAnswered,
    /// Every gate is met.
    Met,
}

/// A percentage as a table cell shows it, or a dash when there is none.
pub fn percent_text(value: Option<u8>) -> String {
    value.map_or_else(|| "–".to_string(), |p| format!("{p}%"))
}

/// A whole percentage of `part` over `whole`, rounded down, and 0 when `whole` is 0.
fn percent(part: u32, whole: u32) -> u8 {
    if whole == 0 {
        return 0;
    }
    let pct = u64::from(part.min(whole)) * 100 / u64::from(whole);
    u8::try_from(pct).unwrap_or(100)
}

/// Scores one section. Cheap enough to call on every answer change: it looks at the
/// section's own questions only (plus the one other count a relational check needs).
pub fn section_score<'a>(section: &'a Section, assessment: &Assessment) -> SectionScore<'a> {
    let mut score = SectionScore {
        section,
        total: 0,
        answered: 0,
        scored: 0,
        dont_know: 0,
        not_applicable: 0,
        earned: 0,
        possible: 0,
        blocked_by: Vec::new(),
        unconfirmed: Vec::new(),
    };
    for question in section.questions() {
        match gate_status(question, assessment) {
            Some(GateStatus::Blocked) => score.blocked_by.push(question),
            Some(GateStatus::NotConfirmed) => score.unconfirmed.push(question),
            Some(GateStatus::Met) | None => {}
        }
        score.total += 1;
        match contribution(question, assessment) {
            Contribution::Unanswered => continue,
            Contribution::DontKnow => score.dont_know += 1,
            Contribution::NotApplicable => score.not_applicable += 1,
            Contribution::Recorded => {}
            Contribution::Scored { earned, possible } => {
                score.scored += 1;
                score.earned += earned;
                score.possible += possible;
            }
        }
        score.answered += 1;
    }
    score
}

/// Scores every section of the bank, in bank order.
pub fn section_scores<'a>(bank: &'a Bank, assessment: &Assessment) -> Vec<SectionScore<'a>> {
    bank.sections()
        .iter()
        .map(|section| section_score(section, assessment))
        .collect()
}

/// Where the partnership stands among the launch steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhereYouAre<'a> {
    /// At this launch step: the first, in order, that is not Strong or has a gate that is
    /// blocked or not confirmed.
    AtStep {
        /// The step number.
        step: u8,
        /// The step's section.
        section: &'a Section,
        /// The step's band.
        band: Band,
        /// The step's readiness, if any answer was scored.
        readiness_pct: Option<u8>,
        /// Gates answered Not yet or Started.
        blocked_by: Vec<&'a Question>,
        /// Gates not confirmed: Don't know, Not applicable or no answer.
        unconfirmed: Vec<&'a Question>,
    },
    /// Every launch step is Strong and none is held by a gate.
    Sustaining,
    /// The assessment was started from a coach's link that put only some sections in scope,
    /// and every launch step among them (perhaps none) is Strong and unblocked.
    ScopeDone {
        /// The numbers of the launch steps in scope.
        steps: Vec<u8>,
    },
}

impl WhereYouAre<'_> {
    /// Finds the first launch step that is not Strong or has a gate blocked or not confirmed.
    pub fn from_scores<'a>(scores: &[SectionScore<'a>]) -> WhereYouAre<'a> {
        scores
            .iter()
            .filter_map(|score| score.section.step().map(|step| (step, score)))
            .find(|(_, score)| !score.is_done())
            .map_or(WhereYouAre::Sustaining, |(step, score)| {
                WhereYouAre::AtStep {
                    step,
                    section: score.section,
                    band: score.band().unwrap_or(Band::NotEnoughAnswers),
                    readiness_pct: score.readiness_pct(),
                    blocked_by: score.blocked_by.clone(),
                    // A step nobody has started is simply not scored yet; its gates are
                    // named once someone answers there.
                    unconfirmed: score.gates_to_confirm().to_vec(),
                }
            })
    }

    /// Where an assessment stands, within its coach's scope when it was started from a coach
    /// link: steps outside the scope were not asked, so they neither hold the partnership back
    /// nor count as done.
    pub fn for_assessment<'a>(
        scores: &[SectionScore<'a>],
        assessment: &Assessment,
    ) -> WhereYouAre<'a> {
        let Some(coach) = assessment.coach.as_ref().filter(|c| !c.scope.is_empty()) else {
            return WhereYouAre::from_scores(scores);
        };
        let in_scope: Vec<SectionScore<'a>> = scores
            .iter()
            .filter(|score| coach.in_scope(score.section.id()))
            .cloned()
            .collect();
        match WhereYouAre::from_scores(&in_scope) {
            WhereYouAre::Sustaining => WhereYouAre::ScopeDone {
                steps: in_scope.iter().filter_map(|s| s.section.step()).collect(),
            },
            at_step => at_step,
        }
    }

    /// The launch step the partnership is at, if any.
    pub fn step(&self) -> Option<u8> {
        match self {
            WhereYouAre::AtStep { step, .. } => Some(*step),
            _ => None,
        }
    }

    /// The report's lead sentence, e.g. "You are at step 3, Prepare to launch. Blocking: At
    /// least two CEO champions who will sign the invitation." A gate not confirmed is named
    /// with what to do: "Not confirmed yet: An agreed lead convener or co-conveners; find out
    /// before the session."
    pub fn sentence(&self) -> String {
        match self {
            // The steps alone cannot say the partnership is sustaining its work: the report
            // says so only when nothing else stands in the way (`Report::lead`).
            WhereYouAre::Sustaining => {
                "Every launch step is Strong with its gates met.".to_string()
            }
            WhereYouAre::ScopeDone { steps } if steps.is_empty() => {
                "Your coach's session covers no launch step, so there is no step to place the \
                 partnership at; see the sections below."
                    .to_string()
            }
            WhereYouAre::ScopeDone { steps } => {
                let steps: Vec<String> = steps.iter().map(u8::to_string).collect();
                format!(
                    "Every launch step your coach asked about (step {}) is Strong with its gates \
                     met.",
                    steps.join(", ")
                )
            }
            WhereYouAre::AtStep {
                step,
                section,
                band,
                readiness_pct,
                blocked_by,
                unconfirmed,
            } => {
                let mut sentence = format!("You are at step {step}, {}.", section.title());
                let conditions = |gates: &[&Question]| -> String {
                    gates
                        .iter()
                        .map(|q| q.gate_label())
                        .collect::<Vec<_>>()
                        .join("; ")
                };
                if !blocked_by.is_empty() {
                    sentence.push_str(&format!(" Blocking: {}.", conditions(blocked_by)));
                }
                // A gate the region would know had happened is answered, not found out.
                let (to_answer, to_find_out): (Vec<&Question>, Vec<&Question>) =
                    unconfirmed.iter().partition(|q| q.dont_know_is_not_yet());
                if !to_find_out.is_empty() {
                    sentence.push_str(&format!(
                        " Not confirmed yet: {}; find out before the session.",
                        conditions(&to_find_out)
                    ));
                }
                if !to_answer.is_empty() {
                    sentence.push_str(&format!(" Not answered yet: {}.", conditions(&to_answer)));
                }
                if !blocked_by.is_empty() || !unconfirmed.is_empty() {
                    // The gate is what holds the step; its score is shown apart.
                } else if *band == Band::NotEnoughAnswers {
                    sentence.push_str(" Not enough answers yet to score this step.");
                } else if let Some(pct) = readiness_pct {
                    sentence.push_str(&format!(" Readiness {pct}% ({}).", band.label()));
                }
                sentence
            }
        }
    }
}

/// One phase's share of the indicator points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseScore {
    /// The phase.
    pub phase: Phase,
    /// The statements that are signs of this phase.
    pub statements: u32,
    /// Statements of this phase answered on their scale.
    pub answered: u32,
    /// Statements agreed with (Somewhat agree or Agree, or the same strength on their own
    /// scale).
    pub agreed: u32,
    /// Points earned.
    pub earned: u32,
    /// Points possible.
    pub possible: u32,
}

impl PhaseScore {
    /// How strongly the partnership recognises itself in this phase, as a whole percentage
    /// rounded down; `None` when no indicator of the phase was answered.
    pub fn pct(&self) -> Option<u8> {
        (self.possible > 0).then(|| percent(self.earned, self.possible))
    }

    /// The phase's agreement as the report's chart, table and summary say it: "67%", or
    /// "Not answered".
    pub fn agreement_text(&self) -> String {
        self.pct()
            .map_or_else(|| "Not answered".to_string(), |p| format!("{p}%"))
    }

    /// True when the phase may lead: at least half its statements answered, and at least one
    /// agreed with.
    pub fn can_lead(&self) -> bool {
        self.answered * 2 >= self.statements && self.agreed > 0
    }

    /// Compares two phases' shares exactly, without rounding.
    fn cmp_share(&self, other: &PhaseScore) -> Ordering {
        let mine = u64::from(self.earned) * u64::from(other.possible);
        let theirs = u64::from(other.earned) * u64::from(self.possible);
        mine.cmp(&theirs)
    }
}

/// The phase profile: every phase's score, and the one that leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhaseProfile {
    /// The four phases, in the source's order.
    pub phases: [PhaseScore; 4],
    /// The phase whose indicators score highest among those that may lead (ties go to the
    /// earlier phase). `None`, "no clear phase yet", when no statement is agreed with or no
    /// phase has half its statements answered.
    pub leading: Option<Phase>,
}

impl PhaseProfile {
    /// The profile's lead line: the leading phase, or why none leads.
    pub fn sentence(&self) -> String {
        match self.leading {
            Some(phase) => format!(
                "Most like {} ({}). Several phases can be under way at once, so the whole \
                 profile matters.",
                phase.name(),
                phase.nickname()
            ),
            None if self.phases.iter().all(|p| p.answered == 0) => {
                "No clear phase yet: no phase statement is answered.".to_string()
            }
            None if self.phases.iter().all(|p| p.agreed == 0) => {
                "No clear phase yet: no phase statement is agreed with.".to_string()
            }
            None => "No clear phase yet: answer at least half of a phase's statements for it \
                     to stand out."
                .to_string(),
        }
    }
}

/// The phase a question is a sign of, and the points its answer gives that phase (0 to 3):
/// a phase statement on its agreement scale, or another question whose answer the bank also
/// reads as a sign of a phase (a fact asked once).
pub(crate) fn phase_sign(
    question: &Question,
    assessment: &Assessment,
) -> Option<(Phase, Option<u32>)> {
    let phase = match question.kind() {
        QuestionKind::Agreement(phase) => *phase,
        _ => question.phase_sign()?,
    };
    let points = match fitting_answer(question, assessment) {
        Some(Answer::Agreement(p)) => Some(p.points()),
        Some(Answer::Scale(p)) => Some(p.points()),
        // A pitfall that is happening is a sign of its phase: Yes counts as Agree, A little
        // as Somewhat agree, No as Disagree.
        Some(Answer::Pitfall(PitfallLevel::Yes)) => Some(3),
        Some(Answer::Pitfall(PitfallLevel::ALittle)) => Some(2),
        Some(Answer::Pitfall(PitfallLevel::No)) => Some(0),
        _ => None,
    };
    Some((phase, points))
}

/// Builds the phase profile from the phase statements and the other questions the bank reads
/// as signs of a phase.
pub fn phase_profile(bank: &Bank, assessment: &Assessment) -> PhaseProfile {
    let mut phases = Phase::ALL.map(|phase| PhaseScore {
        phase,
        statements: 0,
        answered: 0,
        agreed: 0,
        earned: 0,
        possible: 0,
    });
    for question in bank.questions() {
        let Some((phase, points)) = phase_sign(question, assessment) else {
            continue;
        };
        let score = &mut phases[phase as usize];
        score.statements += 1;
        if let Some(points) = points {
            score.answered += 1;
            score.earned += points;
            score.possible += 3;
            if points >= 2 {
                score.agreed += 1;
            }
        }
    }
    let mut leading: Option<&PhaseScore> = None;
    for score in phases.iter().filter(|s| s.can_lead()) {
        // Only a strictly higher share replaces the leader, so ties stay with the earlier phase.
        if leading.is_none_or(|best| score.cmp_share(best) == Ordering::Greater) {
            leading = Some(score);
        }
    }
    PhaseProfile {
        leading: leading.map(|s| s.phase),
        phases,
    }
}

/// The verdict of a who-is-at-the-table check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The count is within the expected range (and does not outnumber what it must not).
    Within,
    /// The count is below the expected range.
    Below,
    /// The count is above the expected range.
    Above,
    /// The count is within its range but outnumbers the count it must not exceed.
    Outnumbers,
    /// The count is under a minimum the seed only suggests: a note with advice, not a concern.
    BelowAdvised,
    /// The count is over a maximum the seed only suggests: a note with advice, not a concern.
    AboveAdvised,
    /// The role check is answered as expected.
    Met,
    /// The role check is not answered as expected.
    NotMet,
    /// The count is recorded; it has no range of its own.
    Recorded,
    /// Answered Don't know.
    Unknown,
    /// Answered Not applicable.
    NotApplicable,
    /// Not answered yet.
    NotAnswered,
}

impl Verdict {
    /// The verdict in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Within => "Within the expected range",
            Self::Below => "Below the expected range",
            Self::Above => "Above the expected range",
            Self::Outnumbers => "Outnumbers the business leaders",
            Self::BelowAdvised => "Under the suggested number: see the advice",
            Self::AboveAdvised => "Over the suggested number: see the advice",
            Self::Met => "As expected",
            Self::NotMet => "Not as expected",
            Self::Recorded => "Recorded",
            Self::Unknown => "Not known yet",
            Self::NotApplicable => "Not applicable",
            Self::NotAnswered => "Not answered",
        }
    }

    /// True when the check found something to act on.
    pub fn is_concern(self) -> bool {
        matches!(
            self,
            Self::Below | Self::Above | Self::Outnumbers | Self::NotMet
        )
    }

    /// True when the count is outside a range the seed only suggests: worth a note with
    /// advice, not a concern.
    pub fn is_note(self) -> bool {
        matches!(self, Self::BelowAdvised | Self::AboveAdvised)
    }
}

/// The count another count is compared with, when it is answered with a number.
fn other_count(range: &CountRange, assessment: &Assessment) -> Option<u32> {
    match assessment.answer(range.not_more_than()?)? {
        Answer::Count(n) => Some(n),
        _ => None,
    }
}

/// Judges a count against the firm ends of its range, then against the count it must not
/// exceed (only when that other count is known), then against the ends the seed only
/// suggests, which give a note rather than a concern.
pub fn count_verdict(range: &CountRange, count: u32, other: Option<u32>) -> Verdict {
    let below = range.min().is_some_and(|min| count < min);
    let above = range.max().is_some_and(|max| count > max);
    if below && range.below_note().is_none() {
        Verdict::Below
    } else if above && range.above_note().is_none() {
        Verdict::Above
    } else if other.is_some_and(|other| count > other) {
        Verdict::Outnumbers
    } else if below {
        Verdict::BelowAdvised
    } else if above {
        Verdict::AboveAdvised
    } else if range.is_open() {
        Verdict::Recorded
    } else {
        Verdict::Within
    }
}

/// One who-is-at-the-table check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableCheck<'a> {
    /// The question checked.
    pub question: &'a Question,
    /// What is expected, in words: "2 to 6", "Yes", "6 to 12, and no more than CEOs at the
    /// table (5)".
    pub expected: String,
    /// The answer given, if any.
    pub actual: Option<Answer>,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the expectation matters.
    pub why: &'a str,
    /// What to do, for a concern or a note; `None` when there is nothing to act on.
    pub advice: Option<&'a str>,
}

/// Checks every count and role check of the bank, in bank order: the table's counts, and
/// the launch-step questions the bank also reads as role checks (a neutral facilitator, a
/// launch at a business), each fact asked once.
pub fn table_checks<'a>(bank: &'a Bank, assessment: &Assessment) -> Vec<TableCheck<'a>> {
    let mut checks = Vec::new();
    for question in bank.questions() {
        let actual = fitting_answer(question, assessment);
        let (expected, verdict) = match question.kind() {
            QuestionKind::Scale if question.is_table_check() => {
                let verdict = match actual {
                    Some(Answer::Scale(ScalePoint::Mostly | ScalePoint::Done)) => Verdict::Met,
                    Some(Answer::Scale(_)) => Verdict::NotMet,
                    _ => unscored_verdict(actual),
                };
                let s = bank.scales();
                let expected = format!(
                    "{} or {}",
                    s.scale(ScalePoint::Mostly),
                    s.scale(ScalePoint::Done)
                );
                (expected, verdict)
            }
            QuestionKind::Count(range) => {
                let other = other_count(range, assessment);
                let mut expected = range
                    .range_text()
                    .unwrap_or_else(|| "Any number (used for comparison)".to_string());
                if let Some(other_id) = range.not_more_than() {
                    let other_label = bank.question(other_id).map_or(other_id, |q| q.label());
                    expected.push_str(&format!(", and no more than {other_label}"));
                    if let Some(n) = other {
                        expected.push_str(&format!(" ({n})"));
                    }
                }
                let verdict = match actual {
                    Some(Answer::Count(n)) => count_verdict(range, n, other),
                    _ => unscored_verdict(actual),
                };
                (expected, verdict)
            }
            QuestionKind::YesNo { expected } => {
                let verdict = match actual {
                    Some(Answer::YesNo(yes)) if yes == *expected => Verdict::Met,
                    Some(Answer::YesNo(_)) => Verdict::NotMet,
                    _ => unscored_verdict(actual),
                };
                (bank.scales().yes_no(*expected).to_string(), verdict)
            }
            _ => continue,
        };
        let advice = match (verdict, question.kind()) {
            (Verdict::BelowAdvised, QuestionKind::Count(range)) => range.below_note(),
            (Verdict::AboveAdvised, QuestionKind::Count(range)) => range.above_note(),
            (verdict, _) if verdict.is_concern() => Some(question.advice()),
            _ => None,
        };
        checks.push(TableCheck {
            question,
            expected,
            actual,
            verdict,
            why: question.why().unwrap_or_default(),
            advice,
        });
    }
    checks
}

fn unscored_verdict(actual: Option<Answer>) -> Verdict {
    match actual {
        Some(Answer::DontKnow) => Verdict::Unknown,
        Some(Answer::NotApplicable) => Verdict::NotApplicable,
        _ => Verdict::NotAnswered,
    }
}

/// The next step to show beside a question as soon as its answer is weak: a step answered
/// Not yet or Started, a pitfall that is happening, a role check not met, a count outside its
/// range (for a range the seed only suggests, its note). Phase statements describe rather
/// than judge, and unsure answers are not weak.
pub fn advice_for(question: &Question, answer: Answer) -> Option<&str> {
    if let (QuestionKind::Count(range), Answer::Count(count)) = (question.kind(), answer) {
        return match count_verdict(range, count, None) {
            Verdict::BelowAdvised => range.below_note(),
            Verdict::AboveAdvised => range.above_note(),
            verdict if verdict.is_concern() => Some(question.advice()),
            _ => None,
        };
    }
    let weak = match (question.kind(), answer) {
        (QuestionKind::Scale, Answer::Scale(point)) => {
            matches!(point, ScalePoint::NotYet | ScalePoint::Started)
        }
        (QuestionKind::Pitfall(_), Answer::Pitfall(level)) => level != PitfallLevel::No,
        (QuestionKind::YesNo { expected }, Answer::YesNo(yes)) => yes != *expected,
        // Not knowing, where the region would know had it happened, reads as not yet.
        (_, Answer::DontKnow) => question.dont_know_is_not_yet(),
        _ => false,
    };
    weak.then(|| question.advice())
}

/// The advice shown beside a question for the answer it has in this assessment: that of
/// [`advice_for`], except that a count the table checks read against another count (a core
/// planning team against the CEOs at the table) gets the check's own advice, so a concern has
/// the same advice wherever it is flagged.
pub fn advice_in<'a>(
    bank: &'a Bank,
    assessment: &Assessment,
    question: &'a Question,
) -> Option<&'a str> {
    let answer = assessment.answer(question.id())?;
    if matches!(question.kind(), QuestionKind::Count(_)) {
        if let Some(check) = table_checks(bank, assessment)
            .into_iter()
            .find(|check| check.question.id() == question.id())
        {
            return check.advice;
        }
    }
    advice_for(question, answer)
}

#[cfg(test)]
pub(crate) mod tests;
