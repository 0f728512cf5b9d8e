//! A question of the bank, with its kind, and a question an earlier bank asked.

use std::fmt;

use crate::answer::Answer;

use super::Source;

/// The four partnership phases, in the order the source text gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Getting to know you.
    Forming,
    /// The honeymoon.
    Norming,
    /// Reality hits.
    Storming,
    /// Settling in and moving forward.
    Performing,
}

impl Phase {
    /// A leading phase by name, or "No clear phase yet" when none leads: the one wording of
    /// the screens, the files and the summary.
    pub fn leading_words(leading: Option<Phase>) -> &'static str {
        leading.map_or("No clear phase yet", Phase::name)
    }

    /// The phases in the source's order, which is also the tie-break order.
    pub const ALL: [Phase; 4] = [
        Self::Forming,
        Self::Norming,
        Self::Storming,
        Self::Performing,
    ];

    /// The phase's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Forming => "Forming",
            Self::Norming => "Norming",
            Self::Storming => "Storming",
            Self::Performing => "Performing",
        }
    }

    /// The phase's everyday nickname from the source.
    pub fn nickname(self) -> &'static str {
        match self {
            Self::Forming => "getting to know you",
            Self::Norming => "the honeymoon",
            Self::Storming => "reality hits",
            Self::Performing => "settling in and moving forward",
        }
    }
}

impl fmt::Display for Phase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a pitfall-watch item describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PitfallKind {
    /// A pitfall to avoid, paired with a tip.
    Pitfall,
    /// An objection the partnership will hear, paired with a response.
    Objection,
    /// An element often missing when an earlier attempt failed.
    Missing,
}

/// The expected range of a count, and optionally another count it must not exceed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRange {
    pub(super) min: Option<u32>,
    pub(super) max: Option<u32>,
    pub(super) not_more_than: Option<String>,
    pub(super) below: Option<String>,
    pub(super) above: Option<String>,
}

impl CountRange {
    /// A range built directly, for tests of the verdicts and of the links.
    #[doc(hidden)]
    pub fn new(min: Option<u32>, max: Option<u32>, not_more_than: Option<&str>) -> Self {
        Self {
            min,
            max,
            not_more_than: not_more_than.map(String::from),
            below: None,
            above: None,
        }
    }

    /// The same range with its bounds marked as the seed's hedges ("consider", "about"), each
    /// with its note, for tests of the verdicts.
    #[cfg(test)]
    pub(crate) fn hedged(mut self, below: Option<&str>, above: Option<&str>) -> Self {
        self.below = below.map(String::from);
        self.above = above.map(String::from);
        self
    }

    /// The smallest expected count, if any.
    pub fn min(&self) -> Option<u32> {
        self.min
    }

    /// The largest expected count, if any.
    pub fn max(&self) -> Option<u32> {
        self.max
    }

    /// The id of another count question this count must not exceed (the core planning team
    /// must not outnumber the CEOs).
    pub fn not_more_than(&self) -> Option<&str> {
        self.not_more_than.as_deref()
    }

    /// For a minimum the seed only suggests ("consider", "can be fine"): the advice for a count
    /// under it. A count under a minimum without this note is a concern.
    pub fn below_note(&self) -> Option<&str> {
        self.below.as_deref()
    }

    /// For a maximum the seed only suggests ("about", "consider"): the advice for a count over
    /// it. A count over a maximum without this note is a concern.
    pub fn above_note(&self) -> Option<&str> {
        self.above.as_deref()
    }

    /// True when the count has neither a range nor a comparison, so it is only recorded.
    pub fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none() && self.not_more_than.is_none()
    }

    /// The range in words: "2 to 6", "up to 12", "25 or more".
    pub fn range_text(&self) -> Option<String> {
        match (self.min, self.max) {
            (Some(min), Some(max)) => Some(format!("{min} to {max}")),
            (Some(min), None) => Some(format!("{min} or more")),
            (None, Some(max)) => Some(format!("up to {max}")),
            (None, None) => None,
        }
    }
}

/// What kind of answer a question takes, with what the kind needs to be judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuestionKind {
    /// A guiding question answered Not yet / Started / Mostly / Done.
    Scale,
    /// A phase indicator statement answered on the agreement scale.
    Agreement(Phase),
    /// A count with its expected range.
    Count(CountRange),
    /// A role check answered Yes or No, with the answer that is expected.
    YesNo {
        /// The answer the seeds recommend.
        expected: bool,
    },
    /// "Is this happening here?" for a pitfall, objection or missing element.
    Pitfall(PitfallKind),
}

/// One question of the bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub(super) id: String,
    pub(super) label: Option<String>,
    pub(super) text: String,
    pub(super) help: Option<String>,
    pub(super) source: Source,
    pub(super) kind: QuestionKind,
    pub(super) gate: Option<String>,
    pub(super) why: Option<String>,
    pub(super) advice: String,
    pub(super) phase_sign: Option<Phase>,
    pub(super) table_check: bool,
    pub(super) since: Option<String>,
    pub(super) dont_know_is_not_yet: bool,
    pub(super) presupposes: Option<String>,
    pub(super) bridges_to: Option<String>,
}

impl Question {
    /// The stable id, e.g. `"s1.convener"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The question or statement, in the project's own words.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A short name for lists and charts, e.g. "Core planning team"; counts and role checks
    /// always have one, other questions fall back to their text.
    pub fn label(&self) -> &str {
        self.label.as_deref().unwrap_or(&self.text)
    }

    /// An optional short help line.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }

    /// Which seed and part the question comes from.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The kind of answer it takes.
    pub fn kind(&self) -> &QuestionKind {
        &self.kind
    }

    /// For a gate, the condition it stands for ("An agreed lead convener or co-conveners").
    pub fn gate(&self) -> Option<&str> {
        self.gate.as_deref()
    }

    /// What a list of gates calls the question: a gate's condition ("An agreed lead convener
    /// or co-conveners"), or the question's short label.
    pub fn gate_label(&self) -> &str {
        self.gate().unwrap_or(self.label())
    }

    /// True when a Not yet answer blocks the question's step.
    pub fn is_gate(&self) -> bool {
        self.gate.is_some()
    }

    /// True for a gate the region would know had happened (two CEOs have said yes, or not):
    /// answered Don't know, it reads as not yet and blocks its step. Other gates answered
    /// Don't know are to find out.
    pub fn dont_know_is_not_yet(&self) -> bool {
        self.dont_know_is_not_yet
    }

    /// For a gate, the line the answering screen shows under it: what the gate stands for and
    /// how each answer reads.
    pub fn gate_line(&self) -> Option<String> {
        let dont_know = if self.dont_know_is_not_yet {
            "Don't know counts as not yet, since the team would know if it had happened"
        } else {
            "Don't know leaves it to confirm"
        };
        self.gate().map(|gate| {
            format!(
                "Gate: the step cannot be called done without this ({gate}). Mostly or Done \
                 meets it; Not yet or Started blocks the step; {dont_know}."
            )
        })
    }

    /// The gate this question takes for granted (the action teams a question about their
    /// members presupposes): while that gate is not met, this question is not proposed as a
    /// next step.
    pub fn presupposes(&self) -> Option<&str> {
        self.presupposes.as_deref()
    }

    /// The gate this question leads to (the short action-team calls after the launch lead to
    /// action teams): while that gate blocks the step the partnership is at, this question
    /// comes right after it among the next steps.
    pub fn bridges_to(&self) -> Option<&str> {
        self.bridges_to.as_deref()
    }

    /// For counts and role checks: why the expectation matters.
    pub fn why(&self) -> Option<&str> {
        self.why.as_deref()
    }

    /// The next step advised when the answer is weak; for a pitfall, the tip or response that
    /// answers it.
    pub fn advice(&self) -> &str {
        &self.advice
    }

    /// For a question that is not a phase statement, the phase its answer is also read as a
    /// sign of (a fact asked once: the tensions of the pitfall watch are a sign of Storming).
    pub fn phase_sign(&self) -> Option<Phase> {
        self.phase_sign
    }

    /// True for a launch-step question whose answer is also a who-is-at-the-table role check
    /// (met at Mostly or Done), so the fact is asked once.
    pub fn is_table_check(&self) -> bool {
        self.table_check
    }

    /// The bank version that first asked this question, for questions added after the first.
    pub fn since(&self) -> Option<&str> {
        self.since.as_deref()
    }

    /// True when this answer fits this question's kind. Don't know and Not applicable fit
    /// every question.
    pub fn accepts(&self, answer: &Answer) -> bool {
        kind_accepts(&self.kind, answer)
    }
}

/// A question an earlier bank version asked and this one does not. Answers to it are never
/// dropped: they move to the questions it was split into, where the meaning is the same, or
/// are kept under its id and listed in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetiredQuestion {
    pub(super) id: String,
    pub(super) kind: QuestionKind,
    pub(super) text: String,
    pub(super) retired_in: String,
    pub(super) moved_to: Vec<String>,
    pub(super) note: String,
}

impl RetiredQuestion {
    /// The id it had, e.g. `"table.convener-agreed"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The kind of answer it took.
    pub fn kind(&self) -> &QuestionKind {
        &self.kind
    }

    /// The question as it was asked.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The bank version that no longer asks it, e.g. `"2026.2"`.
    pub fn retired_in(&self) -> &str {
        &self.retired_in
    }

    /// The questions its answer moves to, for a question split into several that together
    /// mean the same; empty when the answer is kept as it was.
    pub fn moved_to(&self) -> &[String] {
        &self.moved_to
    }

    /// Why it is no longer asked and where its fact is asked now.
    pub fn note(&self) -> &str {
        &self.note
    }

    /// True when this answer fits the kind the question took.
    pub fn accepts(&self, answer: &Answer) -> bool {
        kind_accepts(&self.kind, answer)
    }
}

/// True when an answer fits a kind of question. Don't know and Not applicable fit every kind.
fn kind_accepts(kind: &QuestionKind, answer: &Answer) -> bool {
    matches!(
        (kind, answer),
        (_, Answer::DontKnow | Answer::NotApplicable)
            | (QuestionKind::Scale, Answer::Scale(_))
            | (QuestionKind::Agreement(_), Answer::Agreement(_))
            | (QuestionKind::Count(_), Answer::Count(_))
            | (QuestionKind::YesNo { .. }, Answer::YesNo(_))
            | (QuestionKind::Pitfall(_), Answer::Pitfall(_))
    )
}
