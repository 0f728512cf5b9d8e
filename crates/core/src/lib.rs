//! The core of the Sector Partnership Readiness Check: the question bank, answers,
//! assessments, scoring, the report and its Markdown summary, the group view of several
//! respondents, the progress between two results, the formats and the app's state.
//!
//! It is a facade over the crates that hold them, each a layer Cargo keeps apart (see
//! ARCHITECTURE.md): `readiness-codec` (bytes), `readiness-domain`, `readiness-formats` (what
//! start-up reads and writes), `readiness-links` (the link formats that load late),
//! `readiness-workspace` (the app's state) and `readiness-portfolio-desk` (the portfolio's own
//! workspace). It re-exports them all, so the app, the fuzz targets, the examples and the
//! benchmarks name one crate.
//!
//! None of them knows anything of the browser. They take values and return values, so the web
//! app stays a thin shell and every rule is tested natively:
//!
//! ```
//! use readiness_core::{report, Answer, Assessment, Bank, ScalePoint};
//!
//! let bank = Bank::builtin();
//! let mut assessment = Assessment::new(bank);
//! assessment.set_answer("s1.convener", Answer::Scale(ScalePoint::NotYet));
//! let report = report(bank, &assessment);
//! assert!(report.where_you_are.sentence().starts_with("You are at step 1"));
//! ```

#![warn(missing_docs)]

pub use readiness_codec as codec;
pub use readiness_domain::*;
pub use readiness_formats::*;
pub use readiness_links::*;
pub use readiness_portfolio_desk::*;
/// The app's state and every rule about how it changes.
pub use readiness_workspace as workspace;
pub use readiness_workspace::*;

#[cfg(test)]
mod tests {
    use super::*;

    /// Report footers and files name the core's version as this crate's version, as before the
    /// domain was a crate of its own: the two crates keep one version.
    #[test]
    fn the_core_names_its_own_version() {
        assert_eq!(CRATE_VERSION, env!("CARGO_PKG_VERSION"));
        assert_eq!(BANK_VERSION, Bank::builtin().version());
    }

    /// No crate of the core may depend on anything browser-related; that is what keeps it
    /// testable natively and the app's architecture honest. Reads the manifest of every crate
    /// under `crates/`.
    #[test]
    fn the_core_depends_on_nothing_from_the_browser() {
        let crates = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let forbidden = [
            "leptos",
            "web-sys",
            "web_sys",
            "gloo",
            "wasm-bindgen",
            "wasm_bindgen",
            "js-sys",
            "js_sys",
        ];
        let mut read = Vec::new();
        for entry in std::fs::read_dir(&crates).expect("crates/") {
            let path = entry.expect("a crate's folder").path().join("Cargo.toml");
            let Ok(manifest) = std::fs::read_to_string(&path) else {
                continue;
            };
            let place = path.display();
            for line in manifest.lines() {
                let line = line.trim();
                if line.starts_with('#') || line.starts_with('[') {
                    continue;
                }
                let name = line
                    .split(['=', '.'])
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .trim_matches('"');
                for bad in forbidden {
                    assert!(
                        !name.starts_with(bad),
                        "{place} must not depend on {name}: keep browser code in the app"
                    );
                }
            }
            // Dependency tables written as `[dependencies.name]` are checked too.
            for line in manifest.lines().filter(|l| l.trim().starts_with('[')) {
                for bad in forbidden {
                    assert!(!line.contains(bad), "{place} must not depend on {line}");
                }
            }
            read.push(path);
        }
        // codec, domain, formats, links, workspace, portfolio-desk and this facade.
        assert!(read.len() >= 7, "manifests read: {read:?}");
    }

    /// The README's fuzzing command names `corpus/<target>` and `seeds/<target>`: both folders
    /// exist in a fresh clone for every target, and every target has at least one seed.
    #[test]
    fn every_fuzz_target_has_its_corpus_folder_and_seeds() {
        let fuzz = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz");
        let targets = std::fs::read_dir(fuzz.join("fuzz_targets")).expect("fuzz/fuzz_targets");
        let mut names = Vec::new();
        for entry in targets {
            let path = entry.expect("a fuzz target").path();
            let name = path
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .to_string();
            let corpus = fuzz.join("corpus").join(&name);
            assert!(corpus.join(".gitkeep").is_file(), "no {}", corpus.display());
            let seeds = std::fs::read_dir(fuzz.join("seeds").join(&name))
                .unwrap_or_else(|_| panic!("no fuzz/seeds/{name}"))
                .count();
            assert!(seeds > 0, "fuzz/seeds/{name} is empty");
            names.push(name);
        }
        assert!(names.len() >= 4, "fuzz targets: {names:?}");
    }
}
