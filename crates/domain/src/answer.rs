//! Answers a person gives, one per question, and the parsing of typed-in counts.
//!
//! An unanswered question is simply absent from the assessment's map, so "unanswered" is never
//! confused with "Not yet" or with "Don't know".

use thiserror::Error;

/// The four points of a guiding question, from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ScalePoint {
    /// Not yet: worth 0 points.
    NotYet,
    /// Started: worth 1 point.
    Started,
    /// Mostly: worth 2 points.
    Mostly,
    /// Done: worth 3 points.
    Done,
}

impl ScalePoint {
    /// Every point, weakest first, in the order the bank lists their labels.
    pub const ALL: [ScalePoint; 4] = [Self::NotYet, Self::Started, Self::Mostly, Self::Done];

    /// Points earned: 0 for Not yet up to 3 for Done.
    pub fn points(self) -> u32 {
        self as u32
    }
}

/// How far a phase indicator statement describes the partnership, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Agreement {
    /// Disagree: worth 0 points.
    Disagree,
    /// Somewhat disagree: worth 1 point.
    SomewhatDisagree,
    /// Somewhat agree: worth 2 points.
    SomewhatAgree,
    /// Agree: worth 3 points.
    Agree,
}

impl Agreement {
    /// Every point, weakest first, in the order the bank lists their labels.
    pub const ALL: [Agreement; 4] = [
        Self::Disagree,
        Self::SomewhatDisagree,
        Self::SomewhatAgree,
        Self::Agree,
    ];

    /// Points earned: 0 for Disagree up to 3 for Agree, the same range as [`ScalePoint`].
    pub fn points(self) -> u32 {
        self as u32
    }
}

/// "Is this happening here?" for a pitfall, objection or missing element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PitfallLevel {
    /// It is not happening.
    No,
    /// It is happening a little.
    ALittle,
    /// It is happening.
    Yes,
}

impl PitfallLevel {
    /// Every level, in the order the bank lists their labels.
    pub const ALL: [PitfallLevel; 3] = [Self::No, Self::ALittle, Self::Yes];
}

/// One answer to one question.
///
/// Which variants a question accepts depends on its kind (see
/// [`Question::accepts`](crate::Question::accepts)); every kind accepts `DontKnow` and
/// `NotApplicable`, which are never scored as zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A point on the Not yet / Started / Mostly / Done scale.
    Scale(ScalePoint),
    /// A point on the agreement scale of a phase indicator.
    Agreement(Agreement),
    /// A count of people or companies.
    Count(u32),
    /// Yes (`true`) or No (`false`) for a role check.
    YesNo(bool),
    /// Whether a pitfall is happening here.
    Pitfall(PitfallLevel),
    /// The person does not know: left out of scores, listed for discussion.
    DontKnow,
    /// The question does not apply here: left out of scores.
    NotApplicable,
}

impl Answer {
    /// True for Don't know and Not applicable, the answers that count towards coverage but
    /// never towards a score.
    pub fn is_unscored(self) -> bool {
        matches!(self, Answer::DontKnow | Answer::NotApplicable)
    }
}

/// The largest count accepted. No partnership table has a million people at it, so anything
/// larger is almost certainly a typing slip.
pub const MAX_COUNT: u32 = 999_999;

/// Why a typed-in count could not be read. Each message tells the person what to type instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CountError {
    /// Nothing was typed.
    #[error("Enter a whole number of 0 or more, like 12.")]
    Empty,
    /// A minus sign was typed.
    #[error("A count cannot be negative. Enter 0 or more, like 12.")]
    Negative,
    /// A decimal point or fraction was typed.
    #[error("Enter a whole number, without a decimal point, like 12.")]
    NotWhole,
    /// Something other than digits was typed.
    #[error("\"{0}\" is not a number. Enter a whole number of 0 or more, like 12.")]
    NotANumber(String),
    /// The number is larger than [`MAX_COUNT`].
    #[error("That number is too large. Enter a count of at most 999999.")]
    TooLarge,
}

/// Reads a count typed by a person: surrounding spaces are ignored, and so are thousands
/// separators written as commas, underscores or spaces (people type "1,200").
pub fn parse_count(text: &str) -> Result<u32, CountError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CountError::Empty);
    }
    let unsigned = match trimmed.strip_prefix('+') {
        Some(rest) => rest.trim_start(),
        None => trimmed,
    };
    if unsigned.starts_with('-') || unsigned.starts_with('\u{2212}') {
        return Err(CountError::Negative);
    }
    let digits: String = unsigned
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' '))
        .collect();
    if digits.contains('.') {
        let numeric = digits.chars().all(|c| c.is_ascii_digit() || c == '.');
        return if numeric && digits.chars().any(|c| c.is_ascii_digit()) {
            Err(CountError::NotWhole)
        } else {
            Err(CountError::NotANumber(trimmed.to_string()))
        };
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(CountError::NotANumber(trimmed.to_string()));
    }
    // Leading zeros are harmless; stripping them keeps the length check honest.
    let significant = digits.trim_start_matches('0');
    if significant.len() > 6 {
        return Err(CountError::TooLarge);
    }
    let value: u32 = if significant.is_empty() {
        0
    } else {
        significant
            .parse()
            .map_err(|_| CountError::NotANumber(trimmed.to_string()))?
    };
    if value > MAX_COUNT {
        return Err(CountError::TooLarge);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<u32, CountError>) {
        assert_eq!(parse_count(input), expected, "input {input:?}");
    }

    #[test]
    fn counts_people_type_are_read() {
        check("12", Ok(12));
        check("  7 ", Ok(7));
        check("0", Ok(0));
        check("007", Ok(7));
        check("+3", Ok(3));
        check("1,200", Ok(1200));
        check("1 200", Ok(1200));
        check("999999", Ok(999_999));
    }

    #[test]
    fn bad_counts_get_a_message_to_act_on() {
        check("", Err(CountError::Empty));
        check("   ", Err(CountError::Empty));
        check("-1", Err(CountError::Negative));
        check(" -12", Err(CountError::Negative));
        check("2.5", Err(CountError::NotWhole));
        check("12.", Err(CountError::NotWhole));
        check("twelve", Err(CountError::NotANumber("twelve".into())));
        check("12a", Err(CountError::NotANumber("12a".into())));
        check(".", Err(CountError::NotANumber(".".into())));
        check("1000000", Err(CountError::TooLarge));
        check("99999999999999999999", Err(CountError::TooLarge));
    }

    #[test]
    fn messages_say_what_to_type() {
        for err in [
            CountError::Empty,
            CountError::Negative,
            CountError::NotWhole,
            CountError::NotANumber("x".into()),
        ] {
            let message = err.to_string();
            assert!(message.contains("like 12"), "{message}");
        }
        assert!(CountError::TooLarge.to_string().contains("at most"));
    }

    #[test]
    fn scales_run_from_zero_to_three() {
        let scale: Vec<u32> = ScalePoint::ALL.iter().map(|p| p.points()).collect();
        let agreement: Vec<u32> = Agreement::ALL.iter().map(|p| p.points()).collect();
        assert_eq!(scale, [0, 1, 2, 3]);
        assert_eq!(agreement, [0, 1, 2, 3]);
    }
}
