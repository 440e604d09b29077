//! Synthetic catalogs for benchmarks and scale tests (`cargo run --release --example synth`). Test and
//! bench tooling, not part of the library: built only with the `synth` feature, which the tests, benches
//! and examples turn on through the crate's dev-dependency on itself.
//!
//! [`generate`] makes a valid catalog in the real format: several stations and programmes, crewed
//! rotations that overlap (handovers), cargo flights, docking and undocking, EVAs, planned vs actual slips
//! with the schedule changes that caused them, a vehicle swap every few hundred crewed flights, and now
//! and then a damaged vehicle that sends its crew home on the next one and needs an uncrewed rescue
//! launch (the Shenzhou-20 story). Astronauts fly from one pool, up to five times each.
//!
//! The same seed gives the same bytes: the random numbers come from a small SplitMix64 generator of our
//! own, not from a crate whose algorithm could change between versions, and nothing reads the clock.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use serde_json::{json, Value};

/// SplitMix64: tiny, fast, and fixed forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const ZONES: [(&str, i32); 6] = [
    ("CN", 8 * 3600),
    ("RU", 3 * 3600),
    ("US", -5 * 3600),
    ("IN", 5 * 3600 + 1800),
    ("JP", 9 * 3600),
    ("FR", 3600),
];
const PROGRAMS: [&str; 6] = [
    "Shenzhou",
    "Soyuz",
    "Crew Dragon",
    "Gaganyaan",
    "HTV-X Crew",
    "Nyx",
];

/// One generated flight before it is written: what the later passes (swaps, damage) need to change.
struct Flight {
    id: String,
    station: usize,
    crewed: bool,
    seats: usize,
    launch: DateTime<Utc>,
    docking: DateTime<Utc>,
    undocking: DateTime<Utc>,
    landing: DateTime<Utc>,
    planned_landing: Option<DateTime<Utc>>,
    up: Vec<usize>,
    down: Vec<usize>,
    events: Vec<Value>,
    notes: Vec<String>,
}

/// A catalog of about `count` flights (a few rescue flights are added) from `seed`, as (relative path,
/// text) pairs: the three registries, then one file per flight in `station-NN/YEAR/`.
pub fn generate(count: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    let stations = (count / 2500).max(2);
    let per_station = count.div_ceil(stations);
    let start = Utc.with_ymd_and_hms(2030, 1, 1, 0, 0, 0).unwrap();
    let span_days = 160 * 365;
    let interval = Duration::seconds(span_days * 86_400 / per_station as i64);

    // Astronauts become free again a year after they land; a new one is hired when nobody is free.
    let mut free: BinaryHeap<Reverse<(DateTime<Utc>, usize)>> = BinaryHeap::new();
    let mut astronauts = 0usize;
    let mut hire =
        |at: DateTime<Utc>, free: &mut BinaryHeap<Reverse<(DateTime<Utc>, usize)>>| -> usize {
            match free.peek() {
                Some(Reverse((ready, _))) if *ready <= at => {
                    free.pop().map(|Reverse((_, a))| a).unwrap_or(0)
                }
                _ => {
                    astronauts += 1;
                    astronauts - 1
                }
            }
        };

    // In time order across stations (slot k at every station, then k + 1), so that the pool of
    // astronauts is drawn on in the order the flights happen.
    let mut flights: Vec<Flight> = Vec::with_capacity(count);
    let mut flown: Vec<u8> = Vec::new();
    for k in 0..per_station {
        for s in 0..stations {
            if flights.len() == count {
                break;
            }
            let seats = if s % 2 == 0 { 3 } else { 4 };
            let launch = start + interval * k as i32 + Duration::seconds(rng.range(0, 86_400 * 3));
            let crewed = k % 5 != 2 && k % 5 != 4;
            let length = Duration::seconds(rng.range(150 * 86_400, 200 * 86_400));
            let docking = launch + Duration::seconds(rng.range(3 * 3600, 8 * 3600));
            let landing = launch + length;
            let undocking = landing - Duration::seconds(rng.range(4 * 3600, 6 * 3600));
            let mut up = Vec::new();
            if crewed {
                for _ in 0..rng.range(1, seats as i64 + 1) {
                    up.push(hire(launch, &mut free));
                }
                // Free again a year after landing (long enough to cover a swap or a rescue that changes
                // when they come home), until they retire after five flights.
                for &a in &up {
                    if a >= flown.len() {
                        flown.resize(a + 1, 0);
                    }
                    flown[a] += 1;
                    if flown[a] < 5 {
                        free.push(Reverse((landing + Duration::days(365), a)));
                    }
                }
            }
            flights.push(Flight {
                id: format!("st{s:02}-f{k:06}"),
                station: s,
                crewed,
                seats: if crewed { seats } else { 0 },
                launch,
                docking,
                undocking,
                landing,
                planned_landing: None,
                down: up.clone(),
                up,
                events: Vec::new(),
                notes: Vec::new(),
            });
        }
    }
    // Later passes look for the next flight at the same station: group by station, in time order.
    flights.sort_by_key(|f| (f.station, f.launch));

    swap_and_damage(&mut flights, &mut rng);
    for f in flights.iter_mut().filter(|f| f.crewed) {
        add_evas(f, &mut rng);
        move_return(f, &mut rng);
    }

    catalog_files(&flights, stations, astronauts)
}

/// Vehicle swaps, and now and then a damaged vehicle with a rescue launch, between consecutive crewed
/// flights at a station whose stays overlap (`flights` sorted by station, then launch); the rescue
/// flights are added at the end.
fn swap_and_damage(flights: &mut Vec<Flight>, rng: &mut Rng) {
    let mut rescues = Vec::new();
    let mut crewed_seen = 0usize;
    for i in 0..flights.len() {
        if !flights[i].crewed {
            continue;
        }
        crewed_seen += 1;
        let Some(j) = (i + 1..flights.len())
            .take_while(|&j| flights[j].station == flights[i].station)
            .find(|&j| flights[j].crewed)
        else {
            continue;
        };
        let overlap = flights[j].docking + Duration::days(2) < flights[i].undocking
            && flights[i].down.len() <= flights[j].seats
            && flights[j].down.len() <= flights[i].seats;
        if !overlap {
            continue;
        }
        if crewed_seen % 500 == 250 {
            damage(flights, i, j, &mut rescues, rng);
        } else if crewed_seen % 300 == 150 {
            let (a, b) = (flights[i].down.clone(), flights[j].down.clone());
            flights[i].down = b;
            flights[j].down = a;
            let note = format!("Vehicle swap: its crew came home on {}.", flights[j].id);
            flights[i].notes.push(note);
        }
    }
    flights.extend(rescues);
}

/// Now and then (one crewed flight in ten) a return brought forward a few days, announced by a
/// schedule change two days before the planned date.
fn move_return(f: &mut Flight, rng: &mut Rng) {
    let early = Duration::days(rng.range(1, 10));
    // Only flights long enough that the announcement falls inside them (not a rescue's short swap).
    let room = f.landing - early - Duration::days(2) > f.docking;
    if f.planned_landing.is_none() && room && rng.chance(10) {
        f.planned_landing = Some(f.landing - early);
        let zone = offset(f.station);
        f.events.push(json!({
            "id": "return-moved",
            "kind": "schedule-change",
            "time": day(f.landing - early - Duration::days(2), zone),
            "target": format!("{}/landing", f.id),
            "from": day(f.landing - early, zone),
            "to": day(f.landing, zone),
            "title": "Return moved for weather at the landing site"
        }));
    }
}

/// Flight `i` is damaged while `j` is docked: `j` takes `i`'s crew home early, `j`'s crew wait for an
/// uncrewed rescue flight that brings them home when they were due, and `i` comes home empty.
fn damage(flights: &mut [Flight], i: usize, j: usize, rescues: &mut Vec<Flight>, rng: &mut Rng) {
    let zone = offset(flights[i].station);
    let strike = flights[j].docking + Duration::days(1);
    let planned = flights[i].landing;
    let home = strike + Duration::days(9);
    let (i_id, j_id) = (flights[i].id.clone(), flights[j].id.clone());
    let rescue_id = format!("{j_id}-rescue");
    let j_crew = std::mem::take(&mut flights[j].down);
    let j_due = flights[j].landing;

    let a = &mut flights[i];
    a.planned_landing = Some(planned);
    a.down = Vec::new();
    a.undocking = home + Duration::days(60);
    a.landing = a.undocking + Duration::hours(9);
    a.events.push(json!({
        "id": "damage", "kind": "anomaly", "time": day(strike, zone),
        "title": "Return capsule damaged, suspected debris impact",
        "effects": [{"vehicle": i_id, "status": "unfit-for-crew-return"}]
    }));
    a.events.push(json!({
        "id": "return-postponed", "kind": "schedule-change", "time": day(strike + Duration::days(1), zone),
        "target": format!("{i_id}/landing"), "from": day(planned, zone), "to": day(home, zone),
        "caused_by": [format!("{i_id}/damage")], "title": "Crew return postponed"
    }));
    a.notes.push(format!(
        "Damaged: its crew came home on {j_id}; it landed uncrewed."
    ));
    let i_crew = flights[i].up.clone();

    let b = &mut flights[j];
    b.down = i_crew;
    b.undocking = home - Duration::hours(5);
    b.landing = home;

    let launch = home + Duration::days(11) + Duration::seconds(rng.range(0, 86_400));
    rescues.push(Flight {
        id: rescue_id,
        station: flights[j].station,
        crewed: true,
        seats: flights[j].seats,
        launch,
        docking: launch + Duration::hours(4),
        undocking: j_due - Duration::hours(5),
        landing: j_due,
        planned_landing: None,
        up: Vec::new(),
        down: j_crew,
        events: vec![json!({
            "id": "emergency-launch", "kind": "milestone", "time": day(launch, zone),
            "caused_by": [format!("{i_id}/damage")],
            "title": format!("Launched uncrewed to bring the {j_id} crew home")
        })],
        notes: vec![format!(
            "Rescue flight for the {j_id} crew after {i_id} was damaged."
        )],
    });
}

fn add_evas(f: &mut Flight, rng: &mut Rng) {
    if f.up.len() < 2 {
        return;
    }
    let zone = offset(f.station);
    let home = f.undocking.min(f.landing);
    for n in 0..rng.range(0, 4) {
        let start = f.docking + Duration::days(rng.range(20, 140));
        let end = start + Duration::seconds(rng.range(5 * 3600, 9 * 3600));
        if end >= home {
            continue;
        }
        f.events.push(json!({
            "id": format!("eva-{}", n + 1),
            "kind": "eva",
            "time": minute(start, zone),
            "end": minute(end, zone),
            "crew": [astronaut_id(f.up[0]), astronaut_id(f.up[1])],
            "title": "Spacewalk"
        }));
    }
}

fn offset(station: usize) -> FixedOffset {
    FixedOffset::east_opt(ZONES[station % ZONES.len()].1).unwrap()
}

fn second(t: DateTime<Utc>, zone: FixedOffset) -> String {
    t.with_timezone(&zone)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

fn minute(t: DateTime<Utc>, zone: FixedOffset) -> String {
    t.with_timezone(&zone)
        .format("%Y-%m-%dT%H:%M%:z")
        .to_string()
}

fn day(t: DateTime<Utc>, zone: FixedOffset) -> String {
    t.with_timezone(&zone).format("%Y-%m-%d%:z").to_string()
}

fn astronaut_id(n: usize) -> String {
    format!("astronaut-{n:06}")
}

fn crew(list: &[usize]) -> Value {
    Value::Array(
        list.iter()
            .map(|&a| json!({"astronaut": astronaut_id(a)}))
            .collect(),
    )
}

fn catalog_files(flights: &[Flight], stations: usize, astronauts: usize) -> Vec<(String, String)> {
    let mut files = Vec::with_capacity(flights.len() + 3);
    let source = "https://example.org/orbitline/synthetic";
    let people: Vec<Value> = (0..astronauts)
        .map(|n| {
            json!({"id": astronaut_id(n), "name": format!("Astronaut {n}"),
                   "nation": ZONES[n % ZONES.len()].0})
        })
        .collect();
    files.push(text(
        "astronauts.json".into(),
        &json!({"astronauts": people, "sources": [source]}),
    ));
    files.push(text(
        "spacecraft.json".into(),
        &json!({"spacecraft": [
            {"id": "capsule-3", "name": "Capsule (3 seats)", "seats": 3, "rated_days": 210},
            {"id": "capsule-4", "name": "Capsule (4 seats)", "seats": 4, "rated_days": 210},
            {"id": "cargo", "name": "Cargo ship", "seats": 0, "rated_days": 365}
        ], "sources": [source]}),
    ));
    let station_list: Vec<Value> = (0..stations)
        .map(|s| json!({"id": format!("station-{s:02}"), "name": format!("Station {s:02}"), "nation": ZONES[s % ZONES.len()].0}))
        .collect();
    files.push(text(
        "stations.json".into(),
        &json!({"stations": station_list, "sources": [source]}),
    ));

    for f in flights {
        let zone = offset(f.station);
        let spacecraft = match (f.crewed, f.seats) {
            (false, _) => "cargo",
            (true, 3) => "capsule-3",
            _ => "capsule-4",
        };
        let mut landing = json!({"time": second(f.landing, zone), "crew": crew(&f.down)});
        if let Some(planned) = f.planned_landing {
            landing["planned"] = json!(day(planned, zone));
        }
        let mut flight = json!({
            "id": f.id,
            "name": format!("{} {}", PROGRAMS[f.station % PROGRAMS.len()], f.id),
            "program": PROGRAMS[f.station % PROGRAMS.len()],
            "spacecraft": spacecraft,
            "nation": ZONES[f.station % ZONES.len()].0,
            "station": format!("station-{:02}", f.station),
            "launch": {"time": second(f.launch, zone), "crew": crew(&f.up)},
            "docking": {"time": minute(f.docking, zone)},
            "undocking": {"time": minute(f.undocking, zone)},
            "landing": landing,
            // As if each flight had been checked against its sources a month after it landed.
            "checked": (f.landing + Duration::days(30)).format("%Y-%m-%d").to_string(),
            "sources": [source]
        });
        if !f.events.is_empty() {
            flight["events"] = Value::Array(f.events.clone());
        }
        if !f.notes.is_empty() {
            flight["notes"] = json!(f.notes.join(" "));
        }
        let path = format!(
            "station-{:02}/{}/{}.json",
            f.station,
            f.launch.format("%Y"),
            f.id
        );
        files.push(text(path, &flight));
    }
    files
}

fn text(path: String, value: &Value) -> (String, String) {
    let mut text = serde_json::to_string_pretty(value).expect("JSON values serialise");
    text.push('\n');
    (path, text)
}

/// Shapes of one file that made commands slow (issue 13, item 8), for [`hostile`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One flight with `n` milestone events (a valid catalog).
    ManyEvents,
    /// One flight whose launch crew lists the same astronaut `n` times (`n - 1` problems).
    DuplicateCrew,
    /// One flight with `n` events that each end before they begin (`n` problems in one file).
    ManyProblems,
}

/// A small generated catalog (see [`generate`]) whose first flight file is given `shape` with `n` items:
/// the catalog a benchmark or a scale test times, with the same bytes for the same arguments.
pub fn hostile(shape: Shape, n: usize) -> Vec<(String, String)> {
    let mut files = generate(20, 7);
    let Some(index) = files.iter().position(|(path, text)| {
        path.matches('/').count() >= 2 && text.contains("\"landing\"") && text.contains("\"crew\"")
    }) else {
        return files;
    };
    let mut flight: Value = serde_json::from_str(&files[index].1).unwrap_or(Value::Null);
    let launch = flight["launch"]["time"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let Ok(start) = DateTime::parse_from_rfc3339(&launch) else {
        return files;
    };
    let at = |minutes: i64| {
        (start + Duration::minutes(minutes))
            .format("%Y-%m-%dT%H:%M%:z")
            .to_string()
    };
    match shape {
        Shape::ManyEvents | Shape::ManyProblems => {
            let events: Vec<Value> = (0..n as i64)
                .map(|i| {
                    // Within the first hour of the flight, a second apart in a minute's precision: many
                    // share a time, as events of a busy day do.
                    let time = at(1 + i % 59);
                    let mut event = json!({
                        "id": format!("step-{i}"),
                        "kind": "milestone",
                        "time": time,
                    });
                    if shape == Shape::ManyProblems {
                        event["time"] = json!(at(2 + i % 58));
                        event["end"] = json!(at(1 + i % 58));
                    }
                    event
                })
                .collect();
            flight["events"] = Value::Array(events);
        }
        Shape::DuplicateCrew => {
            let first = flight["launch"]["crew"][0].clone();
            flight["launch"]["crew"] = Value::Array(vec![first; n]);
        }
    }
    files[index].1 = serde_json::to_string_pretty(&flight).unwrap_or_default() + "\n";
    files
}
