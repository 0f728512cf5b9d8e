//! A model of the workspace over random sequences of what people and browsers do: two tabs of
//! one device answering, the device filling up and freeing, Try again, reloads, deletes and
//! undo, storage events arriving late, and share links that arrive before the link formats.
//!
//! The property: no answer a person gave is lost. After every step, each answer last given is
//! on the device, or the tab it was given in still shows it and says that saving failed; once
//! the device has room again and each tab has tried again and followed the other, a new page
//! reads every one of them. Deleting an assessment is the person's choice: its answers are not
//! asked for while it is deleted, and are again once undo brings it back.
//!
//! Other tabs' news (storage events) waits until a [`Step::Follow`], except around a delete and
//! an undo, where both tabs have heard everything: a tab that deletes or brings back an older
//! copy than the device's, or that writes to an assessment the other tab deleted, is a conflict
//! of copies the workspace does not settle (the copy written last wins), and browsers tell
//! tabs within moments.
//!
//! Everything that can happen is one [`Step`], turned into the workspace's events in one place,
//! [`Model::perform`]: when the way the link formats arrive changes, that is where it changes.
//! The device, and the way a tab runs effects, are the harness of `tests.rs`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use proptest::prelude::*;

use super::tests::{at, dispatch, link_from, meta, stored, Device};
use super::*;
use readiness_domain::answer::{Answer, ScalePoint};
use readiness_links::link_formats;

fn bank() -> &'static Bank {
    Bank::builtin()
}

/// The questions each tab answers. Two tabs answering the same question of one assessment is a
/// conflict the workspace settles (this page's unsaved edits on top of what the other saved),
/// not a loss, so the tabs answer different questions and the model needs no view on who wins.
const QUESTIONS: [[&str; 3]; 2] = [
    ["s1.convener", "s2.lmi", "s3.ceo-champions"],
    ["s1.same-page", "s2.sectors", "s4.shared-priorities"],
];

/// One thing a person or the browser does. `tab` is 0 or 1; `assessment` picks among the
/// assessments the tab shows (a person edits what they see).
#[derive(Clone, Debug)]
enum Step {
    /// Answer, or change the answer to, one of the tab's questions.
    Answer {
        tab: usize,
        assessment: usize,
        question: usize,
        point: usize,
    },
    /// Take one of the tab's answers back.
    Clear {
        tab: usize,
        assessment: usize,
        question: usize,
    },
    /// The device fills up (writes fail as on a full quota), or has room again.
    Full(bool),
    /// Try again.
    Retry { tab: usize },
    /// The browser tells the tab what the other tab changed (storage events come late).
    Follow { tab: usize },
    /// The tab is reloaded: a new page, with or without its link formats yet.
    Reload { tab: usize, late_formats: bool },
    /// Delete an assessment.
    Delete { tab: usize, assessment: usize },
    /// Undo the last delete.
    Undo { tab: usize },
    /// Start a new assessment.
    Create { tab: usize },
    /// A share link arrives in the tab's address.
    OpenLink { tab: usize },
    /// Keep the shared report on show as a new assessment.
    KeepShared { tab: usize },
    /// The tab's link formats arrive.
    FormatsLoaded { tab: usize },
}

fn any_step() -> impl Strategy<Value = Step> {
    let tab = 0..2usize;
    prop_oneof![
        8 => (tab.clone(), 0..4usize, 0..3usize, 0..4usize).prop_map(
            |(tab, assessment, question, point)| Step::Answer { tab, assessment, question, point }
        ),
        2 => (tab.clone(), 0..4usize, 0..3usize)
            .prop_map(|(tab, assessment, question)| Step::Clear { tab, assessment, question }),
        3 => any::<bool>().prop_map(Step::Full),
        2 => tab.clone().prop_map(|tab| Step::Retry { tab }),
        3 => tab.clone().prop_map(|tab| Step::Follow { tab }),
        1 => (tab.clone(), any::<bool>())
            .prop_map(|(tab, late_formats)| Step::Reload { tab, late_formats }),
        1 => (tab.clone(), 0..4usize).prop_map(|(tab, assessment)| Step::Delete { tab, assessment }),
        1 => tab.clone().prop_map(|tab| Step::Undo { tab }),
        1 => tab.clone().prop_map(|tab| Step::Create { tab }),
        1 => tab.clone().prop_map(|tab| Step::OpenLink { tab }),
        1 => tab.clone().prop_map(|tab| Step::KeepShared { tab }),
        1 => tab.prop_map(|tab| Step::FormatsLoaded { tab }),
    ]
}

/// One tab: its page and the storage events the browser has not delivered to it yet.
struct Tab {
    page: Workspace,
    /// Whether its link formats are still to come.
    awaits_formats: bool,
    news: VecDeque<String>,
}

/// The device, the two tabs, and what people said.
struct Model {
    device: Device,
    tabs: [Tab; 2],
    /// The answer last given to each question of each assessment, and the tab it was given in.
    given: BTreeMap<(String, String), (usize, Option<Answer>)>,
    /// Assessments deleted and not brought back.
    deleted: BTreeSet<String>,
    /// The clock and the ids of new assessments.
    ms: u64,
    made: u32,
}

impl Model {
    fn new(late_formats: bool) -> Self {
        let mut device = Device::default();
        let mut first = Self::page(&mut device, late_formats);
        for (ms, id) in [(1_000, "a1"), (1_001, "a2")] {
            let create = Event::Create {
                meta: Box::new(meta("North Valley")),
                coach: None,
                at: at(ms, id),
            };
            dispatch(&mut first, &mut device, create);
        }
        let second = Self::page(&mut device, false);
        let tab = |page, awaits_formats| Tab {
            page,
            awaits_formats,
            news: VecDeque::new(),
        };
        Self {
            device,
            tabs: [tab(first, late_formats), tab(second, false)],
            given: BTreeMap::new(),
            deleted: BTreeSet::new(),
            ms: 2_000,
            made: 0,
        }
    }

    /// A new page on the device, started as the app starts one.
    fn page(device: &mut Device, late_formats: bool) -> Workspace {
        let mut page = if late_formats {
            Workspace::without_link_formats(bank())
        } else {
            Workspace::with_link_formats(bank(), link_formats())
        };
        dispatch(&mut page, device, Event::Start);
        page
    }

    /// Sends an event to a tab and runs what follows; what it changed in local storage becomes
    /// news for the other tab.
    fn send(&mut self, tab: usize, event: Event) {
        let before = self.device.local.clone();
        dispatch(&mut self.tabs[tab].page, &mut self.device, event);
        let after = &self.device.local;
        let changed = before
            .iter()
            .filter(|(key, text)| after.get(*key) != Some(*text))
            .map(|(key, _)| key)
            .chain(after.keys().filter(|key| !before.contains_key(*key)));
        let changed: Vec<String> = changed.cloned().collect();
        self.tabs[1 - tab].news.extend(changed);
    }

    /// The id of the `pick`th assessment the tab shows.
    fn shown(&self, tab: usize, pick: usize) -> Option<String> {
        let shown = self.tabs[tab].page.assessments();
        (!shown.is_empty()).then(|| shown[pick % shown.len()].id.clone())
    }

    fn stamp(&mut self) -> Stamp {
        self.ms += 1;
        self.made += 1;
        at(self.ms, &format!("n{}", self.made))
    }

    /// Every answer of an assessment the tab now shows counts as given there.
    fn given_with(&mut self, tab: usize, id: &str) {
        let Some(kept) = self.tabs[tab].page.assessment(id) else {
            return;
        };
        for (question, answer) in kept.assessment.answers() {
            let key = (id.to_string(), question.clone());
            self.given.insert(key, (tab, Some(*answer)));
        }
    }

    /// Does one step: the only place where steps become events.
    fn perform(&mut self, step: &Step) {
        self.ms += 1;
        match *step {
            Step::Answer {
                tab,
                assessment,
                question,
                point,
            } => {
                let answer = Answer::Scale(ScalePoint::ALL[point]);
                let question = QUESTIONS[tab][question].to_string();
                self.edit(tab, assessment, question.clone(), Some(answer), {
                    Edit::SetAnswer { question, answer }
                });
            }
            Step::Clear {
                tab,
                assessment,
                question,
            } => {
                let question = QUESTIONS[tab][question].to_string();
                self.edit(tab, assessment, question.clone(), None, {
                    Edit::ClearAnswer { question }
                });
            }
            Step::Full(full) => self.device.full = full,
            Step::Retry { tab } => self.send(tab, Event::Retry),
            Step::Follow { tab } => {
                while let Some(key) = self.tabs[tab].news.pop_front() {
                    self.send(tab, Event::OtherTab(Some(key)));
                }
            }
            Step::Reload { tab, late_formats } => {
                // What the old page could not save goes with it; it said so (checked after
                // every step), so it is no longer asked for.
                let device = &self.device;
                self.given.retain(|(id, question), (by, answer)| {
                    *by != tab || on_device(device, id, question) == *answer
                });
                self.tabs[tab] = Tab {
                    page: Self::page(&mut self.device, late_formats),
                    awaits_formats: late_formats,
                    news: VecDeque::new(),
                };
            }
            Step::Delete { tab, assessment } => {
                self.perform(&Step::Follow { tab });
                if let Some(id) = self.shown(tab, assessment) {
                    // What the other tab could not save of it goes: the delete takes the device's
                    // copy, and undo brings back this tab's.
                    let device = &self.device;
                    self.given.retain(|(of, question), (by, answer)| {
                        *of != id || *by == tab || on_device(device, of, question) == *answer
                    });
                    self.send(tab, Event::Delete(id.clone()));
                    self.deleted.insert(id);
                }
                self.perform(&Step::Follow { tab: 1 - tab });
            }
            Step::Undo { tab } => {
                self.perform(&Step::Follow { tab });
                let back = self.tabs[tab].page.deleted().map(|s| s.id.clone());
                self.send(tab, Event::UndoDelete);
                if let Some(id) = back {
                    self.deleted.remove(&id);
                    self.given_with(tab, &id);
                }
                self.perform(&Step::Follow { tab: 1 - tab });
            }
            Step::Create { tab } => {
                let at = self.stamp();
                let create = Event::Create {
                    meta: Box::new(meta("South Coast")),
                    coach: None,
                    at,
                };
                self.send(tab, create);
            }
            Step::OpenLink { tab } => self.send(tab, Event::OpenLink(link_from("Funder"))),
            Step::KeepShared { tab } => {
                let at = self.stamp();
                let id = at.fresh_id.clone();
                self.send(tab, Event::KeepSharedReport(at));
                self.given_with(tab, &id);
            }
            Step::FormatsLoaded { tab } => {
                if std::mem::take(&mut self.tabs[tab].awaits_formats) {
                    self.send(tab, Event::LinkFormatsLoaded(link_formats()));
                }
            }
        }
    }

    fn edit(
        &mut self,
        tab: usize,
        pick: usize,
        question: String,
        answer: Option<Answer>,
        edit: Edit,
    ) {
        let Some(id) = self.shown(tab, pick) else {
            return;
        };
        let now_ms = self.ms;
        self.send(
            tab,
            Event::Edit {
                id: id.clone(),
                edit,
                now_ms,
            },
        );
        self.given.insert((id, question), (tab, answer));
    }

    /// Each answer last given is on the device, or its tab shows it and says saving failed.
    fn check_nothing_lost_unsaid(&self, after: &Step) -> Result<(), TestCaseError> {
        for ((id, question), (tab, answer)) in &self.given {
            if self.deleted.contains(id) || on_device(&self.device, id, question) == *answer {
                continue;
            }
            let page = &self.tabs[*tab].page;
            let shown = page.assessment(id).map(|s| s.assessment.answer(question));
            prop_assert_eq!(
                shown,
                Some(*answer),
                "after {:?}: {} of {} is neither on the device nor on its tab",
                after,
                question,
                id
            );
            prop_assert!(
                matches!(page.status(), SaveStatus::Failed(_)),
                "after {:?}: {} of {} is not on the device, and tab {} says {:?}",
                after,
                question,
                id,
                tab,
                page.status()
            );
        }
        Ok(())
    }

    /// Room again: each tab gets its formats, tries again and follows the other, twice over;
    /// then a new page reads every answer last given.
    fn settle(&mut self) -> Result<(), TestCaseError> {
        self.perform(&Step::Full(false));
        for _ in 0..2 {
            for tab in 0..2 {
                self.perform(&Step::FormatsLoaded { tab });
                self.perform(&Step::Retry { tab });
                self.perform(&Step::Follow { tab });
            }
        }
        for tab in &self.tabs {
            prop_assert_eq!(tab.page.status(), &SaveStatus::Saved);
        }
        let fresh = Self::page(&mut self.device, false);
        for ((id, question), (_, answer)) in &self.given {
            if self.deleted.contains(id) {
                continue;
            }
            let read = fresh
                .assessment(id)
                .and_then(|s| s.assessment.answer(question));
            prop_assert_eq!(read, *answer, "{} of {} after a reload", question, id);
        }
        Ok(())
    }
}

fn on_device(device: &Device, id: &str, question: &str) -> Option<Answer> {
    stored(device, id).and_then(|a| a.answer(question))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn no_answer_a_person_gave_is_lost(
        late_formats in any::<bool>(),
        steps in proptest::collection::vec(any_step(), 1..40),
    ) {
        let mut model = Model::new(late_formats);
        for step in &steps {
            model.perform(step);
            model.check_nothing_lost_unsaid(step)?;
        }
        model.settle()?;
    }
}
