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
//! This is the top layer of the crate: it names the domain and the formats, and neither names
//! it.

use crate::assessment::{Assessment, CoachSession, Edit, Meta};
use crate::bank::Bank;
use crate::coach_link::{decode_coach_link, CoachLinkError, COACH_KEY};
use crate::codec::crc32;
use crate::format::{decode_stored, encode_stored, Skipped, StoredAssessment};
use crate::group::{Respondent, MAX_RESPONDENT_LABEL_CHARS};
use crate::group_files::{decode_kept_group, encode_kept_group};
use crate::share_link::{decode_share_link, ShareLinkError, SharedAssessment, SHARE_KEY};

/// The start of every key this app writes; "forget everything" removes exactly these.
pub const KEY_PREFIX: &str = "readiness-check:";
/// The start of the key of each stored assessment; the assessment's id follows.
pub const ASSESSMENT_PREFIX: &str = "readiness-check:assessment:";
/// The start of the key of each entry set aside because it could not be read.
pub const SET_ASIDE_PREFIX: &str = "readiness-check:set-aside:";
/// The key of the Compare screen's group in the tab's session storage.
pub const KEPT_GROUP_KEY: &str = "readiness-check:group";

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
pub struct Moment {
    /// Milliseconds since 1970.
    pub now_ms: u64,
    /// Today as `YYYY-MM-DD`, in the person's time zone.
    pub today: String,
    /// An id no assessment on this device has.
    pub fresh_id: String,
}

/// One respondent on the Compare screen, with a key that stays the same while the page is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Stable within the page, for keyed lists.
    pub key: u32,
    /// The respondent.
    pub respondent: Respondent,
}

/// Results on their way into the group: an assessment, where it came from, and what of it did
/// not fit the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arrival {
    /// The answers.
    pub assessment: Assessment,
    /// Where they came from, e.g. "share link" or a file's name.
    pub origin: String,
    /// What did not fit this bank.
    pub skipped: Vec<Skipped>,
}

/// What the last attempt to add results to the group did, for the Compare screen to say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupNews {
    /// The labels of the respondents added.
    pub added: Vec<String>,
    /// A sentence for each result that could not be added.
    pub problems: Vec<String>,
}

/// How many added respondents the news names before it counts the rest.
const NEWS_NAMES: usize = 5;

impl GroupNews {
    /// What the last addition did, in one sentence: "Added Ana, Ben." or, for a large group,
    /// "Added 50 respondents: Respondent 1, ..., Respondent 5 and 45 more." `None` when
    /// nothing was added.
    pub fn added_sentence(&self) -> Option<String> {
        match self.added.len() {
            0 => None,
            n if n <= NEWS_NAMES + 1 => Some(format!("Added {}.", self.added.join(", "))),
            n => Some(format!(
                "Added {n} respondents: {} and {} more.",
                self.added[..NEWS_NAMES].join(", "),
                n - NEWS_NAMES
            )),
        }
    }
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
        crate::assessment::questions_answered(self.answered, self.total)
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

/// Which kind of link an address's fragment holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A share link: a whole report.
    SharedReport,
    /// A coach link: an invitation to a session.
    CoachInvitation,
}

/// The formats of share links, coach links and the group a tab keeps, as functions the
/// workspace is handed rather than names. Start-up needs none of them unless the address holds
/// a link or the tab kept a group, so the browser app fetches their code (the deflate, base64
/// and link readers) apart from the rest and hands them over with
/// [`Event::LinkFormatsLoaded`]. Until then, whatever needs them waits in the workspace
/// ([`Workspace::awaits_link_formats`]) and nothing is lost.
#[derive(Clone, Copy)]
pub struct LinkFormats {
    /// Reads a share link's fragment.
    pub decode_share_link: fn(&Bank, &str) -> Result<SharedAssessment, ShareLinkError>,
    /// Reads a coach link's fragment.
    pub decode_coach_link: fn(&str) -> Result<CoachSession, CoachLinkError>,
    /// Reads the group a tab kept.
    pub decode_kept_group: fn(&Bank, &str) -> Result<Vec<Respondent>, String>,
    /// Writes the group for the tab to keep.
    pub encode_kept_group: fn(&Bank, &[Respondent]) -> String,
}

impl LinkFormats {
    /// The formats of this crate.
    pub fn all() -> Self {
        Self {
            decode_share_link,
            decode_coach_link,
            decode_kept_group,
            encode_kept_group,
        }
    }
}

impl std::fmt::Debug for LinkFormats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkFormats")
    }
}

impl PartialEq for LinkFormats {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::fn_addr_eq(self.decode_share_link, other.decode_share_link)
            && std::ptr::fn_addr_eq(self.decode_coach_link, other.decode_coach_link)
            && std::ptr::fn_addr_eq(self.decode_kept_group, other.decode_kept_group)
            && std::ptr::fn_addr_eq(self.encode_kept_group, other.encode_kept_group)
    }
}

impl Eq for LinkFormats {}

/// What waits for the link formats: links to open, the group the tab kept, links pasted for
/// the group, and whether the group changed since it was last kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Waiting {
    links: Vec<String>,
    kept_group: Option<String>,
    pasted: Vec<String>,
    group_unkept: bool,
}

impl Waiting {
    fn is_empty(&self) -> bool {
        self.links.is_empty()
            && self.kept_group.is_none()
            && self.pasted.is_empty()
            && !self.group_unkept
    }
}

/// The kind of link in `fragment` (the part of an address after `#`), if it holds one.
pub fn link_kind(fragment: &str) -> Option<LinkKind> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let holds = |key: &str| {
        fragment.split('&').any(|part| {
            part.trim()
                .strip_prefix(key)
                .is_some_and(|rest| rest.starts_with('='))
        })
    };
    if holds(SHARE_KEY) {
        Some(LinkKind::SharedReport)
    } else if holds(COACH_KEY) {
        Some(LinkKind::CoachInvitation)
    } else {
        None
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
        at: Moment,
    },
    /// Keep an assessment from elsewhere (a file) as a new one on this device.
    KeepCopy {
        /// The assessment.
        assessment: Box<Assessment>,
        /// When, and the copy's id.
        at: Moment,
    },
    /// Keep the shared report on show as a new assessment on this device.
    KeepSharedReport(Moment),
    /// Copy an assessment under a new name.
    Duplicate {
        /// Which.
        id: String,
        /// When, and the copy's id.
        at: Moment,
    },
    /// Keep an assessment as it is now, named with today's date.
    Snapshot {
        /// Which.
        id: String,
        /// When, and the snapshot's id.
        at: Moment,
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
    Tell(Vec<String>),
    /// The person has read the notices.
    DismissNotices,
    /// The address's fragment holds a share link or a coach link: open it.
    OpenLink(String),
    /// The coach's invitation was used or put away.
    CloseInvitation,
    /// Add results to the group, with sentences for those that could not be read.
    AddToGroup {
        /// The results.
        arrivals: Vec<Arrival>,
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
    status: SaveStatus,
    shared_mode: bool,
    set_aside: Vec<SetAside>,
    notices: Vec<String>,
    deleted: Option<StoredAssessment>,
    members: Vec<Member>,
    group_news: GroupNews,
    shared_report: Option<Result<SharedAssessment, ShareLinkError>>,
    invitation: Option<Result<CoachSession, CoachLinkError>>,
    formats: Option<LinkFormats>,
    waiting: Waiting,
}

fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// The id of the assessment stored under `key`, if the key is one of an assessment.
pub fn assessment_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(ASSESSMENT_PREFIX)
}

/// Orders assessments as the list shows them: the most recently changed first.
fn newest_first(assessments: &mut [StoredAssessment]) {
    assessments.sort_by_key(|stored| std::cmp::Reverse(stored.updated_ms));
}

impl Workspace {
    /// An empty workspace on this bank, with every link format; [`Event::Start`] reads what the
    /// device holds.
    pub fn new(bank: &'static Bank) -> Self {
        Self {
            formats: Some(LinkFormats::all()),
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
            status: SaveStatus::Saved,
            shared_mode: false,
            set_aside: Vec::new(),
            notices: Vec::new(),
            deleted: None,
            members: Vec::new(),
            group_news: GroupNews::default(),
            shared_report: None,
            invitation: None,
            formats: None,
            waiting: Waiting::default(),
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
        !self.pending.is_empty()
    }

    /// The group on the Compare screen, in the order respondents were added.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The respondents the group view shows: those not hidden.
    pub fn shown_respondents(&self) -> Vec<Respondent> {
        self.members
            .iter()
            .filter(|member| !member.respondent.hidden)
            .map(|member| member.respondent.clone())
            .collect()
    }

    /// What the last attempt to add results to the group did.
    pub fn group_news(&self) -> &GroupNews {
        &self.group_news
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

    /// Whether something waits for the link formats: the shell should load them now.
    pub fn awaits_link_formats(&self) -> bool {
        self.formats.is_none() && !self.waiting.is_empty()
    }

    /// The kind of the latest link waiting for the link formats to open, if one does.
    pub fn opening_link(&self) -> Option<LinkKind> {
        match self.formats {
            Some(_) => None,
            None => self.waiting.links.last().and_then(|link| link_kind(link)),
        }
    }

    /// Every assessment here as one JSON file (a list of stored records), for the person to
    /// keep when the device does not.
    pub fn everything_as_json(&self) -> String {
        let records: Vec<String> = self.assessments.iter().map(encode_stored).collect();
        format!("[{}]", records.join(",\n"))
    }

    /// Applies one event and returns what the shell must do.
    pub fn update(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Start => vec![Effect::ReadAll, Effect::ReadKeptGroup],
            Event::AllRead(Ok(entries)) => self.read_everything(entries),
            Event::AllRead(Err(error)) => {
                self.status = SaveStatus::Failed(error);
                Vec::new()
            }
            Event::Read { key, purpose, text } => self.read_one(key, purpose, text),
            Event::Written { key, result } => {
                if result.is_ok() {
                    if let Some(id) = assessment_id_of_key(&key) {
                        self.pending.retain(|(pending, _)| pending != id);
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
                self.set_aside.clear();
                self.notices.clear();
                self.deleted = None;
                self.members.clear();
                self.group_news = GroupNews::default();
                // A kept group still waiting to be read is forgotten too; a link waiting to open
                // is the address's, not the device's, and still opens.
                self.waiting = Waiting {
                    links: std::mem::take(&mut self.waiting.links),
                    ..Waiting::default()
                };
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
            Event::Tell(lines) => {
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
            Event::AddLinksToGroup(text) => match self.formats {
                Some(formats) => {
                    let (arrivals, problems) = self.read_links(formats, &text);
                    self.add_to_group(arrivals, problems)
                }
                None => {
                    self.waiting.pasted.push(text);
                    Vec::new()
                }
            },
            Event::AddStoredToGroup(ids) => {
                let arrivals = ids
                    .iter()
                    .filter_map(|id| self.assessment(id))
                    .map(|stored| Arrival {
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
                let mut arrivals = vec![Arrival {
                    assessment: shared.assessment.clone(),
                    origin: "share link".to_string(),
                    skipped: shared.skipped.clone(),
                }];
                // With one assessment on this device it is surely the person's own; with
                // several, the Compare screen lets them pick.
                if let [only] = self.assessments.as_slice() {
                    arrivals.push(Arrival {
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
                self.change_member(key, |respondent| respondent.label = label)
            }
            Event::SetHidden { key, hidden } => {
                self.change_member(key, |respondent| respondent.hidden = hidden)
            }
            Event::RemoveMember(key) => {
                self.members.retain(|member| member.key != key);
                self.keep_group()
            }
            Event::LinkFormatsLoaded(formats) => self.catch_up(formats),
        }
    }

    /// Opens a share or coach link, or keeps it until the link formats are here.
    fn open_link(&mut self, fragment: String) {
        let Some(formats) = self.formats else {
            if link_kind(&fragment).is_some() {
                self.waiting.links.push(fragment);
            }
            return;
        };
        let fragment = fragment.strip_prefix('#').unwrap_or(&fragment);
        match link_kind(fragment) {
            Some(LinkKind::SharedReport) => {
                self.shared_report = Some((formats.decode_share_link)(self.bank, fragment));
            }
            Some(LinkKind::CoachInvitation) => {
                self.invitation = Some((formats.decode_coach_link)(fragment));
            }
            None => {}
        }
    }

    /// The link formats came: does, in order, what waited for them.
    fn catch_up(&mut self, formats: LinkFormats) -> Vec<Effect> {
        if self.formats.is_some() {
            return Vec::new();
        }
        self.formats = Some(formats);
        let waiting = std::mem::take(&mut self.waiting);
        let mut effects = Vec::new();
        if let Some(text) = waiting.kept_group {
            effects.extend(self.restore_group(Some(text)));
        }
        for link in waiting.links {
            self.open_link(link);
        }
        if !waiting.pasted.is_empty() {
            let (mut arrivals, mut problems) = (Vec::new(), Vec::new());
            for text in &waiting.pasted {
                let (more, worse) = self.read_links(formats, text);
                arrivals.extend(more);
                problems.extend(worse);
            }
            effects.extend(self.add_to_group(arrivals, problems));
        }
        // Each keep above holds the group as it was then, and only a later keep changes it; a
        // group changed while it waited is kept now unless one of them did.
        let kept = effects
            .iter()
            .any(|effect| matches!(effect, Effect::KeepGroup { .. }));
        if waiting.group_unkept && !kept {
            effects.extend(self.keep_group());
        }
        effects
    }

    /// Start-up, or another tab cleared everything: what the device holds becomes the page's.
    fn read_everything(&mut self, entries: Vec<(String, String)>) -> Vec<Effect> {
        let mut assessments = Vec::new();
        let mut set_aside = Vec::new();
        let mut effects = Vec::new();
        let mut told = Vec::new();
        for (key, text) in entries {
            if key.starts_with(SET_ASIDE_PREFIX) {
                set_aside.push(set_aside_entry(key, text));
                continue;
            }
            if assessment_id_of_key(&key).is_none() {
                continue;
            }
            match decode_stored(self.bank, &text) {
                Ok(decoded) => {
                    let name = decoded.stored.assessment.meta.display_name();
                    told.extend(
                        decoded
                            .skipped
                            .iter()
                            .map(|s| format!("In \"{name}\", the app left out {s}.")),
                    );
                    assessments.push(decoded.stored);
                }
                Err(error) => {
                    let (entry, effect) = self.move_aside(key, text, &error.to_string());
                    set_aside.push(entry);
                    effects.extend(effect);
                }
            }
        }
        newest_first(&mut assessments);
        self.assessments = assessments;
        self.set_aside = set_aside;
        self.tell(told);
        effects
    }

    /// Sets aside text that cannot be read: the entry the page shows, and the move (none in
    /// shared-computer mode, which writes nothing).
    fn move_aside(&self, key: String, raw: String, error: &str) -> (SetAside, Option<Effect>) {
        let reason = format!("A saved assessment could not be read: {error}.");
        if self.shared_mode {
            return (SetAside { key, reason, raw }, None);
        }
        // Named by the text's checksum, so setting aside the same text twice keeps one copy.
        let to = format!("{SET_ASIDE_PREFIX}{:08x}:{key}", crc32(raw.as_bytes()));
        let effect = Effect::MoveAside {
            from: key,
            to: to.clone(),
            text: format!("{reason}\n{raw}"),
        };
        (
            SetAside {
                key: to,
                reason,
                raw,
            },
            Some(effect),
        )
    }

    /// What one key holds now: written over with the pending edits (to save), or shown with
    /// them on top (to follow another tab).
    fn read_one(
        &mut self,
        key: String,
        purpose: ReadFor,
        text: Result<Option<String>, StorageError>,
    ) -> Vec<Effect> {
        let Some(id) = assessment_id_of_key(&key).map(str::to_string) else {
            return Vec::new();
        };
        let text = match text {
            Ok(text) => text,
            Err(error) => {
                if purpose == ReadFor::Save {
                    self.report(Err(error));
                }
                return Vec::new();
            }
        };
        let mut effects = Vec::new();
        let decoded = match text.map(|text| (decode_stored(self.bank, &text), text)) {
            Some((Ok(decoded), _)) => Some(decoded.stored),
            Some((Err(error), raw)) => {
                let (entry, effect) = self.move_aside(key.clone(), raw, &error.to_string());
                self.set_aside.push(entry);
                effects.extend(effect);
                None
            }
            None => None,
        };
        match (decoded, purpose) {
            (Some(mut stored), _) => {
                // What another tab saved, with this page's edits on top: neither loses anything.
                for (_, edit) in self.pending.iter().filter(|(pending, _)| *pending == id) {
                    stored.assessment.apply(edit);
                }
                if let Some(page) = self.assessment(&id) {
                    stored.updated_ms = stored.updated_ms.max(page.updated_ms);
                }
                if purpose == ReadFor::Save && self.assessment(&id).is_some() {
                    effects.extend(self.write_whole(&stored));
                }
                self.replace(stored);
            }
            // Nothing readable is stored (a first save, or set aside just now): the page's copy,
            // which holds every pending edit already, is the whole truth.
            (None, ReadFor::Save) => {
                if let Some(page) = self.assessment(&id).cloned() {
                    effects.extend(self.write_whole(&page));
                }
            }
            // Another tab deleted it.
            (None, ReadFor::Follow) => {
                if effects.is_empty() {
                    self.assessments.retain(|stored| stored.id != id);
                }
            }
        }
        effects
    }

    fn replace(&mut self, stored: StoredAssessment) {
        match self.assessments.iter_mut().find(|s| s.id == stored.id) {
            Some(slot) => *slot = stored,
            None => self.assessments.insert(0, stored),
        }
    }

    /// Keeps a new assessment on this device, never over an existing one.
    fn keep(&mut self, assessment: Assessment, at: &Moment) -> Vec<Effect> {
        let stored = StoredAssessment {
            id: at.fresh_id.clone(),
            created_ms: at.now_ms,
            updated_ms: at.now_ms,
            assessment,
        };
        let effects = self.write_whole(&stored);
        self.assessments.insert(0, stored);
        effects
    }

    fn copy_named(
        &mut self,
        id: &str,
        at: &Moment,
        name: impl FnOnce(&str) -> String,
    ) -> Vec<Effect> {
        let Some(mut copy) = self.assessment(id).map(|s| s.assessment.clone()) else {
            return Vec::new();
        };
        copy.meta.name = name(&copy.meta.display_name());
        self.keep(copy, at)
    }

    fn edit(&mut self, id: String, edit: Edit, now_ms: u64) -> Vec<Effect> {
        let Some(stored) = self.assessments.iter_mut().find(|s| s.id == id) else {
            return Vec::new();
        };
        stored.assessment.apply(&edit);
        stored.updated_ms = now_ms;
        if self.shared_mode {
            self.status = SaveStatus::NotSaving;
            return Vec::new();
        }
        self.pending.push((id.clone(), edit));
        vec![Effect::Read {
            key: assessment_key(&id),
            purpose: ReadFor::Save,
        }]
    }

    fn delete(&mut self, id: &str) -> Vec<Effect> {
        let Some(at) = self.assessments.iter().position(|s| s.id == id) else {
            return Vec::new();
        };
        let stored = self.assessments.remove(at);
        self.pending.retain(|(pending, _)| pending != id);
        self.deleted = Some(stored);
        if self.shared_mode {
            return Vec::new();
        }
        vec![Effect::Remove {
            key: assessment_key(id),
        }]
    }

    fn retry(&mut self) -> Vec<Effect> {
        if self.shared_mode {
            self.status = SaveStatus::NotSaving;
            return Vec::new();
        }
        let mut ids: Vec<&str> = Vec::new();
        for (id, _) in &self.pending {
            if !ids.contains(&id.as_str()) {
                ids.push(id);
            }
        }
        if ids.is_empty() {
            // Nothing pending: learn whether storage works again.
            return vec![Effect::Probe];
        }
        ids.into_iter()
            .map(|id| Effect::Read {
                key: assessment_key(id),
                purpose: ReadFor::Save,
            })
            .collect()
    }

    fn set_shared_mode(&mut self, on: bool) -> Vec<Effect> {
        self.shared_mode = on;
        if on {
            self.pending.clear();
            self.status = SaveStatus::NotSaving;
            return vec![Effect::KeepGroup { text: None }];
        }
        // Off: what the page holds is saved from now on, beginning now.
        self.status = SaveStatus::Saved;
        let mut effects: Vec<Effect> = self
            .assessments
            .iter()
            .flat_map(|stored| self.write_whole(stored))
            .collect();
        effects.extend(self.keep_group());
        effects
    }

    /// The write of a whole assessment, or none in shared-computer mode.
    fn write_whole(&self, stored: &StoredAssessment) -> Vec<Effect> {
        if self.shared_mode {
            return Vec::new();
        }
        vec![Effect::Write {
            key: assessment_key(&stored.id),
            text: encode_stored(stored),
        }]
    }

    fn report(&mut self, result: Result<(), StorageError>) {
        self.status = match result {
            _ if self.shared_mode => SaveStatus::NotSaving,
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::Failed(error),
        };
    }

    fn tell(&mut self, lines: Vec<String>) {
        for line in lines {
            if !self.notices.contains(&line) {
                self.notices.push(line);
            }
        }
    }

    /// The group this tab kept before a reload; a kept group that cannot be read is forgotten
    /// (its results are still wherever they came from) and the person told why. Respondents
    /// added while it waited for the link formats follow the kept ones.
    fn restore_group(&mut self, text: Option<String>) -> Vec<Effect> {
        let Some(text) = text else {
            return Vec::new();
        };
        let Some(formats) = self.formats else {
            self.waiting.kept_group = Some(text);
            return Vec::new();
        };
        match (formats.decode_kept_group)(self.bank, &text) {
            Ok(kept) => {
                let added_meanwhile = std::mem::take(&mut self.members);
                self.members = kept
                    .into_iter()
                    .zip(1..)
                    .map(|(respondent, key)| Member { key, respondent })
                    .collect();
                if added_meanwhile.is_empty() {
                    return Vec::new();
                }
                for Member { mut respondent, .. } in added_meanwhile {
                    respondent.label = self.unique_label(&respondent.label);
                    let key = self.next_key();
                    self.members.push(Member { key, respondent });
                }
                self.keep_group()
            }
            Err(problem) => {
                self.tell(vec![format!(
                    "{problem}; add the results on the Compare screen again."
                )]);
                // Forgets it, unless results were added while it waited.
                self.keep_group()
            }
        }
    }

    /// The group as the tab keeps it: nothing in shared-computer mode, and nothing for an empty
    /// group, so a tab that never compares writes nothing. Without the link formats, the group
    /// is kept once they come (and a kept group still waiting to be restored stays as it is).
    fn keep_group(&mut self) -> Vec<Effect> {
        if self.shared_mode {
            return vec![Effect::KeepGroup { text: None }];
        }
        let Some(formats) = self.formats else {
            if !self.members.is_empty() || self.waiting.kept_group.is_some() {
                self.waiting.group_unkept = true;
            }
            return Vec::new();
        };
        let text = (!self.members.is_empty()).then(|| {
            let respondents: Vec<Respondent> = self
                .members
                .iter()
                .map(|member| member.respondent.clone())
                .collect();
            (formats.encode_kept_group)(self.bank, &respondents)
        });
        vec![Effect::KeepGroup { text }]
    }

    fn change_member(&mut self, key: u32, change: impl FnOnce(&mut Respondent)) -> Vec<Effect> {
        match self.members.iter_mut().find(|member| member.key == key) {
            Some(member) => {
                change(&mut member.respondent);
                self.keep_group()
            }
            None => Vec::new(),
        }
    }

    fn add_to_group(&mut self, arrivals: Vec<Arrival>, problems: Vec<String>) -> Vec<Effect> {
        let mut added = Vec::with_capacity(arrivals.len());
        for arrival in arrivals {
            let key = self.next_key();
            let label = self.unique_label(&self.label_of(&arrival.assessment));
            added.push(label.clone());
            self.members.push(Member {
                key,
                respondent: Respondent {
                    label,
                    hidden: false,
                    origin: arrival.origin,
                    left_out: arrival.skipped.iter().map(|s| s.to_string()).collect(),
                    assessment: arrival.assessment,
                },
            });
        }
        let changed = !added.is_empty();
        self.group_news = GroupNews { added, problems };
        if changed {
            self.keep_group()
        } else {
            Vec::new()
        }
    }

    /// A key no member has.
    fn next_key(&self) -> u32 {
        self.members.iter().map(|m| m.key + 1).max().unwrap_or(1)
    }

    /// A label from who answered: their role, else the assessment's name.
    fn label_of(&self, assessment: &Assessment) -> String {
        let meta = &assessment.meta;
        [meta.respondent_role.trim(), meta.name.trim()]
            .into_iter()
            .find(|text| !text.is_empty())
            .map(|text| text.chars().take(MAX_RESPONDENT_LABEL_CHARS).collect())
            .unwrap_or_else(|| format!("Respondent {}", self.members.len() + 1))
    }

    /// `base`, or `base (2)`, `base (3)`… whichever no member has yet.
    fn unique_label(&self, base: &str) -> String {
        let base = base.to_string();
        let taken = |label: &str| self.members.iter().any(|m| m.respondent.label == label);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|label| !taken(label))
            .unwrap_or(base)
    }

    /// Every share link in `text`, one a line, and a sentence for each line that is not one.
    fn read_links(&self, formats: LinkFormats, text: &str) -> (Vec<Arrival>, Vec<String>) {
        let mut arrivals = Vec::new();
        let mut problems = Vec::new();
        let marker = format!("#{SHARE_KEY}=");
        for (at, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            // The fragment is what matters; the address before it may be any copy of the app.
            let fragment = match line.find(&marker) {
                Some(start) => &line[start..],
                None if line.starts_with(&marker[1..]) => line,
                None => {
                    problems.push(format!(
                        "Line {}: this is not a share link of this check (it has no \"{marker}\" part).",
                        at + 1
                    ));
                    continue;
                }
            };
            match (formats.decode_share_link)(self.bank, fragment) {
                Ok(shared) => arrivals.push(Arrival {
                    assessment: shared.assessment,
                    origin: "share link".to_string(),
                    skipped: shared.skipped,
                }),
                Err(error) => problems.push(format!("Line {}: {error}", at + 1)),
            }
        }
        (arrivals, problems)
    }
}

/// An entry set aside earlier: the reason on its first line, then the text as it was.
fn set_aside_entry(key: String, kept: String) -> SetAside {
    let (reason, raw) = kept
        .split_once('\n')
        .map(|(reason, raw)| (reason.to_string(), raw.to_string()))
        .unwrap_or_else(|| ("Saved data that could not be read.".to_string(), kept));
    SetAside { key, reason, raw }
}

#[cfg(test)]
mod tests;
