//! What each screen shows, decided here and laid out by the app: one owned model per screen,
//! built by one call, holding every sentence and every rule the screen shows, so the rules are
//! tested natively and a sentence two places show is written once.
//!
//! The report's own model is the domain's `Report` (with its `assessed` rows and the steps'
//! `gate_state`); the group's is `GroupView` and session mode's `SessionStep`; the models here
//! are those of the screens that had their rules in the app.

pub mod answering;
pub mod coach_form;
