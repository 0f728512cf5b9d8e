//! The workspace's rules, run against a device made of two maps, the way the browser shell runs
//! them against local and session storage.

use super::*;
use readiness_domain::answer::{Answer, ScalePoint};
use readiness_links::link_formats;
use readiness_links::share_link::encode_share_link;

fn bank() -> &'static Bank {
    Bank::builtin()
}

pub(super) use crate::test_device::{dispatch, Device};

pub(super) fn at(ms: u64, id: &str) -> Stamp {
    Stamp {
        now_ms: ms,
        today: "2026-12-02".to_string(),
        fresh_id: id.to_string(),
    }
}

pub(super) fn meta(region: &str) -> Meta {
    Meta {
        region: region.to_string(),
        sector: "Health care".to_string(),
        respondent_role: "Convener".to_string(),
        ..Meta::default()
    }
}

fn answer(question: &str, point: ScalePoint) -> Edit {
    Edit::SetAnswer {
        question: question.to_string(),
        answer: Answer::Scale(point),
    }
}

fn started(device: &mut Device) -> Workspace {
    let mut workspace = Workspace::with_link_formats(bank(), link_formats());
    dispatch(&mut workspace, device, Event::Start);
    workspace
}

fn create(workspace: &mut Workspace, device: &mut Device, id: &str, region: &str) {
    dispatch(
        workspace,
        device,
        Event::Create {
            meta: Box::new(meta(region)),
            coach: None,
            at: at(1_000, id),
        },
    );
}

fn edit(workspace: &mut Workspace, device: &mut Device, id: &str, edit: Edit, ms: u64) {
    dispatch(
        workspace,
        device,
        Event::Edit {
            id: id.to_string(),
            edit,
            now_ms: ms,
        },
    );
}

/// The answers to the two questions the tests answer, as scale points.
fn two_answers(assessment: &Assessment) -> [Option<ScalePoint>; 2] {
    ["s1.convener", "s1.same-page"].map(|question| match assessment.answer(question) {
        Some(Answer::Scale(point)) => Some(point),
        _ => None,
    })
}

/// The assessment stored under `id` on the device, read back as a new tab would.
pub(super) fn stored(device: &Device, id: &str) -> Option<Assessment> {
    let text = device.local.get(&assessment_key(id))?;
    decode_stored(bank(), text)
        .ok()
        .map(|d| d.stored.assessment)
}

#[test]
fn a_new_assessment_is_dated_saved_and_read_back_by_the_next_page() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", "North Valley");
    assert_eq!(device.take_log(), ["write readiness-check:assessment:a1"]);
    assert_eq!(workspace.status(), &SaveStatus::Saved);
    let made = &workspace.assessments()[0];
    assert_eq!(made.assessment.meta.date, "2026-12-02");
    assert_eq!(made.assessment.meta.bank_version, bank().version());

    edit(
        &mut workspace,
        &mut device,
        "a1",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    let again = started(&mut device);
    assert_eq!(again.assessments(), workspace.assessments());
    assert!(!workspace.has_pending());
}

#[test]
fn two_tabs_editing_one_assessment_keep_each_others_answers() {
    let mut device = Device::default();
    let mut first = started(&mut device);
    create(&mut first, &mut device, "a1", "North Valley");
    let mut second = started(&mut device);

    edit(
        &mut first,
        &mut device,
        "a1",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    // The second tab has not followed the first yet: its write lands on what is stored now.
    edit(
        &mut second,
        &mut device,
        "a1",
        answer("s1.same-page", ScalePoint::Started),
        2_500,
    );
    let both = stored(&device, "a1").expect("stored");
    assert_eq!(
        two_answers(&both),
        [Some(ScalePoint::Done), Some(ScalePoint::Started)]
    );
    assert_eq!(second.assessment("a1").map(|s| &s.assessment), Some(&both));

    // The browser tells the first tab; it follows, and shows both answers too.
    dispatch(
        &mut first,
        &mut device,
        Event::OtherTab(Some(assessment_key("a1"))),
    );
    assert_eq!(first.assessment("a1").map(|s| &s.assessment), Some(&both));
}

#[test]
fn following_another_tab_keeps_this_pages_unsaved_edits_on_top() {
    let mut device = Device::default();
    let mut first = started(&mut device);
    create(&mut first, &mut device, "a1", "North Valley");
    let mut second = started(&mut device);

    device.full = true;
    edit(
        &mut first,
        &mut device,
        "a1",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    device.full = false;
    edit(
        &mut second,
        &mut device,
        "a1",
        answer("s1.same-page", ScalePoint::Mostly),
        2_500,
    );
    dispatch(
        &mut first,
        &mut device,
        Event::OtherTab(Some(assessment_key("a1"))),
    );
    let shown = &first.assessment("a1").expect("shown").assessment;
    assert_eq!(
        two_answers(shown),
        [Some(ScalePoint::Done), Some(ScalePoint::Mostly)]
    );
    assert!(first.has_pending(), "following writes nothing");
}

/// An assessment "a1" whose lead convener was answered Done while the device was full.
fn answered_on_a_full_device() -> (Workspace, Device) {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", "North Valley");
    device.full = true;
    edit(
        &mut workspace,
        &mut device,
        "a1",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    (workspace, device)
}

#[test]
fn a_full_device_leaves_edits_pending_and_the_next_write_sends_them() {
    let (mut workspace, mut device) = answered_on_a_full_device();
    assert_eq!(workspace.status(), &SaveStatus::Failed(StorageError::Full));
    assert!(workspace.has_device_notice());
    assert!(workspace.has_pending());
    assert_eq!(
        stored(&device, "a1").and_then(|a| a.answer("s1.convener")),
        None
    );
    // The page still shows the answer.
    assert_eq!(
        workspace
            .assessment("a1")
            .and_then(|s| s.assessment.answer("s1.convener")),
        Some(Answer::Scale(ScalePoint::Done))
    );

    device.full = false;
    edit(
        &mut workspace,
        &mut device,
        "a1",
        answer("s1.same-page", ScalePoint::Started),
        3_000,
    );
    let saved = stored(&device, "a1").expect("stored");
    assert_eq!(
        two_answers(&saved),
        [Some(ScalePoint::Done), Some(ScalePoint::Started)]
    );
    assert_eq!(workspace.status(), &SaveStatus::Saved);
    assert!(!workspace.has_pending());
}

#[test]
fn try_again_writes_what_is_pending_or_asks_whether_storage_works() {
    let (mut workspace, mut device) = answered_on_a_full_device();
    dispatch(&mut workspace, &mut device, Event::Retry);
    assert_eq!(workspace.status(), &SaveStatus::Failed(StorageError::Full));

    device.full = false;
    device.take_log();
    dispatch(&mut workspace, &mut device, Event::Retry);
    assert_eq!(device.take_log(), ["write readiness-check:assessment:a1"]);
    assert_eq!(workspace.status(), &SaveStatus::Saved);
    assert!(stored(&device, "a1")
        .and_then(|a| a.answer("s1.convener"))
        .is_some());

    // Nothing pending: a probe answers.
    device.off = true;
    dispatch(&mut workspace, &mut device, Event::Retry);
    assert_eq!(
        workspace.status(),
        &SaveStatus::Failed(StorageError::Unavailable)
    );
}

#[test]
fn one_write_that_works_does_not_say_saved_while_other_edits_wait() {
    let (mut workspace, mut device) = answered_on_a_full_device();
    device.full = false;
    create(&mut workspace, &mut device, "a2", "South Coast");
    assert!(stored(&device, "a2").is_some());
    // a1's answer is still only on the page: saving has not worked for it.
    assert_eq!(workspace.status(), &SaveStatus::Failed(StorageError::Full));
    assert!(workspace.has_pending());

    dispatch(&mut workspace, &mut device, Event::Retry);
    assert_eq!(workspace.status(), &SaveStatus::Saved);
    assert!(stored(&device, "a1").is_some_and(|a| a.answer("s1.convener").is_some()));
}

#[test]
fn a_new_assessment_the_device_refused_is_written_by_try_again() {
    let mut device = Device {
        full: true,
        ..Device::default()
    };
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", "North Valley");
    assert_eq!(workspace.status(), &SaveStatus::Failed(StorageError::Full));
    assert!(workspace.has_pending());

    device.full = false;
    device.take_log();
    dispatch(&mut workspace, &mut device, Event::Retry);
    assert_eq!(device.take_log(), ["write readiness-check:assessment:a1"]);
    assert_eq!(workspace.status(), &SaveStatus::Saved);
    assert!(!workspace.has_pending());
    let again = started(&mut device);
    assert_eq!(again.assessments(), workspace.assessments());
}

#[test]
fn following_another_tabs_delete_lets_go_of_the_unsaved_edits_it_held() {
    let (mut first, mut device) = answered_on_a_full_device();
    let mut second = started(&mut device);
    dispatch(&mut second, &mut device, Event::Delete("a1".to_string()));
    dispatch(
        &mut first,
        &mut device,
        Event::OtherTab(Some(assessment_key("a1"))),
    );
    assert!(first.assessment("a1").is_none());
    assert!(!first.has_pending(), "nothing waits for an assessment gone");

    device.full = false;
    dispatch(&mut first, &mut device, Event::Retry);
    assert_eq!(first.status(), &SaveStatus::Saved);
    assert!(stored(&device, "a1").is_none(), "the delete holds");
}

#[test]
fn unreadable_text_is_set_aside_unchanged_and_the_rest_still_opens() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "good", "North Valley");
    device
        .local
        .insert(assessment_key("bad"), "{not a record".to_string());

    let workspace = started(&mut device);
    assert_eq!(workspace.assessments().len(), 1);
    let [entry] = workspace.set_aside() else {
        panic!("one entry set aside: {:?}", workspace.set_aside());
    };
    assert_eq!(entry.raw, "{not a record");
    assert!(entry
        .reason
        .starts_with("A saved assessment could not be read"));
    assert!(entry.key.starts_with(SET_ASIDE_PREFIX));
    assert!(!device.local.contains_key(&assessment_key("bad")));
    let kept = device.local.get(&entry.key).expect("moved aside");
    assert!(kept.ends_with("\n{not a record"));

    // The next page finds it set aside, as it was.
    let next = started(&mut device);
    assert_eq!(next.set_aside(), workspace.set_aside());
}

#[test]
fn a_set_aside_entry_stays_where_it_was_when_the_device_is_full_and_can_be_discarded() {
    let mut device = Device::default();
    device
        .local
        .insert(assessment_key("bad"), "garbage".to_string());
    device.full = true;
    let mut workspace = started(&mut device);
    let key = workspace.set_aside()[0].key.clone();
    assert_eq!(key, assessment_key("bad"));
    assert!(workspace.set_aside()[0]
        .reason
        .ends_with("because the device is full."));
    assert_eq!(device.local.get(&key).map(String::as_str), Some("garbage"));

    device.full = false;
    dispatch(
        &mut workspace,
        &mut device,
        Event::DiscardSetAside(key.clone()),
    );
    assert!(workspace.set_aside().is_empty());
    assert!(!device.local.contains_key(&key));
}

#[test]
fn an_edit_on_an_entry_damaged_meanwhile_sets_it_aside_and_saves_the_page() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", "North Valley");
    device
        .local
        .insert(assessment_key("a1"), "damaged by hand".to_string());
    edit(
        &mut workspace,
        &mut device,
        "a1",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    assert_eq!(workspace.set_aside().len(), 1);
    assert_eq!(workspace.set_aside()[0].raw, "damaged by hand");
    assert!(workspace.has_device_notice());
    let saved = stored(&device, "a1").expect("the page's copy is saved");
    assert_eq!(
        saved.answer("s1.convener"),
        Some(Answer::Scale(ScalePoint::Done))
    );
    assert_eq!(saved.meta.region, "North Valley");
}

#[test]
fn undo_brings_back_the_last_deleted_within_its_window() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", "North Valley");
    create(&mut workspace, &mut device, "a2", "South Coast");
    device.take_log();

    dispatch(&mut workspace, &mut device, Event::Delete("a1".to_string()));
    assert_eq!(device.take_log(), ["remove readiness-check:assessment:a1"]);
    assert!(workspace.assessment("a1").is_none());
    assert_eq!(workspace.deleted().map(|s| s.id.as_str()), Some("a1"));
    dispatch(&mut workspace, &mut device, Event::UndoDelete);
    assert!(workspace.deleted().is_none());
    assert_eq!(
        stored(&device, "a1").map(|a| a.meta.region),
        Some("North Valley".to_string())
    );

    // Deleting another closes the window on the first: only the last can come back.
    dispatch(&mut workspace, &mut device, Event::Delete("a1".to_string()));
    dispatch(&mut workspace, &mut device, Event::Delete("a2".to_string()));
    dispatch(&mut workspace, &mut device, Event::UndoDelete);
    assert!(workspace.assessment("a1").is_none());
    assert!(workspace.assessment("a2").is_some());
    dispatch(&mut workspace, &mut device, Event::UndoDelete);
    assert!(workspace.assessment("a1").is_none(), "the window is closed");
}

#[test]
fn shared_computer_mode_writes_nothing_and_saves_the_page_when_turned_off() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    assert!(!workspace.has_device_notice());
    dispatch(&mut workspace, &mut device, Event::SetSharedMode(true));
    assert_eq!(workspace.status(), &SaveStatus::NotSaving);
    assert!(workspace.has_device_notice());

    create(&mut workspace, &mut device, "a1", "North Valley");
    edit(
        &mut workspace,
        &mut device,
        "a1",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    dispatch(
        &mut workspace,
        &mut device,
        Event::Duplicate {
            id: "a1".to_string(),
            at: at(3_000, "a2"),
        },
    );
    dispatch(&mut workspace, &mut device, Event::Delete("a2".to_string()));
    dispatch(&mut workspace, &mut device, Event::UndoDelete);
    dispatch(
        &mut workspace,
        &mut device,
        Event::AddStoredToGroup(vec!["a1".to_string()]),
    );
    dispatch(&mut workspace, &mut device, Event::Retry);
    assert_eq!(device.take_log(), Vec::<String>::new());
    assert!(device.local.is_empty() && device.session.is_empty());
    assert_eq!(workspace.status(), &SaveStatus::NotSaving);
    assert_eq!(workspace.assessments().len(), 2);

    dispatch(&mut workspace, &mut device, Event::SetSharedMode(false));
    assert_eq!(workspace.status(), &SaveStatus::Saved);
    assert!(stored(&device, "a1")
        .and_then(|a| a.answer("s1.convener"))
        .is_some());
    assert!(stored(&device, "a2").is_some());
    assert!(device.session.contains_key(KEPT_GROUP_KEY));
}

#[test]
fn storage_that_is_off_is_reported_and_the_page_keeps_working() {
    let mut device = Device {
        off: true,
        ..Device::default()
    };
    let mut workspace = started(&mut device);
    assert_eq!(
        workspace.status(),
        &SaveStatus::Failed(StorageError::Unavailable)
    );
    create(&mut workspace, &mut device, "a1", "North Valley");
    edit(
        &mut workspace,
        &mut device,
        "a1",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    assert!(workspace.has_pending());
    assert!(workspace.everything_as_json().contains("North Valley"));
}

#[test]
fn forgetting_everything_empties_the_page_and_the_device() {
    let mut device = Device::default();
    device
        .local
        .insert("someone-else".to_string(), "x".to_string());
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", "North Valley");
    dispatch(
        &mut workspace,
        &mut device,
        Event::AddStoredToGroup(vec!["a1".to_string()]),
    );
    dispatch(&mut workspace, &mut device, Event::Delete("a1".to_string()));
    dispatch(&mut workspace, &mut device, Event::ForgetEverything);
    assert!(workspace.assessments().is_empty() && workspace.members().is_empty());
    assert!(workspace.deleted().is_none());
    assert_eq!(device.local.keys().collect::<Vec<_>>(), ["someone-else"]);
    assert!(device.session.is_empty());
}

#[test]
fn copies_and_snapshots_are_new_assessments_named_after_the_original() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", "North Valley");
    dispatch(
        &mut workspace,
        &mut device,
        Event::Snapshot {
            id: "a1".to_string(),
            at: at(5_000, "s1"),
        },
    );
    dispatch(
        &mut workspace,
        &mut device,
        Event::Duplicate {
            id: "a1".to_string(),
            at: at(6_000, "d1"),
        },
    );
    let names: Vec<String> = workspace
        .assessments()
        .iter()
        .map(|s| s.assessment.meta.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Copy of North Valley",
            "North Valley · snapshot 2026-12-02",
            ""
        ]
    );
    assert!(stored(&device, "s1").is_some() && stored(&device, "d1").is_some());
}

#[test]
fn the_group_gets_unique_labels_is_kept_for_the_tab_and_restored_after_a_reload() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    let mut shared = Assessment::new(bank());
    shared.meta.respondent_role = "Convener".to_string();
    shared.set_answer("s1.convener", Answer::Scale(ScalePoint::Done));
    let link = encode_share_link(bank(), &shared);
    let text = format!("https://example.org/app/#{link}\n\n  {link}  \nhello\n#s=AAAA");
    dispatch(&mut workspace, &mut device, Event::AddLinksToGroup(text));
    let news = workspace.group_addition();
    assert_eq!(news.added, ["Convener", "Convener (2)"]);
    assert_eq!(news.problems.len(), 2, "{:?}", news.problems);
    assert!(news.problems[0].starts_with("Line 4: this is not a share link"));
    assert!(news.problems[1].starts_with("Line 5: "));

    dispatch(
        &mut workspace,
        &mut device,
        Event::Rename {
            key: 2,
            label: "  Ana (college)  ".to_string(),
        },
    );
    dispatch(
        &mut workspace,
        &mut device,
        Event::Rename {
            key: 1,
            label: "   ".to_string(),
        },
    );
    dispatch(
        &mut workspace,
        &mut device,
        Event::SetHidden {
            key: 1,
            hidden: true,
        },
    );
    let labels: Vec<&str> = workspace
        .members()
        .iter()
        .map(|m| m.respondent.label.as_str())
        .collect();
    assert_eq!(labels, ["Convener", "Ana (college)"]);
    assert_eq!(workspace.shown_respondents().len(), 1);

    let reloaded = started(&mut device);
    assert_eq!(reloaded.members(), workspace.members());

    dispatch(&mut workspace, &mut device, Event::RemoveMember(1));
    dispatch(&mut workspace, &mut device, Event::RemoveMember(2));
    assert!(
        !device.session.contains_key(KEPT_GROUP_KEY),
        "an empty group leaves nothing"
    );
}

#[test]
fn a_member_says_where_it_came_from_its_details_and_what_was_left_out() {
    let mut ana = Member {
        key: 1,
        respondent: Respondent::new("Ana", Assessment::new(bank())),
        hidden: false,
        origin: "first.json".into(),
        left_out: vec!["an answer to s9.old".into()],
    };
    assert_eq!(
        ana.left_out_lines().collect::<Vec<_>>(),
        ["Ana: an answer to s9.old"]
    );
    assert_eq!(ana.details_line(), "From first.json");
    let meta = &mut ana.respondent.assessment.meta;
    meta.region = " North Valley ".into();
    meta.date = "2026-12-04".into();
    meta.respondent_role = "College".into();
    ana.hidden = true;
    assert_eq!(
        ana.details_line(),
        "From first.json · North Valley · 2026-12-04 · hidden from the comparison"
    );
    // The start list shows the role where the Compare screen shows the date, joined alike.
    assert_eq!(
        ana.respondent.assessment.meta.listed_details(),
        "North Valley · College"
    );
    // What the tab keeps is the member without its key, and comes back with one.
    assert_eq!(Member::from_kept(1, ana.to_kept()), ana);
}

#[test]
fn a_damaged_kept_group_is_forgotten_with_a_notice() {
    let mut device = Device::default();
    device
        .session
        .insert(KEPT_GROUP_KEY.to_string(), "{\"format\": 1}".to_string());
    let workspace = started(&mut device);
    assert!(workspace.members().is_empty());
    assert_eq!(workspace.notices().len(), 1);
    assert!(workspace.notices()[0].ends_with("add the results on the Compare screen again."));
    assert!(device.session.is_empty());
}

#[test]
fn links_open_as_a_shared_report_or_an_invitation_and_a_shared_report_can_be_kept() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    let mut theirs = Assessment::new(bank());
    theirs.meta.region = "Lakeshore".to_string();
    let link = encode_share_link(bank(), &theirs);
    assert_eq!(link_kind(&link), Some(LinkKind::SharedReport));
    assert_eq!(link_kind("#c=abc"), Some(LinkKind::CoachInvitation));
    assert_eq!(link_kind("#main"), None);
    assert_eq!(link_kind("#sx=1"), None);

    dispatch(&mut workspace, &mut device, Event::OpenLink(link));
    assert!(matches!(workspace.shared_report(), Some(Ok(_))));
    dispatch(
        &mut workspace,
        &mut device,
        Event::KeepSharedReport(at(9_000, "k1")),
    );
    assert_eq!(
        stored(&device, "k1").map(|a| a.meta.region),
        Some("Lakeshore".to_string())
    );

    dispatch(
        &mut workspace,
        &mut device,
        Event::OpenLink("#c=broken".to_string()),
    );
    assert!(matches!(workspace.invitation(), Some(Err(_))));
    dispatch(&mut workspace, &mut device, Event::CloseInvitation);
    assert!(workspace.invitation().is_none());
}

#[test]
fn comparing_a_shared_report_adds_the_only_assessment_of_this_device_too() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "mine", "North Valley");
    let link = encode_share_link(bank(), &Assessment::new(bank()));
    dispatch(&mut workspace, &mut device, Event::OpenLink(link));
    dispatch(&mut workspace, &mut device, Event::CompareSharedReport);
    let origins: Vec<&str> = workspace
        .members()
        .iter()
        .map(|m| m.origin.as_str())
        .collect();
    assert_eq!(origins, ["share link", "this device"]);
}

#[test]
fn another_tab_deleting_or_clearing_is_followed() {
    let mut device = Device::default();
    let mut first = started(&mut device);
    create(&mut first, &mut device, "a1", "North Valley");
    create(&mut first, &mut device, "a2", "South Coast");
    let mut second = started(&mut device);
    dispatch(&mut second, &mut device, Event::Delete("a1".to_string()));
    dispatch(
        &mut first,
        &mut device,
        Event::OtherTab(Some(assessment_key("a1"))),
    );
    assert!(first.assessment("a1").is_none());
    dispatch(&mut second, &mut device, Event::ForgetEverything);
    dispatch(&mut first, &mut device, Event::OtherTab(None));
    assert!(first.assessments().is_empty());
    // A key that is not an assessment's asks for nothing.
    assert!(first
        .update(Event::OtherTab(Some("elsewhere".to_string())))
        .is_empty());
}

/// A share link of an assessment answered by someone in this role.
pub(super) fn link_from(role: &str) -> String {
    let mut theirs = Assessment::new(bank());
    theirs.meta.respondent_role = role.to_string();
    theirs.set_answer("s1.convener", Answer::Scale(ScalePoint::Done));
    encode_share_link(bank(), &theirs)
}

/// A device whose tab kept a group of one, added from a share link by an earlier page.
fn with_a_kept_group() -> Device {
    let mut device = Device::default();
    let mut before = started(&mut device);
    dispatch(
        &mut before,
        &mut device,
        Event::AddLinksToGroup(link_from("Convener")),
    );
    device
}

fn labels(workspace: &Workspace) -> Vec<String> {
    workspace
        .members()
        .iter()
        .map(|member| member.respondent.label.clone())
        .collect()
}

#[test]
fn links_and_the_kept_group_wait_for_the_link_formats_and_lose_nothing() {
    let mut device = with_a_kept_group();
    let kept = device.session.get(KEPT_GROUP_KEY).cloned();
    assert!(kept.is_some());

    // The next page starts without the formats: the kept group waits, and so does all below.
    let mut page = Workspace::without_link_formats(bank());
    assert!(!page.awaits_link_formats());
    dispatch(&mut page, &mut device, Event::Start);
    assert!(page.awaits_link_formats());
    assert_eq!(
        device.formats_asked, 1,
        "the kept group asks for the formats"
    );
    assert!(page.members().is_empty());
    create(&mut page, &mut device, "mine", "North Valley");
    dispatch(
        &mut page,
        &mut device,
        Event::AddStoredToGroup(vec!["mine".to_string()]),
    );
    dispatch(
        &mut page,
        &mut device,
        Event::AddLinksToGroup(format!("{}\nhello", link_from("Employer"))),
    );
    dispatch(&mut page, &mut device, Event::OpenLink(link_from("Funder")));
    dispatch(&mut page, &mut device, Event::OpenLink("#main".to_string()));
    assert_eq!(page.opening_link(), Some(LinkKind::SharedReport));
    assert!(page.shared_report().is_none());
    assert_eq!(labels(&page), ["Convener"], "the device's own assessment");
    assert_eq!(
        device.formats_asked, 1,
        "asked for once, however much waits"
    );
    assert_eq!(
        device.session.get(KEPT_GROUP_KEY),
        kept.as_ref(),
        "the kept group is not written over before it is read"
    );

    dispatch(
        &mut page,
        &mut device,
        Event::LinkFormatsLoaded(link_formats()),
    );
    assert!(!page.awaits_link_formats());
    assert_eq!(page.opening_link(), None);
    assert_eq!(labels(&page), ["Convener", "Convener (2)", "Employer"]);
    assert_eq!(page.group_addition().problems.len(), 1);
    assert!(page.group_addition().problems[0].starts_with("Line 2: "));
    assert!(
        matches!(page.shared_report(), Some(Ok(shared)) if shared.assessment.meta.respondent_role == "Funder")
    );
    let reloaded = started(&mut device);
    assert_eq!(
        reloaded.members(),
        page.members(),
        "the whole group is kept"
    );
}

#[test]
fn a_coach_link_and_a_changed_group_wait_for_the_link_formats() {
    let mut device = Device::default();
    let mut page = Workspace::without_link_formats(bank());
    dispatch(&mut page, &mut device, Event::Start);
    create(&mut page, &mut device, "mine", "North Valley");
    edit(
        &mut page,
        &mut device,
        "mine",
        answer("s1.convener", ScalePoint::Done),
        2_000,
    );
    assert!(
        !page.awaits_link_formats(),
        "a page with no link and no group never needs them"
    );
    assert_eq!(device.formats_asked, 0);

    dispatch(
        &mut page,
        &mut device,
        Event::OpenLink("#c=broken".to_string()),
    );
    assert_eq!(page.opening_link(), Some(LinkKind::CoachInvitation));
    assert_eq!(device.formats_asked, 1);
    dispatch(
        &mut page,
        &mut device,
        Event::AddStoredToGroup(vec!["mine".to_string()]),
    );
    dispatch(
        &mut page,
        &mut device,
        Event::Rename {
            key: 1,
            label: "Ours".to_string(),
        },
    );
    assert!(device.session.is_empty());
    dispatch(
        &mut page,
        &mut device,
        Event::LinkFormatsLoaded(link_formats()),
    );
    assert!(matches!(page.invitation(), Some(Err(_))));
    let reloaded = started(&mut device);
    assert_eq!(labels(&reloaded), ["Ours"]);

    // Formats that come twice change nothing.
    assert!(page
        .update(Event::LinkFormatsLoaded(link_formats()))
        .is_empty());
}

#[test]
fn forgetting_everything_forgets_a_kept_group_that_waited_for_the_link_formats() {
    let mut device = with_a_kept_group();
    let mut page = Workspace::without_link_formats(bank());
    dispatch(&mut page, &mut device, Event::Start);
    dispatch(&mut page, &mut device, Event::OpenLink(link_from("Funder")));
    dispatch(&mut page, &mut device, Event::ForgetEverything);
    assert!(device.session.is_empty());
    dispatch(
        &mut page,
        &mut device,
        Event::LinkFormatsLoaded(link_formats()),
    );
    assert!(
        page.members().is_empty(),
        "the forgotten group stays forgotten"
    );
    assert!(device.session.is_empty());
    assert!(
        matches!(page.shared_report(), Some(Ok(_))),
        "the address's link still opens"
    );
}

#[test]
fn the_news_of_an_addition_names_a_few_and_counts_the_rest() {
    let news = |n: usize| GroupAddition {
        added: (1..=n).map(|i| format!("Respondent {i}")).collect(),
        problems: Vec::new(),
    };
    assert_eq!(news(0).added_sentence(), None);
    assert_eq!(
        news(2).added_sentence().as_deref(),
        Some("Added Respondent 1, Respondent 2.")
    );
    // Six names read as well as "five and 1 more", so six are named.
    assert!(news(6)
        .added_sentence()
        .is_some_and(|s| s.ends_with("Respondent 6.")));
    assert_eq!(
        news(50).added_sentence().as_deref(),
        Some("Added 50 respondents: Respondent 1, Respondent 2, Respondent 3, Respondent 4, Respondent 5 and 45 more.")
    );
}

#[test]
fn a_copy_of_an_assessment_with_the_longest_name_reads_back() {
    let mut device = Device::default();
    let mut page = started(&mut device);
    create(&mut page, &mut device, "long", "North Valley");
    let name = "n".repeat(readiness_domain::assessment::MAX_META_CHARS);
    edit(&mut page, &mut device, "long", Edit::SetName(name), 2_000);
    dispatch(
        &mut page,
        &mut device,
        Event::Duplicate {
            id: "long".to_string(),
            at: at(3_000, "copy"),
        },
    );
    dispatch(
        &mut page,
        &mut device,
        Event::Snapshot {
            id: "long".to_string(),
            at: at(4_000, "snapshot"),
        },
    );
    let reloaded = started(&mut device);
    assert_eq!(
        reloaded.assessments().len(),
        3,
        "{:?}",
        reloaded.set_aside()
    );
    assert!(reloaded.set_aside().is_empty());
    let copy = reloaded.assessment("copy").expect("the copy reads back");
    assert!(copy.assessment.meta.name.starts_with("Copy of nnn"));
}

/// The start list's card reads its words from `Listed`: details, progress and the button
/// that opens it; the choice of two results names it by name and date.
#[test]
fn the_start_list_says_how_far_each_assessment_is() {
    let mut device = Device::default();
    let mut workspace = started(&mut device);
    create(&mut workspace, &mut device, "a1", " North Valley ");
    let listed = workspace.listed().remove(0);
    assert_eq!(listed.details, "North Valley · Health care · Convener");
    assert_eq!(listed.open_words(), "Start answering");
    assert_eq!(
        listed.progress_line(),
        format!("0 of {} questions answered", listed.total)
    );
    assert_eq!(
        listed.choice_label(),
        format!("North Valley ({})", listed.date)
    );
    edit(
        &mut workspace,
        &mut device,
        "a1",
        answer("s1.roles", ScalePoint::Done),
        2_000,
    );
    let listed = workspace.listed().remove(0);
    assert_eq!(listed.open_words(), "Resume");
    assert!(listed.progress_line().starts_with("1 of "));
}

#[test]
fn a_members_buttons_name_it_and_say_whether_it_is_hidden() {
    let bank = Bank::builtin();
    let kept = |hidden| KeptMember {
        respondent: Respondent::new("Ana (college)", Assessment::new(bank)),
        hidden,
        origin: "share link".to_string(),
        left_out: Vec::new(),
    };
    let shown = Member::from_kept(1, kept(false));
    assert_eq!(shown.hide_or_show_words(), "Hide Ana (college)");
    assert_eq!(shown.remove_words(), "Remove Ana (college)");
    assert_eq!(
        Member::from_kept(2, kept(true)).hide_or_show_words(),
        "Show Ana (college)"
    );
}
