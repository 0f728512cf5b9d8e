//! The portfolio file, a partnership as the device keeps it, and the portfolio's CSV.

use super::*;
use readiness_domain::assessment::Assessment;
use readiness_domain::bank::Bank;
use readiness_domain::made_up::{answer_at_random, Dice};
use readiness_domain::portfolio::view::*;
use readiness_domain::portfolio::{Portfolio, PortfolioResult};
use readiness_domain::samples::{
    four_partnerships as four, partnership_labels as labels, partnership_result as result,
};

fn bank() -> &'static Bank {
    Bank::builtin()
}

#[test]
fn the_csv_has_one_row_per_partnership_and_guards_formulas() {
    let mut portfolio = four();
    let key = portfolio.partnerships()[0].key;
    portfolio.rename(key, "=HYPERLINK(\"x\")");
    let view = portfolio_view(
        bank(),
        &portfolio,
        &PortfolioFilter::default(),
        PortfolioSort::Region,
    );
    let csv = portfolio_csv(&view);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 5, "a header and four partnerships");
    assert!(lines[0].starts_with("partnership,region,sector,step,"));
    assert!(lines[0].ends_with(&format!("Step {} readiness", view.steps.len())));
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""));
}

#[test]
fn the_portfolio_file_reads_back_the_same_portfolio() {
    let mut portfolio = four();
    portfolio.add(result("North Valley", "Health care", "2026-01-01", 9));
    let key = portfolio.partnerships()[1].key;
    portfolio.rename(key, "East Bay builders");
    let text = encode_portfolio_file(bank(), &portfolio, "2026-12-05");
    assert!(text.contains(PORTFOLIO_FORMAT));
    let read = decode_portfolio_file(bank(), &text).expect("reads");
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let back = Portfolio::from_partnerships(read.partnerships);
    assert_eq!(labels(&back), labels(&portfolio));
    for (a, b) in back.partnerships().iter().zip(portfolio.partnerships()) {
        assert_eq!(a.joins, b.joins);
        let ours: Vec<&Assessment> = a.results.iter().map(|r| &r.assessment).collect();
        let theirs: Vec<&Assessment> = b.results.iter().map(|r| &r.assessment).collect();
        assert_eq!(ours, theirs);
    }
    // Taken into the same portfolio, nothing is new and nothing doubles.
    let read = decode_portfolio_file(bank(), &text).expect("reads");
    let mut same = portfolio.clone();
    assert_eq!(same.take_in(read.partnerships), 0);
    assert_eq!(same.result_count(), portfolio.result_count());
    // Into an empty one, everything comes, names included.
    let read = decode_portfolio_file(bank(), &text).expect("reads");
    let mut empty = Portfolio::default();
    assert_eq!(empty.take_in(read.partnerships), portfolio.result_count());
    assert_eq!(labels(&empty), labels(&portfolio));
}

#[test]
fn a_damaged_result_is_listed_and_the_others_are_read() {
    let portfolio = four();
    let text = encode_portfolio_file(bank(), &portfolio, "2026-12-05");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("json");
    value["partnerships"][2]["results"][0]["link"] = "s=AAAA".into();
    let read = decode_portfolio_file(bank(), &value.to_string()).expect("reads the rest");
    assert_eq!(read.partnerships.len(), 3);
    assert_eq!(read.problems.len(), 1);
    assert!(
        read.problems[0].starts_with("Partnership 3, result 1: "),
        "{:?}",
        read.problems
    );
}

#[test]
fn files_that_are_not_portfolios_say_so() {
    let not = |text: &str| decode_portfolio_file(bank(), text).expect_err("refused");
    assert!(matches!(not("{"), PortfolioFileError::NotAPortfolio { .. }));
    assert!(matches!(
        not(r#"{"format":"readiness-check/export","version":1}"#),
        PortfolioFileError::NotAPortfolio { .. }
    ));
    assert_eq!(
        not(r#"{"format":"readiness-check/portfolio","version":2,"partnerships":[]}"#),
        PortfolioFileError::NewerVersion { found: 2 }
    );
    assert!(matches!(
        not(r#"{"format":"readiness-check/portfolio","version":0,"partnerships":[]}"#),
        PortfolioFileError::NotAPortfolio { .. }
    ));
    assert!(matches!(
        not(r#"{"format":"readiness-check/portfolio","version":1,"partnerships":5}"#),
        PortfolioFileError::NotAPortfolio { .. }
    ));
    assert!(matches!(
        not(&" ".repeat(MAX_PORTFOLIO_BYTES + 1)),
        PortfolioFileError::TooLarge { .. }
    ));
    let many = format!(
        r#"{{"format":"readiness-check/portfolio","version":1,"partnerships":[{}]}}"#,
        vec![r#"{"results":[]}"#; MAX_PARTNERSHIPS + 1].join(",")
    );
    assert!(matches!(not(&many), PortfolioFileError::TooMany { .. }));
}

#[test]
fn a_partnership_as_the_device_keeps_it_reads_back() {
    let portfolio = four();
    let row = &portfolio.partnerships()[0];
    let text = encode_partnership(bank(), row);
    let mut problems = Vec::new();
    let back = decode_partnership(bank(), &text, row.key, &mut problems)
        .expect("reads")
        .expect("has results");
    assert!(problems.is_empty());
    assert_eq!(back.key, row.key);
    assert_eq!(back.results[0].assessment, row.results[0].assessment);
    assert!(decode_partnership(bank(), "{", 1, &mut problems).is_err());
}

/// A made-up partnership's result: answers varied by a fixed-seed generator, a note on one
/// question in seven, two help areas.
fn made_up(dice: &mut Dice, partnership: usize, date: &str) -> PortfolioResult {
    let mut made = result(
        &format!("Region {partnership}"),
        ["Health care", "Advanced manufacturing", "Construction"][partnership % 3],
        date,
        0,
    );
    let assessment = &mut made.assessment;
    assessment.meta.respondent_role = "Convener".into();
    answer_at_random(bank(), assessment, dice);
    for (at, question) in bank().questions().enumerate().step_by(7) {
        assessment.set_note(
            question.id(),
            format!(
                "Discussed at the {date} meeting: the college and two employers agreed, \
                 the workforce board wants evidence first (item {at})."
            ),
        );
    }
    assessment.set_help_area("facilitation", true);
    assessment.ta_request.text =
        "A facilitated session with the employer champions before the launch meeting.".into();
    made
}

#[test]
fn two_hundred_partnerships_of_three_results_fit_the_storage_quota_with_room_to_spare() {
    let mut dice = Dice::new();
    let mut portfolio = Portfolio::default();
    for partnership in 0..200 {
        for date in ["2026-01-15", "2026-05-15", "2026-09-15"] {
            portfolio.add(made_up(&mut dice, partnership, date));
        }
    }
    assert_eq!(portfolio.partnerships().len(), 200);
    assert_eq!(portfolio.result_count(), 600);
    let notes: usize = portfolio
        .partnerships()
        .iter()
        .flat_map(|p| &p.results)
        .map(|r| r.assessment.notes().len())
        .sum();
    // What the device keeps: one entry per partnership, its key and its text. Browsers count
    // local storage in UTF-16 code units (keys included); the smallest quota of the three
    // engines is about 5 million of them (5 MiB in Firefox and WebKit, 5 MB in Chromium).
    let units: usize = portfolio
        .partnerships()
        .iter()
        .map(|p| {
            let key = format!("readiness-check/portfolio/{}", p.key);
            key.encode_utf16().count() + encode_partnership(bank(), p).encode_utf16().count()
        })
        .sum();
    let file = encode_portfolio_file(bank(), &portfolio, "2026-12-05");
    println!(
        "portfolio of 200 partnerships x 3 results ({notes} notes): {units} UTF-16 units on the \
         device ({:.1}% of a 5,000,000-unit quota), portfolio file {} bytes",
        units as f64 / 50_000.0,
        file.len()
    );
    assert!(
        units < 1_250_000,
        "{units} units: more than a quarter of the quota"
    );
}

/// The shipped schema, which the app serves at `schema/portfolio-v1.json` beside the export's.
const SCHEMA_V1: &str = include_str!("../../../../public/schema/portfolio-v1.json");

#[test]
fn portfolio_files_validate_against_the_shipped_schema() {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA_V1).expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the schema is valid");
    let mut portfolio = four();
    let key = portfolio.partnerships()[0].key;
    portfolio.rename(key, "North Valley health");
    let text = encode_portfolio_file(bank(), &portfolio, "2026-12-05");
    let file: serde_json::Value = serde_json::from_str(&text).expect("json");
    let errors: Vec<String> = validator
        .iter_errors(&file)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // And the schema refuses what the reader refuses.
    let mut bad = file.clone();
    bad["version"] = 2.into();
    assert!(!validator.is_valid(&bad));
    let mut bad = file;
    bad["partnerships"] = 5.into();
    assert!(!validator.is_valid(&bad));
}
