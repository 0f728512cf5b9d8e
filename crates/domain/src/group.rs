//! The group view: several respondents' results side by side, showing where they agree and
//! where they see things differently.
//!
//! Disagreement is the most useful thing to talk about in a session, so the view puts it
//! first and never hides it in an average: questions are sorted with disagreements at the top,
//! then by how far apart the answers are.
//!
//! To compare answers of different kinds, each answer has a **scale position**
//! ([`scale_position`]):
//!
//! | Kind      | Positions                                                  |
//! |-----------|------------------------------------------------------------|
//! | Scale     | Not yet 0, Started 1, Mostly 2, Done 3                     |
//! | Agreement | Disagree 0, Somewhat disagree 1, Somewhat agree 2, Agree 3 |
//! | Pitfall   | No 0, A little 1, Yes 2                                    |
//! | Yes / no  | No 0, Yes 1                                                |
//! | Count     | none: a count is not on a scale                            |
//!
//! Two answers [`DISAGREEMENT_POINTS`] positions apart or more are a disagreement. A yes/no
//! question spans only one position, so a Yes beside a No is shown side by side but never
//! flagged as a disagreement. Counts are compared by their verdict against the expected range
//! instead ([`count_verdict`]): one count within the range beside one outside it (below, above,
//! or outnumbering the business leaders) is a disagreement, two different counts with the same
//! verdict are not. A count's mean, minimum and maximum are left empty (`None`), because they
//! are not scale positions; [`QuestionRow::count_range`] gives the raw counts.
//!
//! Don't know and Not applicable are shown in each respondent's column but never count towards
//! a mean, a range or a disagreement. An answer that does not fit its question's kind is shown
//! as unanswered, as the report leaves it out. So one respondent alone never disagrees.
//!
//! Which respondents are shown is the app's business: it passes only the visible ones.

pub mod session;

use std::cmp::Reverse;

use crate::answer::{Agreement, Answer, PitfallLevel, ScalePoint};
use crate::assessment::Assessment;
use crate::bank::{Bank, Phase, Question, QuestionKind, Section};
use crate::scoring::{
    count_verdict, fitting_answer, gate_status, phase_profile, section_scores, GateState,
    GateStatus, PhaseProfile, SectionScore, Verdict, WhereYouAre,
};

/// Two answers this many scale points apart or more are a disagreement.
pub const DISAGREEMENT_POINTS: u8 = 2;

/// The longest label a respondent of the group view may have, in characters.
pub const MAX_RESPONDENT_LABEL_CHARS: usize = 60;

/// From this many respondents the group view summarises instead of listing: the launch steps
/// are shown as how many respondents place each step in each shade of readiness, and the
/// steps-by-respondents heat map waits behind a disclosure. Below it a coach can still read a
/// column per person at a glance; above it the columns are too narrow to label.
pub const SUMMARISE_FROM: usize = 25;

/// Above this many respondents the group's tables show one column of tallies instead of one
/// column per person: a hundred columns cannot be read, printed, or drawn quickly.
pub const MOST_COLUMNS: usize = 12;

/// The shades of readiness the group's pictures use, weakest first: five bands of 20 points.
pub const READINESS_SHADES: [&str; 5] = ["0–19%", "20–39%", "40–59%", "60–79%", "80–100%"];

/// Which of the [`READINESS_SHADES`] a readiness figure falls in, from 0.
pub fn readiness_shade(readiness: u8) -> u8 {
    (readiness / 20).min(4)
}

/// One respondent of the group: a label and the assessment. What the Compare screen says
/// about them (where the results came from, whether they are hidden) is the workspace's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Respondent {
    /// How the respondent is named in the view, e.g. "Ana (college)".
    pub label: String,
    /// Their answers.
    pub assessment: Assessment,
}

impl Respondent {
    /// A respondent with this label.
    pub fn new(label: impl Into<String>, assessment: Assessment) -> Self {
        Self {
            label: label.into(),
            assessment,
        }
    }
}

/// The group view of several respondents, computed afresh from their answers.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupView<'a> {
    /// The bank the answers are read against.
    pub bank: &'a Bank,
    /// One summary per respondent, in input order. Every other list indexes respondents in
    /// this order.
    pub respondents: Vec<RespondentSummary<'a>>,
    /// One row per launch step, in bank order.
    pub steps: Vec<StepRow<'a>>,
    /// Every question at least one respondent answered (Don't know and Not applicable
    /// included): disagreements first, then by spread, widest first, then in bank order.
    pub questions: Vec<QuestionRow<'a>>,
    /// Answers whose question is not in this bank (perhaps from another bank version), by
    /// respondent, then question id.
    pub unmatched: Vec<Unmatched<'a>>,
}

impl GroupView<'_> {
    /// Whether the group is large enough ([`SUMMARISE_FROM`]) to be summarised rather than
    /// listed person by person.
    pub fn summarises(&self) -> bool {
        self.respondents.len() >= SUMMARISE_FROM
    }

    /// How many questions people disagree on, in a sentence: "3 question(s) where answers are
    /// 2 or more scale points apart."
    pub fn disagreement_line(&self) -> String {
        let disagreements = self.questions.iter().filter(|q| q.disagreement).count();
        format!(
            "{disagreements} question(s) where answers are {DISAGREEMENT_POINTS} or more scale \
             points apart."
        )
    }

    /// Whether the tables show one column of tallies rather than one per respondent (above
    /// [`MOST_COLUMNS`] respondents).
    pub fn tallies_in_one_column(&self) -> bool {
        self.respondents.len() > MOST_COLUMNS
    }

    /// The heads of the tables' respondent columns: each respondent's label, or one column
    /// "40 respondents" when the tables tally.
    pub fn column_heads(&self) -> Vec<String> {
        if self.tallies_in_one_column() {
            vec![format!("{} respondents", self.respondents.len())]
        } else {
            self.respondents
                .iter()
                .map(|r| r.label.to_string())
                .collect()
        }
    }
}

/// One respondent's headline results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RespondentSummary<'a> {
    /// The respondent's label.
    pub label: &'a str,
    /// The bank version the respondent answered against.
    pub bank_version: &'a str,
    /// Where the partnership stands, in this respondent's eyes.
    pub where_you_are: WhereYouAre<'a>,
    /// The phase whose indicators this respondent scored highest.
    pub leading_phase: Option<Phase>,
    /// The whole phase profile.
    pub phases: PhaseProfile,
    /// Gate questions this respondent answered Not yet or Started, in bank order.
    pub blocks: Vec<&'a Question>,
    /// Gate questions of the steps this respondent has begun that are not confirmed (Don't
    /// know, Not applicable or no answer), in bank order.
    pub to_confirm: Vec<&'a Question>,
    /// Questions of this bank the respondent answered in any way (Don't know and Not
    /// applicable included; answers that do not fit their question and unmatched ids left out).
    pub answered: usize,
    /// The respondent's assessment, for who and what was assessed.
    pub assessment: &'a Assessment,
}

/// One launch step across respondents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepRow<'a> {
    /// The launch step.
    pub section: &'a Section,
    /// Each respondent's readiness, in respondent order; `None` when the respondent has not
    /// answered enough of the step (the band "Not enough answers") or nothing on its scale.
    pub readiness: Vec<Option<u8>>,
    /// The mean of the readiness figures present, rounded down like readiness itself.
    pub mean: Option<u8>,
    /// The lowest readiness present.
    pub min: Option<u8>,
    /// The highest readiness present.
    pub max: Option<u8>,
    /// Indexes of the respondents for whom a gate of this step is answered Not yet or Started.
    pub blocked_for: Vec<usize>,
    /// Indexes of the respondents who have begun this step and not confirmed one of its gates
    /// (and have none blocked).
    pub to_confirm_for: Vec<usize>,
    /// Each gate of the step, with how many respondents met it, block it, or have not
    /// confirmed it.
    pub gates: Vec<GateTally<'a>>,
}

impl StepRow<'_> {
    /// How many respondents place the step in each of the [`READINESS_SHADES`] (every shade,
    /// even an empty one, so the bars of the steps line up), then how many have not answered
    /// enough of it to judge (only when someone has not).
    pub fn shades(&self) -> Vec<Share> {
        let of = READINESS_SHADES.len() as u8;
        let mut shares: Vec<Share> = (0..of)
            .zip(READINESS_SHADES)
            .map(|(position, label)| Share {
                label: label.to_string(),
                count: self
                    .readiness
                    .iter()
                    .filter(|pct| pct.map(readiness_shade) == Some(position))
                    .count(),
                kind: ShareKind::Point { position, of },
            })
            .collect();
        let unjudged = self.readiness.iter().filter(|pct| pct.is_none()).count();
        if unjudged > 0 {
            shares.push(Share {
                label: "Not enough answers".to_string(),
                count: unjudged,
                kind: ShareKind::Unanswered,
            });
        }
        shares
    }

    /// The step's tally when the table has one column for everyone: "9 scored", and ", 2
    /// blocked" when someone's gate blocks it.
    pub fn tally_in_words(&self) -> (String, Option<String>) {
        let scored = self.readiness.iter().flatten().count();
        let blocked = self.blocked_for.len();
        (
            format!("{scored} scored"),
            (blocked > 0).then(|| format!(", {blocked} blocked")),
        )
    }

    /// The lowest and highest readiness in words, "13–77%" (or "–" when nobody has a figure).
    pub fn range_in_words(&self) -> String {
        match (self.min, self.max) {
            (Some(min), Some(max)) => format!("{min}–{max}%"),
            _ => "–".to_string(),
        }
    }

    /// The step's readiness across the group in one line beside its bar: "mean 48%, 13–77%;
    /// 23 blocked, 7 to confirm".
    pub fn in_words(&self) -> String {
        let figures = match self.mean {
            Some(mean) => format!("mean {mean}%, {}", self.range_in_words()),
            None => "no figure yet".to_string(),
        };
        format!("{figures}; {}", self.marks_in_words())
    }

    /// How many respondents a gate of the step blocks, and how many have one to confirm:
    /// "23 blocked, 7 to confirm", "nobody blocked".
    pub fn marks_in_words(&self) -> String {
        match (self.blocked_for.len(), self.to_confirm_for.len()) {
            (0, 0) => "nobody blocked".to_string(),
            (blocked, 0) => format!("{blocked} blocked"),
            (0, confirm) => format!("nobody blocked, {confirm} to confirm"),
            (blocked, confirm) => format!("{blocked} blocked, {confirm} to confirm"),
        }
    }
}

/// One gate across respondents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateTally<'a> {
    /// The gate question.
    pub question: &'a Question,
    /// How many respondents answered it Mostly or Done.
    pub met: usize,
    /// How many answered it Not yet or Started.
    pub blocked: usize,
    /// How many answered Don't know or Not applicable, or left it unanswered.
    pub not_confirmed: usize,
}

impl GateTally<'_> {
    /// Whether the gate is worth a word in a session: someone blocks it or has not confirmed it.
    pub fn to_talk_about(&self) -> bool {
        self.blocked + self.not_confirmed > 0
    }

    /// How the gate stands across a group of `of`, in words: "blocked for 2, not confirmed by
    /// 1, met by 3 of 6". The Compare screen and session mode both say it this way.
    pub fn counts_in_words(&self, of: usize) -> String {
        let mut parts = Vec::new();
        if self.blocked > 0 {
            parts.push(format!("blocked for {}", self.blocked));
        }
        if self.not_confirmed > 0 {
            parts.push(format!("not confirmed by {}", self.not_confirmed));
        }
        parts.push(format!("met by {} of {of}", self.met));
        parts.join(", ")
    }
}

/// What one part of a question's distribution counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareKind {
    /// A point of the question's scale: its position from 0 and how many points there are.
    Point {
        /// The position, from 0 (the weakest).
        position: u8,
        /// How many points the scale has.
        of: u8,
    },
    /// A count, for count questions.
    Count,
    /// Don't know.
    DontKnow,
    /// Not applicable.
    NotApplicable,
    /// No answer.
    Unanswered,
}

/// One part of a question's distribution: how many respondents gave one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    /// The answer in words ("Started", "Don't know", "No answer", "12").
    pub label: String,
    /// How many respondents.
    pub count: usize,
    /// What kind of answer it is.
    pub kind: ShareKind,
}

/// One question across respondents.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionRow<'a> {
    /// The question's section.
    pub section: &'a Section,
    /// The question.
    pub question: &'a Question,
    /// Each respondent's answer, in respondent order; `None` when unanswered (or answered in a
    /// way that does not fit the question).
    pub answers: Vec<Option<Answer>>,
    /// The mean scale position of the answers on the scale; `None` for counts and when no
    /// answer is on the scale.
    pub mean: Option<f32>,
    /// The lowest scale position; `None` for counts and when no answer is on the scale.
    pub min: Option<u8>,
    /// The highest scale position; `None` for counts and when no answer is on the scale.
    pub max: Option<u8>,
    /// True when two answers are [`DISAGREEMENT_POINTS`] or more apart, or, for a count, when
    /// the counts' verdicts against the expected range differ.
    pub disagreement: bool,
}

impl QuestionRow<'_> {
    /// How far apart the answers are: the highest scale position minus the lowest; 0 for
    /// counts and when fewer than two answers are on the scale.
    pub fn spread(&self) -> u8 {
        match (self.min, self.max) {
            (Some(min), Some(max)) => max - min,
            _ => 0,
        }
    }

    /// How many respondents gave each answer, in the scale's order (every point, even those
    /// nobody chose, so bars line up from question to question), then counts from low to high,
    /// then Don't know, Not applicable and no answer (these three only when someone is in
    /// them).
    pub fn distribution(&self, bank: &Bank) -> Vec<Share> {
        let count_of = |answer: Answer| self.answers.iter().filter(|a| **a == Some(answer)).count();
        let mut shares: Vec<Share> = Vec::new();
        let choices = bank.choices(self.question);
        let points: Vec<Answer> = choices
            .iter()
            .map(|choice| choice.answer)
            .filter(|answer| scale_position(*answer).is_some())
            .collect();
        let of = u8::try_from(points.len()).unwrap_or(u8::MAX);
        for answer in &points {
            shares.push(Share {
                label: bank.answer_label(answer),
                count: count_of(*answer),
                kind: ShareKind::Point {
                    position: scale_position(*answer).unwrap_or_default(),
                    of,
                },
            });
        }
        // The scale's points run from the weakest; the bank lists some the other way round.
        shares.sort_by_key(|share| match share.kind {
            ShareKind::Point { position, .. } => position,
            _ => u8::MAX,
        });
        for (answer, count) in self.tally() {
            if let Answer::Count(_) = answer {
                shares.push(Share {
                    label: bank.answer_label(&answer),
                    count,
                    kind: ShareKind::Count,
                });
            }
        }
        let rest = [
            (Some(Answer::DontKnow), ShareKind::DontKnow),
            (Some(Answer::NotApplicable), ShareKind::NotApplicable),
            (None, ShareKind::Unanswered),
        ];
        for (answer, kind) in rest {
            let count = self.answers.iter().filter(|a| **a == answer).count();
            if count > 0 {
                let label =
                    answer.map_or_else(|| "No answer".to_string(), |a| bank.answer_label(&a));
                shares.push(Share { label, count, kind });
            }
        }
        shares
    }

    /// The spread in words: "two apart: Started to Done", "all at Mostly" ("Mostly" when only
    /// one answer is on the scale), "counts 4 to 9", or "no answer on the scale".
    pub fn spread_in_words(&self, bank: &Bank) -> String {
        let range = self.range_in_words(bank);
        if range.is_empty() {
            return "no answer on the scale".to_string();
        }
        if self.count_range().is_some() {
            return format!("counts {range}");
        }
        let on_scale = self
            .answers
            .iter()
            .flatten()
            .filter(|answer| scale_position(**answer).is_some())
            .count();
        match self.spread() {
            // One answer alone is not an agreement: it is just that answer.
            0 if on_scale == 1 => range,
            0 => format!("all at {range}"),
            1 => format!("one apart: {range}"),
            2 => format!("two apart: {range}"),
            3 => format!("three apart: {range}"),
            n => format!("{n} apart: {range}"),
        }
    }

    /// The range of the answers in words: "Started to Done", "Mostly" when everyone agrees,
    /// "4 to 9" for counts; empty when no answer is on the scale. The screen and the CSV both
    /// show this.
    pub fn range_in_words(&self, bank: &Bank) -> String {
        let (lo, hi) = match (self.min, self.max, self.count_range()) {
            (Some(min), Some(max), _) => (
                position_label(bank, self.question, min)
                    .unwrap_or_default()
                    .to_string(),
                position_label(bank, self.question, max)
                    .unwrap_or_default()
                    .to_string(),
            ),
            (_, _, Some((min, max))) => (min.to_string(), max.to_string()),
            _ => return String::new(),
        };
        if lo == hi {
            lo
        } else {
            format!("{lo} to {hi}")
        }
    }

    /// For a count question, the lowest and highest count given; `None` for other questions
    /// and when no count was given.
    pub fn count_range(&self) -> Option<(u32, u32)> {
        let mut counts = self.answers.iter().filter_map(|answer| match answer {
            Some(Answer::Count(n)) => Some(*n),
            _ => None,
        });
        let first = counts.next()?;
        Some(counts.fold((first, first), |(lo, hi), n| (lo.min(n), hi.max(n))))
    }

    /// How many respondents gave each answer, for groups too large to show one column per
    /// person: scale answers from the lowest position up, then counts from the smallest, then
    /// Don't know and Not applicable. Unanswered is left out.
    pub fn tally(&self) -> Vec<(Answer, usize)> {
        let order = |answer: &Answer| match (scale_position(*answer), answer) {
            (Some(position), _) => (0, u32::from(position)),
            (None, Answer::Count(n)) => (1, *n),
            (None, Answer::DontKnow) => (2, 0),
            _ => (3, 0),
        };
        let mut tally: Vec<(Answer, usize)> = Vec::new();
        for answer in self.answers.iter().flatten() {
            match tally.iter_mut().find(|(seen, _)| seen == answer) {
                Some((_, count)) => *count += 1,
                None => tally.push((*answer, 1)),
            }
        }
        tally.sort_by_key(|(answer, _)| order(answer));
        tally
    }
}

/// An answer whose question id is not in the bank the view is read against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmatched<'a> {
    /// The respondent's index.
    pub respondent: usize,
    /// The respondent's label.
    pub label: &'a str,
    /// The unknown question id.
    pub question_id: &'a str,
}

impl RespondentSummary<'_> {
    /// The respondent's leading phase by name, or "No clear phase yet".
    pub fn phase_words(&self) -> &'static str {
        Phase::leading_words(self.leading_phase)
    }
}

impl Unmatched<'_> {
    /// The answer left out, as the Compare screen lists it: `Ana: question "s9.old"`.
    pub fn line(&self) -> String {
        format!("{}: question \"{}\"", self.label, self.question_id)
    }
}

/// Where an answer sits on its scale, for comparing respondents (see the module's table):
/// `None` for counts, Don't know and Not applicable.
pub fn scale_position(answer: Answer) -> Option<u8> {
    match answer {
        Answer::Scale(point) => Some(point as u8),
        Answer::Agreement(point) => Some(point as u8),
        Answer::Pitfall(level) => Some(match level {
            PitfallLevel::No => 0,
            PitfallLevel::ALittle => 1,
            PitfallLevel::Yes => 2,
        }),
        Answer::YesNo(yes) => Some(u8::from(yes)),
        Answer::Count(_) | Answer::DontKnow | Answer::NotApplicable => None,
    }
}

/// A launch step's readiness as the group view and progress show it: `None` when the band is
/// "Not enough answers" (under half the questions answered, or none on the scale).
pub(crate) fn shown_readiness(score: &SectionScore) -> Option<u8> {
    score
        .has_enough_answers()
        .then(|| score.readiness_pct())
        .flatten()
}

/// A count's verdict as scoring gives it: against its range, then against the respondent's
/// own answer to the count it must not exceed.
fn verdict_of_count(question: &Question, count: u32, assessment: &Assessment) -> Option<Verdict> {
    let QuestionKind::Count(range) = question.kind() else {
        return None;
    };
    let other = match range.not_more_than().and_then(|id| assessment.answer(id)) {
        Some(Answer::Count(n)) => Some(n),
        _ => None,
    };
    Some(count_verdict(range, count, other))
}

/// Puts several respondents' results side by side.
pub fn group_view<'a>(bank: &'a Bank, respondents: &'a [Respondent]) -> GroupView<'a> {
    let scores: Vec<Vec<SectionScore<'a>>> = respondents
        .iter()
        .map(|r| section_scores(bank, &r.assessment))
        .collect();

    let summaries = respondents
        .iter()
        .zip(&scores)
        .map(|(respondent, scores)| {
            let assessment = &respondent.assessment;
            let phases = phase_profile(bank, assessment);
            RespondentSummary {
                label: &respondent.label,
                bank_version: &assessment.meta.bank_version,
                where_you_are: WhereYouAre::for_assessment(scores, &respondent.assessment),
                leading_phase: phases.leading,
                phases,
                blocks: scores
                    .iter()
                    .flat_map(|s| s.blocked_by.iter().copied())
                    .collect(),
                to_confirm: scores
                    .iter()
                    .flat_map(|s| s.gates_to_confirm().iter().copied())
                    .collect(),
                answered: scores.iter().map(|s| s.answered as usize).sum(),
                assessment,
            }
        })
        .collect();

    let steps = bank
        .sections()
        .iter()
        .enumerate()
        .filter(|(_, section)| section.step().is_some())
        .map(|(at, section)| {
            let readiness: Vec<Option<u8>> =
                scores.iter().map(|s| shown_readiness(&s[at])).collect();
            let present: Vec<u8> = readiness.iter().flatten().copied().collect();
            let sum: u32 = present.iter().map(|&pct| u32::from(pct)).sum();
            let mean = u32::try_from(present.len())
                .ok()
                .filter(|&n| n > 0)
                .and_then(|n| u8::try_from(sum / n).ok());
            StepRow {
                section,
                mean,
                min: present.iter().copied().min(),
                max: present.iter().copied().max(),
                blocked_for: scores
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s[at].is_blocked())
                    .map(|(respondent, _)| respondent)
                    .collect(),
                to_confirm_for: scores
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s[at].gate_state() == GateState::ToConfirm)
                    .map(|(respondent, _)| respondent)
                    .collect(),
                gates: section
                    .questions()
                    .iter()
                    .filter(|question| question.is_gate())
                    .map(|question| {
                        let mut tally = GateTally {
                            question,
                            met: 0,
                            blocked: 0,
                            not_confirmed: 0,
                        };
                        for respondent in respondents {
                            match gate_status(question, &respondent.assessment) {
                                Some(GateStatus::Met) => tally.met += 1,
                                Some(GateStatus::Blocked) => tally.blocked += 1,
                                _ => tally.not_confirmed += 1,
                            }
                        }
                        tally
                    })
                    .collect(),
                readiness,
            }
        })
        .collect();

    let mut questions = Vec::new();
    for section in bank.sections() {
        for question in section.questions() {
            let answers: Vec<Option<Answer>> = respondents
                .iter()
                .map(|r| fitting_answer(question, &r.assessment))
                .collect();
            if answers.iter().all(Option::is_none) {
                continue;
            }
            questions.push(question_row(section, question, answers, respondents));
        }
    }
    // The sort is stable, so bank order breaks the remaining ties.
    questions.sort_by_key(|row| (!row.disagreement, Reverse(row.spread())));

    let unmatched = respondents
        .iter()
        .enumerate()
        .flat_map(|(at, r)| {
            r.assessment
                .answers()
                .keys()
                .filter(|id| bank.question(id).is_none())
                .map(move |id| Unmatched {
                    respondent: at,
                    label: &r.label,
                    question_id: id,
                })
        })
        .collect();

    GroupView {
        bank,
        respondents: summaries,
        steps,
        questions,
        unmatched,
    }
}

/// One question's row: mean, range and whether the respondents disagree.
fn question_row<'a>(
    section: &'a Section,
    question: &'a Question,
    answers: Vec<Option<Answer>>,
    respondents: &[Respondent],
) -> QuestionRow<'a> {
    let positions: Vec<u8> = answers
        .iter()
        .flatten()
        .filter_map(|a| scale_position(*a))
        .collect();
    let min = positions.iter().copied().min();
    let max = positions.iter().copied().max();
    let mean = (!positions.is_empty()).then(|| {
        let sum: f32 = positions.iter().map(|&p| f32::from(p)).sum();
        // At most a few hundred respondents, so the count is exact in an f32.
        sum / positions.len() as f32
    });
    let disagreement = if matches!(question.kind(), QuestionKind::Count(_)) {
        let mut verdicts = answers
            .iter()
            .zip(respondents)
            .filter_map(|(answer, r)| match answer {
                Some(Answer::Count(n)) => verdict_of_count(question, *n, &r.assessment),
                _ => None,
            });
        let first = verdicts.next();
        verdicts.any(|verdict| Some(verdict) != first)
    } else {
        matches!((min, max), (Some(lo), Some(hi)) if hi - lo >= DISAGREEMENT_POINTS)
    };
    QuestionRow {
        section,
        question,
        answers,
        mean,
        min,
        max,
        disagreement,
    }
}

/// The label of a scale position of this question, e.g. "Mostly" for position 2 of a step
/// question; `None` for counts.
fn position_label<'a>(bank: &'a Bank, question: &Question, position: u8) -> Option<&'a str> {
    let scales = bank.scales();
    let at = usize::from(position);
    match question.kind() {
        QuestionKind::Scale => ScalePoint::ALL.get(at).map(|&p| scales.scale(p)),
        QuestionKind::Agreement(_) => Agreement::ALL.get(at).map(|&p| scales.agreement(p)),
        QuestionKind::Pitfall(_) => PitfallLevel::ALL.get(at).map(|&l| scales.pitfall(l)),
        QuestionKind::YesNo { .. } => match position {
            0 => Some(scales.yes_no(false)),
            1 => Some(scales.yes_no(true)),
            _ => None,
        },
        QuestionKind::Count(_) => None,
    }
}

#[cfg(test)]
mod tests;
