//! The bank's other parts: sources, sections, help areas, and the labels of the answer scales.

use crate::answer::{Agreement, Answer, PitfallLevel, ScalePoint};

use super::Question;

/// Where an item comes from: a seed text and the step or part of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub(super) seed: String,
    pub(super) part: String,
}

impl Source {
    /// The seed id, one of [`SEEDS`](crate::bank::SEEDS), e.g. `"001"`.
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
    pub(super) seed: String,
    pub(super) title: String,
    pub(super) by: String,
    pub(super) used_for: String,
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
    pub(super) id: String,
    pub(super) kind: SectionKind,
    pub(super) title: String,
    pub(super) intro: String,
    pub(super) source: Source,
    pub(super) questions: Vec<Question>,
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

/// An area a region can ask technical assistance for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpArea {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) section: Option<String>,
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
    pub(super) scale: [String; 4],
    pub(super) agreement: [String; 4],
    pub(super) pitfall: [String; 3],
    pub(super) yes_no: [String; 2],
    pub(super) dont_know: String,
    pub(super) not_applicable: String,
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
