//! A stable sort for the short lists of the report and the app (at most the bank's 99
//! questions, or the assessments on one device).
//!
//! The standard library's stable sort is built for long inputs and compiles to several
//! kilobytes for every element type it is used with; in the browser build each copy is
//! downloaded by every visitor. An insertion sort is a few dozen bytes, stable, and for lists
//! this short, and usually almost in order already, as fast.

/// Sorts `items` by `key`, ascending, keeping items with equal keys in their order.
pub fn sort_stable_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for end in 1..items.len() {
        let mut at = end;
        while at > 0 && key(&items[at - 1]) > key(&items[at]) {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::sort_stable_by_key;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            let mut std = items;
            // Keys repeat often, so order among equal keys is checked as well.
            sort_stable_by_key(&mut ours, |item| item.0);
            std.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, std);
        }
    }
}
