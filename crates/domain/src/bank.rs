//! The question bank: every section, question, answer scale, gate, piece of advice and source.
//!
//! The bank is data, kept in `bank/bank.json`. The build script (`build.rs`) reads it with
//! the raw shapes of `bank/shapes.rs` and writes it into the binary as a Rust static of those
//! shapes, so the app needs no JSON parsing for it; on first use the static is read into the
//! typed values of `question` and `parts` by `read`, without the checks of `check`, which
//! [`Bank::from_json`] runs on any other bank text before the same reading (the tests run
//! both on `bank.json` and compare them). The raw shapes never leave this module, and the
//! public types do not derive `Serialize`, because exports have their own versioned format.
//! Questions are found by stable ids such as `s1.convener`, never by their position in a list,
//! so that saved answers survive a reordering of the bank.
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

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::answer::{Agreement, Answer, PitfallLevel, ScalePoint};

/// The raw shapes of `bank.json`, shared with the build script.
mod shapes;

/// The built-in bank as a static of the raw shapes, written by `build.rs` from `bank.json`.
mod builtin {
    use super::shapes::*;
    use std::borrow::Cow::Borrowed;

    include!(concat!(env!("OUT_DIR"), "/builtin_bank.rs"));
}

mod check;
mod error;
mod parts;
mod question;
mod read;

pub use error::BankError;
pub use parts::{Choice, HelpArea, Scales, Section, SectionKind, Source, SourceDoc};
pub use question::{CountRange, Phase, PitfallKind, Question, QuestionKind, RetiredQuestion};

/// The seeds a source may name: the five source texts the product is built from.
pub const SEEDS: [&str; 5] = ["000", "001", "002", "003", "004"];

/// The whole question bank.
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
    pub fn builtin() -> &'static Bank {
        static BANK: OnceLock<Bank> = OnceLock::new();
        BANK.get_or_init(|| read::bank(&builtin::BUILTIN))
    }

    /// Reads and checks a bank from its JSON text.
    pub fn from_json(json: &str) -> Result<Bank, BankError> {
        let raw: shapes::Bank = serde_json::from_str(json).map_err(|err| BankError::Json {
            line: err.line(),
            column: err.column(),
            message: err.to_string(),
        })?;
        check::check(&raw)?;
        Ok(read::bank(&raw))
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

#[cfg(test)]
mod tests;
