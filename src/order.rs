//! Sorting by a text or a number key through two shared sort routines.
//!
//! Every `sort_by` over another element type or comparator is its own copy of the
//! standard library's sort in the Wasm module (2-4 KB each, and the canonical outputs
//! sort eight kinds of objects by id). These functions sort `(key, position)` pairs
//! instead — one instantiation for text keys and one for number keys, shared with the
//! rest of the crate (a `BTreeSet<(&str, u32)>` and the `(u128, u32)` id arrays sort the
//! same pairs) — and then move the items into that order. Keys are paired with
//! positions, so the result is stable: items with equal keys keep their order.

/// Sorts `items` by the text `key` gives, ascending (byte order, as `str::cmp`); items with
/// equal keys keep their order.
///
/// ```
/// let mut names = vec![("b", 1), ("a", 2), ("b", 0)];
/// guestpass::order::sort_by_text(&mut names, |n| n.0);
/// assert_eq!(names, [("a", 2), ("b", 1), ("b", 0)]);
/// ```
pub fn sort_by_text<T>(items: &mut Vec<T>, key: impl Fn(&T) -> &str) {
    let order: Vec<u32> = {
        let mut keyed: Vec<(&str, u32)> = items
            .iter()
            .zip(0u32..)
            .map(|(item, at)| (key(item), at))
            .collect();
        keyed.sort();
        keyed.into_iter().map(|(_, at)| at).collect()
    };
    rearrange(items, &order);
}

/// Sorts `items` by the number `key` gives, ascending; items with equal keys keep their
/// order. (Descending: sort by `u128::MAX - key`.)
///
/// ```
/// let mut sizes = vec![("b", 3), ("a", 1), ("c", 3)];
/// guestpass::order::sort_by_number(&mut sizes, |s| u128::MAX - s.1);
/// assert_eq!(sizes, [("b", 3), ("c", 3), ("a", 1)]);
/// ```
pub fn sort_by_number<T>(items: &mut Vec<T>, key: impl Fn(&T) -> u128) {
    let mut keyed: Vec<(u128, u32)> = items
        .iter()
        .zip(0u32..)
        .map(|(item, at)| (key(item), at))
        .collect();
    // The pairs are distinct (positions are), so an unstable sort gives the stable order.
    keyed.sort_unstable();
    let order: Vec<u32> = keyed.into_iter().map(|(_, at)| at).collect();
    rearrange(items, &order);
}

/// Moves `items` into `order` (a permutation of their positions).
fn rearrange<T>(items: &mut Vec<T>, order: &[u32]) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&at| slots.get_mut(at as usize).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_order_is_stable_and_matches_sort_by() {
        let words = [
            "delta", "Alpha", "", "delta", "alpha", "é", "e", "Alpha", "zz",
        ];
        let mut ours: Vec<(usize, &str)> = words.iter().copied().enumerate().collect();
        let mut std = ours.clone();
        sort_by_text(&mut ours, |w| w.1);
        std.sort_by(|a, b| a.1.cmp(b.1));
        assert_eq!(ours, std);
    }

    #[test]
    fn number_order_is_stable_and_matches_sort_by_key() {
        let values = [5u128, 1, 5, 0, u128::MAX, 3, 1, 5];
        let mut ours: Vec<(usize, u128)> = values.iter().copied().enumerate().collect();
        let mut std = ours.clone();
        sort_by_number(&mut ours, |v| v.1);
        std.sort_by_key(|v| v.1);
        assert_eq!(ours, std);
        sort_by_number(&mut ours, |v| u128::MAX - v.1);
        std.sort_by_key(|v| std::cmp::Reverse(v.1));
        assert_eq!(ours, std);
    }

    #[test]
    fn empty_and_single_lists() {
        let mut none: Vec<&str> = Vec::new();
        sort_by_text(&mut none, |s| s);
        assert!(none.is_empty());
        let mut one = vec![7u128];
        sort_by_number(&mut one, |&n| n);
        assert_eq!(one, [7]);
    }
}
