//! Any bytes: the core's JSON reader and serde_json accept and refuse the same texts and read
//! the same values, but for the one difference `json_compare` allows (a number beyond `f64`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use readiness_core::format::json_compare::compare;

fuzz_target!(|data: &[u8]| {
    if let Err(difference) = compare(data) {
        panic!("the JSON reader and serde_json differ: {difference}");
    }
});
