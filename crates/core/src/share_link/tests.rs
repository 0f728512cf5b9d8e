use super::*;
use crate::bank::QuestionKind;
use proptest::prelude::*;

fn bank() -> &'static Bank {
    Bank::builtin()
}

fn round_trip(assessment: &Assessment) -> SharedAssessment {
    let link = encode_share_link(bank(), assessment);
    decode_share_link(bank(), &link).expect("a link this app made opens")
}

/// An answer of the right kind for a question, chosen by `seed`.
pub(crate) fn answer_for(kind: &QuestionKind, seed: usize) -> Answer {
    match (kind, seed % 8) {
        (_, 6) => Answer::DontKnow,
        (_, 7) => Answer::NotApplicable,
        (QuestionKind::Scale, n) => Answer::Scale(ScalePoint::ALL[n % 4]),
        (QuestionKind::Agreement(_), n) => Answer::Agreement(Agreement::ALL[n % 4]),
        (QuestionKind::Count(_), _) => Answer::Count((seed as u32 * 7919) % (MAX_COUNT + 1)),
        (QuestionKind::YesNo { .. }, n) => Answer::YesNo(n % 2 == 0),
        (QuestionKind::Pitfall(_), n) => Answer::Pitfall(PitfallLevel::ALL[n % 3]),
    }
}

/// A typical complete assessment: every question answered, typical meta, a few help areas,
/// no notes.
pub(crate) fn full_without_notes() -> Assessment {
    let bank = bank();
    let mut a = Assessment::new(bank);
    a.meta.name = "Spring check".into();
    a.meta.region = "North Valley".into();
    a.meta.sector = "Advanced manufacturing".into();
    a.meta.respondent_role = "Workforce board director".into();
    a.meta.date = "2026-11-23".into();
    let counts = [4, 30, 10, 8, 8, 25];
    let mut next_count = counts.iter().cycle();
    for (i, question) in bank.questions().enumerate() {
        let answer = match question.kind() {
            QuestionKind::Count(_) => Answer::Count(*next_count.next().unwrap_or(&5)),
            kind => answer_for(kind, i * 5 + 1),
        };
        a.set_answer(question.id(), answer);
    }
    for area in ["scope", "launch-prep", "facilitation"] {
        a.set_help_area(area, true);
    }
    a
}

/// Half the questions answered, short meta.
pub(crate) fn typical() -> Assessment {
    let bank = bank();
    let mut a = Assessment::new(bank);
    a.meta.region = "Delta".into();
    a.meta.sector = "Health care".into();
    a.meta.date = "2026-03-02".into();
    for (i, question) in bank.questions().enumerate().filter(|(i, _)| i % 2 == 0) {
        a.set_answer(question.id(), answer_for(question.kind(), i));
    }
    a.set_help_area("data", true);
    a
}

pub(crate) fn full_with_notes() -> Assessment {
    let mut a = full_without_notes();
    let ids: Vec<String> = bank().questions().map(|q| q.id().to_string()).collect();
    for (i, id) in ids.iter().step_by(5).take(20).enumerate() {
        a.set_note(
            id.clone(),
            format!("Discussed at the planning meeting {i}; the college and two employers agree, next check in May."),
        );
    }
    a.ta_request.text = "Help us recruit CEO champions and plan the launch meeting.".into();
    a
}

#[test]
fn budgets_for_fragment_length_hold() {
    let bank = bank();
    let cases = [
        ("empty", Assessment::new(bank)),
        ("typical (half answered, short meta)", typical()),
        ("full without notes", full_without_notes()),
        ("full with notes on 20 questions", full_with_notes()),
    ];
    for (name, assessment) in &cases {
        let link = encode_share_link(bank, assessment);
        println!("share link fragment, {name}: {} characters", link.len());
        assert_eq!(&round_trip(assessment).assessment, assessment, "{name}");
    }
    let full = encode_share_link(bank, &cases[2].1);
    assert!(
        full.len() <= 150,
        "full without notes: {} > 150",
        full.len()
    );
    assert!(encode_share_link(bank, &cases[0].1).len() <= 24);
}

#[test]
fn layout_1_matches_bank_2026_1_as_it_is_today() {
    let bank = bank();
    assert_eq!(
        bank.version(),
        "2026.1",
        "add a layout for the new bank version, and keep layout 1"
    );
    let layout = layout_by_code(1).expect("layout 1");
    assert_eq!(layout.bank_version, "2026.1");
    let ids: Vec<&str> = layout.questions.iter().map(|(id, _)| *id).collect();
    let bank_ids: Vec<&str> = bank.questions().map(|q| q.id()).collect();
    assert_eq!(ids, bank_ids);
    for &(id, kind) in layout.questions {
        let expected = match bank.question(id).map(|q| q.kind()) {
            Some(QuestionKind::Scale) => LinkKind::Scale,
            Some(QuestionKind::Agreement(_)) => LinkKind::Agreement,
            Some(QuestionKind::Count(_)) => LinkKind::Count,
            Some(QuestionKind::YesNo { .. }) => LinkKind::YesNo,
            Some(QuestionKind::Pitfall(_)) => LinkKind::Pitfall,
            None => panic!("{id} missing"),
        };
        assert_eq!(kind, expected, "{id}");
    }
    let areas: Vec<&str> = bank.help_areas().iter().map(|a| a.id()).collect();
    assert_eq!(layout.help_areas, areas.as_slice());
}

#[test]
fn every_id_of_every_layout_is_still_in_the_bank() {
    // When a later bank drops a question, this fails: decide then how old links treat it
    // (they skip and list it), and change this test to say so.
    let bank = bank();
    for layout in layouts::LINK_LAYOUTS {
        for (id, _) in layout.questions {
            assert!(
                bank.question(id).is_some(),
                "layout {} lists {id}",
                layout.code
            );
        }
        for id in layout.help_areas {
            assert!(
                bank.help_area(id).is_some(),
                "layout {} lists {id}",
                layout.code
            );
        }
        assert!(layout.help_areas.len() < 64);
    }
    let codes: Vec<u64> = layouts::LINK_LAYOUTS.iter().map(|l| l.code).collect();
    let mut sorted = codes.clone();
    sorted.dedup();
    assert_eq!(codes, sorted, "layout codes are unique and ascending");
    assert_eq!(layout_for(bank.version()).bank_version, bank.version());
}

#[test]
fn fragments_are_read_with_or_without_the_hash_and_among_other_parts() {
    let a = typical();
    let link = encode_share_link(bank(), &a);
    assert!(link.starts_with("s="));
    for fragment in [
        link.clone(),
        format!("#{link}"),
        format!("#x=1&{link}"),
        format!("  {link}\n"),
    ] {
        assert_eq!(
            decode_share_link(bank(), &fragment).map(|s| s.assessment),
            Ok(a.clone())
        );
    }
}

#[test]
fn dates_are_compact_only_when_they_read_back_the_same() {
    assert_eq!(days_since_2000("2000-01-01"), Some(0));
    assert_eq!(days_since_2000("2000-03-01"), Some(60));
    assert_eq!(date_from_days(60), "2000-03-01");
    assert_eq!(
        date_from_days(days_since_2000("2026-11-23").unwrap_or(0)),
        "2026-11-23"
    );
    for bad in [
        "2026-02-29",
        "2026-13-01",
        "2026-1-01",
        "1999-12-31",
        "2300-01-01",
        "+026-01-01",
        "2026-11-23 ",
        "",
    ] {
        assert_eq!(days_since_2000(bad), None, "{bad}");
    }
    assert_eq!(days_since_2000("2024-02-29"), Some(8825));
    for days in (0..=u16::MAX).step_by(97) {
        assert_eq!(days_since_2000(&date_from_days(days)), Some(days));
    }
    let mut a = typical();
    for date in ["23 November 2026", "2026-02-30", "٢٠٢٦", "2026-11-23"] {
        a.meta.date = date.into();
        assert_eq!(round_trip(&a).assessment, a);
    }
}

#[test]
fn answers_from_outside_the_layout_are_left_out() {
    let mut a = typical();
    a.set_answer("no.such.question", Answer::DontKnow);
    a.set_answer("s1.convener", Answer::Count(3));
    a.set_note("no.such.question", "hello");
    a.set_help_area("no-such-area", true);
    let decoded = round_trip(&a).assessment;
    assert_eq!(decoded.answer("no.such.question"), None);
    assert_eq!(decoded.answer("s1.convener"), None);
    assert_eq!(decoded.note("no.such.question"), None);
    assert!(!decoded.ta_request.areas.contains("no-such-area"));
}

#[test]
fn long_text_is_deflated_and_read_back() {
    let mut a = full_with_notes();
    let long = "The partnership met again. ".repeat(300);
    a.set_note("s1.convener", long.clone());
    let link = encode_share_link(bank(), &a);
    assert!(
        link.len() < long.len(),
        "deflate makes repeated text smaller"
    );
    assert_eq!(round_trip(&a).assessment, a);
}

#[test]
fn text_beyond_the_unpacking_cap_is_written_plain_and_still_reads() {
    let mut a = typical();
    a.ta_request.text = "x".repeat(MAX_LINK_TEXT_BYTES + 10);
    let link = encode_share_link(bank(), &a);
    assert!(link.len() <= MAX_LINK_CHARS + 2);
    assert_eq!(round_trip(&a).assessment, a);
}

/// Links made with the first shipped version. This file never changes: every later version
/// must open these links and read the same content.
const GOLDEN_LINKS: &str = include_str!("../../golden/share-links-v1.txt");

fn golden(name: &str) -> String {
    GOLDEN_LINKS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("golden link {name} missing"))
        .trim()
        .to_string()
}

#[test]
fn golden_links_made_with_version_1_still_open() {
    let bank = bank();
    let open = |name: &str| {
        let shared = decode_share_link(bank, &golden(name)).expect("golden link opens");
        assert!(shared.skipped.is_empty(), "{name}: {:?}", shared.skipped);
        shared.assessment
    };
    assert_eq!(open("empty"), Assessment::new(bank));
    assert_eq!(open("typical"), typical());
    assert_eq!(open("full-without-notes"), full_without_notes());
    let full = open("full-with-notes");
    assert_eq!(full, full_with_notes());
    // Spelled out, so the expectation does not depend on the helpers above alone.
    assert_eq!(full.meta.region, "North Valley");
    assert_eq!(full.meta.date, "2026-11-23");
    assert_eq!(full.answer("table.champions"), Some(Answer::Count(4)));
    assert_eq!(full.answer("table.companies"), Some(Answer::Count(30)));
    assert_eq!(full.notes().len(), 20);
    assert_eq!(
        full.ta_request
            .areas
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        ["facilitation", "launch-prep", "scope"]
    );
    let hostile = open("hostile-text");
    assert_eq!(hostile.meta.name, "<script>alert(1)</script>");
    assert_eq!(hostile.meta.region, "\u{202e}evil\u{202c} \0 nul");
    assert_eq!(hostile.meta.sector, "Ünïcödé 中文 עברית 😀");
    assert_eq!(hostile.meta.date, "next spring");
    assert_eq!(hostile.meta.bank_version, "2025.9");
    assert_eq!(hostile.note("s2.lmi"), Some("=cmd|' /C calc'!A0"));
}

pub(crate) fn hostile_text() -> Assessment {
    let mut a = Assessment::default();
    a.meta.name = "<script>alert(1)</script>".into();
    a.meta.region = "\u{202e}evil\u{202c} \0 nul".into();
    a.meta.sector = "Ünïcödé 中文 עברית 😀".into();
    a.meta.date = "next spring".into();
    a.meta.bank_version = "2025.9".into();
    a.set_answer("s1.convener", Answer::NotApplicable);
    a.set_note("s2.lmi", "=cmd|' /C calc'!A0");
    a
}

/// Prints the golden links, for writing the golden file once:
/// `cargo test -p readiness-core print_golden_links -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_golden_links() {
    let bank = bank();
    for (name, a) in [
        ("empty", Assessment::new(bank)),
        ("typical", typical()),
        ("full-without-notes", full_without_notes()),
        ("full-with-notes", full_with_notes()),
        ("hostile-text", hostile_text()),
    ] {
        println!("{name} {}", encode_share_link(bank, &a));
    }
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,30}",
        1 => "[\u{0590}-\u{05ff}\u{202a}-\u{202e}\u{1f600}-\u{1f64f} a-z]{0,20}",
        1 => any::<String>(),
        1 => ("[a-z ]{1,5}", 100usize..3000).prop_map(|(s, n)| s.repeat(n / s.len().max(1))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_assessment_comes_back_the_same_from_its_link(
        picks in proptest::collection::vec((0usize..99, 0usize..10_000), 0..120),
        notes in proptest::collection::vec((0usize..99, any_text()), 0..8),
        meta in proptest::collection::vec(any_text(), 6),
        date in prop_oneof!["20[0-9]{2}-[01][0-9]-[0-3][0-9]", "\\PC{0,12}"],
        areas in proptest::collection::vec(0usize..12, 0..12),
        ta_text in any_text(),
    ) {
        let bank = bank();
        let questions: Vec<_> = bank.questions().collect();
        let mut a = Assessment::default();
        for (q, seed) in picks {
            let question = questions[q % questions.len()];
            a.set_answer(question.id(), answer_for(question.kind(), seed));
        }
        for (q, note) in notes {
            a.set_note(questions[q % questions.len()].id(), note);
        }
        a.meta.name = meta[0].clone();
        a.meta.region = meta[1].clone();
        a.meta.sector = meta[2].clone();
        a.meta.respondent_role = meta[3].clone();
        a.meta.bank_version = if meta[4].len() % 2 == 0 { bank.version().to_string() } else { meta[5].clone() };
        a.meta.date = date;
        for area in areas {
            a.set_help_area(bank.help_areas()[area].id(), true);
        }
        a.ta_request.text = ta_text;
        let link = encode_share_link(bank, &a);
        let shared = decode_share_link(bank, &link);
        prop_assert_eq!(shared.map(|s| (s.assessment, s.skipped)), Ok((a, Vec::new())));
    }

    #[test]
    fn any_fragment_gives_an_answer_or_an_error_never_a_panic(fragment in "\\PC{0,200}") {
        let _ = decode_share_link(bank(), &fragment);
        let _ = decode_share_link(bank(), &format!("s={fragment}"));
    }

    #[test]
    fn any_payload_gives_an_answer_or_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_payload(bank(), &bytes);
        // With a valid checksum, the parser behind it is reached too.
        let mut body = bytes;
        if !body.is_empty() { body[0] = 1; }
        let crc = crc32fast::hash(&body);
        body.extend_from_slice(&crc.to_le_bytes());
        let _ = decode_payload(bank(), &body);
    }
}
