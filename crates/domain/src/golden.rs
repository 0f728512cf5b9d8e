//! The assessments the golden files in `crates/core/golden/` were written from, for the
//! tests that open those files and for `examples/golden_files.rs`, which writes the current
//! bank's files:
//!
//! ```text
//! cargo run -p readiness-core --example golden_files            # prints them
//! cargo run -p readiness-core --example golden_files -- golden  # writes the new ones
//! ```
//!
//! A golden file never changes once shipped; a new bank gets files of its own. The helpers
//! follow the live bank, so once the bank changes they no longer make the shipped files: the
//! tests then open the older files with the assessments as that bank made them.

use crate::answer::{Agreement, Answer, PitfallLevel, ScalePoint, MAX_COUNT};
use crate::assessment::Assessment;
use crate::bank::{Bank, QuestionKind};

fn bank() -> &'static Bank {
    Bank::builtin()
}

/// The golden links of the current bank's `share-links-<bank>.txt`, by name, in the file's
/// order.
pub fn golden_links() -> [(&'static str, Assessment); 5] {
    [
        ("empty", Assessment::new(bank())),
        ("typical", typical()),
        ("full-without-notes", full_without_notes()),
        ("full-with-notes", full_with_notes()),
        ("hostile-text", hostile_text()),
    ]
}

/// An answer of the right kind for a question, chosen by `seed`.
pub fn answer_for(kind: &QuestionKind, seed: usize) -> Answer {
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
/// no notes: the golden link `full-without-notes`.
pub fn full_without_notes() -> Assessment {
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

/// Half the questions answered, short meta: the golden link `typical`.
pub fn typical() -> Assessment {
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

/// `full_without_notes` with twenty notes and the request's text: the golden link
/// `full-with-notes`.
pub fn full_with_notes() -> Assessment {
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

/// Markup, bidirectional controls, a NUL, several scripts, a date that is not one and a bank
/// that never was: the golden link `hostile-text`.
pub fn hostile_text() -> Assessment {
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

/// The assessment of bank 2026.3's export and stored record (`export-2026.3.json`,
/// `stored-2026.3.json`), the bank's own answers: it answers what 2026.3 added: a question split in parts, the launch venue as a fact, the strain of
/// Storming now, the quarterly meetings and the launch as something new.
pub fn answered_2026_3() -> Assessment {
    let bank = bank();
    let mut a = Assessment::new(bank);
    a.meta.name = "Winter check".into();
    a.meta.region = "Riverbend".into();
    a.meta.sector = "Advanced manufacturing".into();
    a.meta.respondent_role = "Workforce board director".into();
    a.meta.date = "2026-12-05".into();
    a.set_answer("s1.convener", Answer::Scale(ScalePoint::Done));
    a.set_answer("s1.supporters-informed", Answer::Scale(ScalePoint::Started));
    a.set_answer("s3.ceo-champions", Answer::DontKnow);
    a.set_answer("s3.facilitator-neutral", Answer::Scale(ScalePoint::Mostly));
    a.set_answer("s3.launch-at-business", Answer::YesNo(true));
    a.set_answer("s4.launched-as-new", Answer::Scale(ScalePoint::NotYet));
    a.set_answer("s5.impact-stated", Answer::NotApplicable);
    a.set_answer("s6.quarterly-meetings", Answer::Scale(ScalePoint::Mostly));
    a.set_answer("phase.storming.strain", Answer::Agreement(Agreement::Agree));
    a.set_answer("table.companies", Answer::Count(64));
    a.set_answer("pit.wasted-time", Answer::Pitfall(PitfallLevel::Yes));
    a.set_note(
        "s6.quarterly-meetings",
        "Three of four held this year; the summer one was cancelled.",
    );
    a.set_help_area("sustain", true);
    a.ta_request.text = "Help us plan the partnership's next year with less staff.".into();
    a
}
