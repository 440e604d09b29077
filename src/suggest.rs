//! "Did you mean …?": the closest of a set of known names to a misspelt one.

/// The candidate closest to `wrong` by edit distance, where it is close enough to be a likely typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    let limit = (wrong.chars().count() / 3).max(2);
    let candidates: Vec<&str> = candidates.into_iter().collect();
    // The same name but for case, hyphens and underscores is the best guess (`tiangong2` → `tiangong-2`).
    let bare = |s: &str| s.to_lowercase().replace(['-', '_', ' '], "");
    if let Some(same) = candidates.iter().find(|c| bare(c) == bare(wrong)) {
        return Some(same);
    }
    candidates
        .into_iter()
        .map(|c| (edit_distance(&wrong_lower, &c.to_lowercase()), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// Edit distance in characters, counting a swap of two neighbours as one edit (optimal string
/// alignment): `titel` is one edit from `title`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("launch", "lauch"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("titel", "title"), 1);
    }

    #[test]
    fn suggests_only_near_names() {
        let fields = ["launch", "landing", "docking"];
        assert_eq!(closest("lauch", fields), Some("launch"));
        assert_eq!(closest("landng", fields), Some("landing"));
        assert_eq!(closest("crew", fields), None);
        assert_eq!(
            closest("shenzhou20", ["shenzhou-20", "shenzhou-21"]),
            Some("shenzhou-20")
        );
        assert_eq!(
            closest("tiangong2", ["tiangong", "tiangong-2"]),
            Some("tiangong-2")
        );
    }
}
