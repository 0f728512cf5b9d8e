//! The browser glue: storage, files handed to the person, the clipboard.

pub mod clipboard;
pub mod download;
pub mod storage;
