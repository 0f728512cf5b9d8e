//! The portfolio written down: the portfolio file (typed and versioned, with its JSON Schema at
//! `public/schema/portfolio-v1.json`), one partnership as the device keeps it, and the CSV of
//! one row per partnership.
//!
//! Each result is written as its share link's fragment (`s=...`): the compact, versioned form
//! that carries its bank version, so a result made with an older bank opens with that bank
//! named, and a portfolio of 200 partnerships with three results each stays small (see the
//! storage test). The rest of a row is plain JSON: its name, the region-and-sector keys that
//! join it, and for each result where it came from and when it was added.

use serde::{Deserialize, Serialize};

use crate::share_link::{decode_share_link, encode_share_link};
use readiness_domain::bank::Bank;
use readiness_formats::export::csv_cell;

use readiness_domain::portfolio::view::PortfolioView;
use readiness_domain::portfolio::{folded, MatchKey, Partnership, Portfolio, PortfolioResult};

/// The `format` field of a portfolio file.
pub const PORTFOLIO_FORMAT: &str = "readiness-check/portfolio";

/// The portfolio file's version this build writes and the newest it reads.
pub const PORTFOLIO_VERSION: u64 = 1;

/// The largest portfolio file read, in bytes: 200 partnerships with three full results each
/// are well under it.
pub const MAX_PORTFOLIO_BYTES: usize = 8_000_000;

/// The most partnerships a portfolio file may hold.
pub const MAX_PARTNERSHIPS: usize = 2_000;

/// The most results one partnership may hold.
pub const MAX_RESULTS: usize = 200;

#[derive(Serialize, Deserialize)]
struct PortfolioFileV1 {
    format: String,
    version: u64,
    #[serde(default)]
    app_version: String,
    #[serde(default)]
    exported_at: String,
    partnerships: Vec<PartnershipV1>,
}

#[derive(Serialize, Deserialize)]
struct PartnershipV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default)]
    joins: Vec<JoinV1>,
    results: Vec<ResultV1>,
}

#[derive(Serialize, Deserialize)]
struct JoinV1 {
    region: String,
    sector: String,
}

#[derive(Serialize, Deserialize)]
struct ResultV1 {
    /// The result's share-link fragment, `s=...`.
    link: String,
    #[serde(default)]
    origin: String,
    #[serde(default)]
    added_ms: u64,
}

/// Why a portfolio file could not be read at all. Results that cannot be read one by one are
/// listed instead (see [`ReadPortfolio::problems`]).
#[derive(thiserror::Error, Debug, Clone, PartialEq, Eq)]
pub enum PortfolioFileError {
    /// Larger than any portfolio file.
    #[error("The file is too large to be a portfolio of this app ({bytes} bytes; the most read is {MAX_PORTFOLIO_BYTES}).")]
    TooLarge {
        /// The file's size.
        bytes: usize,
    },
    /// Not JSON, or not a portfolio file's shape.
    #[error("The file is not a portfolio of this app, or it is damaged ({detail}). Choose the portfolio file the app saved.")]
    NotAPortfolio {
        /// What the reader found.
        detail: String,
    },
    /// Made by a newer version of the app.
    #[error("The portfolio file was made by a newer version of this app (version {found}; this version reads up to {PORTFOLIO_VERSION}). Reload the page to get the newest version.")]
    NewerVersion {
        /// The version found.
        found: u64,
    },
    /// More partnerships or results than a portfolio holds.
    #[error("The portfolio file holds more than this app keeps ({detail}).")]
    TooMany {
        /// What there is too much of.
        detail: String,
    },
}

/// A portfolio file read back: its partnerships, and a sentence for each result that could not
/// be read (the others are kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadPortfolio {
    /// The partnerships read, with their results; a partnership none of whose results could be
    /// read is left out.
    pub partnerships: Vec<Partnership>,
    /// What could not be read, one sentence each.
    pub problems: Vec<String>,
}

fn partnership_v1(bank: &Bank, partnership: &Partnership) -> PartnershipV1 {
    PartnershipV1 {
        name: partnership.name.clone(),
        joins: partnership
            .joins
            .iter()
            .map(|key| JoinV1 {
                region: key.region.clone(),
                sector: key.sector.clone(),
            })
            .collect(),
        results: partnership
            .results
            .iter()
            .map(|result| ResultV1 {
                link: encode_share_link(bank, &result.assessment),
                origin: result.origin.clone(),
                added_ms: result.added_ms,
            })
            .collect(),
    }
}

/// Reads one partnership as written; `label` names it in the problems ("Partnership 3").
fn partnership_of(
    bank: &Bank,
    written: PartnershipV1,
    key: u32,
    label: &str,
    problems: &mut Vec<String>,
) -> Option<Partnership> {
    let mut results = Vec::new();
    for (at, result) in written.results.into_iter().enumerate() {
        match decode_share_link(bank, &result.link) {
            Ok(shared) => results.push(PortfolioResult {
                assessment: shared.assessment,
                origin: result.origin,
                left_out: shared.skipped.iter().map(ToString::to_string).collect(),
                added_ms: result.added_ms,
            }),
            Err(error) => problems.push(format!("{label}, result {}: {error}", at + 1)),
        }
    }
    if results.is_empty() {
        return None;
    }
    let mut partnership = Partnership {
        key,
        name: written
            .name
            .map(|name| {
                name.trim()
                    .chars()
                    .take(readiness_domain::MAX_META_CHARS)
                    .collect()
            })
            .filter(|name: &String| !name.is_empty()),
        joins: written
            .joins
            .into_iter()
            .map(|join| MatchKey {
                region: folded(&join.region),
                sector: folded(&join.sector),
            })
            .collect(),
        results,
    };
    partnership.put_in_order();
    Some(partnership)
}

/// One partnership as the device keeps it under its own key.
pub fn encode_partnership(bank: &Bank, partnership: &Partnership) -> String {
    // serde_json fails only on maps whose keys are not text; there are none here.
    serde_json::to_string(&partnership_v1(bank, partnership)).unwrap_or_default()
}

/// One partnership as the device kept it, read back with `key`; its results that cannot be read
/// are listed in `problems`, and `None` when none can.
pub fn decode_partnership(
    bank: &Bank,
    text: &str,
    key: u32,
    problems: &mut Vec<String>,
) -> Result<Option<Partnership>, String> {
    let written: PartnershipV1 = serde_json::from_str(text).map_err(|error| {
        format!(
            "it is not a partnership of this app's portfolio (line {}, column {})",
            error.line(),
            error.column()
        )
    })?;
    if written.results.len() > MAX_RESULTS {
        return Err(format!(
            "it holds {} results; the most kept is {MAX_RESULTS}",
            written.results.len()
        ));
    }
    let label = written
        .name
        .clone()
        .unwrap_or_else(|| "A partnership".to_string());
    Ok(partnership_of(bank, written, key, &label, problems))
}

/// The whole portfolio as a file.
pub fn encode_portfolio_file(bank: &Bank, portfolio: &Portfolio, exported_at: &str) -> String {
    let file = PortfolioFileV1 {
        format: PORTFOLIO_FORMAT.to_string(),
        version: PORTFOLIO_VERSION,
        app_version: readiness_domain::CRATE_VERSION.to_string(),
        exported_at: exported_at.to_string(),
        partnerships: portfolio
            .partnerships()
            .iter()
            .map(|partnership| partnership_v1(bank, partnership))
            .collect(),
    };
    // serde_json fails only on maps whose keys are not text; there are none here.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads a portfolio file: its partnerships (keys from 1, in the file's order) and what could
/// not be read.
pub fn decode_portfolio_file(bank: &Bank, text: &str) -> Result<ReadPortfolio, PortfolioFileError> {
    if text.len() > MAX_PORTFOLIO_BYTES {
        return Err(PortfolioFileError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| PortfolioFileError::NotAPortfolio {
            detail: format!(
                "it is not readable JSON at line {}, column {}",
                error.line(),
                error.column()
            ),
        })?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(PORTFOLIO_FORMAT) {
        return Err(PortfolioFileError::NotAPortfolio {
            detail: format!("it has no \"format\": \"{PORTFOLIO_FORMAT}\""),
        });
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(found) if found > PORTFOLIO_VERSION => {
            return Err(PortfolioFileError::NewerVersion { found })
        }
        Some(1..) => {}
        _ => {
            return Err(PortfolioFileError::NotAPortfolio {
                detail: "its \"version\" should be a whole number, such as 1".to_string(),
            })
        }
    }
    let file: PortfolioFileV1 =
        serde_json::from_value(value).map_err(|error| PortfolioFileError::NotAPortfolio {
            detail: error.to_string(),
        })?;
    if file.partnerships.len() > MAX_PARTNERSHIPS {
        return Err(PortfolioFileError::TooMany {
            detail: format!(
                "{} partnerships; the most kept is {MAX_PARTNERSHIPS}",
                file.partnerships.len()
            ),
        });
    }
    if let Some(at) = file
        .partnerships
        .iter()
        .position(|p| p.results.len() > MAX_RESULTS)
    {
        return Err(PortfolioFileError::TooMany {
            detail: format!(
                "partnership {} has {} results; the most kept is {MAX_RESULTS}",
                at + 1,
                file.partnerships[at].results.len()
            ),
        });
    }
    let mut problems = Vec::new();
    let partnerships = file
        .partnerships
        .into_iter()
        .zip(1..)
        .filter_map(|(written, key)| {
            let label = match &written.name {
                Some(name) => format!("Partnership {key} ({name})"),
                None => format!("Partnership {key}"),
            };
            partnership_of(bank, written, key, &label, &mut problems)
        })
        .collect();
    Ok(ReadPortfolio {
        partnerships,
        problems,
    })
}

/// The view's rows as CSV, one row per partnership in the view's order, for spreadsheets.
/// Quoting follows RFC 4180 (CRLF line ends), and a cell that starts like a formula gets a
/// leading `'`, as the other CSVs of the app.
pub fn portfolio_csv(view: &PortfolioView) -> String {
    let mut header: Vec<String> = [
        "partnership",
        "region",
        "sector",
        "step",
        "where it stands",
        "held by",
        "blocked",
        "leading phase",
        "findings",
        "help asked for",
        "help in their words",
        "latest result",
        "bank",
        "results",
    ]
    .iter()
    .map(|name| name.to_string())
    .collect();
    header.extend(
        view.steps
            .iter()
            .map(|section| format!("{} readiness", section.short_heading())),
    );
    let mut out = String::new();
    push_row(&mut out, &header);
    for row in &view.rows {
        let mut cells = vec![
            row.label.clone(),
            row.region.to_string(),
            row.sector.to_string(),
            row.step
                .map_or_else(|| "past every step".to_string(), |s| s.to_string()),
            row.stands.clone(),
            row.held_by
                .map_or_else(String::new, |gate| gate.label().to_string()),
            if row.blocked { "yes" } else { "no" }.to_string(),
            row.phase_words().to_string(),
            row.findings_words(),
            row.help_words(),
            row.help_text.to_string(),
            row.date.to_string(),
            row.bank_version.to_string(),
            row.results.to_string(),
        ];
        cells.extend(row.cells.iter().map(|cell| cell.in_words()));
        push_row(&mut out, &cells);
    }
    out
}

fn push_row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|cell| csv_cell(cell)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests;
