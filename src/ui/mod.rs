//! The screens and the pieces of page around them, one file each.

pub mod about;
pub mod answering;
pub mod assessment;
pub mod charts;
pub mod coach;
pub mod coach_message;
pub mod compare;
pub mod device_notices;
pub mod footer;
pub mod header;
pub mod help_request;
pub mod home;
pub mod import_file;
pub mod later_style;
pub mod meta_field;
pub mod progress;
pub mod qr_code;
pub mod question;
pub mod report;
pub mod report_screen;
pub mod save_status;
pub mod screen_link;
pub mod session;
pub mod start;
pub mod table_scroll;

/// The product's name, as shown in the header and the browser tab.
pub const PRODUCT_NAME: &str = "Sector Partnership Readiness Check";
