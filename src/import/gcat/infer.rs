//! Which landing brought each person home, from their exact total time in space.
//!
//! McDowell's astronaut table lists the launches a person flew and their total time in space to the second,
//! but not the ship each flight ended on. Each stay (from a launch to the next landing) could end on any ship
//! that landed at the same station while the person was up and before their next launch; the stay's length
//! is then that landing minus their launch. [`solve`] picks, for every stay, one candidate landing so that
//! the lengths add up to the total exactly, preferring the choice with the fewest stays ending on another
//! ship than the one that took them up, and reports when two choices are equally good (ambiguous).
//!
//! It is a dynamic programme over (stay, sum so far) that keeps, for each reachable sum, the fewest swaps
//! and how many ways reach it: its cost grows with the number of distinct partial sums, never with the
//! product of the candidates, and sums beyond the total are dropped.

use std::collections::HashMap;

/// One way a stay could end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<L> {
    /// What the stay ends on.
    pub landing: L,
    /// The stay's length in seconds if it ends so.
    pub seconds: i64,
    /// 0 for the ship the person went up on (or a stay still open), 1 for another ship.
    pub cost: u32,
}

/// What [`solve`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Solution {
    /// Exactly one best choice: the index of the chosen candidate for each stay, and its cost.
    Unique(Vec<usize>, u32),
    /// Two or more choices are equally good.
    Ambiguous,
    /// No choice adds up to the total.
    None,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    cost: u32,
    /// Number of best ways to reach this sum, saturating at 2.
    ways: u8,
    /// (sum before this stay, candidate index)
    back: (i64, usize),
}

/// Every reachable sum after all stays (up to `limit`), with its best cost and number of best ways, plus
/// the layers to backtrack through.
fn layers<L>(stays: &[Vec<Candidate<L>>], limit: i64) -> Vec<HashMap<i64, Entry>> {
    let mut layers: Vec<HashMap<i64, Entry>> = Vec::with_capacity(stays.len() + 1);
    layers.push(HashMap::from([(
        0,
        Entry {
            cost: 0,
            ways: 1,
            back: (0, 0),
        },
    )]));
    for stay in stays {
        let previous = &layers[layers.len() - 1];
        let mut next: HashMap<i64, Entry> = HashMap::new();
        for (&sum, entry) in previous {
            for (k, candidate) in stay.iter().enumerate() {
                let total = sum + candidate.seconds;
                if total > limit || candidate.seconds < 0 {
                    continue;
                }
                let cost = entry.cost + candidate.cost;
                next.entry(total)
                    .and_modify(|e| {
                        if cost < e.cost {
                            *e = Entry {
                                cost,
                                ways: entry.ways,
                                back: (sum, k),
                            };
                        } else if cost == e.cost {
                            e.ways = e.ways.saturating_add(entry.ways).min(2);
                        }
                    })
                    .or_insert(Entry {
                        cost,
                        ways: entry.ways,
                        back: (sum, k),
                    });
            }
        }
        layers.push(next);
    }
    layers
}

fn backtrack(layers: &[HashMap<i64, Entry>], mut sum: i64) -> Vec<usize> {
    let mut choice = vec![0; layers.len() - 1];
    for i in (1..layers.len()).rev() {
        let entry = layers[i][&sum];
        choice[i - 1] = entry.back.1;
        sum = entry.back.0;
    }
    choice
}

/// Chooses one candidate per stay so that the seconds add up to `total`, with the least cost.
pub fn solve<L>(stays: &[Vec<Candidate<L>>], total: i64) -> Solution {
    let layers = layers(stays, total);
    match layers.last().and_then(|l| l.get(&total)) {
        None => Solution::None,
        Some(entry) if entry.ways > 1 => Solution::Ambiguous,
        Some(entry) => Solution::Unique(backtrack(&layers, total), entry.cost),
    }
}

/// One way to end the stay at `free` at a time the tables do not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeOption {
    /// The free stay's length: the total less the other stays.
    pub length: i64,
    /// Ship changes, counting the free stay as one.
    pub cost: u32,
    /// Whether two choices of the other stays give this length with this cost.
    pub ambiguous: bool,
    /// The chosen candidate for each stay; `usize::MAX` at `free`.
    pub choice: Vec<usize>,
}

/// Like [`solve`], but the stay at `free` ends at an unknown time: every length the other stays leave it
/// for which `fits` holds, each with the best choice of the other stays. Crewmates must then agree on one
/// landing time, which settles what the fewest ship changes alone cannot.
pub fn free_options<L: Clone>(
    stays: &[Vec<Candidate<L>>],
    free: usize,
    total: i64,
    fits: impl Fn(i64) -> bool,
) -> Vec<FreeOption> {
    let others: Vec<Vec<Candidate<L>>> = stays
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != free)
        .map(|(_, s)| s.clone())
        .collect();
    let layers = layers(&others, total);
    let Some(last) = layers.last() else {
        return Vec::new();
    };
    let mut options: Vec<FreeOption> = last
        .iter()
        .filter(|(&sum, _)| total - sum > 0 && fits(total - sum))
        .map(|(&sum, entry)| {
            let mut choice = backtrack(&layers, sum);
            choice.insert(free.min(choice.len()), usize::MAX);
            FreeOption {
                length: total - sum,
                cost: entry.cost + 1,
                ambiguous: entry.ways > 1,
                choice,
            }
        })
        .collect();
    options.sort_by_key(|o| o.length);
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(landing: &'static str, seconds: i64, cost: u32) -> Candidate<&'static str> {
        Candidate {
            landing,
            seconds,
            cost,
        }
    }

    #[test]
    fn the_own_ship_wins_when_it_adds_up() {
        let stays = vec![vec![c("a", 10, 0), c("b", 12, 1)], vec![c("c", 5, 0)]];
        assert_eq!(solve(&stays, 15), Solution::Unique(vec![0, 0], 0));
        assert_eq!(solve(&stays, 17), Solution::Unique(vec![1, 0], 1));
        assert_eq!(solve(&stays, 16), Solution::None);
    }

    #[test]
    fn two_equally_good_choices_are_ambiguous() {
        let stays = vec![
            vec![c("a", 10, 0), c("b", 12, 1)],
            vec![c("c", 5, 0), c("d", 3, 1)],
        ];
        // 10 + 5 = 15 with no swap; 12 + 3 = 15 with two: the first wins.
        assert_eq!(solve(&stays, 15), Solution::Unique(vec![0, 0], 0));
        let stays = vec![
            vec![c("a", 10, 0), c("b", 12, 1)],
            vec![c("c", 5, 0), c("d", 7, 1)],
        ];
        // 12 + 5 and 10 + 7 both make 17 with one swap.
        assert_eq!(solve(&stays, 17), Solution::Ambiguous);
    }

    #[test]
    fn a_free_stay_takes_what_is_left() {
        let stays = vec![vec![c("a", 10, 0), c("b", 12, 1)], vec![c("own", 5, 0)]];
        let options = free_options(&stays, 1, 30, |l| l > 5);
        assert_eq!(options.len(), 2);
        assert_eq!((options[0].length, options[0].cost), (18, 2));
        assert_eq!((options[1].length, options[1].cost), (20, 1));
        assert_eq!(options[1].choice, vec![0, usize::MAX]);
    }

    #[test]
    fn many_stays_with_many_candidates_stay_fast() {
        let stays: Vec<Vec<Candidate<usize>>> = (0..12)
            .map(|i| {
                (0..20)
                    .map(|k| Candidate {
                        landing: k,
                        seconds: 1_000_000 * (i + 1) + 7919 * k as i64,
                        cost: u32::from(k != 0),
                    })
                    .collect()
            })
            .collect();
        let total: i64 = (0..12).map(|i| 1_000_000 * (i + 1)).sum::<i64>() + 7919 * 3;
        assert!(matches!(
            solve(&stays, total),
            Solution::Ambiguous | Solution::Unique(..)
        ));
    }
}
