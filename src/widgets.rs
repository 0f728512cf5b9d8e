//! The pieces of page the screens share: the frame's header, footer and notices, charts,
//! fields, links and tables.

pub mod charts;
pub mod choose_results;
pub mod coach_message;
pub mod device_notices;
pub mod footer;
pub mod header;
pub mod import_file;
pub mod later_style;
pub mod meta_field;
pub mod qr_code;
pub mod question;
pub mod save_status;
pub mod screen_link;
pub mod table_scroll;
