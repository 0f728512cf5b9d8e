//! The portfolio as the device keeps it: a workspace of its own, which the Portfolio screen
//! starts when it opens (its code loads with the screen, never at start-up), with the same
//! guarantees as the assessments. Each partnership is one entry under [`PORTFOLIO_PREFIX`] and
//! an id no other tab gives, so two tabs adding at once keep each other's additions; a write the
//! device refuses stays pending, is said, and is tried again; text that cannot be read is set
//! aside, never dropped; shared-computer mode writes nothing; "forget everything" removes the
//! entries with the rest of the app's keys; removing a partnership can be undone.
//!
//! It runs the app's [`Effect`]s (and one of its own, [`Effect::ReadPortfolio`]) and hears the
//! device's answers as the app's [`Event`]s, so the shell runs both workspaces' effects alike.

#![warn(missing_docs)]

use readiness_codec::envelope;
use readiness_domain::bank::Bank;
use readiness_domain::portfolio::{Added, Partnership, Portfolio, PortfolioResult};
use readiness_links::portfolio_file::{decode_partnership, encode_partnership, ReadPortfolio};
use readiness_links::share_link::{decode_share_link, SHARE_KEY};
use readiness_workspace::*;

/// What the person does on the Portfolio screen, and what the device answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortfolioEvent {
    /// The screen opened: read what the device keeps.
    Open,
    /// Results to add: from share links pasted, files opened or dropped, this device's
    /// assessments, or a shared report; `problems` names what could not be read, one sentence
    /// each. `fresh_ids` is a stock of ids no other tab gives, one per row that may be new.
    Add {
        /// The results.
        results: Vec<PortfolioResult>,
        /// What could not be read.
        problems: Vec<String>,
        /// Ids for new rows.
        fresh_ids: Vec<String>,
    },
    /// A pasted block of text (an email, a list of links): every share link in it is added,
    /// and each line that holds one that cannot be read is listed.
    Paste {
        /// The text.
        text: String,
        /// When it was pasted, in milliseconds since 1970.
        now_ms: u64,
        /// Ids for new rows.
        fresh_ids: Vec<String>,
    },
    /// A portfolio file read back.
    TakeIn {
        /// What the file held.
        read: ReadPortfolio,
        /// Ids for new rows.
        fresh_ids: Vec<String>,
    },
    /// Give a row a name (an empty one gives back its region and sector).
    Rename {
        /// The row.
        key: u32,
        /// The name.
        name: String,
    },
    /// Merge row `from` into row `into`.
    Merge {
        /// The row that stays.
        into: u32,
        /// The row that goes into it.
        from: u32,
    },
    /// Split the result at `index` of row `key` off into a row of its own.
    Split {
        /// The row.
        key: u32,
        /// The result, oldest first.
        index: usize,
        /// The new row's id.
        fresh_id: String,
    },
    /// Take a row out (undo brings it back).
    Remove(u32),
    /// Bring back the row taken out last.
    UndoRemove,
    /// Write again what the device refused.
    Retry,
    /// What the device answered, or another tab's change (`Event::OtherTab`).
    Device(Event),
}

/// What the latest addition did, for the screen to say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortfolioAddition {
    /// Results that started a row.
    pub new_rows: usize,
    /// Results that joined a row, as its current result or its history.
    pub joined: usize,
    /// Results already here, kept once.
    pub already: usize,
    /// What could not be read, one sentence each.
    pub problems: Vec<String>,
}

impl PortfolioAddition {
    /// The addition in a sentence: "Added 28 results: 27 new partnerships, 1 joined one
    /// already here; 2 were here already."
    pub fn sentence(&self) -> Option<String> {
        let added = self.new_rows + self.joined;
        if added == 0 && self.already == 0 {
            return None;
        }
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.new_rows > 0 {
            parts.push(plural(self.new_rows, "new partnership", "new partnerships"));
        }
        if self.joined > 0 {
            parts.push(format!(
                "{} a partnership already here",
                plural(self.joined, "joined", "joined")
            ));
        }
        let mut sentence = if added > 0 {
            format!(
                "Added {}: {}.",
                plural(added, "result", "results"),
                parts.join(", ")
            )
        } else {
            String::new()
        };
        if self.already > 0 {
            let already = format!(
                "{} already in the portfolio, kept once.",
                plural(self.already, "result was", "results were")
            );
            sentence = if sentence.is_empty() {
                capitalised(&already)
            } else {
                format!("{sentence} {already}")
            };
        }
        Some(sentence)
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The portfolio and every rule about how it is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortfolioWorkspace {
    bank: &'static Bank,
    portfolio: Portfolio,
    /// Each row's id on the device, by row key.
    ids: Vec<(u32, String)>,
    shared_mode: bool,
    status: SaveStatus,
    /// Rows whose latest write the device refused, by key.
    unsaved: Vec<u32>,
    /// Ids of removed rows whose removal the device refused.
    unremoved: Vec<String>,
    removed: Option<(usize, Partnership, String)>,
    addition: PortfolioAddition,
    set_aside: Vec<SetAside>,
    read: bool,
}

impl PortfolioWorkspace {
    /// An empty portfolio workspace; [`PortfolioEvent::Open`] reads what the device keeps. In
    /// shared-computer mode it writes nothing.
    pub fn new(bank: &'static Bank, shared_mode: bool) -> Self {
        Self {
            bank,
            portfolio: Portfolio::default(),
            ids: Vec::new(),
            shared_mode,
            status: if shared_mode {
                SaveStatus::NotSaving
            } else {
                SaveStatus::Saved
            },
            unsaved: Vec::new(),
            unremoved: Vec::new(),
            removed: None,
            addition: PortfolioAddition::default(),
            set_aside: Vec::new(),
            read: false,
        }
    }

    /// The portfolio.
    pub fn portfolio(&self) -> &Portfolio {
        &self.portfolio
    }

    /// Whether the device has been read.
    pub fn is_read(&self) -> bool {
        self.read
    }

    /// Whether the latest change is kept on this device.
    pub fn status(&self) -> &SaveStatus {
        &self.status
    }

    /// What the latest addition did.
    pub fn addition(&self) -> &PortfolioAddition {
        &self.addition
    }

    /// Entries that could not be read, kept aside.
    pub fn set_aside(&self) -> &[SetAside] {
        &self.set_aside
    }

    /// The row taken out last, which undo brings back.
    pub fn removed(&self) -> Option<&Partnership> {
        self.removed.as_ref().map(|(_, row, _)| row)
    }

    fn id_of(&self, key: u32) -> Option<&str> {
        self.ids
            .iter()
            .find(|(row, _)| *row == key)
            .map(|(_, id)| id.as_str())
    }

    /// Gives a new row its id on the device: the next of the ids the shell made, or, should
    /// it have made too few, one made of the row's key.
    fn give_id(&mut self, key: u32, fresh_ids: &mut impl Iterator<Item = String>) {
        let id = fresh_ids
            .next()
            .unwrap_or_else(|| format!("p{key}-{}", self.ids.len()));
        self.ids.push((key, id));
    }

    fn key_of_id(&self, id: &str) -> Option<u32> {
        self.ids.iter().find(|(_, i)| i == id).map(|(key, _)| *key)
    }

    /// Applies one event and returns what the shell must do.
    pub fn update(&mut self, event: PortfolioEvent) -> Vec<Effect> {
        match event {
            PortfolioEvent::Open => vec![Effect::ReadPortfolio],
            PortfolioEvent::Add {
                results,
                problems,
                fresh_ids,
            } => self.add(results, problems, fresh_ids),
            PortfolioEvent::Paste {
                text,
                now_ms,
                fresh_ids,
            } => {
                let (results, problems) = read_pasted(self.bank, &text, now_ms);
                self.add(results, problems, fresh_ids)
            }
            // A portfolio file keeps its rows as the person left them (names, merges): its
            // partnerships come in whole, or join the rows they match.
            PortfolioEvent::TakeIn { read, fresh_ids } => {
                let incoming: usize = read.partnerships.iter().map(|p| p.results.len()).sum();
                let before: Vec<(u32, usize)> = self
                    .portfolio
                    .partnerships()
                    .iter()
                    .map(|row| (row.key, row.results.len()))
                    .collect();
                let added = self.portfolio.take_in(read.partnerships);
                let mut fresh_ids = fresh_ids.into_iter();
                let mut changed = Vec::new();
                let mut new_rows = 0;
                let mut in_new_rows = 0;
                for row in self.portfolio.partnerships() {
                    match before.iter().find(|(key, _)| *key == row.key) {
                        Some((_, count)) if *count == row.results.len() => {}
                        Some(_) => changed.push(row.key),
                        None => {
                            new_rows += 1;
                            in_new_rows += row.results.len();
                            changed.push(row.key);
                        }
                    }
                }
                for key in &changed {
                    if self.id_of(*key).is_none() {
                        self.give_id(*key, &mut fresh_ids);
                    }
                }
                self.addition = PortfolioAddition {
                    new_rows,
                    joined: added - in_new_rows,
                    already: incoming - added,
                    problems: read.problems,
                };
                self.write_rows(&changed)
            }
            PortfolioEvent::Rename { key, name } => {
                if self.portfolio.rename(key, &name) {
                    self.write_rows(&[key])
                } else {
                    Vec::new()
                }
            }
            PortfolioEvent::Merge { into, from } => {
                let gone = self.id_of(from).map(str::to_string);
                if !self.portfolio.merge(into, from) {
                    return Vec::new();
                }
                self.ids.retain(|(key, _)| *key != from);
                let mut effects = self.write_rows(&[into]);
                effects.extend(gone.and_then(|id| self.remove_entry(id)));
                effects
            }
            PortfolioEvent::Split {
                key,
                index,
                fresh_id,
            } => match self.portfolio.split(key, index) {
                Some(new_key) => {
                    self.ids.push((new_key, fresh_id));
                    self.write_rows(&[key, new_key])
                }
                None => Vec::new(),
            },
            PortfolioEvent::Remove(key) => {
                let Some(id) = self.id_of(key).map(str::to_string) else {
                    return Vec::new();
                };
                let Some((at, row)) = self.portfolio.remove(key) else {
                    return Vec::new();
                };
                self.ids.retain(|(row, _)| *row != key);
                self.unsaved.retain(|row| *row != key);
                self.removed = Some((at, row, id.clone()));
                self.remove_entry(id).into_iter().collect()
            }
            PortfolioEvent::UndoRemove => {
                let Some((at, row, id)) = self.removed.take() else {
                    return Vec::new();
                };
                // A row whose every result came back meanwhile is not put back.
                let Some(key) = self.portfolio.put_back(at, row) else {
                    return Vec::new();
                };
                self.ids.push((key, id.clone()));
                self.unremoved.retain(|gone| *gone != id);
                self.write_rows(&[key])
            }
            PortfolioEvent::Retry => {
                let mut effects = self.write_rows(&self.unsaved.clone());
                effects.extend(self.unremoved.clone().into_iter().filter_map(|id| {
                    (!self.shared_mode).then(|| Effect::Remove {
                        key: format!("{PORTFOLIO_PREFIX}{id}"),
                    })
                }));
                effects
            }
            PortfolioEvent::Device(event) => self.hear(event),
        }
    }

    fn add(
        &mut self,
        results: Vec<PortfolioResult>,
        problems: Vec<String>,
        fresh_ids: Vec<String>,
    ) -> Vec<Effect> {
        let mut addition = PortfolioAddition {
            problems,
            ..PortfolioAddition::default()
        };
        let mut fresh_ids = fresh_ids.into_iter();
        let mut changed = Vec::new();
        for result in results {
            match self.portfolio.add(result) {
                Added::New { key } => {
                    self.give_id(key, &mut fresh_ids);
                    addition.new_rows += 1;
                    changed.push(key);
                }
                Added::Joined { key } => {
                    addition.joined += 1;
                    if !changed.contains(&key) {
                        changed.push(key);
                    }
                }
                Added::Already { .. } => addition.already += 1,
            }
        }
        self.addition = addition;
        self.write_rows(&changed)
    }

    /// Writes these rows (nothing in shared-computer mode).
    fn write_rows(&mut self, keys: &[u32]) -> Vec<Effect> {
        if self.shared_mode {
            return Vec::new();
        }
        keys.iter()
            .filter_map(|key| {
                let row = self.portfolio.partnership(*key)?;
                let id = self.id_of(*key)?;
                Some(Effect::Write {
                    key: format!("{PORTFOLIO_PREFIX}{id}"),
                    text: encode_partnership(self.bank, row),
                })
            })
            .collect()
    }

    fn remove_entry(&mut self, id: String) -> Option<Effect> {
        if self.shared_mode {
            return None;
        }
        Some(Effect::Remove {
            key: format!("{PORTFOLIO_PREFIX}{id}"),
        })
    }

    /// What the device answered, or another tab's change.
    fn hear(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::AllRead(Ok(entries)) => {
                self.read = true;
                let mut effects = Vec::new();
                let entries = entries
                    .into_iter()
                    .filter(|(key, _)| key.starts_with(PORTFOLIO_PREFIX));
                for (key, text) in entries {
                    effects.extend(self.read_entry(key, &text));
                }
                effects
            }
            Event::AllRead(Err(error)) => {
                self.read = true;
                self.status = SaveStatus::Failed(error);
                Vec::new()
            }
            Event::Written { key, result } => {
                let row = key
                    .strip_prefix(PORTFOLIO_PREFIX)
                    .and_then(|id| self.key_of_id(id));
                match (&result, row) {
                    (Ok(()), Some(row)) => self.unsaved.retain(|r| *r != row),
                    (Err(_), Some(row)) if !self.unsaved.contains(&row) => self.unsaved.push(row),
                    (Ok(()), None) => {
                        if let Some(id) = key.strip_prefix(PORTFOLIO_PREFIX) {
                            self.unremoved.retain(|gone| gone != id);
                        }
                    }
                    (Err(_), None) => {
                        if let Some(id) = key.strip_prefix(PORTFOLIO_PREFIX) {
                            if !self.unremoved.iter().any(|gone| gone == id) {
                                self.unremoved.push(id.to_string());
                            }
                        }
                    }
                    _ => {}
                }
                self.status = match result {
                    Err(error) => SaveStatus::Failed(error),
                    Ok(()) if self.unsaved.is_empty() && self.unremoved.is_empty() => {
                        SaveStatus::Saved
                    }
                    Ok(()) => self.status.clone(),
                };
                Vec::new()
            }
            Event::OtherTab(Some(key)) if key.starts_with(PORTFOLIO_PREFIX) => {
                vec![Effect::Read {
                    key,
                    purpose: ReadFor::Follow,
                }]
            }
            // Another tab forgot everything: so does this page, as its assessments do.
            Event::OtherTab(None) => {
                *self = Self::new(self.bank, self.shared_mode);
                vec![Effect::ReadPortfolio]
            }
            Event::Read {
                key,
                text: Ok(text),
                ..
            } if key.starts_with(PORTFOLIO_PREFIX) => {
                let id = key[PORTFOLIO_PREFIX.len()..].to_string();
                let here = self.key_of_id(&id);
                match (text, here) {
                    // Another tab removed it: so does this page, unless its own change waits.
                    (None, Some(row)) if !self.unsaved.contains(&row) => {
                        self.portfolio.remove(row);
                        self.ids.retain(|(k, _)| *k != row);
                        Vec::new()
                    }
                    (Some(text), _) => {
                        if let Some(row) = here {
                            if self.unsaved.contains(&row) {
                                // This page's change waits to be written: it wins, as an
                                // assessment's pending edits do.
                                return Vec::new();
                            }
                            self.portfolio.remove(row);
                            self.ids.retain(|(k, _)| *k != row);
                        }
                        self.read_entry(key, &text)
                    }
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    /// Takes one stored entry in as a row of its own; text that cannot be read is set aside.
    fn read_entry(&mut self, key: String, text: &str) -> Vec<Effect> {
        let Some(id) = key.strip_prefix(PORTFOLIO_PREFIX).map(str::to_string) else {
            return Vec::new();
        };
        let mut problems = Vec::new();
        match decode_partnership(self.bank, text, 0, &mut problems) {
            Ok(Some(row)) => {
                let key = self.portfolio.insert_row(row);
                self.ids.push((key, id));
                self.addition.problems.extend(problems);
                Vec::new()
            }
            Ok(None) | Err(_) => {
                let reason = format!(
                    "A partnership of the portfolio could not be read: {}",
                    problems
                        .first()
                        .map_or("its text is damaged", String::as_str)
                );
                let (entry, effect) = kept_aside(key, text.to_string(), reason, self.shared_mode);
                self.set_aside.push(entry);
                effect.into_iter().collect()
            }
        }
    }
}

/// Every share link in a pasted block of text (an email, a list of links, several on a line),
/// read; each line holding one that cannot be read gives a sentence.
pub fn read_pasted(bank: &Bank, text: &str, now_ms: u64) -> (Vec<PortfolioResult>, Vec<String>) {
    let mut results = Vec::new();
    let mut problems = Vec::new();
    for (at, line) in text.lines().enumerate() {
        let links: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '(' | ')'))
            .filter_map(|token| envelope::fragment_in(token, SHARE_KEY))
            .collect();
        for link in links {
            match decode_share_link(bank, link) {
                Ok(shared) => results.push(PortfolioResult {
                    assessment: shared.assessment,
                    origin: "share link".to_string(),
                    left_out: shared.skipped.iter().map(ToString::to_string).collect(),
                    added_ms: now_ms,
                }),
                Err(error) => problems.push(format!("Line {}: {error}", at + 1)),
            }
        }
    }
    (results, problems)
}

#[cfg(test)]
mod tests;
