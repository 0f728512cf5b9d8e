//! Reading records back: the one reader of an assessment record and of the envelope around
//! it, for the device's stored records and the export file's alike. It reads straight from the
//! text with the module's JSON reader, names the first field that does not fit (of the wrong
//! kind, or over the limits every format enforces) by its path, and reads on, so that text that
//! is not JSON at all is always told apart from JSON of the wrong shape.

use super::json::{Json, JsonSyntaxError, Misfit, Next, Number};
use super::record::{inserted, AnswerV1, CoachV1, RecordV1};
use readiness_domain::answer::MAX_COUNT;
use readiness_domain::assessment::{
    MAX_ANSWERS, MAX_HELP_AREAS, MAX_META_CHARS, MAX_NOTE_CHARS, MAX_TA_TEXT_CHARS,
};

/// The longest id (of an assessment, a question or a help area) and answer word a record may
/// hold, in characters.
pub const MAX_ID_CHARS: usize = 100;

/// What an assessment record should be, as a misfit names it.
pub(crate) const A_RECORD: &str = "an assessment record (an object)";
/// What `created_ms` and `updated_ms` should be.
pub(crate) const MILLISECONDS: &str = "a whole number of milliseconds";

/// An envelope (a stored assessment's, or an export file's) as read: each field as found, if
/// it was, and the first field that did not fit.
#[derive(Default)]
pub(crate) struct Envelope {
    pub(crate) format: Option<String>,
    /// `Some(None)`: there, but not a whole number.
    pub(crate) version: Option<Option<u64>>,
    pub(crate) id: Option<String>,
    pub(crate) created_ms: Option<u64>,
    pub(crate) updated_ms: Option<u64>,
    pub(crate) assessment: Option<RecordV1>,
    pub(crate) misfit: Option<Misfit>,
}

/// Why an envelope is not one of the format and version asked for, or not whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EnvelopeProblem {
    /// Its `format` is not the one asked for (or it has none).
    NotOurs,
    /// Its `version` is missing or not a whole number.
    NoVersion,
    /// Its `version` is 0, which no version writes.
    VersionZero,
    /// A newer version than this build reads.
    Newer { found: u64 },
    /// The first field that does not fit.
    Misfit(Misfit),
    /// A field every envelope of the format has is missing.
    Missing(&'static str),
}

impl Envelope {
    /// Checks, in this order, the envelope's format, its version (at most `newest`), and that
    /// every field fits; returns the version.
    pub(crate) fn check(&self, format: &str, newest: u64) -> Result<u64, EnvelopeProblem> {
        if self.format.as_deref() != Some(format) {
            return Err(EnvelopeProblem::NotOurs);
        }
        let version = match self.version {
            None | Some(None) => return Err(EnvelopeProblem::NoVersion),
            Some(Some(0)) => return Err(EnvelopeProblem::VersionZero),
            Some(Some(found)) if found > newest => return Err(EnvelopeProblem::Newer { found }),
            Some(Some(version)) => version,
        };
        match &self.misfit {
            Some(misfit) => Err(EnvelopeProblem::Misfit(misfit.clone())),
            None => Ok(version),
        }
    }
}

/// A whole text that holds one envelope or a list of them.
pub(crate) enum Envelopes {
    One(Box<Envelope>),
    List(Vec<Envelope>),
    /// JSON, but neither an object nor a list.
    Neither,
}

/// Reads a whole text of envelopes (an export file, a stored record, a list of stored records):
/// the import's reading.
pub(crate) fn read_envelopes(text: &str) -> Result<Envelopes, JsonSyntaxError> {
    let mut json = Json::new(text);
    let read = match json.next()? {
        Next::Object => Envelopes::One(Box::new(read_envelope(&mut json, "")?)),
        Next::Array => {
            let mut list = Vec::new();
            json.array(|json| {
                let prefix = format!("[{}].", list.len());
                list.push(read_envelope(json, &prefix)?);
                Ok(())
            })?;
            Envelopes::List(list)
        }
        _ => {
            json.skip()?;
            Envelopes::Neither
        }
    };
    json.end()?;
    Ok(read)
}

/// Reads a whole text of one envelope: the device's reading of a stored record, which start-up
/// does for every one (a list, which only a file holds, gives an empty envelope).
pub(crate) fn read_one_envelope(text: &str) -> Result<Envelope, JsonSyntaxError> {
    let mut json = Json::new(text);
    let envelope = read_envelope(&mut json, "")?;
    json.end()?;
    Ok(envelope)
}

/// Reads one envelope; its fields are named from `prefix` (`[1].id`). A value that is not an
/// object gives an envelope with nothing in it.
pub(crate) fn read_envelope(json: &mut Json, prefix: &str) -> Result<Envelope, JsonSyntaxError> {
    let mut envelope = Envelope::default();
    if json.next()? != Next::Object {
        json.skip()?;
        return Ok(envelope);
    }
    json.object(|json, name| {
        let path = format!("{prefix}{name}");
        match name.as_str() {
            "format" => envelope.format = json.text_at(&path)?,
            // Not noted as a misfit: whoever reads the envelope checks its version first and
            // says what is wrong with it.
            "version" => envelope.version = Some(json.whole_number()?),
            "id" => {
                envelope.id = json.text_at(&path)?;
                if let Some(id) = &envelope.id {
                    limit_chars(json, &path, id, MAX_ID_CHARS);
                }
            }
            "created_ms" => envelope.created_ms = json.whole_number_at(&path, MILLISECONDS)?,
            "updated_ms" => envelope.updated_ms = json.whole_number_at(&path, MILLISECONDS)?,
            "app_version" | "exported_at" | "bank_version" => {
                if let Some(text) = json.text_at(&path)? {
                    limit_chars(json, &path, &text, MAX_META_CHARS);
                }
            }
            "assessment" => envelope.assessment = read_record(json, &path)?,
            _ => json.skip()?,
        }
        Ok(())
    })?;
    envelope.misfit = envelope.misfit.take().or_else(|| json.take_misfit());
    Ok(envelope)
}

/// Notes a text over `limit` characters (characters, not bytes: 200 emoji fit in 200).
fn limit_chars(json: &mut Json, path: &str, text: &str, limit: usize) {
    let chars = text.chars().count();
    if chars > limit {
        json.out_of_range(
            path,
            format!("is {chars} characters long; the most accepted is {limit}"),
        );
    }
}

/// Notes a list or object of `count` entries (of `what`) over `limit`.
fn limit_count(json: &mut Json, path: &str, count: usize, what: &str, limit: usize) {
    if count > limit {
        json.out_of_range(
            path,
            format!("holds {count} {what}; the most accepted is {limit}"),
        );
    }
}

/// A path to an entry of a map keyed by id: `assessment.answers["s1.convener"]`, the id cut to
/// [`MAX_ID_CHARS`] characters, its quotes, backslashes and control characters escaped.
fn keyed(path: &str, key: &str) -> String {
    // Escaped by hand: `{:?}` prints nothing in the release build (-Zfmt-debug=none), and
    // `char::escape_debug` brings the tables of printable characters into start-up's code.
    let mut out = format!("{path}[\"");
    for c in key.chars().take(MAX_ID_CHARS) {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push_str("\"]");
    out
}

/// Reads the object at `path` field by field: `field` gets each one's name and path. A value
/// that is not an object is noted as not `expected` and gives `false`.
fn read_fields(
    json: &mut Json,
    path: &str,
    expected: &'static str,
    mut field: impl FnMut(&mut Json, &str, &str) -> Result<(), JsonSyntaxError>,
) -> Result<bool, JsonSyntaxError> {
    if json.next()? != Next::Object {
        json.wrong(path, expected)?;
        return Ok(false);
    }
    json.object(|json, name| field(json, &name, &format!("{path}.{name}")))?;
    Ok(true)
}

/// Puts the text at `path` in `slot`, unless it is not text (which is noted), noting text over
/// `limit` characters.
fn read_text_into(
    json: &mut Json,
    path: &str,
    slot: &mut String,
    limit: usize,
) -> Result<(), JsonSyntaxError> {
    if let Some(text) = json.text_at(path)? {
        limit_chars(json, path, &text, limit);
        *slot = text;
    }
    Ok(())
}

/// An object of values by id (answers, notes), in the order written (an id written twice
/// counts as its last value, once put into the assessment); a value of the wrong kind is noted
/// and left out, and so are more than [`MAX_ANSWERS`] entries and ids over [`MAX_ID_CHARS`].
fn read_by_id<V>(
    json: &mut Json,
    path: &str,
    (expected, what): (&'static str, &str),
    mut value: impl FnMut(&mut Json, &str) -> Result<Option<V>, JsonSyntaxError>,
) -> Result<Vec<(String, V)>, JsonSyntaxError> {
    let mut read = Vec::new();
    if json.next()? != Next::Object {
        json.wrong(path, expected)?;
        return Ok(read);
    }
    let mut count = 0;
    json.object(|json, id| {
        count += 1;
        let here = keyed(path, &id);
        limit_chars(json, &here, &id, MAX_ID_CHARS);
        if let Some(one) = value(json, &here)? {
            read.push((id, one));
        }
        Ok(())
    })?;
    limit_count(json, path, count, what, MAX_ANSWERS);
    Ok(read)
}

/// Reads an answer as written at `path`: a word, or a count within [`MAX_COUNT`].
fn read_answer(json: &mut Json, path: &str) -> Result<Option<AnswerV1>, JsonSyntaxError> {
    Ok(match json.answer_at(path)? {
        None => None,
        Some(Err(word)) => {
            limit_chars(json, path, &word, MAX_ID_CHARS);
            Some(AnswerV1::Word(word))
        }
        Some(Ok(Number::Whole(count))) => {
            if count > u64::from(MAX_COUNT) {
                json.out_of_range(
                    path,
                    format!("is {count}; a count may be at most {MAX_COUNT}"),
                );
            }
            Some(AnswerV1::Count(count))
        }
        Some(Ok(Number::Negative)) => {
            json.out_of_range(path, "is negative; a count cannot be".to_string());
            None
        }
        // Noted as not a whole number by `answer_at`.
        Some(Ok(Number::Other)) => None,
    })
}

/// Reads an assessment record at `path`; `None` when the value is not an object (noted).
pub(crate) fn read_record(
    json: &mut Json,
    path: &str,
) -> Result<Option<RecordV1>, JsonSyntaxError> {
    let mut record = RecordV1::default();
    let is_object = read_fields(json, path, A_RECORD, |json, name, at| {
        match name {
            "meta" => {
                let meta = &mut record.meta;
                read_fields(json, at, "an object", |json, name, at| {
                    let slot = match name {
                        "name" => &mut meta.name,
                        "region" => &mut meta.region,
                        "sector" => &mut meta.sector,
                        "respondent_role" => &mut meta.respondent_role,
                        "date" => &mut meta.date,
                        "bank_version" => &mut meta.bank_version,
                        _ => return json.skip(),
                    };
                    read_text_into(json, at, slot, MAX_META_CHARS)
                })?;
            }
            "answers" => {
                let expected = ("an object of answers by question id", "answers");
                record.answers.0 = read_by_id(json, at, expected, read_answer)?;
            }
            "notes" => {
                let expected = ("an object of notes by question id", "notes");
                let notes = read_by_id(json, at, expected, |json, at| {
                    let note = json.text_at(at)?;
                    if let Some(note) = &note {
                        limit_chars(json, at, note, MAX_NOTE_CHARS);
                    }
                    Ok(note)
                })?;
                record.notes = inserted(notes);
            }
            "ta_request" => {
                let ta_request = &mut record.ta_request;
                read_fields(json, at, "an object", |json, name, at| match name {
                    "areas" => {
                        let areas = json.texts_at(at, "a list of help-area ids")?;
                        limit_count(json, at, areas.len(), "areas", MAX_HELP_AREAS);
                        for (n, area) in areas.iter().enumerate() {
                            limit_chars(json, &format!("{at}[{n}]"), area, MAX_ID_CHARS);
                        }
                        ta_request.areas = areas;
                        Ok(())
                    }
                    "text" => read_text_into(json, at, &mut ta_request.text, MAX_TA_TEXT_CHARS),
                    _ => json.skip(),
                })?;
            }
            "coach" if json.null()? => record.coach = None,
            "coach" => {
                let mut coach = CoachV1::default();
                read_fields(json, at, "an object", |json, name, at| {
                    let slot = match name {
                        "coach_name" => &mut coach.coach_name,
                        "session_name" => &mut coach.session_name,
                        "session_date" => &mut coach.session_date,
                        "region" => &mut coach.region,
                        "sector" => &mut coach.sector,
                        "message" => &mut coach.message,
                        "return_email" => &mut coach.return_email,
                        "scope" => {
                            let scope = json.texts_at(at, "a list of section ids")?;
                            coach.scope = scope;
                            return Ok(());
                        }
                        _ => return json.skip(),
                    };
                    // The session's own checks (the coach link's) judge its text when it is
                    // read into the assessment, and drop a session that fails them.
                    read_text_into(json, at, slot, usize::MAX)
                })?;
                record.coach = Some(coach);
            }
            _ => json.skip()?,
        }
        Ok(())
    })?;
    Ok(is_object.then_some(record))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written escape of `keyed` says what `escape_debug` says for the quotes,
    /// backslashes, controls and every ASCII character; it leaves other characters as they are
    /// (`escape_debug` also escapes the ones that do not print, with tables start-up would load).
    #[test]
    fn an_id_in_a_path_is_escaped_as_escape_debug_escapes_it() {
        let low: String = (0u8..64).map(char::from).collect();
        let high: String = (64u8..128).map(char::from).collect();
        for id in [
            low.as_str(),
            high.as_str(),
            "s1.convener",
            "a\"b\\c\u{85}\u{9f}",
            "é😀",
        ] {
            let ours = keyed("p", id);
            let theirs: String = id.chars().map(|c| c.escape_debug().to_string()).collect();
            assert_eq!(
                ours,
                format!("p[\"{theirs}\"]").replace("\\'", "'"),
                "{id:?}"
            );
        }
    }
}
