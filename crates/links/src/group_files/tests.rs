//! The group view's CSV and JSON, and the group a tab keeps, read back.

use proptest::prelude::*;
use serde_json::Value;

use super::*;
use crate::share_link::encode_share_link;
use readiness_domain::answer::{Answer, PitfallLevel, ScalePoint};
use readiness_domain::assessment::Assessment;
use readiness_domain::group::{group_view, Respondent};
use readiness_domain::samples::{assessment_from_picks, respondent};

fn bank() -> &'static Bank {
    Bank::builtin()
}

const DONE: Answer = Answer::Scale(ScalePoint::Done);
const MOSTLY: Answer = Answer::Scale(ScalePoint::Mostly);
const STARTED: Answer = Answer::Scale(ScalePoint::Started);
const NOT_YET: Answer = Answer::Scale(ScalePoint::NotYet);
const DK: Answer = Answer::DontKnow;

/// Reads CSV text into rows of cells (RFC 4180: quoted cells, doubled quotes, CRLF).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            _ => cell.push(c),
        }
    }
    assert!(cell.is_empty() && row.is_empty(), "the CSV ends with CRLF");
    rows
}

#[test]
fn the_csv_has_a_column_per_respondent_and_a_row_per_question() {
    let hostile = "=HYPERLINK(\"http://evil\",\"click\")";
    let people = vec![
        respondent(
            "Ana",
            &[
                ("s1.convener", DONE),
                ("s1.roles", MOSTLY),
                ("table.companies", Answer::Count(20)),
            ],
        ),
        respondent(
            hostile,
            &[
                ("s1.convener", STARTED),
                ("s1.roles", DK),
                ("table.companies", Answer::Count(70)),
            ],
        ),
        respondent(
            "@SUM(A1)",
            &[("pit.tension", Answer::Pitfall(PitfallLevel::ALittle))],
        ),
    ];
    let view = group_view(bank(), &people);
    let csv = group_csv(&view);
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","));
    assert!(csv.contains(",'@SUM(A1),"));
    let rows = read_csv(&csv);
    assert_eq!(
        rows[0],
        [
            "section",
            "question_id",
            "question",
            "Ana",
            &format!("'{hostile}"),
            "'@SUM(A1)",
            "mean",
            "range",
            "disagreement"
        ]
    );
    assert_eq!(rows.len(), view.questions.len() + 1);
    assert!(rows.iter().all(|r| r.len() == 9));
    let by_id = |id: &str| {
        rows.iter()
            .find(|r| r[1] == id)
            .unwrap_or_else(|| panic!("{id} has a row"))
            .clone()
    };
    let convener = by_id("s1.convener");
    assert_eq!(
        convener[0],
        "Step 1, Build the regional support team and make the case"
    );
    assert_eq!(
        convener[3..],
        ["Done", "Started", "", "2.0", "Started to Done", "yes"]
    );
    assert_eq!(
        by_id("s1.roles")[3..],
        ["Mostly", "Don't know", "", "2.0", "Mostly", "no"]
    );
    assert_eq!(
        by_id("table.companies")[3..],
        ["20", "70", "", "", "20 to 70", "yes"]
    );
    assert_eq!(
        by_id("pit.tension")[3..],
        ["", "", "A little", "1.0", "A little", "no"]
    );
    // Rows follow the view's order: disagreements first.
    let ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
    let view_ids: Vec<&str> = view.questions.iter().map(|r| r.question.id()).collect();
    assert_eq!(ids, view_ids);
}

#[test]
fn the_json_names_its_format_and_holds_every_part_of_the_view() {
    let mut old = respondent(
        "Ben",
        &[
            ("s1.convener", NOT_YET),
            ("s9.old-question", DONE),
            ("table.companies", Answer::Count(20)),
        ],
    );
    old.assessment.meta.bank_version = "2025.1".to_string();
    old.assessment.meta.region = "North Valley".to_string();
    old.assessment.meta.respondent_role = "College dean".to_string();
    let people = vec![
        respondent("Ana", &[("s1.convener", DONE), ("s1.roles", DK)]),
        old,
    ];
    let view = group_view(bank(), &people);
    let value: Value = serde_json::from_str(&group_json(&view)).expect("the file is JSON");
    assert_eq!(value["format"], GROUP_FORMAT);
    assert_eq!(value["version"], GROUP_VERSION);
    assert_eq!(value["bank_version"], bank().version());

    let ben = &value["respondents"][1];
    let keys = [
        "label",
        "region",
        "sector",
        "role",
        "date",
        "bank_version",
        "where_you_are",
        "leading_phase",
        "answered",
        "blocks",
    ];
    for key in keys {
        assert!(ben.get(key).is_some(), "respondent has {key}");
    }
    assert_eq!(ben["label"], "Ben");
    assert_eq!(ben["region"], "North Valley");
    assert_eq!(ben["role"], "College dean");
    assert_eq!(ben["bank_version"], "2025.1");
    assert_eq!(ben["leading_phase"], Value::Null);
    assert_eq!(ben["blocks"][0]["question_id"], "s1.convener");
    assert!(ben["where_you_are"]
        .as_str()
        .is_some_and(|s| s.contains("Blocking")));

    let steps = value["steps"].as_array().expect("steps");
    assert_eq!(steps.len(), 6);
    assert_eq!(steps[0]["section_id"], "s1");
    assert_eq!(steps[0]["readiness"], serde_json::json!([null, null]));
    assert_eq!(steps[0]["blocked_for"], serde_json::json!(["Ben"]));

    let questions = value["questions"].as_array().expect("questions");
    assert_eq!(questions.len(), view.questions.len());
    let convener = &questions[0];
    assert_eq!(convener["question_id"], "s1.convener");
    assert_eq!(convener["kind"], "scale");
    assert_eq!(convener["disagreement"], true);
    assert_eq!(convener["spread"], 3);
    assert_eq!(convener["mean"], 1.5);
    assert_eq!(
        convener["answers"],
        serde_json::json!([
            {"respondent": "Ana", "answer": "Done", "position": 3},
            {"respondent": "Ben", "answer": "Not yet", "position": 0},
        ])
    );
    let champions = questions
        .iter()
        .find(|q| q["question_id"] == "table.companies")
        .expect("companies");
    assert_eq!(champions["mean"], Value::Null);
    assert_eq!(
        (
            champions["count_min"].clone(),
            champions["count_max"].clone()
        ),
        (20.into(), 20.into())
    );
    assert_eq!(champions["answers"][1]["answer"], "20");
    assert_eq!(champions["answers"][0]["answer"], Value::Null);
    assert_eq!(
        value["unmatched"],
        serde_json::json!([{"respondent": "Ben", "question_id": "s9.old-question"}])
    );
}

#[test]
fn hostile_labels_stay_text_in_the_json() {
    let label = "</script><img src=x onerror=alert(1)> \"quoted\" \u{202e}";
    let people = vec![respondent(label, &[("s1.convener", DONE)])];
    let text = group_json(&group_view(bank(), &people));
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(value["respondents"][0]["label"], label);
    assert_eq!(value["questions"][0]["answers"][0]["respondent"], label);
}

#[test]
fn a_kept_group_reads_back_the_same_and_a_damaged_one_is_refused_whole() {
    let mut first = respondent(
        "Convener",
        &[("s1.convener", Answer::Scale(ScalePoint::Done))],
    );
    first
        .assessment
        .set_note("s1.convener", "Agreed in March <b>");
    let kept = vec![
        KeptMember {
            respondent: first.clone(),
            hidden: false,
            origin: "share link".into(),
            left_out: vec!["answer to \"old.q\"".into()],
        },
        KeptMember {
            respondent: Respondent::new("=HYPERLINK(\"x\")", Assessment::new(bank())),
            hidden: true,
            origin: "north.json".into(),
            left_out: Vec::new(),
        },
    ];
    let text = encode_kept_group(bank(), &kept);
    assert_eq!(decode_kept_group(bank(), &text), Ok(kept));
    assert_eq!(
        decode_kept_group(bank(), &encode_kept_group(bank(), &[])),
        Ok(Vec::new())
    );

    for bad in [
        "",
        "not json",
        "[]",
        r#"{"format": "readiness-check/kept-group", "version": 2, "respondents": []}"#,
        r#"{"format": "readiness-check/kept-group", "version": 1}"#,
        r#"{"format": "readiness-check/kept-group", "version": 1, "respondents": [{"label": "a"}]}"#,
        r#"{"format": "readiness-check/kept-group", "version": 1, "respondents": [{"label": "a", "hidden": false, "origin": "x", "link": "s=AAAA"}]}"#,
    ] {
        let error = decode_kept_group(bank(), bad).expect_err(bad);
        assert!(
            error.starts_with("The comparison kept in this tab could not be read"),
            "{error}"
        );
    }
}

#[test]
fn a_group_kept_by_an_earlier_build_reads_and_is_written_byte_for_byte_the_same() {
    // The stored shape, field for field and in this order, as builds before the member's
    // Compare-screen state moved to the workspace wrote it; a tab kept then restores now.
    let assessment = Assessment::new(bank());
    let link = encode_share_link(bank(), &assessment);
    let stored = format!(
        r#"{{"format":"readiness-check/kept-group","version":1,"respondents":[{{"label":"Ana","hidden":true,"origin":"north.json","left_out":["answer to \"old.q\""],"link":"{link}"}},{{"label":"Ben","hidden":false,"origin":"share link","left_out":[],"link":"{link}"}}]}}"#
    );
    let kept = vec![
        KeptMember {
            respondent: Respondent::new("Ana", assessment.clone()),
            hidden: true,
            origin: "north.json".into(),
            left_out: vec!["answer to \"old.q\"".into()],
        },
        KeptMember {
            respondent: Respondent::new("Ben", assessment.clone()),
            hidden: false,
            origin: "share link".into(),
            left_out: Vec::new(),
        },
    ];
    assert_eq!(decode_kept_group(bank(), &stored), Ok(kept.clone()));
    assert_eq!(encode_kept_group(bank(), &kept), stored);
    // The oldest kept groups had no "left_out".
    let without = stored.replace(r#""left_out":[],"#, "");
    assert_eq!(decode_kept_group(bank(), &without), Ok(kept));
}

/// Random answers to the built-in bank, each question answered in any way it accepts or left
/// unanswered.
fn any_assessment() -> impl Strategy<Value = Assessment> {
    let n = bank().questions().count();
    proptest::collection::vec(any::<u32>(), n).prop_map(|picks| assessment_from_picks(&picks))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_csv_of_one_respondent_has_a_row_per_question_and_the_heading(a in any_assessment()) {
        let people = [Respondent::new("Only", a)];
        let view = group_view(bank(), &people);
        prop_assert_eq!(read_csv(&group_csv(&view)).len(), view.questions.len() + 1);
    }
}
