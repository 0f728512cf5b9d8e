//! The formats start-up needs, each versioned with golden files in `crates/core/golden/`: the
//! stored record (`format`, with the one reader of a record and its envelope), the export file
//! and its import, the answers' CSV, QR codes and mail drafts; and the types the late link
//! formats hand to the workspace (`link_types`), without their code.
//!
//! It sits on the codec and the domain; the link formats (`readiness-links`) and the workspace
//! sit on it.

#![warn(missing_docs)]

/// The JSON export file and its import, and the CSV of answers.
pub mod export;
pub mod format;
pub mod link_types;
pub mod mail;
/// QR codes of share links, as standalone SVG.
pub mod qr;

pub use export::{
    answers_csv, decode_export, encode_export, file_stem, ImportError, ImportSource, Imported,
    EXPORT_FORMAT, EXPORT_VERSION, MAX_ID_CHARS, MAX_IMPORT_BYTES,
};
pub use format::{
    decode_stored, encode_stored, stored_record, DecodedStored, SkipReason, Skipped,
    StoredAssessment, StoredError, StoredRecord,
};
pub use link_types::{
    CoachLinkError, KeptMember, LinkFormats, ShareLinkError, SharedAssessment, COACH_KEY,
    COACH_LINK_VERSION, LINK_FORMAT_VERSION, SHARE_KEY, URL_WARN_LENGTH,
};
pub use mail::{mail_draft, report_draft};
pub use qr::{qr_drawing, qr_svg, QrDrawing, QrError};
