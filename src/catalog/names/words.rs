//! Folding a text for comparison, and a person's name in words: names proper, nicknames, no ranks.

/// A text folded for comparison: lowercase, without spaces, hyphens, punctuation or marks; Latin letters
/// with diacritics as their base letters (`Jähn` → `jahn`, `Hermaszewski` stays, `ł` → `l`, `ß` → `ss`);
/// other scripts kept as written (`陈冬`, `гагарин`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            // Spaces, hyphens, quotes and other punctuation do not tell names apart.
        } else if is_latin(c) {
            let base = deunicode::deunicode_char(c).unwrap_or("");
            out.extend(
                base.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|b| b.to_ascii_lowercase()),
            );
        } else if c == 'ё' || c == 'Ё' {
            out.push('е');
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Latin letters beyond ASCII (Latin-1, Extended-A/B, Extended Additional, C, D).
fn is_latin(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF)
}

/// Every word of `query` begins a word of `text`, or the folded query (`key`), from four characters on,
/// occurs anywhere in it.
pub(super) fn contains(text: &str, query: &[String], key: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .map(fold)
        .collect();
    query
        .iter()
        .all(|q| words.iter().any(|w| w.starts_with(q.as_str())))
        || (key.chars().count() >= 4 && fold(text).contains(key))
}

/// `name` with its Roman numerals (upper case, up to 39) in Arabic figures: `Gemini IX-A` → `Gemini
/// 9-A`; `None` when it has none.
pub(super) fn arabic_numerals(name: &str) -> Option<String> {
    fn value(word: &str) -> Option<u32> {
        if word.is_empty() || !word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
            return None;
        }
        const ONES: [&str; 10] = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
        const TENS: [&str; 4] = ["", "X", "XX", "XXX"];
        (1..40).find(|&n: &u32| {
            let (t, o) = ((n / 10) as usize, (n % 10) as usize);
            format!("{}{}", TENS[t], ONES[o]) == word
        })
    }
    let mut changed = false;
    let mut out = String::with_capacity(name.len());
    let mut word = String::new();
    for c in name.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        match value(&word) {
            Some(n) => {
                out.push_str(&n.to_string());
                changed = true;
            }
            None => out.push_str(&word),
        }
        word.clear();
        out.push(c);
    }
    out.pop();
    changed.then_some(out)
}

/// Short forms of given names that are not their start (`Mike` is no prefix of `Michael`), folded: the
/// common English ones and a few Russian ones, for the given-name rule (docs/names.md lists them).
const SHORT_FORMS: [(&str, &[&str]); 22] = [
    ("andy", &["andrew"]),
    ("bill", &["william"]),
    ("billy", &["william"]),
    ("bob", &["robert"]),
    ("bobby", &["robert"]),
    ("chuck", &["charles"]),
    ("dick", &["richard"]),
    ("jack", &["john"]),
    ("jim", &["james"]),
    ("jimmy", &["james"]),
    ("kate", &["kathleen", "katherine", "catherine", "kathryn"]),
    ("kathy", &["kathleen", "katherine", "catherine", "kathryn"]),
    ("mike", &["michael"]),
    ("peggy", &["margaret"]),
    ("rick", &["richard", "frederick", "eric"]),
    ("sasha", &["aleksandr", "aleksandra"]),
    ("steve", &["stephen"]),
    ("ted", &["edward", "theodore"]),
    ("tom", &["thomas"]),
    ("tony", &["anthony"]),
    ("volodya", &["vladimir"]),
    ("will", &["william"]),
];

/// The short forms of given names the given-name rule knows: (short form, the names it stands for).
pub fn short_forms() -> &'static [(&'static str, &'static [&'static str])] {
    &SHORT_FORMS
}

/// `short` (folded) is a common short form of the given name `name` (folded): `mike` of `michael`.
pub(super) fn short_for(short: &str, name: &str) -> bool {
    SHORT_FORMS
        .iter()
        .any(|(s, names)| *s == short && names.contains(&name))
}

/// Words that follow or precede a name without being one.
const SUFFIXES: [&str; 5] = ["jr", "sr", "ii", "iii", "iv"];

/// A person's name in words: the names proper, and the nicknames written in quotes or brackets.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Words {
    pub(super) names: Vec<String>,
    pub(super) nicknames: Vec<String>,
}

impl Words {
    pub(super) fn of(name: &str) -> Words {
        // `Family, Given` (McDowell's native names), where a third part is a rank: `Peake, Timothy
        // Nigel, Maj. RA`.
        let mut parts = name.split(',');
        let name = match (parts.next(), parts.next()) {
            (Some(family), Some(given)) => format!("{family} {given}"),
            _ => name.to_string(),
        };
        let mut raw: Vec<&str> = name.split_whitespace().collect();
        // A rank or service after the name (`Peake Maj. Br.Army`) is no name.
        while raw.len() > 2 && raw.last().is_some_and(|w| w.len() > 2 && w.contains('.')) {
            raw.pop();
        }
        let mut words = Words::default();
        let mut in_nickname = false;
        for word in raw {
            let opens = word.starts_with(['\'', '"', '(', '‘', '“']);
            let closes = word.ends_with(['\'', '"', ')', '’', '”']);
            let folded = fold(word);
            if folded.is_empty() || SUFFIXES.contains(&folded.as_str()) {
                in_nickname &= !closes;
                continue;
            }
            if opens || in_nickname {
                words.nicknames.push(folded);
                in_nickname = !closes || (opens && word.chars().count() == 1);
            } else {
                words.names.push(folded);
            }
        }
        words
    }

    /// The words that may be the family name: the first and the last.
    pub(super) fn family(&self) -> Vec<usize> {
        match self.names.len() {
            0 => Vec::new(),
            1 => vec![0],
            n => vec![0, n - 1],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_spaces_hyphens_and_diacritics() {
        assert_eq!(fold("Soyuz MS-22"), "soyuzms22");
        assert_eq!(fold("Sigmund Jähn"), "sigmundjahn");
        assert_eq!(fold("Mirosław Hermaszewski"), "miroslawhermaszewski");
        assert_eq!(fold("Jean-Loup Chrétien"), "jeanloupchretien");
        // Decomposed input: the combining accent is dropped.
        assert_eq!(fold("Chre\u{301}tien"), "chretien");
        assert_eq!(fold("陈冬"), "陈冬");
        assert_eq!(fold("Гагарин, Юрий"), "гагаринюрий");
        assert_eq!(fold("Семёнович"), "семенович");
    }

    #[test]
    fn names_split_into_names_and_nicknames_without_ranks() {
        let words = Words::of("Edwin 'Buzz' Eugene Aldrin Jr");
        assert_eq!(words.names, ["edwin", "eugene", "aldrin"]);
        assert_eq!(words.nicknames, ["buzz"]);
        let words = Words::of("Timothy Nigel Peake Maj. Br.Army");
        assert_eq!(words.names, ["timothy", "nigel", "peake"]);
        let words = Words::of("Charles 'Pete' Jr Conrad");
        assert_eq!(words.names, ["charles", "conrad"]);
        assert_eq!(words.nicknames, ["pete"]);
        let words = Words::of("Sunita Lyn (Pandya Krishna) Williams");
        assert_eq!(words.names, ["sunita", "lyn", "williams"]);
        assert_eq!(words.nicknames, ["pandya", "krishna"]);
        let words = Words::of("Thomas Kenneth 'T.K.' Mattingly II");
        assert_eq!(words.names, ["thomas", "kenneth", "mattingly"]);
        assert_eq!(words.nicknames, ["tk"]);
        let words = Words::of("Peake, Timothy Nigel, Maj. RA");
        assert_eq!(words.names, ["peake", "timothy", "nigel"]);
        let words = Words::of("Barry E. 'Butch' Wilmore");
        assert_eq!(words.names, ["barry", "e", "wilmore"]);
        assert_eq!(words.family(), [0, 2]);
    }

    #[test]
    fn short_forms_of_given_names() {
        assert!(short_for("mike", "michael"));
        assert!(short_for("kate", "kathleen"));
        assert!(!short_for("mike", "mikhail"));
        assert!(!short_for("michael", "mike"));
    }

    #[test]
    fn roman_numerals_in_flight_names() {
        assert_eq!(
            arabic_numerals("Gemini IX-A").as_deref(),
            Some("Gemini 9-A")
        );
        assert_eq!(arabic_numerals("Gemini XII").as_deref(), Some("Gemini 12"));
        assert_eq!(arabic_numerals("Soyuz MS-22"), None);
        assert_eq!(arabic_numerals("Mir"), None);
    }
}
