//! The assessment screen: the list of assessments, or the open one being answered.

use leptos::prelude::*;

use super::answering::Answering;
use crate::{chunk, Shell, Store};

/// Shows the open assessment, or the start list when none is open (or the one in the address
/// is not on this device, which the start list says). The start list comes in a chunk of its
/// own: neither Home nor a returning person's open assessment needs it.
#[component]
pub fn AssessmentScreen() -> impl IntoView {
    let shell = expect_context::<Shell>();
    let store = expect_context::<Store>();
    let open_id = Memo::new(move |_| shell.address.with(|address| address.assessment.clone()));
    let exists = Memo::new(move |_| {
        open_id
            .get()
            .is_some_and(|id| store.with_assessment(&id, |stored| stored.is_some()))
    });
    move || match (open_id.get(), exists.get()) {
        (Some(id), true) => view! { <Answering id=id /> }.into_any(),
        _ => chunk::from_chunk(super::start::start_chunk),
    }
}
