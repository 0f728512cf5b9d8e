//! Version 1 of an assessment record, as the stored envelope and the export file carry it: its
//! shape for serde to write, and its conversions from and into an [`Assessment`] (reading it
//! back against the bank, which skips and lists what does not fit).

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::{SkipReason, Skipped};
use readiness_domain::answer::{Agreement, Answer, PitfallLevel, ScalePoint, MAX_COUNT};
use readiness_domain::assessment::{Assessment, CoachSession, Meta, TaRequest};
use readiness_domain::bank::{Bank, QuestionKind};

/// Version 1 of an assessment record: meta, answers by question id, notes, TA request.
#[derive(Serialize, Default)]
pub(crate) struct RecordV1 {
    pub(super) meta: MetaV1,
    pub(super) answers: AnswersV1,
    pub(super) notes: BTreeMap<String, String>,
    pub(super) ta_request: TaRequestV1,
    /// Written only for assessments started from a coach link, so other records are as
    /// version 1 first wrote them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) coach: Option<CoachV1>,
}

/// Answers by question id, in the order of the assessment's ids, written as a JSON object. A
/// list rather than a map: reading and writing only ever go through it in order, and a map of
/// this type would add its own code to the app's first download.
#[derive(Default)]
pub(super) struct AnswersV1(pub(super) Vec<(String, AnswerV1)>);

impl Serialize for AnswersV1 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(id, answer)| (id, answer)))
    }
}

/// The coach's session an assessment was started from (see the coach link of `readiness-links`).
#[derive(Serialize, Default)]
pub(super) struct CoachV1 {
    pub(super) coach_name: String,
    pub(super) session_name: String,
    pub(super) session_date: String,
    pub(super) region: String,
    pub(super) sector: String,
    pub(super) message: String,
    pub(super) return_email: String,
    pub(super) scope: Vec<String>,
}

#[derive(Serialize, Default)]
pub(super) struct MetaV1 {
    pub(super) name: String,
    pub(super) region: String,
    pub(super) sector: String,
    pub(super) respondent_role: String,
    pub(super) date: String,
    pub(super) bank_version: String,
}

#[derive(Serialize, Default)]
pub(super) struct TaRequestV1 {
    pub(super) areas: Vec<String>,
    pub(super) text: String,
}

/// An answer as written: a word, or a number for counts.
#[derive(Serialize, Clone)]
#[serde(untagged)]
pub(super) enum AnswerV1 {
    Count(u64),
    Word(String),
}

impl fmt::Display for AnswerV1 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerV1::Count(n) => write!(f, "{n}"),
            AnswerV1::Word(word) => write!(f, "\"{word}\""),
        }
    }
}

impl RecordV1 {
    pub(crate) fn from_assessment(assessment: &Assessment) -> Self {
        let meta = &assessment.meta;
        RecordV1 {
            meta: MetaV1 {
                name: meta.name.clone(),
                region: meta.region.clone(),
                sector: meta.sector.clone(),
                respondent_role: meta.respondent_role.clone(),
                date: meta.date.clone(),
                bank_version: meta.bank_version.clone(),
            },
            answers: AnswersV1(
                assessment
                    .answers()
                    .iter()
                    .map(|(id, answer)| (id.clone(), answer_to_v1(*answer)))
                    .collect(),
            ),
            notes: assessment.notes().clone(),
            ta_request: TaRequestV1 {
                areas: assessment.ta_request.areas.iter().cloned().collect(),
                text: assessment.ta_request.text.clone(),
            },
            coach: assessment.coach.as_ref().map(|coach| CoachV1 {
                coach_name: coach.coach_name.clone(),
                session_name: coach.session_name.clone(),
                session_date: coach.session_date.clone(),
                region: coach.region.clone(),
                sector: coach.sector.clone(),
                message: coach.message.clone(),
                return_email: coach.return_email.clone(),
                scope: coach.scope.iter().cloned().collect(),
            }),
        }
    }

    pub(crate) fn into_assessment(self, bank: &Bank) -> (Assessment, Vec<Skipped>) {
        let mut skipped = Vec::new();
        let mut assessment = Assessment::default();
        assessment.meta = Meta {
            name: self.meta.name,
            region: self.meta.region,
            sector: self.meta.sector,
            respondent_role: self.meta.respondent_role,
            date: self.meta.date,
            bank_version: self.meta.bank_version,
        };
        assessment.ta_request = TaRequest {
            areas: Default::default(),
            text: self.ta_request.text,
        };
        // A session that fails the coach link's own checks (a hand-edited record) is dropped
        // rather than trusted: its return address could be anything.
        assessment.coach = self
            .coach
            .map(|coach| CoachSession {
                coach_name: coach.coach_name,
                session_name: coach.session_name,
                session_date: coach.session_date,
                region: coach.region,
                sector: coach.sector,
                message: coach.message,
                return_email: coach.return_email,
                scope: inserted(coach.scope),
            })
            .filter(|coach| coach.problem().is_none());
        for (id, written) in self.answers.0 {
            // A question an earlier bank asked is read with the kind it had, and kept.
            let kind = match (bank.question(&id), bank.retired_question(&id)) {
                (Some(question), _) => question.kind(),
                (None, Some(retired)) => retired.kind(),
                (None, None) => {
                    skipped.push(Skipped {
                        id,
                        reason: SkipReason::UnknownQuestion,
                    });
                    continue;
                }
            };
            match answer_from_v1(kind, &written) {
                Some(answer) => {
                    assessment.set_answer(id, answer);
                }
                None => skipped.push(Skipped {
                    id,
                    reason: SkipReason::WrongAnswer(written.to_string()),
                }),
            }
        }
        for (id, note) in self.notes {
            if bank.question(&id).is_some() || bank.retired_question(&id).is_some() {
                assessment.set_note(id, note);
            } else {
                skipped.push(Skipped {
                    id,
                    reason: SkipReason::UnknownQuestion,
                });
            }
        }
        for area in self.ta_request.areas {
            if bank.help_area(&area).is_some() {
                assessment.set_help_area(area, true);
            } else {
                skipped.push(Skipped {
                    id: area,
                    reason: SkipReason::UnknownHelpArea,
                });
            }
        }
        // Answers to a question an earlier bank split move to its successors.
        assessment.carry_forward(bank);
        (assessment, skipped)
    }
}

/// A map or set of these entries, each inserted in turn: `collect()` into a map or set builds
/// it in bulk (sorting and merging first), which costs the app's first download 1.3 KB brotli.
pub(super) fn inserted<C: Default + Extend<T>, T>(entries: impl IntoIterator<Item = T>) -> C {
    let mut collection = C::default();
    collection.extend(entries);
    collection
}

fn answer_to_v1(answer: Answer) -> AnswerV1 {
    let word = match answer {
        Answer::Count(n) => return AnswerV1::Count(u64::from(n)),
        Answer::Scale(ScalePoint::NotYet) => "not-yet",
        Answer::Scale(ScalePoint::Started) => "started",
        Answer::Scale(ScalePoint::Mostly) => "mostly",
        Answer::Scale(ScalePoint::Done) => "done",
        Answer::Agreement(Agreement::Disagree) => "disagree",
        Answer::Agreement(Agreement::SomewhatDisagree) => "somewhat-disagree",
        Answer::Agreement(Agreement::SomewhatAgree) => "somewhat-agree",
        Answer::Agreement(Agreement::Agree) => "agree",
        Answer::YesNo(true) | Answer::Pitfall(PitfallLevel::Yes) => "yes",
        Answer::YesNo(false) | Answer::Pitfall(PitfallLevel::No) => "no",
        Answer::Pitfall(PitfallLevel::ALittle) => "a-little",
        Answer::DontKnow => "dont-know",
        Answer::NotApplicable => "not-applicable",
    };
    AnswerV1::Word(word.to_string())
}

/// Reads a written answer as the kind of question it answers; `None` when it does not fit.
fn answer_from_v1(kind: &QuestionKind, written: &AnswerV1) -> Option<Answer> {
    let word = match written {
        AnswerV1::Count(n) => {
            let n = u32::try_from(*n).ok().filter(|n| *n <= MAX_COUNT)?;
            return matches!(kind, QuestionKind::Count(_)).then_some(Answer::Count(n));
        }
        AnswerV1::Word(word) => word.as_str(),
    };
    let answer = match (kind, word) {
        (_, "dont-know") => Answer::DontKnow,
        (_, "not-applicable") => Answer::NotApplicable,
        (QuestionKind::Scale, "not-yet") => Answer::Scale(ScalePoint::NotYet),
        (QuestionKind::Scale, "started") => Answer::Scale(ScalePoint::Started),
        (QuestionKind::Scale, "mostly") => Answer::Scale(ScalePoint::Mostly),
        (QuestionKind::Scale, "done") => Answer::Scale(ScalePoint::Done),
        (QuestionKind::Agreement(_), "disagree") => Answer::Agreement(Agreement::Disagree),
        (QuestionKind::Agreement(_), "somewhat-disagree") => {
            Answer::Agreement(Agreement::SomewhatDisagree)
        }
        (QuestionKind::Agreement(_), "somewhat-agree") => {
            Answer::Agreement(Agreement::SomewhatAgree)
        }
        (QuestionKind::Agreement(_), "agree") => Answer::Agreement(Agreement::Agree),
        (QuestionKind::YesNo { .. }, "yes") => Answer::YesNo(true),
        (QuestionKind::YesNo { .. }, "no") => Answer::YesNo(false),
        (QuestionKind::Pitfall(_), "no") => Answer::Pitfall(PitfallLevel::No),
        (QuestionKind::Pitfall(_), "a-little") => Answer::Pitfall(PitfallLevel::ALittle),
        (QuestionKind::Pitfall(_), "yes") => Answer::Pitfall(PitfallLevel::Yes),
        _ => return None,
    };
    Some(answer)
}
