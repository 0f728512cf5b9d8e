//! Any stored text: never a panic; and what reads writes back to text that reads the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readiness_core::{decode_stored, encode_stored, Bank};

fuzz_target!(|data: &[u8]| {
    let bank = Bank::builtin();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(decoded) = decode_stored(bank, text) {
        let again = decode_stored(bank, &encode_stored(&decoded.stored)).expect("re-stored text reads");
        assert_eq!(again.stored, decoded.stored);
    }
});
