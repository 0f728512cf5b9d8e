//! The only place that touches the browser's local storage.

/// Whether this browser lets the app keep answers on the device.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Availability {
    /// Local storage accepted a test write.
    Available,
    /// Local storage is missing or refuses writes (a private window, a full disk, a policy).
    Unavailable,
}

const PROBE_KEY: &str = "readiness-check/probe";

/// Writes and removes a small test value to learn whether answers can be kept on this device.
pub fn probe() -> Availability {
    let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return Availability::Unavailable;
    };
    if storage.set_item(PROBE_KEY, "1").is_err() {
        return Availability::Unavailable;
    }
    let _ = storage.remove_item(PROBE_KEY);
    Availability::Available
}
