//! Turns the built-in question bank, `bank/bank.json`, into a Rust static of its raw shapes
//! (`src/bank/shapes.rs`), written to `$OUT_DIR/builtin_bank.rs` and included by `src/bank.rs`.
//!
//! The app then carries the bank as plain data: no JSON parser instantiated for the bank's
//! types and no JSON punctuation in the wasm. The bank is read here with the same strict
//! shapes as `Bank::from_json` (unknown fields refused), so a malformed `bank.json` fails the
//! build with serde's message; the checks of its content (`src/bank/check.rs`) are not run
//! here nor by the app: the bank's tests run them on every test run.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

#[allow(dead_code)]
#[path = "src/bank/shapes.rs"]
mod shapes;

use shapes::SectionKind;
use shapes::{
    Bank, GateDontKnow, HelpArea, Kind, Phase, PitfallKind, Question, Retired, Scales, Section,
};
use shapes::{Source, SourceDoc, Text};

fn main() {
    const BANK: &str = "bank/bank.json";
    println!("cargo::rerun-if-changed={BANK}");
    println!("cargo::rerun-if-changed=src/bank/shapes.rs");
    let json = fs::read_to_string(BANK).unwrap_or_else(|err| panic!("cannot read {BANK}: {err}"));
    let bank: Bank = serde_json::from_str(&json)
        .unwrap_or_else(|err| panic!("{BANK} does not have the shape of a question bank: {err}"));
    let mut out = String::from(
        "// Written by build.rs from bank/bank.json; do not edit.\n\
         pub(super) static BUILTIN: Bank = ",
    );
    bank.rust(&mut out);
    out.push_str(";\n");
    let dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&dir).join("builtin_bank.rs"), out).expect("cannot write the bank");
}

/// Writes a value as a Rust expression, in a scope where the shapes and `Cow::Borrowed` are
/// in view.
trait Rust {
    fn rust(&self, out: &mut String);
}

impl Rust for Text {
    fn rust(&self, out: &mut String) {
        // `str`'s Debug form is a valid Rust string literal.
        let _ = write!(out, "Borrowed({:?})", &**self);
    }
}

impl<T: Rust> Rust for Option<T> {
    fn rust(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(value) => {
                out.push_str("Some(");
                value.rust(out);
                out.push(')');
            }
        }
    }
}

impl<T: Rust + Clone> Rust for std::borrow::Cow<'static, [T]> {
    fn rust(&self, out: &mut String) {
        out.push_str("Borrowed(&");
        self[..].rust(out);
        out.push(')');
    }
}

impl<T: Rust> Rust for [T] {
    fn rust(&self, out: &mut String) {
        out.push('[');
        for item in self {
            item.rust(out);
            out.push_str(",\n");
        }
        out.push(']');
    }
}

impl<T: Rust, const N: usize> Rust for [T; N] {
    fn rust(&self, out: &mut String) {
        self[..].rust(out);
    }
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Rust for $t {
            fn rust(&self, out: &mut String) {
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
plain!(u8, u32, bool);

macro_rules! unit_enum {
    ($t:ident: $($v:ident),*) => {
        impl Rust for $t {
            fn rust(&self, out: &mut String) {
                out.push_str(match self {
                    $($t::$v => concat!(stringify!($t), "::", stringify!($v)),)*
                });
            }
        }
    };
}
unit_enum!(SectionKind: LaunchStep, Phases, Table, Pitfalls);
unit_enum!(Kind: Scale, Agreement, Count, YesNo, Pitfall);
unit_enum!(Phase: Forming, Norming, Storming, Performing);
unit_enum!(PitfallKind: Pitfall, Objection, Missing);
unit_enum!(GateDontKnow: FindOut, NotYet);

/// A struct literal: every field is named, so a field added to a shape and not here fails to
/// compile (destructuring) rather than being dropped.
macro_rules! record {
    ($t:ident { $($f:ident),* }) => {
        impl Rust for $t {
            fn rust(&self, out: &mut String) {
                let $t { $($f),* } = self;
                out.push_str(concat!(stringify!($t), " {"));
                $(
                    out.push_str(concat!(stringify!($f), ": "));
                    $f.rust(out);
                    out.push_str(", ");
                )*
                out.push_str("}");
            }
        }
    };
}
record!(Bank {
    bank_version,
    scales,
    sources,
    sections,
    help_areas,
    retired
});
record!(Retired {
    id,
    kind,
    phase,
    pitfall,
    expected,
    text,
    retired_in,
    moved_to,
    note
});
record!(Scales {
    scale,
    agreement,
    pitfall,
    yes_no,
    dont_know,
    not_applicable
});
record!(SourceDoc {
    seed,
    title,
    by,
    used_for
});
record!(Source { seed, part });
record!(Section {
    id,
    kind,
    step,
    title,
    intro,
    source,
    questions
});
record!(Question {
    id,
    label,
    kind,
    text,
    help,
    source,
    advice,
    gate,
    why,
    phase,
    pitfall,
    min,
    max,
    not_more_than,
    below,
    above,
    expected,
    phase_sign,
    table_check,
    since,
    gate_dont_know,
    presupposes,
    bridges_to
});
record!(HelpArea { id, label, section });
