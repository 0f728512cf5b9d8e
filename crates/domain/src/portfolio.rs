//! A portfolio: many partnerships' results, for a TA provider or a state's sector team that
//! receives requests from many regions. One row per partnership, matched by the region and
//! sector its results name (ignoring case and spacing); the newest result is the row's current
//! one and the older ones are its history. The person corrects the matching: renames a row,
//! merges two rows that are one partnership, or splits a result off a row it does not belong to.
//!
//! Everything here is values in, values out, as the rest of the core: `view` reads the portfolio
//! at a glance (counts, the heat map's rows, who asks for what, sorting and filtering);
//! `portfolio_file`, a format above the domain, writes and reads the portfolio file and the
//! CSV.

use std::cmp::Ordering;
use std::iter::Peekable;
use std::str::Chars;

use crate::assessment::{Assessment, MAX_META_CHARS};

pub mod view;

/// What makes two results one partnership's: their region and sector, compared without case
/// or spacing ("North  Valley" and "north valley" match; so do "Health care" and "Healthcare").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MatchKey {
    /// The region, lower-case, without spaces.
    pub region: String,
    /// The sector, lower-case, without spaces.
    pub sector: String,
}

impl MatchKey {
    /// The key of an assessment's region and sector; `None` when both are empty, since a result
    /// that names neither cannot be matched to anything.
    pub fn of(assessment: &Assessment) -> Option<MatchKey> {
        let key = MatchKey {
            region: folded(&assessment.meta.region),
            sector: folded(&assessment.meta.sector),
        };
        (!key.region.is_empty() || !key.sector.is_empty()).then_some(key)
    }
}

/// Text as matching compares it: lower-case, every kind of space left out.
pub fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Two names in the order a person reads a list of them: as matching compares them (ignoring
/// case and spacing), and a number by its value, so "Region 2" comes before "Region 10".
pub fn name_order(a: &str, b: &str) -> Ordering {
    let (a, b) = (folded(a), folded(b));
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (m, n) = (number(&mut a), number(&mut b));
                let order = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) if x != y => return x.cmp(&y),
            _ => {
                a.next();
                b.next();
            }
        }
    }
}

/// The digits at the front of `chars`, taken, without leading zeros.
fn number(chars: &mut Peekable<Chars>) -> String {
    let mut digits = String::new();
    while let Some(digit) = chars.next_if(char::is_ascii_digit) {
        if !(digits.is_empty() && digit == '0') {
            digits.push(digit);
        }
    }
    digits
}

/// One result of a partnership: an assessment as it came, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortfolioResult {
    /// The assessment.
    pub assessment: Assessment,
    /// Where it came from, e.g. "share link", a file's name or "this device".
    pub origin: String,
    /// What it held that this bank does not have, as sentences.
    pub left_out: Vec<String>,
    /// When it was added to the portfolio, in milliseconds since 1970.
    pub added_ms: u64,
}

impl PortfolioResult {
    /// The order of a partnership's history: by the date the assessment names, then by when it
    /// was added (an assessment without a date counts as older than any with one).
    fn order(&self) -> (&str, u64) {
        (self.assessment.meta.date.trim(), self.added_ms)
    }

    /// The date the assessment names, or "No date".
    pub fn date_words(&self) -> &str {
        match self.assessment.meta.date.trim() {
            "" => "No date",
            date => date,
        }
    }

    /// The result as a line of its partnership's history: "2026-09-01 · Employer · share link".
    pub fn history_line(&self) -> String {
        format!(
            "{} · {} · {}",
            self.date_words(),
            self.assessment.meta.respondent_role,
            self.origin
        )
    }

    /// The button that splits this result off a row it does not belong to.
    pub fn split_words(&self) -> String {
        match self.assessment.meta.date.trim() {
            "" => "Split off the result without a date".to_string(),
            date => format!("Split off the result of {date}"),
        }
    }
}

/// The heading over a partnership's progress between two of its results, naming the dates
/// they give.
pub fn progress_heading(before: &PortfolioResult, after: &PortfolioResult) -> String {
    match (
        before.assessment.meta.date.trim(),
        after.assessment.meta.date.trim(),
    ) {
        ("", "") => "Progress between its two latest results".to_string(),
        ("", to) => format!("Progress to {to}"),
        (from, "") => format!("Progress from {from}"),
        (from, to) => format!("Progress from {from} to {to}"),
    }
}

/// One partnership of the portfolio.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Partnership {
    /// The row's key in this portfolio; never shown, never reused.
    pub key: u32,
    /// The name the person gave the row, if they renamed it.
    pub name: Option<String>,
    /// The region-and-sector keys whose new results join this row: its own, and those of rows
    /// merged into it. Empty for a result split off a row, which only the person changes.
    pub joins: Vec<MatchKey>,
    /// Its results, oldest first: the last is the current one, the others its history.
    pub results: Vec<PortfolioResult>,
}

impl Partnership {
    /// The current result: the newest.
    pub fn current(&self) -> Option<&PortfolioResult> {
        self.results.last()
    }

    /// The row's name: the one the person gave it, else "Region · Sector" as the current
    /// result writes them, else "Unnamed partnership".
    pub fn label(&self) -> String {
        if let Some(name) = &self.name {
            return name.clone();
        }
        let Some(current) = self.current() else {
            return "Unnamed partnership".to_string();
        };
        let meta = &current.assessment.meta;
        match (meta.region.trim(), meta.sector.trim()) {
            ("", "") => "Unnamed partnership".to_string(),
            (region, "") => region.to_string(),
            ("", sector) => sector.to_string(),
            (region, sector) => format!("{region} · {sector}"),
        }
    }

    pub(crate) fn holds(&self, assessment: &Assessment) -> bool {
        self.results
            .iter()
            .any(|result| result.assessment == *assessment)
    }

    /// Puts the results in the order of the history: by the date each names, then by when it
    /// was added.
    pub fn put_in_order(&mut self) {
        self.results.sort_by(|a, b| a.order().cmp(&b.order()));
    }
}

/// What happened to one result added to the portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// It started a new row.
    New {
        /// The row's key.
        key: u32,
    },
    /// It joined the row of the same region and sector (as its current result, or in its
    /// history when it is older).
    Joined {
        /// The row's key.
        key: u32,
    },
    /// The same result was already there: it is kept once.
    Already {
        /// The row that holds it.
        key: u32,
    },
}

/// Many partnerships' results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Portfolio {
    partnerships: Vec<Partnership>,
    next_key: u32,
}

impl Portfolio {
    /// A portfolio of these partnerships (as read back), their keys kept.
    pub fn from_partnerships(partnerships: Vec<Partnership>) -> Self {
        let next_key = partnerships.iter().map(|p| p.key + 1).max().unwrap_or(1);
        Self {
            partnerships,
            next_key,
        }
    }

    /// Every partnership, in the order they were first added.
    pub fn partnerships(&self) -> &[Partnership] {
        &self.partnerships
    }

    /// Every partnership's key and name, in [`name_order`], as a person chooses among them: the same order whatever order they were added or read back in.
    pub fn choices(&self) -> Vec<(u32, String)> {
        let mut choices: Vec<(u32, String)> = self
            .partnerships
            .iter()
            .map(|p| (p.key, p.label()))
            .collect();
        choices.sort_by(|(a_key, a), (b_key, b)| {
            name_order(a, b)
                .then_with(|| a.cmp(b))
                .then_with(|| a_key.cmp(b_key))
        });
        choices
    }

    /// The partnership with this key.
    pub fn partnership(&self, key: u32) -> Option<&Partnership> {
        self.partnerships.iter().find(|p| p.key == key)
    }

    /// How many results the portfolio holds, history included.
    pub fn result_count(&self) -> usize {
        self.partnerships.iter().map(|p| p.results.len()).sum()
    }

    fn fresh_key(&mut self) -> u32 {
        let key = self.next_key.max(1);
        self.next_key = key + 1;
        key
    }

    /// Adds one result: kept once if it is already here, else joined to the row whose region
    /// and sector match, else a row of its own.
    pub fn add(&mut self, result: PortfolioResult) -> Added {
        if let Some(row) = self
            .partnerships
            .iter()
            .find(|p| p.holds(&result.assessment))
        {
            return Added::Already { key: row.key };
        }
        let joins = MatchKey::of(&result.assessment);
        if let Some(row) = joins.as_ref().and_then(|key| {
            self.partnerships
                .iter_mut()
                .find(|row| row.joins.contains(key))
        }) {
            row.results.push(result);
            row.put_in_order();
            return Added::Joined { key: row.key };
        }
        let key = self.fresh_key();
        self.partnerships.push(Partnership {
            key,
            name: None,
            joins: joins.into_iter().collect(),
            results: vec![result],
        });
        Added::New { key }
    }

    /// Names a row; an empty name gives it back its region and sector. Longer names are cut to
    /// [`MAX_META_CHARS`] characters.
    pub fn rename(&mut self, key: u32, name: &str) -> bool {
        let Some(row) = self.partnerships.iter_mut().find(|p| p.key == key) else {
            return false;
        };
        let name: String = name.trim().chars().take(MAX_META_CHARS).collect();
        row.name = (!name.is_empty()).then_some(name);
        true
    }

    /// Merges row `from` into row `into`: one partnership whose results were named apart
    /// ("N. Valley" and "North Valley"). Its results join the history (a result held by both
    /// is kept once) and new results of either name join the merged row.
    pub fn merge(&mut self, into: u32, from: u32) -> bool {
        if into == from || self.partnership(into).is_none() {
            return false;
        }
        let Some(at) = self.partnerships.iter().position(|p| p.key == from) else {
            return false;
        };
        let merged = self.partnerships.remove(at);
        let Some(row) = self.partnerships.iter_mut().find(|p| p.key == into) else {
            return false;
        };
        for key in merged.joins {
            if !row.joins.contains(&key) {
                row.joins.push(key);
            }
        }
        for result in merged.results {
            if !row.holds(&result.assessment) {
                row.results.push(result);
            }
        }
        if row.name.is_none() {
            row.name = merged.name;
        }
        row.put_in_order();
        true
    }

    /// Splits the result at `index` of row `key`'s results (oldest first) into a row of its
    /// own: a wrong match. The new row is named by its result and joins nothing, so new
    /// results of that region and sector still join the row it left. Returns the new row's
    /// key; a row's only result stays where it is.
    pub fn split(&mut self, key: u32, index: usize) -> Option<u32> {
        let row = self.partnerships.iter_mut().find(|p| p.key == key)?;
        if row.results.len() < 2 || index >= row.results.len() {
            return None;
        }
        let result = row.results.remove(index);
        let at = self.partnerships.iter().position(|p| p.key == key)? + 1;
        let new_key = self.fresh_key();
        self.partnerships.insert(
            at,
            Partnership {
                key: new_key,
                name: None,
                joins: Vec::new(),
                results: vec![result],
            },
        );
        Some(new_key)
    }

    /// Takes in partnerships read from a file: a partnership that shares a region and sector or
    /// a result with one already here joins it (each result kept once); the others come as
    /// rows of their own, with their names. Returns how many results were new.
    pub fn take_in(&mut self, partnerships: Vec<Partnership>) -> usize {
        let mut new = 0;
        for incoming in partnerships {
            let known = self.partnerships().iter().any(|row| {
                row.joins.iter().any(|key| incoming.joins.contains(key))
                    || incoming
                        .results
                        .iter()
                        .any(|result| row.holds(&result.assessment))
            });
            if known {
                for result in incoming.results {
                    if !matches!(self.add(result), Added::Already { .. }) {
                        new += 1;
                    }
                }
            } else {
                new += incoming.results.len();
                let key = self.fresh_key();
                self.partnerships.push(Partnership { key, ..incoming });
            }
        }
        new
    }

    /// Takes a row out, for the person to undo with [`Portfolio::put_back`].
    pub fn remove(&mut self, key: u32) -> Option<(usize, Partnership)> {
        let at = self.partnerships.iter().position(|p| p.key == key)?;
        Some((at, self.partnerships.remove(at)))
    }

    /// Puts a removed row back where it was; its results already added again meanwhile are
    /// kept once. Returns the row's key, or `None` when every result of it is here again.
    pub fn put_back(&mut self, at: usize, mut row: Partnership) -> Option<u32> {
        row.results.retain(|result| {
            !self
                .partnerships
                .iter()
                .any(|p| p.holds(&result.assessment))
        });
        if row.results.is_empty() {
            return None;
        }
        if self.partnership(row.key).is_some() {
            row.key = self.fresh_key();
        }
        self.next_key = self.next_key.max(row.key + 1);
        let key = row.key;
        let at = at.min(self.partnerships.len());
        self.partnerships.insert(at, row);
        Some(key)
    }

    /// Takes in a row as it is (one another tab wrote, or the device kept), with a key of this
    /// portfolio: no matching, since the person may have split or merged it on purpose.
    pub fn insert_row(&mut self, mut row: Partnership) -> u32 {
        row.key = self.fresh_key();
        row.put_in_order();
        let key = row.key;
        self.partnerships.push(row);
        key
    }
}

#[cfg(test)]
mod tests;
