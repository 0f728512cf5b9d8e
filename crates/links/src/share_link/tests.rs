use super::*;
use proptest::prelude::*;
use readiness_domain::bank::QuestionKind;

fn bank() -> &'static Bank {
    Bank::builtin()
}

fn round_trip(assessment: &Assessment) -> SharedAssessment {
    let link = encode_share_link(bank(), assessment);
    decode_share_link(bank(), &link).expect("a link this app made opens")
}

// The assessments of the golden links, which other modules' tests use too.
pub(crate) use readiness_domain::golden::{
    answer_for, full_with_notes, full_without_notes, hostile_text, typical,
};

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

/// The link kind of a question or retired question of the live bank.
fn link_kind_of(kind: &QuestionKind) -> LinkKind {
    match kind {
        QuestionKind::Scale => LinkKind::Scale,
        QuestionKind::Agreement(_) => LinkKind::Agreement,
        QuestionKind::Count(_) => LinkKind::Count,
        QuestionKind::YesNo { .. } => LinkKind::YesNo,
        QuestionKind::Pitfall(_) => LinkKind::Pitfall,
    }
}

/// The kind an id has in the live bank, asked or retired.
fn live_kind(id: &str) -> Option<LinkKind> {
    let bank = bank();
    bank.question(id)
        .map(|q| link_kind_of(q.kind()))
        .or_else(|| bank.retired_question(id).map(|r| link_kind_of(r.kind())))
}

#[test]
fn layout_3_is_bank_2026_3_then_its_retired_questions() {
    let bank = bank();
    assert_eq!(
        bank.version(),
        "2026.3",
        "add a layout for the new bank version, and keep layouts 1 to 3"
    );
    let layout = layout_by_code(3).expect("layout 3");
    assert_eq!(layout.bank_version, "2026.3");
    let ids: Vec<&str> = layout.questions.iter().map(|(id, _)| *id).collect();
    let expected: Vec<&str> = bank
        .questions()
        .map(|q| q.id())
        .chain(bank.retired().iter().map(|r| r.id()))
        .collect();
    assert_eq!(ids, expected);
    for &(id, kind) in layout.questions {
        assert_eq!(Some(kind), live_kind(id), "{id}");
    }
    let areas: Vec<&str> = bank.help_areas().iter().map(|a| a.id()).collect();
    assert_eq!(layout.help_areas, areas.as_slice());
}

#[test]
fn layout_1_stays_as_bank_2026_1_shipped_it() {
    let layout = layout_by_code(1).expect("layout 1");
    assert_eq!(layout.bank_version, "2026.1");
    assert_eq!(layout.questions.len(), 99);
    assert_eq!(layout.questions[0].0, "s1.shared-table");
    assert_eq!(layout.questions[98].0, "pit.missing-state");
    assert_eq!(layout.help_areas.len(), 12);
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

/// All 65,536 compact dates, and every text that looks like a date around their range: each
/// compact date reads as a real date that is written back as the same number, and each date
/// from 2000-01-01 on, counted here day by day with a calendar of the test's own, is written
/// compactly as its number of days while it fits, and as text after.
#[test]
fn every_compact_date_reads_back_to_itself_and_every_date_in_range_has_one() {
    let is_leap = |y: u32| y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let length = |y: u32, m: u32| match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let mut calendar = std::collections::HashMap::new();
    let (mut y, mut m, mut d) = (2000u32, 1u32, 1u32);
    for days in 0..=u32::from(u16::MAX) + 1 {
        calendar.insert(format!("{y:04}-{m:02}-{d:02}"), days);
        d += 1;
        if d > length(y, m) {
            (m, d) = (m + 1, 1);
        }
        if m > 12 {
            (y, m) = (y + 1, 1);
        }
    }

    for days in 0..=u16::MAX {
        let date = date_from_days(days);
        assert_eq!(
            calendar.get(&date),
            Some(&u32::from(days)),
            "day {days}: {date}"
        );
        assert_eq!(days_since_2000(&date), Some(days), "{date}");
    }
    assert_eq!(date_from_days(u16::MAX), "2179-06-06");

    // Every year, month and day a link might carry, real or not, from just before the range to
    // just after it: compact exactly when the calendar has it within a u16 of days.
    let mut compact = 0;
    for year in 1999..=2180 {
        for month in 0..=13 {
            for day in 0..=32 {
                let date = format!("{year:04}-{month:02}-{day:02}");
                let expected = calendar
                    .get(&date)
                    .and_then(|days| u16::try_from(*days).ok());
                assert_eq!(days_since_2000(&date), expected, "{date}");
                compact += usize::from(expected.is_some());
            }
        }
    }
    assert_eq!(compact, 65_536);
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
const GOLDEN_LINKS: &str = include_str!("../../../core/golden/share-links-v1.txt");

fn golden(name: &str) -> String {
    GOLDEN_LINKS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("golden link {name} missing"))
        .trim()
        .to_string()
}

/// How many of each shipped layout's entries its bank asked (the rest are questions it had
/// retired, carried so kept answers travel).
const ASKED: &[(u64, usize)] = &[(1, 99), (2, 108)];

/// The questions the bank of a shipped layout asked, in its order.
fn asked_in(code: u64) -> &'static [(&'static str, LinkKind)] {
    let layout = layout_by_code(code).expect("a shipped layout");
    let asked = ASKED
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(layout.questions.len(), |(_, n)| *n);
    &layout.questions[..asked]
}

/// A 2026.1 assessment built from layout 1, the frozen list of bank 2026.1's questions in
/// its order: `answer` picks the answer for the question at each position.
pub(crate) fn made_with_2026_1(
    answer: impl FnMut(usize, &QuestionKind) -> Option<Answer>,
) -> Assessment {
    made_with(1, answer)
}

/// An assessment made with the bank of a shipped layout, built from the frozen list of its
/// questions in their order: `answer` picks the answer for the question at each position.
pub(crate) fn made_with(
    code: u64,
    mut answer: impl FnMut(usize, &QuestionKind) -> Option<Answer>,
) -> Assessment {
    let mut a = Assessment::default();
    a.meta.bank_version = layout_by_code(code)
        .expect("a shipped layout")
        .bank_version
        .into();
    for (i, &(id, kind)) in asked_in(code).iter().enumerate() {
        let kind = match kind {
            LinkKind::Scale => QuestionKind::Scale,
            LinkKind::Agreement => QuestionKind::Agreement(readiness_domain::bank::Phase::Forming),
            LinkKind::Count => {
                QuestionKind::Count(readiness_domain::bank::CountRange::new(None, None, None))
            }
            LinkKind::YesNo => QuestionKind::YesNo { expected: true },
            LinkKind::Pitfall => {
                QuestionKind::Pitfall(readiness_domain::bank::PitfallKind::Pitfall)
            }
        };
        if let Some(answer) = answer(i, &kind) {
            a.set_answer(id, answer);
        }
    }
    a
}

/// The golden assessments as the bank of a shipped layout made them (the helpers above follow
/// the live bank).
fn typical_made_with(code: u64) -> Assessment {
    let mut a = made_with(code, |i, kind| (i % 2 == 0).then(|| answer_for(kind, i)));
    a.meta.region = "Delta".into();
    a.meta.sector = "Health care".into();
    a.meta.date = "2026-03-02".into();
    a.set_help_area("data", true);
    a
}

fn full_without_notes_made_with(code: u64) -> Assessment {
    let counts = [4, 30, 10, 8, 8, 25];
    let mut count = 0;
    let mut a = made_with(code, |i, kind| {
        Some(match kind {
            QuestionKind::Count(_) => {
                count += 1;
                Answer::Count(counts[(count - 1) % counts.len()])
            }
            kind => answer_for(kind, i * 5 + 1),
        })
    });
    a.meta.name = "Spring check".into();
    a.meta.region = "North Valley".into();
    a.meta.sector = "Advanced manufacturing".into();
    a.meta.respondent_role = "Workforce board director".into();
    a.meta.date = "2026-11-23".into();
    for area in ["scope", "launch-prep", "facilitation"] {
        a.set_help_area(area, true);
    }
    a
}

fn full_with_notes_made_with(code: u64) -> Assessment {
    let mut a = full_without_notes_made_with(code);
    for (i, (id, _)) in asked_in(code).iter().step_by(5).take(20).enumerate() {
        a.set_note(
            *id,
            format!("Discussed at the planning meeting {i}; the college and two employers agree, next check in May."),
        );
    }
    a.ta_request.text = "Help us recruit CEO champions and plan the launch meeting.".into();
    a
}

/// Checks that `opened`, an assessment made with bank 2026.1 and opened with this bank,
/// lost nothing of `made`: each answer and note is under its own id, or, for a question
/// 2026.2 split, on each of its successors (the note on the first); and the report lists
/// every answer it keeps for a retired question and ignores nothing.
pub(crate) fn assert_nothing_lost(made: &Assessment, opened: &Assessment) {
    let bank = bank();
    for (id, answer) in made.answers() {
        let moved = bank
            .retired_question(id)
            .map(|r| r.moved_to())
            .unwrap_or_default();
        if moved.is_empty() {
            assert_eq!(opened.answer(id), Some(*answer), "{id} lost its answer");
        } else {
            for successor in moved {
                assert_eq!(
                    opened.answer(successor),
                    Some(*answer),
                    "{id} did not move to {successor}"
                );
            }
        }
    }
    for (id, note) in made.notes() {
        let moved = bank
            .retired_question(id)
            .map(|r| r.moved_to())
            .unwrap_or_default();
        let at = moved.first().map_or(id.as_str(), String::as_str);
        assert_eq!(opened.note(at), Some(note.as_str()), "{id} lost its note");
    }
    assert_eq!(opened.meta, made.meta);
    assert_eq!(opened.ta_request, made.ta_request);
    let r = readiness_domain::report::report(bank, opened);
    assert!(r.ignored.is_empty(), "{:?}", r.ignored);
    for kept in &r.kept {
        assert!(
            kept.question.moved_to().is_empty() || kept.note.is_some() || kept.answer.is_some(),
            "{}",
            kept.question.id()
        );
    }
    let retired_answered = made
        .answers()
        .keys()
        .filter(|id| {
            bank.retired_question(id)
                .is_some_and(|r| r.moved_to().is_empty())
        })
        .count();
    assert_eq!(
        r.kept.iter().filter(|k| k.answer.is_some()).count(),
        retired_answered
    );
}

#[test]
fn golden_links_made_with_version_1_still_open_with_nothing_lost() {
    let bank = bank();
    let open = |name: &str| {
        let shared = decode_share_link(bank, &golden(name)).expect("golden link opens");
        assert!(shared.skipped.is_empty(), "{name}: {:?}", shared.skipped);
        shared.assessment
    };
    assert_nothing_lost(&made_with_2026_1(|_, _| None), &open("empty"));
    assert_nothing_lost(&typical_made_with(1), &open("typical"));
    assert_nothing_lost(
        &full_without_notes_made_with(1),
        &open("full-without-notes"),
    );
    let full = open("full-with-notes");
    assert_nothing_lost(&full_with_notes_made_with(1), &full);
    // Spelled out, so the expectation does not depend on the helpers above alone.
    assert_eq!(full.meta.region, "North Valley");
    assert_eq!(full.meta.date, "2026-11-23");
    assert_eq!(full.meta.bank_version, "2026.1");
    assert_eq!(full.answer("table.champions"), Some(Answer::Count(4)));
    assert_eq!(full.answer("table.companies"), Some(Answer::Count(30)));
    assert_eq!(full.notes().len(), 20);
    // The answer to a split question answers both of its successors.
    assert_eq!(full.answer("s4.ready-next"), None);
    assert!(full.answer("s4.summary-sent").is_some());
    assert_eq!(full.answer("s4.summary-sent"), full.answer("s4.team-calls"));
    // An answer to a question asked twice in 2026.1 is kept under its old id and listed.
    assert!(full.answer("table.neutral-facilitator").is_some());
    let r = readiness_domain::report::report(bank, &full);
    assert!(r
        .kept
        .iter()
        .any(|k| k.question.id() == "table.neutral-facilitator"));
    assert!(r
        .bank_line()
        .is_some_and(|line| line.starts_with("Made with question bank 2026.1: ")));
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

/// Links made with layout 2 (bank 2026.2). This file never changes either.
const GOLDEN_LINKS_2026_2: &str = include_str!("../../../core/golden/share-links-2026.2.txt");

/// Links made with layout 3 (bank 2026.3). This file never changes either. The helpers above
/// follow the live bank: when the bank changes again, add its count to `ASKED` and open
/// these with `made_with(3, ..)`, as 2026.2's are opened below.
const GOLDEN_LINKS_2026_3: &str = include_str!("../../../core/golden/share-links-2026.3.txt");

/// Opens the golden link `name` of a golden file.
fn open_golden(file: &str, name: &str) -> Assessment {
    let line = file
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| l.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("golden link {name} missing"));
    let shared = decode_share_link(bank(), line.trim()).expect("golden link opens");
    assert!(shared.skipped.is_empty(), "{name}: {:?}", shared.skipped);
    shared.assessment
}

#[test]
fn golden_links_made_with_bank_2026_2_still_open_with_nothing_lost() {
    let open = |name: &str| open_golden(GOLDEN_LINKS_2026_2, name);
    assert_nothing_lost(&made_with(2, |_, _| None), &open("empty"));
    assert_nothing_lost(&typical_made_with(2), &open("typical"));
    assert_nothing_lost(
        &full_without_notes_made_with(2),
        &open("full-without-notes"),
    );
    let full = open("full-with-notes");
    assert_nothing_lost(&full_with_notes_made_with(2), &full);
    assert_eq!(full.meta.bank_version, "2026.2");
    // A question 2026.3 split answers each of its parts; a fact 2026.3 asks elsewhere keeps
    // its answer under its old id, listed with the kept answers.
    assert!(full.answer("s3.facilitator").is_none());
    assert_eq!(
        full.answer("s3.facilitator-process"),
        full.answer("s3.facilitator-neutral")
    );
    assert_eq!(full.answer("table.champions"), Some(Answer::Count(4)));
    let r = readiness_domain::report::report(bank(), &full);
    assert!(r.kept.iter().any(|k| k.question.id() == "table.champions"));
    assert!(r
        .bank_line()
        .is_some_and(|line| line.starts_with("Made with question bank 2026.2: ")));
    assert_eq!(open("hostile-text"), hostile_text());
}

#[test]
fn golden_links_made_with_bank_2026_3_still_open() {
    let bank = bank();
    let open = |name: &str| open_golden(GOLDEN_LINKS_2026_3, name);
    assert_eq!(open("empty"), Assessment::new(bank));
    assert_eq!(open("typical"), typical());
    assert_eq!(open("full-without-notes"), full_without_notes());
    assert_eq!(open("full-with-notes"), full_with_notes());
    assert_eq!(open("hostile-text"), hostile_text());
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
    fn any_2026_1_assessment_opens_with_no_answer_lost(
        picks in proptest::collection::vec(0usize..40, 99),
        note_every in 1usize..30,
    ) {
        let mut made = made_with_2026_1(|i, kind| {
            (picks[i] < 30).then(|| answer_for(kind, picks[i] * 31 + i))
        });
        let ids: Vec<&str> = layout_by_code(1).expect("layout 1").questions.iter().map(|(id, _)| *id).collect();
        for id in ids.iter().step_by(note_every) {
            made.set_note(*id, format!("note on {id}"));
        }
        made.meta.name = "Spring check".into();
        // As a link of layout 1, the way bank 2026.1 wrote links.
        let body = encode_body(layout_by_code(1).expect("layout 1"), bank(), &made);
        let link = seal(SHARE_KEY, LINK_FORMAT_VERSION, &body);
        let shared = decode_share_link(bank(), &link).expect("opens");
        prop_assert!(shared.skipped.is_empty());
        assert_nothing_lost(&made, &shared.assessment);
        // As a stored record of 2026.1: words by question id.
        let stored = readiness_formats::format::StoredAssessment { id: "x".into(), created_ms: 0, updated_ms: 0, assessment: made.clone() };
        let decoded = readiness_formats::format::decode_stored(bank(), &readiness_formats::format::encode_stored(&stored)).expect("reads");
        prop_assert!(decoded.skipped.is_empty());
        assert_nothing_lost(&made, &decoded.stored.assessment);
        // Opening twice changes nothing more.
        let mut again = decoded.stored.assessment.clone();
        again.carry_forward(bank());
        prop_assert_eq!(again, decoded.stored.assessment);
    }

    #[test]
    fn any_fragment_gives_an_answer_or_an_error_never_a_panic(fragment in "\\PC{0,200}") {
        let _ = decode_share_link(bank(), &fragment);
        let _ = decode_share_link(bank(), &format!("s={fragment}"));
    }

    #[test]
    fn any_payload_gives_an_answer_or_an_error_never_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode_body(bank(), &bytes);
        // Sealed with valid check digits, the parser behind the envelope is reached too.
        let _ = decode_share_link(bank(), &seal(SHARE_KEY, LINK_FORMAT_VERSION, &bytes));
    }
}

/// A copied link past the length some programs cut says so, and offers the file instead.
#[test]
fn a_long_link_is_copied_with_a_warning() {
    assert!(link_copied_message(URL_WARN_LENGTH).starts_with("Share link copied. Whoever"));
    let long = link_copied_message(URL_WARN_LENGTH + 1);
    assert!(
        long.starts_with(&format!(
            "Share link copied, but it is {} characters long",
            URL_WARN_LENGTH + 1
        )),
        "{long}"
    );
    assert!(long.ends_with("Send the JSON file instead if it arrives broken."));
}
