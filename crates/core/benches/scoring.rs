//! How long scoring takes: the median of many runs of `report` (and of one live section
//! score) on the built-in bank and on a synthetic bank of 1,000 questions.
//!
//! This is a measurement to read, not a test with a time limit: machines differ too much for a
//! timed assertion to mean anything. Run it with `cargo bench -p readiness-core`.

use std::hint::black_box;

mod timing;
use timing::median;

use readiness_core::{
    decode_stored, encode_stored, report, section_score, Agreement, Answer, Assessment, Bank,
    PitfallLevel, QuestionKind, ScalePoint, StoredAssessment, MAX_NOTE_CHARS,
};
use serde_json::{json, Value};

/// A bank with 150 questions in each of six launch steps, 40 phase indicators, 30 counts and
/// 30 pitfalls: 1,000 questions in all.
fn synthetic_bank() -> Bank {
    let source = json!({ "seed": "001", "part": "Synthetic" });
    let question = |id: String, kind: &str| {
        json!({ "id": id, "kind": kind, "text": "A synthetic question?", "source": source,
                "advice": "Do the next thing." })
    };
    let mut sections: Vec<Value> = (1..=6)
        .map(|step| {
            let questions: Vec<Value> = (0..150)
                .map(|i| {
                    let mut q = question(format!("s{step}.q{i}"), "scale");
                    if i == 0 {
                        q["gate"] = json!("A synthetic gate");
                    }
                    q
                })
                .collect();
            json!({ "id": format!("s{step}"), "kind": "launch_step", "step": step,
                    "title": "Step", "intro": "Intro", "source": source, "questions": questions })
        })
        .collect();
    let phases: Vec<Value> = (0..40)
        .map(|i| {
            let mut q = question(format!("phase.q{i}"), "agreement");
            q["phase"] = json!(["forming", "norming", "storming", "performing"][i / 10]);
            q
        })
        .collect();
    let counts: Vec<Value> = (0..30)
        .map(|i| {
            let mut q = question(format!("table.q{i}"), "count");
            q["min"] = json!(2);
            q["max"] = json!(60);
            q["why"] = json!("Because.");
            q["label"] = json!(format!("Count {i}"));
            if i > 0 {
                q["not_more_than"] = json!("table.q0");
            }
            q
        })
        .collect();
    let pitfalls: Vec<Value> = (0..30)
        .map(|i| {
            let mut q = question(format!("pit.q{i}"), "pitfall");
            q["pitfall"] = json!("pitfall");
            q
        })
        .collect();
    for (id, kind, questions) in [
        ("phases", "phases", phases),
        ("table", "table", counts),
        ("pitfalls", "pitfalls", pitfalls),
    ] {
        sections.push(
            json!({ "id": id, "kind": kind, "title": id, "intro": "Intro",
                              "source": source, "questions": questions }),
        );
    }
    let seeds: Vec<Value> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|s| json!({ "seed": s, "title": "Seed", "by": "Author", "used_for": "Benchmarks" }))
        .collect();
    let bank = json!({
        "bank_version": "bench",
        "scales": {
            "scale": ["Not yet", "Started", "Mostly", "Done"],
            "agreement": ["Disagree", "Somewhat disagree", "Somewhat agree", "Agree"],
            "pitfall": ["No", "A little", "Yes"],
            "yes_no": ["No", "Yes"],
            "dont_know": "Don't know",
            "not_applicable": "Not applicable"
        },
        "sources": seeds,
        "sections": sections,
        "help_areas": []
    });
    match Bank::from_json(&bank.to_string()) {
        Ok(bank) => bank,
        Err(err) => panic!("the synthetic bank is invalid: {err}"),
    }
}

/// Answers every question, cycling through the answers its kind accepts, so that every code
/// path of scoring runs.
fn full_assessment(bank: &Bank) -> Assessment {
    let mut a = Assessment::new(bank);
    for (i, q) in bank.questions().enumerate() {
        let answer = match (q.kind(), i % 7) {
            (_, 5) => Answer::DontKnow,
            (_, 6) => Answer::NotApplicable,
            (QuestionKind::Scale, n) => Answer::Scale(ScalePoint::ALL[n % 4]),
            (QuestionKind::Agreement(_), n) => Answer::Agreement(Agreement::ALL[n % 4]),
            (QuestionKind::Count(_), n) => Answer::Count(n as u32 * 9),
            (QuestionKind::YesNo { .. }, n) => Answer::YesNo(n % 2 == 0),
            (QuestionKind::Pitfall(_), n) => Answer::Pitfall(PitfallLevel::ALL[n % 3]),
        };
        a.set_answer(q.id(), answer);
        if i % 10 == 0 {
            a.set_note(q.id(), "A note on this answer.");
        }
    }
    a
}

fn measure(name: &str, bank: &Bank, runs: usize) {
    let assessment = full_assessment(bank);
    let questions = bank.questions().count();
    let full = median(runs, || {
        black_box(report(black_box(bank), black_box(&assessment)));
    });
    let section = bank.sections().first().map(|s| {
        median(runs, || {
            black_box(section_score(black_box(s), black_box(&assessment)));
        })
    });
    let markdown = median(runs / 10, || {
        black_box(report(bank, &assessment).to_markdown());
    });
    println!("{name} ({questions} questions, median of {runs} runs):");
    println!("  report:               {full:>12.2?}");
    if let Some(section) = section {
        println!("  one section score:    {section:>12.2?}");
    }
    println!("  report + markdown:    {markdown:>12.2?}");
}

fn main() {
    // `cargo bench` passes `--bench`; any other argument is a filter we do not need.
    let load = median(20, || {
        black_box(Bank::from_json(black_box(include_str!("../../domain/bank/bank.json"))).ok());
    });
    println!("parsing and validating the built-in bank: {load:.2?}");
    measure("built-in bank", Bank::builtin(), 2_000);
    measure("synthetic bank", &synthetic_bank(), 500);
    stored_record(Bank::builtin());
}

/// Writing and reading back the largest stored record a person can make: every question
/// answered and noted, each note at its length limit and made of short lines, whose line
/// breaks the stored text writes as escapes. Start-up reads every record on the device.
fn stored_record(bank: &Bank) {
    let mut assessment = full_assessment(bank);
    let note = "A line.\n".repeat(MAX_NOTE_CHARS / 8);
    for question in bank.questions() {
        assessment.set_note(question.id(), note.as_str());
    }
    let stored = StoredAssessment {
        id: "a1".to_string(),
        created_ms: 0,
        updated_ms: 0,
        assessment,
    };
    let text = encode_stored(&stored);
    let write = median(50, || {
        black_box(encode_stored(black_box(&stored)));
    });
    let read = median(50, || {
        black_box(decode_stored(bank, black_box(&text)).ok());
    });
    println!(
        "the largest stored record ({} KB, {} line breaks, median of 50 runs):",
        text.len() / 1000,
        text.matches("\\n").count()
    );
    println!("  write:                {write:>12.2?}");
    println!("  read:                 {read:>12.2?}");
}
