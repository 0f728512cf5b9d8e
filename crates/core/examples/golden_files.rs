//! Writes the current bank's golden files: its share links, its export file and its stored
//! record, made from the assessments of `readiness_core::golden`.
//!
//! ```text
//! cargo run -p readiness-core --example golden_files            # prints them
//! cargo run -p readiness-core --example golden_files -- golden  # writes them into golden/
//! ```
//!
//! (From `crates/core`; give any folder.) A golden file never changes once shipped: a file
//! already there is left alone, and said to be the same or to differ. When the bank changes,
//! add the assessment that answers what it added to `golden` and name it in `answered` below,
//! with the new file's stamps.

use std::path::Path;
use std::process::ExitCode;

use readiness_core::golden::{answered_2026_3, golden_links};
use readiness_core::{encode_export, encode_share_link, encode_stored, Bank, StoredAssessment};

/// The current bank's answered assessment and its files' stamps: the stored record's id, when
/// it was created (it was changed ten minutes later) and when it was exported.
fn answered() -> StoredAssessment {
    StoredAssessment {
        id: "golden-2026-3".into(),
        created_ms: 1_764_928_800_000,
        updated_ms: 1_764_928_800_000 + 600_000,
        assessment: answered_2026_3(),
    }
}
const EXPORTED_AT: &str = "2026-12-05T10:00:00Z";

/// The link format and layout a share link names in its first two bytes.
fn format_and_layout(link: &str) -> (u8, u8) {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        _ => 63,
    };
    let start = link.strip_prefix("s=").unwrap_or(link).as_bytes();
    let [a, b, c] = [0, 1, 2].map(|i| value(start[i]));
    (a << 2 | b >> 4, (b & 15) << 4 | c >> 2)
}

fn share_links(bank: &Bank) -> String {
    let links: Vec<(&str, String)> = golden_links()
        .iter()
        .map(|(name, a)| (*name, encode_share_link(bank, a)))
        .collect();
    let (format, layout) = format_and_layout(&links[0].1);
    let mut text = format!(
        "# Share links made with link format {format} and layout {layout} (bank {}). Never change this file: every later\n\
         # version of the app must open these links and read the same content (see share_link/tests.rs).\n\
         # One link per line: a name, a space, the fragment as the app writes it (without the #).\n",
        bank.version()
    );
    for (name, link) in links {
        text += &format!("{name} {link}\n");
    }
    text
}

fn main() -> ExitCode {
    let bank = Bank::builtin();
    let version = bank.version();
    let stored = answered();
    let files = [
        (format!("share-links-{version}.txt"), share_links(bank)),
        (
            format!("export-{version}.json"),
            encode_export(bank, &stored.assessment, "0.1.0", EXPORTED_AT) + "\n",
        ),
        (
            format!("stored-{version}.json"),
            encode_stored(&stored) + "\n",
        ),
    ];
    let Some(folder) = std::env::args().nth(1) else {
        for (name, text) in &files {
            print!("==> {name} <==\n{text}");
        }
        return ExitCode::SUCCESS;
    };
    let mut differ = false;
    for (name, text) in &files {
        let path = Path::new(&folder).join(name);
        match std::fs::read_to_string(&path) {
            Ok(shipped) if shipped == *text => println!("{}: the same", path.display()),
            Ok(_) => {
                eprintln!("{}: differs, and is left alone", path.display());
                differ = true;
            }
            Err(_) => match std::fs::write(&path, text) {
                Ok(()) => println!("{}: written", path.display()),
                Err(error) => {
                    eprintln!("{}: {error}", path.display());
                    differ = true;
                }
            },
        }
    }
    if differ {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
