//! A fixed prefix code for the text of share links, tuned to short English titles and notes.
//!
//! Deflate cannot shrink a few dozen characters (its own tables cost more than they save), and
//! the meta of a typical assessment would otherwise take most of a link. This code spends
//! about 3 bits on a space and 4 to 6 on a common lower-case letter, and more on rarer bytes;
//! any byte can be written, so every UTF-8 text round-trips. Each string ends with an end
//! symbol (256), so no lengths are written.
//!
//! The code lengths below are frozen with link format 1, exactly as deflate freezes its fixed
//! code: codes are assigned canonically from the lengths (shorter first, then by symbol), so
//! the table alone defines the code. Never change it; a later link format may add another.

/// The end-of-string symbol.
pub(crate) const END: usize = 256;

/// The longest code, in bits.
const MAX_BITS: usize = 14;

/// The code length of each byte value, then of [`END`].
const CODE_LENGTHS: [u8; 257] = [
    14, 14, 14, 14, 14, 14, 14, 14, 14, 12, 8, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14,
    14, 14, 14, 14, 14, 14, 14, 14, 3, 12, 10, 12, 12, 12, 10, 8, 10, 10, 12, 12, 7, 8, 7, 9, 8, 8,
    8, 8, 8, 8, 8, 8, 8, 8, 10, 11, 12, 12, 12, 11, 12, 8, 8, 8, 8, 8, 9, 8, 9, 9, 9, 9, 9, 8, 8,
    9, 8, 9, 8, 8, 8, 9, 9, 8, 9, 9, 9, 12, 12, 12, 12, 12, 12, 4, 7, 6, 5, 4, 6, 6, 5, 4, 10, 8,
    5, 6, 4, 4, 6, 10, 5, 5, 4, 6, 7, 6, 10, 6, 11, 12, 12, 12, 12, 14, 12, 12, 12, 12, 12, 12, 12,
    12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
    12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
    12, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
    13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13,
    13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 13, 14, 14, 14, 14, 14, 14, 14, 14, 14, 13,
    13, 6,
];

/// The canonical code, built from the lengths.
pub(crate) struct TextCode {
    /// Code of each symbol, right-aligned.
    codes: [u16; 257],
    /// How many codes have each length.
    counts: [u16; MAX_BITS + 1],
    /// Symbols sorted by code.
    sorted: [u16; 257],
}

impl TextCode {
    /// Builds the code from the frozen lengths.
    pub(crate) fn new() -> Self {
        let mut counts = [0u16; MAX_BITS + 1];
        for &length in &CODE_LENGTHS {
            counts[usize::from(length)] += 1;
        }
        let mut next = [0u16; MAX_BITS + 2];
        let mut code = 0u16;
        for bits in 1..=MAX_BITS {
            code = (code + counts[bits - 1]) << 1;
            next[bits] = code;
        }
        // `counts[0]` is zero (every symbol has a code), so the first length starts at 0.
        let mut codes = [0u16; 257];
        for (symbol, &length) in CODE_LENGTHS.iter().enumerate() {
            let length = usize::from(length);
            codes[symbol] = next[length];
            next[length] += 1;
        }
        let mut sorted = [0u16; 257];
        let mut at = 0;
        for bits in 1..=MAX_BITS {
            for (symbol, &length) in CODE_LENGTHS.iter().enumerate() {
                if usize::from(length) == bits {
                    sorted[at] = symbol as u16;
                    at += 1;
                }
            }
        }
        Self {
            codes,
            counts,
            sorted,
        }
    }

    /// Writes the strings, each followed by [`END`], padding the last byte with zero bits.
    pub(crate) fn encode<'s>(&self, strings: impl IntoIterator<Item = &'s str>) -> Vec<u8> {
        let mut writer = BitWriter::default();
        for string in strings {
            for &byte in string.as_bytes() {
                self.write(&mut writer, usize::from(byte));
            }
            self.write(&mut writer, END);
        }
        writer.finish()
    }

    fn write(&self, writer: &mut BitWriter, symbol: usize) {
        writer.push(self.codes[symbol], CODE_LENGTHS[symbol]);
    }

    /// Reads exactly `count` strings from `bytes`, which must hold nothing after them but
    /// zero padding of less than a byte. `None` when the bytes are not such strings or the
    /// text would pass `limit` bytes.
    pub(crate) fn decode(
        &self,
        bytes: &[u8],
        count: usize,
        limit: usize,
    ) -> Result<Vec<Vec<u8>>, &'static str> {
        let mut reader = BitReader { bytes, at: 0 };
        let mut strings = Vec::new();
        let mut current = Vec::new();
        let mut total = 0usize;
        while strings.len() < count {
            let symbol = self
                .read(&mut reader)
                .ok_or("the text ends in the middle")?;
            if symbol == END {
                strings.push(std::mem::take(&mut current));
            } else {
                total += 1;
                if total > limit {
                    return Err("the text is longer than a link may carry");
                }
                current.push(symbol as u8);
            }
        }
        let used_bytes = reader.at.div_ceil(8);
        if used_bytes != bytes.len() {
            return Err("there are extra bytes after the text");
        }
        // The padding bits of the last byte must be zero, so that each text has one link.
        while !reader.at.is_multiple_of(8) {
            if reader.bit() != Some(0) {
                return Err("the text's last byte is not padded with zeros");
            }
        }
        Ok(strings)
    }

    fn read(&self, reader: &mut BitReader<'_>) -> Option<usize> {
        // Canonical decoding, as in zlib's puff.c: walk down the lengths, comparing the code
        // read so far with the first code of each length.
        let mut code: u32 = 0;
        let mut first: u32 = 0;
        let mut index: u32 = 0;
        for bits in 1..=MAX_BITS {
            code |= u32::from(reader.bit()?);
            let count = u32::from(self.counts[bits]);
            if code < first + count {
                return Some(usize::from(self.sorted[(index + code - first) as usize]));
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        None
    }
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    filled: u8,
}

impl BitWriter {
    /// Appends the low `length` bits of `code`, most significant first.
    fn push(&mut self, code: u16, length: u8) {
        for shift in (0..length).rev() {
            if self.filled == 0 {
                self.bytes.push(0);
            }
            let bit = ((code >> shift) & 1) as u8;
            if let Some(last) = self.bytes.last_mut() {
                *last |= bit << (7 - self.filled);
            }
            self.filled = (self.filled + 1) % 8;
        }
    }

    fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

struct BitReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl BitReader<'_> {
    fn bit(&mut self) -> Option<u8> {
        let byte = self.bytes.get(self.at / 8)?;
        let bit = (byte >> (7 - self.at % 8)) & 1;
        self.at += 1;
        Some(bit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_is_complete_and_within_its_longest_length() {
        // Kraft's equality: a complete prefix code, so every bit string decodes to something.
        let sum: u64 = CODE_LENGTHS
            .iter()
            .map(|&l| {
                assert!((1..=MAX_BITS as u8).contains(&l));
                1u64 << (MAX_BITS as u8 - l)
            })
            .sum();
        assert_eq!(sum, 1 << MAX_BITS);
    }

    #[test]
    fn any_text_round_trips_and_common_text_shrinks() {
        let code = TextCode::new();
        let all_bytes: Vec<u8> = (0..=255).collect();
        let texts = [
            "",
            "North Valley",
            "Advanced manufacturing",
            "é 中 😀 \u{202e}x",
        ];
        let encoded = code.encode(texts);
        let decoded = code.decode(&encoded, texts.len(), 1000).expect("decodes");
        let decoded: Vec<&str> = decoded
            .iter()
            .map(|b| std::str::from_utf8(b).expect("utf-8"))
            .collect();
        assert_eq!(decoded, texts);
        assert!(code.encode(["Advanced manufacturing"]).len() < 16);
        // Every byte value, even those UTF-8 never uses, is written and read back.
        let mut writer = BitWriter::default();
        for &b in &all_bytes {
            code.write(&mut writer, usize::from(b));
        }
        code.write(&mut writer, END);
        let bytes = writer.finish();
        assert_eq!(code.decode(&bytes, 1, 1000), Ok(vec![all_bytes]));
    }

    #[test]
    fn limits_padding_and_extra_bytes_are_checked() {
        let code = TextCode::new();
        let encoded = code.encode(["hello world"]);
        assert!(code.decode(&encoded, 1, 5).is_err());
        assert!(code.decode(&encoded, 2, 100).is_err());
        let mut extra = encoded.clone();
        extra.push(0);
        assert!(code.decode(&extra, 1, 100).is_err());
        let mut padded = encoded;
        if let Some(last) = padded.last_mut() {
            *last |= 1;
        }
        // Either the padding is now non-zero, or the last code changed; never a panic.
        let _ = code.decode(&padded, 1, 100);
    }
}
