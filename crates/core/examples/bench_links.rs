//! Prints share links of made-up results, one a line: respondents of one partnership for the
//! group view (`cargo run -p readiness-core --example bench_links -- 50`), or named partnerships
//! with dated results for the portfolio (`... -- 30 partnerships 2`: 30 partnerships of two
//! results each, each in its own region, sectors taking turns, results four months apart).
//!
//! The answers are varied with a fixed-seed generator, so every run prints the same links and
//! each result differs from the others as real ones would.

use readiness_core::made_up::{answer_at_random, Dice};
use readiness_core::{encode_share_link, Assessment, Bank};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(50);
    let partnerships = args.get(2).is_some_and(|mode| mode == "partnerships");
    let results_each: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1);
    let bank = Bank::builtin();
    let mut dice = Dice::new();
    let sectors = [
        "Health care",
        "Advanced manufacturing",
        "Construction",
        "Logistics",
    ];
    let dates = ["2026-11-23", "2026-07-23", "2026-03-23", "2025-11-23"];
    let results = if partnerships {
        count * results_each
    } else {
        count
    };
    for at in 0..results {
        let mut assessment = Assessment::new(bank);
        if partnerships {
            let (partnership, result) = (at / results_each, at % results_each);
            assessment.meta.region = format!("Region {}", partnership + 1);
            assessment.meta.sector = sectors[partnership % sectors.len()].into();
            assessment.meta.respondent_role = "Convener".into();
            assessment.meta.date = dates[result % dates.len()].into();
            let areas = bank.help_areas();
            assessment.set_help_area(areas[partnership % areas.len()].id(), true);
        } else {
            assessment.meta.region = "North Valley".into();
            assessment.meta.sector = "Advanced manufacturing".into();
            assessment.meta.respondent_role = format!("Respondent {}", at + 1);
            assessment.meta.date = "2026-11-23".into();
        }
        answer_at_random(bank, &mut assessment, &mut dice);
        println!("http://127.0.0.1/#{}", encode_share_link(bank, &assessment));
    }
}
