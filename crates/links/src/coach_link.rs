//! Coach links: a coach's session context in the URL fragment (`#c=...`), with no answers.
//!
//! Whoever opens a coach link starts a new assessment with the region and sector filled in,
//! the coach's message at the top and only the sections the coach put in scope. The payload is
//! binary, then base64url without padding, like a share link's. Version 1, byte by byte:
//!
//! 1. the coach link format version, `1`;
//! 2. the sections in scope (varint): bit `n` is the `n`th entry of [`SCOPE_SECTIONS`], a
//!    list frozen with version 1; zero means every section;
//! 3. how the text block is written: 0 plain, 1 deflated, 2 with the fixed text code, whichever
//!    is smallest (the same three ways a share link's text is written);
//! 4. the text block: coach name, session name, session date, region, sector, message and the
//!    return email address, in that order;
//! 5. a CRC-32 of everything before it, little-endian.
//!
//! Decoding never panics, checks every length and refuses text over the limits the coach's
//! form enforces, so a tampered link can neither flood the page nor slip in a return address
//! that is not one.

use readiness_codec::envelope::{open, seal, EnvelopeError};
use readiness_codec::{read_text_block, text_block, write_varint, Reader};
use readiness_domain::assessment::{CoachSession, SessionProblem, SCOPE_SECTIONS};

pub use readiness_formats::link_types::{CoachLinkError, COACH_KEY, COACH_LINK_VERSION};

/// How many strings the text block of version 1 holds.
const TEXT_FIELDS: usize = 7;

/// A session's problem as the end of "The coach link is damaged (...)".
fn damaged_because(problem: SessionProblem) -> CoachLinkError {
    damaged(problem.clause())
}

fn damaged(detail: impl Into<String>) -> CoachLinkError {
    CoachLinkError::Damaged {
        detail: detail.into(),
    }
}

/// Writes the coach link fragment of a session: `c=` and the payload, without the `#`.
///
/// Scope ids that are not in [`SCOPE_SECTIONS`] are left out; check [`CoachSession::problem`]
/// first to tell the coach about them.
pub fn encode_coach_link(session: &CoachSession) -> String {
    let mut out = Vec::new();
    let scope = SCOPE_SECTIONS
        .iter()
        .enumerate()
        .filter(|(_, id)| session.scope.contains(**id))
        .fold(0u64, |mask, (bit, _)| mask | 1 << bit);
    write_varint(&mut out, scope);
    let (mode, text) = text_block(&[
        &session.coach_name,
        &session.session_name,
        &session.session_date,
        &session.region,
        &session.sector,
        &session.message,
        &session.return_email,
    ]);
    out.push(mode);
    out.extend_from_slice(&text);
    seal(COACH_KEY, COACH_LINK_VERSION, &out)
}

/// Reads a coach link's fragment (with or without its `#`). The fragment may hold other
/// `&`-separated parts; only `c=` is read.
pub fn decode_coach_link(fragment: &str) -> Result<CoachSession, CoachLinkError> {
    // Version, scope, text mode and the checksum, at the least.
    let body = open(fragment, COACH_KEY, COACH_LINK_VERSION, 7).map_err(|error| match error {
        EnvelopeError::Missing | EnvelopeError::Empty => CoachLinkError::Empty,
        EnvelopeError::TooLong { chars } => CoachLinkError::TooLong { chars },
        EnvelopeError::CutShort
        | EnvelopeError::Garbled
        | EnvelopeError::NoBytes
        | EnvelopeError::TooShort => CoachLinkError::Garbled,
        EnvelopeError::FormatZero => damaged("it names format 0, which no version makes"),
        EnvelopeError::Newer { found } => CoachLinkError::NewerFormat { found },
        EnvelopeError::ChecksumMismatch => CoachLinkError::ChecksumMismatch,
    })?;
    let body = body.as_slice();
    let mut reader = Reader { bytes: body, at: 1 };
    let mask = reader.varint()?;
    if mask >> SCOPE_SECTIONS.len() != 0 {
        return Err(damaged(
            "it puts in scope a section this version does not have",
        ));
    }
    let scope = SCOPE_SECTIONS
        .iter()
        .enumerate()
        .filter(|(bit, _)| mask & 1 << bit != 0)
        .map(|(_, id)| id.to_string())
        .collect();
    let mode = reader.byte()?;
    let mut strings = read_text_block(mode, reader.rest(), TEXT_FIELDS)?.into_iter();
    let mut next = || strings.next().unwrap_or_default();
    let session = CoachSession {
        coach_name: next(),
        session_name: next(),
        session_date: next(),
        region: next(),
        sector: next(),
        message: next(),
        return_email: next(),
        scope,
    };
    match session.problem() {
        Some(problem) => Err(damaged_because(problem)),
        None => Ok(session),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use base64::Engine as _;
    use proptest::prelude::*;
    use readiness_codec::envelope::MAX_LINK_CHARS;
    use readiness_codec::BASE64;
    use readiness_domain::assessment::is_email_address;
    use readiness_domain::assessment::{SessionField, MAX_META_CHARS};
    pub(crate) use readiness_domain::samples::coach_session as session;

    #[test]
    fn a_session_names_its_first_problem_as_a_value() {
        assert_eq!(session().problem(), None);
        let long = CoachSession {
            region: "x".repeat(MAX_META_CHARS + 1),
            ..session()
        };
        assert_eq!(
            long.problem(),
            Some(SessionProblem::TooLong {
                field: SessionField::Region,
                chars: MAX_META_CHARS + 1
            })
        );
        let email = CoachSession {
            return_email: "coach@example".into(),
            ..session()
        };
        assert_eq!(email.problem(), Some(SessionProblem::NotAnEmail));
        let scope = CoachSession {
            scope: ["s9".to_string()].into(),
            ..session()
        };
        assert_eq!(
            scope.problem(),
            Some(SessionProblem::UnknownScope("s9".into()))
        );
    }

    #[test]
    fn the_session_and_its_scope_read_as_one_line_each() {
        let bank = readiness_domain::Bank::builtin();
        let full = session();
        assert_eq!(
            full.session_line(),
            "Module 3: preparing to launch, 2026-12-04, Dana Whitfield"
        );
        let only_coach = CoachSession {
            session_name: " ".into(),
            session_date: String::new(),
            ..session()
        };
        assert_eq!(only_coach.session_line(), "Dana Whitfield");
        assert_eq!(only_coach.when_line(), "");
        assert_eq!(
            full.when_line(),
            "Module 3: preparing to launch, 2026-12-04"
        );
        let headings: Vec<String> = ["s1", "s2", "s3"]
            .iter()
            .map(|id| bank.section(id).expect("a step").heading())
            .collect();
        assert_eq!(full.scope_line(bank), headings.join("; "));
        let whole = CoachSession {
            scope: Default::default(),
            ..session()
        };
        assert_eq!(whole.scope_line(bank), "The whole assessment");
    }

    #[test]
    fn a_coach_link_reads_back_the_same_session() {
        let link = encode_coach_link(&session());
        assert!(link.starts_with("c="));
        assert_eq!(decode_coach_link(&link), Ok(session()));
        assert_eq!(decode_coach_link(&format!("#{link}")), Ok(session()));
        println!("coach link of a typical session: {} characters", link.len());
        assert!(link.len() < 250, "a typical coach link stays short");
    }

    #[test]
    fn no_scope_means_every_section() {
        let mut whole = session();
        whole.scope.clear();
        let decoded = decode_coach_link(&encode_coach_link(&whole)).expect("opens");
        assert!(decoded.scope.is_empty());
        assert!(SCOPE_SECTIONS.iter().all(|id| decoded.in_scope(id)));
        let limited = session();
        assert!(limited.in_scope("s2") && !limited.in_scope("phases"));
    }

    /// A link made by the first shipped version; it must open forever.
    #[test]
    fn the_shipped_version_1_link_still_opens() {
        let golden = include_str!("../../core/golden/coach-link-v1.txt").trim();
        assert_eq!(decode_coach_link(golden), Ok(session()));
    }

    #[test]
    fn email_addresses_are_checked() {
        for good in [
            "coach@example.org",
            "a.b+c@mail.example.co.uk",
            "o'neil@x.io",
        ] {
            assert!(is_email_address(good), "{good}");
        }
        for bad in [
            "",
            "coach",
            "@example.org",
            "coach@",
            "coach@example",
            "coach@example..org",
            "a@b.org?bcc=other@c.org",
            "a@b.org,other@c.org",
            "a b@c.org",
            "javascript:alert(1)@x.org",
            "a@b.org\r\nBcc: x@y.org",
        ] {
            assert!(!is_email_address(bad), "{bad:?}");
        }
    }

    #[test]
    fn bad_links_get_their_own_message() {
        let good = encode_coach_link(&session());
        let payload = &good[2..];
        let cases: Vec<(String, CoachLinkError)> = vec![
            (String::new(), CoachLinkError::Empty),
            ("c=".into(), CoachLinkError::Empty),
            ("s=AAAA".into(), CoachLinkError::Empty),
            ("c=!!!!".into(), CoachLinkError::Garbled),
            (
                format!("c={}", &payload[..payload.len() - 4]),
                CoachLinkError::ChecksumMismatch,
            ),
            ("c=AQ".into(), CoachLinkError::Garbled),
            (
                format!("c={}", "A".repeat(MAX_LINK_CHARS + 1)),
                CoachLinkError::TooLong {
                    chars: MAX_LINK_CHARS + 1,
                },
            ),
        ];
        for (link, expected) in cases {
            assert_eq!(decode_coach_link(&link), Err(expected), "{link:.40}");
        }
        // A flipped character breaks the check digits.
        let mut flipped: Vec<char> = good.chars().collect();
        flipped[10] = if flipped[10] == 'A' { 'B' } else { 'A' };
        let flipped: String = flipped.into_iter().collect();
        assert!(matches!(
            decode_coach_link(&flipped),
            Err(CoachLinkError::ChecksumMismatch | CoachLinkError::Garbled)
        ));
    }

    /// Builds a payload with a valid checksum around hand-made content.
    fn signed(body: Vec<u8>) -> String {
        let mut bytes = body;
        let checksum = crc32fast::hash(&bytes);
        bytes.extend_from_slice(&checksum.to_le_bytes());
        format!("c={}", BASE64.encode(bytes))
    }

    fn plain_text(strings: &[&str]) -> Vec<u8> {
        let mut out = Vec::new();
        for s in strings {
            write_varint(&mut out, s.len() as u64);
            out.extend_from_slice(s.as_bytes());
        }
        out
    }

    #[test]
    fn tampered_content_with_good_check_digits_is_refused() {
        let newer = signed(vec![2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        assert_eq!(
            decode_coach_link(&newer),
            Err(CoachLinkError::NewerFormat { found: 2 })
        );
        let mut unknown_scope = vec![1];
        write_varint(&mut unknown_scope, 1 << 9);
        unknown_scope.push(0);
        unknown_scope.extend(plain_text(&[""; 7]));
        assert!(matches!(
            decode_coach_link(&signed(unknown_scope)),
            Err(CoachLinkError::Damaged { .. })
        ));
        let mut hostile_email = vec![1, 0, 0];
        hostile_email.extend(plain_text(&[
            "",
            "",
            "",
            "",
            "",
            "",
            "a@b.org?bcc=all@c.org",
        ]));
        let error = decode_coach_link(&signed(hostile_email)).expect_err("refused");
        assert_eq!(
            error,
            damaged("the return email does not look like an email address (name@example.org)")
        );
        let long_name = "É".repeat(MAX_META_CHARS + 1);
        let mut too_long = vec![1, 0, 0];
        too_long.extend(plain_text(&["", "", "", "", &long_name, "", ""]));
        assert_eq!(
            decode_coach_link(&signed(too_long)),
            Err(damaged(format!(
                "the sector is {} characters long; keep it to {MAX_META_CHARS}",
                MAX_META_CHARS + 1
            )))
        );
        let mut missing_text = vec![1, 0, 0];
        missing_text.extend(plain_text(&["only one"]));
        assert!(matches!(
            decode_coach_link(&signed(missing_text)),
            Err(CoachLinkError::Damaged { .. })
        ));
        let mut bad_mode = vec![1, 0, 9];
        bad_mode.extend(plain_text(&[""; 7]));
        assert!(matches!(
            decode_coach_link(&signed(bad_mode)),
            Err(CoachLinkError::Damaged { .. })
        ));
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-zA-Z0-9 <>\"'&/:;éü\u{202E}\u{1F600}-]{0,60}")
            .expect("a valid pattern")
    }

    proptest! {
        #[test]
        fn any_session_survives_a_coach_link(
            coach_name in text(), session_name in text(), session_date in text(),
            region in text(), sector in text(), message in text(),
            email in proptest::option::of("[a-z]{1,8}@[a-z]{1,8}\\.org"),
            scope in proptest::collection::btree_set(0usize..9, 0..9),
        ) {
            let session = CoachSession {
                coach_name, session_name, session_date, region, sector, message,
                return_email: email.unwrap_or_default(),
                scope: scope.into_iter().map(|at| SCOPE_SECTIONS[at].to_string()).collect(),
            };
            prop_assert_eq!(decode_coach_link(&encode_coach_link(&session)), Ok(session));
        }

        #[test]
        fn no_link_text_makes_the_decoder_panic(link in "c=[A-Za-z0-9_-]{0,200}") {
            let _ = decode_coach_link(&link);
        }
    }
}
