use super::*;
use crate::format::reading::MAX_ID_CHARS;
use proptest::prelude::*;
use readiness_domain::answer::{Agreement, Answer, PitfallLevel, ScalePoint, MAX_COUNT};
use readiness_domain::assessment::CoachSession;
use readiness_domain::assessment::{MAX_META_CHARS, MAX_NOTE_CHARS};
use readiness_domain::bank::QuestionKind;
use readiness_domain::samples::coach_session;

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
const GOLDEN_V1: &str = include_str!("../../../core/golden/stored-v1.json");

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
    with_coach.assessment.coach = Some(coach_session());
    with_coach.assessment.meta.region = format!("{every_control}\u{7f}\"\\/é中😀");
    let mut hostile = varied();
    hostile.assessment = readiness_domain::golden::hostile_text();
    let empty = StoredAssessment {
        assessment: Assessment::default(),
        ..varied()
    };
    for stored in [varied(), with_coach, hostile, empty] {
        let text = encode_stored(&stored);
        assert!(
            text.starts_with("{\"format\":\"readiness-check/stored-assessment\",\"version\":1,"),
            "{text}"
        );
        let decoded = decode_stored(bank(), &text).expect("readable");
        assert_eq!(decoded.stored, stored);
        assert!(decoded.skipped.is_empty());
    }
}

/// A stored envelope of version 1 around this assessment record's text.
fn stored(assessment: &str) -> String {
    format!(
        r#"{{"format":"readiness-check/stored-assessment","version":1,"id":"x","created_ms":0,"updated_ms":0,"assessment":{assessment}}}"#
    )
}

/// What the reader says is damaged in this text.
fn detail(text: &str) -> String {
    match error_of(text) {
        StoredError::Damaged { detail } => detail,
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_damaged_record_names_the_field_and_where_it_is() {
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
        &stored(
            r#"{"coach":null,"later":{"deep":[1,{"x":null}]},"notes":{"s1.convener":"é\n\u00e9"}}"#,
        ),
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
