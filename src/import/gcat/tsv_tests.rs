//! McDowell's missions table as he publishes it in TSV, in its 2022 and 2024 generations (real copies in
//! `tests/data/gcat/`): the columns are found by name, `Program` is read as the page's `Progra`, and the
//! 2022 table, which has no `MType`, gets each row's kind from its `HSFID`.

use super::ships::read_ships;
use super::table::parse;
use super::{Kind, MISSION_COLUMNS};

const TSV_2024: &str = include_str!("../../../tests/data/gcat/missions-2024-05-19.tsv");
const TSV_2022: &str = include_str!("../../../tests/data/gcat/missions-2022-06-03.tsv");

fn ships(name: &str, text: &str) -> Vec<super::Ship> {
    let table = parse(name, text, &MISSION_COLUMNS).unwrap();
    assert_eq!(table.layout, "tab-separated");
    let mut problems = Vec::new();
    let ships = read_ships(&table, &mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    ships
}

fn count(ships: &[super::Ship], kind: Kind) -> usize {
    ships.iter().filter(|s| s.kind == kind).count()
}

#[test]
fn the_2024_tsv_names_its_programme_column_program() {
    let table = parse("missions.tsv", TSV_2024, &MISSION_COLUMNS).unwrap();
    assert_eq!(table.updated.as_deref(), Some("2024 May 19 16:55:12"));
    assert!(table.column("Progra").is_some() && table.column("MType").is_some());
    let ships = ships("missions.tsv", TSV_2024);
    assert_eq!(ships.len(), 400);
    assert_eq!(
        (count(&ships, Kind::Bio), count(&ships, Kind::Abort)),
        (2, 15)
    );
    let vostok = ships.iter().find(|s| s.tag == "V1").unwrap();
    assert_eq!((vostok.operator_code.as_str(), vostok.crew), ("RU", 1));
    assert_eq!(vostok.launch.to_string(), "1961-04-12T06:07:00Z");
}

#[test]
fn the_2022_tsv_has_no_mission_type_and_its_kinds_come_from_the_row_ids() {
    let table = parse("missions.tsv", TSV_2022, &MISSION_COLUMNS).unwrap();
    assert_eq!(table.column("MType"), None);
    let old = ships("missions.tsv", TSV_2022);
    assert_eq!(old.len(), 376);
    let new = ships("missions.tsv", TSV_2024);
    // Every launch in both tables has the same kind, whether read from MType or from the HSFID.
    for ship in &old {
        let same = new.iter().find(|s| s.hsfid == ship.hsfid).unwrap();
        assert_eq!(ship.kind, same.kind, "{}", ship.hsfid);
    }
    assert_eq!((count(&old, Kind::Bio), count(&old, Kind::Abort)), (2, 15));
}

#[test]
fn a_header_without_a_needed_column_names_it() {
    let text = TSV_2024.replacen("\tCallsign", "\tCallsgn", 1);
    let problem = parse("missions.tsv", &text, &MISSION_COLUMNS).unwrap_err();
    assert_eq!(problem.message, "the header line lacks the column Callsign");
    assert_eq!(problem.line, Some(1));
}
