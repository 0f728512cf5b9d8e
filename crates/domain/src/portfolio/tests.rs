use std::cmp::Ordering;

use super::view::*;
use super::*;
use crate::answer::{Answer, ScalePoint};
use crate::bank::{Bank, Phase};
use crate::samples::{
    four_partnerships as four, partnership_labels as labels, partnership_result as result,
};

fn bank() -> &'static Bank {
    Bank::builtin()
}

fn answered(mut result: PortfolioResult, id: &str, answer: Answer) -> PortfolioResult {
    result.assessment.set_answer(id, answer);
    result
}

/// The portfolio at a glance as the screen opens it: every row, by step.
fn glance(portfolio: &Portfolio) -> PortfolioView<'_> {
    portfolio_view(
        bank(),
        portfolio,
        &PortfolioFilter::default(),
        PortfolioSort::Step,
    )
}

#[test]
fn results_of_one_region_and_sector_are_one_row_whatever_their_case_and_spacing() {
    let mut portfolio = Portfolio::default();
    let first = portfolio.add(result("North Valley", "Health care", "2026-03-01", 1));
    let Added::New { key } = first else {
        panic!("{first:?}")
    };
    assert_eq!(
        portfolio.add(result(" north  valley", "HEALTHCARE", "2026-09-01", 2)),
        Added::Joined { key }
    );
    assert_eq!(
        portfolio.add(result("North Valley", "Construction", "2026-09-01", 3)),
        Added::New { key: key + 1 }
    );
    // Named as the newest result writes it.
    assert_eq!(
        labels(&portfolio),
        ["north  valley · HEALTHCARE", "North Valley · Construction"]
    );
    assert_eq!(portfolio.partnership(key).map(|p| p.results.len()), Some(2));
    // A result that names neither region nor sector matches nothing, not even another such.
    let a = portfolio.add(result("", "", "2026-01-01", 4));
    let b = portfolio.add(result(" ", "", "2026-01-02", 5));
    assert!(matches!((a, b), (Added::New { .. }, Added::New { .. })));
    assert_eq!(labels(&portfolio)[2], "Unnamed partnership");
}

#[test]
fn the_newest_result_is_current_and_the_older_ones_its_history() {
    let mut portfolio = Portfolio::default();
    portfolio.add(result("North Valley", "Health care", "2026-09-01", 1));
    // An older result added later goes into the history, not on top.
    portfolio.add(answered(
        result("North Valley", "Health care", "2026-03-01", 2),
        "s1.convener",
        Answer::Scale(ScalePoint::Done),
    ));
    let row = &portfolio.partnerships()[0];
    let dates: Vec<&str> = row
        .results
        .iter()
        .map(|r| r.assessment.meta.date.as_str())
        .collect();
    assert_eq!(dates, ["2026-03-01", "2026-09-01"]);
    assert_eq!(
        row.current().map(|r| r.assessment.meta.date.as_str()),
        Some("2026-09-01")
    );
    // Same date: the one added later is the newer.
    portfolio.add(answered(
        result("North Valley", "Health care", "2026-09-01", 3),
        "s1.convener",
        Answer::Scale(ScalePoint::Started),
    ));
    let row = &portfolio.partnerships()[0];
    assert_eq!(row.current().map(|r| r.added_ms), Some(3));
}

#[test]
fn the_same_result_added_twice_is_kept_once() {
    let mut portfolio = Portfolio::default();
    let one = result("North Valley", "Health care", "2026-09-01", 1);
    let Added::New { key } = portfolio.add(one.clone()) else {
        panic!()
    };
    let mut again = one;
    again.added_ms = 99;
    again.origin = "a file".into();
    assert_eq!(portfolio.add(again), Added::Already { key });
    assert_eq!(portfolio.result_count(), 1);
}

#[test]
fn rows_are_renamed_merged_and_split_by_the_person() {
    let mut portfolio = Portfolio::default();
    portfolio.add(result("North Valley", "Health care", "2026-03-01", 1));
    portfolio.add(result("N. Valley", "Health care", "2026-09-01", 2));
    assert_eq!(portfolio.partnerships().len(), 2);
    let (a, b) = (
        portfolio.partnerships()[0].key,
        portfolio.partnerships()[1].key,
    );

    assert!(portfolio.rename(a, "  North Valley health  "));
    assert_eq!(labels(&portfolio)[0], "North Valley health");
    assert!(portfolio.merge(a, b));
    assert_eq!(portfolio.partnerships().len(), 1);
    assert_eq!(portfolio.result_count(), 2);
    assert!(!portfolio.merge(a, a), "a row is not merged into itself");
    // New results of either name now join the merged row.
    assert_eq!(
        portfolio.add(result("n. valley", "health care", "2026-10-01", 3)),
        Added::Joined { key: a }
    );
    assert_eq!(
        portfolio.add(result("North Valley", "Healthcare", "2026-11-01", 4)),
        Added::Joined { key: a }
    );
    // An empty name gives the row back its region and sector.
    assert!(portfolio.rename(a, "   "));
    assert_eq!(labels(&portfolio), ["North Valley · Healthcare"]);

    // A wrong match split off keeps its result and joins nothing.
    let split = portfolio.split(a, 0).expect("split");
    assert_eq!(portfolio.partnerships().len(), 2);
    assert_eq!(
        portfolio.partnership(split).map(|p| p.results.len()),
        Some(1)
    );
    assert_eq!(portfolio.partnership(a).map(|p| p.results.len()), Some(3));
    assert_eq!(
        portfolio.add(result("North Valley", "Health care", "2026-12-01", 5)),
        Added::Joined { key: a },
        "new results still join the row the result left"
    );
    assert_eq!(portfolio.split(split, 0), None, "a row's only result stays");
}

#[test]
fn a_removed_row_comes_back_where_it_was() {
    let mut portfolio = Portfolio::default();
    for (at, region) in ["A", "B", "C"].iter().enumerate() {
        portfolio.add(result(region, "Health care", "2026-09-01", at as u64));
    }
    let before = portfolio.clone();
    let key = portfolio.partnerships()[1].key;
    let (at, row) = portfolio.remove(key).expect("removed");
    assert_eq!(labels(&portfolio), ["A · Health care", "C · Health care"]);
    assert_eq!(portfolio.put_back(at, row), Some(key));
    assert_eq!(portfolio, before);
    // A result added again meanwhile is kept once.
    let (at, row) = portfolio.remove(key).expect("removed");
    portfolio.add(row.results[0].clone());
    assert_eq!(portfolio.put_back(at, row), None);
    assert_eq!(portfolio.result_count(), 3);
}

#[test]
fn the_view_counts_every_partnership_first() {
    let portfolio = four();
    let view = glance(&portfolio);
    assert_eq!(view.counts.partnerships, 4);
    assert_eq!(view.counts.results, 4);
    let at_step_total: usize = view.counts.at_step.iter().map(|(_, n)| n).sum();
    assert_eq!(at_step_total + view.counts.past_every, 4);
    assert_eq!(view.counts.at_step.len(), view.steps.len());
    assert_eq!(view.counts.blocked, 1);
    assert_eq!(view.showing(), "4 partnerships");
    let said = |line: CountLine| format!("{} {}", line.figure, line.words);
    let lines: Vec<String> = view.counts.lines().into_iter().map(said).collect();
    assert_eq!(lines[0], "4 partnerships (4 results)");
    assert_eq!(lines[1], "3 at step 1");
    assert_eq!(lines.len(), view.steps.len() + 3);
    assert_eq!(lines[lines.len() - 1], "1 blocked by a gate");
    let asked: Vec<String> = view.asks.iter().map(|a| said(a.count_line())).collect();
    assert!(
        asked.contains(&"2 ask for help with Facilitation".to_string()),
        "{asked:?}"
    );
    let facilitation: Vec<&str> = view
        .asks
        .iter()
        .filter(|asked| asked.area.id() == "facilitation")
        .flat_map(|asked| asked.by.iter().map(|(_, label)| label.as_str()))
        .collect();
    assert_eq!(
        facilitation,
        ["Coastal · Logistics", "North Valley · Health care"],
        "by name"
    );
    // Every row has one cell per launch step, and the blocked one says so in words.
    assert!(view
        .rows
        .iter()
        .all(|row| row.cells.len() == view.steps.len()));
    let north = view
        .rows
        .iter()
        .find(|row| row.region == "North Valley")
        .expect("row");
    assert!(north.blocked);
    assert_eq!(north.step, Some(1));
    assert_eq!(north.held_by.map(|gate| gate.id()), Some("s1.convener"));
    assert!(north.cells[0].in_words().starts_with("blocked, "));
    assert!(north.stands.starts_with("Step 1, "));
}

#[test]
fn the_view_does_not_depend_on_the_order_rows_were_added_or_read_in() {
    let added = four();
    // The device gives the rows back in any order after a reload.
    let mut rows = added.partnerships().to_vec();
    rows.reverse();
    let read_back = Portfolio::from_partnerships(rows);
    let names = |portfolio: &Portfolio, sort| {
        let view = portfolio_view(bank(), portfolio, &PortfolioFilter::default(), sort);
        let rows: Vec<String> = view.rows.iter().map(|row| row.label.clone()).collect();
        let asks: Vec<Vec<String>> = view
            .asks
            .iter()
            .map(|asked| asked.by.iter().map(|(_, name)| name.clone()).collect())
            .collect();
        (rows, asks)
    };
    let choices = |portfolio: &Portfolio| -> Vec<String> {
        portfolio
            .choices()
            .into_iter()
            .map(|(_, name)| name)
            .collect()
    };
    assert_eq!(choices(&added), choices(&read_back));
    assert_eq!(choices(&added)[0], "Alpine · Tourism", "by name");
    for sort in [
        PortfolioSort::Step,
        PortfolioSort::Date,
        PortfolioSort::Region,
        PortfolioSort::HelpArea,
    ] {
        assert_eq!(names(&added, sort), names(&read_back, sort), "{sort:?}");
    }
}

#[test]
fn names_are_ordered_as_a_person_reads_them() {
    let mut names = [
        "Region 10",
        "region 2",
        "Region 1",
        "North  Valley",
        "Region 02b",
        "northvalley",
        "Alpine",
    ];
    names.sort_by(|a, b| name_order(a, b).then_with(|| a.cmp(b)));
    assert_eq!(
        names,
        [
            "Alpine",
            "North  Valley",
            "northvalley",
            "Region 1",
            "region 2",
            "Region 02b",
            "Region 10"
        ]
    );
    assert_eq!(name_order("Region 007", "Region 7"), Ordering::Equal);
    assert_eq!(name_order("Region", "Region 1"), Ordering::Less);
}

#[test]
fn a_count_of_one_is_said_in_the_singular() {
    let mut portfolio = Portfolio::default();
    let mut one = result("North Valley", "Health care", "2026-09-01", 1);
    one.assessment.set_help_area("facilitation", true);
    portfolio.add(one);
    let view = glance(&portfolio);
    let first = &view.counts.lines()[0];
    assert_eq!(
        (first.figure, first.words.as_str()),
        (1, "partnership (1 result)")
    );
    let asked = view.asks[0].count_line();
    assert_eq!(
        (asked.figure, asked.words.as_str()),
        (1, "asks for help with Facilitation")
    );
    assert_eq!(view.showing(), "1 partnership");
}

#[test]
fn rows_are_filtered_and_sorted_as_asked() {
    let portfolio = four();
    let view = |filter: PortfolioFilter, sort| {
        portfolio_view(bank(), &portfolio, &filter, sort)
            .rows
            .iter()
            .map(|row| row.region.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        view(PortfolioFilter::default(), PortfolioSort::Region),
        ["Alpine", "Coastal", "East Bay", "North Valley"]
    );
    assert_eq!(
        view(PortfolioFilter::default(), PortfolioSort::Date),
        ["East Bay", "North Valley", "Coastal", "Alpine"],
        "newest first; a result without a date last"
    );
    let by_step = view(PortfolioFilter::default(), PortfolioSort::Step);
    assert_eq!(by_step[0], "North Valley", "at step 1 and blocked: first");
    assert_eq!(by_step.last().map(String::as_str), Some("East Bay"));
    let by_help = view(PortfolioFilter::default(), PortfolioSort::HelpArea);
    assert_eq!(&by_help[..2], ["Coastal", "North Valley"], "ties by name");

    let blocked = PortfolioFilter {
        blocked_only: true,
        ..PortfolioFilter::default()
    };
    assert_eq!(view(blocked, PortfolioSort::Step), ["North Valley"]);
    let help = PortfolioFilter {
        help_area: Some("facilitation".into()),
        ..PortfolioFilter::default()
    };
    assert_eq!(
        view(help.clone(), PortfolioSort::Region),
        ["Coastal", "North Valley"]
    );
    let shown = portfolio_view(bank(), &portfolio, &help, PortfolioSort::Region);
    assert_eq!(shown.showing(), "Showing 2 of 4 partnerships");
    assert_eq!(shown.counts.partnerships, 4, "counts stay over everyone");
    let past = PortfolioFilter {
        step: Some(StepFilter::PastEvery),
        ..PortfolioFilter::default()
    };
    assert_eq!(view(past, PortfolioSort::Step), ["East Bay"]);
    let step1 = PortfolioFilter {
        step: Some(StepFilter::At(1)),
        ..PortfolioFilter::default()
    };
    assert!(view(step1, PortfolioSort::Step).contains(&"North Valley".to_string()));
    let phase = PortfolioFilter {
        phase: Some(Phase::Performing),
        ..PortfolioFilter::default()
    };
    assert!(view(phase, PortfolioSort::Step).is_empty());
}

#[test]
fn a_result_of_an_older_bank_is_named_with_its_bank() {
    let mut portfolio = Portfolio::default();
    let mut old = result("North Valley", "Health care", "2026-01-01", 1);
    old.assessment.meta.bank_version = "2026.1".into();
    portfolio.add(old);
    let view = glance(&portfolio);
    let row = &view.rows[0];
    assert!(row.other_bank);
    assert_eq!(
        row.bank_words(bank()),
        format!("answered with bank 2026.1, read with {}", bank().version())
    );
}

#[test]
fn a_row_says_what_holds_it_what_it_asks_for_and_how_many_results_it_has() {
    let portfolio = four();
    let view = glance(&portfolio);
    let north = view
        .rows
        .iter()
        .find(|row| row.region == "North Valley")
        .expect("row");
    let gate = bank().question("s1.convener").expect("gate");
    assert_eq!(
        north.held_words(),
        Some(format!("Held by: {}", gate.label()))
    );
    assert_eq!(north.help_words(), "Facilitation");
    assert_eq!(north.latest_words(), "2026-09-01");
    assert_eq!(north.history_words(), None, "one result: no history line");
    let undated = view
        .rows
        .iter()
        .find(|row| row.date.is_empty())
        .expect("row");
    assert_eq!(undated.latest_words(), "No date");

    let mut twice = Portfolio::default();
    twice.add(result("North Valley", "Health care", "2026-01-01", 1));
    twice.add(result("North Valley", "Health care", "2026-06-01", 2));
    let view = glance(&twice);
    assert_eq!(view.rows[0].history_words().as_deref(), Some("2 results"));
    let [before, after] = twice.partnerships()[0].results.as_slice() else {
        panic!("two results");
    };
    assert_eq!(
        progress_heading(before, after),
        "Progress from 2026-01-01 to 2026-06-01"
    );
    assert_eq!(after.split_words(), "Split off the result of 2026-06-01");
    assert!(after.history_line().starts_with("2026-06-01 · "));
    assert!(after.history_line().ends_with(" · share link"));
    let mut undated = after.clone();
    undated.assessment.meta.date.clear();
    assert_eq!(undated.split_words(), "Split off the result without a date");
    assert_eq!(progress_heading(&undated, after), "Progress to 2026-06-01");
    assert!(undated.history_line().starts_with("No date · "));
}

#[test]
fn the_printed_portfolio_says_when_it_was_printed() {
    assert_eq!(printed_on("2026-12-05"), "Printed on 2026-12-05");
}
