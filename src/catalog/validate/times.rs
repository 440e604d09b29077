//! The order of a flight's own times: launch, docking, undocking, landing.

use std::sync::Arc;

use super::Checker;
use crate::catalog::Located;
use crate::json_path;
use crate::model::{Flight, Time};

/// Launch, docking, undocking and landing in that order; a flight has a launch time or a planned one.
/// Returns false when the times are out of order.
pub(super) fn check_flight_times(c: &mut Checker, f: &Located<Arc<Flight>>) -> bool {
    let before = c.findings.len();
    let flight = &f.value;
    if flight.launch.time.is_none() && flight.launch.planned.is_none() {
        c.report(
            f.file,
            json_path!["launch"],
            format!(
                "flight {} has neither a launch time nor a planned one",
                flight.id
            ),
            "add `time` (or `planned` for a flight not yet flown)",
        );
    }
    if flight.landing.as_ref().is_some_and(|l| l.time.is_some()) && flight.launch.time.is_none() {
        c.report(
            f.file,
            json_path!["landing", "time"],
            format!("flight {} has landed but has no launch time", flight.id),
            "add the launch time",
        );
    }
    let moments: Vec<(&str, Option<&Time>)> = vec![
        ("launch", flight.launch.time.as_ref()),
        (
            "docking",
            flight.docking.as_ref().and_then(|d| d.time.as_ref()),
        ),
        (
            "undocking",
            flight.undocking.as_ref().and_then(|d| d.time.as_ref()),
        ),
        ("landing", flight.landing_time()),
    ];
    let known: Vec<(&str, &Time)> = moments
        .into_iter()
        .filter_map(|(name, time)| time.map(|t| (name, t)))
        .collect();
    for (i, (later_name, later)) in known.iter().enumerate() {
        if let Some((earlier_name, earlier)) =
            known[..i].iter().find(|(_, e)| later.surely_before(e))
        {
            c.report(
                f.file,
                json_path![*later_name, "time"],
                format!(
                    "{} of {} ({later}) is before its {earlier_name} ({earlier})",
                    later_name, flight.id
                ),
                "check the date and the offset: Beijing is +08:00, and a date near midnight differs between Beijing and UTC",
            );
        }
    }
    if flight.undocking.as_ref().is_some_and(|u| u.time.is_some())
        && flight.docking.as_ref().is_none_or(|d| d.time.is_none())
    {
        c.report(
            f.file,
            json_path!["undocking"],
            format!("{} undocks but never docked", flight.id),
            "add the docking (with its time), or remove the undocking",
        );
    }
    c.findings.len() == before
}
