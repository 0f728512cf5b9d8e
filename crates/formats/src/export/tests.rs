use super::*;
use readiness_domain::answer::{Answer, ScalePoint};
use readiness_domain::golden::answered_2026_3;
use readiness_domain::golden::{full_with_notes, hostile_text, typical};

fn bank() -> &'static Bank {
    Bank::builtin()
}

fn import(text: &str) -> Result<Imported, ImportError> {
    decode_export(bank(), text)
}

#[test]
fn an_export_imports_back_the_same_assessment_and_ignores_the_report() {
    for assessment in [
        typical(),
        full_with_notes(),
        hostile_text(),
        Assessment::new(bank()),
    ] {
        let text = encode_export(bank(), &assessment, "0.1.0", "2026-11-23T10:00:00Z");
        let imported = import(&text).expect("an export imports");
        assert_eq!(imported.assessment, assessment);
        assert!(imported.skipped.is_empty());
        assert_eq!(imported.source, ImportSource::Export { version: 1 });
        assert_eq!(imported.note, None);
        // The report is for people: changing or removing it changes nothing on import.
        let mut value: Value = serde_json::from_str(&text).expect("json");
        value["report"] = json!({"sections": "anything", "where_you_are": 42});
        assert_eq!(
            import(&value.to_string()).map(|i| i.assessment),
            Ok(assessment.clone())
        );
        if let Some(object) = value.as_object_mut() {
            object.remove("report");
        }
        assert_eq!(
            import(&value.to_string()).map(|i| i.assessment),
            Ok(assessment)
        );
    }
}

#[test]
fn an_export_names_its_format_and_carries_a_readable_report() {
    let text = encode_export(bank(), &full_with_notes(), "0.1.0", "2026-11-23T10:00:00Z");
    let value: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["format"], EXPORT_FORMAT);
    assert_eq!(value["version"], 1);
    assert_eq!(value["bank_version"], "2026.3");
    assert_eq!(value["assessment"]["answers"]["table.companies"], 4);
    assert!(value["report"]["where_you_are"]
        .as_str()
        .is_some_and(|s| s.starts_with("You are at step")));
    assert_eq!(
        value["report"]["sections"].as_array().map(Vec::len),
        Some(bank().sections().len())
    );
    assert!(text.contains("\n  \"format\""), "pretty-printed");
}

/// Version 1 as shipped. This file never changes: later versions must keep importing it.
pub(crate) const GOLDEN_EXPORT_V1: &str = include_str!("../../../core/golden/export-v1.json");

#[test]
fn the_shipped_export_version_1_still_imports() {
    let imported = import(GOLDEN_EXPORT_V1).expect("version 1 imports");
    let a = &imported.assessment;
    assert_eq!(imported.source, ImportSource::Export { version: 1 });
    assert_eq!(a.meta.name, "Spring check");
    assert_eq!(a.meta.region, "North Valley");
    assert_eq!(a.meta.date, "2026-11-23");
    assert_eq!(a.meta.bank_version, "2026.1");
    assert_eq!(
        a.answer("s1.convener"),
        Some(Answer::Scale(ScalePoint::Done))
    );
    assert_eq!(
        a.answer("s3.ceo-champions"),
        Some(Answer::Scale(ScalePoint::NotYet))
    );
    assert_eq!(a.answer("s2.lmi"), Some(Answer::DontKnow));
    assert_eq!(a.answer("table.champions"), Some(Answer::Count(4)));
    assert_eq!(
        a.note("s1.convener"),
        Some("Agreed in March; the college co-convenes.")
    );
    assert!(a.ta_request.areas.contains("scope"));
    assert_eq!(a.ta_request.text, "Help us recruit CEO champions.");
    assert!(imported.skipped.is_empty(), "{:?}", imported.skipped);
}

/// The assessment bank 2026.2's golden files were written from (by a printer like
/// `examples/golden_files.rs`, while 2026.2 was the bank).
fn answered_2026_2() -> Assessment {
    let bank = bank();
    let mut a = Assessment::new(bank);
    a.meta.bank_version = "2026.2".into();
    a.meta.name = "Autumn check".into();
    a.meta.region = "Lakeshore".into();
    a.meta.sector = "Health care".into();
    a.meta.respondent_role = "Convener".into();
    a.meta.date = "2026-12-02".into();
    a.set_answer("s1.convener", Answer::Scale(ScalePoint::Done));
    a.set_answer("s2.sectors", Answer::Scale(ScalePoint::Mostly));
    a.set_answer("s4.ongoing-engagement", Answer::Scale(ScalePoint::Started));
    a.set_answer("s5.action-teams", Answer::DontKnow);
    a.set_answer("s5.brokers", Answer::NotApplicable);
    a.set_answer(
        "phase.performing.routines",
        Answer::Agreement(readiness_domain::Agreement::SomewhatAgree),
    );
    a.set_answer("table.champions", Answer::Count(3));
    a.set_answer(
        "pit.understaffing",
        Answer::Pitfall(readiness_domain::PitfallLevel::ALittle),
    );
    a.set_note(
        "s5.action-teams",
        "Two teams met once; no business lead yet.",
    );
    a.set_help_area("scope", true);
    a.ta_request.text = "Help our action teams find business leads.".into();
    a
}

/// Bank 2026.3's export and stored record as shipped: they never change, and later banks
/// must keep opening them with nothing lost.
#[test]
fn the_shipped_2026_3_export_and_stored_record_open_whole() {
    let export =
        import(include_str!("../../../core/golden/export-2026.3.json")).expect("it imports");
    let stored =
        import(include_str!("../../../core/golden/stored-2026.3.json")).expect("it imports");
    for opened in [export, stored] {
        assert!(opened.skipped.is_empty(), "{:?}", opened.skipped);
        assert_eq!(opened.assessment, answered_2026_3());
    }
}

/// Bank 2026.2's export and stored record as shipped: they never change, and later banks
/// must keep opening them with nothing lost.
#[test]
fn the_shipped_2026_2_export_and_stored_record_open_whole() {
    let export =
        import(include_str!("../../../core/golden/export-2026.2.json")).expect("it imports");
    let stored =
        import(include_str!("../../../core/golden/stored-2026.2.json")).expect("it imports");
    for opened in [export, stored] {
        assert!(opened.skipped.is_empty(), "{:?}", opened.skipped);
        assert_eq!(opened.assessment.meta.bank_version, "2026.2");
        assert_eq!(opened.assessment.answers(), answered_2026_2().answers());
        assert_eq!(opened.assessment.notes(), answered_2026_2().notes());
        assert_eq!(opened.assessment.ta_request, answered_2026_2().ta_request);
        // The champions' count 2026.3 no longer asks is kept and listed, not lost.
        let r = readiness_domain::report::report(bank(), &opened.assessment);
        assert!(r.kept.iter().any(|k| k.question.id() == "table.champions"));
        assert!(r.ignored.is_empty(), "{:?}", r.ignored);
    }
}

const GOLDEN_STORED_V1: &str = include_str!("../../../core/golden/stored-v1.json");

#[test]
fn a_stored_assessment_and_a_list_of_them_import_too() {
    let one = import(GOLDEN_STORED_V1).expect("stored imports");
    assert_eq!(one.source, ImportSource::Stored);
    assert_eq!(one.assessment.meta.name, "Golden check");
    assert_eq!(one.note, None);

    let older = GOLDEN_STORED_V1
        .replace("1763900600000", "1763900000001")
        .replace("Golden check", "Older check");
    let newer = GOLDEN_STORED_V1.replace("1763900600000", "1763999999999");
    let list = format!("[{older},\n{newer}]");
    let imported = import(&list).expect("a list imports");
    assert_eq!(imported.source, ImportSource::Stored);
    assert_eq!(imported.assessment.meta.name, "Golden check");
    let note = imported.note.expect("the choice is explained");
    assert!(note.contains("2 saved assessments"), "{note}");
    assert!(note.contains("\"Golden check\""), "{note}");
    assert_eq!(import("[]"), Err(ImportError::NoAssessments));
}

#[test]
fn answers_to_unknown_questions_are_skipped_and_the_rest_loads() {
    let mut value: Value =
        serde_json::from_str(&encode_export(bank(), &typical(), "0.1.0", "now")).expect("json");
    value["assessment"]["answers"]["gone.question"] = json!("done");
    value["assessment"]["answers"]["s1.convener"] = json!("agree");
    value["assessment"]["notes"]["gone.question"] = json!("old note");
    value["assessment"]["ta_request"]["areas"] = json!(["scope", "gone-area"]);
    let imported = import(&value.to_string()).expect("the rest loads");
    let ids: Vec<&str> = imported.skipped.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["gone.question", "s1.convener", "gone.question", "gone-area"]
    );
    assert!(imported.assessment.ta_request.areas.contains("scope"));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    // serde_json stops at 128 levels; 127 still parse, as far as JSON goes.
    let shallow = format!("{}{}", "[".repeat(127), "]".repeat(127));
    assert_eq!(import(&shallow), Err(ImportError::NotAnExport));
    let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
    assert!(matches!(import(&deep), Err(ImportError::NotJson { .. })));
    let deeper = "[".repeat(100_000);
    assert!(matches!(import(&deeper), Err(ImportError::NotJson { .. })));
}

#[test]
fn error_messages_name_the_field_and_what_to_do() {
    let text = encode_export(bank(), &typical(), "0.1.0", "now");
    let mut value: Value = serde_json::from_str(&text).expect("json");
    value["assessment"]["meta"]["region"] = json!(7);
    let error = import(&value.to_string()).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "The file is damaged: \"assessment.meta.region\" should be text."
    );
    value["assessment"]["meta"]["region"] = json!("x".repeat(201));
    let error = import(&value.to_string()).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "The file cannot be imported: \"assessment.meta.region\" is 201 characters long; the most accepted is 200."
    );
    assert!(ImportError::NewerVersion {
        found: 2,
        supported: 1
    }
    .to_string()
    .contains("newer version"));
    assert!(ImportError::NotJson { line: 3, column: 4 }
        .to_string()
        .contains("line 3, column 4"));
}

#[test]
fn the_csv_has_one_row_per_question_and_is_safe_in_a_spreadsheet() {
    let mut a = typical();
    a.set_note("s1.convener", "=HYPERLINK(\"http://evil\")");
    a.set_note("s1.roles", "line one\nline \"two\", with comma");
    a.set_note("s1.same-page", "@SUM(A1)");
    a.set_note("s2.lmi", "-2+3");
    a.set_note("s2.data", "+cmd");
    let csv = answers_csv(bank(), &a);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("section,question_id,question,answer,note,gate,source")
    );
    assert!(csv.ends_with("\r\n"));
    assert!(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","));
    assert!(csv.contains(",\"line one\nline \"\"two\"\", with comma\","));
    assert!(csv.contains(",'@SUM(A1),"));
    assert!(csv.contains(",'-2+3,"));
    assert!(csv.contains(",'+cmd,"));
    // Rows, counting quoted line breaks as part of their row.
    let rows = csv.matches("\r\n").count() - 1;
    assert_eq!(rows, bank().questions().count());
    let convener = csv
        .lines()
        .find(|l| l.contains(",s1.convener,"))
        .expect("row");
    assert!(convener.starts_with("\"Step 1, "), "{convener}");
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell(" padded"), "\" padded\"");
    assert_eq!(csv_cell(""), "");
}

#[test]
fn unanswered_questions_have_an_empty_answer_cell() {
    let csv = answers_csv(bank(), &Assessment::new(bank()));
    let row = csv
        .lines()
        .find(|l| l.contains(",s1.convener,"))
        .expect("row");
    assert!(row.contains(",,"), "{row}");
}

/// The shipped schema, which the app serves at `schema/export-v1.json`.
const SCHEMA_V1: &str = include_str!("../../../../public/schema/export-v1.json");

#[test]
fn exports_validate_against_the_shipped_schema() {
    let schema: Value = serde_json::from_str(SCHEMA_V1).expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the schema is valid");
    let golden: Value = serde_json::from_str(GOLDEN_EXPORT_V1).expect("json");
    let errors: Vec<String> = validator
        .iter_errors(&golden)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for assessment in [typical(), full_with_notes(), hostile_text()] {
        let fresh: Value =
            serde_json::from_str(&encode_export(bank(), &assessment, "0.1.0", "now"))
                .expect("json");
        assert!(validator.is_valid(&fresh));
    }
    // And the schema refuses what the importer refuses.
    let mut bad = golden.clone();
    bad["assessment"]["answers"]["table.champions"] = json!(-1);
    assert!(!validator.is_valid(&bad));
    let mut bad = golden;
    bad["assessment"]["meta"]["region"] = json!(7);
    assert!(!validator.is_valid(&bad));
}

#[test]
fn a_file_name_is_made_of_plain_words_whatever_the_assessment_is_called() {
    let check = |name: &str, expected: &str| assert_eq!(file_stem(name), expected, "{name:?}");
    check("Spring check", "readiness-report-spring-check");
    check(
        "  North Valley / Advanced manufacturing 2026!  ",
        "readiness-report-north-valley-advanced-manufacturing-2026",
    );
    check("", "readiness-report");
    check("../../etc/passwd", "readiness-report-etc-passwd");
    check(
        "<script>alert(1)</script>",
        "readiness-report-script-alert-1-script",
    );
    assert_eq!(
        file_stem(&"a".repeat(200)).len(),
        "readiness-report-".len() + 40
    );
}
