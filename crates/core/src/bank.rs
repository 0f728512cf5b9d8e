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
//! a Not yet answer leaves unmet). Counts and role checks also carry a short `label` and a
//! `why`. [`Bank::from_json`] rejects anything else with a message naming the item at fault.

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
}

impl CountRange {
    /// A range built directly, for tests of the verdicts.
    #[cfg(test)]
    pub(crate) fn new(min: Option<u32>, max: Option<u32>, not_more_than: Option<&str>) -> Self {
        Self {
            min,
            max,
            not_more_than: not_more_than.map(String::from),
        }
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

    /// For counts and role checks: why the expectation matters.
    pub fn why(&self) -> Option<&str> {
        self.why.as_deref()
    }

    /// The next step advised when the answer is weak; for a pitfall, the tip or response that
    /// answers it.
    pub fn advice(&self) -> &str {
        &self.advice
    }

    /// True when this answer fits this question's kind. Don't know and Not applicable fit
    /// every question.
    pub fn accepts(&self, answer: &Answer) -> bool {
        matches!(
            (&self.kind, answer),
            (_, Answer::DontKnow | Answer::NotApplicable)
                | (QuestionKind::Scale, Answer::Scale(_))
                | (QuestionKind::Agreement(_), Answer::Agreement(_))
                | (QuestionKind::Count(_), Answer::Count(_))
                | (QuestionKind::YesNo { .. }, Answer::YesNo(_))
                | (QuestionKind::Pitfall(_), Answer::Pitfall(_))
        )
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
    /// Question id to (section index, question index), for lookups by id.
    index: HashMap<String, (usize, usize)>,
}

impl Bank {
    /// The bank shipped with the app, read and checked once on first use.
    ///
    /// # Panics
    ///
    /// Panics if the embedded bank is invalid, which the bank's tests rule out before release.
    pub fn builtin() -> &'static Bank {
        static BANK: OnceLock<Bank> = OnceLock::new();
        BANK.get_or_init(|| match raw::validate(&builtin::BUILTIN) {
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
        raw::validate(&raw)
    }

    /// The bank's version, e.g. `"2026.1"`.
    pub fn version(&self) -> &str {
        &self.version
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
    use super::shapes::{Bank, Kind, Phase, PitfallKind, Question, Scales, SectionKind, Source};
    use super::*;

    /// Ids are short and readable so they can appear in share links and exports unchanged.
    fn usable_id(id: &str) -> bool {
        !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-')
    }

    fn text(item: &str, field: &'static str, value: &str) -> Result<String, BankError> {
        let trimmed = value.trim();
        if trimmed.is_empty() {
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

    fn source(
        item: &str,
        raw: &Source,
        seeds: &HashSet<String>,
    ) -> Result<super::Source, BankError> {
        if !seeds.contains(&*raw.seed) {
            return Err(BankError::UnknownSeed {
                item: item.to_string(),
                seed: raw.seed.to_string(),
            });
        }
        Ok(super::Source {
            seed: raw.seed.to_string(),
            part: text(item, "source part", &raw.part)?,
        })
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
        seeds: &HashSet<String>,
    ) -> Result<super::Question, BankError> {
        let id = raw.id.to_string();
        if !usable_id(&id) {
            return Err(BankError::BadId {
                item: "question",
                id,
            });
        }
        let item = format!("Question \"{id}\"");
        let fits_section = matches!(
            (section_kind, raw.kind),
            (SectionKind::LaunchStep, Kind::Scale)
                | (SectionKind::Phases, Kind::Agreement)
                | (SectionKind::Table, Kind::Count | Kind::YesNo)
                | (SectionKind::Pitfalls, Kind::Pitfall)
        );
        if !fits_section {
            return Err(bad(&id, "is of a kind its section does not take: launch steps take \"scale\", phases \"agreement\", the table \"count\" or \"yes_no\", pitfalls \"pitfall\""));
        }
        if raw.phase.is_some() != (raw.kind == Kind::Agreement) {
            return Err(bad(
                &id,
                "needs a \"phase\" if and only if it is an \"agreement\" question",
            ));
        }
        if raw.pitfall.is_some() != (raw.kind == Kind::Pitfall) {
            return Err(bad(&id, "needs a \"pitfall\" kind (pitfall, objection or missing) if and only if it is a \"pitfall\" question"));
        }
        if raw.expected.is_some() != (raw.kind == Kind::YesNo) {
            return Err(bad(
                &id,
                "needs an \"expected\" answer if and only if it is a \"yes_no\" question",
            ));
        }
        let is_count = raw.kind == Kind::Count;
        if !is_count && (raw.min.is_some() || raw.max.is_some() || raw.not_more_than.is_some()) {
            return Err(bad(
                &id,
                "has \"min\", \"max\" or \"not_more_than\", which only counts take",
            ));
        }
        if let (Some(min), Some(max)) = (raw.min, raw.max) {
            if min > max {
                return Err(bad(&id, "has a \"min\" larger than its \"max\""));
            }
        }
        let why = optional_text(raw.why.as_deref());
        let label = optional_text(raw.label.as_deref());
        if matches!(raw.kind, Kind::Count | Kind::YesNo) && label.is_none() {
            return Err(bad(
                &id,
                "is a count or role check without a short \"label\"",
            ));
        }
        if matches!(raw.kind, Kind::Count | Kind::YesNo) && why.is_none() {
            return Err(bad(
                &id,
                "is a count or role check without a \"why\": say why the expectation matters",
            ));
        }
        let gate = match &raw.gate {
            None => None,
            Some(condition) => {
                if raw.kind != Kind::Scale {
                    return Err(bad(
                        &id,
                        "is marked as a gate but only launch-step scale questions can be gates",
                    ));
                }
                Some(text(&item, "gate condition", condition)?)
            }
        };
        let advice = raw.advice.trim().to_string();
        if advice.is_empty() {
            return Err(BankError::MissingAdvice { id });
        }
        let kind = match raw.kind {
            Kind::Scale => QuestionKind::Scale,
            // The checks above guarantee a phase and a pitfall kind where these arms need
            // them, so the `None` fallbacks are never taken.
            Kind::Agreement => QuestionKind::Agreement(match raw.phase {
                Some(Phase::Forming) | None => super::Phase::Forming,
                Some(Phase::Norming) => super::Phase::Norming,
                Some(Phase::Storming) => super::Phase::Storming,
                Some(Phase::Performing) => super::Phase::Performing,
            }),
            Kind::Count => QuestionKind::Count(CountRange {
                min: raw.min,
                max: raw.max,
                not_more_than: raw.not_more_than.as_deref().map(String::from),
            }),
            Kind::YesNo => QuestionKind::YesNo {
                expected: raw.expected.unwrap_or(true),
            },
            Kind::Pitfall => QuestionKind::Pitfall(match raw.pitfall {
                Some(PitfallKind::Pitfall) | None => super::PitfallKind::Pitfall,
                Some(PitfallKind::Objection) => super::PitfallKind::Objection,
                Some(PitfallKind::Missing) => super::PitfallKind::Missing,
            }),
        };
        Ok(super::Question {
            label,
            text: text(&item, "text", &raw.text)?,
            help: optional_text(raw.help.as_deref()),
            source: source(&item, &raw.source, seeds)?,
            kind,
            gate,
            why,
            advice,
            id,
        })
    }

    fn scales(raw: &Scales) -> Result<super::Scales, BankError> {
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
        Ok(super::Scales {
            scale: raw.scale.clone().map(String::from),
            agreement: raw.agreement.clone().map(String::from),
            pitfall: raw.pitfall.clone().map(String::from),
            yes_no: raw.yes_no.clone().map(String::from),
            dont_know: raw.dont_know.to_string(),
            not_applicable: raw.not_applicable.to_string(),
        })
    }

    pub(super) fn validate(raw: &Bank) -> Result<super::Bank, BankError> {
        let version = text("The bank", "bank_version", &raw.bank_version)?;

        let mut seeds = HashSet::new();
        let mut sources = Vec::new();
        for doc in raw.sources.iter() {
            let seed = doc.seed.to_string();
            let item = format!("Source \"{seed}\"");
            if !SEEDS.contains(&seed.as_str()) {
                return Err(BankError::UnknownSeed { item, seed });
            }
            if !seeds.insert(seed.clone()) {
                return Err(BankError::DuplicateId {
                    item: "source",
                    id: seed,
                });
            }
            sources.push(super::SourceDoc {
                title: text(&item, "title", &doc.title)?,
                used_for: text(&item, "used_for", &doc.used_for)?,
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
            if !usable_id(&id) {
                return Err(BankError::BadId {
                    item: "section",
                    id,
                });
            }
            if !section_ids.insert(id.clone()) {
                return Err(BankError::DuplicateId {
                    item: "section",
                    id,
                });
            }
            let item = format!("Section \"{id}\"");
            let kind = match raw_section.kind {
                SectionKind::LaunchStep => {
                    let found = raw_section.step.unwrap_or(0);
                    if found != next_step {
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
                    if raw_section.step.is_some() {
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
                    if !seen_kinds.insert(name) {
                        return Err(BankError::RepeatedSection { kind: name });
                    }
                    kind
                }
            };
            let mut questions = Vec::with_capacity(raw_section.questions.len());
            for (q, raw_question) in raw_section.questions.iter().enumerate() {
                let question = question(raw_question, raw_section.kind, &seeds)?;
                if index.insert(question.id.clone(), (s, q)).is_some() {
                    return Err(BankError::DuplicateId {
                        item: "question",
                        id: question.id,
                    });
                }
                questions.push(question);
            }
            if questions.is_empty() {
                return Err(BankError::EmptyText {
                    item,
                    field: "list of questions",
                });
            }
            sections.push(super::Section {
                title: text(&item, "title", &raw_section.title)?,
                intro: text(&item, "intro", &raw_section.intro)?,
                source: source(&item, &raw_section.source, &seeds)?,
                kind,
                questions,
                id,
            });
        }

        // A comparison between counts must name another count, or the check could never run.
        for question in sections.iter().flat_map(|s| s.questions.iter()) {
            if let QuestionKind::Count(range) = &question.kind {
                if let Some(other) = range.not_more_than() {
                    let target_is_count = index
                        .get(other)
                        .map(|&(s, q)| &sections[s].questions[q].kind)
                        .is_some_and(|k| matches!(k, QuestionKind::Count(_)));
                    if !target_is_count || other == question.id {
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
            if !usable_id(&id) {
                return Err(BankError::BadId {
                    item: "help area",
                    id,
                });
            }
            if !help_ids.insert(id.clone()) {
                return Err(BankError::DuplicateId {
                    item: "help area",
                    id,
                });
            }
            let item = format!("Help area \"{id}\"");
            let section = area.section.as_deref().map(String::from);
            if let Some(section) = &section {
                if !section_ids.contains(section) {
                    return Err(BankError::UnknownReference {
                        item,
                        target: section.clone(),
                    });
                }
            }
            help_areas.push(super::HelpArea {
                label: text(&item, "label", &area.label)?,
                section,
                id,
            });
        }

        Ok(super::Bank {
            version,
            scales: scales(&raw.scales)?,
            sources,
            sections,
            help_areas,
            index,
        })
    }
}

#[cfg(test)]
mod tests;
