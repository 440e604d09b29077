//! `orbitline why`: the chain of causes behind a moment, back to its roots.
//!
//! The causes come from the data, and the graph explains how they acted:
//! - a `caused_by` link names the cause; where the crews and vehicle swaps show how it acted, the steps in
//!   between are given (Shenzhou-22's launch was caused by the debris strike on Shenzhou-20 *because* the
//!   Shenzhou-21 crew had no fit return craft, *because* their spacecraft took the Shenzhou-20 crew home,
//!   *because* Shenzhou-20 was unfit for crew return);
//! - a landing that brought home a crew that went up on another flight (a vehicle swap) is explained by
//!   why that crew could not come home on their own vehicle: an anomaly that made it unfit for crew return
//!   (`effects`), or their vehicle having taken another crew home;
//! - a `schedule-change` whose `target` is the moment explains its timing.
//!
//! Nothing is invented: a moment without any of these has no recorded cause, and `why` says so.

use std::cell::RefCell;

use petgraph::graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::{MomentView, Subject};
use crate::catalog::links::{EventGraph, LinkKind, MomentKind};
use crate::catalog::Catalog;
use crate::model::{EventKind, Time, VehicleStatus};

/// The kinds of reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BecauseKind {
    /// `caused_by` in the data: `moment` caused it.
    CausedBy,
    /// A schedule change (`moment`) moved its planned time.
    ScheduleChange,
    /// The crew that went up on `flight` had no fit return craft from `since`: their vehicle took the
    /// crew of `took_home` home (a vehicle swap).
    NoFitReturnCraft,
    /// `flight` was unfit for crew return from `since`.
    UnfitForCrewReturn,
}

/// One reason, with the reasons behind it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Because {
    /// Which kind of reason.
    pub kind: BecauseKind,
    /// `caused-by` and `schedule-change`: the moment.
    pub moment: Option<MomentView>,
    /// `no-fit-return-craft`: the flight whose crew it is; `unfit-for-crew-return`: the vehicle.
    pub flight: Option<String>,
    /// Its name.
    pub flight_name: Option<String>,
    /// `no-fit-return-craft`: the flight whose crew the vehicle took home instead.
    pub took_home: Option<String>,
    /// Its name.
    pub took_home_name: Option<String>,
    /// `no-fit-return-craft`: when the vehicle left; `unfit-for-crew-return`: from when.
    #[serde(serialize_with = "crate::model::instant::instant_opt")]
    #[schemars(with = "Option<crate::model::instant::Instant>")]
    pub since: Option<Time>,
    /// The reasons behind this one.
    pub causes: Vec<Because>,
}

/// One moment and its reasons.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WhyMoment {
    /// The moment.
    pub moment: MomentView,
    /// Its reasons (empty: no recorded cause).
    pub causes: Vec<Because>,
}

/// The answer to `orbitline why`.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct WhyReport {
    /// What was asked about.
    pub subject: Subject,
    /// For a moment: it. For a flight: each of its moments that has a reason (or its launch if none has).
    /// For a stay: its down landing (its launch while in orbit).
    pub moments: Vec<WhyMoment>,
}

/// The reasons behind `subject`.
pub fn why(catalog: &Catalog, graph: &EventGraph, subject: Subject) -> WhyReport {
    let explainer = Explainer {
        catalog,
        graph,
        walking: RefCell::new(Vec::new()),
    };
    let nodes = match &subject {
        Subject::Stay { .. } => subject.single(graph).into_iter().collect(),
        _ => subject.nodes(graph),
    };
    let mut moments: Vec<WhyMoment> = nodes
        .iter()
        .map(|&node| WhyMoment {
            moment: MomentView::new(catalog, graph, node),
            causes: explainer.reasons(node, 0),
        })
        .collect();
    if matches!(subject, Subject::Flight { .. }) {
        let any = moments.iter().any(|m| !m.causes.is_empty());
        if any {
            moments.retain(|m| !m.causes.is_empty());
        } else {
            moments.truncate(1);
        }
    }
    WhyReport { subject, moments }
}

/// Chains longer than this are cut (the graph is acyclic; this only bounds pathological data).
const MAX_DEPTH: usize = 32;

struct Explainer<'a> {
    catalog: &'a Catalog,
    graph: &'a EventGraph,
    /// The up flights on the chain of vehicle swaps being walked: a station's crew rotation is a circle
    /// of flights (each took the previous crew home), and the walk takes each once.
    walking: RefCell<Vec<String>>,
}

impl Explainer<'_> {
    fn reason(&self, kind: BecauseKind) -> Because {
        Because {
            kind,
            moment: None,
            flight: None,
            flight_name: None,
            took_home: None,
            took_home_name: None,
            since: None,
            causes: Vec::new(),
        }
    }

    fn name(&self, flight: &str) -> String {
        self.catalog
            .flight(flight)
            .map_or(flight.to_string(), |f| f.name.clone())
    }

    /// Every reason behind `node`.
    fn reasons(&self, node: NodeIndex, depth: usize) -> Vec<Because> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let moment = self.graph.moment(node);
        let mut reasons = Vec::new();
        for (_, cause, link) in self.graph.neighbours(node, Direction::Incoming) {
            if link.kind == LinkKind::CausedBy {
                reasons.push(self.explain(node, cause, depth));
            }
        }
        if moment.kind == MomentKind::Landing {
            for up in self.crews_brought_home(moment.flight_id()) {
                reasons.extend(self.no_return(&up, None, depth + 1));
            }
        }
        let reference = &moment.reference;
        for flight in self.catalog.flights() {
            for event in &flight.events {
                if event.kind == EventKind::ScheduleChange
                    && event.target.as_ref() == Some(reference)
                {
                    if let Some(change) = self.graph.node(&format!("{}/{}", flight.id, event.id)) {
                        let mut because = self.reason(BecauseKind::ScheduleChange);
                        because.moment = Some(MomentView::new(self.catalog, self.graph, change));
                        because.causes = self.reasons(change, depth + 1);
                        reasons.push(because);
                    }
                }
            }
        }
        reasons
    }

    /// `node` was caused by `cause`: the steps between them where the crews show them, then the cause.
    fn explain(&self, node: NodeIndex, cause: NodeIndex, depth: usize) -> Because {
        let mut leaf = self.reason(BecauseKind::CausedBy);
        leaf.moment = Some(MomentView::new(self.catalog, self.graph, cause));
        leaf.causes = self.reasons(cause, depth + 1);
        let flight = self.graph.moment(node).flight_id().to_string();
        if self.made_unfit(cause).contains(&flight) {
            let mut unfit = self.unfit(&flight, cause);
            unfit.causes = vec![leaf];
            return unfit;
        }
        for up in self.crews_brought_home(&flight) {
            if let Some(mut chain) = self
                .no_return(&up, Some(cause), depth + 1)
                .into_iter()
                .next()
            {
                attach(&mut chain, leaf.clone());
                return chain;
            }
        }
        leaf
    }

    /// Why the crew that went up on `up` could not come home on it. With `only`, just the chain that ends
    /// at that anomaly, without the anomaly itself (the caller attaches it).
    fn no_return(&self, up: &str, only: Option<NodeIndex>, depth: usize) -> Vec<Because> {
        if depth > MAX_DEPTH {
            return Vec::new();
        }
        let mut reasons = Vec::new();
        for anomaly in self.anomalies_making_unfit(up) {
            match only {
                Some(target) if target != anomaly => continue,
                Some(_) => reasons.push(self.unfit(up, anomaly)),
                None => {
                    let mut unfit = self.unfit(up, anomaly);
                    let mut leaf = self.reason(BecauseKind::CausedBy);
                    leaf.moment = Some(MomentView::new(self.catalog, self.graph, anomaly));
                    leaf.causes = self.reasons(anomaly, depth + 1);
                    unfit.causes = vec![leaf];
                    reasons.push(unfit);
                }
            }
        }
        // Their vehicle taking another crew home explains their return on another only if it left before
        // they came home; and a flight already on the chain is not walked again.
        let since = self.departure(up);
        let home = self.crew_home(up);
        let before = match (&since, &home) {
            (Some(left), Some(home)) => !home.surely_before(left),
            _ => true,
        };
        if !before || self.walking.borrow().iter().any(|f| f == up) {
            return reasons;
        }
        self.walking.borrow_mut().push(up.to_string());
        for other in self.crews_brought_home(up) {
            let behind = self.no_return(&other, only, depth + 1);
            if only.is_some() && behind.is_empty() {
                continue;
            }
            let mut step = self.reason(BecauseKind::NoFitReturnCraft);
            step.flight = Some(up.to_string());
            step.flight_name = Some(self.name(up));
            step.took_home_name = Some(self.name(&other));
            step.took_home = Some(other);
            step.since = since.clone();
            step.causes = behind;
            reasons.push(step);
        }
        self.walking.borrow_mut().pop();
        reasons
    }

    /// When the crew that went up on `up` and came down on another flight came home (the first such
    /// landing).
    fn crew_home(&self, up: &str) -> Option<Time> {
        self.catalog
            .stays()
            .iter()
            .filter(|s| s.up == up && s.down.as_deref().is_some_and(|d| d != up))
            .filter_map(|s| s.end.clone())
            .min_by_key(Time::instant)
    }

    fn unfit(&self, flight: &str, anomaly: NodeIndex) -> Because {
        let mut unfit = self.reason(BecauseKind::UnfitForCrewReturn);
        unfit.flight = Some(flight.to_string());
        unfit.flight_name = Some(self.name(flight));
        unfit.since = self.graph.moment(anomaly).time.clone();
        unfit
    }

    /// The flights whose launch crews came home on `flight` (vehicle swaps), in stay order.
    fn crews_brought_home(&self, flight: &str) -> Vec<String> {
        let mut ups: Vec<String> = Vec::new();
        for stay in self.catalog.stays() {
            if stay.down.as_deref() == Some(flight) && stay.up != flight && !ups.contains(&stay.up)
            {
                ups.push(stay.up.clone());
            }
        }
        ups
    }

    /// The vehicles an anomaly made unfit for crew return.
    fn made_unfit(&self, node: NodeIndex) -> Vec<String> {
        let moment = self.graph.moment(node);
        self.catalog
            .flight(moment.flight_id())
            .and_then(|f| f.events.iter().find(|e| e.id == moment.id()))
            .map(|e| {
                e.effects
                    .iter()
                    .filter(|x| x.status == VehicleStatus::UnfitForCrewReturn)
                    .map(|x| x.vehicle.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The anomalies that made `flight` unfit for crew return.
    fn anomalies_making_unfit(&self, flight: &str) -> Vec<NodeIndex> {
        self.catalog
            .flights()
            .iter()
            .flat_map(|f| f.events.iter().map(move |e| (f, e)))
            .filter(|(_, e)| {
                e.effects
                    .iter()
                    .any(|x| x.vehicle == flight && x.status == VehicleStatus::UnfitForCrewReturn)
            })
            .filter_map(|(f, e)| self.graph.node(&format!("{}/{}", f.id, e.id)))
            .collect()
    }

    /// When `flight` left the station (its undocking, else its landing).
    fn departure(&self, flight: &str) -> Option<Time> {
        let f = self.catalog.flight(flight)?;
        f.undocking
            .as_ref()
            .and_then(|u| u.time.clone())
            .or_else(|| f.landing_time().cloned())
    }
}

/// Puts `leaf` at the end of the first chain of `because`.
fn attach(because: &mut Because, leaf: Because) {
    match because.causes.first_mut() {
        Some(next) => attach(next, leaf),
        None => because.causes.push(leaf),
    }
}
