//! What the link formats, which load late (`readiness-links`), hand to the workspace, and the
//! keys and versions their messages name: the share link's and the coach link's errors, an
//! assessment read from a share link, a member of the group a tab keeps. Start-up names these
//! types and keys; the code that writes and reads the links is not here, so start-up cannot
//! call it.

use readiness_codec::CodecError;
use readiness_domain::assessment::{Assessment, CoachSession};
use readiness_domain::bank::Bank;
use readiness_domain::group::Respondent;

use crate::format::Skipped;

/// The fragment's key: a share link's fragment reads `s=<payload>` (the app adds the `#`).
pub const SHARE_KEY: &str = "s";

/// The whole-URL length above which the app suggests the JSON file instead: some mail
/// programs and chat apps cut longer links.
pub const URL_WARN_LENGTH: usize = 2000;

/// The link format version this build writes and the newest it reads.
pub const LINK_FORMAT_VERSION: u8 = 1;

/// An assessment read from a share link, with what did not fit this version's bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAssessment {
    /// The assessment, meta, answers, notes and TA request.
    pub assessment: Assessment,
    /// Answers, notes or help areas the link carries that this bank does not have.
    pub skipped: Vec<Skipped>,
}

/// Why a share link could not be opened. Each message says what to do next.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum ShareLinkError {
    /// The fragment is empty, or `s=` has nothing after it.
    #[error("This link carries no assessment: the part after \"#s=\" is missing. Ask for the link again, or ask for the JSON file.")]
    Empty,
    /// The fragment has no `s=` part: not a share link of this app.
    #[error("This link does not hold a shared assessment (its end has no \"#s=\" part). Check that the whole link was copied.")]
    NotOurs,
    /// The payload holds characters base64url never uses.
    #[error(
        "Part of the link is missing or was changed: ask for the link again, or use the JSON file."
    )]
    Garbled,
    /// The payload is longer than any link this app makes.
    #[error("This link is far longer than any this app makes ({chars} characters), so it was not opened. Ask for the JSON file instead.")]
    TooLong {
        /// The payload's length in characters.
        chars: usize,
    },
    /// The payload ends before the parts every link has.
    #[error("The link is cut short: copy the whole link (it may run over several lines in an email), or ask for it again.")]
    Truncated,
    /// The check digits do not match.
    #[error("The link was changed or cut short on the way (its check digits do not match). Copy the whole link again, or ask for the JSON file.")]
    ChecksumMismatch,
    /// A newer version of the app made the link.
    #[error("This link was made by a newer version of this app (link format {found}; this version reads up to {LINK_FORMAT_VERSION}). Reload the page to get the newest version, or ask for the JSON file.")]
    NewerFormat {
        /// The link format found.
        found: u8,
    },
    /// The link names a question-bank layout this build does not know.
    #[error("This link was made with a question bank this version does not know (layout {code}). Reload the page to get the newest version, or ask for the JSON file.")]
    UnknownLayout {
        /// The layout code found.
        code: u64,
    },
    /// The checks pass but the content does not make sense.
    #[error("The link is damaged ({detail}). Ask for the link again, or use the JSON file.")]
    Damaged {
        /// What is wrong.
        detail: String,
    },
}

impl From<CodecError> for ShareLinkError {
    fn from(error: CodecError) -> Self {
        ShareLinkError::Damaged {
            detail: error.to_string(),
        }
    }
}

/// The fragment's key: a coach link's fragment reads `c=<payload>`.
pub const COACH_KEY: &str = "c";

/// The coach link format version this build writes and the newest it reads.
pub const COACH_LINK_VERSION: u8 = 1;

/// Why a coach link could not be opened. Each message says what to do next.
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum CoachLinkError {
    /// The fragment has no `c=` part, or nothing after it.
    #[error("This link carries no session from a coach (the part after \"#c=\" is missing). Ask your coach to send the link again.")]
    Empty,
    /// The payload holds characters base64url never uses, or is cut short.
    #[error("Part of the link is missing or was changed on the way. Copy the whole link again (it may run over several lines in an email), or ask your coach to send it again.")]
    Garbled,
    /// The payload is longer than any coach link this app makes.
    #[error("This link is far longer than any coach link this app makes ({chars} characters), so it was not opened. Ask your coach to send it again.")]
    TooLong {
        /// The payload's length in characters.
        chars: usize,
    },
    /// The check digits do not match.
    #[error("The link was changed or cut short on the way (its check digits do not match). Copy the whole link again, or ask your coach to send it again.")]
    ChecksumMismatch,
    /// A newer version of the app made the link.
    #[error("This coach link was made by a newer version of this app (format {found}; this version reads up to {COACH_LINK_VERSION}). Reload the page to get the newest version.")]
    NewerFormat {
        /// The format found.
        found: u8,
    },
    /// The checks pass but the content does not make sense.
    #[error("The coach link is damaged ({detail}). Ask your coach to send it again.")]
    Damaged {
        /// What is wrong.
        detail: String,
    },
}

impl From<CodecError> for CoachLinkError {
    fn from(error: CodecError) -> Self {
        CoachLinkError::Damaged {
            detail: error.to_string(),
        }
    }
}

/// One member of the Compare screen's group as a tab keeps it: the respondent and what the
/// screen says about them. The workspace's member is this with a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptMember {
    /// The respondent: label and answers.
    pub respondent: Respondent,
    /// Hidden members stay in the group but leave the group view.
    pub hidden: bool,
    /// Where the results came from, e.g. "share link" or a file's name.
    pub origin: String,
    /// What their results held that this bank does not have, as sentences.
    pub left_out: Vec<String>,
}

/// The formats of share links, coach links and the group a tab keeps, as functions the
/// workspace is handed rather than names (`readiness_links::link_formats` makes them).
/// Start-up needs none of them unless the address holds a link or the tab kept a group, so the
/// browser app fetches their code (the deflate, base64 and link readers) apart from the rest
/// and hands them over with the workspace's `Event::LinkFormatsLoaded`. The first event that
/// needs them asks for them with its `Effect::LoadLinkFormats`; until they come, the events
/// that need them wait in the workspace, in order, and nothing is lost.
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
