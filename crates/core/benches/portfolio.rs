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

use readiness_core::made_up::{answer_at_random, Dice};
use readiness_core::portfolio::view::{portfolio_view, PortfolioFilter, PortfolioSort};
use readiness_core::{encode_share_link, Assessment, Bank, PortfolioEvent, PortfolioWorkspace};

/// A block of `count` share links of made-up partnerships, one a line, as an email holds them:
/// answers varied by a seeded generator, a note on one question in seven.
fn pasted_block(bank: &Bank, count: usize) -> String {
    let mut dice = Dice::new();
    let mut block = String::from("Hello, here are the results the regions sent:\n");
    for partnership in 0..count {
        let mut assessment = Assessment::new(bank);
        assessment.meta.region = format!("Region {}", partnership + 1);
        assessment.meta.sector = "Health care".into();
        assessment.meta.date = "2026-11-23".into();
        answer_at_random(bank, &mut assessment, &mut dice);
        for question in bank.questions().step_by(7) {
            assessment.set_note(question.id(), "Agreed at the last meeting.");
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
