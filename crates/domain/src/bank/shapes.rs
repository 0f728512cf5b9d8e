//! The raw shapes of `bank.json`, exactly as written, before any check.
//!
//! Shared by two readers, which must agree on every field: the crate's build script
//! (`build.rs`), which reads the built-in `bank.json` strictly and writes it out as a Rust
//! static of these types, and [`super::Bank::from_json`], which reads any other bank text at
//! run time. Texts and lists are `Cow`s so that the static borrows its data and a parsed bank
//! owns it. Nothing here is checked beyond the JSON's shape: that is `check`'s job.

use std::borrow::Cow;

use serde::Deserialize;

/// A text of the bank: borrowed in the built-in static, owned when parsed.
pub type Text = Cow<'static, str>;
/// A list of the bank: borrowed in the built-in static, owned when parsed.
pub type List<T> = Cow<'static, [T]>;

/// The whole file.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    pub bank_version: Text,
    pub scales: Scales,
    pub sources: List<SourceDoc>,
    pub sections: List<Section>,
    pub help_areas: List<HelpArea>,
    #[serde(default)]
    pub retired: List<Retired>,
}

/// A question an earlier bank version asked and this one does not.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    pub id: Text,
    pub kind: Kind,
    pub phase: Option<Phase>,
    pub pitfall: Option<PitfallKind>,
    pub expected: Option<bool>,
    pub text: Text,
    pub retired_in: Text,
    #[serde(default)]
    pub moved_to: List<Text>,
    pub note: Text,
}

/// The labels of the answer scales.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Scales {
    pub scale: [Text; 4],
    pub agreement: [Text; 4],
    pub pitfall: [Text; 3],
    pub yes_no: [Text; 2],
    pub dont_know: Text,
    pub not_applicable: Text,
}

/// One source text.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    pub seed: Text,
    pub title: Text,
    pub by: Text,
    pub used_for: Text,
}

/// Where an item comes from.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub seed: Text,
    pub part: Text,
}

/// What a section assesses.
#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    LaunchStep,
    Phases,
    Table,
    Pitfalls,
}

/// One section with its questions.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: Text,
    pub kind: SectionKind,
    pub step: Option<u8>,
    pub title: Text,
    pub intro: Text,
    pub source: Source,
    pub questions: List<Question>,
}

/// What kind of answer a question takes.
#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Scale,
    Agreement,
    Count,
    YesNo,
    Pitfall,
}

/// The phase an agreement question indicates.
#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Forming,
    Norming,
    Storming,
    Performing,
}

/// What a pitfall question describes.
#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum PitfallKind {
    Pitfall,
    Objection,
    Missing,
}

/// One question, with every field any kind may carry.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: Text,
    pub label: Option<Text>,
    pub kind: Kind,
    pub text: Text,
    pub help: Option<Text>,
    pub source: Source,
    #[serde(default)]
    pub advice: Text,
    pub gate: Option<Text>,
    pub why: Option<Text>,
    pub phase: Option<Phase>,
    pub pitfall: Option<PitfallKind>,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub not_more_than: Option<Text>,
    pub below: Option<Text>,
    pub above: Option<Text>,
    pub expected: Option<bool>,
    pub phase_sign: Option<Phase>,
    pub table_check: Option<bool>,
    pub since: Option<Text>,
    pub gate_dont_know: Option<GateDontKnow>,
    pub presupposes: Option<Text>,
    pub bridges_to: Option<Text>,
}

/// What a gate answered Don't know means: something to find out (most gates), or, where the
/// region would know if it had happened (two CEOs have said yes, or not), not yet.
#[derive(Deserialize, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum GateDontKnow {
    FindOut,
    NotYet,
}

/// One area a region can ask help for.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct HelpArea {
    pub id: Text,
    pub label: Text,
    pub section: Option<Text>,
}
