//! Links: the share and coach links opened from the address, the link formats that come late
//! (asked for with an effect; the events that need them wait in one queue), and links pasted
//! for the group.

use super::*;

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
/// [`Event::LinkFormatsLoaded`]. The first event that needs them asks for them with
/// [`Effect::LoadLinkFormats`]; until they come, the events that need them wait in the
/// workspace, in order, and nothing is lost.
#[derive(Clone, Copy)]
pub struct LinkFormats {
    /// Reads a share link's fragment.
    pub decode_share_link: fn(&Bank, &str) -> Result<SharedAssessment, ShareLinkError>,
    /// Reads a coach link's fragment.
    pub decode_coach_link: fn(&str) -> Result<CoachSession, CoachLinkError>,
    /// Reads the group a tab kept.
    pub decode_kept_group: fn(&Bank, &str) -> Result<Vec<KeptMember>, String>,
    /// Writes the group for the tab to keep.
    pub encode_kept_group: fn(&Bank, &[KeptMember]) -> String,
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

/// The kind of link in `fragment` (the part of an address after `#`), if it holds one.
pub fn link_kind(fragment: &str) -> Option<LinkKind> {
    if envelope::holds(fragment, SHARE_KEY) {
        Some(LinkKind::SharedReport)
    } else if envelope::holds(fragment, COACH_KEY) {
        Some(LinkKind::CoachInvitation)
    } else {
        None
    }
}

impl Workspace {
    /// Whether `event` needs the link formats: a link to open, links pasted for the group, the
    /// group the tab kept.
    pub(super) fn needs_link_formats(event: &Event) -> bool {
        match event {
            Event::OpenLink(fragment) => link_kind(fragment).is_some(),
            Event::AddLinksToGroup(_) | Event::KeptGroupRead(Some(_)) => true,
            _ => false,
        }
    }

    /// Asks for the link formats, once.
    pub(super) fn ask_for_link_formats(&mut self) -> Vec<Effect> {
        if std::mem::replace(&mut self.formats_asked, true) {
            Vec::new()
        } else {
            vec![Effect::LoadLinkFormats]
        }
    }

    /// Opens a share or coach link (the link formats are here: `update` holds it until then).
    pub(super) fn open_link(&mut self, fragment: String) {
        let Some(formats) = self.formats else {
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

    /// The link formats came: does what waited for them, in the order it came.
    pub(super) fn catch_up(&mut self, formats: LinkFormats) -> Vec<Effect> {
        if self.formats.is_some() {
            return Vec::new();
        }
        self.formats = Some(formats);
        let mut effects = Vec::new();
        for event in std::mem::take(&mut self.held) {
            effects.extend(self.update(event));
        }
        // Each keep above holds the group as it was then, and only a later keep changes it; a
        // group changed while it waited is kept now unless one of them did.
        let kept = effects
            .iter()
            .any(|effect| matches!(effect, Effect::KeepGroup { .. }));
        if std::mem::take(&mut self.group_unkept) && !kept {
            effects.extend(self.keep_group());
        }
        effects
    }

    /// Every share link in `text`, one a line, and a sentence for each line that is not one.
    pub(super) fn read_links(
        &self,
        formats: LinkFormats,
        text: &str,
    ) -> (Vec<IncomingResult>, Vec<String>) {
        let mut arrivals = Vec::new();
        let mut problems = Vec::new();
        for (at, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            // The fragment is what matters; the address before it may be any copy of the app.
            let Some(fragment) = envelope::fragment_in(line, SHARE_KEY) else {
                problems.push(format!(
                    "Line {}: this is not a share link of this check (it has no \"#{SHARE_KEY}=\" part).",
                    at + 1
                ));
                continue;
            };
            match (formats.decode_share_link)(self.bank, fragment) {
                Ok(shared) => arrivals.push(IncomingResult {
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
