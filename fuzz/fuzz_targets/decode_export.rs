//! Any file: never a panic; and a file that imports exports to a file that imports the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use readiness_core::{answers_csv, decode_export, encode_export, Bank};

fuzz_target!(|data: &[u8]| {
    let bank = Bank::builtin();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(imported) = decode_export(bank, text) {
        let again = decode_export(bank, &encode_export(bank, &imported.assessment, "fuzz", "now"))
            .expect("a re-exported file imports");
        assert_eq!(again.assessment, imported.assessment);
        let _ = answers_csv(bank, &imported.assessment);
    }
});
