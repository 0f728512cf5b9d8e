//! The start of the assessment screen: the assessments on this device, a new one, and the
//! controls over what this device keeps.

use leptos::prelude::*;
use readiness_core::{Bank, CoachSession, Edit, Event, LinkKind, Listed, Meta, MAX_META_CHARS};

use crate::store::stamp;
use crate::widgets::coach_message::CoachMessage;
use crate::widgets::meta_field::MetaField;
use crate::{Address, Screen, Shell, Store};

/// Opens an assessment at its first section.
fn open(shell: Shell, id: String) {
    shell.navigate(Address {
        screen: Screen::Assessment,
        assessment: Some(id),
        section: None,
    });
}

/// When an assessment last changed, in the person's own date format.
fn when(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// The assessments on this device, a form for a new one, and the device controls.
#[component]
pub fn Start() -> impl IntoView {
    let store = expect_context::<Store>();
    let invite = Memo::new(move |_| store.with(|workspace| workspace.invitation().cloned()));
    // A coach's link opens once its format has come; until then nothing is drawn that the
    // invitation would move or hide.
    let opening_invitation = Memo::new(move |_| {
        store.with(|workspace| workspace.opening_link()) == Some(LinkKind::CoachInvitation)
    });
    let has_any = move || store.with(|w| !w.assessments().is_empty());
    // The list is drawn for an address without an assessment, or with one this device does
    // not have.
    let not_here = expect_context::<Shell>()
        .address
        .with_untracked(|address| address.assessment.is_some());
    view! {
        {not_here.then(|| view! {
            <div class="notice warning" role="status">
                <p>
                    "The assessment in this address is not on this device. It may have been deleted, or saved in another browser. "
                    "Pick one below or start a new one."
                </p>
            </div>
        })}
        <h1>"Assessment"</h1>
        <p class="lead">
            "Answer the questions over one sitting or several. Everything is saved on this device as you go."
        </p>
        <Show
            when=move || !opening_invitation.get()
            fallback=move || crate::store::link_formats_coming(store)
        >
            {move || match invite.get() {
                Some(Ok(session)) => Some(view! { <Invitation session=session /> }.into_any()),
                Some(Err(error)) => Some(view! {
                    <div class="notice danger" role="alert">
                        <p>
                            <strong>"Your coach's link could not be opened: "</strong>
                            {error.to_string()}
                        </p>
                        <p>"Nothing on this device was changed. You can still start an assessment below."</p>
                    </div>
                }.into_any()),
                None => None,
            }}
            <Deleted />
            <Show when=has_any>
                <section aria-labelledby="on-device-title">
                    <h2 id="on-device-title">"Assessments on this device"</h2>
                    <ul class="assessment-list">
                        <For
                            each=move || store.with(|workspace| workspace.listed())
                            key=|listed| (listed.id.clone(), listed.updated_ms)
                            children=move |listed| view! { <AssessmentCard listed=listed /> }
                        />
                    </ul>
                </section>
            </Show>
            // While a coach's invitation is on show, it is the way to start.
            <Show when=move || !matches!(invite.get(), Some(Ok(_)))>
                <NewAssessment />
            </Show>
            <crate::widgets::import_file::ImportFile />
            <DeviceControls />
        </Show>
    }
}

/// One assessment in the list, with resume, rename, duplicate and delete.
#[component]
fn AssessmentCard(
    /// The assessment as the list shows it.
    listed: Listed,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let shell = expect_context::<Shell>();
    let progress_label = listed.progress_line();
    let open_words = listed.open_words();
    let Listed {
        id,
        name,
        details,
        updated_ms,
        answered,
        total,
        ..
    } = listed;
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(
        store
            .with_untracked(|workspace| {
                workspace
                    .assessment(&id)
                    .map(|s| s.assessment.meta.name.clone())
            })
            .unwrap_or_default(),
    );
    let title_id = format!("title-{id}");

    let id_open = id.clone();
    let id_rename = id.clone();
    let id_duplicate = id.clone();
    let id_delete = id.clone();
    let id_snapshot = id.clone();
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        store.edit(
            &id_rename,
            Edit::SetName(new_name.get_untracked().trim().to_string()),
        );
        renaming.set(false);
    };
    view! {
        <li class="assessment-card" aria-labelledby=title_id.clone()>
            <Show
                when=move || renaming.get()
                fallback={
                    let name = name.clone();
                    let title_id = title_id.clone();
                    move || view! { <h3 id=title_id.clone()>{name.clone()}</h3> }
                }
            >
                <form class="rename" on:submit=save_name.clone()>
                    <label for=format!("rename-{id}")>"New name"</label>
                    <input
                        id=format!("rename-{id}")
                        type="text"
                        maxlength=MAX_META_CHARS.to_string()
                        bind:value=new_name
                    />
                    <button type="submit" class="button primary">"Save name"</button>
                    <button type="button" class="button" on:click=move |_| renaming.set(false)>
                        "Cancel"
                    </button>
                </form>
            </Show>
            <p class="details">{details}</p>
            <p class="details">"Last change: " {when(updated_ms)}</p>
            <p class="progress-line">
                <progress max=total value=answered aria-label=progress_label.clone()></progress>
                " " {progress_label.clone()}
            </p>
            <p class="actions">
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| open(shell, id_open.clone())
                >
                    {open_words}
                </button>
                <button type="button" class="button" on:click=move |_| renaming.set(true)>
                    "Rename"
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        store.dispatch(Event::Duplicate {
                            id: id_duplicate.clone(),
                            at: stamp(),
                        });
                    }
                >
                    "Duplicate"
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        store.dispatch(Event::Snapshot {
                            id: id_snapshot.clone(),
                            at: stamp(),
                        });
                    }
                >
                    "Save a snapshot"
                </button>
                <button
                    type="button"
                    class="button danger"
                    on:click=move |_| store.dispatch(Event::Delete(id_delete.clone()))
                >
                    "Delete"
                </button>
            </p>
        </li>
    }
}

/// The message after a delete, with the way back.
#[component]
fn Deleted() -> impl IntoView {
    let store = expect_context::<Store>();
    let deleted = Memo::new(move |_| {
        store.with(|workspace| {
            workspace
                .deleted()
                .map(|s| s.assessment.meta.display_name())
        })
    });
    move || {
        deleted.get().map(|name| {
            view! {
                <div class="notice" role="status">
                    <p>
                        "Deleted \"" {name} "\". "
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| store.dispatch(Event::UndoDelete)
                        >
                            "Undo"
                        </button>
                    </p>
                </div>
            }
        })
    }
}

/// Who and what the start form describes, once its required fields are filled in.
fn meta_from_form(
    name: String,
    region: RwSignal<String>,
    sector: RwSignal<String>,
    role: RwSignal<String>,
) -> Option<Meta> {
    let (region, sector, role) = (
        region.get_untracked(),
        sector.get_untracked(),
        role.get_untracked(),
    );
    Meta::from_form(&name, &region, &sector, &role)
}

/// The form that starts a new assessment.
#[component]
fn NewAssessment() -> impl IntoView {
    let store = expect_context::<Store>();
    let shell = expect_context::<Shell>();
    let region = RwSignal::new(String::new());
    let sector = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Some(meta) = meta_from_form(name.get_untracked(), region, sector, role) else {
            return;
        };
        let at = stamp();
        let id = at.fresh_id.clone();
        store.dispatch(Event::Create {
            meta: Box::new(meta),
            coach: None,
            at,
        });
        open(shell, id);
    };
    view! {
        <section aria-labelledby="new-title" class="new-assessment">
            <h2 id="new-title">"New assessment"</h2>
            <form on:submit=submit novalidate>
                <MetaField
                    id="new-region"
                    label="Region"
                    hint="The labor market region, e.g. North Valley."
                    value=region
                    required="Enter the region this assessment is about."
                    tried=tried
                />
                <MetaField
                    id="new-sector"
                    label="Industry sector"
                    hint="The one industry the partnership serves, e.g. advanced manufacturing."
                    value=sector
                    required="Enter the industry sector."
                    tried=tried
                />
                <MetaField
                    id="new-role"
                    label="Your role"
                    hint="e.g. workforce board director, college partner, convener."
                    value=role
                    required="Enter your role in the partnership."
                    tried=tried
                />
                <MetaField
                    id="new-name"
                    label="Name for this assessment (optional)"
                    hint="e.g. Spring check before TA request."
                    value=name
                    tried=tried
                />
                <button type="submit" class="button primary">"Start the assessment"</button>
            </form>
        </section>
    }
}

/// A coach's invitation: their message, and a short form that starts the assessment with the
/// session's context.
#[component]
fn Invitation(session: CoachSession) -> impl IntoView {
    let store = expect_context::<Store>();
    let shell = expect_context::<Shell>();
    let bank = Bank::builtin();
    let region = RwSignal::new(session.region.clone());
    let sector = RwSignal::new(session.sector.clone());
    let role = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let scope_line = session.invitation_scope_line(bank);
    let keep = StoredValue::new(session.clone());
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let session = keep.get_value();
        let name = session.assessment_name();
        let Some(meta) = meta_from_form(name, region, sector, role) else {
            return;
        };
        let at = stamp();
        let id = at.fresh_id.clone();
        store.dispatch(Event::Create {
            meta: Box::new(meta),
            coach: Some(Box::new(session)),
            at,
        });
        // The invitation is used: the address no longer carries it, so it is not offered again.
        store.dispatch(Event::CloseInvitation);
        open(shell, id);
    };
    view! {
        <section class="notice invitation" aria-labelledby="invitation-title">
            <h2 id="invitation-title">"Your coach's invitation"</h2>
            <CoachMessage session=session />
            <p>{scope_line}</p>
            <form on:submit=start novalidate>
                <MetaField
                    id="invite-region"
                    label="Region"
                    hint="Filled in by your coach; change it if it is not right."
                    value=region
                    required="Enter the region this assessment is about."
                    tried=tried
                />
                <MetaField
                    id="invite-sector"
                    label="Industry sector"
                    hint="Filled in by your coach; change it if it is not right."
                    value=sector
                    required="Enter the industry sector."
                    tried=tried
                />
                <MetaField
                    id="invite-role"
                    label="Your role"
                    hint="e.g. workforce board director, college partner, convener."
                    value=role
                    required="Enter your role in the partnership."
                    tried=tried
                />
                <button type="submit" class="button primary">"Start the assessment for this session"</button>
            </form>
        </section>
    }
}

/// Shared-computer mode and forgetting everything this device keeps.
#[component]
fn DeviceControls() -> impl IntoView {
    let store = expect_context::<Store>();
    let confirming = RwSignal::new(false);
    let forgotten = RwSignal::new(false);
    view! {
        <section aria-labelledby="device-title" class="device-controls">
            <h2 id="device-title">"This device"</h2>
            <p>
                "Answers are kept only in this browser, on this device. "
                "On a shared or public computer, turn on shared-computer mode so nothing is kept."
            </p>
            <p>
                <label class="checkbox">
                    <input
                        type="checkbox"
                        prop:checked=move || store.with(|workspace| workspace.shared_mode())
                        on:change:target=move |ev| {
                            store.dispatch(Event::SetSharedMode(ev.target().checked()))
                        }
                    />
                    " Shared-computer mode: save nothing on this device"
                </label>
            </p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <p>
                        <button
                            type="button"
                            class="button danger"
                            on:click=move |_| {
                                forgotten.set(false);
                                confirming.set(true);
                            }
                        >
                            "Forget everything on this device"
                        </button>
                    </p>
                }
            >
                <div class="notice danger" role="alert">
                    <p>
                        <strong>"Remove every assessment this app saved on this device?"</strong>
                        " This cannot be undone. Download or share anything you want to keep first."
                    </p>
                    <p class="actions">
                        <button
                            type="button"
                            class="button danger"
                            on:click=move |_| {
                                store.dispatch(Event::ForgetEverything);
                                confirming.set(false);
                                forgotten.set(true);
                            }
                        >
                            "Yes, forget everything"
                        </button>
                        <button type="button" class="button" on:click=move |_| confirming.set(false)>
                            "Cancel"
                        </button>
                    </p>
                </div>
            </Show>
            <Show when=move || forgotten.get()>
                <p role="status">"Everything this app saved on this device has been removed."</p>
            </Show>
        </section>
    }
}

crate::chunk::chunk!(
    /// The start list: the assessments on this device, a new one or a coach's invitation, a
    /// file to open, and the device controls.
    start: fn start_chunk() -> crate::chunk::DrawScreen, prefetch_start =>
        || crate::widgets::later_style::with_later_style(|| view! { <Start /> }.into_any())
);
