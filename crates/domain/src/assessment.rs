//! One assessment: who is answering, their answers and notes, and what help they ask for.
//!
//! An assessment holds only what the person said. Scores are never stored here; they are
//! computed from the answers every time a report is made.

use std::collections::{BTreeMap, BTreeSet};

use crate::answer::Answer;
use crate::bank::Bank;

mod session;

pub use session::{
    is_email_address, CoachSession, SessionField, SessionProblem, MAX_COACH_MESSAGE_CHARS,
    SCOPE_SECTIONS,
};

// The limits of an assessment, the same on the device, in files and in links: what a person
// can write, and what any reader accepts.

/// The longest name, region, sector, role, date or bank version, in characters.
pub const MAX_META_CHARS: usize = 200;

/// The longest note on a question, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// The longest free text of a TA request, in characters.
pub const MAX_TA_TEXT_CHARS: usize = 4_000;

/// The most answers (and the most notes) a record may hold: several times the bank's
/// questions, so answers from other bank versions still fit.
pub const MAX_ANSWERS: usize = 500;

/// The most help areas a TA request may name.
pub const MAX_HELP_AREAS: usize = 100;

/// Who and what is assessed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// A name for this assessment, e.g. "Northwest manufacturing, spring check".
    pub name: String,
    /// The labor market region.
    pub region: String,
    /// The industry sector.
    pub sector: String,
    /// The respondent's role, e.g. "Workforce board director".
    pub respondent_role: String,
    /// The date of the assessment, as the person wrote it or as the app set it.
    pub date: String,
    /// The version of the question bank the answers were given against.
    pub bank_version: String,
}

impl Meta {
    /// Who and what a new assessment is about, from the start form's fields, trimmed; `None`
    /// while the region, the sector or the role is blank (the form says which, as the
    /// browser marks them required).
    pub fn from_form(name: &str, region: &str, sector: &str, role: &str) -> Option<Self> {
        let [name, region, sector, respondent_role] =
            [name, region, sector, role].map(|text| text.trim().to_string());
        if region.is_empty() || sector.is_empty() || respondent_role.is_empty() {
            return None;
        }
        Some(Self {
            name,
            region,
            sector,
            respondent_role,
            ..Self::default()
        })
    }

    /// The name an assessment goes by in lists and messages: its name, else its region, else
    /// its sector, else "Untitled assessment".
    pub fn display_name(&self) -> String {
        [&self.name, &self.region, &self.sector]
            .into_iter()
            .map(|text| text.trim())
            .find(|text| !text.is_empty())
            .unwrap_or("Untitled assessment")
            .to_string()
    }

    /// The assessment's details as the start list shows them beside its name: "North Valley ·
    /// Health care · College"; blank ones left out.
    pub fn listed_details(&self) -> String {
        details_line([&self.region, &self.sector, &self.respondent_role])
    }

    /// The assessment's details as the Compare screen shows them beside a respondent: its
    /// region, sector and date; blank ones left out.
    pub fn respondent_details(&self) -> String {
        details_line([&self.region, &self.sector, &self.date])
    }
}

/// How much of an assessment is answered, as the start list and the answering screen both
/// say it: "12 of 80 questions answered".
pub fn questions_answered(answered: usize, total: usize) -> String {
    format!("{answered} of {total} questions answered")
}

/// Texts that are not blank, trimmed, joined by " · ": how the lists show an assessment's
/// details.
fn details_line<const N: usize>(texts: [&String; N]) -> String {
    texts
        .into_iter()
        .map(|text| text.trim())
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Where the region wants technical assistance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaRequest {
    /// Ids of the chosen help areas (see [`Bank::help_areas`]).
    pub areas: BTreeSet<String>,
    /// Anything else, in the region's words.
    pub text: String,
}

/// The answers, notes and TA request of one assessment, keyed by question id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessment {
    /// Who and what is assessed.
    pub meta: Meta,
    answers: BTreeMap<String, Answer>,
    notes: BTreeMap<String, String>,
    /// Where the region wants help.
    pub ta_request: TaRequest,
    /// The coach's session, when the assessment was started from a coach link.
    pub coach: Option<CoachSession>,
}

impl Assessment {
    /// A blank assessment against this bank, recording the bank's version.
    pub fn new(bank: &Bank) -> Self {
        Self {
            meta: Meta {
                bank_version: bank.version().to_string(),
                ..Meta::default()
            },
            ..Self::default()
        }
    }

    /// Records an answer, replacing any earlier one, and returns the earlier one.
    ///
    /// The answer is not checked against the bank here, so that answers from an import are
    /// never lost; scoring ignores answers that do not fit their question and reports them.
    pub fn set_answer(&mut self, question_id: impl Into<String>, answer: Answer) -> Option<Answer> {
        self.answers.insert(question_id.into(), answer)
    }

    /// Makes a question unanswered again and returns the answer it had.
    pub fn clear_answer(&mut self, question_id: &str) -> Option<Answer> {
        self.answers.remove(question_id)
    }

    /// The answer to a question, or `None` when it is unanswered.
    pub fn answer(&self, question_id: &str) -> Option<Answer> {
        self.answers.get(question_id).copied()
    }

    /// Every answer, by question id.
    pub fn answers(&self) -> &BTreeMap<String, Answer> {
        &self.answers
    }

    /// Sets the note on a question; an empty or blank note removes it.
    pub fn set_note(&mut self, question_id: impl Into<String>, note: impl Into<String>) {
        let question_id = question_id.into();
        let note = note.into();
        if note.trim().is_empty() {
            self.notes.remove(&question_id);
        } else {
            self.notes.insert(question_id, note);
        }
    }

    /// The note on a question.
    pub fn note(&self, question_id: &str) -> Option<&str> {
        self.notes.get(question_id).map(String::as_str)
    }

    /// Every note, by question id.
    pub fn notes(&self) -> &BTreeMap<String, String> {
        &self.notes
    }

    /// Adds or removes a help area from the TA request.
    pub fn set_help_area(&mut self, area_id: impl Into<String>, wanted: bool) {
        let area_id = area_id.into();
        if wanted {
            self.ta_request.areas.insert(area_id);
        } else {
            self.ta_request.areas.remove(&area_id);
        }
    }

    /// The number of questions answered in any way, Don't know and Not applicable included.
    pub fn answered_count(&self) -> usize {
        self.answers.len()
    }

    /// Brings answers given under an earlier bank version forward to this bank: the answer
    /// to a question split into several that together mean the same moves to each of them
    /// (where one is still unanswered), and its note to the first without a note. Nothing is
    /// dropped: an answer or note that cannot move (its question was retired without
    /// successors, or a successor already holds another answer) stays under its old id, and
    /// the report lists it. Running it again changes nothing.
    pub fn carry_forward(&mut self, bank: &Bank) {
        for retired in bank.retired() {
            let (old, successors) = (retired.id(), retired.moved_to());
            if successors.is_empty() {
                continue;
            }
            if let Some(answer) = self.answer(old).filter(|a| retired.accepts(a)) {
                for id in successors {
                    if self.answer(id).is_none() {
                        self.set_answer(id.clone(), answer);
                    }
                }
                if successors.iter().all(|id| self.answer(id) == Some(answer)) {
                    self.clear_answer(old);
                }
            }
            if let Some(note) = self.notes.get(old).cloned() {
                if let Some(free) = successors.iter().find(|id| self.note(id).is_none()) {
                    self.set_note(free.clone(), note);
                    self.notes.remove(old);
                }
            }
        }
    }
}

/// One change a person makes to an assessment. Changes are values so that the app can apply
/// the same change to what it shows and to what another tab saved meanwhile, and lose neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Answer a question (or change the answer).
    SetAnswer {
        /// The question's id.
        question: String,
        /// The new answer.
        answer: Answer,
    },
    /// Take an answer back, so the question is unanswered again.
    ClearAnswer {
        /// The question's id.
        question: String,
    },
    /// Write, change or (when blank) remove the note on a question.
    SetNote {
        /// The question's id.
        question: String,
        /// The note's text.
        note: String,
    },
    /// Rename the assessment.
    SetName(String),
    /// Change the region.
    SetRegion(String),
    /// Change the industry sector.
    SetSector(String),
    /// Change the respondent's role.
    SetRole(String),
    /// Ask, or stop asking, for help in one area.
    SetHelpArea {
        /// The help area's id.
        area: String,
        /// Whether help is wanted there.
        wanted: bool,
    },
    /// Change the free text of the request for technical assistance.
    SetTaText(String),
}

/// `text` cut to `limit` characters, if it is longer.
fn clip(text: &mut String, limit: usize) {
    if let Some((at, _)) = text.char_indices().nth(limit) {
        text.truncate(at);
    }
}

impl Assessment {
    /// Cuts every text to the limits every reader holds a record to ([`MAX_META_CHARS`],
    /// [`MAX_NOTE_CHARS`], [`MAX_TA_TEXT_CHARS`]), so that what the app keeps, it reads back:
    /// the fields' own limits keep typed text within them, but a copy's longer name ("Copy of
    /// ...") or a shared link's over-long text would otherwise not read back.
    pub fn clip_to_limits(&mut self) {
        let meta = &mut self.meta;
        for text in [
            &mut meta.name,
            &mut meta.region,
            &mut meta.sector,
            &mut meta.respondent_role,
            &mut meta.date,
            &mut meta.bank_version,
        ] {
            clip(text, MAX_META_CHARS);
        }
        for note in self.notes.values_mut() {
            clip(note, MAX_NOTE_CHARS);
        }
        clip(&mut self.ta_request.text, MAX_TA_TEXT_CHARS);
    }

    /// Applies one change.
    pub fn apply(&mut self, edit: &Edit) {
        match edit {
            Edit::SetAnswer { question, answer } => {
                self.set_answer(question.clone(), *answer);
            }
            Edit::ClearAnswer { question } => {
                self.clear_answer(question);
            }
            Edit::SetNote { question, note } => self.set_note(question.clone(), note.clone()),
            Edit::SetName(name) => self.meta.name = name.clone(),
            Edit::SetRegion(region) => self.meta.region = region.clone(),
            Edit::SetSector(sector) => self.meta.sector = sector.clone(),
            Edit::SetRole(role) => self.meta.respondent_role = role.clone(),
            Edit::SetHelpArea { area, wanted } => self.set_help_area(area.clone(), *wanted),
            Edit::SetTaText(text) => self.ta_request.text = text.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_assessment_needs_its_region_sector_and_role_and_keeps_them_trimmed() {
        let meta = Meta::from_form(
            " Spring check ",
            " North Valley",
            "Health care ",
            " College ",
        )
        .expect("every required field given");
        assert_eq!(
            (
                meta.name.as_str(),
                meta.region.as_str(),
                meta.sector.as_str()
            ),
            ("Spring check", "North Valley", "Health care")
        );
        assert_eq!(meta.respondent_role, "College");
        assert_eq!(meta.date, "");
        assert!(Meta::from_form("", "North Valley", "Health care", "College").is_some());
        for blank in [
            ("  ", "Health care", "College"),
            ("North Valley", "", "College"),
            ("North Valley", "Health care", " \t"),
        ] {
            assert_eq!(
                Meta::from_form("n", blank.0, blank.1, blank.2),
                None,
                "{blank:?}"
            );
        }
    }
    use crate::answer::ScalePoint;

    /// A coach's invitation names what is in scope and the assessment it starts.
    #[test]
    fn an_invitation_names_its_scope_and_its_assessment() {
        let bank = Bank::builtin();
        let mut session = CoachSession {
            coach_name: "Dana".into(),
            ..CoachSession::default()
        };
        assert_eq!(
            session.invitation_scope_line(bank),
            "The whole assessment is in scope."
        );
        assert_eq!(session.assessment_name(), "For Dana");
        session.session_name = "Module 3".into();
        session.scope = ["s2".to_string()].into();
        assert_eq!(
            session.invitation_scope_line(bank),
            "In scope: Step 2, Define the scope of industry focus."
        );
        assert_eq!(session.assessment_name(), "For Module 3");
        assert_eq!(CoachSession::default().assessment_name(), "");
        assert_eq!(session.send_results_heading(), "Send your results to Dana");
        assert!(session.send_results_line().ends_with(
            "add your coach's address. You can also attach the JSON file, which holds everything."
        ));
        session.return_email = "dana@example.org".into();
        assert!(session
            .send_results_line()
            .starts_with("Your email program opens a draft to dana@example.org with"));
    }

    #[test]
    fn a_new_assessment_records_the_bank_version_and_nothing_else() {
        let bank = Bank::builtin();
        let assessment = Assessment::new(bank);
        assert_eq!(assessment.meta.bank_version, bank.version());
        assert!(assessment.answers().is_empty());
        assert!(assessment.notes().is_empty());
    }

    #[test]
    fn answers_can_be_set_replaced_and_cleared() {
        let mut a = Assessment::default();
        assert_eq!(
            a.set_answer("s1.convener", Answer::Scale(ScalePoint::Started)),
            None
        );
        assert_eq!(
            a.set_answer("s1.convener", Answer::Scale(ScalePoint::Done)),
            Some(Answer::Scale(ScalePoint::Started))
        );
        assert_eq!(
            a.answer("s1.convener"),
            Some(Answer::Scale(ScalePoint::Done))
        );
        assert_eq!(
            a.clear_answer("s1.convener"),
            Some(Answer::Scale(ScalePoint::Done))
        );
        assert_eq!(a.answer("s1.convener"), None);
    }

    #[test]
    fn a_text_is_clipped_to_a_number_of_characters_not_bytes() {
        let mut text = "😀".repeat(MAX_META_CHARS + 5);
        clip(&mut text, MAX_META_CHARS);
        assert_eq!(text.chars().count(), MAX_META_CHARS);
        let mut short = "r".repeat(MAX_META_CHARS);
        clip(&mut short, MAX_META_CHARS);
        assert_eq!(short.len(), MAX_META_CHARS, "at the limit, nothing is cut");
    }

    #[test]
    fn a_blank_note_removes_the_note() {
        let mut a = Assessment::default();
        a.set_note("s1.convener", "Agreed at the March meeting");
        assert_eq!(a.note("s1.convener"), Some("Agreed at the March meeting"));
        a.set_note("s1.convener", "   ");
        assert_eq!(a.note("s1.convener"), None);
    }

    #[test]
    fn edits_made_in_two_places_combine_when_applied_to_the_same_assessment() {
        let first = Edit::SetAnswer {
            question: "s1.roles".into(),
            answer: Answer::Scale(ScalePoint::Mostly),
        };
        let second = Edit::SetNote {
            question: "s2.lmi".into(),
            note: "We used the state's data".into(),
        };
        let mut stored = Assessment::default();
        stored.apply(&first);
        stored.apply(&second);
        assert_eq!(
            stored.answer("s1.roles"),
            Some(Answer::Scale(ScalePoint::Mostly))
        );
        assert_eq!(stored.note("s2.lmi"), Some("We used the state's data"));
        stored.apply(&Edit::ClearAnswer {
            question: "s1.roles".into(),
        });
        assert_eq!(stored.answer("s1.roles"), None);
        stored.apply(&Edit::SetName("Spring check".into()));
        stored.apply(&Edit::SetTaText("Help with the launch".into()));
        stored.apply(&Edit::SetHelpArea {
            area: "scope".into(),
            wanted: true,
        });
        assert_eq!(stored.meta.name, "Spring check");
        assert_eq!(stored.ta_request.text, "Help with the launch");
        assert!(stored.ta_request.areas.contains("scope"));
    }

    #[test]
    fn help_areas_toggle() {
        let mut a = Assessment::default();
        a.set_help_area("facilitation", true);
        a.set_help_area("data", true);
        a.set_help_area("facilitation", false);
        assert_eq!(a.ta_request.areas.iter().collect::<Vec<_>>(), ["data"]);
    }
}
