//! The app's state and every rule about how it changes: the assessments on this device, the
//! edits not yet saved, whether changes are kept, shared-computer mode, the undo window after a
//! delete, entries set aside because they could not be read, the Compare screen's group, and
//! the shared report or coach invitation opened from a link.
//!
//! The shell sends each thing that happens as an [`Event`] to [`Workspace::update`], which
//! changes the model and returns the [`Effect`]s the shell must run: read or write local
//! storage under a key, keep the group in the tab's session storage. The shell runs them in
//! order and sends back what the device answered, as more events. Nothing here touches a
//! browser, so the rules a person relies on (two tabs never lose each other's answers, a full
//! device keeps edits pending until the next write, shared-computer mode writes nothing) are
//! tested natively, with a device made of a map.
//!
//! It sits on the domain and the formats, and neither names it. It does not depend on the link
//! formats (`readiness-links`): it is handed them as functions ([`LinkFormats`]), so start-up
//! code cannot call one.

use readiness_codec::{crc32, envelope};
use readiness_domain::assessment::{Assessment, CoachSession, Edit, Meta};
use readiness_domain::bank::Bank;
use readiness_domain::group::{Respondent, MAX_RESPONDENT_LABEL_CHARS};
use readiness_formats::format::{decode_stored, encode_stored, Skipped, StoredAssessment};
use readiness_formats::link_types::{
    CoachLinkError, KeptMember, ShareLinkError, SharedAssessment, COACH_KEY, SHARE_KEY,
};

mod assessments;
mod device;
mod group;
mod links;
#[doc(hidden)]
pub mod test_device;

use assessments::newest_first;
use device::assessment_key;
pub use device::{assessment_id_of_key, kept_aside};
pub use group::{GroupAddition, IncomingResult, Member};
pub use links::{link_kind, LinkFormats, LinkKind};

/// The start of every key this app writes; "forget everything" removes exactly these.
pub const KEY_PREFIX: &str = "readiness-check:";
/// The start of the key of each stored assessment; the assessment's id follows.
pub const ASSESSMENT_PREFIX: &str = "readiness-check:assessment:";
/// The start of the key of each entry set aside because it could not be read.
pub const SET_ASIDE_PREFIX: &str = "readiness-check:set-aside:";
/// The key of the Compare screen's group in the tab's session storage.
pub const KEPT_GROUP_KEY: &str = "readiness-check:group";
/// The start of the key of each partnership of the portfolio (`readiness-portfolio-desk`); its
/// id follows.
pub const PORTFOLIO_PREFIX: &str = "readiness-check:portfolio:";

/// Why something could not be saved or read, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    /// The browser offers no local storage, or refuses it.
    #[error("this browser is not letting the app save on this device (a private window or a browser setting does this)")]
    Unavailable,
    /// The storage quota is used up.
    #[error("this device's storage for the app is full")]
    Full,
    /// The browser refused for another reason.
    #[error("the browser refused to save ({0})")]
    Refused(String),
}

/// Whether the latest change is kept on this device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Every change is in local storage.
    Saved,
    /// Shared-computer mode: nothing is written, by choice.
    NotSaving,
    /// The latest changes could not be written; they are still on the page.
    Failed(StorageError),
}

/// Stored text that could not be read, kept aside so nothing is lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The key it is kept under.
    pub key: String,
    /// What was wrong with it.
    pub reason: String,
    /// The text exactly as it was stored.
    pub raw: String,
}

/// What only the shell knows: the time, today's date and a fresh id for something new.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// Milliseconds since 1970.
    pub now_ms: u64,
    /// Today as `YYYY-MM-DD`, in the person's time zone.
    pub today: String,
    /// An id no assessment on this device has.
    pub fresh_id: String,
}

/// One assessment as the lists show it (the start list, the report's choice, the Compare
/// screen's choices): what the person recognises it by, and how far it got.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// Its id on this device.
    pub id: String,
    /// Its name, else its region or sector.
    pub name: String,
    /// Region, sector and role, those given, joined by " · ".
    pub details: String,
    /// The date of the assessment.
    pub date: String,
    /// When it last changed, in milliseconds since 1970.
    pub updated_ms: u64,
    /// Questions of the bank answered in any way.
    pub answered: usize,
    /// Questions in the bank.
    pub total: usize,
}

impl Listed {
    /// How far it is, as the start list says it: "12 of 80 questions answered".
    pub fn progress_line(&self) -> String {
        readiness_domain::assessment::questions_answered(self.answered, self.total)
    }

    /// The start list's button that opens it: "Start answering" before any answer, then
    /// "Resume".
    pub fn open_words(&self) -> &'static str {
        if self.answered == 0 {
            "Start answering"
        } else {
            "Resume"
        }
    }

    /// How a choice of two results names it: its name and date, "North Valley (2026-12-04)".
    pub fn choice_label(&self) -> String {
        format!("{} ({})", self.name, self.date)
    }
}

/// Why the shell reads one key: to write the pending edits on top of it, or to follow what
/// another tab wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadFor {
    /// Write the pending edits of that assessment on top of what is stored.
    Save,
    /// Show what another tab stored, with this page's pending edits on top.
    Follow,
}

/// What the shell must do. Each effect that reads or writes local storage is answered with an
/// event: [`Event::AllRead`], [`Event::Read`], [`Event::Written`], [`Event::MovedAside`],
/// [`Event::Probed`], [`Event::KeptGroupRead`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Read every key of local storage that starts with [`KEY_PREFIX`], with its text.
    ReadAll,
    /// Read the text under one key of local storage.
    Read {
        /// The key.
        key: String,
        /// What the text is for, sent back with it.
        purpose: ReadFor,
    },
    /// Write this text under this key of local storage.
    Write {
        /// The key.
        key: String,
        /// The text.
        text: String,
    },
    /// Remove one key of local storage.
    Remove {
        /// The key.
        key: String,
    },
    /// Keep unreadable text under a key of its own: write it under `to`, then, only if that
    /// worked, remove `from`.
    MoveAside {
        /// Where the text is now.
        from: String,
        /// Where it goes.
        to: String,
        /// What to write under `to`: the reason on the first line, then the text as it was.
        text: String,
    },
    /// Remove every key of local storage that starts with [`KEY_PREFIX`], and the group kept in
    /// the tab's session storage.
    ForgetAll,
    /// Learn whether local storage takes a write now.
    Probe,
    /// Read the group kept in the tab's session storage under [`KEPT_GROUP_KEY`].
    ReadKeptGroup,
    /// Keep the group in the tab's session storage, or forget it (`None`). A refusal is not
    /// reported: it only costs keeping the group across a reload.
    KeepGroup {
        /// The group's text, or `None` to forget it.
        text: Option<String>,
    },
    /// Read every partnership of the portfolio (the keys under [`PORTFOLIO_PREFIX`]) with its
    /// text, answered with [`Event::AllRead`]. Only the portfolio's workspace asks for it.
    ReadPortfolio,
    /// Fetch the link formats and send them with [`Event::LinkFormatsLoaded`]. Asked for once,
    /// by the first event that needs them; a screen that needs them may fetch them again if
    /// they did not come.
    LoadLinkFormats,
}

/// Something that happened: what the person did, or what the device answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The page opened: read what the device holds.
    Start,
    /// Every key of ours with its text, or why storage could not be read.
    AllRead(Result<Vec<(String, String)>, StorageError>),
    /// The text under one key (`None` when nothing is stored there).
    Read {
        /// The key.
        key: String,
        /// What it was read for.
        purpose: ReadFor,
        /// The text, or why it could not be read.
        text: Result<Option<String>, StorageError>,
    },
    /// A write or removal was done, or refused.
    Written {
        /// The key (or [`KEY_PREFIX`] for forgetting everything).
        key: String,
        /// Whether it worked.
        result: Result<(), StorageError>,
    },
    /// Unreadable text was moved aside, or left where it was because the write failed.
    MovedAside {
        /// Where the text was.
        from: String,
        /// Where it was to go.
        to: String,
        /// Whether it moved.
        moved: bool,
    },
    /// Whether local storage took a test write.
    Probed(bool),
    /// The group kept in the tab's session storage, if any.
    KeptGroupRead(Option<String>),
    /// Another tab changed a key (`None`: it cleared everything).
    OtherTab(Option<String>),
    /// The person started a new assessment, from the start form or a coach's invitation.
    Create {
        /// Who and what is assessed.
        meta: Box<Meta>,
        /// The coach's session, when started from an invitation.
        coach: Option<Box<CoachSession>>,
        /// When, and the new assessment's id.
        at: Stamp,
    },
    /// Keep an assessment from elsewhere (a file) as a new one on this device.
    KeepCopy {
        /// The assessment.
        assessment: Box<Assessment>,
        /// When, and the copy's id.
        at: Stamp,
    },
    /// Keep the shared report on show as a new assessment on this device.
    KeepSharedReport(Stamp),
    /// Copy an assessment under a new name.
    Duplicate {
        /// Which.
        id: String,
        /// When, and the copy's id.
        at: Stamp,
    },
    /// Keep an assessment as it is now, named with today's date.
    Snapshot {
        /// Which.
        id: String,
        /// When, and the snapshot's id.
        at: Stamp,
    },
    /// One change to an assessment.
    Edit {
        /// Which assessment.
        id: String,
        /// The change.
        edit: Edit,
        /// When, in milliseconds since 1970.
        now_ms: u64,
    },
    /// Delete an assessment, keeping it in the page for undo.
    Delete(String),
    /// Bring back the assessment deleted last.
    UndoDelete,
    /// Try to save everything pending again.
    Retry,
    /// Turn shared-computer mode on or off.
    SetSharedMode(bool),
    /// Remove everything this app keeps on this device, and empty the page.
    ForgetEverything,
    /// Remove one entry set aside.
    DiscardSetAside(String),
    /// Things the person should know about what was loaded.
    AddNotices(Vec<String>),
    /// The person has read the notices.
    DismissNotices,
    /// The address's fragment holds a share link or a coach link: open it.
    OpenLink(String),
    /// The coach's invitation was used or put away.
    CloseInvitation,
    /// Add results to the group, with sentences for those that could not be read.
    AddToGroup {
        /// The results.
        arrivals: Vec<IncomingResult>,
        /// What could not be read, one sentence each.
        problems: Vec<String>,
    },
    /// Add every share link in this text, one a line.
    AddLinksToGroup(String),
    /// Add these assessments of this device to the group.
    AddStoredToGroup(Vec<String>),
    /// Put the shared report on show side by side with the only assessment on this device.
    CompareSharedReport,
    /// Change a respondent's label; a blank label is refused and the old one kept.
    Rename {
        /// The member's key.
        key: u32,
        /// The new label.
        label: String,
    },
    /// Hide a respondent from the group view, or show it again.
    SetHidden {
        /// The member's key.
        key: u32,
        /// Hidden or not.
        hidden: bool,
    },
    /// Take a respondent out of the group.
    RemoveMember(u32),
    /// The link formats are here: open what waited for them.
    LinkFormatsLoaded(LinkFormats),
}

/// Everything the app holds while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Workspace {
    bank: &'static Bank,
    assessments: Vec<StoredAssessment>,
    /// Edits made in this page that are not yet in storage, by assessment id, in order.
    pending: Vec<(String, Edit)>,
    /// Assessments written whole (new, copied, kept, brought back) whose write was refused and
    /// that no pending edit will write: Try again writes them.
    unwritten: Vec<String>,
    status: SaveStatus,
    shared_mode: bool,
    set_aside: Vec<SetAside>,
    notices: Vec<String>,
    deleted: Option<StoredAssessment>,
    members: Vec<Member>,
    group_addition: GroupAddition,
    shared_report: Option<Result<SharedAssessment, ShareLinkError>>,
    invitation: Option<Result<CoachSession, CoachLinkError>>,
    formats: Option<LinkFormats>,
    /// The events that need the link formats, in the order they came, while the formats are
    /// not here.
    held: Vec<Event>,
    /// Whether the link formats were asked for.
    formats_asked: bool,
    /// Whether the group changed while the link formats (its writer) were not here.
    group_unkept: bool,
}

impl Workspace {
    /// An empty workspace on this bank with the link formats at hand from the start (the tests
    /// hand it `readiness_links::link_formats()`); [`Event::Start`] reads what the device holds.
    pub fn with_link_formats(bank: &'static Bank, formats: LinkFormats) -> Self {
        Self {
            formats: Some(formats),
            ..Self::without_link_formats(bank)
        }
    }

    /// An empty workspace on this bank whose link formats come later, with
    /// [`Event::LinkFormatsLoaded`].
    pub fn without_link_formats(bank: &'static Bank) -> Self {
        Self {
            bank,
            assessments: Vec::new(),
            pending: Vec::new(),
            unwritten: Vec::new(),
            status: SaveStatus::Saved,
            shared_mode: false,
            set_aside: Vec::new(),
            notices: Vec::new(),
            deleted: None,
            members: Vec::new(),
            group_addition: GroupAddition::default(),
            shared_report: None,
            invitation: None,
            formats: None,
            held: Vec::new(),
            formats_asked: false,
            group_unkept: false,
        }
    }

    /// The bank every assessment is read against.
    pub fn bank(&self) -> &'static Bank {
        self.bank
    }

    /// Every assessment on this device (in shared-computer mode, in this page), most recently
    /// changed first.
    pub fn assessments(&self) -> &[StoredAssessment] {
        &self.assessments
    }

    /// The assessment with this id, if it is here.
    pub fn assessment(&self, id: &str) -> Option<&StoredAssessment> {
        self.assessments.iter().find(|stored| stored.id == id)
    }

    /// Every assessment as the lists show it, most recently changed first.
    pub fn listed(&self) -> Vec<Listed> {
        let total = self.bank.questions().count();
        self.assessments
            .iter()
            .map(|stored| {
                let meta = &stored.assessment.meta;
                Listed {
                    id: stored.id.clone(),
                    name: meta.display_name(),
                    details: meta.listed_details(),
                    date: meta.date.clone(),
                    updated_ms: stored.updated_ms,
                    answered: stored.assessment.answered_count().min(total),
                    total,
                }
            })
            .collect()
    }

    /// Whether changes are being kept.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// Whether shared-computer mode is on.
    pub fn shared_mode(&self) -> bool {
        self.shared_mode
    }

    /// Entries that could not be read, kept for the person to download.
    pub fn set_aside(&self) -> &[SetAside] {
        &self.set_aside
    }

    /// Things the person should know about what was loaded.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Whether any of the notices about this device has something to say: saving failed,
    /// shared-computer mode is on, data was set aside, or something was left out of what was
    /// loaded. The app fetches the notices' code only when this is true.
    pub fn has_device_notice(&self) -> bool {
        matches!(self.status, SaveStatus::Failed(_))
            || self.shared_mode
            || !self.set_aside.is_empty()
            || !self.notices.is_empty()
    }

    /// The assessment deleted last, while it can be brought back.
    pub fn deleted(&self) -> Option<&StoredAssessment> {
        self.deleted.as_ref()
    }

    /// Whether edits wait to be written.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty() || !self.unwritten.is_empty()
    }

    /// The group on the Compare screen, in the order respondents were added.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The members the group view shows: those not hidden.
    pub fn shown_members(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|member| !member.hidden)
    }

    /// The respondents the group view shows: those of the members not hidden.
    pub fn shown_respondents(&self) -> Vec<Respondent> {
        self.shown_members()
            .map(|member| member.respondent.clone())
            .collect()
    }

    /// What the last attempt to add results to the group did.
    pub fn group_addition(&self) -> &GroupAddition {
        &self.group_addition
    }

    /// The report opened from a share link, or why it could not be opened.
    pub fn shared_report(&self) -> Option<&Result<SharedAssessment, ShareLinkError>> {
        self.shared_report.as_ref()
    }

    /// The coach's invitation opened from a coach link, or why it could not be opened.
    pub fn invitation(&self) -> Option<&Result<CoachSession, CoachLinkError>> {
        self.invitation.as_ref()
    }

    /// Whether the link formats are here.
    pub fn has_link_formats(&self) -> bool {
        self.formats.is_some()
    }

    /// Whether something waits for the link formats.
    pub fn awaits_link_formats(&self) -> bool {
        self.formats.is_none() && (!self.held.is_empty() || self.group_unkept)
    }

    /// The kind of the latest link waiting for the link formats to open, if one does.
    pub fn opening_link(&self) -> Option<LinkKind> {
        self.held.iter().rev().find_map(|event| match event {
            Event::OpenLink(fragment) => link_kind(fragment),
            _ => None,
        })
    }

    /// Applies one event and returns what the shell must do.
    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        if self.formats.is_none() && Self::needs_link_formats(&event) {
            self.held.push(event);
            return self.ask_for_link_formats();
        }
        match event {
            Event::Start => vec![Effect::ReadAll, Effect::ReadKeptGroup],
            Event::AllRead(Ok(entries)) => self.read_everything(entries),
            Event::AllRead(Err(error)) => {
                self.status = SaveStatus::Failed(error);
                Vec::new()
            }
            Event::Read { key, purpose, text } => self.read_one(key, purpose, text),
            Event::Written { key, result } => {
                if let Some(id) = assessment_id_of_key(&key) {
                    if result.is_ok() {
                        self.pending.retain(|(pending, _)| pending != id);
                        self.unwritten.retain(|unwritten| unwritten != id);
                    } else if self.assessment(id).is_some()
                        && !self.pending.iter().any(|(pending, _)| pending == id)
                        && !self.unwritten.iter().any(|unwritten| unwritten == id)
                    {
                        self.unwritten.push(id.to_string());
                    }
                }
                self.report(result);
                Vec::new()
            }
            Event::MovedAside { from, to, moved } => {
                if !moved {
                    if let Some(entry) = self.set_aside.iter_mut().find(|e| e.key == to) {
                        entry.key = from;
                        entry
                            .reason
                            .push_str(" It is left where it was, because the device is full.");
                    }
                }
                Vec::new()
            }
            Event::Probed(works) => {
                self.report(if works {
                    Ok(())
                } else {
                    Err(StorageError::Unavailable)
                });
                Vec::new()
            }
            Event::KeptGroupRead(text) => self.restore_group(text),
            Event::OtherTab(Some(key)) => match assessment_id_of_key(&key) {
                Some(_) => vec![Effect::Read {
                    key,
                    purpose: ReadFor::Follow,
                }],
                None => Vec::new(),
            },
            Event::OtherTab(None) => vec![Effect::ReadAll],
            Event::Create { meta, coach, at } => {
                let mut assessment = Assessment::new(self.bank);
                assessment.meta = Meta {
                    date: at.today.clone(),
                    bank_version: self.bank.version().to_string(),
                    ..*meta
                };
                assessment.coach = coach.map(|coach| *coach);
                self.keep(assessment, &at)
            }
            Event::KeepCopy { assessment, at } => self.keep(*assessment, &at),
            Event::KeepSharedReport(at) => match &self.shared_report {
                Some(Ok(shared)) => {
                    let assessment = shared.assessment.clone();
                    self.keep(assessment, &at)
                }
                _ => Vec::new(),
            },
            Event::Duplicate { id, at } => {
                self.copy_named(&id, &at, |name| format!("Copy of {name}"))
            }
            Event::Snapshot { id, at } => {
                let day = at.today.clone();
                self.copy_named(&id, &at, |name| format!("{name} · snapshot {day}"))
            }
            Event::Edit { id, edit, now_ms } => self.edit(id, edit, now_ms),
            Event::Delete(id) => self.delete(&id),
            Event::UndoDelete => match self.deleted.take() {
                Some(stored) => {
                    let effects = self.write_whole(&stored);
                    self.assessments.push(stored);
                    newest_first(&mut self.assessments);
                    effects
                }
                None => Vec::new(),
            },
            Event::Retry => self.retry(),
            Event::SetSharedMode(on) => self.set_shared_mode(on),
            Event::ForgetEverything => {
                self.assessments.clear();
                self.pending.clear();
                self.unwritten.clear();
                self.set_aside.clear();
                self.notices.clear();
                self.deleted = None;
                self.members.clear();
                self.group_addition = GroupAddition::default();
                // A kept group or pasted links still waiting are forgotten too; a link waiting
                // to open is the address's, not the device's, and still opens.
                self.held
                    .retain(|event| matches!(event, Event::OpenLink(_)));
                self.group_unkept = false;
                vec![Effect::ForgetAll]
            }
            Event::DiscardSetAside(key) => {
                self.set_aside.retain(|entry| entry.key != key);
                if key.starts_with(KEY_PREFIX) && !self.shared_mode {
                    vec![Effect::Remove { key }]
                } else {
                    Vec::new()
                }
            }
            Event::AddNotices(lines) => {
                self.tell(lines);
                Vec::new()
            }
            Event::DismissNotices => {
                self.notices.clear();
                Vec::new()
            }
            Event::OpenLink(fragment) => {
                self.open_link(fragment);
                Vec::new()
            }
            Event::CloseInvitation => {
                self.invitation = None;
                Vec::new()
            }
            Event::AddToGroup { arrivals, problems } => self.add_to_group(arrivals, problems),
            // Held by `update` until the link formats are here.
            Event::AddLinksToGroup(text) => match self.formats {
                Some(formats) => {
                    let (arrivals, problems) = self.read_links(formats, &text);
                    self.add_to_group(arrivals, problems)
                }
                None => Vec::new(),
            },
            Event::AddStoredToGroup(ids) => {
                let arrivals = ids
                    .iter()
                    .filter_map(|id| self.assessment(id))
                    .map(|stored| IncomingResult {
                        assessment: stored.assessment.clone(),
                        origin: "this device".to_string(),
                        skipped: Vec::new(),
                    })
                    .collect();
                self.add_to_group(arrivals, Vec::new())
            }
            Event::CompareSharedReport => {
                let Some(Ok(shared)) = &self.shared_report else {
                    return Vec::new();
                };
                let mut arrivals = vec![IncomingResult {
                    assessment: shared.assessment.clone(),
                    origin: "share link".to_string(),
                    skipped: shared.skipped.clone(),
                }];
                // With one assessment on this device it is surely the person's own; with
                // several, the Compare screen lets them pick.
                if let [only] = self.assessments.as_slice() {
                    arrivals.push(IncomingResult {
                        assessment: only.assessment.clone(),
                        origin: "this device".to_string(),
                        skipped: Vec::new(),
                    });
                }
                self.add_to_group(arrivals, Vec::new())
            }
            Event::Rename { key, label } => {
                let label: String = label
                    .trim()
                    .chars()
                    .take(MAX_RESPONDENT_LABEL_CHARS)
                    .collect();
                if label.is_empty() {
                    return Vec::new();
                }
                self.change_member(key, |member| member.respondent.label = label)
            }
            Event::SetHidden { key, hidden } => {
                self.change_member(key, |member| member.hidden = hidden)
            }
            Event::RemoveMember(key) => {
                self.members.retain(|member| member.key != key);
                self.keep_group()
            }
            Event::LinkFormatsLoaded(formats) => self.catch_up(formats),
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod model_tests;
