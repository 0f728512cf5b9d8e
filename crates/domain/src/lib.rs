//! The domain of the Sector Partnership Readiness Check: the question bank, answers,
//! assessments, scoring, the report and its Markdown summary, the group view of several
//! respondents, the progress between two results, the portfolio of many partnerships and the
//! view models of the screens.
//!
//! It names neither the codec nor a format (Cargo keeps it so: it depends on neither crate);
//! the formats and the workspace sit on it.

#![warn(missing_docs)]

pub mod answer;
pub mod assessment;
pub mod bank;
pub mod golden;
pub mod group;
#[doc(hidden)]
pub mod made_up;
/// Many partnerships' results, for TA providers and states: matching, history, the view at a
/// glance.
pub mod portfolio;
pub mod progress;
pub mod report;
#[doc(hidden)]
pub mod samples;
pub mod scoring;
pub mod screens;
pub mod summary;

pub use answer::{parse_count, Agreement, Answer, CountError, PitfallLevel, ScalePoint};
pub use assessment::{
    is_email_address, Assessment, CoachSession, Edit, Meta, SessionField, SessionProblem,
    TaRequest, MAX_ANSWERS, MAX_COACH_MESSAGE_CHARS, MAX_HELP_AREAS, MAX_META_CHARS,
    MAX_NOTE_CHARS, MAX_TA_TEXT_CHARS, SCOPE_SECTIONS,
};
pub use bank::{
    version_key, Bank, BankError, Choice, CountRange, HelpArea, Phase, PitfallKind, Question,
    QuestionKind, RetiredQuestion, Scales, Section, SectionKind, Source, SourceDoc,
};
pub use group::session::{
    presented_alone, session_step, step_index, DisputedQuestion, GateLine, SessionStep,
    MOST_DISPUTED, NOTHING_TO_PRESENT,
};
pub use group::{
    group_view, readiness_shade, scale_position, GateTally, GroupView, QuestionRow, Respondent,
    RespondentSummary, Share, ShareKind, StepRow, Unmatched, DISAGREEMENT_POINTS,
    MAX_RESPONDENT_LABEL_CHARS, MOST_COLUMNS, READINESS_SHADES, SUMMARISE_FROM,
};
pub use progress::{progress, Progress, QuestionMove, StepChange};
pub use report::{
    report, Finding, FindingKind, Gap, GapGroup, GapKind, GateList, Ignored, IgnoredReason,
    ItemNext, KeptAnswer, NextStep, NoteLine, PitfallFlag, Report, ReportItem, ReportPart,
    Strength, TaSummary, TableAdvice,
};
pub use scoring::{
    advice_for, advice_in, gate_status, percent_text, phase_profile, section_score, section_scores,
    table_checks, Band, GateState, GateStatus, PhaseProfile, PhaseScore, SectionScore, TableCheck,
    Verdict, WhereYouAre,
};
pub use screens::coach_form::CoachForm;
pub use summary::PRIVACY_LINE;

/// The version of the core's crates (each of them is at this version), shown in report footers
/// when the app gives none of its own.
pub const CRATE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version of the built-in question bank, the `bank_version` of `bank/bank.json`.
///
/// It is a string, `YEAR.RELEASE`, rather than a number, so that people can read it in a
/// report footer; a test keeps it equal to the embedded bank's version.
pub const BANK_VERSION: &str = "2026.3";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_constant_matches_the_builtin_bank() {
        assert_eq!(Bank::builtin().version(), BANK_VERSION);
        assert!(!CRATE_VERSION.is_empty());
    }
}
