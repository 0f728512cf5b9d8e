//! The link formats that load late, in a wasm chunk of their own: share links, coach links,
//! the group's CSV and JSON and the group a tab keeps, the portfolio file, and the report's
//! outputs (which hold a share link). [`link_formats`] hands the workspace the ones it runs.
//!
//! It sits on the codec, the domain and the formats. The workspace does not depend on it, so
//! start-up code cannot call a late format: only the chunk that builds [`link_formats`] names
//! them.

#![warn(missing_docs)]

/// Coach links: a coach's session context in the URL fragment, with no answers.
pub mod coach_link;
/// The group view's CSV and JSON, and the group a tab keeps.
pub mod group_files;
pub mod outputs;
/// The portfolio file, a partnership as the device keeps it, and the portfolio's CSV.
pub mod portfolio_file;
/// Share links: the whole assessment, compact and versioned, in the URL fragment.
pub mod share_link;

#[cfg(test)]
mod bad_inputs;

pub use coach_link::{
    decode_coach_link, encode_coach_link, CoachLinkError, COACH_KEY, COACH_LINK_VERSION,
};
pub use group_files::{
    decode_kept_group, encode_kept_group, group_csv, group_json, KeptMember, GROUP_FORMAT,
    GROUP_VERSION, KEPT_GROUP_FORMAT,
};
pub use outputs::{report_outputs, ReportOutputs};
pub use share_link::{
    decode_share_link, encode_share_link, link_copied_message, ShareLinkError, SharedAssessment,
    LINK_FORMAT_VERSION, MAX_LINK_CHARS, MAX_LINK_TEXT_BYTES, SHARE_KEY, URL_WARN_LENGTH,
};

use readiness_formats::link_types::LinkFormats;

/// The link formats the workspace is handed (with its `Event::LinkFormatsLoaded`): reading
/// share and coach links, and writing and reading the group a tab keeps.
pub fn link_formats() -> LinkFormats {
    LinkFormats {
        decode_share_link,
        decode_coach_link,
        decode_kept_group,
        encode_kept_group,
    }
}
