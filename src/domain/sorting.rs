//! Stable sorting with one copy of the sort in the wasm instead of one per call.
//!
//! `slice::sort_by` and its kin are generic over the comparison: every call with its own
//! closure compiled a whole merge sort of its own (about 3.5 KB each, 45 calls: 190 KB of
//! the wasm before these helpers). Here the order is found by one sort of positions
//! (`sorted_order`, not generic) that compares through a `dyn` call, and the slice is then
//! rearranged in place. Same results as the standard library's stable sorts: equal elements
//! keep their order.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping the order of equal elements (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_order(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    rearrange(v, &order);
}

/// Sorts `v` by the key of each element, found at every comparison (as
/// `slice::sort_by_key`): for cheap keys (a date, a number, a copy).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` by the key of each element, found once per element (as
/// `slice::sort_by_cached_key`): for keys that cost (a folded name, a cloned path).
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    rearrange(v, &order);
}

/// Sorts `v` in its natural order (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The positions `0..len` in the order `compare` puts them, equal ones in their own order:
/// the one sort of the program.
#[inline(never)]
fn sorted_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts `v[order[k]]` at position `k`, for every `k`, by swaps along each cycle of the
/// permutation.
fn rearrange<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        if placed[start] {
            continue;
        }
        // The element first at `start` travels along the cycle to where it belongs.
        let mut at = start;
        loop {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_elements_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn empty_and_single_slices() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort_by(&mut one, |a, b| b.cmp(a));
        assert_eq!(one, [7]);
    }

    proptest! {
        /// Every helper gives exactly what the standard library's stable sorts give.
        #[test]
        fn same_as_the_standard_library(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(&ours, &std);

            let mut ours = v.clone();
            let mut std = v.clone();
            sort_by_cached_key(&mut ours, |x| std::cmp::Reverse(x.0));
            std.sort_by_cached_key(|x| std::cmp::Reverse(x.0));
            prop_assert_eq!(&ours, &std);

            let mut ours = v.clone();
            let mut std = v.clone();
            let compare = |a: &(u8, u16), b: &(u8, u16)| (a.1 % 7).cmp(&(b.1 % 7)).then(b.0.cmp(&a.0));
            sort_by(&mut ours, compare);
            std.sort_by(compare);
            prop_assert_eq!(&ours, &std);

            let mut ours = v.clone();
            let mut std = v;
            sort(&mut ours);
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }
}
