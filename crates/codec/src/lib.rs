//! The bytes of the links: varints, the CRC-32, the text block (plain, deflated, or written
//! with the fixed text code, whichever is smallest), base64url and compact dates.
//!
//! This layer knows nothing of the domain or of the formats built on it (share links, coach
//! links): it reads and writes bytes, never trusts a length, and reports every failure as a
//! [`CodecError`], which each format turns into a message of its own.

#![warn(missing_docs)]

mod crc32;
pub mod envelope;
mod text_code;

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;

pub use crc32::crc32;
use text_code::TextCode;

/// The most text a deflated or coded text block may expand to, so that a hostile link
/// cannot make the page allocate without bound.
pub const MAX_TEXT_BYTES: usize = 256 * 1024;

/// What is wrong with bytes that cannot be read, as the end of a sentence ("the link is
/// damaged (it ends too early)").
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// The bytes end before what they announce.
    #[error("it ends too early")]
    EndsEarly,
    /// A length runs past the end.
    #[error("a part of it is longer than the link")]
    PartTooLong,
    /// A varint has more than 64 bits.
    #[error("a number in it is too large")]
    NumberTooLarge,
    /// Deflated text that does not inflate, or inflates past [`MAX_TEXT_BYTES`].
    #[error("its text could not be unpacked")]
    CannotUnpack,
    /// A text block mode this version does not know.
    #[error("it uses a way of writing this version does not know")]
    UnknownWriting,
    /// Text that is not UTF-8.
    #[error("its text is not valid UTF-8")]
    NotUtf8,
    /// Bytes left over after the text.
    #[error("there are extra bytes after its text")]
    ExtraBytes,
    /// Text written with the text code that cannot be read.
    #[error("{0}")]
    TextCode(&'static str),
}

/// The base64url engine: no padding written; padding tolerated when reading, since some
/// programs add it.
pub const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A text block's mode: the strings as they are.
pub const TEXT_PLAIN: u8 = 0;
/// A text block's mode: the strings deflated.
pub const TEXT_DEFLATE: u8 = 1;
/// A text block's mode: the strings in the fixed text code.
pub const TEXT_CODED: u8 = 2;

/// The smallest of the three ways of writing the text block, with its mode.
pub fn text_block(strings: &[&str]) -> (u8, Vec<u8>) {
    let mut plain = Vec::new();
    for string in strings {
        write_varint(&mut plain, string.len() as u64);
        plain.extend_from_slice(string.as_bytes());
    }
    let text_bytes: usize = strings.iter().map(|s| s.len()).sum();
    // The decoder caps unpacked text, so larger text is only ever written plain.
    if text_bytes > MAX_TEXT_BYTES || plain.len() > MAX_TEXT_BYTES {
        return (TEXT_PLAIN, plain);
    }
    let coded = TextCode::new().encode(strings.iter().copied());
    // Short text never deflates smaller, so deflate is only tried on longer text.
    let deflated = (plain.len() > 64).then(|| miniz_oxide::deflate::compress_to_vec(&plain, 9));
    let mut best = (TEXT_PLAIN, plain);
    if coded.len() < best.1.len() {
        best = (TEXT_CODED, coded);
    }
    if let Some(deflated) = deflated.filter(|d| d.len() < best.1.len()) {
        best = (TEXT_DEFLATE, deflated);
    }
    best
}

/// Reads exactly `count` strings from a text block written by [`text_block`] in `mode`.
pub fn read_text_block(mode: u8, block: &[u8], count: usize) -> Result<Vec<String>, CodecError> {
    let strings = match mode {
        TEXT_PLAIN => read_plain(block, count)?,
        TEXT_DEFLATE => {
            let plain = miniz_oxide::inflate::decompress_to_vec_with_limit(block, MAX_TEXT_BYTES)
                .map_err(|_| CodecError::CannotUnpack)?;
            read_plain(&plain, count)?
        }
        TEXT_CODED => TextCode::new()
            .decode(block, count, MAX_TEXT_BYTES)
            .map_err(CodecError::TextCode)?,
        _ => return Err(CodecError::UnknownWriting),
    };
    strings
        .into_iter()
        .map(|bytes| String::from_utf8(bytes).map_err(|_| CodecError::NotUtf8))
        .collect()
}

/// Reads exactly `count` length-prefixed strings that fill `bytes`.
fn read_plain(bytes: &[u8], count: usize) -> Result<Vec<Vec<u8>>, CodecError> {
    let mut reader = Reader { bytes, at: 0 };
    let mut strings = Vec::with_capacity(count.min(128));
    for _ in 0..count {
        let length = usize::try_from(reader.varint()?).unwrap_or(usize::MAX);
        strings.push(reader.take(length)?.to_vec());
    }
    if !reader.rest().is_empty() {
        return Err(CodecError::ExtraBytes);
    }
    Ok(strings)
}

/// Reads the payload, refusing to go past its end.
pub struct Reader<'a> {
    /// The whole payload.
    pub bytes: &'a [u8],
    /// Where the next read starts.
    pub at: usize,
}

impl<'a> Reader<'a> {
    /// The next byte.
    pub fn byte(&mut self) -> Result<u8, CodecError> {
        let byte = *self.bytes.get(self.at).ok_or(CodecError::EndsEarly)?;
        self.at += 1;
        Ok(byte)
    }

    /// The next `length` bytes.
    pub fn take(&mut self, length: usize) -> Result<&'a [u8], CodecError> {
        let end = self
            .at
            .checked_add(length)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(CodecError::PartTooLong)?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    /// Every byte left.
    pub fn rest(&mut self) -> &'a [u8] {
        let rest = self.bytes.get(self.at..).unwrap_or_default();
        self.at = self.bytes.len();
        rest
    }

    /// An unsigned LEB128 number of at most 64 bits.
    pub fn varint(&mut self) -> Result<u64, CodecError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let part = u64::from(byte & 0x7F);
            if shift == 63 && part > 1 {
                break;
            }
            value |= part << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(CodecError::NumberTooLarge)
    }
}

/// Writes `value` as an unsigned LEB128 number.
pub fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Days from 2000-01-01 to a date written exactly as `YYYY-MM-DD`, when it is a real date
/// that fits a `u16` of days; `None` otherwise (the date is then written as text).
pub fn days_since_2000(date: &str) -> Option<u16> {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = date.get(range)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let days = days_from_civil(year, month, day)? - days_from_civil(2000, 1, 1)?;
    let days = u16::try_from(days).ok()?;
    // Only a date that reads back exactly the same is written compactly.
    (date_from_days(days) == date).then_some(days)
}

/// The date `days` after 2000-01-01, as `YYYY-MM-DD`.
pub fn date_from_days(days: u16) -> String {
    // Howard Hinnant's civil-from-days, shifted so day 0 is 2000-01-01 (a March-based year
    // puts the leap day last).
    let z = i64::from(days) + 10_957 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 of a civil date; `None` for a month or day that cannot exist.
fn days_from_civil(year: i64, month: i64, day: i64) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let length = *month_days.get(usize::try_from(month - 1).ok()?)?;
    if !(1..=length).contains(&day) {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The text code's bytes for these strings, for tests that build links by hand.
#[doc(hidden)]
pub fn text_code_for_tests(strings: &[&str]) -> Vec<u8> {
    TextCode::new().encode(strings.iter().copied())
}
