//! A small JSON reader for the stored record, which start-up reads for every assessment on the
//! device. It reads straight from the text, keeps the first value of the wrong shape as a
//! sentence and reads on, so that text that is not JSON at all is always told apart from JSON
//! of the wrong shape. serde's derive and serde_json's parser did the same in 30 KB of the
//! app's first download; everything else that reads JSON (export files, the bank) still uses
//! them.

/// Where the text stops being JSON, counted as a person would: line and column from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct JsonSyntaxError {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// A value that does not fit what was expected of it: the first one read is kept, and
/// reading goes on, so that text that is not JSON at all is always told apart from JSON of
/// the wrong shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Misfit {
    /// The value at `path` is not `expected` (at `line`, `column` of the text).
    WrongKind {
        path: String,
        expected: &'static str,
        line: usize,
        column: usize,
    },
    /// The value at `path` is of the right kind but out of range; `detail` follows the path
    /// in a sentence ("is 201 characters long; the most accepted is 200").
    OutOfRange { path: String, detail: String },
}

impl Misfit {
    /// The misfit as a sentence.
    pub(crate) fn sentence(&self) -> String {
        match self {
            Misfit::WrongKind {
                path,
                expected,
                line,
                column,
            } => format!("\"{path}\" should be {expected} (line {line}, column {column})"),
            Misfit::OutOfRange { path, detail } => format!("\"{path}\" {detail}"),
        }
    }
}

/// A number as read: whole and within `u64`, negative and whole, or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Number {
    Whole(u64),
    Negative,
    Other,
}

/// What kind of value comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Next {
    Object,
    Array,
    Text,
    Number,
    Literal,
}

/// A whole JSON text as this reader reads it, for comparing it with another reader (the fuzz
/// target and the seeds' test do, with serde_json): members in the order written, a name
/// written twice kept twice. Nothing in the app reads JSON this way.
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonValue {
    Object(Vec<(String, JsonValue)>),
    Array(Vec<JsonValue>),
    Text(String),
    /// A number written without sign, fraction or exponent, within `u64`.
    Whole(u64),
    /// Any other number.
    OtherNumber,
    Bool(bool),
    Null,
}

/// Reads a whole text into a [`JsonValue`], or says where (line, column) it stops being JSON.
/// For the fuzz target and tests only: nothing in the app calls it.
#[doc(hidden)]
pub fn read_json_value(text: &str) -> Result<JsonValue, (usize, usize)> {
    let mut json = Json::new(text);
    let value = json.value();
    value
        .and_then(|value| json.end().map(|()| value))
        .map_err(|JsonSyntaxError { line, column }| (line, column))
}

/// Nested objects and arrays deeper than this are refused, as serde_json refuses them (its
/// limit of 128 counts the level that is refused).
const MAX_DEPTH: usize = 127;

/// A reader over one JSON text.
pub(crate) struct Json<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
    /// The first value that does not fit.
    misfit: Option<Misfit>,
}

impl<'a> Json<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            depth: 0,
            misfit: None,
        }
    }

    /// The first value that did not fit since the last call, if any; the next misfit read is
    /// kept from now on.
    pub(crate) fn take_misfit(&mut self) -> Option<Misfit> {
        self.misfit.take()
    }

    /// Notes that the value at `path`, just read, is out of range (unless a misfit came first).
    pub(crate) fn out_of_range(&mut self, path: &str, detail: String) {
        if self.misfit.is_none() {
            self.misfit = Some(Misfit::OutOfRange {
                path: path.to_string(),
                detail,
            });
        }
    }

    /// Where reading stands, as a line and a column.
    fn position(&self) -> JsonSyntaxError {
        let before = &self.text[..self.at];
        let line_start = before.rfind('\n').map_or(0, |at| at + 1);
        JsonSyntaxError {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.byte(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Result<(), JsonSyntaxError> {
        self.space();
        if self.byte() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.position())
        }
    }

    /// The kind of the next value, or where the text stops being JSON.
    pub(crate) fn next(&mut self) -> Result<Next, JsonSyntaxError> {
        self.space();
        match self.byte() {
            Some(b'{') => Ok(Next::Object),
            Some(b'[') => Ok(Next::Array),
            Some(b'"') => Ok(Next::Text),
            Some(b'-' | b'0'..=b'9') => Ok(Next::Number),
            Some(b't' | b'f' | b'n') => Ok(Next::Literal),
            _ => Err(self.position()),
        }
    }

    /// Nothing but white space is left.
    pub(crate) fn end(&mut self) -> Result<(), JsonSyntaxError> {
        self.space();
        if self.at == self.text.len() {
            Ok(())
        } else {
            Err(self.position())
        }
    }

    /// Notes that the value at `path` is not `expected` (only the first such value is kept),
    /// and reads past it.
    pub(crate) fn wrong(
        &mut self,
        path: &str,
        expected: &'static str,
    ) -> Result<(), JsonSyntaxError> {
        if self.misfit.is_none() {
            let JsonSyntaxError { line, column } = self.position();
            self.misfit = Some(Misfit::WrongKind {
                path: path.to_string(),
                expected,
                line,
                column,
            });
        }
        self.skip()
    }

    /// Reads past the next value, whatever it is.
    pub(crate) fn skip(&mut self) -> Result<(), JsonSyntaxError> {
        match self.next()? {
            Next::Object => self.object(|json, _| json.skip()),
            Next::Array => self.array(|json| json.skip()),
            Next::Text => self.text().map(drop),
            Next::Number => self.number().map(drop),
            Next::Literal => self.literal().map(drop),
        }
    }

    /// Reads the next value, whatever it is, into a tree of its own.
    fn value(&mut self) -> Result<JsonValue, JsonSyntaxError> {
        Ok(match self.next()? {
            Next::Object => {
                let mut members = Vec::new();
                self.object(|json, name| {
                    members.push((name, json.value()?));
                    Ok(())
                })?;
                JsonValue::Object(members)
            }
            Next::Array => {
                let mut items = Vec::new();
                self.array(|json| {
                    items.push(json.value()?);
                    Ok(())
                })?;
                JsonValue::Array(items)
            }
            Next::Text => JsonValue::Text(self.text()?),
            Next::Number => match self.number()? {
                Number::Whole(n) => JsonValue::Whole(n),
                Number::Negative | Number::Other => JsonValue::OtherNumber,
            },
            Next::Literal => match self.literal()? {
                Some(truth) => JsonValue::Bool(truth),
                None => JsonValue::Null,
            },
        })
    }

    /// `true`, `false` or `null` (`None`).
    fn literal(&mut self) -> Result<Option<bool>, JsonSyntaxError> {
        for (word, value) in [("true", Some(true)), ("false", Some(false)), ("null", None)] {
            if self.text[self.at..].starts_with(word) {
                self.at += word.len();
                return Ok(value);
            }
        }
        Err(self.position())
    }

    /// Whether the next value is `null`; if so, reads past it.
    pub(crate) fn null(&mut self) -> Result<bool, JsonSyntaxError> {
        if self.next()? == Next::Literal && self.text[self.at..].starts_with("null") {
            self.at += 4;
            return Ok(true);
        }
        Ok(false)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.byte(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// A number: its value when it is a whole number that fits.
    fn number(&mut self) -> Result<Number, JsonSyntaxError> {
        self.space();
        let start = self.at;
        let negative = self.byte() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let whole_start = self.at;
        let whole = self.digits();
        if whole == 0 || (whole > 1 && self.text.as_bytes()[whole_start] == b'0') {
            return Err(self.position());
        }
        let mut plain = !negative;
        if self.byte() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.position());
            }
            plain = false;
        }
        if matches!(self.byte(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.byte(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.position());
            }
            plain = false;
        }
        let written = &self.text[start..self.at];
        Ok(match written.parse() {
            Ok(n) if plain => Number::Whole(n),
            _ if negative && written.bytes().skip(1).all(|b| b.is_ascii_digit()) => {
                Number::Negative
            }
            _ => Number::Other,
        })
    }

    /// Four hex digits of a `\u` escape.
    fn hex(&mut self) -> Result<u32, JsonSyntaxError> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.position())?;
        let value = u32::from_str_radix(digits, 16).map_err(|_| self.position())?;
        self.at += 4;
        Ok(value)
    }

    /// A text value, its escapes read.
    pub(crate) fn text(&mut self) -> Result<String, JsonSyntaxError> {
        self.eat(b'"')?;
        let mut out = String::new();
        let text = self.text;
        loop {
            let Some(run) = text.as_bytes()[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            else {
                self.at = text.len();
                return Err(self.position());
            };
            // Every stop is an ASCII byte, so the run ends on a character boundary.
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.text.as_bytes()[self.at] {
                b'"' => {
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = self.byte().ok_or_else(|| self.position())?;
                    self.at += 1;
                    match escape {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.escaped_char()?),
                        _ => {
                            self.at -= 1;
                            return Err(self.position());
                        }
                    }
                }
                _ => return Err(self.position()),
            }
        }
    }

    /// The character of a `\u` escape (after the `u`), a surrogate pair taken whole.
    fn escaped_char(&mut self) -> Result<char, JsonSyntaxError> {
        let first = self.hex()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.text[self.at..].starts_with("\\u") {
                    return Err(self.position());
                }
                self.at += 2;
                let second = self.hex()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.position());
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.position()),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.position())
    }

    fn deeper(&mut self) -> Result<(), JsonSyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.position());
        }
        Ok(())
    }

    /// An object: `member` reads each value, given its name.
    pub(crate) fn object(
        &mut self,
        mut member: impl FnMut(&mut Self, String) -> Result<(), JsonSyntaxError>,
    ) -> Result<(), JsonSyntaxError> {
        self.sequence(b'{', b'}', |json| {
            let name = json.text()?;
            json.eat(b':')?;
            member(json, name)
        })
    }

    /// An array: `item` reads each value.
    pub(crate) fn array(
        &mut self,
        item: impl FnMut(&mut Self) -> Result<(), JsonSyntaxError>,
    ) -> Result<(), JsonSyntaxError> {
        self.sequence(b'[', b']', item)
    }

    /// What objects and arrays share: `open`, then entries read by `entry` and separated by
    /// commas, then `close`, one level deeper.
    fn sequence(
        &mut self,
        open: u8,
        close: u8,
        mut entry: impl FnMut(&mut Self) -> Result<(), JsonSyntaxError>,
    ) -> Result<(), JsonSyntaxError> {
        self.eat(open)?;
        self.deeper()?;
        self.space();
        if self.byte() == Some(close) {
            self.at += 1;
        } else {
            loop {
                entry(self)?;
                self.space();
                match self.byte() {
                    Some(b',') => self.at += 1,
                    Some(byte) if byte == close => {
                        self.at += 1;
                        break;
                    }
                    _ => return Err(self.position()),
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// The text at `path`, or `None` (noted) when the value is something else.
    pub(crate) fn text_at(&mut self, path: &str) -> Result<Option<String>, JsonSyntaxError> {
        if self.next()? == Next::Text {
            return self.text().map(Some);
        }
        self.wrong(path, "text").map(|()| None)
    }

    /// The whole number at `path`, or `None` when the value is something else (noted as not
    /// `expected`).
    pub(crate) fn whole_number_at(
        &mut self,
        path: &str,
        expected: &'static str,
    ) -> Result<Option<u64>, JsonSyntaxError> {
        if self.next()? == Next::Number {
            let start = self.at;
            if let Number::Whole(n) = self.number()? {
                return Ok(Some(n));
            }
            self.at = start;
        }
        self.wrong(path, expected).map(|()| None)
    }

    /// The whole number that comes next, or `None` when the value is something else, which is
    /// read past and not noted: for a value whose reader says what is wrong with it itself.
    pub(crate) fn whole_number(&mut self) -> Result<Option<u64>, JsonSyntaxError> {
        if self.next()? == Next::Number {
            let start = self.at;
            if let Number::Whole(n) = self.number()? {
                return Ok(Some(n));
            }
            self.at = start;
        }
        self.skip().map(|()| None)
    }

    /// The list of texts at `path` (`expected` says what it should be); an item that is not
    /// text is noted by its place (`path[1]`), and what was read kept.
    pub(crate) fn texts_at(
        &mut self,
        path: &str,
        expected: &'static str,
    ) -> Result<Vec<String>, JsonSyntaxError> {
        let mut texts = Vec::new();
        if self.next()? != Next::Array {
            self.wrong(path, expected)?;
            return Ok(texts);
        }
        self.array(|json| {
            if let Some(text) = json.text_at(&format!("{path}[{}]", texts.len()))? {
                texts.push(text);
            }
            Ok(())
        })?;
        Ok(texts)
    }

    /// A word or a number at `path`: an answer as written, its number as read (whole or
    /// negative; any other number is noted as not a whole number).
    pub(crate) fn answer_at(
        &mut self,
        path: &str,
    ) -> Result<Option<Result<Number, String>>, JsonSyntaxError> {
        match self.next()? {
            Next::Text => self.text().map(|word| Some(Err(word))),
            Next::Number => {
                let start = self.at;
                match self.number()? {
                    Number::Other => {
                        self.at = start;
                        self.wrong(path, "a whole number").map(|()| None)
                    }
                    number => Ok(Some(Ok(number))),
                }
            }
            _ => self
                .wrong(path, "an answer word such as \"done\", or a count")
                .map(|()| None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Result<(), JsonSyntaxError> {
        let mut json = Json::new(text);
        json.skip()?;
        json.end()
    }

    #[test]
    fn what_serde_json_reads_reads_and_what_it_refuses_is_refused() {
        let cases = [
            "{}",
            "[]",
            " {\"a\": [1, -2.5e3, 0, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\"]} ",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
            "1e+5",
            "{\"a\":{\"b\":{}}}",
            "01",
            "-",
            "1.",
            "1e",
            ".5",
            "+1",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "[1,]",
            "[1 2]",
            "\"\\x\"",
            "\"\\ud83d\"",
            "\"\\ude00\"",
            "\"\\u12g4\"",
            "\"tab\there\"",
            "\"open",
            "tru",
            "nul",
            "{} {}",
            "",
            "{\"é\":\"ü\"}",
        ];
        for text in cases {
            let theirs = serde_json::from_str::<serde_json::Value>(text).is_ok();
            assert_eq!(read_all(text).is_ok(), theirs, "{text:?}");
        }
        assert!(read_all(&"[".repeat(200)).is_err());
        assert!(read_all(&format!("{}{}", "[".repeat(100), "]".repeat(100))).is_ok());
    }

    #[test]
    fn texts_keep_every_character_and_numbers_are_whole_or_noted() {
        let mut json = Json::new(r#""a\"b\\c\u00e9\ud83d\ude00 ü""#);
        assert_eq!(json.text().as_deref(), Ok("a\"b\\cé😀 ü"));
        let mut json = Json::new("[18446744073709551615, 18446744073709551616, 2.0, -1]");
        let mut read = Vec::new();
        json.array(|json| {
            json.whole_number_at("n", "a whole number")
                .map(|n| read.push(n))
        })
        .expect("JSON");
        assert_eq!(read, [Some(u64::MAX), None, None, None]);
        assert_eq!(
            json.take_misfit()
                .map(|misfit| misfit.sentence())
                .as_deref(),
            Some("\"n\" should be a whole number (line 1, column 24)")
        );
    }

    #[test]
    fn where_the_text_stops_being_json_is_counted_in_lines_and_characters() {
        assert_eq!(
            read_all("{\n  \"é\": tru\n}"),
            Err(JsonSyntaxError { line: 2, column: 8 })
        );
    }

    #[test]
    fn a_whole_text_reads_into_a_tree_with_its_members_in_the_order_written() {
        use JsonValue::*;
        let text = r#" {"b": [1, -1, 2.0, 1e2, 18446744073709551616, true, false, null],
            "a": "x\u00e9", "b": {}} "#;
        assert_eq!(
            read_json_value(text),
            Ok(Object(vec![
                (
                    "b".into(),
                    Array(vec![
                        Whole(1),
                        OtherNumber,
                        OtherNumber,
                        OtherNumber,
                        OtherNumber,
                        Bool(true),
                        Bool(false),
                        Null,
                    ])
                ),
                ("a".into(), Text("xé".into())),
                ("b".into(), Object(vec![])),
            ]))
        );
        assert_eq!(read_json_value("18446744073709551615"), Ok(Whole(u64::MAX)));
        assert_eq!(read_json_value("[]"), Ok(Array(vec![])));
        assert_eq!(read_json_value("[1] x"), Err((1, 5)));
        assert_eq!(read_json_value("[tru]"), Err((1, 2)));
        assert_eq!(read_json_value(""), Err((1, 1)));
    }

    /// serde_json refuses its 128th level of nesting; so does this reader.
    #[test]
    fn nesting_is_refused_at_the_depth_serde_json_refuses_it() {
        for depth in [126, 127, 128, 129] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            assert_eq!(read_all(&text).is_ok(), theirs, "{depth} arrays");
            let text = format!("{}{}", "{\"a\":".repeat(depth), "0}".repeat(depth));
            let theirs = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            assert_eq!(read_all(&text).is_ok(), theirs, "{depth} objects");
        }
    }
}
