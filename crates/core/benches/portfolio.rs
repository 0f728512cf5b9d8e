//! How long the portfolio takes: the median time to add a pasted block of 200 share links (read,
//! matched and written as the device keeps them), and to read 200 partnerships at a glance
//! (every partnership's report, the counts, the heat map's cells, who asks for what).
//!
//! This is a measurement to read, not a test with a time limit: machines differ too much for a
//! timed assertion to mean anything. Run it with `cargo bench -p readiness-core --bench
//! portfolio`. The browser's figures (drawing the screen) come from `tests/bench/browser.mjs`.

use std::hint::black_box;

mod timing;
use timing::median;

use readiness_core::portfolio::view::{portfolio_view, PortfolioFilter, PortfolioSort};
use readiness_core::{
    encode_share_link, Agreement, Answer, Assessment, Bank, PitfallLevel, PortfolioEvent,
    PortfolioWorkspace, QuestionKind, ScalePoint,
};

/// A block of `count` share links of made-up partnerships, one a line, as an email holds them:
/// answers varied by a seeded generator, a note on one question in seven.
fn pasted_block(bank: &Bank, count: usize) -> String {
    let mut state: u64 = 0x5eed;
    let mut next = move |below: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % below
    };
    let mut block = String::from("Hello, here are the results the regions sent:\n");
    for partnership in 0..count {
        let mut assessment = Assessment::new(bank);
        assessment.meta.region = format!("Region {}", partnership + 1);
        assessment.meta.sector = "Health care".into();
        assessment.meta.date = "2026-11-23".into();
        for (at, question) in bank.questions().enumerate() {
            let answer = match (next(20), question.kind()) {
                (0 | 1, _) => continue,
                (2, _) => Answer::DontKnow,
                (_, QuestionKind::Scale) => Answer::Scale(ScalePoint::ALL[next(4) as usize]),
                (_, QuestionKind::Agreement(_)) => {
                    Answer::Agreement(Agreement::ALL[next(4) as usize])
                }
                (_, QuestionKind::Count(_)) => Answer::Count(next(40) as u32 + 1),
                (_, QuestionKind::YesNo { .. }) => Answer::YesNo(next(2) == 0),
                (_, QuestionKind::Pitfall(_)) => {
                    Answer::Pitfall(PitfallLevel::ALL[next(3) as usize])
                }
            };
            assessment.set_answer(question.id(), answer);
            if at % 7 == 0 {
                assessment.set_note(question.id(), "Agreed at the last meeting.");
            }
        }
        block.push_str(&format!(
            "https://example.org/check/#{}\n",
            encode_share_link(bank, &assessment)
        ));
    }
    block
}

fn main() {
    let bank = Bank::builtin();
    let block = pasted_block(bank, 200);
    let fresh_ids: Vec<String> = (0..200).map(|n| format!("p{n}")).collect();
    let paste = || {
        let mut page = PortfolioWorkspace::new(bank, false);
        let effects = page.update(PortfolioEvent::Paste {
            text: block.clone(),
            now_ms: 1,
            fresh_ids: fresh_ids.clone(),
        });
        (page, effects)
    };
    println!("portfolio on the built-in bank, median of the runs shown:");
    let paste_time = median(20, || {
        black_box(paste());
    });
    let (page, effects) = paste();
    println!(
        "  paste of 200 share links ({} KB), read, matched and written: {paste_time:>10.2?}  (20 runs; {} partnerships, {} writes)",
        block.len() / 1000,
        page.portfolio().partnerships().len(),
        effects.len()
    );
    let view_time = median(50, || {
        black_box(portfolio_view(
            bank,
            black_box(page.portfolio()),
            &PortfolioFilter::default(),
            PortfolioSort::Step,
        ));
    });
    println!(
        "  portfolio_view, 200 partnerships:                      {view_time:>10.2?}  (50 runs)"
    );
}
