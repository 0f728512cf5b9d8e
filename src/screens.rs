//! The screens: each lays out the view model the core builds for it.

pub mod about;
pub mod answering;
pub mod assessment;
pub mod coach;
pub mod compare;
pub mod help_request;
pub mod home;
pub mod progress;
pub mod report;
pub mod report_screen;
pub mod session;
pub mod start;
