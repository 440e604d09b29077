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

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("launch", "lauch"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
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
