//! The domain of the Sector Partnership Readiness Check: the question bank, answers,
//! assessments, scoring, the report and its Markdown summary, the group view of several
//! respondents and the progress between two results.
//!
//! This crate knows nothing of the browser. It takes values and returns values, so the web
//! app stays a thin shell and every rule here is tested natively:
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

/// Coach links: a coach's session context in the URL fragment, with no answers.
pub mod coach_link;
pub use readiness_codec as codec;
pub use readiness_domain::*;
/// The JSON export file and its import, and the CSV of answers.
pub mod export;
pub mod format;
/// The group view's CSV and JSON, and the group a tab keeps.
pub mod group_files;
pub mod mail;
pub mod outputs;
/// The portfolio file, a partnership as the device keeps it, and the portfolio's CSV.
pub mod portfolio_file;
/// QR codes of share links, as standalone SVG.
pub mod qr;
/// Share links: the whole assessment, compact and versioned, in the URL fragment.
pub mod share_link;
pub mod workspace;

pub use coach_link::{
    decode_coach_link, encode_coach_link, CoachLinkError, COACH_KEY, COACH_LINK_VERSION,
};
pub use export::{
    answers_csv, decode_export, encode_export, file_stem, ImportError, ImportSource, Imported,
    EXPORT_FORMAT, EXPORT_VERSION, MAX_ID_CHARS, MAX_IMPORT_BYTES,
};
pub use format::{
    decode_stored, encode_stored, stored_record, DecodedStored, SkipReason, Skipped,
    StoredAssessment, StoredError, StoredRecord,
};
pub use group_files::{
    decode_kept_group, encode_kept_group, group_csv, group_json, KeptMember, GROUP_FORMAT,
    GROUP_VERSION, KEPT_GROUP_FORMAT,
};
pub use mail::{mail_draft, report_draft};
pub use outputs::{report_outputs, ReportOutputs};
pub use qr::{qr_drawing, qr_svg, QrDrawing, QrError};
pub use share_link::{
    decode_share_link, encode_share_link, link_copied_message, ShareLinkError, SharedAssessment,
    LINK_FORMAT_VERSION, MAX_LINK_CHARS, MAX_LINK_TEXT_BYTES, SHARE_KEY, URL_WARN_LENGTH,
};
pub use workspace::{
    assessment_id_of_key, link_kind, read_pasted, Effect, Event, GroupAddition, IncomingResult,
    LinkFormats, LinkKind, Listed, Member, PortfolioAddition, PortfolioEvent, PortfolioWorkspace,
    ReadFor, SaveStatus, SetAside, Stamp, StorageError, Workspace, KEPT_GROUP_KEY, KEY_PREFIX,
    PORTFOLIO_PREFIX,
};

#[cfg(test)]
mod bad_inputs;

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

    /// The core must never depend on anything browser-related; that is what keeps it testable
    /// natively and the app's architecture honest.
    #[test]
    fn the_core_depends_on_nothing_from_the_browser() {
        let manifest = include_str!("../Cargo.toml");
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
                    "readiness-core must not depend on {name}: keep browser code in the app"
                );
            }
        }
        // Dependency tables written as `[dependencies.name]` are checked too.
        for line in manifest.lines().filter(|l| l.trim().starts_with('[')) {
            for bad in forbidden {
                assert!(
                    !line.contains(bad),
                    "readiness-core must not depend on {line}"
                );
            }
        }
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

    /// Which of the crate's top-level modules each one names in its code (comments, doc links
    /// and test modules aside), read from the source files.
    fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src.clone()];
        let mut graph =
            std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).expect("a source folder") {
                    files.push(entry.expect("a source file").path());
                }
                continue;
            }
            let relative = path.strip_prefix(&src).expect("under src");
            let top = relative
                .components()
                .next()
                .map(|part| {
                    part.as_os_str()
                        .to_string_lossy()
                        .trim_end_matches(".rs")
                        .to_string()
                })
                .unwrap_or_default();
            let name = relative.to_string_lossy();
            if top == "lib" || top == "bad_inputs" || name.ends_with("tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            let code = text
                .split("#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default();
            let code = code
                .split("#[cfg(test)]\npub(crate) mod tests")
                .next()
                .unwrap_or_default();
            let names = graph.entry(top.clone()).or_default();
            for line in code.lines() {
                let line = line.split("//").next().unwrap_or_default();
                for (at, _) in line.match_indices("crate::") {
                    let named: String = line[at + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    let is_module =
                        src.join(format!("{named}.rs")).is_file() || src.join(&named).is_dir();
                    if is_module && named != top {
                        names.insert(named);
                    }
                }
            }
        }
        graph
    }

    /// The modules name each other in one direction only: no module reaches itself through the
    /// modules it names (the first of those circles ran through seven modules).
    #[test]
    fn the_core_modules_form_no_circle() {
        let graph = module_graph();
        assert!(graph.len() >= 9, "modules read: {graph:?}");
        for start in graph.keys() {
            let mut seen = std::collections::BTreeSet::new();
            let mut todo: Vec<&String> = graph[start].iter().collect();
            while let Some(next) = todo.pop() {
                assert_ne!(next, start, "{start} reaches itself: {graph:?}");
                if seen.insert(next.clone()) {
                    todo.extend(graph.get(next).into_iter().flatten());
                }
            }
        }
    }

    /// The workspace is the top layer: it runs the app's state on the domain and the formats,
    /// and no other module names it.
    #[test]
    fn nothing_names_the_workspace() {
        let graph = module_graph();
        assert!(graph.contains_key("workspace"));
        for (module, names) in &graph {
            assert!(
                !names.contains("workspace"),
                "{module} names the workspace, which sits above every other module"
            );
        }
    }
}
