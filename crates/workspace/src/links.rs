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

pub use readiness_formats::link_types::LinkFormats;

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
