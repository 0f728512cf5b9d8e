//! Any fragment: never a panic; and a coach link that opens re-encodes to a link that opens to
//! the same session.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readiness_core::{decode_coach_link, encode_coach_link};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for fragment in [text.to_string(), format!("c={text}")] {
        if let Ok(session) = decode_coach_link(&fragment) {
            let again = decode_coach_link(&encode_coach_link(&session))
                .expect("a re-encoded coach link opens");
            assert_eq!(again, session);
        }
    }
});
