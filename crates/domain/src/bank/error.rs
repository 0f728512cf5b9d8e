//! Why a bank could not be loaded.

use thiserror::Error;

/// Why a bank could not be loaded. Each message names the item at fault and what to change.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BankError {
    /// The text is not JSON of the expected shape.
    #[error("The question bank could not be read at line {line}, column {column}: {message}")]
    Json {
        /// Line of the problem, counted from 1.
        line: usize,
        /// Column of the problem, counted from 1.
        column: usize,
        /// What serde found wrong.
        message: String,
    },
    /// A required text is empty.
    #[error("{item} has an empty {field}: write one.")]
    EmptyText {
        /// The item at fault, e.g. `question "s1.convener"`.
        item: String,
        /// The empty field.
        field: &'static str,
    },
    /// An id is unusable.
    #[error("{item} has the id \"{id}\", which is not usable: use lower-case letters, digits, dots and dashes only.")]
    BadId {
        /// What kind of item.
        item: &'static str,
        /// The id.
        id: String,
    },
    /// Two items share an id.
    #[error("Two {item}s share the id \"{id}\": give each a unique id.")]
    DuplicateId {
        /// What kind of item.
        item: &'static str,
        /// The shared id.
        id: String,
    },
    /// A source names a seed that does not exist.
    #[error("{item} names the source \"{seed}\", which is not one of the seeds 000 to 004 listed under \"sources\".")]
    UnknownSeed {
        /// The item at fault.
        item: String,
        /// The seed named.
        seed: String,
    },
    /// A question has no advice for a weak answer.
    #[error("Question \"{id}\" has no advice for a weak answer: add an \"advice\" text.")]
    MissingAdvice {
        /// The question.
        id: String,
    },
    /// A question's fields do not fit its kind or its section.
    #[error("Question \"{id}\" {problem}.")]
    BadQuestion {
        /// The question.
        id: String,
        /// What is wrong, phrased to follow the id.
        problem: String,
    },
    /// Launch steps are missing, repeated or out of order.
    #[error("Section \"{section}\" is numbered step {found} but should be step {expected}: list launch steps in order, numbered from 1.")]
    StepOrder {
        /// The section.
        section: String,
        /// The number it has.
        found: u8,
        /// The number it should have.
        expected: u8,
    },
    /// A section kind that may appear once appears twice.
    #[error("There are two \"{kind}\" sections: keep one.")]
    RepeatedSection {
        /// The repeated kind.
        kind: &'static str,
    },
    /// A reference to another item does not resolve.
    #[error("{item} refers to \"{target}\", which is not in the bank.")]
    UnknownReference {
        /// The item holding the reference.
        item: String,
        /// The id that is missing.
        target: String,
    },
}
