//! Timing shared by the core's benchmarks: medians, printed by each benchmark, never asserted.

use std::time::{Duration, Instant};

/// Runs `f` `runs` times and returns the median duration of one run.
pub fn median<F: FnMut()>(runs: usize, mut f: F) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}
