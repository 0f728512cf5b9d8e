//! The envelope every link of this app shares. A link's fragment holds `key=` and a payload
//! among other `&`-separated parts; the payload is base64url of a version byte, the format's
//! body and a CRC-32 (little-endian) of the version and body.
//!
//! [`seal`] writes it and [`open`] reads it: the key lookup, the length cap, base64, the
//! version byte and the check digits live here once. Each link format reads its own body and
//! turns an [`EnvelopeError`] into a sentence of its own.

use base64::Engine as _;

use super::{crc32, BASE64};

/// The longest payload a link may carry, in characters. No link this app makes comes near
/// it; anything longer is refused before it is decoded.
pub const MAX_LINK_CHARS: usize = 512 * 1024;

/// What is wrong with a link's envelope, before its format reads the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeError {
    /// The fragment has no `key=` part.
    Missing,
    /// The fragment is empty, or `key=` has nothing after it.
    Empty,
    /// The payload is longer than [`MAX_LINK_CHARS`].
    TooLong {
        /// The payload's length in characters.
        chars: usize,
    },
    /// The payload's length is not one base64url can have: it was cut short.
    CutShort,
    /// The payload holds characters base64url never uses.
    Garbled,
    /// The payload decodes to no bytes at all.
    NoBytes,
    /// The version byte is 0, which no version of a format makes.
    FormatZero,
    /// A newer version of the format made the link.
    Newer {
        /// The version found.
        found: u8,
    },
    /// Fewer bytes than the parts every link of the format has.
    TooShort,
    /// The check digits do not match.
    ChecksumMismatch,
}

/// The payload after `key=` in `fragment` (with or without its `#`), if it has that part.
/// Parts are trimmed, so a space pasted before a part does not hide it.
pub fn payload<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').find_map(|part| {
        part.trim()
            .strip_prefix(key)
            .and_then(|rest| rest.strip_prefix('='))
    })
}

/// Whether `fragment` holds a `key=` part, empty or not.
pub fn holds(fragment: &str, key: &str) -> bool {
    payload(fragment, key).is_some()
}

/// The fragment of a link to this app in a line of text (an address of any copy of the app,
/// or the fragment alone): from `#key=` on, or the whole line when it starts with `key=`.
pub fn fragment_in<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let line = line.trim();
    let marker_at = line.match_indices('#').find_map(|(at, _)| {
        line[at + 1..]
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('='))
            .then_some(at)
    });
    match marker_at {
        Some(at) => Some(&line[at..]),
        None => line
            .strip_prefix(key)
            .is_some_and(|rest| rest.starts_with('='))
            .then_some(line),
    }
}

/// `key=` and the payload of `body` under `version`, with its check digits.
pub fn seal(key: &str, version: u8, body: &[u8]) -> String {
    let mut bytes = Vec::with_capacity(body.len() + 5);
    bytes.push(version);
    bytes.extend_from_slice(body);
    let checksum = crc32(&bytes);
    bytes.extend_from_slice(&checksum.to_le_bytes());
    let mut out = String::with_capacity(key.len() + 1 + bytes.len().div_ceil(3) * 4);
    out.push_str(key);
    out.push('=');
    BASE64.encode_string(bytes, &mut out);
    out
}

/// The version byte and the body of the `key=` link in `fragment`, its check digits verified
/// and removed: `bytes[0]` is the version, so a format reads its body from index 1. A
/// payload of fewer than `least_bytes` bytes (check digits included) is [`TooShort`].
///
/// [`TooShort`]: EnvelopeError::TooShort
pub fn open(
    fragment: &str,
    key: &str,
    newest: u8,
    least_bytes: usize,
) -> Result<Vec<u8>, EnvelopeError> {
    if fragment.trim().trim_start_matches('#').is_empty() {
        return Err(EnvelopeError::Empty);
    }
    let payload = payload(fragment, key).ok_or(EnvelopeError::Missing)?;
    if payload.is_empty() {
        return Err(EnvelopeError::Empty);
    }
    if payload.len() > MAX_LINK_CHARS {
        return Err(EnvelopeError::TooLong {
            chars: payload.len(),
        });
    }
    let mut bytes = BASE64.decode(payload).map_err(|error| match error {
        base64::DecodeError::InvalidLength(_) => EnvelopeError::CutShort,
        _ => EnvelopeError::Garbled,
    })?;
    // Version first: a newer format may check itself differently.
    match bytes.first() {
        None => return Err(EnvelopeError::NoBytes),
        Some(0) => return Err(EnvelopeError::FormatZero),
        Some(&found) if found > newest => return Err(EnvelopeError::Newer { found }),
        Some(_) => {}
    }
    if bytes.len() < least_bytes.max(5) {
        return Err(EnvelopeError::TooShort);
    }
    let body_end = bytes.len() - 4;
    let check = [
        bytes[body_end],
        bytes[body_end + 1],
        bytes[body_end + 2],
        bytes[body_end + 3],
    ];
    if crc32(&bytes[..body_end]) != u32::from_le_bytes(check) {
        return Err(EnvelopeError::ChecksumMismatch);
    }
    bytes.truncate(body_end);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_sealed_opens_to_its_version_and_body() {
        let sealed = seal("x", 3, b"body");
        assert!(sealed.starts_with("x="));
        assert_eq!(open(&sealed, "x", 3, 0), Ok(b"\x03body".to_vec()));
        assert_eq!(
            open(&format!("#a=1&{sealed}"), "x", 3, 0),
            Ok(b"\x03body".to_vec())
        );
    }

    #[test]
    fn each_fault_of_the_envelope_is_named() {
        let sealed = seal("x", 2, b"body");
        assert_eq!(open("", "x", 2, 0), Err(EnvelopeError::Empty));
        assert_eq!(open("#x=", "x", 2, 0), Err(EnvelopeError::Empty));
        assert_eq!(open("#y=abc", "x", 2, 0), Err(EnvelopeError::Missing));
        assert_eq!(open("x=a", "x", 2, 0), Err(EnvelopeError::CutShort));
        assert_eq!(open("x=a*cd", "x", 2, 0), Err(EnvelopeError::Garbled));
        assert_eq!(
            open(&sealed, "x", 1, 0),
            Err(EnvelopeError::Newer { found: 2 })
        );
        assert_eq!(
            open(&seal("x", 0, b"body"), "x", 2, 0),
            Err(EnvelopeError::FormatZero)
        );
        assert_eq!(open(&sealed, "x", 2, 10), Err(EnvelopeError::TooShort));
        let long = format!("x={}", "A".repeat(MAX_LINK_CHARS + 1));
        assert_eq!(
            open(&long, "x", 2, 0),
            Err(EnvelopeError::TooLong {
                chars: MAX_LINK_CHARS + 1
            })
        );
        // One character changed in the payload: the check digits no longer match.
        let mut changed = sealed.into_bytes();
        changed[6] = if changed[6] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap_or_default();
        assert_eq!(
            open(&changed, "x", 2, 0),
            Err(EnvelopeError::ChecksumMismatch)
        );
    }

    #[test]
    fn a_link_is_found_in_a_line_of_text_by_its_key() {
        let line = "see https://example.org/app/?screen=x#s=AbC_d";
        assert_eq!(fragment_in(line, "s"), Some("#s=AbC_d"));
        assert_eq!(fragment_in("  s=AbC  ", "s"), Some("s=AbC"));
        assert_eq!(fragment_in("#c=AbC", "s"), None);
        assert_eq!(fragment_in("#section=2", "s"), None);
        assert!(holds("#a=1& c=xyz", "c"));
        assert!(!holds("#a=1&cc=xyz", "c"));
    }
}
