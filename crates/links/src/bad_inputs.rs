//! A corpus of bad share links and bad files, each with the specific error it must give.
//!
//! Nothing here may panic, and nothing may be silently accepted. Hostile text that is valid
//! (script tags, right-to-left overrides, NUL, very long lines) must come back unchanged: the
//! app renders it as text, so changing it would only lose what the person wrote.

use std::cell::Cell;

use base64::Engine as _;
use serde_json::{json, Value};

use crate::share_link::MAX_LINK_TEXT_BYTES;
use readiness_domain::golden::{full_with_notes, hostile_text, typical};
use readiness_domain::*;
use readiness_formats::*;

use crate::*;

const GOLDEN_EXPORT_V1: &str = include_str!("../../core/golden/export-v1.json");

thread_local! {
    static CASES: Cell<usize> = const { Cell::new(0) };
}

fn counted() {
    CASES.with(|c| c.set(c.get() + 1));
}

fn bank() -> &'static Bank {
    Bank::builtin()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64(text: &str) -> Vec<u8> {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .expect("a link this app made")
}

/// A link around a body, with a correct checksum, so the parser behind the check is reached.
fn signed(body: &[u8]) -> String {
    let mut payload = body.to_vec();
    payload.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    format!("s={}", b64(&payload))
}

fn check_link(name: &str, fragment: &str, expected: &ShareLinkError) {
    counted();
    let got = decode_share_link(bank(), fragment);
    match (&got, expected) {
        (Err(ShareLinkError::Damaged { .. }), ShareLinkError::Damaged { detail })
            if detail.is_empty() => {}
        (Err(error), expected) => assert_eq!(error, expected, "{name}"),
        (Ok(_), _) => panic!("{name}: accepted, expected {expected:?}"),
    }
}

fn damaged() -> ShareLinkError {
    // An empty detail matches any `Damaged`.
    ShareLinkError::Damaged {
        detail: String::new(),
    }
}

fn payload_of(assessment: &Assessment) -> Vec<u8> {
    let link = encode_share_link(bank(), assessment);
    unb64(link.strip_prefix("s=").expect("s="))
}

#[test]
fn bad_fragments_say_what_is_wrong() {
    use ShareLinkError::*;
    for (fragment, expected) in [
        ("", Empty),
        ("#", Empty),
        ("   ", Empty),
        ("s=", Empty),
        ("#s=", Empty),
        ("#screen=about", NotOurs),
        ("x=1", NotOurs),
        ("S=AQEC", NotOurs),
        ("#/report", NotOurs),
        ("s=@@@@", Garbled),
        ("s=AQ EC", Garbled),
        ("s=AQ+/AQ", Garbled),
        ("s=<script>", Garbled),
        ("s=%41%51", Garbled),
        ("s=A", Truncated),
        ("s=AQEC", Truncated),
        ("s=AQ", Truncated),
    ] {
        check_link(fragment, fragment, &expected);
    }
    let huge = format!("s={}", "A".repeat(1_000_000));
    check_link("1 MB of base64", &huge, &TooLong { chars: 1_000_000 });
}

#[test]
fn a_link_cut_short_anywhere_is_refused() {
    let payload = payload_of(&full_with_notes());
    for cut in 0..payload.len() {
        let fragment = format!("s={}", b64(&payload[..cut]));
        let expected = match cut {
            0 => ShareLinkError::Empty,
            1..=7 => ShareLinkError::Truncated,
            _ => ShareLinkError::ChecksumMismatch,
        };
        check_link(&format!("payload cut at {cut}"), &fragment, &expected);
    }
    // Cut as text (the way mail programs cut links), every result is one of these.
    let link = encode_share_link(bank(), &typical());
    for cut in 2..link.len() {
        counted();
        let got = decode_share_link(bank(), &link[..cut]);
        assert!(
            matches!(
                got,
                Err(ShareLinkError::Empty
                    | ShareLinkError::Truncated
                    | ShareLinkError::Garbled
                    | ShareLinkError::ChecksumMismatch)
            ),
            "cut at {cut}: {got:?}"
        );
    }
}

#[test]
fn every_single_bit_flipped_in_a_real_link_is_caught() {
    let payload = payload_of(&typical());
    for byte in 0..payload.len() {
        for bit in 0..8 {
            let mut flipped = payload.clone();
            flipped[byte] ^= 1 << bit;
            let expected = match (byte, flipped[0]) {
                (0, 0) => damaged(),
                (0, found) => ShareLinkError::NewerFormat { found },
                _ => ShareLinkError::ChecksumMismatch,
            };
            check_link(
                &format!("bit {bit} of byte {byte}"),
                &format!("s={}", b64(&flipped)),
                &expected,
            );
        }
    }
}

#[test]
fn links_from_other_versions_or_banks_say_so() {
    let mut payload = payload_of(&typical());
    for found in [2u8, 7, 255] {
        payload[0] = found;
        check_link(
            "newer",
            &format!("s={}", b64(&payload)),
            &ShareLinkError::NewerFormat { found },
        );
    }
    // Version 1, layout 2, 0 or a huge one: empty flags and answers, text, all signed.
    for (layout, code) in [
        (vec![4u8], 4u64),
        (vec![0], 0),
        (vec![0x80, 0x01], 128),
        (
            vec![0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
            u64::MAX,
        ),
    ] {
        let mut body = vec![1u8];
        body.extend(layout);
        body.extend([0, 0, 0, 0, 0, 0, 0]);
        check_link(
            "unknown layout",
            &signed(&body),
            &ShareLinkError::UnknownLayout { code },
        );
    }
}

/// A signed body: version 1, layout 1, then `rest`.
fn body(rest: &[u8]) -> String {
    let mut body = vec![1u8, 1];
    body.extend_from_slice(rest);
    signed(&body)
}

/// Five empty plain strings: name, region, sector, role, TA text.
const EMPTY_TEXT: [u8; 5] = [0; 5];

#[test]
fn links_whose_content_makes_no_sense_are_damaged() {
    let with_text = |head: &[u8]| {
        let mut rest = head.to_vec();
        rest.extend(EMPTY_TEXT);
        body(&rest)
    };
    // A well-formed minimal body opens, so each case below fails for its own reason.
    assert!(decode_share_link(bank(), &with_text(&[0, 0])).is_ok());
    let cases: Vec<(&str, String)> = vec![
        ("unused flag bit", with_text(&[0x80, 0])),
        ("text mode 3", with_text(&[0x03, 0])),
        ("date mode 3", with_text(&[0x0C, 0])),
        ("more answers than questions", with_text(&[0, 100])),
        (
            "answer count as a huge number",
            with_text(&[0, 0xFF, 0xFF, 0xFF, 0x0F]),
        ),
        ("code 7 on a scale question", with_text(&[0, 1, 0xE0])),
        ("code 0 as the last answer", with_text(&[0, 1, 0x00])),
        ("padding bits set", with_text(&[0, 1, 0x61])),
        (
            "a number of eleven bytes",
            body(&[
                0, 1, 0x60, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
            ]),
        ),
        (
            "help-area flag with an empty mask",
            with_text(&[0x10, 0, 0]),
        ),
        (
            "a help area past the last",
            with_text(&[0x10, 0, 0x80, 0x20]),
        ),
        ("notes flag with no notes", with_text(&[0x20, 0, 0])),
        ("more notes than questions", with_text(&[0x20, 0, 120])),
        (
            "a note past the last question",
            with_text(&[0x20, 0, 1, 99]),
        ),
        (
            "a note gap that overflows",
            with_text(&[
                0x20, 0, 2, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01,
            ]),
        ),
        ("missing the text", body(&[0, 0])),
        (
            "a string longer than the link",
            body(&[0, 0, 0, 0, 0, 0, 50, b'a']),
        ),
        (
            "a string length of 2^63",
            body(&[
                0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F,
            ]),
        ),
        ("bytes after the text", body(&[0, 0, 0, 0, 0, 0, 0, 0])),
        ("invalid UTF-8", body(&[0, 0, 2, 0xC3, 0x28, 0, 0, 0, 0])),
        (
            "a lone surrogate as UTF-8",
            body(&[0, 0, 3, 0xED, 0xA0, 0x80, 0, 0, 0, 0]),
        ),
        ("a compact date cut short", body(&[0x04, 0, 0x01])),
        (
            "deflated text that is not deflate",
            body(&[0x01, 0, 0xFF, 0xFF, 0xFF]),
        ),
        ("coded text that ends early", body(&[0x02, 0, 0x00])),
        (
            "coded text with bytes after it",
            body(&[
                0x02, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            ]),
        ),
    ];
    for (name, fragment) in cases {
        check_link(name, &fragment, &damaged());
    }
    // Answer codes a kind does not take: Yes/No has two points, a pitfall three, a count none.
    // The hand-written bodies name layout 1, so positions are layout 1's.
    let position = |id: &str| crate::share_link::layout_position(1, id).expect("id in layout 1");
    for (id, code) in [
        ("table.neutral-facilitator", 5u8),
        ("table.neutral-facilitator", 7),
        ("pit.understaffing", 6),
        ("pit.understaffing", 7),
        ("table.champions", 3),
        ("phase.forming.research", 7),
    ] {
        let at = position(id);
        let mut packed = vec![0u8; ((at + 1) * 3).div_ceil(8)];
        for bit in 0..3 {
            if code & (4 >> bit) != 0 {
                let p = at * 3 + bit;
                packed[p / 8] |= 0x80 >> (p % 8);
            }
        }
        let mut rest = vec![0u8, (at + 1) as u8];
        rest.extend(packed);
        rest.extend(EMPTY_TEXT);
        check_link(&format!("code {code} for {id}"), &body(&rest), &damaged());
    }
    // A count above the largest accepted.
    let at = position("table.champions");
    let mut packed = vec![0u8; ((at + 1) * 3).div_ceil(8)];
    for bit in 0..3 {
        let p = at * 3 + bit;
        packed[p / 8] |= 0x80 >> (p % 8);
    }
    let mut rest = vec![0u8, (at + 1) as u8];
    rest.extend(packed);
    rest.extend([0xC0, 0x84, 0x3D]); // 1,000,000
    rest.extend(EMPTY_TEXT);
    check_link("a count of a million", &body(&rest), &damaged());
}

#[test]
fn text_that_would_unpack_without_bound_is_refused() {
    // A deflate bomb: a small link whose text would unpack to far more than the cap.
    let mut plain = Vec::new();
    let big = MAX_LINK_TEXT_BYTES * 4;
    readiness_codec::write_varint(&mut plain, big as u64);
    plain.extend(std::iter::repeat_n(b'a', big));
    plain.extend([0, 0, 0, 0]);
    let deflated = miniz_oxide::deflate::compress_to_vec(&plain, 9);
    let mut rest = vec![0x01u8, 0];
    rest.extend(&deflated);
    let fragment = body(&rest);
    assert!(
        fragment.len() < 10_000,
        "the bomb is small: {}",
        fragment.len()
    );
    check_link("deflate bomb", &fragment, &damaged());
    // The same through the text code.
    let long = "a".repeat(MAX_LINK_TEXT_BYTES + 1);
    let coded = readiness_codec::text_code_for_tests(&[&long, "", "", "", ""]);
    let mut rest = vec![0x02u8, 0];
    rest.extend(coded);
    check_link("coded text over the cap", &body(&rest), &damaged());
}

/// Valid but hostile text, which must come back exactly as written.
fn hostile_strings() -> Vec<String> {
    vec![
        "<script>alert('x')</script>".into(),
        "<img src=x onerror=alert(1)>".into(),
        "\u{202e}gnp.exe\u{202c}".into(),
        "a\0b\0".into(),
        "\u{feff}BOM first".into(),
        "e\u{301}\u{301}\u{301} zalgo".into(),
        "𝕳𝖊𝖑𝖑𝖔 😀👩‍👩‍👧".into(),
        "עברית ومرحبا".into(),
        "line\r\nbreaks\n\n".into(),
        "=1+1".into(),
        "\"quotes\" and 'apostrophes' and \\backslashes\\".into(),
        "x".repeat(10_000),
        "long line ".repeat(1_000),
        "\u{7f}\u{1b}[31mred".into(),
        "{\"format\":\"readiness-check/export\"}".into(),
        "#s=AQEC&x".into(),
    ]
}

#[test]
fn hostile_text_that_is_valid_comes_back_unchanged() {
    let bank = bank();
    for text in hostile_strings() {
        counted();
        let mut a = typical();
        a.meta.name = text.clone();
        a.set_note("s1.convener", text.clone());
        a.ta_request.text = text.clone();
        let shared = decode_share_link(bank, &encode_share_link(bank, &a)).expect("opens");
        assert_eq!(
            shared.assessment,
            a,
            "link: {:?}",
            &text[..text.len().min(40)]
        );
        let cut = |limit: usize| text.chars().take(limit).collect::<String>();
        a.meta.name = cut(MAX_META_CHARS);
        a.set_note("s1.convener", cut(MAX_NOTE_CHARS));
        a.ta_request.text = cut(MAX_TA_TEXT_CHARS);
        let imported = decode_export(bank, &encode_export(bank, &a, "0", "now")).expect("imports");
        assert_eq!(imported.assessment, a);
    }
    let shared = decode_share_link(bank, &encode_share_link(bank, &hostile_text())).expect("opens");
    assert_eq!(shared.assessment, hostile_text());
}

fn check_file(name: &str, text: &str, expected: &ImportError) {
    counted();
    match decode_export(bank(), text) {
        Err(ImportError::NotJson { .. })
            if matches!(expected, ImportError::NotJson { line: 0, .. }) => {}
        Err(error) => assert_eq!(&error, expected, "{name}"),
        Ok(_) => panic!("{name}: accepted, expected {expected:?}"),
    }
}

fn not_json() -> ImportError {
    // Line 0 matches any `NotJson`.
    ImportError::NotJson { line: 0, column: 0 }
}

fn golden() -> Value {
    serde_json::from_str(GOLDEN_EXPORT_V1).expect("json")
}

fn with(path: &[&str], value: Value) -> String {
    let mut root = golden();
    let mut at = &mut root;
    for key in &path[..path.len() - 1] {
        at = &mut at[*key];
    }
    at[path[path.len() - 1]] = value;
    root.to_string()
}

fn wrong(field: &str, expected: &str) -> ImportError {
    ImportError::WrongType {
        field: field.into(),
        expected: expected.into(),
    }
}

#[test]
fn files_that_are_not_ours_or_not_json_say_so() {
    check_file(
        "2 MB",
        &format!("{{\"x\":\"{}\"}}", "a".repeat(2_000_000)),
        &ImportError::TooLarge { bytes: 2_000_008 },
    );
    check_file("10,000 [", &"[".repeat(10_000), &not_json());
    check_file(
        "10,000 nested objects",
        &"{\"a\":".repeat(10_000),
        &not_json(),
    );
    check_file(
        "129 nested arrays, closed",
        &format!("{}{}", "[".repeat(129), "]".repeat(129)),
        &not_json(),
    );
    for (name, text) in [
        ("empty", ""),
        ("spaces", "   "),
        ("words", "not json"),
        ("cut short", "{\"format\":"),
        ("trailing comma", "{\"a\":1,}"),
        ("single quotes", "{'format':'readiness-check/export'}"),
        ("lone surrogate", "{\"format\":\"readiness-check/export\",\"version\":1,\"assessment\":{\"meta\":{\"name\":\"\\ud800\"}}}"),
        ("lone low surrogate", "[\"\\udc00\"]"),
        ("bad escape", "[\"\\x41\"]"),
        ("NaN", "[NaN]"),
        ("raw control character", "[\"a\u{1}b\"]"),
        ("two documents", "{} {}"),
    ] {
        check_file(name, text, &not_json());
    }
    for cut in (1..GOLDEN_EXPORT_V1.len()).step_by(97) {
        check_file(
            &format!("golden cut at {cut}"),
            &GOLDEN_EXPORT_V1[..cut],
            &not_json(),
        );
    }
    for (name, text) in [
        ("null", "null"),
        ("a number", "1"),
        ("a string", "\"readiness-check/export\""),
        ("an empty object", "{}"),
        (
            "another format",
            "{\"format\":\"something-else\",\"version\":1}",
        ),
        ("format of the wrong type", "{\"format\":1}"),
        ("a list of numbers", "[1,2]"),
        ("a list of objects not ours", "[{}]"),
        (
            "a list mixing ours and not",
            "[{\"format\":\"readiness-check/stored-assessment\"},{}]",
        ),
    ] {
        check_file(name, text, &ImportError::NotAnExport);
    }
    check_file("an empty list", "[]", &ImportError::NoAssessments);
}

#[test]
fn files_from_newer_versions_say_so() {
    for found in [2u64, 99] {
        check_file(
            "newer export",
            &with(&["version"], json!(found)),
            &ImportError::NewerVersion {
                found,
                supported: 1,
            },
        );
    }
    let stored = r#"{"format":"readiness-check/stored-assessment","version":3}"#;
    check_file(
        "newer stored",
        stored,
        &ImportError::NewerVersion {
            found: 3,
            supported: 1,
        },
    );
    check_file(
        "version 0",
        &with(&["version"], json!(0)),
        &ImportError::OutOfRange {
            field: "version".into(),
            detail: "is 0, which no version of this app writes".into(),
        },
    );
    for bad in [json!("1"), json!(1.5), json!(-1), json!(null), json!([1])] {
        check_file(
            "version type",
            &with(&["version"], bad),
            &wrong("version", "a whole number, such as 1"),
        );
    }
}

#[test]
fn a_field_of_the_wrong_type_is_named() {
    let text = "text";
    let cases: Vec<(Vec<&str>, Value, ImportError)> = vec![
        (vec!["app_version"], json!(5), wrong("app_version", text)),
        (vec!["exported_at"], json!({}), wrong("exported_at", text)),
        (vec!["bank_version"], json!([]), wrong("bank_version", text)),
        (
            vec!["assessment"],
            json!([]),
            wrong("assessment", "an assessment record (an object)"),
        ),
        (
            vec!["assessment"],
            json!("x"),
            wrong("assessment", "an assessment record (an object)"),
        ),
        (
            vec!["assessment", "meta"],
            json!("x"),
            wrong("assessment.meta", "an object"),
        ),
        (
            vec!["assessment", "meta", "name"],
            json!(5),
            wrong("assessment.meta.name", text),
        ),
        (
            vec!["assessment", "meta", "region"],
            json!(null),
            wrong("assessment.meta.region", text),
        ),
        (
            vec!["assessment", "meta", "sector"],
            json!([]),
            wrong("assessment.meta.sector", text),
        ),
        (
            vec!["assessment", "meta", "respondent_role"],
            json!({}),
            wrong("assessment.meta.respondent_role", text),
        ),
        (
            vec!["assessment", "meta", "date"],
            json!(20261123),
            wrong("assessment.meta.date", text),
        ),
        (
            vec!["assessment", "meta", "bank_version"],
            json!(2026.1),
            wrong("assessment.meta.bank_version", text),
        ),
        (
            vec!["assessment", "answers"],
            json!([]),
            wrong("assessment.answers", "an object of answers by question id"),
        ),
        (
            vec!["assessment", "answers", "s1.convener"],
            json!(true),
            wrong(
                "assessment.answers[\"s1.convener\"]",
                "an answer word such as \"done\", or a count",
            ),
        ),
        (
            vec!["assessment", "answers", "s1.convener"],
            json!(null),
            wrong(
                "assessment.answers[\"s1.convener\"]",
                "an answer word such as \"done\", or a count",
            ),
        ),
        (
            vec!["assessment", "answers", "s1.convener"],
            json!(["done"]),
            wrong(
                "assessment.answers[\"s1.convener\"]",
                "an answer word such as \"done\", or a count",
            ),
        ),
        (
            vec!["assessment", "answers", "table.champions"],
            json!(2.5),
            wrong("assessment.answers[\"table.champions\"]", "a whole number"),
        ),
        (
            vec!["assessment", "notes"],
            json!("x"),
            wrong("assessment.notes", "an object of notes by question id"),
        ),
        (
            vec!["assessment", "notes", "s1.convener"],
            json!(5),
            wrong("assessment.notes[\"s1.convener\"]", text),
        ),
        (
            vec!["assessment", "ta_request"],
            json!([]),
            wrong("assessment.ta_request", "an object"),
        ),
        (
            vec!["assessment", "ta_request", "areas"],
            json!("scope"),
            wrong("assessment.ta_request.areas", "a list of help-area ids"),
        ),
        (
            vec!["assessment", "ta_request", "areas"],
            json!(["scope", 5]),
            wrong("assessment.ta_request.areas[1]", text),
        ),
        (
            vec!["assessment", "ta_request", "text"],
            json!(false),
            wrong("assessment.ta_request.text", text),
        ),
    ];
    for (path, value, expected) in cases {
        check_file(&path.join("."), &with(&path, value), &expected);
    }
    let mut missing = golden();
    if let Some(object) = missing.as_object_mut() {
        object.remove("assessment");
    }
    check_file(
        "assessment missing",
        &missing.to_string(),
        &wrong("assessment", "an assessment record (an object)"),
    );
}

#[test]
fn values_out_of_range_are_named() {
    let range = |field: &str, detail: &str| ImportError::OutOfRange {
        field: field.into(),
        detail: detail.into(),
    };
    let too_long =
        |n: usize, max: usize| format!("is {n} characters long; the most accepted is {max}");
    let mut cases: Vec<(Vec<&str>, Value, ImportError)> = vec![
        (
            vec!["assessment", "answers", "table.champions"],
            json!(1_000_000),
            range(
                "assessment.answers[\"table.champions\"]",
                "is 1000000; a count may be at most 999999",
            ),
        ),
        (
            vec!["assessment", "answers", "table.champions"],
            json!(u64::MAX),
            range(
                "assessment.answers[\"table.champions\"]",
                "is 18446744073709551615; a count may be at most 999999",
            ),
        ),
        (
            vec!["assessment", "answers", "table.champions"],
            json!(-1),
            range(
                "assessment.answers[\"table.champions\"]",
                "is negative; a count cannot be",
            ),
        ),
        (
            vec!["assessment", "answers", "s1.convener"],
            json!("d".repeat(101)),
            range("assessment.answers[\"s1.convener\"]", &too_long(101, 100)),
        ),
        (
            vec!["assessment", "notes", "s1.convener"],
            json!("n".repeat(2_001)),
            range("assessment.notes[\"s1.convener\"]", &too_long(2_001, 2_000)),
        ),
        (
            vec!["assessment", "ta_request", "text"],
            json!("t".repeat(4_001)),
            range("assessment.ta_request.text", &too_long(4_001, 4_000)),
        ),
        (
            vec!["assessment", "ta_request", "areas"],
            json!(vec!["scope"; 101]),
            range(
                "assessment.ta_request.areas",
                "holds 101 areas; the most accepted is 100",
            ),
        ),
        (
            vec!["assessment", "ta_request", "areas"],
            json!(["a".repeat(101)]),
            range("assessment.ta_request.areas[0]", &too_long(101, 100)),
        ),
        (
            vec!["app_version"],
            json!("v".repeat(201)),
            range("app_version", &too_long(201, 200)),
        ),
    ];
    for field in [
        "name",
        "region",
        "sector",
        "respondent_role",
        "date",
        "bank_version",
    ] {
        let path = format!("assessment.meta.{field}");
        // Characters are counted, not bytes: 200 emoji are fine, 201 are not.
        cases.push((
            vec!["assessment", "meta", field],
            json!("😀".repeat(201)),
            range(&path, &too_long(201, 200)),
        ));
    }
    let many: serde_json::Map<String, Value> =
        (0..501).map(|i| (format!("q{i}"), json!("done"))).collect();
    cases.push((
        vec!["assessment", "answers"],
        Value::Object(many.clone()),
        range(
            "assessment.answers",
            "holds 501 answers; the most accepted is 500",
        ),
    ));
    cases.push((
        vec!["assessment", "notes"],
        Value::Object(many),
        range(
            "assessment.notes",
            "holds 501 notes; the most accepted is 500",
        ),
    ));
    for (path, value, expected) in cases {
        check_file(&path.join("."), &with(&path, value), &expected);
    }
    let long_id = "i".repeat(101);
    let text = with(
        &["assessment", "answers"],
        json!({ long_id.clone(): "done" }),
    );
    counted();
    assert!(matches!(
        decode_export(bank(), &text),
        Err(ImportError::OutOfRange { .. })
    ));
    // At the limits exactly, everything loads.
    let text = with(&["assessment", "meta", "name"], json!("😀".repeat(200)));
    assert!(decode_export(bank(), &text).is_ok());
}

#[test]
fn stored_files_name_their_fields_too() {
    let stored = |patch: &str| {
        format!(
            r#"{{"format":"readiness-check/stored-assessment","version":1,"id":"a","created_ms":0,"updated_ms":0,"assessment":{{}}{patch}}}"#
        )
    };
    assert!(decode_export(bank(), &stored("")).is_ok());
    let cases = [
        (r#","id":5"#, wrong("id", "text")),
        (
            r#","created_ms":"x""#,
            wrong("created_ms", "a whole number of milliseconds"),
        ),
        (
            r#","updated_ms":-1"#,
            wrong("updated_ms", "a whole number of milliseconds"),
        ),
        (
            r#","assessment":[]"#,
            wrong("assessment", "an assessment record (an object)"),
        ),
        (
            r#","assessment":{"meta":{"name":5}}"#,
            wrong("assessment.meta.name", "text"),
        ),
        (
            r#","version":"1""#,
            wrong("version", "a whole number, such as 1"),
        ),
    ];
    for (patch, expected) in cases {
        // Later keys win in serde_json, so the patch replaces the field.
        check_file(patch, &stored(patch), &expected);
    }
    let list = format!("[{},{}]", stored(""), stored(r#","id":5"#));
    check_file("second of a list", &list, &wrong("[1].id", "text"));
    // The stored decoder itself, on its own corpus.
    for (text, expected) in [
        ("", "NotJson"),
        ("[]", "NotAnAssessment"),
        (
            r#"{"format":"readiness-check/stored-assessment","version":2}"#,
            "NewerVersion",
        ),
        (
            r#"{"format":"readiness-check/stored-assessment","version":1}"#,
            "Damaged",
        ),
        (&"[".repeat(10_000), "NotJson"),
    ] {
        counted();
        let got = decode_stored(bank(), text).expect_err("refused");
        assert!(format!("{got:?}").starts_with(expected), "{got:?}");
    }
}

/// Runs last by name order is not guaranteed, so the count is checked by summing the cases
/// each test adds in its own thread: here, all are run again in one thread.
#[test]
fn the_corpus_has_at_least_a_hundred_cases() {
    CASES.with(|c| c.set(0));
    bad_fragments_say_what_is_wrong();
    a_link_cut_short_anywhere_is_refused();
    every_single_bit_flipped_in_a_real_link_is_caught();
    links_from_other_versions_or_banks_say_so();
    links_whose_content_makes_no_sense_are_damaged();
    text_that_would_unpack_without_bound_is_refused();
    hostile_text_that_is_valid_comes_back_unchanged();
    files_that_are_not_ours_or_not_json_say_so();
    files_from_newer_versions_say_so();
    a_field_of_the_wrong_type_is_named();
    values_out_of_range_are_named();
    stored_files_name_their_fields_too();
    let cases = CASES.with(Cell::get);
    println!("bad-input corpus: {cases} cases");
    assert!(cases >= 100, "{cases}");
}
