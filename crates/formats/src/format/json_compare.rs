//! The JSON reader against serde_json, for the `json_reader` fuzz target and the test of its
//! seeds (the parsing cases of a public JSON test suite, whose names say what a reader must do
//! with them: `y_` accept, `n_` refuse, `i_` either). Nothing in the app calls it.

use std::collections::BTreeMap;

use super::{read_json_value, JsonValue};

/// Where the two readers' values differ, if they do. serde_json keeps the last value of a name
/// written twice (and, without `preserve_order`, sorts the names), so the reader's members are
/// reduced the same way and looked up by name; numbers are compared when serde_json holds them as a `u64`, which it does exactly when
/// the reader reads them as whole.
fn differs(ours: &JsonValue, theirs: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let same = match (ours, theirs) {
        (JsonValue::Null, Value::Null) => true,
        (JsonValue::Bool(a), Value::Bool(b)) => a == b,
        (JsonValue::Text(a), Value::String(b)) => a == b,
        (JsonValue::Whole(a), Value::Number(b)) => b.as_u64() == Some(*a),
        (JsonValue::OtherNumber, Value::Number(b)) => b.as_u64().is_none(),
        (JsonValue::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("{} items against {}", a.len(), b.len()));
            }
            return a.iter().zip(b).find_map(|(a, b)| differs(a, b));
        }
        (JsonValue::Object(a), Value::Object(b)) => {
            let last: BTreeMap<&str, &JsonValue> = a
                .iter()
                .map(|(name, value)| (name.as_str(), value))
                .collect();
            if last.len() != b.len() {
                return Some(format!("{} names against {}", last.len(), b.len()));
            }
            return last.iter().find_map(|(name, a)| match b.get(*name) {
                Some(b) => differs(a, b),
                None => Some(format!("{name:?} missing")),
            });
        }
        _ => false,
    };
    (!same).then(|| format!("{ours:?} against {theirs}"))
}

/// What the reader and serde_json make of `bytes`: `Ok(accepted)` when they agree, or the
/// difference.
pub fn compare(bytes: &[u8]) -> Result<bool, String> {
    let theirs = serde_json::from_slice::<serde_json::Value>(bytes);
    // The reader only ever reads a `&str`: bytes that are not UTF-8 are refused before it, and
    // serde_json refuses them too (outside a text no byte above 127 is JSON, and it checks
    // every text it reads).
    let Ok(text) = std::str::from_utf8(bytes) else {
        return match theirs {
            Ok(_) => Err("not UTF-8, yet serde_json reads it".to_string()),
            Err(_) => Ok(false),
        };
    };
    match (read_json_value(text), theirs) {
        (Ok(ours), Ok(theirs)) => differs(&ours, &theirs).map_or(Ok(true), Err),
        (Err(_), Err(_)) => Ok(false),
        (Ok(_), Err(theirs)) => match out_of_range_as_zero(text, &theirs) {
            Some(text) => compare(text.as_bytes()),
            None => Err(format!("only serde_json refuses it: {theirs}")),
        },
        (Err(ours), Ok(_)) => Err(format!("only the reader refuses it, at {ours:?}")),
    }
}

/// The one difference allowed: serde_json refuses a number beyond the range of `f64` (`1e999`,
/// which JSON's grammar allows and the test suite leaves to the reader), while the reader reads
/// numbers by their grammar and holds none but whole ones within `u64`. The text with that
/// number written as `0`, to compare the rest, or `None` when serde_json refused for another
/// reason.
fn out_of_range_as_zero(text: &str, theirs: &serde_json::Error) -> Option<String> {
    if !theirs.to_string().starts_with("number out of range") {
        return None;
    }
    // serde_json's column counts bytes, and stands on the number's last one.
    let line_start = match theirs.line() {
        1 => 0,
        line => text.match_indices('\n').nth(line - 2)?.0 + 1,
    };
    let at = line_start + theirs.column().checked_sub(1)?;
    let in_number = |b: &u8| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E');
    let bytes = text.as_bytes();
    if !bytes.get(at).is_some_and(in_number) {
        return None;
    }
    let start = bytes[..at]
        .iter()
        .rposition(|b| !in_number(b))
        .map_or(0, |b| b + 1);
    let end = bytes[at..]
        .iter()
        .position(|b| !in_number(b))
        .map_or(text.len(), |b| at + b);
    Some(format!("{}0{}", &text[..start], &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every seed of the fuzz target: `y_` read by both, `n_` refused by both, `i_` read or refused
    /// by both, and read the same; tallied by what happened, so that a change in either reader
    /// shows.
    #[test]
    fn the_reader_and_serde_json_agree_on_every_seed() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds/json_reader");
        let mut differences = Vec::new();
        let mut tally = BTreeMap::<String, usize>::new();
        for entry in std::fs::read_dir(&dir).expect("fuzz/seeds/json_reader") {
            let path = entry.expect("a seed").path();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .to_string();
            if !name.ends_with(".json") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("a readable seed");
            let verdict = compare(&bytes);
            let how = match std::str::from_utf8(&bytes) {
                Err(_) => "refused, not UTF-8",
                Ok(text) => match (read_json_value(text), verdict.clone()) {
                    (Ok(_), Ok(true))
                        if serde_json::from_slice::<serde_json::Value>(&bytes).is_err() =>
                    {
                        "read with a number beyond f64"
                    }
                    (_, Ok(true)) => "read",
                    (_, Ok(false)) => "refused",
                    (_, Err(_)) => "differs",
                },
            };
            *tally.entry(format!("{} {how}", &name[..2])).or_default() += 1;
            let wrong = match (&name[..2], &verdict) {
                (_, Err(difference)) => Some(difference.clone()),
                ("y_", Ok(false)) => Some("both refuse it".to_string()),
                ("n_", Ok(true)) => Some("both accept it".to_string()),
                _ => None,
            };
            if let Some(wrong) = wrong {
                differences.push(format!("{name}: {wrong}"));
            }
        }
        let expected = [
            ("y_ read", 95),
            ("n_ refused", 176),
            // serde_json refuses them too: see `compare`.
            ("n_ refused, not UTF-8", 12),
            ("i_ read", 5),
            // The one allowed difference: see `out_of_range_as_zero`.
            ("i_ read with a number beyond f64", 5),
            ("i_ refused", 12),
            ("i_ refused, not UTF-8", 13),
        ];
        let expected: BTreeMap<String, usize> = expected
            .into_iter()
            .map(|(how, count)| (how.to_string(), count))
            .collect();
        assert!(differences.is_empty(), "{}", differences.join("\n"));
        assert_eq!(tally, expected);
    }

    #[test]
    fn a_number_beyond_f64_is_the_only_difference_allowed_and_the_rest_is_compared() {
        assert_eq!(compare(b"[1e999]"), Ok(true));
        assert_eq!(compare(b"{\"a\":\n [-1e999, 1E+400, 2]}"), Ok(true));
        assert_eq!(compare(b"[1e999, \"\\x\"]"), Ok(false));
        assert_eq!(compare(b"[1, 2] x"), Ok(false));
        assert_eq!(compare(b"[\"\xff\"]"), Ok(false));
        assert_eq!(
            compare(b"{\"a\": 1, \"a\": [18446744073709551615]}"),
            Ok(true)
        );
    }
}
