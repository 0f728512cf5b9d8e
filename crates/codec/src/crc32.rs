//! The CRC-32 that closes every share link: the common one of zlib, PNG and Ethernet
//! (reflected polynomial `0xEDB88320`, initial value and final XOR all ones).
//!
//! From the `crc` crate with its `NoTable` implementation: the same bit-by-bit loop as a table
//! would replace. A link is at most a few kilobytes, so the check takes microseconds either
//! way, and a table would put 1 to 16 KB of incompressible data into the wasm that every
//! visitor downloads.

use crc::{Crc, NoTable, CRC_32_ISO_HDLC};

const CRC_32: Crc<u32, NoTable> = Crc::<u32, NoTable>::new(&CRC_32_ISO_HDLC);

/// The CRC-32 of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    CRC_32.checksum(bytes)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::crc32;

    #[test]
    fn matches_the_standard_check_values() {
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
    }

    proptest! {
        #[test]
        fn agrees_with_crc32fast(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
            prop_assert_eq!(crc32(&bytes), crc32fast::hash(&bytes));
        }
    }
}
