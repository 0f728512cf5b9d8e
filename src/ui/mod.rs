//! The screens and the pieces of page around them, one file each.

pub mod about;
pub mod footer;
pub mod header;
pub mod home;
pub mod screen_link;
pub mod upcoming;

/// The product's name, as shown in the header and the browser tab.
pub const PRODUCT_NAME: &str = "Sector Partnership Readiness Check";
