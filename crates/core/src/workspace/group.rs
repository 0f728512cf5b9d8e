//! The Compare screen's group: its members, what is added to it, and the copy the tab keeps.

use super::*;

/// One respondent on the Compare screen, with a key that stays the same while the page is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Stable within the page, for keyed lists.
    pub key: u32,
    /// The respondent.
    pub respondent: Respondent,
}

/// Results on their way into the group: an assessment, where it came from, and what of it did
/// not fit the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IncomingResult {
    /// The answers.
    pub assessment: Assessment,
    /// Where they came from, e.g. "share link" or a file's name.
    pub origin: String,
    /// What did not fit this bank.
    pub skipped: Vec<Skipped>,
}

/// What the last attempt to add results to the group did, for the Compare screen to say.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GroupAddition {
    /// The labels of the respondents added.
    pub added: Vec<String>,
    /// A sentence for each result that could not be added.
    pub problems: Vec<String>,
}

/// How many added respondents the news names before it counts the rest.
pub(super) const NEWS_NAMES: usize = 5;

impl GroupAddition {
    /// What the last addition did, in one sentence: "Added Ana, Ben." or, for a large group,
    /// "Added 50 respondents: Respondent 1, ..., Respondent 5 and 45 more." `None` when
    /// nothing was added.
    pub fn added_sentence(&self) -> Option<String> {
        match self.added.len() {
            0 => None,
            n if n <= NEWS_NAMES + 1 => Some(format!("Added {}.", self.added.join(", "))),
            n => Some(format!(
                "Added {n} respondents: {} and {} more.",
                self.added[..NEWS_NAMES].join(", "),
                n - NEWS_NAMES
            )),
        }
    }
}

impl Workspace {
    /// The group this tab kept before a reload; a kept group that cannot be read is forgotten
    /// (its results are still wherever they came from) and the person told why. Respondents
    /// added while it waited for the link formats follow the kept ones.
    pub(super) fn restore_group(&mut self, text: Option<String>) -> Vec<Effect> {
        let Some(text) = text else {
            return Vec::new();
        };
        let Some(formats) = self.formats else {
            return Vec::new();
        };
        match (formats.decode_kept_group)(self.bank, &text) {
            Ok(kept) => {
                let added_meanwhile = std::mem::take(&mut self.members);
                self.members = kept
                    .into_iter()
                    .zip(1..)
                    .map(|(respondent, key)| Member { key, respondent })
                    .collect();
                if added_meanwhile.is_empty() {
                    return Vec::new();
                }
                for Member { mut respondent, .. } in added_meanwhile {
                    respondent.label = self.unique_label(&respondent.label);
                    let key = self.next_key();
                    self.members.push(Member { key, respondent });
                }
                self.keep_group()
            }
            Err(problem) => {
                self.tell(vec![format!(
                    "{problem}; add the results on the Compare screen again."
                )]);
                // Forgets it, unless results were added while it waited.
                self.keep_group()
            }
        }
    }

    /// The group as the tab keeps it: nothing in shared-computer mode, and nothing for an empty
    /// group, so a tab that never compares writes nothing. Without the link formats, the group
    /// is kept once they come (and a kept group still waiting to be restored stays as it is).
    pub(super) fn keep_group(&mut self) -> Vec<Effect> {
        if self.shared_mode {
            return vec![Effect::KeepGroup { text: None }];
        }
        let Some(formats) = self.formats else {
            let kept_group_held = self
                .held
                .iter()
                .any(|event| matches!(event, Event::KeptGroupRead(Some(_))));
            if self.members.is_empty() && !kept_group_held {
                return Vec::new();
            }
            self.group_unkept = true;
            return self.ask_for_link_formats();
        };
        let text = (!self.members.is_empty()).then(|| {
            let respondents: Vec<Respondent> = self
                .members
                .iter()
                .map(|member| member.respondent.clone())
                .collect();
            (formats.encode_kept_group)(self.bank, &respondents)
        });
        vec![Effect::KeepGroup { text }]
    }

    pub(super) fn change_member(
        &mut self,
        key: u32,
        change: impl FnOnce(&mut Respondent),
    ) -> Vec<Effect> {
        match self.members.iter_mut().find(|member| member.key == key) {
            Some(member) => {
                change(&mut member.respondent);
                self.keep_group()
            }
            None => Vec::new(),
        }
    }

    pub(super) fn add_to_group(
        &mut self,
        arrivals: Vec<IncomingResult>,
        problems: Vec<String>,
    ) -> Vec<Effect> {
        let mut added = Vec::with_capacity(arrivals.len());
        for arrival in arrivals {
            let key = self.next_key();
            let label = self.unique_label(&self.label_of(&arrival.assessment));
            added.push(label.clone());
            self.members.push(Member {
                key,
                respondent: Respondent {
                    label,
                    hidden: false,
                    origin: arrival.origin,
                    left_out: arrival.skipped.iter().map(|s| s.to_string()).collect(),
                    assessment: arrival.assessment,
                },
            });
        }
        let changed = !added.is_empty();
        self.group_addition = GroupAddition { added, problems };
        if changed {
            self.keep_group()
        } else {
            Vec::new()
        }
    }

    /// A key no member has.
    pub(super) fn next_key(&self) -> u32 {
        self.members.iter().map(|m| m.key + 1).max().unwrap_or(1)
    }

    /// A label from who answered: their role, else the assessment's name.
    pub(super) fn label_of(&self, assessment: &Assessment) -> String {
        let meta = &assessment.meta;
        [meta.respondent_role.trim(), meta.name.trim()]
            .into_iter()
            .find(|text| !text.is_empty())
            .map(|text| text.chars().take(MAX_RESPONDENT_LABEL_CHARS).collect())
            .unwrap_or_else(|| format!("Respondent {}", self.members.len() + 1))
    }

    /// `base`, or `base (2)`, `base (3)`… whichever no member has yet.
    pub(super) fn unique_label(&self, base: &str) -> String {
        let base = base.to_string();
        let taken = |label: &str| self.members.iter().any(|m| m.respondent.label == label);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base} ({n})"))
            .find(|label| !taken(label))
            .unwrap_or(base)
    }
}
