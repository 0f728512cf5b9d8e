//! Progress over time: the same partnership's results at two moments, compared step by step
//! and question by question.
//!
//! A question **moves** when it is answered on its scale both times and the answer changed.
//! The move's `points` count towards readiness, so a move up is always good news:
//!
//! - a launch-step question rises from Not yet (0) to Done (3);
//! - a phase statement's agreement rises from Disagree (0) to Agree (3); phases describe rather
//!   than judge, so "up" here only means stronger agreement;
//! - a pitfall counts down from its group-view position: Yes to No is 2 points *up*, because
//!   the pitfall stopped happening;
//! - a role check is 1 point up when it moved to the expected answer, 1 down when it moved away.
//!
//! Counts are not on a scale, so they never move; a count given for the first time is newly
//! answered, and the who-is-at-the-table checks of each report say whether it is within range.
//!
//! A question is **newly answered** when it had no real answer before (unanswered, Don't know,
//! Not applicable, or an answer that does not fit it) and has one after: Don't know turning
//! into Done is progress worth showing, and unanswered turning into Don't know is not.

use std::cmp::Reverse;

use crate::answer::Answer;
use crate::assessment::Assessment;
use crate::bank::{Bank, Phase, Question, QuestionKind, Section};
use crate::group::{scale_position, shown_readiness};
use crate::scoring::{
    fitting_answer, gate_status, phase_profile, section_scores, GateStatus, WhereYouAre,
};

/// What changed between two results of the same partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress<'a> {
    /// Every launch step, in bank order.
    pub steps: Vec<StepChange<'a>>,
    /// Questions whose answer moved towards readiness: the largest move first, then bank order.
    pub moved_up: Vec<QuestionMove<'a>>,
    /// Questions whose answer moved away from readiness: the largest move first, then bank
    /// order.
    pub moved_down: Vec<QuestionMove<'a>>,
    /// Questions with a real answer after and none before, in bank order.
    pub newly_answered: Vec<&'a Question>,
    /// Questions with a real answer before and none after (cleared, or now Don't know or Not
    /// applicable), in bank order.
    pub no_longer_answered: Vec<&'a Question>,
    /// Gates that blocked their step before (Not yet or Started) and are met after (Mostly
    /// or Done), in bank order.
    pub gates_cleared: Vec<&'a Question>,
    /// Gates that block their step after and did not before (met, not confirmed or
    /// unanswered), in bank order.
    pub gates_blocked: Vec<&'a Question>,
    /// Where the partnership stood before.
    pub where_before: WhereYouAre<'a>,
    /// Where it stands after.
    pub where_after: WhereYouAre<'a>,
    /// The leading phase before.
    pub phase_before: Option<Phase>,
    /// The leading phase after.
    pub phase_after: Option<Phase>,
}

impl Progress<'_> {
    /// True when no step, question, gate, place or phase changed.
    pub fn is_unchanged(&self) -> bool {
        self.steps
            .iter()
            .all(|s| s.before == s.after && s.blocked_before == s.blocked_after)
            && self.moved_up.is_empty()
            && self.moved_down.is_empty()
            && self.newly_answered.is_empty()
            && self.no_longer_answered.is_empty()
            && self.gates_cleared.is_empty()
            && self.gates_blocked.is_empty()
            && self.where_before == self.where_after
            && self.phase_before == self.phase_after
    }

    /// What the screen says when nothing changed; `None` when something did.
    pub fn unchanged_line(&self) -> Option<&'static str> {
        self.is_unchanged()
            .then_some("Nothing changed between these two results.")
    }

    /// Where the partnership was and is: "Before: You are at step 2, ..." and "Now: ...".
    pub fn where_lines(&self) -> [String; 2] {
        [
            format!("Before: {}", self.where_before.sentence()),
            format!("Now: {}", self.where_after.sentence()),
        ]
    }

    /// The leading phase before and now: "Leading phase before: Storming. Now: Norming."
    pub fn phase_line(&self) -> String {
        format!(
            "Leading phase before: {}. Now: {}.",
            Phase::leading_words(self.phase_before),
            Phase::leading_words(self.phase_after)
        )
    }
}

impl StepChange<'_> {
    /// The change in readiness in words: "up 12 points", "down 3 points", "no change", or a
    /// dash when one side had not enough answers.
    pub fn change_words(&self) -> String {
        match self.change {
            Some(0) => "no change".to_string(),
            Some(d) if d > 0 => format!("up {d} points"),
            Some(d) => format!("down {} points", -d),
            None => "–".to_string(),
        }
    }

    /// What happened to the step's gate: "block cleared", "newly blocked", "still blocked",
    /// or nothing.
    pub fn gate_words(&self) -> &'static str {
        match (self.blocked_before, self.blocked_after) {
            (true, false) => "block cleared",
            (false, true) => "newly blocked",
            (true, true) => "still blocked",
            (false, false) => "",
        }
    }
}

impl QuestionMove<'_> {
    /// The move in words: "Industry champions: Started → Done".
    pub fn words(&self, bank: &Bank) -> String {
        format!(
            "{}: {} → {}",
            self.question.label(),
            bank.answer_label(&self.before),
            bank.answer_label(&self.after)
        )
    }
}

/// One launch step before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepChange<'a> {
    /// The launch step.
    pub section: &'a Section,
    /// Readiness before; `None` when there were not enough answers to score the step.
    pub before: Option<u8>,
    /// Readiness after; `None` when there are not enough answers to score the step.
    pub after: Option<u8>,
    /// After minus before, in percentage points, when both are known.
    pub change: Option<i16>,
    /// True when a gate of the step blocked it before (Not yet or Started).
    pub blocked_before: bool,
    /// True when a gate of the step blocks it after (Not yet or Started).
    pub blocked_after: bool,
}

/// One question whose answer moved on its scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionMove<'a> {
    /// The question's section.
    pub section: &'a Section,
    /// The question.
    pub question: &'a Question,
    /// The answer before.
    pub before: Answer,
    /// The answer after.
    pub after: Answer,
    /// How many scale points the answer moved towards readiness (negative: away from it).
    pub points: i8,
}

/// An answer's position counted towards readiness (see the module's list); `None` for counts,
/// Don't know and Not applicable.
fn readiness_position(question: &Question, answer: Answer) -> Option<i8> {
    let position = i8::try_from(scale_position(answer)?).ok()?;
    Some(match (question.kind(), answer) {
        (QuestionKind::Pitfall(_), _) => 2 - position,
        (QuestionKind::YesNo { expected }, Answer::YesNo(yes)) => i8::from(yes == *expected),
        _ => position,
    })
}

/// A real answer: one that fits the question and is neither Don't know nor Not applicable.
fn real_answer(question: &Question, assessment: &Assessment) -> Option<Answer> {
    fitting_answer(question, assessment).filter(|answer| !answer.is_unscored())
}

/// Compares two results of the same partnership, `before` and `after`, against one bank.
///
/// The result borrows only from the bank, so the two assessments may be temporaries.
pub fn progress<'a>(bank: &'a Bank, before: &Assessment, after: &Assessment) -> Progress<'a> {
    let scores_before = section_scores(bank, before);
    let scores_after = section_scores(bank, after);
    let steps = scores_before
        .iter()
        .zip(&scores_after)
        .filter(|(score, _)| score.section.step().is_some())
        .map(|(b, a)| {
            let (before, after) = (shown_readiness(b), shown_readiness(a));
            StepChange {
                section: b.section,
                before,
                after,
                change: before.zip(after).map(|(b, a)| i16::from(a) - i16::from(b)),
                blocked_before: b.is_blocked(),
                blocked_after: a.is_blocked(),
            }
        })
        .collect();

    let mut moved_up = Vec::new();
    let mut moved_down = Vec::new();
    let mut newly_answered = Vec::new();
    let mut no_longer_answered = Vec::new();
    let mut gates_cleared = Vec::new();
    let mut gates_blocked = Vec::new();
    for section in bank.sections() {
        for question in section.questions() {
            let (was, is) = (real_answer(question, before), real_answer(question, after));
            match (was, is) {
                (None, Some(_)) => newly_answered.push(question),
                (Some(_), None) => no_longer_answered.push(question),
                (Some(was), Some(is)) => {
                    let positions =
                        readiness_position(question, was).zip(readiness_position(question, is));
                    if let Some((from, to)) = positions {
                        let change = QuestionMove {
                            section,
                            question,
                            before: was,
                            after: is,
                            points: to - from,
                        };
                        if to > from {
                            moved_up.push(change);
                        } else if to < from {
                            moved_down.push(change);
                        }
                    }
                }
                (None, None) => {}
            }
            if let (Some(was), Some(is)) =
                (gate_status(question, before), gate_status(question, after))
            {
                if was == GateStatus::Blocked && is == GateStatus::Met {
                    gates_cleared.push(question);
                } else if was != GateStatus::Blocked && is == GateStatus::Blocked {
                    gates_blocked.push(question);
                }
            }
        }
    }
    // Stable sorts, so bank order breaks ties.
    moved_up.sort_by_key(|m| Reverse(m.points.unsigned_abs()));
    moved_down.sort_by_key(|m| Reverse(m.points.unsigned_abs()));

    Progress {
        steps,
        moved_up,
        moved_down,
        newly_answered,
        no_longer_answered,
        gates_cleared,
        gates_blocked,
        where_before: WhereYouAre::for_assessment(&scores_before, before),
        where_after: WhereYouAre::for_assessment(&scores_after, after),
        phase_before: phase_profile(bank, before).leading,
        phase_after: phase_profile(bank, after).leading,
    }
}

#[cfg(test)]
mod tests;
