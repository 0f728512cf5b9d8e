//! Any fragment: never a panic; and a link that opens re-encodes to a link that opens to the
//! same assessment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readiness_core::{decode_share_link, encode_share_link, Bank};

fuzz_target!(|data: &[u8]| {
    let bank = Bank::builtin();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for fragment in [text.to_string(), format!("s={text}")] {
        if let Ok(shared) = decode_share_link(bank, &fragment) {
            let again = decode_share_link(bank, &encode_share_link(bank, &shared.assessment))
                .expect("a re-encoded link opens");
            assert_eq!(again.assessment, shared.assessment);
        }
    }
});
