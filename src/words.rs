//! Small pieces of English shared by messages and reports, so that every place says a count the same way.

/// The plural ending for `n` things: `""` for one, `"s"` otherwise (`3 flights`, `1 flight`, `0 flights`).
///
/// ```
/// use orbitline::words::plural;
/// assert_eq!(format!("1 flight{}, 3 stay{}", plural(1), plural(3)), "1 flight, 3 stays");
/// ```
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
