//! Share links: the whole assessment packed into the URL fragment (`#s=...`), which browsers
//! never send to a server.
//!
//! The payload is binary, then base64url without padding. Version 1, byte by byte:
//!
//! 1. the link format version, `1`;
//! 2. the layout code (varint): which frozen list of question and help-area ids the
//!    positions below refer to (see `layouts.rs`), so links stay small yet refer to stable ids;
//! 3. a flags byte: bits 0-1 how the text block is written (0 plain, 1 deflated, 2 with the
//!    fixed text code), bits 2-3 the date (0 empty, 1 compact, 2 as text), bit 4 a help-area
//!    mask follows, bit 5 notes follow, bit 6 the bank version is written as text (otherwise
//!    it is the layout's), bit 7 unused and zero;
//! 4. how many layout positions the answers cover (varint; trailing unanswered ones are left
//!    out), then 3 bits per question, most significant first, zero-padded to a byte: 0
//!    unanswered, 1 Don't know, 2 Not applicable, 3 and up the kind's points in order (Not
//!    yet..Done, Disagree..Agree, Yes then No, No..Yes for pitfalls), 7 a count;
//! 5. the counts, one varint each, in layout order;
//! 6. if flagged, the help-area mask (varint, bit 0 the layout's first area);
//! 7. for a compact date, days since 2000-01-01 as a little-endian `u16`;
//! 8. if flagged, the number of notes (varint) and their layout positions (varint, each
//!    after the first as the gap to the previous one less one);
//! 9. the text block: name, region, sector, respondent role, the date (when written as
//!    text), the bank version (when written as text), the TA request's text, and the notes'
//!    texts. Plain, each is a varint byte length and UTF-8; the block may instead be deflated
//!    (raw deflate, when smaller) or written with the fixed text code (when smaller still);
//! 10. a CRC-32 of everything before it, little-endian.
//!
//! A typical complete assessment without notes makes a fragment of under 150 characters.
//! The CRC-32 costs four bytes, two more than a 16-bit check; the budget has room for them,
//! and they make an accidental pass on a mangled link a one-in-four-billion event.
//!
//! Decoding never panics and never trusts a length: every length is checked against what is
//! left, inflated text is capped at [`MAX_LINK_TEXT_BYTES`], trailing bytes are refused, and
//! each failure is a [`ShareLinkError`] a person can act on.

mod layouts;

use layouts::{layout_by_code, layout_for, LinkKind, LinkLayout};
use readiness_codec::envelope::{open, seal, EnvelopeError};
use readiness_codec::{
    date_from_days, days_since_2000, read_text_block, text_block, write_varint, Reader,
    MAX_TEXT_BYTES, TEXT_CODED,
};
use readiness_domain::answer::{Agreement, Answer, PitfallLevel, ScalePoint, MAX_COUNT};
use readiness_domain::assessment::Assessment;
use readiness_domain::bank::Bank;
use readiness_formats::format::{SkipReason, Skipped};

pub use readiness_formats::link_types::{
    ShareLinkError, SharedAssessment, LINK_FORMAT_VERSION, SHARE_KEY, URL_WARN_LENGTH,
};

/// What the report screen says once a share link of `chars` characters is copied: past
/// [`URL_WARN_LENGTH`], that some programs cut it and the JSON file travels whole.
pub fn link_copied_message(chars: usize) -> String {
    if chars > URL_WARN_LENGTH {
        format!(
            "Share link copied, but it is {chars} characters long: some email and chat programs \
             cut links over {URL_WARN_LENGTH}. Send the JSON file instead if it arrives broken."
        )
    } else {
        "Share link copied. Whoever opens it sees this report; the answers travel in the link \
         itself, never through a server."
            .to_string()
    }
}

/// The longest payload (the part after `s=`) a link may have; longer is refused unread.
pub use readiness_codec::envelope::MAX_LINK_CHARS;

/// The most text a deflated or coded text block may expand to, so that a hostile link
/// cannot make the page allocate without bound.
pub const MAX_LINK_TEXT_BYTES: usize = MAX_TEXT_BYTES;

const DATE_EMPTY: u8 = 0;
const DATE_COMPACT: u8 = 1;
const DATE_TEXT: u8 = 2;
const FLAG_AREAS: u8 = 1 << 4;
const FLAG_NOTES: u8 = 1 << 5;
const FLAG_BANK_TEXT: u8 = 1 << 6;
const FLAG_UNUSED: u8 = 1 << 7;

const CODE_DONT_KNOW: u8 = 1;
const CODE_NOT_APPLICABLE: u8 = 2;
const CODE_FIRST_POINT: u8 = 3;
const CODE_COUNT: u8 = 7;

fn damaged(detail: impl Into<String>) -> ShareLinkError {
    ShareLinkError::Damaged {
        detail: detail.into(),
    }
}

/// Writes the share fragment of an assessment: `s=` and the payload, without the `#`.
///
/// Answers, notes and help areas that the bank's layout does not list, and answers that do
/// not fit their question, are left out: a report leaves them out too. Everything else comes
/// back unchanged from [`decode_share_link`], as long as the payload stays within
/// [`MAX_LINK_CHARS`].
pub fn encode_share_link(bank: &Bank, assessment: &Assessment) -> String {
    let body = encode_body(layout_for(bank.version()), bank, assessment);
    seal(SHARE_KEY, LINK_FORMAT_VERSION, &body)
}

/// The body of a share link, between the envelope's version byte and its check digits.
fn encode_body(layout: &LinkLayout, bank: &Bank, assessment: &Assessment) -> Vec<u8> {
    let meta = &assessment.meta;
    let mut out = Vec::new();
    write_varint(&mut out, layout.code);

    // Answers, 3 bits each, up to the last answered position.
    let mut codes = Vec::with_capacity(layout.questions.len());
    let mut counts = Vec::new();
    for &(id, kind) in layout.questions {
        let answer = assessment.answer(id).filter(|answer| {
            // Answers the live bank would not accept are left out, as the report does; an
            // answer kept under a retired question's id travels as it was given.
            match (bank.question(id), bank.retired_question(id)) {
                (Some(q), _) => q.accepts(answer),
                (None, Some(r)) => r.accepts(answer),
                (None, None) => true,
            }
        });
        let code = answer.and_then(|a| answer_code(kind, a)).unwrap_or(0);
        if let (CODE_COUNT, Some(Answer::Count(n))) = (code, answer) {
            counts.push(n);
        }
        codes.push(code);
    }
    while codes.last() == Some(&0) {
        codes.pop();
    }

    let areas: u64 = layout
        .help_areas
        .iter()
        .enumerate()
        .filter(|(_, id)| assessment.ta_request.areas.contains(**id))
        .fold(0, |mask, (bit, _)| mask | 1 << bit);
    let notes: Vec<(usize, &str)> = layout
        .questions
        .iter()
        .enumerate()
        .filter_map(|(at, (id, _))| assessment.note(id).map(|note| (at, note)))
        .collect();
    let compact_date = days_since_2000(&meta.date);
    let date_mode = match (meta.date.is_empty(), compact_date) {
        (true, _) => DATE_EMPTY,
        (false, Some(_)) => DATE_COMPACT,
        (false, None) => DATE_TEXT,
    };
    let bank_as_text = meta.bank_version != layout.bank_version;

    let mut strings: Vec<&str> = vec![
        &meta.name,
        &meta.region,
        &meta.sector,
        &meta.respondent_role,
    ];
    if date_mode == DATE_TEXT {
        strings.push(&meta.date);
    }
    if bank_as_text {
        strings.push(&meta.bank_version);
    }
    strings.push(&assessment.ta_request.text);
    strings.extend(notes.iter().map(|(_, note)| *note));
    let (text_mode, text) = text_block(&strings);

    let mut flags = text_mode | date_mode << 2;
    if areas != 0 {
        flags |= FLAG_AREAS;
    }
    if !notes.is_empty() {
        flags |= FLAG_NOTES;
    }
    if bank_as_text {
        flags |= FLAG_BANK_TEXT;
    }
    out.push(flags);

    write_varint(&mut out, codes.len() as u64);
    let mut packed = vec![0u8; (codes.len() * 3).div_ceil(8)];
    for (at, &code) in codes.iter().enumerate() {
        for bit in 0..3 {
            if code & (4 >> bit) != 0 {
                let position = at * 3 + bit;
                packed[position / 8] |= 0x80 >> (position % 8);
            }
        }
    }
    out.extend_from_slice(&packed);
    for count in counts {
        write_varint(&mut out, u64::from(count));
    }
    if areas != 0 {
        write_varint(&mut out, areas);
    }
    if let Some(days) = compact_date.filter(|_| date_mode == DATE_COMPACT) {
        out.extend_from_slice(&days.to_le_bytes());
    }
    if !notes.is_empty() {
        write_varint(&mut out, notes.len() as u64);
        let mut previous: Option<usize> = None;
        for &(at, _) in &notes {
            let gap = match previous {
                None => at,
                Some(previous) => at - previous - 1,
            };
            write_varint(&mut out, gap as u64);
            previous = Some(at);
        }
    }
    out.extend_from_slice(&text);
    out
}

/// The 3-bit code of an answer to a question of this kind; `None` when it does not fit.
fn answer_code(kind: LinkKind, answer: Answer) -> Option<u8> {
    let point = match (kind, answer) {
        (_, Answer::DontKnow) => return Some(CODE_DONT_KNOW),
        (_, Answer::NotApplicable) => return Some(CODE_NOT_APPLICABLE),
        (LinkKind::Count, Answer::Count(n)) => return (n <= MAX_COUNT).then_some(CODE_COUNT),
        (LinkKind::Scale, Answer::Scale(p)) => p as u8,
        (LinkKind::Agreement, Answer::Agreement(p)) => p as u8,
        (LinkKind::YesNo, Answer::YesNo(yes)) => u8::from(!yes),
        (LinkKind::Pitfall, Answer::Pitfall(level)) => level as u8,
        _ => return None,
    };
    Some(CODE_FIRST_POINT + point)
}

/// The answer a 3-bit code stands for; `Ok(None)` for unanswered, `Err` when the code does
/// not fit the kind. Counts are read by the caller.
fn answer_of_code(kind: LinkKind, code: u8) -> Result<Option<Answer>, ()> {
    let answer = match (kind, code) {
        (_, 0) => return Ok(None),
        (_, CODE_DONT_KNOW) => Answer::DontKnow,
        (_, CODE_NOT_APPLICABLE) => Answer::NotApplicable,
        (LinkKind::Scale, 3..=6) => Answer::Scale(ScalePoint::ALL[usize::from(code - 3)]),
        (LinkKind::Agreement, 3..=6) => Answer::Agreement(Agreement::ALL[usize::from(code - 3)]),
        (LinkKind::YesNo, 3) => Answer::YesNo(true),
        (LinkKind::YesNo, 4) => Answer::YesNo(false),
        (LinkKind::Pitfall, 3..=5) => Answer::Pitfall(PitfallLevel::ALL[usize::from(code - 3)]),
        _ => return Err(()),
    };
    Ok(Some(answer))
}

/// Reads a share fragment: `#s=...` or `s=...`, possibly among other `&`-separated parts.
pub fn decode_share_link(bank: &Bank, fragment: &str) -> Result<SharedAssessment, ShareLinkError> {
    // Version, layout, flags, answer count and the checksum, at the least.
    let body = open(fragment, SHARE_KEY, LINK_FORMAT_VERSION, 8).map_err(|error| match error {
        EnvelopeError::Missing => ShareLinkError::NotOurs,
        EnvelopeError::Empty => ShareLinkError::Empty,
        EnvelopeError::TooLong { chars } => ShareLinkError::TooLong { chars },
        EnvelopeError::Garbled => ShareLinkError::Garbled,
        EnvelopeError::CutShort | EnvelopeError::NoBytes | EnvelopeError::TooShort => {
            ShareLinkError::Truncated
        }
        EnvelopeError::FormatZero => damaged("it names link format 0, which no version makes"),
        EnvelopeError::Newer { found } => ShareLinkError::NewerFormat { found },
        EnvelopeError::ChecksumMismatch => ShareLinkError::ChecksumMismatch,
    })?;
    decode_body(bank, &body)
}

/// Reads the body of an opened share link (`body[0]` is the version).
fn decode_body(bank: &Bank, body: &[u8]) -> Result<SharedAssessment, ShareLinkError> {
    let mut reader = Reader { bytes: body, at: 1 };
    let code = reader.varint()?;
    let layout = layout_by_code(code).ok_or(ShareLinkError::UnknownLayout { code })?;
    let flags = reader.byte()?;
    if flags & FLAG_UNUSED != 0 {
        return Err(damaged("it sets a flag this version does not use"));
    }
    let text_mode = flags & 0b11;
    let date_mode = (flags >> 2) & 0b11;
    if date_mode > DATE_TEXT || text_mode > TEXT_CODED {
        return Err(damaged(
            "it uses a way of writing this version does not know",
        ));
    }

    let positions = usize::try_from(reader.varint()?).unwrap_or(usize::MAX);
    if positions > layout.questions.len() {
        return Err(damaged(
            "it holds more answers than the question bank has questions",
        ));
    }
    let packed = reader.take((positions * 3).div_ceil(8))?;
    let code_at = |at: usize| -> u8 {
        (0..3).fold(0, |code, bit| {
            let position = at * 3 + bit;
            let set = packed[position / 8] & (0x80 >> (position % 8)) != 0;
            code << 1 | u8::from(set)
        })
    };
    let used_bits = positions * 3;
    if !used_bits.is_multiple_of(8)
        && packed
            .last()
            .is_some_and(|last| last & (0xFF >> (used_bits % 8)) != 0)
    {
        return Err(damaged("the answers' last byte is not padded with zeros"));
    }
    if positions > 0 && code_at(positions - 1) == 0 {
        return Err(damaged("the answers end with an unanswered question"));
    }

    let mut answers = Vec::new();
    for (at, &(id, kind)) in layout.questions.iter().enumerate().take(positions) {
        let code = code_at(at);
        let answer = if code == CODE_COUNT && kind == LinkKind::Count {
            let n = reader.varint()?;
            match u32::try_from(n).ok().filter(|n| *n <= MAX_COUNT) {
                Some(n) => Answer::Count(n),
                None => return Err(damaged(format!("the count for \"{id}\" is too large"))),
            }
        } else {
            match answer_of_code(kind, code) {
                Ok(Some(answer)) => answer,
                Ok(None) => continue,
                Err(()) => {
                    return Err(damaged(format!(
                    "it holds answer code {code} for \"{id}\", which that question does not take"
                )))
                }
            }
        };
        answers.push((id, answer));
    }

    let mut areas = Vec::new();
    if flags & FLAG_AREAS != 0 {
        let mask = reader.varint()?;
        if mask == 0
            || mask
                .checked_shr(layout.help_areas.len() as u32)
                .unwrap_or(0)
                != 0
        {
            return Err(damaged(
                "it asks for help in areas the question bank does not list",
            ));
        }
        for (bit, id) in layout.help_areas.iter().enumerate() {
            if mask & 1 << bit != 0 {
                areas.push(*id);
            }
        }
    }
    let days = if date_mode == DATE_COMPACT {
        let two = reader.take(2)?;
        Some(u16::from_le_bytes([two[0], two[1]]))
    } else {
        None
    };
    let mut note_ids = Vec::new();
    if flags & FLAG_NOTES != 0 {
        let count = reader.varint()?;
        if count == 0 || count > layout.questions.len() as u64 {
            return Err(damaged(
                "it holds a number of notes the question bank cannot have",
            ));
        }
        let mut next = 0usize;
        for _ in 0..count {
            let gap = usize::try_from(reader.varint()?).unwrap_or(usize::MAX);
            let at = next.saturating_add(gap);
            let Some(&(id, _)) = layout.questions.get(at) else {
                return Err(damaged(
                    "a note is on a question the question bank does not have",
                ));
            };
            note_ids.push(id);
            next = at + 1;
        }
    }

    let bank_as_text = flags & FLAG_BANK_TEXT != 0;
    let count =
        5 + usize::from(date_mode == DATE_TEXT) + usize::from(bank_as_text) + note_ids.len();
    let mut strings = read_text_block(text_mode, reader.rest(), count)?.into_iter();
    let mut next_string = || strings.next().ok_or_else(|| damaged("its text is missing"));

    let mut assessment = Assessment::default();
    assessment.meta.name = next_string()?;
    assessment.meta.region = next_string()?;
    assessment.meta.sector = next_string()?;
    assessment.meta.respondent_role = next_string()?;
    assessment.meta.date = match (date_mode, days) {
        (DATE_TEXT, _) => next_string()?,
        (_, Some(days)) => date_from_days(days),
        _ => String::new(),
    };
    assessment.meta.bank_version = if bank_as_text {
        next_string()?
    } else {
        layout.bank_version.to_string()
    };
    assessment.ta_request.text = next_string()?;
    let mut notes = Vec::with_capacity(note_ids.len());
    for id in note_ids {
        notes.push((id, next_string()?));
    }

    // Place what the link holds in this version's bank; anything it does not have is listed.
    let mut skipped = Vec::new();
    for (id, answer) in answers {
        // A question an earlier bank asked keeps its answer under its old id.
        let accepts = match (bank.question(id), bank.retired_question(id)) {
            (Some(question), _) => Some(question.accepts(&answer)),
            (None, Some(retired)) => Some(retired.accepts(&answer)),
            (None, None) => None,
        };
        match accepts {
            None => skipped.push(Skipped {
                id: id.to_string(),
                reason: SkipReason::UnknownQuestion,
            }),
            Some(false) => skipped.push(Skipped {
                id: id.to_string(),
                reason: SkipReason::WrongAnswer(bank.answer_label(&answer)),
            }),
            Some(true) => {
                assessment.set_answer(id, answer);
            }
        }
    }
    for (id, note) in notes {
        if bank.question(id).is_some() || bank.retired_question(id).is_some() {
            assessment.set_note(id, note);
        } else {
            skipped.push(Skipped {
                id: id.to_string(),
                reason: SkipReason::UnknownQuestion,
            });
        }
    }
    for id in areas {
        if bank.help_area(id).is_some() {
            assessment.set_help_area(id, true);
        } else {
            skipped.push(Skipped {
                id: id.to_string(),
                reason: SkipReason::UnknownHelpArea,
            });
        }
    }
    // Answers to a question an earlier bank split move to its successors.
    assessment.carry_forward(bank);
    Ok(SharedAssessment {
        assessment,
        skipped,
    })
}

/// The position of a question in a layout's list, for tests that write links by hand.
#[cfg(test)]
pub(crate) fn layout_position(code: u64, id: &str) -> Option<usize> {
    layout_by_code(code)?
        .questions
        .iter()
        .position(|(q, _)| *q == id)
}

#[cfg(test)]
pub(crate) mod tests;
