//! How an assessment is written down: the stored shape kept on the device, with its version.
//!
//! This module and [`crate::export`], which wraps the same record in the export file, are the
//! only ones whose types derive `Serialize` (the bank's private parsing types only derive
//! `Deserialize`). A record is read back by `json`, a small JSON reader of this module's own,
//! for the device's records and the export file's alike: start-up reads every stored record,
//! and serde's derived readers cost far more of the first download. A shipped version of a
//! format never changes; the next version migrates from it, and golden files of every shipped
//! version stay in the tests.
//!
//! Answers are written as words (`"done"`, `"dont-know"`) or, for counts, as numbers, and
//! always under the question's stable id, never by position. Reading one back needs the bank,
//! because a word such as `"yes"` means different things for different kinds of question.
//! Anything that does not fit the bank (an unknown question, an answer of the wrong kind) is
//! skipped and listed, and the rest loads.

use std::collections::BTreeMap;
use std::fmt;

pub(crate) mod json;
pub(crate) mod reading;

use serde::Serialize;

use self::json::NotJson;
use self::reading::{read_one_envelope, Envelope, EnvelopeProblem};

use crate::answer::{Agreement, Answer, PitfallLevel, ScalePoint, MAX_COUNT};
use crate::assessment::CoachSession;
use crate::assessment::{Assessment, Meta, TaRequest};
use crate::bank::{Bank, QuestionKind};

/// The `format` field of an assessment stored on the device.
pub const STORED_FORMAT: &str = "readiness-check/stored-assessment";

/// The version of the stored shape this build writes. Version 1 is the first shipped.
pub const STORED_VERSION: u64 = 1;

/// An assessment as kept on the device, with what the device needs to list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAssessment {
    /// The assessment's id on this device; never shown, never changes.
    pub id: String,
    /// When it was created, in milliseconds since 1970.
    pub created_ms: u64,
    /// When it last changed, in milliseconds since 1970.
    pub updated_ms: u64,
    /// What the person said.
    pub assessment: Assessment,
}

/// A stored assessment read back, with what could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedStored {
    /// The assessment.
    pub stored: StoredAssessment,
    /// Parts that did not fit the question bank and were left out.
    pub skipped: Vec<Skipped>,
}

/// One part of a record left out because it does not fit the question bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The question or help-area id as written in the record.
    pub id: String,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// Why part of a record was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// No question of the bank has this id.
    UnknownQuestion,
    /// The answer is not one the question accepts.
    WrongAnswer(String),
    /// No help area of the bank has this id.
    UnknownHelpArea,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            SkipReason::UnknownQuestion => write!(
                f,
                "an answer to \"{}\", a question this version of the check does not have",
                self.id
            ),
            SkipReason::WrongAnswer(value) => write!(
                f,
                "the answer {value} to \"{}\", which that question does not accept",
                self.id
            ),
            SkipReason::UnknownHelpArea => write!(
                f,
                "a request for help in \"{}\", an area this version of the check does not list",
                self.id
            ),
        }
    }
}

/// Why stored data could not be read. Each message says what happened in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoredError {
    /// The text is not JSON at all (cut short, or changed by something else).
    #[error("it is not readable data ({detail}); it may have been cut short or changed by another program")]
    NotJson {
        /// Where the reader gave up.
        detail: String,
    },
    /// The JSON is not an assessment saved by this app.
    #[error("it is not an assessment saved by this app")]
    NotAnAssessment,
    /// A newer version of the app saved it.
    #[error("it was saved by a newer version of this app (format {found}; this version reads up to {supported}); open the newer version, or export it there")]
    NewerVersion {
        /// The version found.
        found: u64,
        /// The newest version this build reads.
        supported: u64,
    },
    /// The shape is wrong somewhere.
    #[error("part of it is damaged: {detail}")]
    Damaged {
        /// What is wrong, as the reader put it.
        detail: String,
    },
}

/// What is stored under an assessment's key, in the current stored shape, for a storage API
/// that serializes values itself (the app's gloo-storage): serializing it to JSON gives
/// exactly the text of `encode_stored`.
#[derive(Serialize)]
#[serde(transparent)]
pub struct StoredRecord(StoredV1);

/// An assessment in the current stored shape, ready to be serialized.
pub fn stored_record(stored: &StoredAssessment) -> StoredRecord {
    StoredRecord(StoredV1 {
        format: STORED_FORMAT.to_string(),
        version: STORED_VERSION,
        id: stored.id.clone(),
        created_ms: stored.created_ms,
        updated_ms: stored.updated_ms,
        assessment: RecordV1::from_assessment(&stored.assessment),
    })
}

/// Writes an assessment in the current stored shape, as JSON.
pub fn encode_stored(stored: &StoredAssessment) -> String {
    // serde_json fails only on maps whose keys are not text and on a type's own serialize
    // error; the record has neither, so the default is never taken.
    serde_json::to_string(&stored_record(stored)).unwrap_or_default()
}

/// Reads stored text of any shipped version, migrating older versions to the current one.
pub fn decode_stored(bank: &Bank, text: &str) -> Result<DecodedStored, StoredError> {
    // One reading of the whole text says, in this order: whether it is JSON at all, whether
    // it is an assessment this app stored, of which version, and whether its shape is right.
    let envelope =
        read_one_envelope(text).map_err(|NotJson { line, column }| StoredError::NotJson {
            detail: format!("line {line}, column {column}"),
        })?;
    // Each shipped version gets an arm in `stored_parts` that turns it into the next; version
    // 1 is the first, so there is nothing older to migrate from yet.
    let (stored, skipped) = stored_parts(bank, envelope).map_err(|problem| match problem {
        EnvelopeProblem::NotOurs | EnvelopeProblem::NoVersion | EnvelopeProblem::VersionZero => {
            StoredError::NotAnAssessment
        }
        EnvelopeProblem::Newer { found } => StoredError::NewerVersion {
            found,
            supported: STORED_VERSION,
        },
        EnvelopeProblem::Misfit(misfit) => StoredError::Damaged {
            detail: misfit.sentence(),
        },
        EnvelopeProblem::Missing(name) => StoredError::Damaged {
            detail: format!("\"{name}\" is missing"),
        },
    })?;
    Ok(DecodedStored { stored, skipped })
}

/// A stored assessment out of its envelope, read against the bank: the device's records and the
/// export file's lists of them alike.
pub(crate) fn stored_parts(
    bank: &Bank,
    envelope: Envelope,
) -> Result<(StoredAssessment, Vec<Skipped>), EnvelopeProblem> {
    envelope.check(STORED_FORMAT, STORED_VERSION)?;
    let Envelope {
        id,
        created_ms,
        updated_ms,
        assessment,
        ..
    } = envelope;
    let id = id.ok_or(EnvelopeProblem::Missing("id"))?;
    let created_ms = created_ms.ok_or(EnvelopeProblem::Missing("created_ms"))?;
    let updated_ms = updated_ms.ok_or(EnvelopeProblem::Missing("updated_ms"))?;
    let record = assessment.ok_or(EnvelopeProblem::Missing("assessment"))?;
    let (assessment, skipped) = record.into_assessment(bank);
    let stored = StoredAssessment {
        id,
        created_ms,
        updated_ms,
        assessment,
    };
    Ok((stored, skipped))
}

/// Version 1 of the stored envelope.
#[derive(Serialize)]
struct StoredV1 {
    format: String,
    version: u64,
    id: String,
    created_ms: u64,
    updated_ms: u64,
    assessment: RecordV1,
}

/// Version 1 of an assessment record: meta, answers by question id, notes, TA request.
#[derive(Serialize, Default)]
pub(crate) struct RecordV1 {
    meta: MetaV1,
    answers: AnswersV1,
    notes: BTreeMap<String, String>,
    ta_request: TaRequestV1,
    /// Written only for assessments started from a coach link, so other records are as
    /// version 1 first wrote them.
    #[serde(skip_serializing_if = "Option::is_none")]
    coach: Option<CoachV1>,
}

/// Answers by question id, in the order of the assessment's ids, written as a JSON object. A
/// list rather than a map: reading and writing only ever go through it in order, and a map of
/// this type would add its own code to the app's first download.
#[derive(Default)]
struct AnswersV1(Vec<(String, AnswerV1)>);

impl Serialize for AnswersV1 {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(id, answer)| (id, answer)))
    }
}

/// The coach's session an assessment was started from (see [`crate::coach_link`]).
#[derive(Serialize, Default)]
struct CoachV1 {
    coach_name: String,
    session_name: String,
    session_date: String,
    region: String,
    sector: String,
    message: String,
    return_email: String,
    scope: Vec<String>,
}

#[derive(Serialize, Default)]
struct MetaV1 {
    name: String,
    region: String,
    sector: String,
    respondent_role: String,
    date: String,
    bank_version: String,
}

#[derive(Serialize, Default)]
struct TaRequestV1 {
    areas: Vec<String>,
    text: String,
}

/// An answer as written: a word, or a number for counts.
#[derive(Serialize, Clone)]
#[serde(untagged)]
enum AnswerV1 {
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
fn inserted<C: Default + Extend<T>, T>(entries: impl IntoIterator<Item = T>) -> C {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{MAX_META_CHARS, MAX_NOTE_CHARS};
    use crate::format::reading::MAX_ID_CHARS;
    use proptest::prelude::*;

    fn bank() -> &'static Bank {
        Bank::builtin()
    }

    /// An assessment that uses every kind of answer the bank has.
    fn varied() -> StoredAssessment {
        let bank = bank();
        let mut assessment = Assessment::new(bank);
        assessment.meta.name = "Spring check \"A\" <b>".into();
        assessment.meta.region = "North Valley".into();
        assessment.meta.sector = "Advanced manufacturing".into();
        assessment.meta.respondent_role = "Workforce board director".into();
        assessment.meta.date = "2026-11-23".into();
        for (i, question) in bank.questions().enumerate() {
            if let Some(answer) = any_answer_for(question.kind(), i) {
                assessment.set_answer(question.id(), answer);
            }
        }
        assessment.set_note(
            "s1.convener",
            "Agreed in March; the college co-convenes.\nSecond line",
        );
        assessment.set_help_area(bank.help_areas()[0].id(), true);
        assessment.ta_request.text = "Help us plan the launch".into();
        StoredAssessment {
            id: "a-1".into(),
            created_ms: 1_700_000_000_000,
            updated_ms: 1_700_000_100_000,
            assessment,
        }
    }

    fn any_answer_for(kind: &QuestionKind, seed: usize) -> Option<Answer> {
        let answer = match (kind, seed % 7) {
            (_, 5) => Answer::DontKnow,
            (_, 6) => Answer::NotApplicable,
            (QuestionKind::Scale, n) => Answer::Scale(ScalePoint::ALL[n % 4]),
            (QuestionKind::Agreement(_), n) => Answer::Agreement(Agreement::ALL[n % 4]),
            (QuestionKind::Count(_), n) => Answer::Count(n as u32 * 7),
            (QuestionKind::YesNo { .. }, n) => Answer::YesNo(n % 2 == 0),
            (QuestionKind::Pitfall(_), n) => Answer::Pitfall(PitfallLevel::ALL[n % 3]),
        };
        (seed % 11 != 10).then_some(answer)
    }

    #[test]
    fn a_stored_assessment_reads_back_the_same() {
        let stored = varied();
        let decoded = decode_stored(bank(), &encode_stored(&stored)).expect("readable");
        assert_eq!(decoded.stored, stored);
        assert!(decoded.skipped.is_empty());
    }

    /// Version 1 as shipped. This file never changes: later versions must keep reading it.
    const GOLDEN_V1: &str = include_str!("../golden/stored-v1.json");

    #[test]
    fn the_shipped_version_1_still_reads() {
        let decoded = decode_stored(bank(), GOLDEN_V1).expect("version 1 reads");
        let a = &decoded.stored.assessment;
        assert_eq!(decoded.stored.id, "golden-1");
        assert_eq!(a.meta.region, "North Valley");
        assert_eq!(
            a.answer("s1.convener"),
            Some(Answer::Scale(ScalePoint::Done))
        );
        assert_eq!(a.answer("s3.ceo-champions"), Some(Answer::DontKnow));
        assert_eq!(a.note("s1.convener"), Some("Agreed in March"));
        assert!(a.ta_request.areas.contains("scope"));
        assert!(decoded.skipped.is_empty(), "{:?}", decoded.skipped);
    }

    fn error_of(text: &str) -> StoredError {
        decode_stored(bank(), text).expect_err("must be refused")
    }

    #[test]
    fn unreadable_data_gets_a_message_that_says_what_is_wrong() {
        assert!(matches!(
            error_of("{\"format\":"),
            StoredError::NotJson { .. }
        ));
        assert!(matches!(error_of("not json"), StoredError::NotJson { .. }));
        assert_eq!(error_of("[]"), StoredError::NotAnAssessment);
        assert_eq!(
            error_of(r#"{"format":"something-else","version":1}"#),
            StoredError::NotAnAssessment
        );
        assert_eq!(
            error_of(r#"{"format":"readiness-check/stored-assessment"}"#),
            StoredError::NotAnAssessment
        );
        assert_eq!(
            error_of(r#"{"format":"readiness-check/stored-assessment","version":0}"#),
            StoredError::NotAnAssessment
        );
        assert_eq!(
            error_of(r#"{"format":"readiness-check/stored-assessment","version":7}"#),
            StoredError::NewerVersion {
                found: 7,
                supported: 1
            }
        );
        let damaged = error_of(
            r#"{"format":"readiness-check/stored-assessment","version":1,"id":5,"created_ms":0,"updated_ms":0,"assessment":{}}"#,
        );
        assert!(
            matches!(damaged, StoredError::Damaged { .. }),
            "{damaged:?}"
        );
        let message = damaged.to_string();
        assert!(message.starts_with("part of it is damaged"), "{message}");
        let newer = error_of(r#"{"format":"readiness-check/stored-assessment","version":2}"#);
        assert!(newer.to_string().contains("newer version of this app"));
    }

    #[test]
    fn every_character_survives_being_stored_and_read_back() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        let mut with_coach = varied();
        with_coach.assessment.coach = Some(crate::coach_link::tests::session());
        with_coach.assessment.meta.region = format!("{every_control}\u{7f}\"\\/é中😀");
        let mut hostile = varied();
        hostile.assessment = crate::share_link::tests::hostile_text();
        let empty = StoredAssessment {
            assessment: Assessment::default(),
            ..varied()
        };
        for stored in [varied(), with_coach, hostile, empty] {
            let text = encode_stored(&stored);
            assert!(
                text.starts_with(
                    "{\"format\":\"readiness-check/stored-assessment\",\"version\":1,"
                ),
                "{text}"
            );
            let decoded = decode_stored(bank(), &text).expect("readable");
            assert_eq!(decoded.stored, stored);
            assert!(decoded.skipped.is_empty());
        }
    }

    #[test]
    fn a_damaged_record_names_the_field_and_where_it_is() {
        let stored = |assessment: &str| {
            format!(
                r#"{{"format":"readiness-check/stored-assessment","version":1,"id":"x","created_ms":0,"updated_ms":0,"assessment":{assessment}}}"#
            )
        };
        let detail = |text: &str| match error_of(text) {
            StoredError::Damaged { detail } => detail,
            other => panic!("{other:?}"),
        };
        assert!(detail(&stored(r#"{"meta":{"region":5}}"#))
            .starts_with("\"assessment.meta.region\" should be text (line 1, column "));
        assert_eq!(
            detail(&stored(r#"{"answers":{"s1.convener":true}}"#)).split(" (").next(),
            Some("\"assessment.answers[\"s1.convener\"]\" should be an answer word such as \"done\", or a count")
        );
        assert!(detail(&stored(r#"{"coach":{"scope":["s1",2]}}"#))
            .starts_with("\"assessment.coach.scope[1]\" should be text"));
        assert_eq!(
            detail(
                r#"{"format":"readiness-check/stored-assessment","version":1,"id":"x","created_ms":0,"assessment":{}}"#
            ),
            "\"updated_ms\" is missing"
        );
        // A coach's session written as null is none, and fields this version does not know
        // are read past.
        let decoded = decode_stored(
            bank(),
            &stored(r#"{"coach":null,"later":{"deep":[1,{"x":null}]},"notes":{"s1.convener":"é\n\u00e9"}}"#),
        )
        .expect("a record with room to grow opens");
        assert_eq!(decoded.stored.assessment.coach, None);
        assert_eq!(decoded.stored.assessment.note("s1.convener"), Some("é\né"));
        // Text that is not JSON is said so with its line and column, even after a field of the
        // wrong kind.
        assert_eq!(
            error_of("{\"format\": 5,\n \"version\": }"),
            StoredError::NotJson {
                detail: "line 2, column 13".to_string()
            }
        );
    }

    #[test]
    fn answers_that_do_not_fit_the_bank_are_skipped_and_listed() {
        let text = r#"{"format":"readiness-check/stored-assessment","version":1,"id":"x",
            "created_ms":0,"updated_ms":0,"assessment":{
            "answers":{"s1.convener":"yes","s1.roles":"done","no.such":"done",
                       "table.champions":4,"table.neutral-facilitator":"maybe","s2.lmi":12},
            "notes":{"gone.question":"hello"},
            "ta_request":{"areas":["scope","no-such-area"],"text":""}}}"#;
        let decoded = decode_stored(bank(), text).expect("the rest loads");
        let a = &decoded.stored.assessment;
        assert_eq!(a.answer("s1.roles"), Some(Answer::Scale(ScalePoint::Done)));
        let mut skipped: Vec<String> = decoded.skipped.iter().map(|s| s.to_string()).collect();
        skipped.sort();
        assert_eq!(skipped.len(), 6, "{skipped:#?}");
        assert!(skipped
            .iter()
            .any(|s| s.contains("\"no.such\", a question")));
        assert!(skipped
            .iter()
            .any(|s| s.contains("the answer \"yes\" to \"s1.convener\"")));
        assert!(skipped
            .iter()
            .any(|s| s.contains("the answer 12 to \"s2.lmi\"")));
        assert!(skipped.iter().any(|s| s.contains("\"no-such-area\"")));
    }

    #[test]
    fn a_coach_session_is_kept_and_a_doubtful_one_dropped() {
        let mut stored = varied();
        let session = CoachSession {
            coach_name: "Dana".into(),
            region: "North Valley".into(),
            return_email: "coach@example.org".into(),
            scope: ["s1".to_string()].into(),
            ..CoachSession::default()
        };
        stored.assessment.coach = Some(session.clone());
        let text = encode_stored(&stored);
        let read = decode_stored(bank(), &text).expect("reads back");
        assert_eq!(read.stored.assessment.coach, Some(session));

        let tampered = text.replace("coach@example.org", "coach@example.org?bcc=x@y.org");
        let read = decode_stored(bank(), &tampered).expect("reads back");
        assert_eq!(read.stored.assessment.coach, None);
        assert_eq!(
            read.stored.assessment.answers(),
            stored.assessment.answers()
        );

        // Records without a coach are written exactly as before.
        assert!(!encode_stored(&varied()).contains("coach"));
    }

    #[test]
    fn the_device_reader_holds_a_record_to_the_limits_an_imported_file_is_held_to() {
        let stored = |assessment: &str| {
            format!(
                r#"{{"format":"readiness-check/stored-assessment","version":1,"id":"x","created_ms":0,"updated_ms":0,"assessment":{assessment}}}"#
            )
        };
        let detail = |text: &str| match error_of(text) {
            StoredError::Damaged { detail } => detail,
            other => panic!("{other:?}"),
        };
        let count = u64::from(MAX_COUNT) + 1;
        assert_eq!(
            detail(&stored(&format!(r#"{{"answers":{{"table.champions":{count}}}}}"#))),
            format!("\"assessment.answers[\"table.champions\"]\" is {count}; a count may be at most {MAX_COUNT}")
        );
        let name = "n".repeat(MAX_META_CHARS + 1);
        assert_eq!(
            detail(&stored(&format!(r#"{{"meta":{{"name":"{name}"}}}}"#))),
            "\"assessment.meta.name\" is 201 characters long; the most accepted is 200"
        );
        let note = "n".repeat(MAX_NOTE_CHARS + 1);
        assert!(detail(&stored(&format!(
            r#"{{"notes":{{"s1.convener":"{note}"}}}}"#
        )))
        .starts_with("\"assessment.notes[\"s1.convener\"]\" is 2001 characters long"));
        let id = "i".repeat(MAX_ID_CHARS + 1);
        assert!(
            error_of(&stored("{}").replace(r#""id":"x""#, &format!(r#""id":"{id}""#)))
                .to_string()
                .contains("\"id\" is 101 characters long")
        );
        // At the limits exactly, the record reads.
        let name = "😀".repeat(MAX_META_CHARS);
        assert!(decode_stored(
            bank(),
            &stored(&format!(r#"{{"meta":{{"name":"{name}"}}}}"#))
        )
        .is_ok());
    }

    proptest! {
        #[test]
        fn any_assessment_survives_being_stored(
            picks in proptest::collection::vec((0usize..200, 0usize..77), 0..120),
            note in "\\PC{0,40}",
            updated in 0u64..4_000_000_000_000,
        ) {
            let bank = bank();
            let questions: Vec<_> = bank.questions().collect();
            let mut assessment = Assessment::new(bank);
            for (q, seed) in picks {
                let question = questions[q % questions.len()];
                if let Some(answer) = any_answer_for(question.kind(), seed) {
                    assessment.set_answer(question.id(), answer);
                }
                assessment.set_note(question.id(), note.clone());
            }
            assessment.meta.name = note.clone();
            let stored = StoredAssessment { id: "p".into(), created_ms: 0, updated_ms: updated, assessment };
            let text = encode_stored(&stored);
            let decoded = decode_stored(bank, &text).expect("readable");
            prop_assert_eq!(decoded.stored, stored);
        }
    }
}
