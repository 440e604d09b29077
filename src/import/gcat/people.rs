//! The astronaut table: one person per row, with the name for people, the id, citizenship as ISO codes,
//! the birth date at its precision, the launches flown (recovering a `Missions` list the column cut) and the
//! exact total time in space.

use std::collections::HashMap;

use super::ships::month_number;
use super::table::Table;
use super::{cell, Kind, Person, Ship};
use crate::catalog::Problem;
use crate::import::{slug, IdPool};
use crate::model::Outcome;

/// `D:HH:MM:SS`, `*` while in space.
pub(super) fn parse_total(text: &str) -> Option<(i64, bool)> {
    let in_space = text.ends_with('*');
    let parts: Vec<i64> = text
        .trim_end_matches('*')
        .split(':')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [d, h, m, s] = parts[..] else {
        return None;
    };
    Some((((d * 24 + h) * 60 + m) * 60 + s, in_space))
}

pub(super) fn read_people(
    table: &Table,
    ships: &[Ship],
    problems: &mut Vec<Problem>,
) -> Vec<Person> {
    let tags: HashMap<&str, usize> = ships
        .iter()
        .enumerate()
        .map(|(i, s)| (s.tag.as_str(), i))
        .collect();
    // How many people list each ship, to find the flights of a list cut off by the column width.
    let mut listed: HashMap<&str, usize> = HashMap::new();
    for row in &table.rows {
        for entry in cell(table, row, "Missions").text.split(',') {
            if let Some((tag, _)) = entry.split_once('/') {
                *listed.entry(tag.trim()).or_default() += 1;
            }
        }
    }
    let mut pool = IdPool::default();
    let mut people = Vec::new();
    for row in &table.rows {
        let get = |name| cell(table, row, name);
        let number = get("No").text.clone();
        let raw_name = get("Name").text.clone();
        let uname = get("UName").text.clone();
        let (name, id, name_notes) = identity(&mut pool, &number, &raw_name, &uname);
        let total_cell = get("Duration");
        let total = parse_total(&total_cell.text);
        if total.is_none() {
            problems.push(
                table
                    .problem(
                        total_cell,
                        format!(
                            "`{}` is not a total time like `418:15:16:19`",
                            total_cell.text
                        ),
                    )
                    .hint("Duration is D:HH:MM:SS, with * while in space"),
            );
        }
        let (nation, nation_note) = citizenship(&get("Citizen").text);
        let (born, born_note) = birth(&get("Born").text);
        let died = table.column("Died").and_then(|c| birth(&row[c].text).0);
        let native = (!uname.is_empty() && uname != "-" && uname != raw_name)
            .then(|| native_name(&uname))
            .filter(|native| *native != name);
        let mut person = Person {
            number: number.clone(),
            id,
            name,
            native_name: native,
            nation,
            nation_note,
            born,
            born_note,
            died,
            died_in_flight: None,
            name_notes,
            chimp: number.starts_with("AA"),
            missions: Vec::new(),
            total,
            problem: None,
            recovered: None,
            imported: false,
        };
        let missions_cell = get("Missions");
        let entries: Vec<&str> = missions_cell
            .text
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty() && *e != "-")
            .collect();
        for (k, entry) in entries.iter().enumerate() {
            let last = k + 1 == entries.len();
            match entry.split_once('/') {
                Some((tag, role)) => match tags.get(tag.trim()) {
                    Some(&s) => person.missions.push((s, role.trim().to_string())),
                    None => {
                        person.problem = Some(format!(
                            "Missions lists {tag}, which has no row in the missions table"
                        ));
                    }
                },
                None if last => {
                    // A list cut at the column's width: the flights whose tag starts so, launched after
                    // the last one listed, that have a seat no one else lists.
                    recover_cut_list(&mut person, entry, ships, &listed, &get("NRI").text);
                }
                None => {
                    problems.push(
                        table
                            .problem(missions_cell, format!("`{entry}` in Missions has no role"))
                            .hint("Missions lists launches as TAG/ROLE, separated by commas"),
                    );
                }
            }
        }
        let listed_rides = person.missions.len();
        let nri = cell(table, row, "NRI").text.parse::<usize>().ok();
        if missions_cell.full && person.recovered.is_none() && nri.is_some_and(|n| n > listed_rides)
        {
            person.problem.get_or_insert_with(|| {
                format!(
                    "Missions fills its column (line {}) and lists fewer rides than NRI: the list may be cut off; import the .tsv tables instead",
                    missions_cell.line
                )
            });
        }
        person
            .missions
            .sort_by_key(|(s, _)| ships[*s].launch.instant());
        people.push(person);
    }
    people
}

/// `person`'s `Missions` ends in `partial` without a role: the column cut the list. McDowell's `Crew`
/// column says how many people flew each ship and `NRI` how many rides the person had; when exactly the
/// missing number of ships whose tag starts with `partial` (launched after the last one listed) have one
/// more seat than people listing them, those are the person's.
pub(super) fn recover_cut_list(
    person: &mut Person,
    partial: &str,
    ships: &[Ship],
    listed: &HashMap<&str, usize>,
    rides: &str,
) {
    let cut = format!("Missions is cut off at `{partial}` (the column's width)");
    let Ok(rides) = rides.trim().parse::<usize>() else {
        person.problem = Some(format!(
            "{cut}, and NRI does not say how many rides are missing"
        ));
        return;
    };
    let after = person
        .missions
        .iter()
        .map(|(s, _)| ships[*s].launch.instant())
        .max();
    let missing = rides.saturating_sub(person.missions.len());
    let candidates: Vec<usize> = ships
        .iter()
        .enumerate()
        .filter(|(_, s)| s.tag.starts_with(partial))
        .filter(|(_, s)| after.is_none_or(|a| s.launch.instant() > a))
        .filter(|(_, s)| s.crew > listed.get(s.tag.as_str()).copied().unwrap_or(0))
        .map(|(i, _)| i)
        .collect();
    if missing > 0 && candidates.len() == missing {
        let names: Vec<&str> = candidates.iter().map(|&i| ships[i].tag.as_str()).collect();
        person.recovered = Some(format!(
            "{cut}; NRI gives {rides} rides, and the only {missing} ships tagged {partial}… with a seat no one else lists are {}: taken as theirs (role not known)",
            names.join(", ")
        ));
        for i in candidates {
            person.missions.push((i, String::new()));
        }
    } else {
        person.problem = Some(format!(
            "{cut}; {missing} rides are missing and {} ships could be them",
            candidates.len()
        ));
    }
}

/// Marks the people who died in flight and the flights that lost their crew: a person whose date of death
/// (McDowell's `Died`, a local date) is the UTC day their last flight ended, or the day after. Such a
/// flight's outcome becomes crew lost: on launch for an aborted launch (STS-51-L), on return otherwise.
pub(super) fn mark_deaths_in_flight(people: &mut [Person], ships: &mut [Ship]) {
    for person in people.iter_mut() {
        let (Some(died), Some(&(last, _))) = (&person.died, person.missions.last()) else {
            continue;
        };
        let Some(end) = &ships[last].end else {
            continue;
        };
        let Ok(died_on) = chrono::NaiveDate::parse_from_str(died, "%Y-%m-%d") else {
            continue;
        };
        let ended = end.instant().date_naive();
        if died_on != ended && Some(died_on) != ended.succ_opt() {
            continue;
        }
        person.died_in_flight = Some(died.clone());
        let ship = &mut ships[last];
        ship.outcome = match ship.kind {
            Kind::Abort => Outcome::CrewLostOnLaunch,
            _ => Outcome::CrewLostOnReturn,
        };
    }
}

/// A person's name for people, id (unique in `pool`) and notes on both, from McDowell's `Name` and `UName`.
fn identity(
    pool: &mut IdPool,
    number: &str,
    raw_name: &str,
    uname: &str,
) -> (String, String, Vec<String>) {
    let (written, rank) = normalize_name(raw_name, uname);
    let (name, id_base, full_base) = person_name(&written);
    let known = KNOWN_IDS.iter().find(|k| k.0 == number);
    let id = if let Some(known) = known {
        pool.claim(known.1)
    } else if pool.try_claim(&id_base) {
        id_base
    } else if pool.try_claim(&full_base) {
        full_base
    } else {
        pool.claim(&format!("{full_base}-{}", slug(number)))
    };
    let mut notes: Vec<String> = rank.into_iter().collect();
    notes.extend(known.map(|k| k.2.to_string()));
    (name, id, notes)
}

/// People whose id is not the one the rules give, because a curated file names them so: (McDowell's
/// number, id, note with the source).
const KNOWN_IDS: [(&str, &str, &str); 1] = [(
    "AS-00539",
    "zhang-xiaoguang",
    "Id zhang-xiaoguang as in the curated registry: McDowell's table spells the name 'Zhang Xiaoguan'; 'Zhang Xiaoguang' (张晓光) in McDowell's TSV and Wikipedia (https://en.wikipedia.org/wiki/Shenzhou_10).",
)];

/// Suffixes that belong to a name (`Jr`, `III`); anything else after a second comma is a rank or title.
const NAME_SUFFIXES: [&str; 6] = ["Jr", "Jr.", "Sr", "II", "III", "IV"];

/// McDowell's `Name` as `Family, Given[, Suffix]`, and a note for what was left out of it:
/// - a rank after the given names (`Peake, Timothy Nigel, Maj. Br.Army`) is left out;
/// - a suffix written among the given names (`Conrad, Charles 'Pete' Jr`) is moved after them;
/// - a name without a comma whose native form (`UName`) is written `family, given` (`Petelin Dmitriy
///   Aleksandrovich`, `Петелин, Дмитрий Александрович`) gets the comma after its first word. Other names
///   without a comma (`Chen Dong`, `Wakata Koichi`) are kept in the order McDowell writes them.
pub(super) fn normalize_name(raw: &str, uname: &str) -> (String, Option<String>) {
    let parts: Vec<&str> = raw.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [whole] if uname.contains(',') => match whole.split_once(' ') {
            Some((family, given)) => (format!("{family}, {given}"), None),
            None => (whole.to_string(), None),
        },
        [family, given, rest @ ..] => {
            let mut given: Vec<&str> = given.split_whitespace().collect();
            let mut suffixes: Vec<&str> = Vec::new();
            if given.len() > 1 && given.last().is_some_and(|w| NAME_SUFFIXES.contains(w)) {
                suffixes.extend(given.pop());
            }
            let (kept, dropped): (Vec<&str>, Vec<&str>) =
                rest.iter().partition(|r| NAME_SUFFIXES.contains(r));
            suffixes.extend(kept);
            let mut text = format!("{family}, {}", given.join(" "));
            for suffix in suffixes {
                text.push_str(", ");
                text.push_str(suffix);
            }
            let note = (!dropped.is_empty()).then(|| {
                format!(
                    "McDowell's name field adds `{}` (a rank), left out of the name.",
                    dropped.join(", ")
                )
            });
            (text, note)
        }
        _ => (raw.to_string(), None),
    }
}

/// McDowell's `UName` in the order names are shown: `Комаров, Владимир Михайлович` → `Владимир Михайлович
/// Комаров`; a name without a comma (`陈冬`) as it is.
pub(super) fn native_name(uname: &str) -> String {
    let clean = uname.replace('*', "");
    match clean.split_once(',') {
        Some((family, given)) => format!("{} {}", given.trim(), family.trim()),
        None => clean,
    }
}

/// The name for people and two id bases: `Polyakov, Valeriy Vladimirovich` → `Valeriy Vladimirovich
/// Polyakov`, `valeriy-polyakov`, `valeriy-vladimirovich-polyakov`. A `*` marks the given name a person
/// goes by (`Scobee, Francis *Richard 'Dick'` → `richard-scobee`); names without a comma (`Chen Dong`)
/// are already in the order they are written.
pub(super) fn person_name(raw: &str) -> (String, String, String) {
    let clean = |s: &str| s.replace('*', "");
    let strip = |s: &str| {
        let mut out = String::new();
        let mut paren = 0;
        for ch in s.chars() {
            match ch {
                '(' => paren += 1,
                ')' => paren = (paren - 1).max(0),
                _ if paren == 0 => out.push(ch),
                _ => {}
            }
        }
        remove_nicknames(&out)
    };
    let parts: Vec<&str> = raw.split(',').map(str::trim).collect();
    match parts.as_slice() {
        [whole] => {
            let name = clean(whole);
            let base = slug(&strip(&name));
            (name, base.clone(), base)
        }
        [family, given, suffix @ ..] => {
            let mut name = format!("{} {}", clean(given), clean(family));
            for s in suffix {
                name.push(' ');
                name.push_str(s);
            }
            let given_plain = strip(given);
            let first = given
                .split_whitespace()
                .find_map(|w| w.strip_prefix('*'))
                .map(&strip)
                .unwrap_or_else(|| {
                    given_plain
                        .split_whitespace()
                        .next()
                        .unwrap_or_default()
                        .to_string()
                });
            let family_plain = strip(family);
            (
                name,
                slug(&format!("{first} {family_plain}")),
                slug(&format!("{} {family_plain}", given_plain.replace('*', ""))),
            )
        }
        [] => (String::new(), String::new(), String::new()),
    }
}

/// Drops 'quoted' nicknames: `Virgil Ivan 'Gus'` → `Virgil Ivan`.
pub(super) fn remove_nicknames(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.starts_with('\'') && w.ends_with('\'') && w.len() > 1))
        .collect::<Vec<_>>()
        .join(" ")
}

/// McDowell's citizenship code as ISO 3166-1 alpha-2, and a note when it is not one already.
pub(super) fn citizenship(code: &str) -> (Option<String>, Option<String>) {
    let trimmed = code.trim_matches(|c| c == '(' || c == ')');
    let (base, uncertain) = match trimmed.strip_suffix('?') {
        Some(b) => (b, true),
        None => (trimmed, false),
    };
    let iso = match base {
        "D" => "DE",
        "J" => "JP",
        "F" => "FR",
        "UK" => "GB",
        "I" => "IT",
        "E" => "ES",
        "B" => "BE",
        "S" => "SE",
        "N" => "NO",
        "UAE" => "AE",
        "PAR" => "PY",
        "CSSR" => "CS",
        other if other.len() == 2 && other.bytes().all(|b| b.is_ascii_uppercase()) => other,
        other => {
            return (
                None,
                Some(format!(
                    "citizenship `{other}` is not a code orbitline can turn into ISO 3166-1 alpha-2"
                )),
            )
        }
    };
    let mut notes = Vec::new();
    if iso != base {
        notes.push(format!("McDowell's citizenship code {base}"));
    }
    if matches!(iso, "CS" | "DD") {
        notes.push(format!(
            "{iso} is the withdrawn ISO code of a state that no longer exists"
        ));
    }
    if uncertain {
        notes.push(format!("McDowell marks the citizenship uncertain ({code})"));
    }
    (
        Some(iso.to_string()),
        (!notes.is_empty()).then(|| notes.join("; ")),
    )
}

/// `1934 Mar  9` → `1934-03-09`, `1986 Jun` → `1986-06`, `1959` → `1959`; a `?` is kept in a note.
pub(super) fn birth(text: &str) -> (Option<String>, Option<String>) {
    let uncertain = text.contains('?');
    let parts: Vec<&str> = text
        .split_whitespace()
        .map(|p| p.trim_end_matches('?'))
        .collect();
    let value = match parts.as_slice() {
        [y] if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => Some(y.to_string()),
        [y, m] => month_number(m).map(|m| format!("{y}-{m:02}")),
        [y, m, d] => month_number(m)
            .zip(d.parse::<u32>().ok())
            .map(|(m, d)| format!("{y}-{m:02}-{d:02}")),
        _ => None,
    };
    let note = if value.is_none() && !text.trim().is_empty() && text.trim() != "-" {
        Some(format!("born: `{}` in the table", text.trim()))
    } else if uncertain {
        Some(format!(
            "born {}: marked uncertain in the table",
            text.trim()
        ))
    } else {
        None
    };
    (value, note)
}

/// McDowell's role codes that have a plain name (`docs/data-sources.md` lists them); `None` for others.
pub(super) fn role(code: &str) -> Option<String> {
    let digitless = code.trim_end_matches(|c: char| c.is_ascii_digit());
    let word = match digitless {
        "" => return None,
        "CDR" | "KDR" | "ZZ" | "MCDR" => "commander",
        "PLT" => "pilot",
        "BI" => "flight engineer",
        "MS" => "mission specialist",
        "PS" => "payload specialist",
        "CMP" => "command module pilot",
        "LMP" => "lunar module pilot",
        "HFG" => "flight engineer",
        "ZHZJ" => "payload specialist",
        // A code with no agreed name is not shown as a role; the flight's notes keep it.
        _ => return None,
    };
    Some(word.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_given_name_first() {
        let (name, id, full) = person_name("Polyakov, Valeriy Vladimirovich");
        assert_eq!(name, "Valeriy Vladimirovich Polyakov");
        assert_eq!(id, "valeriy-polyakov");
        assert_eq!(full, "valeriy-vladimirovich-polyakov");
        assert_eq!(person_name("Chen Dong").1, "chen-dong");
        assert_eq!(
            person_name("Scobee, Francis *Richard 'Dick'").1,
            "richard-scobee"
        );
        assert_eq!(
            person_name("Grissom, Virgil Ivan 'Gus'").1,
            "virgil-grissom"
        );
        assert_eq!(
            person_name("Shepard, Alan Bartlett, Jr").0,
            "Alan Bartlett Shepard Jr"
        );
        assert_eq!(person_name("Fisher (Tingle), Anna Lee").1, "anna-fisher");
        assert_eq!(person_name("Al-Saud,Sultan ibn Salman").1, "sultan-al-saud");
    }

    #[test]
    fn ranks_suffixes_and_family_first_names() {
        let name = |raw: &str, uname: &str| person_name(&normalize_name(raw, uname).0).0;
        assert_eq!(
            name("Peake, Timothy Nigel, Maj. Br.Army", "Peake, Timothy Nigel"),
            "Timothy Nigel Peake"
        );
        assert!(normalize_name("Peake, Timothy Nigel, Maj. Br.Army", "")
            .1
            .unwrap()
            .contains("Maj. Br.Army"));
        assert_eq!(
            name("Conrad, Charles 'Pete' Jr", "Conrad, Charles 'Pete' Jr"),
            "Charles 'Pete' Conrad Jr"
        );
        assert_eq!(
            name("Shepard, Alan Bartlett, Jr", ""),
            "Alan Bartlett Shepard Jr"
        );
        let petelin = normalize_name(
            "Petelin Dmitriy Aleksandrovich",
            "Петелин, Дмитрий Александрович",
        );
        assert_eq!(person_name(&petelin.0).1, "dmitriy-petelin");
        assert_eq!(name("Chen Dong", "陈冬"), "Chen Dong");
        assert_eq!(
            native_name("Петелин, Дмитрий Александрович"),
            "Дмитрий Александрович Петелин"
        );
        assert_eq!(native_name("陈冬"), "陈冬");
    }

    #[test]
    fn role_codes_without_a_name_are_not_roles() {
        assert_eq!(role("KDR").as_deref(), Some("commander"));
        assert_eq!(role("MS2").as_deref(), Some("mission specialist"));
        assert_eq!(role("H2"), None);
    }

    #[test]
    fn citizenship_becomes_iso() {
        assert_eq!(citizenship("D").0.as_deref(), Some("DE"));
        assert_eq!(citizenship("(US)").0.as_deref(), Some("US"));
        assert_eq!(citizenship("US?").0.as_deref(), Some("US"));
        assert!(citizenship("US?").1.unwrap().contains("uncertain"));
        assert_eq!(citizenship("CN").1, None);
        assert!(citizenship("XYZW").0.is_none());
    }

    #[test]
    fn birth_dates_keep_their_precision() {
        assert_eq!(birth("1934 Mar  9").0.as_deref(), Some("1934-03-09"));
        assert_eq!(birth("1986 Jun").0.as_deref(), Some("1986-06"));
        assert_eq!(birth("1971?").0.as_deref(), Some("1971"));
        assert!(birth("1971?").1.is_some());
    }

    #[test]
    fn totals_are_seconds() {
        assert_eq!(
            parse_total("418:15:16:19"),
            Some((((418 * 24 + 15) * 60 + 16) * 60 + 19, false))
        );
        assert_eq!(parse_total("39:15:55:57*").map(|t| t.1), Some(true));
        assert_eq!(parse_total("217*"), None);
    }
}
