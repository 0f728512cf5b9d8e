//! The question bank: every section, question, answer scale, gate, piece of advice and source.
//!
//! The bank is data, kept in `bank/bank.json`. The build script (`build.rs`) reads it with
//! the raw shapes of `bank/shapes.rs` and writes it into the binary as a Rust static of those
//! shapes, so the app needs no JSON parsing for it; on first use the static is checked and
//! turned into the typed values below, by the same checks [`Bank::from_json`] runs on any
//! other bank text (the tests run both on `bank.json` and compare them). The raw shapes never
//! leave this module, and the public types do not derive `Serialize`, because exports have their own
//! versioned format. Questions are found by stable ids such as `s1.convener`, never by their
//! position in a list, so that saved answers survive a reordering of the bank.
//!
//! The bank is versioned by a string such as `2026.1` (year, then release within the year),
//! carried in every assessment and report so an old answer set can be recognised.
//!
//! The shape of `bank.json`: `bank_version`; `scales` (the labels of each answer scale);
//! `sources` (one per seed, with a title, its author where known, and what the check takes from it); `sections`, each with `id`,
//! `kind` (`launch_step` with a `step` number, `phases`, `table` or `pitfalls`), `title`,
//! `intro`, `source` and `questions`; and `help_areas`. A question has `id`, `kind` (`scale`,
//! `agreement` with a `phase`, `count` with optional `min`, `max` and `not_more_than`, `yes_no`
//! with `expected`, or `pitfall` with `pitfall`: `pitfall`, `objection` or `missing`), `text`,
//! optional `help`, `source` (`seed` and `part`), `advice`, and optionally `gate` (the condition
//! a Not yet answer leaves unmet) with `gate_dont_know` (`find_out`, the default, or `not_yet`
//! where the region would know had it happened), `presupposes` (a gate of the same or an
//! earlier step the question takes for granted) and `bridges_to` (a gate of the same or a
//! later step the question leads to). Counts and role checks also carry a short `label` and a
//! `why`; pitfalls carry a `label` too, for the report's findings. [`Bank::from_json`] rejects
//! anything else with a message naming the item at fault.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::OnceLock;

use thiserror::Error;

use crate::answer::{Agreement, Answer, PitfallLevel, ScalePoint};

/// The seeds a source may name: the five source texts the product is built from.
pub const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// Why a bank could not be loaded. Each message names the item at fault and what to change.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BankError {
    /// The text is not JSON of the expected shape.
    #[error("The question bank could not be read at line {line}, column {column}: {message}")]
    Json {
        /// Line of the problem, counted from 1.
        line: usize,
        /// Column of the problem, counted from 1.
        column: usize,
        /// What serde found wrong.
        message: String,
    },
    /// A required text is empty.
    #[error("{item} has an empty {field}: write one.")]
    EmptyText {
        /// The item at fault, e.g. `question "s1.convener"`.
        item: String,
        /// The empty field.
        field: &'static str,
    },
    /// An id is unusable.
    #[error("{item} has the id \"{id}\", which is not usable: use lower-case letters, digits, dots and dashes only.")]
    BadId {
        /// What kind of item.
        item: &'static str,
        /// The id.
        id: String,
    },
    /// Two items share an id.
    #[error("Two {item}s share the id \"{id}\": give each a unique id.")]
    DuplicateId {
        /// What kind of item.
        item: &'static str,
        /// The shared id.
        id: String,
    },
    /// A source names a seed that does not exist.
    #[error("{item} names the source \"{seed}\", which is not one of the seeds 000 to 004 listed under \"sources\".")]
    UnknownSeed {
        /// The item at fault.
        item: String,
        /// The seed named.
        seed: String,
    },
    /// A question has no advice for a weak answer.
    #[error("Question \"{id}\" has no advice for a weak answer: add an \"advice\" text.")]
    MissingAdvice {
        /// The question.
        id: String,
    },
    /// A question's fields do not fit its kind or its section.
    #[error("Question \"{id}\" {problem}.")]
    BadQuestion {
        /// The question.
        id: String,
        /// What is wrong, phrased to follow the id.
        problem: String,
    },
    /// Launch steps are missing, repeated or out of order.
    #[error("Section \"{section}\" is numbered step {found} but should be step {expected}: list launch steps in order, numbered from 1.")]
    StepOrder {
        /// The section.
        section: String,
        /// The number it has.
        found: u8,
        /// The number it should have.
        expected: u8,
    },
    /// A section kind that may appear once appears twice.
    #[error("There are two \"{kind}\" sections: keep one.")]
    RepeatedSection {
        /// The repeated kind.
        kind: &'static str,
    },
    /// A reference to another item does not resolve.
    #[error("{item} refers to \"{target}\", which is not in the bank.")]
    UnknownReference {
        /// The item holding the reference.
        item: String,
        /// The id that is missing.
        target: String,
    },
}

/// Where an item comes from: a seed text and the step or part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    seed: String,
    part: String,
}

impl Source {
    /// The seed id, one of [`SEEDS`], e.g. `"001"`.
    pub fn seed(&self) -> &str {
        &self.seed
    }

    /// The step or part of the seed, e.g. `"Step 3, guiding questions"`.
    pub fn part(&self) -> &str {
        &self.part
    }
}

/// One source text, credited by name in every report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDoc {
    seed: String,
    title: String,
    by: String,
    used_for: String,
}

impl SourceDoc {
    /// The seed id, e.g. `"003"`.
    pub fn seed(&self) -> &str {
        &self.seed
    }

    /// The title of the text.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The author or collection, where the text names one; empty otherwise.
    pub fn by(&self) -> &str {
        &self.by
    }

    /// What the check takes from this text, for the Sources page.
    pub fn used_for(&self) -> &str {
        &self.used_for
    }

    /// The credit line shown in report footers: the title, and its author where known.
    pub fn credit(&self) -> String {
        if self.by.is_empty() {
            self.title.clone()
        } else {
            format!("{}, {}", self.title, self.by)
        }
    }
}

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
    min: Option<u32>,
    max: Option<u32>,
    not_more_than: Option<String>,
    below: Option<String>,
    above: Option<String>,
}

impl CountRange {
    /// A range built directly, for tests of the verdicts.
    #[cfg(test)]
    pub(crate) fn new(min: Option<u32>, max: Option<u32>, not_more_than: Option<&str>) -> Self {
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
    id: String,
    label: Option<String>,
    text: String,
    help: Option<String>,
    source: Source,
    kind: QuestionKind,
    gate: Option<String>,
    why: Option<String>,
    advice: String,
    phase_sign: Option<Phase>,
    table_check: bool,
    since: Option<String>,
    dont_know_is_not_yet: bool,
    presupposes: Option<String>,
    bridges_to: Option<String>,
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

/// What a section assesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// One of the launch steps, numbered from 1.
    LaunchStep(u8),
    /// The partnership phase indicators.
    Phases,
    /// Who is at the table: counts and role checks.
    Table,
    /// Pitfalls, objections and missing elements.
    Pitfalls,
}

/// One section of the bank, holding its questions in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    id: String,
    kind: SectionKind,
    title: String,
    intro: String,
    source: Source,
    questions: Vec<Question>,
}

impl Section {
    /// The stable id, e.g. `"s3"` or `"phases"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What the section assesses.
    pub fn kind(&self) -> SectionKind {
        self.kind
    }

    /// The launch step number, for launch steps.
    pub fn step(&self) -> Option<u8> {
        match self.kind {
            SectionKind::LaunchStep(step) => Some(step),
            _ => None,
        }
    }

    /// The title, e.g. "Prepare to launch".
    pub fn title(&self) -> &str {
        &self.title
    }

    /// A short introduction shown above the questions.
    pub fn intro(&self) -> &str {
        &self.intro
    }

    /// Which seed and part the section follows.
    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The questions, in the order they are asked.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The title with its step number for launch steps: "Step 3, Prepare to launch".
    pub fn heading(&self) -> String {
        match self.step() {
            Some(step) => format!("Step {step}, {}", self.title),
            None => self.title.clone(),
        }
    }

    /// Where something sits, shortly, for lines that name their section: "Step 3" for a
    /// launch step, else the section's title.
    pub fn short_heading(&self) -> String {
        match self.step() {
            Some(step) => format!("Step {step}"),
            None => self.title.clone(),
        }
    }
}

/// A question an earlier bank version asked and this one does not. Answers to it are never
/// dropped: they move to the questions it was split into, where the meaning is the same, or
/// are kept under its id and listed in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetiredQuestion {
    id: String,
    kind: QuestionKind,
    text: String,
    retired_in: String,
    moved_to: Vec<String>,
    note: String,
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

/// An area a region can ask technical assistance for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpArea {
    id: String,
    label: String,
    section: Option<String>,
}

impl HelpArea {
    /// The stable id, e.g. `"facilitation"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The label shown to people.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The launch step this area belongs to, if any.
    pub fn section(&self) -> Option<&str> {
        self.section.as_deref()
    }
}

/// The labels of every answer scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scales {
    scale: [String; 4],
    agreement: [String; 4],
    pitfall: [String; 3],
    yes_no: [String; 2],
    dont_know: String,
    not_applicable: String,
}

impl Scales {
    /// The label of a scale point, e.g. "Mostly".
    pub fn scale(&self, point: ScalePoint) -> &str {
        &self.scale[point as usize]
    }

    /// The label of an agreement point, e.g. "Somewhat agree".
    pub fn agreement(&self, point: Agreement) -> &str {
        &self.agreement[point as usize]
    }

    /// The label of a pitfall level, e.g. "A little".
    pub fn pitfall(&self, level: PitfallLevel) -> &str {
        &self.pitfall[level as usize]
    }

    /// The label of Yes (`true`) or No (`false`).
    pub fn yes_no(&self, yes: bool) -> &str {
        &self.yes_no[usize::from(yes)]
    }

    /// The label of Don't know.
    pub fn dont_know(&self) -> &str {
        &self.dont_know
    }

    /// The label of Not applicable.
    pub fn not_applicable(&self) -> &str {
        &self.not_applicable
    }
}

/// One answer a person can choose for a question, with its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice<'a> {
    /// The answer recorded when chosen.
    pub answer: Answer,
    /// The label shown.
    pub label: &'a str,
}

/// The whole validated question bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    version: String,
    scales: Scales,
    sources: Vec<SourceDoc>,
    sections: Vec<Section>,
    help_areas: Vec<HelpArea>,
    retired: Vec<RetiredQuestion>,
    /// Question id to (section index, question index), for lookups by id.
    index: HashMap<String, (usize, usize)>,
}

impl Bank {
    /// The bank shipped with the app, read once on first use. It is read without the checks
    /// of [`Bank::from_json`], which the bank's tests run on the same text before release
    /// (keeping the checks and their messages out of the app's first download).
    ///
    /// # Panics
    ///
    /// Never: without the checks the reading cannot fail.
    pub fn builtin() -> &'static Bank {
        static BANK: OnceLock<Bank> = OnceLock::new();
        BANK.get_or_init(|| match raw::validate::<false>(&builtin::BUILTIN) {
            Ok(bank) => bank,
            Err(err) => panic!("the built-in question bank is invalid: {err}"),
        })
    }

    /// Reads and checks a bank from its JSON text.
    pub fn from_json(json: &str) -> Result<Bank, BankError> {
        let raw: shapes::Bank = serde_json::from_str(json).map_err(|err| BankError::Json {
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
        })?;
        raw::validate::<true>(&raw)
    }

    /// The bank's version, e.g. `"2026.1"`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// What the report, the summary and the group's table say of answers given against
    /// another bank version: "answered question bank 2025.1"; `None` for this bank's own
    /// version or none.
    pub fn answered_with(&self, version: &str) -> Option<String> {
        let version = version.trim();
        (!version.is_empty() && version != self.version())
            .then(|| format!("answered question bank {version}"))
    }

    /// The labels of the answer scales.
    pub fn scales(&self) -> &Scales {
        &self.scales
    }

    /// The source texts, for credits.
    pub fn sources(&self) -> &[SourceDoc] {
        &self.sources
    }

    /// Every section, in order: the launch steps, then phases, the table, and pitfalls.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// The launch steps, in order.
    pub fn launch_steps(&self) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(|s| s.step().is_some())
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The first section of this kind.
    pub fn section_of_kind(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index
            .get(id)
            .map(|&(s, q)| &self.sections[s].questions[q])
    }

    /// The section holding the question with this id.
    pub fn section_of(&self, question_id: &str) -> Option<&Section> {
        self.index.get(question_id).map(|&(s, _)| &self.sections[s])
    }

    /// Every question, in bank order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sections.iter().flat_map(|s| s.questions.iter())
    }

    /// The areas a region can ask help for.
    pub fn help_areas(&self) -> &[HelpArea] {
        &self.help_areas
    }

    /// The help area with this id.
    pub fn help_area(&self, id: &str) -> Option<&HelpArea> {
        self.help_areas.iter().find(|a| a.id == id)
    }

    /// Every question earlier versions asked and this one does not, oldest first.
    pub fn retired(&self) -> &[RetiredQuestion] {
        &self.retired
    }

    /// The retired question with this id.
    pub fn retired_question(&self, id: &str) -> Option<&RetiredQuestion> {
        self.retired.iter().find(|r| r.id == id)
    }

    /// The questions asked now that an assessment made with bank `version` was not asked:
    /// those added by a later version. Empty for this bank's own version or a version it
    /// cannot read.
    pub fn new_since(&self, version: &str) -> impl Iterator<Item = &Question> {
        let from = version_key(version);
        self.questions().filter(move |q| {
            let since = q.since().and_then(version_key);
            from.is_some() && since.is_some() && since > from
        })
    }

    /// The answers a person can pick for a question, with labels, ending with Don't know and
    /// Not applicable. A count's number is typed, so a count offers only those two.
    pub fn choices(&self, question: &Question) -> Vec<Choice<'_>> {
        let s = &self.scales;
        let mut choices: Vec<Choice<'_>> = match question.kind {
            QuestionKind::Scale => ScalePoint::ALL
                .iter()
                .map(|&p| Choice {
                    answer: Answer::Scale(p),
                    label: s.scale(p),
                })
                .collect(),
            QuestionKind::Agreement(_) => Agreement::ALL
                .iter()
                .map(|&p| Choice {
                    answer: Answer::Agreement(p),
                    label: s.agreement(p),
                })
                .collect(),
            QuestionKind::Count(_) => Vec::new(),
            QuestionKind::YesNo { .. } => [true, false]
                .iter()
                .map(|&yes| Choice {
                    answer: Answer::YesNo(yes),
                    label: s.yes_no(yes),
                })
                .collect(),
            QuestionKind::Pitfall(_) => PitfallLevel::ALL
                .iter()
                .map(|&l| Choice {
                    answer: Answer::Pitfall(l),
                    label: s.pitfall(l),
                })
                .collect(),
        };
        choices.push(Choice {
            answer: Answer::DontKnow,
            label: s.dont_know(),
        });
        choices.push(Choice {
            answer: Answer::NotApplicable,
            label: s.not_applicable(),
        });
        choices
    }

    /// How an answer reads in a report: its label, or the number for a count.
    pub fn answer_label(&self, answer: &Answer) -> String {
        let s = &self.scales;
        match *answer {
            Answer::Scale(p) => s.scale(p).to_string(),
            Answer::Agreement(p) => s.agreement(p).to_string(),
            Answer::Count(n) => n.to_string(),
            Answer::YesNo(yes) => s.yes_no(yes).to_string(),
            Answer::Pitfall(l) => s.pitfall(l).to_string(),
            Answer::DontKnow => s.dont_know().to_string(),
            Answer::NotApplicable => s.not_applicable().to_string(),
        }
    }
}

/// A bank version such as `2026.1` as numbers that order as the versions do; `None` for text
/// that is not a version.
pub fn version_key(version: &str) -> Option<(u32, u32)> {
    let (year, release) = version.trim().split_once('.')?;
    Some((year.parse().ok()?, release.parse().ok()?))
}

/// The raw shapes of `bank.json`, shared with the build script.
mod shapes;

/// The built-in bank as a static of the raw shapes, written by `build.rs` from `bank.json`.
mod builtin {
    use super::shapes::*;
    use std::borrow::Cow::Borrowed;

    include!(concat!(env!("OUT_DIR"), "/builtin_bank.rs"));
}

/// The validation of the raw shapes into the public types.
mod raw {
    use super::shapes::{
        Bank, GateDontKnow, Kind, Phase, PitfallKind, Question, Retired, Scales, SectionKind,
        Source,
    };
    use super::*;
    use std::cmp::Ordering;

    /// Ids are short and readable so they can appear in share links and exports unchanged.
    fn usable_id(id: &str) -> bool {
        !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
    }

    /// What an item is called in a refusal: made only when checking, since nothing else reads it.
    fn described<const CHECK: bool>(name: impl FnOnce() -> String) -> String {
        if CHECK {
            name()
        } else {
            String::new()
        }
    }

    fn text<const CHECK: bool>(
        item: &str,
        field: &'static str,
        value: &str,
    ) -> Result<String, BankError> {
        let trimmed = value.trim();
        if trimmed.is_empty() && CHECK {
            return Err(BankError::EmptyText {
                item: item.to_string(),
                field,
            });
        }
        Ok(trimmed.to_string())
    }

    fn optional_text(value: Option<&str>) -> Option<String> {
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    fn source<const CHECK: bool>(
        item: &str,
        raw: &Source,
        seeds: &HashSet<String>,
    ) -> Result<super::Source, BankError> {
        if CHECK && !seeds.contains(&*raw.seed) {
            return Err(BankError::UnknownSeed {
                item: item.to_string(),
                seed: raw.seed.to_string(),
            });
        }
        Ok(super::Source {
            seed: raw.seed.to_string(),
            part: text::<CHECK>(item, "source part", &raw.part)?,
        })
    }

    fn bad(id: &str, problem: &str) -> BankError {
        BankError::BadQuestion {
            id: id.to_string(),
            problem: problem.to_string(),
        }
    }

    fn question<const CHECK: bool>(
        raw: &Question,
        section_kind: SectionKind,
        seeds: &HashSet<String>,
    ) -> Result<super::Question, BankError> {
        let id = raw.id.to_string();
        if !usable_id(&id) && CHECK {
            return Err(BankError::BadId {
                item: "question",
                id,
            });
        }
        let item = described::<CHECK>(|| format!("Question \"{id}\""));
        let fits_section = matches!(
            (section_kind, raw.kind),
            (SectionKind::LaunchStep, Kind::Scale | Kind::YesNo)
                | (SectionKind::Phases, Kind::Agreement)
                | (SectionKind::Table, Kind::Count | Kind::YesNo)
                | (SectionKind::Pitfalls, Kind::Pitfall)
        );
        if !fits_section && CHECK {
            return Err(bad(&id, "is of a kind its section does not take: launch steps take \"scale\" or \"yes_no\", phases \"agreement\", the table \"count\" or \"yes_no\", pitfalls \"pitfall\""));
        }
        if raw.phase.is_some() != (raw.kind == Kind::Agreement) && CHECK {
            return Err(bad(
                &id,
                "needs a \"phase\" if and only if it is an \"agreement\" question",
            ));
        }
        if raw.pitfall.is_some() != (raw.kind == Kind::Pitfall) && CHECK {
            return Err(bad(&id, "needs a \"pitfall\" kind (pitfall, objection or missing) if and only if it is a \"pitfall\" question"));
        }
        if raw.expected.is_some() != (raw.kind == Kind::YesNo) && CHECK {
            return Err(bad(
                &id,
                "needs an \"expected\" answer if and only if it is a \"yes_no\" question",
            ));
        }
        let is_count = raw.kind == Kind::Count;
        let count_fields = raw.min.is_some()
            || raw.max.is_some()
            || raw.not_more_than.is_some()
            || raw.below.is_some()
            || raw.above.is_some();
        if !is_count && count_fields && CHECK {
            return Err(bad(
                    &id,
                    "has \"min\", \"max\", \"not_more_than\", \"below\" or \"above\", which only counts take",
                ));
        }
        if ((raw.below.is_some() && raw.min.is_none())
            || (raw.above.is_some() && raw.max.is_none()))
            && CHECK
        {
            return Err(bad(
                &id,
                "has a \"below\" note without a \"min\", or an \"above\" note without a \"max\"",
            ));
        }
        if raw.phase_sign.is_some() && !matches!(raw.kind, Kind::Scale | Kind::Pitfall) && CHECK {
            return Err(bad(
                    &id,
                    "has a \"phase_sign\", which only launch-step and pitfall questions take (a phase statement has its \"phase\")",
                ));
        }
        let table_check = raw.table_check.unwrap_or(false);
        if table_check && (section_kind != SectionKind::LaunchStep) && CHECK {
            return Err(bad(
                &id,
                "is a \"table_check\" but only launch-step questions can be read as role checks",
            ));
        }
        if let (Some(min), Some(max)) = (raw.min, raw.max) {
            if min > max && CHECK {
                return Err(bad(&id, "has a \"min\" larger than its \"max\""));
            }
        }
        let why = optional_text(raw.why.as_deref());
        let label = optional_text(raw.label.as_deref());
        let checked = matches!(raw.kind, Kind::Count | Kind::YesNo) || table_check;
        if checked && label.is_none() && CHECK {
            return Err(bad(
                &id,
                "is a count or role check without a short \"label\"",
            ));
        }
        if checked && why.is_none() && CHECK {
            return Err(bad(
                &id,
                "is a count or role check without a \"why\": say why the expectation matters",
            ));
        }
        let gate = match &raw.gate {
            None => None,
            Some(condition) => {
                if raw.kind != Kind::Scale && CHECK {
                    return Err(bad(
                        &id,
                        "is marked as a gate but only launch-step scale questions can be gates",
                    ));
                }
                Some(text::<CHECK>(&item, "gate condition", condition)?)
            }
        };
        if CHECK && raw.gate_dont_know.is_some() && gate.is_none() {
            return Err(bad(&id, "has a \"gate_dont_know\" but is not a gate"));
        }
        let advice = raw.advice.trim().to_string();
        if advice.is_empty() && CHECK {
            return Err(BankError::MissingAdvice { id });
        }
        let since = match raw.since.as_deref() {
            None => None,
            Some(version) if version_key(version).is_some() => Some(version.to_string()),
            Some(version) => {
                if CHECK {
                    return Err(bad(
                        &id,
                        "has a \"since\" that is not a bank version such as 2026.2",
                    ));
                }
                Some(version.to_string())
            }
        };
        let kind = match raw.kind {
            Kind::Count => QuestionKind::Count(CountRange {
                min: raw.min,
                max: raw.max,
                not_more_than: raw.not_more_than.as_deref().map(String::from),
                below: optional_text(raw.below.as_deref()),
                above: optional_text(raw.above.as_deref()),
            }),
            other => kind_of(other, raw.phase, raw.pitfall, raw.expected),
        };
        Ok(super::Question {
            label,
            text: text::<CHECK>(&item, "text", &raw.text)?,
            help: optional_text(raw.help.as_deref()),
            source: source::<CHECK>(&item, &raw.source, seeds)?,
            kind,
            gate,
            why,
            advice,
            phase_sign: raw.phase_sign.map(phase),
            table_check,
            since,
            dont_know_is_not_yet: raw.gate_dont_know == Some(GateDontKnow::NotYet),
            presupposes: raw.presupposes.as_deref().map(String::from),
            bridges_to: raw.bridges_to.as_deref().map(String::from),
            id,
        })
    }

    fn phase(raw: Phase) -> super::Phase {
        match raw {
            Phase::Forming => super::Phase::Forming,
            Phase::Norming => super::Phase::Norming,
            Phase::Storming => super::Phase::Storming,
            Phase::Performing => super::Phase::Performing,
        }
    }

    /// The kind of a question from its raw fields; a count gets an open range here (the
    /// caller fills in a question's range). The checks before it guarantee a phase and a
    /// pitfall kind where the arms need them, so the fallbacks are never taken.
    fn kind_of(
        kind: Kind,
        raw_phase: Option<Phase>,
        pitfall: Option<PitfallKind>,
        expected: Option<bool>,
    ) -> QuestionKind {
        match kind {
            Kind::Scale => QuestionKind::Scale,
            Kind::Agreement => {
                QuestionKind::Agreement(raw_phase.map_or(super::Phase::Forming, phase))
            }
            Kind::Count => QuestionKind::Count(CountRange {
                min: None,
                max: None,
                not_more_than: None,
                below: None,
                above: None,
            }),
            Kind::YesNo => QuestionKind::YesNo {
                expected: expected.unwrap_or(true),
            },
            Kind::Pitfall => QuestionKind::Pitfall(match pitfall {
                Some(PitfallKind::Pitfall) | None => super::PitfallKind::Pitfall,
                Some(PitfallKind::Objection) => super::PitfallKind::Objection,
                Some(PitfallKind::Missing) => super::PitfallKind::Missing,
            }),
        }
    }

    /// Checks the retired questions: unused ids, a version, a note, and successors that are
    /// in the bank and take the same kind of answer.
    fn retired<const CHECK: bool>(
        raw: &[Retired],
        index: &HashMap<String, (usize, usize)>,
        sections: &[super::Section],
    ) -> Result<Vec<super::RetiredQuestion>, BankError> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for item in raw {
            let id = item.id.to_string();
            if !usable_id(&id) && CHECK {
                return Err(BankError::BadId {
                    item: "retired question",
                    id,
                });
            }
            if CHECK && (index.contains_key(&id) || !seen.insert(id.clone())) {
                return Err(BankError::DuplicateId {
                    item: "question",
                    id,
                });
            }
            let name = described::<CHECK>(|| format!("Retired question \"{id}\""));
            if (item.phase.is_some() != (item.kind == Kind::Agreement)
                || item.pitfall.is_some() != (item.kind == Kind::Pitfall)
                || item.expected.is_some() != (item.kind == Kind::YesNo))
                && CHECK
            {
                return Err(bad(&id, "has fields its kind does not take, or lacks one it needs (\"phase\", \"pitfall\" or \"expected\")"));
            }
            let kind = kind_of(item.kind, item.phase, item.pitfall, item.expected);
            if version_key(&item.retired_in).is_none() && CHECK {
                return Err(bad(
                    &id,
                    "has a \"retired_in\" that is not a bank version such as 2026.2",
                ));
            }
            let mut moved_to = Vec::new();
            for target in item.moved_to.iter() {
                let successor = index
                    .get(&**target)
                    .map(|&(s, q)| &sections[s].questions[q]);
                let same_kind = successor.is_some_and(|q| {
                    std::mem::discriminant(&q.kind) == std::mem::discriminant(&kind)
                });
                if !same_kind && CHECK {
                    return Err(BankError::UnknownReference {
                        item: name,
                        target: target.to_string(),
                    });
                }
                moved_to.push(target.to_string());
            }
            out.push(super::RetiredQuestion {
                text: text::<CHECK>(&name, "text", &item.text)?,
                note: text::<CHECK>(&name, "note", &item.note)?,
                retired_in: item.retired_in.trim().to_string(),
                moved_to,
                kind,
                id,
            });
        }
        Ok(out)
    }

    fn scales<const CHECK: bool>(raw: &Scales) -> Result<super::Scales, BankError> {
        let all = raw
            .scale
            .iter()
            .chain(&raw.agreement)
            .chain(&raw.pitfall)
            .chain(&raw.yes_no)
            .chain([&raw.dont_know, &raw.not_applicable]);
        for label in all {
            if label.trim().is_empty() && CHECK {
                return Err(BankError::EmptyText {
                    item: "The answer scales".to_string(),
                    field: "label",
                });
            }
        }
        Ok(super::Scales {
            scale: raw.scale.clone().map(String::from),
            agreement: raw.agreement.clone().map(String::from),
            pitfall: raw.pitfall.clone().map(String::from),
            yes_no: raw.yes_no.clone().map(String::from),
            dont_know: raw.dont_know.to_string(),
            not_applicable: raw.not_applicable.to_string(),
        })
    }

    /// Reads a raw bank into a [`super::Bank`]. With `CHECK`, every rule a bank keeps is
    /// checked and the first one broken refused; without it, the same reading runs with none of
    /// the checks (each `&& CHECK`, or `CHECK &&` before a set kept only for checking), for the
    /// built-in bank, which its tests check.
    pub(super) fn validate<const CHECK: bool>(raw: &Bank) -> Result<super::Bank, BankError> {
        let version = text::<CHECK>("The bank", "bank_version", &raw.bank_version)?;

        let mut seeds = HashSet::new();
        let mut sources = Vec::new();
        for doc in raw.sources.iter() {
            let seed = doc.seed.to_string();
            let item = described::<CHECK>(|| format!("Source \"{seed}\""));
            if !SEEDS.contains(&seed.as_str()) && CHECK {
                return Err(BankError::UnknownSeed { item, seed });
            }
            if CHECK && !seeds.insert(seed.clone()) {
                return Err(BankError::DuplicateId {
                    item: "source",
                    id: seed,
                });
            }
            sources.push(super::SourceDoc {
                title: text::<CHECK>(&item, "title", &doc.title)?,
                used_for: text::<CHECK>(&item, "used_for", &doc.used_for)?,
                by: doc.by.to_string(),
                seed,
            });
        }

        let mut sections = Vec::new();
        let mut section_ids = HashSet::new();
        let mut index = HashMap::new();
        let mut next_step: u8 = 1;
        let mut seen_kinds = HashSet::new();
        for (s, raw_section) in raw.sections.iter().enumerate() {
            let id = raw_section.id.to_string();
            if !usable_id(&id) && CHECK {
                return Err(BankError::BadId {
                    item: "section",
                    id,
                });
            }
            if CHECK && !section_ids.insert(id.clone()) {
                return Err(BankError::DuplicateId {
                    item: "section",
                    id,
                });
            }
            let item = described::<CHECK>(|| format!("Section \"{id}\""));
            let kind = match raw_section.kind {
                SectionKind::LaunchStep => {
                    let found = raw_section.step.unwrap_or(0);
                    if found != next_step && CHECK {
                        return Err(BankError::StepOrder {
                            section: id,
                            found,
                            expected: next_step,
                        });
                    }
                    next_step = next_step.saturating_add(1);
                    super::SectionKind::LaunchStep(found)
                }
                other => {
                    if raw_section.step.is_some() && CHECK {
                        return Err(BankError::StepOrder {
                            section: id,
                            found: raw_section.step.unwrap_or(0),
                            expected: 0,
                        });
                    }
                    let (name, kind) = match other {
                        SectionKind::Phases => ("phases", super::SectionKind::Phases),
                        SectionKind::Table => ("table", super::SectionKind::Table),
                        _ => ("pitfalls", super::SectionKind::Pitfalls),
                    };
                    if CHECK && !seen_kinds.insert(name) {
                        return Err(BankError::RepeatedSection { kind: name });
                    }
                    kind
                }
            };
            let mut questions = Vec::with_capacity(raw_section.questions.len());
            for (q, raw_question) in raw_section.questions.iter().enumerate() {
                let question = question::<CHECK>(raw_question, raw_section.kind, &seeds)?;
                if index.insert(question.id.clone(), (s, q)).is_some() && CHECK {
                    return Err(BankError::DuplicateId {
                        item: "question",
                        id: question.id,
                    });
                }
                questions.push(question);
            }
            if questions.is_empty() && CHECK {
                return Err(BankError::EmptyText {
                    item,
                    field: "list of questions",
                });
            }
            sections.push(super::Section {
                title: text::<CHECK>(&item, "title", &raw_section.title)?,
                intro: text::<CHECK>(&item, "intro", &raw_section.intro)?,
                source: source::<CHECK>(&item, &raw_section.source, &seeds)?,
                kind,
                questions,
                id,
            });
        }

        // A comparison between counts must name another count, or the check could never run;
        // a presupposed gate must be a gate of this bank in the same step or an earlier one,
        // and a bridge must lead to a gate of the same step or a later one.
        let step_of = |id: &str| index.get(id).and_then(|&(s, _)| sections[s].step());
        let is_gate = |id: &str| {
            index
                .get(id)
                .is_some_and(|&(s, q)| sections[s].questions[q].is_gate())
        };
        // The gate's step compared with the question's: `Less` for an earlier step.
        let gate_step = |question: &super::Question, gate: &str| {
            let steps = step_of(gate).zip(step_of(&question.id));
            steps
                .filter(|_| is_gate(gate) && gate != question.id)
                .map(|(gate_step, step)| gate_step.cmp(&step))
        };
        for question in sections.iter().flat_map(|s| s.questions.iter()) {
            if let Some(gate) = question.bridges_to() {
                if CHECK && gate_step(question, gate).is_none_or(|o| o == Ordering::Less) {
                    return Err(bad(
                        &question.id,
                        "\"bridges_to\" a question that is not a gate of the same launch step or a later one",
                    ));
                }
            }
            if let Some(gate) = question.presupposes() {
                if CHECK && gate_step(question, gate).is_none_or(|o| o == Ordering::Greater) {
                    return Err(bad(
                        &question.id,
                        "\"presupposes\" a question that is not a gate of the same launch step or an earlier one",
                    ));
                }
            }
            if let QuestionKind::Count(range) = &question.kind {
                if let Some(other) = range.not_more_than() {
                    let target_is_count = index
                        .get(other)
                        .map(|&(s, q)| &sections[s].questions[q].kind)
                        .is_some_and(|k| matches!(k, QuestionKind::Count(_)));
                    if (!target_is_count || other == question.id) && CHECK {
                        return Err(BankError::UnknownReference {
                            item: format!("Question \"{}\"", question.id),
                            target: other.to_string(),
                        });
                    }
                }
            }
        }

        let mut help_ids = HashSet::new();
        let mut help_areas = Vec::new();
        for area in raw.help_areas.iter() {
            let id = area.id.to_string();
            if !usable_id(&id) && CHECK {
                return Err(BankError::BadId {
                    item: "help area",
                    id,
                });
            }
            if CHECK && !help_ids.insert(id.clone()) {
                return Err(BankError::DuplicateId {
                    item: "help area",
                    id,
                });
            }
            let item = described::<CHECK>(|| format!("Help area \"{id}\""));
            let section = area.section.as_deref().map(String::from);
            if let Some(section) = &section {
                if CHECK && !section_ids.contains(section) {
                    return Err(BankError::UnknownReference {
                        item,
                        target: section.clone(),
                    });
                }
            }
            help_areas.push(super::HelpArea {
                label: text::<CHECK>(&item, "label", &area.label)?,
                section,
                id,
            });
        }

        Ok(super::Bank {
            version,
            scales: scales::<CHECK>(&raw.scales)?,
            sources,
            retired: retired::<CHECK>(&raw.retired, &index, &sections)?,
            sections,
            help_areas,
            index,
        })
    }
}

#[cfg(test)]
mod tests;
