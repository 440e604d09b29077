//! Places in a ranking when figures are ranges: each entry holds the range of places it could hold
//! whatever the precise times were (docs/figures.md). With exact figures, the places are 1, 2, 3, …

use super::Elapsed;

/// The places, best and worst, that each of `sorted` can hold whatever the precise times were; `sorted`
/// is in ranking order (the least each can be, descending, then the most, as `records` ranks). An entry
/// is surely ahead of another when its whole range lies above the other's; entries with the same range
/// are ties, kept in their order. Where no range overlaps another, the places are 1, 2, 3, …
pub fn rank_ranges(sorted: &[Elapsed]) -> Vec<(usize, usize)> {
    let n = sorted.len();
    let range = |e: &Elapsed| (e.min_seconds, e.max_seconds);
    // The least values, descending (the order of `sorted`), and the most values, ascending.
    let mins: Vec<i64> = sorted.iter().map(|e| e.min_seconds).collect();
    let mut maxes: Vec<i64> = sorted.iter().map(|e| e.max_seconds).collect();
    maxes.sort_unstable();
    // Where each entry's run of ties ends (exclusive), from the back.
    let mut tie_end = vec![n; n];
    for i in (0..n.saturating_sub(1)).rev() {
        tie_end[i] = if range(&sorted[i]) == range(&sorted[i + 1]) {
            tie_end[i + 1]
        } else {
            i + 1
        };
    }
    let mut out = Vec::with_capacity(n);
    let mut tie_start = 0;
    for (i, e) in sorted.iter().enumerate() {
        if i > 0 && range(&sorted[i - 1]) != range(e) {
            tie_start = i;
        }
        // Ahead of it: every entry whose least is above its most, and the ties before it.
        let surely_longer = mins.partition_point(|&m| m > e.max_seconds);
        let best = surely_longer + (i - tie_start) + 1;
        // Behind it: every entry whose most is below its least, and the ties after it.
        let surely_shorter = maxes.partition_point(|&m| m < e.min_seconds);
        let worst = n - surely_shorter - (tie_end[i] - i - 1);
        out.push((best, worst));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    fn range(min: i64, max: i64) -> Elapsed {
        Elapsed {
            seconds: min + (max - min) / 2,
            min_seconds: min,
            max_seconds: max,
            precision: if max - min > 120 {
                Precision::Day
            } else {
                Precision::Second
            },
        }
    }

    proptest::proptest! {
        /// The binary searches agree with the definition, counted pair by pair.
        #[test]
        fn places_follow_the_definition(ranges in proptest::collection::vec((0i64..50, 0i64..30), 0..40)) {
            let mut sorted: Vec<Elapsed> = ranges.iter().map(|&(lo, w)| range(lo, lo + w)).collect();
            sorted.sort_by_key(|e| (std::cmp::Reverse(e.min_seconds), std::cmp::Reverse(e.max_seconds)));
            let same = |a: &Elapsed, b: &Elapsed| (a.min_seconds, a.max_seconds) == (b.min_seconds, b.max_seconds);
            let ahead = |j: usize, i: usize| {
                sorted[j].min_seconds > sorted[i].max_seconds || (same(&sorted[j], &sorted[i]) && j < i)
            };
            let n = sorted.len();
            for (i, &(best, worst)) in rank_ranges(&sorted).iter().enumerate() {
                proptest::prop_assert_eq!(best, 1 + (0..n).filter(|&j| ahead(j, i)).count());
                proptest::prop_assert_eq!(worst, n - (0..n).filter(|&j| ahead(i, j)).count());
                proptest::prop_assert!(best <= i + 1 && i < worst);
            }
        }
    }

    #[test]
    fn exact_figures_and_ties_keep_their_order() {
        let sorted = [range(50, 50), range(40, 40), range(40, 40), range(10, 10)];
        assert_eq!(rank_ranges(&sorted), [(1, 1), (2, 2), (3, 3), (4, 4)]);
    }

    #[test]
    fn an_overlapping_range_leaves_places_undecided() {
        // Known: 8 h and 6 h; a date-only start: between 1 h and 25 h; then a known 30 min.
        let h = 3600;
        let sorted = [
            range(8 * h, 8 * h),
            range(6 * h, 6 * h),
            range(h, 25 * h),
            range(1800, 1800),
        ];
        assert_eq!(rank_ranges(&sorted), [(1, 2), (2, 3), (1, 3), (4, 4)]);
    }
}
