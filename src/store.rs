//! The app's one store: the core's `Workspace` in a signal, and `dispatch`, which sends it an
//! event and runs the effects it returns through `storage`, feeding back what the device
//! answered. Every rule about the state is in the core; this file only connects it.

use std::collections::VecDeque;

use leptos::prelude::*;
use readiness_core::{Bank, Edit, Effect, Event, Stamp, StoredAssessment, Workspace};

use std::future::Future;

use crate::browser::storage;
use crate::chunk::{self, from_chunk, DrawScreen, NotLoaded};

/// The workspace, provided by `App` and read by the screens.
#[derive(Clone, Copy)]
pub struct Store {
    workspace: RwSignal<Workspace>,
}

impl Store {
    /// A workspace on this bank, with what the device holds read in. The link formats come
    /// from their own chunk: at once when the workspace asks for them (a link or the tab's
    /// group waits), else a few seconds after start.
    pub fn start(bank: &'static Bank) -> Self {
        let store = Store {
            workspace: RwSignal::new(Workspace::without_link_formats(bank)),
        };
        store.dispatch(Event::Start);
        store
    }

    /// Makes sure the workspace has the link formats, fetching their chunk if it must.
    pub async fn link_formats(self) -> Result<(), NotLoaded> {
        if self.with_untracked(Workspace::has_link_formats) {
            return Ok(());
        }
        let formats = chunk::link_formats().await?;
        self.dispatch(Event::LinkFormatsLoaded(formats));
        Ok(())
    }

    /// Sends one event, then runs every effect that follows, in order, until the device has
    /// nothing more to say.
    pub fn dispatch(self, event: Event) {
        let mut queue = VecDeque::from([event]);
        while let Some(event) = queue.pop_front() {
            let effects = self
                .workspace
                .try_update(|workspace| workspace.update(event));
            for effect in effects.unwrap_or_default() {
                match effect {
                    // Fetched now; a screen that needs them asks again, and says so if they do
                    // not come.
                    Effect::LoadLinkFormats => leptos::task::spawn_local(async move {
                        let _ = self.link_formats().await;
                    }),
                    effect => queue.extend(storage::run(effect)),
                }
            }
        }
    }

    /// Reads the workspace, tracking it.
    pub fn with<T>(self, read: impl FnOnce(&Workspace) -> T) -> T {
        self.workspace.with(read)
    }

    /// Reads the workspace without tracking it, for event handlers.
    pub fn with_untracked<T>(self, read: impl FnOnce(&Workspace) -> T) -> T {
        self.workspace.with_untracked(read)
    }

    /// A copy of the assessment with this id, if it is here; tracked.
    pub fn assessment(self, id: &str) -> Option<StoredAssessment> {
        self.with(|workspace| workspace.assessment(id).cloned())
    }

    /// Reads something of one assessment without copying it; tracked.
    pub fn with_assessment<T>(
        self,
        id: &str,
        read: impl FnOnce(Option<&StoredAssessment>) -> T,
    ) -> T {
        self.with(|workspace| read(workspace.assessment(id)))
    }

    /// Applies one change to an assessment: on the page at once, then on the device.
    pub fn edit(self, id: &str, edit: Edit) {
        self.dispatch(Event::Edit {
            id: id.to_string(),
            edit,
            now_ms: now_ms(),
        });
    }
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// What only the browser knows, for an event that makes something new: the time, today's date
/// in the person's time zone, and an id no other assessment on this device has.
pub fn stamp() -> Stamp {
    let date = js_sys::Date::new_0();
    let now = now_ms();
    let random = (js_sys::Math::random() * 1e12) as u64;
    Stamp {
        now_ms: now,
        today: format!(
            "{:04}-{:02}-{:02}",
            date.get_full_year(),
            date.get_month() + 1,
            date.get_date()
        ),
        fresh_id: format!("a{now:x}{random:x}"),
    }
}

/// A screen's chunk, with the link formats in the workspace before it draws: for the screens
/// that read links or the group, and the report while a share link waits to open. Both chunks
/// come at once.
pub async fn with_link_formats<F>(store: Store, screen: F) -> Result<DrawScreen, NotLoaded>
where
    F: Future<Output = Result<DrawScreen, NotLoaded>>,
{
    leptos::task::spawn_local(async move {
        let _ = store.link_formats().await;
    });
    let draw = screen.await?;
    store.link_formats().await?;
    Ok(draw)
}

/// Stands in for what waits for the link formats (a coach's invitation on the start screen):
/// the waiting placeholder while they come, or the notice with Try again if they do not.
pub fn link_formats_coming(store: Store) -> AnyView {
    from_chunk(move || async move {
        store.link_formats().await?;
        Ok((|| ().into_any()) as DrawScreen)
    })
}
