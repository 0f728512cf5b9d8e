//! The portfolio's guarantees on a device of two maps, as the assessments' are tested.

use super::*;
use readiness_domain::assessment::Assessment;
use readiness_links::link_formats;
use readiness_links::share_link::encode_share_link;
use readiness_workspace::test_device::{dispatch, Device};

fn bank() -> &'static Bank {
    Bank::builtin()
}

/// Runs one event and every effect that follows, as the shell does.
fn send(page: &mut PortfolioWorkspace, device: &mut Device, event: PortfolioEvent) {
    let mut queue = std::collections::VecDeque::from([event]);
    while let Some(event) = queue.pop_front() {
        for effect in page.update(event) {
            queue.extend(device.run(effect).map(PortfolioEvent::Device));
        }
    }
}

fn opened(device: &mut Device, shared_mode: bool) -> PortfolioWorkspace {
    let mut page = PortfolioWorkspace::new(bank(), shared_mode);
    send(&mut page, device, PortfolioEvent::Open);
    assert!(page.is_read());
    page
}

/// A share link of a partnership of this region, on this date.
fn link(region: &str, date: &str) -> String {
    let mut assessment = Assessment::new(bank());
    assessment.meta.region = region.into();
    assessment.meta.sector = "Health care".into();
    assessment.meta.date = date.into();
    format!(
        "https://example.org/check/#{}",
        encode_share_link(bank(), &assessment)
    )
}

fn paste(page: &mut PortfolioWorkspace, device: &mut Device, text: String, tag: &str) {
    let fresh_ids = (0..64).map(|i| format!("{tag}{i}")).collect();
    send(
        page,
        device,
        PortfolioEvent::Paste {
            text,
            now_ms: 1,
            fresh_ids,
        },
    );
}

/// A device and a page whose portfolio holds partnerships A and B.
fn with_a_and_b() -> (Device, PortfolioWorkspace) {
    let mut device = Device::default();
    let mut page = opened(&mut device, false);
    paste(
        &mut page,
        &mut device,
        format!("{}\n{}", link("A", "2026-01-01"), link("B", "2026-01-01")),
        "a",
    );
    (device, page)
}

fn regions(page: &PortfolioWorkspace) -> Vec<String> {
    let mut regions: Vec<String> = page
        .portfolio()
        .partnerships()
        .iter()
        .filter_map(|p| p.current())
        .map(|r| r.assessment.meta.region.clone())
        .collect();
    regions.sort();
    regions
}

fn entries(device: &Device) -> usize {
    device
        .local
        .keys()
        .filter(|key| key.starts_with(PORTFOLIO_PREFIX))
        .count()
}

#[test]
fn a_pasted_block_adds_every_link_lists_the_damaged_lines_and_is_kept() {
    let mut device = Device::default();
    let mut page = opened(&mut device, false);
    let mut text = String::from("Hello, here are the regions' results:\n\n");
    for n in 1..=30 {
        text.push_str(&format!(
            "Region {n}: {}\n",
            link(&format!("Region {n}"), "2026-11-01")
        ));
    }
    let good = link("Region 31", "2026-11-01");
    text.push_str(&format!("{}\n", &good[..good.len() - 10]));
    text.push_str("https://example.org/check/#s=%%%\nThanks!\n");
    paste(&mut page, &mut device, text, "a");
    assert_eq!(page.portfolio().partnerships().len(), 30);
    assert_eq!(page.addition().new_rows, 30);
    let problems = &page.addition().problems;
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("Line 33: "), "{problems:?}");
    assert!(problems[1].starts_with("Line 34: "), "{problems:?}");
    assert_eq!(
        page.addition().sentence().as_deref(),
        Some("Added 30 results: 30 new partnerships.")
    );
    assert_eq!(entries(&device), 30);
    assert_eq!(page.status(), &SaveStatus::Saved);

    // The same block again: nothing doubles.
    let again: String = (1..=3)
        .map(|n| link(&format!("Region {n}"), "2026-11-01") + "\n")
        .collect();
    paste(&mut page, &mut device, again, "b");
    assert_eq!(page.addition().already, 3);
    assert_eq!(page.portfolio().result_count(), 30);

    // A later result of one of them joins its row.
    paste(&mut page, &mut device, link("region 2", "2026-12-01"), "c");
    assert_eq!(page.addition().joined, 1);
    assert_eq!(page.portfolio().partnerships().len(), 30);

    // A reload reads back the same portfolio.
    let reloaded = opened(&mut device, false);
    assert_eq!(regions(&reloaded), regions(&page));
    assert_eq!(reloaded.portfolio().result_count(), 31);
}

#[test]
fn a_full_device_keeps_the_additions_on_the_page_says_so_and_writes_them_on_try_again() {
    let mut device = Device::default();
    let mut page = opened(&mut device, false);
    device.full = true;
    paste(&mut page, &mut device, link("North", "2026-11-01"), "a");
    assert_eq!(page.portfolio().partnerships().len(), 1, "on the page");
    assert!(matches!(
        page.status(),
        SaveStatus::Failed(StorageError::Full)
    ));
    assert_eq!(entries(&device), 0);
    // Another change of the same row while full: still one pending row.
    let key = page.portfolio().partnerships()[0].key;
    send(
        &mut page,
        &mut device,
        PortfolioEvent::Rename {
            key,
            name: "North health".into(),
        },
    );
    device.full = false;
    send(&mut page, &mut device, PortfolioEvent::Retry);
    assert_eq!(page.status(), &SaveStatus::Saved);
    let reloaded = opened(&mut device, false);
    assert_eq!(
        reloaded.portfolio().partnerships()[0].label(),
        "North health"
    );
}

#[test]
fn an_entry_that_cannot_be_read_is_set_aside_and_the_rest_read() {
    let (mut device, _) = with_a_and_b();
    device.local.insert(
        format!("{PORTFOLIO_PREFIX}broken"),
        "{\"results\": 5".into(),
    );
    let reloaded = opened(&mut device, false);
    assert_eq!(regions(&reloaded), ["A", "B"]);
    assert_eq!(reloaded.set_aside().len(), 1);
    assert!(reloaded.set_aside()[0]
        .reason
        .starts_with("A partnership of the portfolio could not be read"));
    assert!(!device
        .local
        .contains_key(&format!("{PORTFOLIO_PREFIX}broken")));
    assert!(
        device
            .local
            .iter()
            .any(|(key, text)| key.starts_with(SET_ASIDE_PREFIX)
                && text.ends_with("{\"results\": 5")),
        "kept under a key of its own, as it was"
    );
}

#[test]
fn two_tabs_keep_each_other_s_additions() {
    let mut device = Device::default();
    let mut one = opened(&mut device, false);
    let mut two = opened(&mut device, false);
    paste(&mut one, &mut device, link("East", "2026-01-01"), "one");
    paste(&mut two, &mut device, link("West", "2026-01-01"), "two");
    // Each hears of the other's entry, as a storage event tells it.
    let keys: Vec<String> = device
        .local
        .keys()
        .filter(|key| key.starts_with(PORTFOLIO_PREFIX))
        .cloned()
        .collect();
    for key in &keys {
        send(
            &mut one,
            &mut device,
            PortfolioEvent::Device(Event::OtherTab(Some(key.clone()))),
        );
        send(
            &mut two,
            &mut device,
            PortfolioEvent::Device(Event::OtherTab(Some(key.clone()))),
        );
    }
    assert_eq!(regions(&one), ["East", "West"]);
    assert_eq!(regions(&two), ["East", "West"]);
    assert_eq!(regions(&opened(&mut device, false)), ["East", "West"]);
}

#[test]
fn shared_computer_mode_writes_nothing() {
    let mut device = Device::default();
    let mut page = opened(&mut device, true);
    paste(&mut page, &mut device, link("North", "2026-11-01"), "a");
    assert_eq!(page.portfolio().partnerships().len(), 1);
    assert_eq!(page.status(), &SaveStatus::NotSaving);
    assert!(device.local.is_empty());
}

#[test]
fn forgetting_everything_forgets_the_portfolio_too() {
    let mut device = Device::default();
    let mut page = opened(&mut device, false);
    paste(&mut page, &mut device, link("North", "2026-11-01"), "a");
    assert_eq!(entries(&device), 1);
    // "Forget everything" is the app's workspace's; its effect removes every key of the app.
    let mut app = Workspace::with_link_formats(bank(), link_formats());
    dispatch(&mut app, &mut device, Event::Start);
    dispatch(&mut app, &mut device, Event::ForgetEverything);
    assert_eq!(entries(&device), 0);
    send(
        &mut page,
        &mut device,
        PortfolioEvent::Device(Event::OtherTab(None)),
    );
    assert!(page.portfolio().partnerships().is_empty());
}

#[test]
fn removing_a_partnership_can_be_undone() {
    let (mut device, mut page) = with_a_and_b();
    let key = page.portfolio().partnerships()[0].key;
    send(&mut page, &mut device, PortfolioEvent::Remove(key));
    assert_eq!(regions(&page), ["B"]);
    assert_eq!(entries(&device), 1);
    assert!(page.removed().is_some());
    send(&mut page, &mut device, PortfolioEvent::UndoRemove);
    assert_eq!(regions(&page), ["A", "B"]);
    assert_eq!(
        page.portfolio().partnerships()[0]
            .current()
            .map(|r| r.assessment.meta.region.as_str()),
        Some("A"),
        "back where it was"
    );
    assert_eq!(regions(&opened(&mut device, false)), ["A", "B"]);
}

#[test]
fn merged_and_split_rows_are_kept_as_the_person_left_them() {
    let mut device = Device::default();
    let mut page = opened(&mut device, false);
    paste(
        &mut page,
        &mut device,
        format!(
            "{}\n{}",
            link("North Valley", "2026-01-01"),
            link("N. Valley", "2026-06-01")
        ),
        "a",
    );
    let (a, b) = (
        page.portfolio().partnerships()[0].key,
        page.portfolio().partnerships()[1].key,
    );
    send(
        &mut page,
        &mut device,
        PortfolioEvent::Merge { into: a, from: b },
    );
    assert_eq!(entries(&device), 1, "the merged row's entry goes");
    let reloaded = opened(&mut device, false);
    assert_eq!(reloaded.portfolio().partnerships().len(), 1);
    assert_eq!(reloaded.portfolio().result_count(), 2);

    send(
        &mut page,
        &mut device,
        PortfolioEvent::Split {
            key: a,
            index: 0,
            fresh_id: "split".into(),
        },
    );
    assert_eq!(entries(&device), 2);
    assert_eq!(
        opened(&mut device, false).portfolio().partnerships().len(),
        2
    );
}

#[test]
fn the_news_of_an_addition_reads_as_a_sentence() {
    let news = |new_rows, joined, already| PortfolioAddition {
        new_rows,
        joined,
        already,
        problems: Vec::new(),
    };
    assert_eq!(news(0, 0, 0).sentence(), None);
    assert_eq!(
        news(27, 1, 2).sentence().as_deref(),
        Some("Added 28 results: 27 new partnerships, 1 joined a partnership already here. 2 results were already in the portfolio, kept once.")
    );
    assert_eq!(
        news(0, 0, 1).sentence().as_deref(),
        Some("1 result was already in the portfolio, kept once.")
    );
}

#[test]
fn a_portfolio_file_comes_back_with_its_names_and_merges() {
    let (mut device, mut page) = with_a_and_b();
    let (a, b) = (
        page.portfolio().partnerships()[0].key,
        page.portfolio().partnerships()[1].key,
    );
    send(
        &mut page,
        &mut device,
        PortfolioEvent::Rename {
            key: a,
            name: "Alpha and Beta".into(),
        },
    );
    send(
        &mut page,
        &mut device,
        PortfolioEvent::Merge { into: a, from: b },
    );
    let file = readiness_links::portfolio_file::encode_portfolio_file(
        bank(),
        page.portfolio(),
        "2026-12-05",
    );

    // Into an empty portfolio on another device: one row, its name and both results.
    let mut other = Device::default();
    let mut fresh = opened(&mut other, false);
    let read =
        readiness_links::portfolio_file::decode_portfolio_file(bank(), &file).expect("reads");
    send(
        &mut fresh,
        &mut other,
        PortfolioEvent::TakeIn {
            read,
            fresh_ids: vec!["f1".into()],
        },
    );
    assert_eq!(fresh.portfolio().partnerships().len(), 1);
    assert_eq!(
        fresh.portfolio().partnerships()[0].label(),
        "Alpha and Beta"
    );
    assert_eq!(fresh.addition().new_rows, 1);
    assert_eq!(fresh.addition().already, 0);
    assert_eq!(opened(&mut other, false).portfolio().result_count(), 2);

    // Into the portfolio it came from: nothing new, nothing doubled.
    let read =
        readiness_links::portfolio_file::decode_portfolio_file(bank(), &file).expect("reads");
    send(
        &mut page,
        &mut device,
        PortfolioEvent::TakeIn {
            read,
            fresh_ids: Vec::new(),
        },
    );
    assert_eq!(page.addition().already, 2);
    assert_eq!(page.portfolio().result_count(), 2);
}
