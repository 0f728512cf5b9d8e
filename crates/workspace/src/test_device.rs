//! A device made of two maps, the way the browser shell runs the effects against local and
//! session storage: for the tests of the workspace and of the portfolio's own workspace
//! (`readiness-portfolio-desk`), which run their rules against it. The app never names it.

use std::collections::BTreeMap;

use crate::{Effect, Event, StorageError, Workspace, KEPT_GROUP_KEY, KEY_PREFIX, PORTFOLIO_PREFIX};

/// Local storage and one tab's session storage, with the ways a browser refuses.
#[derive(Default)]
pub struct Device {
    /// Local storage: key to text.
    pub local: BTreeMap<String, String>,
    /// The tab's session storage: key to text.
    pub session: BTreeMap<String, String>,
    /// Writes fail as on a full quota; removals still work.
    pub full: bool,
    /// The browser offers no storage at all.
    pub off: bool,
    /// Every write and removal, in order, as "write KEY" or "remove KEY".
    pub log: Vec<String>,
    /// How many times the page asked for the link formats (the tests hand them over).
    pub formats_asked: usize,
}

impl Device {
    /// Every key of local storage under `prefix`, with its text.
    fn entries_under(&self, prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
        if self.off {
            return Err(StorageError::Unavailable);
        }
        Ok(self
            .local
            .iter()
            .filter(|(key, _)| key.starts_with(prefix))
            .map(|(key, text)| (key.clone(), text.clone()))
            .collect())
    }

    /// Runs one effect as `src/browser/storage.rs` does, and answers with what happened.
    pub fn run(&mut self, effect: Effect) -> Option<Event> {
        let refused = || {
            if self.off {
                StorageError::Unavailable
            } else {
                StorageError::Full
            }
        };
        match effect {
            Effect::LoadLinkFormats => {
                self.formats_asked += 1;
                None
            }
            Effect::ReadPortfolio => Some(Event::AllRead(self.entries_under(PORTFOLIO_PREFIX))),
            Effect::ReadAll => Some(Event::AllRead(self.entries_under(KEY_PREFIX))),
            Effect::Read { key, purpose } => Some(Event::Read {
                text: if self.off {
                    Err(StorageError::Unavailable)
                } else {
                    Ok(self.local.get(&key).cloned())
                },
                key,
                purpose,
            }),
            Effect::Write { key, text } => {
                self.log.push(format!("write {key}"));
                let result = if self.full || self.off {
                    Err(refused())
                } else {
                    self.local.insert(key.clone(), text);
                    Ok(())
                };
                Some(Event::Written { key, result })
            }
            Effect::Remove { key } => {
                self.log.push(format!("remove {key}"));
                let result = if self.off {
                    Err(refused())
                } else {
                    self.local.remove(&key);
                    Ok(())
                };
                Some(Event::Written { key, result })
            }
            Effect::MoveAside { from, to, text } => {
                self.log.push(format!("write {to}"));
                let moved = !self.full && !self.off;
                if moved {
                    self.local.insert(to.clone(), text);
                    self.log.push(format!("remove {from}"));
                    self.local.remove(&from);
                }
                Some(Event::MovedAside { from, to, moved })
            }
            Effect::ForgetAll => {
                self.log.push("forget all".to_string());
                self.local.retain(|key, _| !key.starts_with(KEY_PREFIX));
                self.session.clear();
                Some(Event::Written {
                    key: KEY_PREFIX.to_string(),
                    result: Ok(()),
                })
            }
            Effect::Probe => Some(Event::Probed(!self.full && !self.off)),
            Effect::ReadKeptGroup => Some(Event::KeptGroupRead(
                self.session.get(KEPT_GROUP_KEY).cloned(),
            )),
            Effect::KeepGroup { text } => {
                match text {
                    Some(text) => {
                        self.log.push(format!("keep {KEPT_GROUP_KEY}"));
                        self.session.insert(KEPT_GROUP_KEY.to_string(), text);
                    }
                    None => {
                        self.session.remove(KEPT_GROUP_KEY);
                    }
                }
                None
            }
        }
    }

    /// What writes and removals happened since the last call.
    pub fn take_log(&mut self) -> Vec<String> {
        std::mem::take(&mut self.log)
    }
}

/// Sends one event and runs every effect that follows, the way the shell's `dispatch` does.
pub fn dispatch(workspace: &mut Workspace, device: &mut Device, event: Event) {
    let mut queue = std::collections::VecDeque::from([event]);
    while let Some(event) = queue.pop_front() {
        for effect in workspace.update(event) {
            queue.extend(device.run(effect));
        }
    }
}
