//! The Compare screen's group: its members, what is added to it, and the copy the tab keeps.

use super::*;

/// One respondent on the Compare screen, with a key that stays the same while the page is open
/// and what the screen says about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Stable within the page, for keyed lists.
    pub key: u32,
    /// The respondent: label and answers, all the group view needs.
    pub respondent: Respondent,
    /// Hidden members stay in the group but leave the group view.
    pub hidden: bool,
    /// Where the results came from, e.g. "share link" or a file's name.
    pub origin: String,
    /// What their results held that this bank does not have, as sentences.
    pub left_out: Vec<String>,
}

impl Member {
    /// A member with this key, as the tab kept it.
    pub fn from_kept(key: u32, kept: KeptMember) -> Self {
        let KeptMember {
            respondent,
            hidden,
            origin,
            left_out,
        } = kept;
        Self {
            key,
            respondent,
            hidden,
            origin,
            left_out,
        }
    }

    /// The words of the button that hides the member from the group's figures, or shows it
    /// again: "Hide Ana", "Show Ana".
    pub fn hide_or_show_words(&self) -> String {
        let verb = if self.hidden { "Show" } else { "Hide" };
        format!("{verb} {}", self.respondent.label)
    }

    /// The words of the button that takes the member out of the group: "Remove Ana".
    pub fn remove_words(&self) -> String {
        format!("Remove {}", self.respondent.label)
    }

    /// The member as the tab keeps it, without its key.
    pub fn to_kept(&self) -> KeptMember {
        KeptMember {
            respondent: self.respondent.clone(),
            hidden: self.hidden,
            origin: self.origin.clone(),
            left_out: self.left_out.clone(),
        }
    }

    /// What the member's results held that the bank does not have, one line each, labelled:
    /// "Ana: ...".
    pub fn left_out_lines(&self) -> impl Iterator<Item = String> + '_ {
        self.left_out
            .iter()
            .map(move |line| format!("{}: {line}", self.respondent.label))
    }

    /// The line under the member's label on the Compare screen: where the results came from,
    /// the assessment's details, and whether it is hidden. "From first.json · North Valley ·
    /// 2026-12-04 · hidden from the comparison".
    pub fn details_line(&self) -> String {
        let mut line = format!("From {}", self.origin);
        let details = self.respondent.assessment.meta.respondent_details();
        if !details.is_empty() {
            line.push_str(" · ");
            line.push_str(&details);
        }
        if self.hidden {
            line.push_str(" · hidden from the comparison");
        }
        line
    }
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
                    .map(|(kept, key)| Member::from_kept(key, kept))
                    .collect();
                if added_meanwhile.is_empty() {
                    return Vec::new();
                }
                for mut member in added_meanwhile {
                    member.respondent.label = self.unique_label(&member.respondent.label);
                    member.key = self.next_key();
                    self.members.push(member);
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
            let kept: Vec<KeptMember> = self.members.iter().map(Member::to_kept).collect();
            (formats.encode_kept_group)(self.bank, &kept)
        });
        vec![Effect::KeepGroup { text }]
    }

    pub(super) fn change_member(
        &mut self,
        key: u32,
        change: impl FnOnce(&mut Member),
    ) -> Vec<Effect> {
        match self.members.iter_mut().find(|member| member.key == key) {
            Some(member) => {
                change(member);
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
                respondent: Respondent::new(label, arrival.assessment),
                hidden: false,
                origin: arrival.origin,
                left_out: arrival.skipped.iter().map(|s| s.to_string()).collect(),
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
