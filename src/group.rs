//! The respondents gathered on the Compare screen. They live in the page and in this tab's
//! session storage (so a reload keeps them, and closing the tab forgets them); they are never
//! sent anywhere, and in shared-computer mode nothing is kept at all.

use leptos::prelude::*;
use readiness_core::{
    decode_kept_group, decode_share_link, encode_kept_group, Assessment, Bank, KeptRespondent,
    Skipped, MAX_RESPONDENT_LABEL_CHARS, SHARE_KEY,
};

use crate::storage;

/// One respondent in the group view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Stable within the page, for keyed lists.
    pub key: u32,
    /// The label shown in the group view; the person can change it.
    pub label: String,
    /// Hidden respondents stay in the list but leave the group view.
    pub hidden: bool,
    /// What they answered.
    pub assessment: Assessment,
    /// Where the results came from, e.g. "share link" or a file's name.
    pub origin: String,
    /// What their results hold that this version's bank does not have, as sentences.
    pub left_out: Vec<String>,
}

/// The respondents of the group view, provided by the app.
#[derive(Clone, Copy)]
pub struct Group {
    /// Every respondent added, in the order they were added.
    pub members: RwSignal<Vec<Member>>,
}

impl Default for Group {
    fn default() -> Self {
        Self::new()
    }
}

impl Group {
    /// An empty group.
    pub fn new() -> Self {
        Self {
            members: RwSignal::new(Vec::new()),
        }
    }

    /// The group this tab kept before a reload, or an empty one; the error says why a kept
    /// group could not be read (it is then forgotten, since its results are still wherever
    /// they came from).
    pub fn restore(bank: &Bank) -> (Self, Option<String>) {
        let group = Self::new();
        let Some(text) = storage::kept_group() else {
            return (group, None);
        };
        match decode_kept_group(bank, &text) {
            Ok(kept) => {
                group.members.set(
                    kept.into_iter()
                        .zip(1..)
                        .map(|(kept, key)| Member {
                            key,
                            label: kept.label,
                            hidden: kept.hidden,
                            assessment: kept.assessment,
                            origin: kept.origin,
                            left_out: kept.left_out,
                        })
                        .collect(),
                );
                (group, None)
            }
            Err(problem) => {
                storage::forget_kept_group();
                (
                    group,
                    Some(format!(
                        "{problem}; add the results on the Compare screen again."
                    )),
                )
            }
        }
    }

    /// Keeps the group in this tab's session storage, or forgets it when `keep` is false
    /// (shared-computer mode) or the group is empty.
    pub fn keep(self, bank: &Bank, keep: bool) {
        // An empty group leaves nothing behind, so a tab that never compares writes nothing.
        if !keep || self.members.with(Vec::is_empty) {
            storage::forget_kept_group();
            return;
        }
        let text = self.members.with(|members| {
            let kept: Vec<KeptRespondent> = members
                .iter()
                .map(|m| KeptRespondent {
                    label: m.label.clone(),
                    hidden: m.hidden,
                    origin: m.origin.clone(),
                    left_out: m.left_out.clone(),
                    assessment: m.assessment.clone(),
                })
                .collect();
            encode_kept_group(bank, &kept)
        });
        storage::keep_group(&text);
    }

    /// Adds a respondent with a label of its own, and returns the label.
    pub fn add(self, assessment: Assessment, origin: String, skipped: Vec<Skipped>) -> String {
        self.add_all(vec![(assessment, origin, skipped)])
            .pop()
            .unwrap_or_default()
    }

    /// Adds several respondents at once (one change for the page to draw), each with a label
    /// of its own, and returns their labels.
    pub fn add_all(self, results: Vec<(Assessment, String, Vec<Skipped>)>) -> Vec<String> {
        let mut labels = Vec::with_capacity(results.len());
        if results.is_empty() {
            return labels;
        }
        self.members.update(|members| {
            for (assessment, origin, skipped) in results {
                let key = members.iter().map(|m| m.key + 1).max().unwrap_or(1);
                let label = unique_label(&assessment, members.len() + 1, members);
                labels.push(label.clone());
                members.push(Member {
                    key,
                    label,
                    hidden: false,
                    assessment,
                    origin,
                    left_out: skipped.iter().map(|s| s.to_string()).collect(),
                });
            }
        });
        labels
    }

    /// Adds every share link in `text`, one a line, and returns the labels of those added and
    /// a sentence for each line that could not be read.
    pub fn add_links(self, bank: &Bank, text: &str) -> (Vec<String>, Vec<String>) {
        let mut results = Vec::new();
        let mut problems = Vec::new();
        let marker = format!("#{SHARE_KEY}=");
        for (at, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            // The fragment is what matters; the address before it may be any copy of the app.
            let fragment = match line.find(&marker) {
                Some(start) => &line[start..],
                None if line.starts_with(&marker[1..]) => line,
                None => {
                    problems.push(format!(
                        "Line {}: this is not a share link of this check (it has no \"{marker}\" part).",
                        at + 1
                    ));
                    continue;
                }
            };
            match decode_share_link(bank, fragment) {
                Ok(shared) => {
                    results.push((shared.assessment, "share link".to_string(), shared.skipped))
                }
                Err(error) => problems.push(format!("Line {}: {error}", at + 1)),
            }
        }
        (self.add_all(results), problems)
    }

    /// Changes a respondent's label; a blank label is refused and the old one kept.
    pub fn rename(self, key: u32, label: &str) {
        let label: String = label
            .trim()
            .chars()
            .take(MAX_RESPONDENT_LABEL_CHARS)
            .collect();
        if label.is_empty() {
            return;
        }
        self.update(key, |member| member.label = label);
    }

    /// Hides a respondent from the group view, or shows it again.
    pub fn set_hidden(self, key: u32, hidden: bool) {
        self.update(key, |member| member.hidden = hidden);
    }

    /// Takes a respondent out of the group.
    pub fn remove(self, key: u32) {
        self.members
            .update(|members| members.retain(|member| member.key != key));
    }

    fn update(self, key: u32, change: impl FnOnce(&mut Member)) {
        self.members.update(|members| {
            if let Some(member) = members.iter_mut().find(|member| member.key == key) {
                change(member);
            }
        });
    }
}

/// A label from who answered (their role, else the assessment's name), made unique among the
/// members already there.
fn unique_label(assessment: &Assessment, number: usize, members: &[Member]) -> String {
    let meta = &assessment.meta;
    let base = [meta.respondent_role.trim(), meta.name.trim()]
        .into_iter()
        .find(|text| !text.is_empty())
        .map(|text| {
            text.chars()
                .take(MAX_RESPONDENT_LABEL_CHARS)
                .collect::<String>()
        })
        .unwrap_or_else(|| format!("Respondent {number}"));
    let taken = |label: &str| members.iter().any(|m| m.label == label);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|label| !taken(label))
        .unwrap_or(base)
}
