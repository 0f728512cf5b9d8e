//! The coach's session: who sends a coach link, for which session and date, what it asks
//! about, the coach's message and where results go back. A domain type: the coach link
//! carries it and the assessment it starts keeps it.

use std::collections::BTreeSet;

use super::MAX_META_CHARS;

/// The longest message a coach can write into a link, in characters.
pub const MAX_COACH_MESSAGE_CHARS: usize = 2_000;

/// The sections a coach can put in scope, in the order of the scope bits. Frozen: new
/// sections are added at the end, never inserted, so old links keep their meaning.
pub const SCOPE_SECTIONS: [&str; 9] = [
    "s1", "s2", "s3", "s4", "s5", "s6", "phases", "table", "pitfalls",
];

/// A coach's session, as carried by a coach link and kept with the assessment it started.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CoachSession {
    /// The coach's name, shown to the region.
    pub coach_name: String,
    /// The session's name, e.g. "Module 3: preparing to launch".
    pub session_name: String,
    /// When the session is, as the coach wrote it.
    pub session_date: String,
    /// The region the link is for; fills the new assessment's region.
    pub region: String,
    /// The industry sector; fills the new assessment's sector.
    pub sector: String,
    /// The coach's message, shown at the top of the assessment.
    pub message: String,
    /// Where results go back to; empty when the coach gave none.
    pub return_email: String,
    /// Ids of the sections in scope; empty means every section.
    pub scope: BTreeSet<String>,
}

impl CoachSession {
    /// Whether the coach put this section in scope (every section is when none was chosen).
    pub fn in_scope(&self, section_id: &str) -> bool {
        self.scope.is_empty() || self.scope.contains(section_id)
    }

    /// The session's name and date, those given, joined by a comma ("Module 3, 2026-12-04").
    pub fn when_line(&self) -> String {
        join_given(&[&self.session_name, &self.session_date])
    }

    /// The session in one line, as the report and the summary show it: its name, date and
    /// coach, those given, joined by commas ("Module 3, 2026-12-04, Dana").
    pub fn session_line(&self) -> String {
        join_given(&[&self.session_name, &self.session_date, &self.coach_name])
    }

    /// What the session asked about, in words: "The whole assessment", or the headings of
    /// the parts in scope joined by semicolons, in the bank's order.
    pub fn scope_line(&self, bank: &crate::bank::Bank) -> String {
        if self.scope.is_empty() {
            return "The whole assessment".to_string();
        }
        bank.sections()
            .iter()
            .filter(|section| self.in_scope(section.id()))
            .map(|section| section.heading())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// What the invitation says is in scope: "The whole assessment is in scope." or "In
    /// scope: Step 2, ...; Step 4, ...".
    pub fn invitation_scope_line(&self, bank: &crate::bank::Bank) -> String {
        let in_scope = bank
            .sections()
            .iter()
            .filter(|section| self.in_scope(section.id()))
            .map(|section| section.heading())
            .collect::<Vec<_>>();
        if in_scope.len() == bank.sections().len() {
            "The whole assessment is in scope.".to_string()
        } else {
            format!("In scope: {}.", in_scope.join("; "))
        }
    }

    /// The name an assessment started from this invitation takes: "For Module 3", else "For"
    /// the coach, else none.
    pub fn assessment_name(&self) -> String {
        [self.session_name.as_str(), self.coach_name.as_str()]
            .into_iter()
            .find(|text| !text.is_empty())
            .map(|text| format!("For {text}"))
            .unwrap_or_default()
    }

    /// The heading of the report's offer to send the results back: "Send your results to
    /// Dana".
    pub fn send_results_heading(&self) -> String {
        format!("Send your results to {}", self.coach_name)
    }

    /// What sending the results back does, with or without the coach's address.
    pub fn send_results_line(&self) -> String {
        let to = &self.return_email;
        let draft = if to.is_empty() {
            "Your email program opens a draft with your summary and the share link; add your \
             coach's address."
                .to_string()
        } else {
            format!(
                "Your email program opens a draft to {to} with your summary and the share link."
            )
        };
        format!("{draft} You can also attach the JSON file, which holds everything.")
    }

    /// The first thing wrong with this session for a coach link: a text over its limit, a
    /// return address that is not an email address, or a part of the assessment that does not
    /// exist. The coach's form and the coach link each say it in their own words.
    pub fn problem(&self) -> Option<SessionProblem> {
        let fields = [
            (SessionField::CoachName, &self.coach_name),
            (SessionField::SessionName, &self.session_name),
            (SessionField::SessionDate, &self.session_date),
            (SessionField::Region, &self.region),
            (SessionField::Sector, &self.sector),
        ];
        for (field, text) in fields {
            let chars = text.chars().count();
            if chars > MAX_META_CHARS {
                return Some(SessionProblem::TooLong { field, chars });
            }
        }
        let chars = self.message.chars().count();
        if chars > MAX_COACH_MESSAGE_CHARS {
            return Some(SessionProblem::MessageTooLong { chars });
        }
        if !self.return_email.is_empty() && !is_email_address(&self.return_email) {
            return Some(SessionProblem::NotAnEmail);
        }
        self.scope
            .iter()
            .find(|id| !SCOPE_SECTIONS.contains(&id.as_str()))
            .map(|unknown| SessionProblem::UnknownScope(unknown.clone()))
    }
}

/// One of the short texts of a coach's session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionField {
    /// The coach's name.
    CoachName,
    /// The session's name.
    SessionName,
    /// The session's date.
    SessionDate,
    /// The region.
    Region,
    /// The industry sector.
    Sector,
}

/// What is wrong with a coach's session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionProblem {
    /// A short text is longer than [`MAX_META_CHARS`] characters.
    TooLong {
        /// Which text.
        field: SessionField,
        /// How long it is, in characters.
        chars: usize,
    },
    /// The message is longer than [`MAX_COACH_MESSAGE_CHARS`] characters.
    MessageTooLong {
        /// How long it is, in characters.
        chars: usize,
    },
    /// The return address is not one email address.
    NotAnEmail,
    /// The scope names a part the assessment does not have.
    UnknownScope(String),
}

impl SessionField {
    /// The field as a coach knows it, within a sentence: "the session's name".
    fn words(self) -> &'static str {
        match self {
            SessionField::CoachName => "your name",
            SessionField::SessionName => "the session's name",
            SessionField::SessionDate => "the session's date",
            SessionField::Region => "the region",
            SessionField::Sector => "the sector",
        }
    }
}

impl SessionProblem {
    /// The problem in words within a sentence, as the coach link says why it is damaged:
    /// "the session's name is 201 characters long; keep it to 200".
    pub fn clause(&self) -> String {
        match self {
            SessionProblem::TooLong { field, chars } => format!(
                "{} is {chars} characters long; keep it to {MAX_META_CHARS}",
                field.words()
            ),
            SessionProblem::MessageTooLong { chars } => format!(
                "the message is {chars} characters long; keep it to {MAX_COACH_MESSAGE_CHARS}"
            ),
            SessionProblem::NotAnEmail => {
                "the return email does not look like an email address (name@example.org)"
                    .to_string()
            }
            SessionProblem::UnknownScope(id) => {
                format!("there is no section \"{id}\" to put in scope")
            }
        }
    }

    /// The problem as a sentence of its own, as the coach's form says it: "The session's
    /// name is 201 characters long; keep it to 200." The same words as [`Self::clause`].
    pub fn sentence(&self) -> String {
        let clause = self.clause();
        let mut chars = clause.chars();
        let first = chars.next().map(|c| c.to_ascii_uppercase());
        first.into_iter().chain(chars).chain(['.']).collect()
    }
}

/// The texts that are not blank, trimmed, joined by commas.
fn join_given(texts: &[&str]) -> String {
    texts
        .iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a text is a plausible single email address: one `@`, something on each side, a dot
/// in the domain, and nothing that could smuggle extra recipients or headers into a `mailto:`.
pub fn is_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    text.chars().count() <= MAX_META_CHARS
        && !local.is_empty()
        && local.chars().all(allowed)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}
