//! The coach's form: what the coach typed, the session it makes, and the one thing to put
//! right first.

use std::collections::BTreeSet;

use crate::assessment::CoachSession;
use crate::bank::Bank;

/// The coach's form as typed: each text untrimmed, the parts ticked, and whether the browser
/// marked the date as bad input (a date typed in part, whose value reads as empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoachForm {
    /// The coach's name.
    pub coach_name: String,
    /// The session's name.
    pub session_name: String,
    /// The session's date, as a date field gives it (`YYYY-MM-DD`).
    pub session_date: String,
    /// True when the browser marked the date field as bad input.
    pub date_unreadable: bool,
    /// The region.
    pub region: String,
    /// The industry sector.
    pub sector: String,
    /// The coach's message.
    pub message: String,
    /// Where the results go back.
    pub return_email: String,
    /// The ids of the sections ticked.
    pub scope: BTreeSet<String>,
}

impl CoachForm {
    /// An empty form with every part of the assessment ticked.
    pub fn new(bank: &Bank) -> CoachForm {
        let mut scope = BTreeSet::new();
        scope.extend(bank.sections().iter().map(|s| s.id().to_string()));
        CoachForm {
            scope,
            ..CoachForm::default()
        }
    }

    /// The session the form describes, its texts trimmed. Every section in scope is written
    /// as none chosen, which old and new versions alike read as the whole assessment.
    pub fn session(&self, bank: &Bank) -> CoachSession {
        CoachSession {
            coach_name: self.coach_name.trim().to_string(),
            session_name: self.session_name.trim().to_string(),
            session_date: self.session_date.trim().to_string(),
            region: self.region.trim().to_string(),
            sector: self.sector.trim().to_string(),
            message: self.message.trim().to_string(),
            return_email: self.return_email.trim().to_string(),
            scope: if self.scope.len() == bank.sections().len() {
                BTreeSet::new()
            } else {
                self.scope.clone()
            },
        }
    }

    /// The first thing to put right before the form makes a link, in a sentence for the
    /// coach; `None` when the link can be made.
    pub fn problem(&self, bank: &Bank) -> Option<String> {
        let session = self.session(bank);
        if session.coach_name.is_empty() {
            return Some("Enter your name, so the region knows who the link is from.".to_string());
        }
        if self.scope.is_empty() {
            return Some("Choose at least one part of the assessment.".to_string());
        }
        if self.date_unreadable {
            return Some(
                "The session's date is not a whole date: enter the day, month and year again, \
                 or clear it."
                    .to_string(),
            );
        }
        if let Some(year) = unlikely_year(&session.session_date) {
            return Some(format!(
                "The session's date is in the year {year}. Check the year, or clear the date."
            ));
        }
        session.problem().map(|problem| problem.sentence())
    }
}

/// The year of a session date (`YYYY-MM-DD`, as a date field gives it) when it cannot be the
/// year of a coming session, such as 0004 from a date typed in the wrong order.
fn unlikely_year(date: &str) -> Option<&str> {
    let year = date
        .split('-')
        .next()
        .filter(|year| !year.is_empty() && year.bytes().all(|b| b.is_ascii_digit()))?;
    match year.parse::<u32>() {
        Ok(2000..=2099) => None,
        _ => Some(year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{SessionField, SessionProblem};

    fn filled() -> CoachForm {
        CoachForm {
            coach_name: " Dana ".into(),
            ..CoachForm::new(Bank::builtin())
        }
    }

    #[test]
    fn the_form_says_what_is_wrong_in_a_sentence_for_the_coach() {
        let bank = Bank::builtin();
        assert_eq!(
            CoachForm::new(bank).problem(bank).as_deref(),
            Some("Enter your name, so the region knows who the link is from.")
        );
        assert_eq!(filled().problem(bank), None);
        let none_ticked = CoachForm {
            scope: BTreeSet::new(),
            ..filled()
        };
        assert_eq!(
            none_ticked.problem(bank).as_deref(),
            Some("Choose at least one part of the assessment.")
        );
        let long = CoachForm {
            session_name: "x".repeat(201),
            ..filled()
        };
        assert_eq!(
            long.problem(bank).as_deref(),
            Some("The session's name is 201 characters long; keep it to 200.")
        );
        let year = CoachForm {
            session_date: "0004-12-12".into(),
            ..filled()
        };
        assert_eq!(
            year.problem(bank).as_deref(),
            Some("The session's date is in the year 0004. Check the year, or clear the date.")
        );
    }

    /// The form and the coach link say a session's problem in the same words.
    #[test]
    fn the_form_and_the_link_word_a_problem_alike() {
        let problems = [
            SessionProblem::TooLong {
                field: SessionField::CoachName,
                chars: 201,
            },
            SessionProblem::MessageTooLong { chars: 2001 },
            SessionProblem::NotAnEmail,
            SessionProblem::UnknownScope("s9".into()),
        ];
        for problem in problems {
            let (clause, sentence) = (problem.clause(), problem.sentence());
            assert!(clause.starts_with(char::is_lowercase), "{clause}");
            assert_eq!(sentence.to_lowercase(), format!("{clause}.").to_lowercase());
        }
        assert_eq!(
            SessionProblem::UnknownScope("s9".into()).sentence(),
            "There is no section \"s9\" to put in scope."
        );
    }

    #[test]
    fn every_part_ticked_is_the_whole_assessment() {
        let bank = Bank::builtin();
        assert!(filled().session(bank).scope.is_empty());
        assert_eq!(filled().session(bank).coach_name, "Dana");
        let one = CoachForm {
            scope: ["s2".to_string()].into(),
            ..filled()
        };
        assert_eq!(one.session(bank).scope.len(), 1);
    }

    #[test]
    fn a_session_date_in_an_unlikely_year_is_named() {
        assert_eq!(unlikely_year("2026-12-04"), None);
        assert_eq!(unlikely_year(""), None);
        assert_eq!(unlikely_year("0004-12-12"), Some("0004"));
        assert_eq!(unlikely_year("275760-09-13"), Some("275760"));
        // Text from a browser without a date field is left to the coach.
        assert_eq!(unlikely_year("next Tuesday"), None);
    }
}
