//! The station chart's words and sizes: title, legend entries, and where the crew panel, the lanes of
//! docked spacecraft and the gap labels go.

use chrono::{DateTime, Utc};

use super::{gap_label_lines, seats, StationData};
use crate::catalog::Catalog;
use crate::chart::axis::TimeScale;
use crate::chart::frame::{self, Entry, Swatch};
use crate::chart::scene::{MarkerKind, Scene};
use crate::chart::theme::{self, colour, size};
use crate::chart::{ChartError, ChartOptions};
use crate::model::EventKind;

/// Where the station chart's parts go, decided before drawing.
#[derive(Clone, Copy)]
pub(super) struct Panels {
    /// The most people aboard at once.
    pub most: u32,
    /// The label column's width.
    pub label_w: f64,
    /// The plot's left and right edges.
    pub plot_left: f64,
    pub right: f64,
    pub scale: TimeScale,
    /// The crew panel.
    pub panel_top: f64,
    pub panel_bottom: f64,
    /// The height of one person in the crew panel.
    pub per_person: f64,
    /// The height of a panel's caption.
    pub caption_h: f64,
    /// The room for gap labels above the crew panel.
    pub gap_label_h: f64,
    /// The lanes of docked spacecraft.
    pub lane_h: f64,
    pub lanes_top: f64,
    pub lanes_bottom: f64,
    /// Lane labels: their size, and every how many lanes one is named.
    pub label_size: f64,
    pub label_every: usize,
    /// The canvas height.
    pub height: u32,
}

/// The title and subtitles.
pub(super) fn heading(
    catalog: &Catalog,
    data: &StationData,
    now: DateTime<Utc>,
) -> (String, [String; 2]) {
    let title = format!(
        "{}: people aboard and docked spacecraft, {}",
        data.name,
        crate::chart::period(data.start, data.end)
    );
    let subtitles = [
        crate::chart::catalog_line(catalog, now),
        "Aboard from the docking of the flight up to the undocking of the flight down (launch or landing where \
         those are not recorded)"
            .to_string(),
    ];
    (title, subtitles)
}

/// The legend entries: what the chart holds.
pub(super) fn entries(data: &StationData, now_shown: bool) -> Vec<Entry> {
    let mut entries = vec![
        Entry::new(Swatch::Bar(colour::CREW), "crew aboard (one band per crew)"),
        Entry::new(Swatch::Thin(colour::VEHICLE), "spacecraft docked"),
    ];
    if data
        .lanes
        .iter()
        .any(|l| l.unfit_from.is_some_and(|u| u <= data.end))
    {
        entries.push(Entry::new(Swatch::Hatch, "unfit for crew return"));
    }
    let lane_kinds: Vec<MarkerKind> = [
        (EventKind::Anomaly, MarkerKind::Anomaly),
        (EventKind::ScheduleChange, MarkerKind::Schedule),
    ]
    .into_iter()
    .filter(|(k, _)| {
        data.lanes.iter().any(|l| {
            l.events
                .iter()
                .any(|(t, e)| e == k && *t >= data.start && *t <= data.end)
        })
    })
    .map(|(_, m)| m)
    .collect();
    entries.extend(lane_kinds.iter().map(|k| {
        Entry::new(
            Swatch::Marker(*k),
            if *k == MarkerKind::Anomaly {
                "anomaly"
            } else {
                "schedule change"
            },
        )
    }));
    if data.lanes.iter().any(|l| l.undocked.is_none()) {
        entries.push(Entry::new(Swatch::OpenEnd, "still docked"));
    }
    if !data.gaps.is_empty() {
        entries.push(Entry::new(
            Swatch::Gap,
            "fewer fit return seats than people aboard",
        ));
    }
    if now_shown {
        entries.push(Entry::new(Swatch::Now, "now"));
    }

    entries
}

/// The sizes of the chart of `data` with `most` people aboard at once, below `title`, `subtitles` and the
/// legend `entries`.
pub(super) fn panels(
    data: &StationData,
    options: &ChartOptions,
    most: u32,
    (title, subtitles, entries): (&str, &[String; 2], &[Entry]),
    (now, now_shown): (DateTime<Utc>, bool),
) -> Result<Panels, ChartError> {
    let width = options
        .size
        .map_or(crate::chart::gantt::DEFAULT_WIDTH, |s| s.width);
    let w = width as f64;
    // The left column: lane labels and the people axis.
    let label_size = size::LABEL;
    let label_w = data
        .lanes
        .iter()
        .map(|l| {
            theme::text_width(&l.name, label_size, true)
                + 6.0
                + theme::text_width(&seats(l.seats), label_size * 0.92, false)
        })
        .fold(
            theme::text_width("People aboard", size::NOTE, true),
            f64::max,
        )
        .min(w * 0.3);
    let plot_left = size::MARGIN + label_w + 14.0;
    let right = w - size::MARGIN;
    let scale = TimeScale {
        start: data.start,
        end: data.end,
        left: plot_left,
        right,
    };

    // Vertical plan.
    let mut probe = Scene::new(width, 1);
    let below_header = frame::header(&mut probe, title, subtitles);
    let legend_bottom = frame::legend(&mut probe, entries, below_header, false);
    let lane_h = 30.0;
    let panel_h = (most as f64 * 30.0).clamp(120.0, 240.0);
    let caption_h = size::NOTE * 2.0;
    let gap_lines = gap_label_lines(data, &scale, now);
    let gap_label_h = if data.gaps.is_empty() {
        0.0
    } else {
        gap_lines as f64 * size::NOTE * 2.6 + 4.0
    };
    let axis_h = size::TICK * 2.0 + size::TICK * 1.35 + 14.0;
    let panel_top = legend_bottom
        + 10.0
        + gap_label_h
        + if now_shown { frame::NOW_LABEL_H } else { 0.0 }
        + caption_h;
    let lanes_top = panel_top + panel_h + 18.0 + caption_h;
    let lanes_bottom = lanes_top + lane_h * data.lanes.len() as f64;
    let height = options
        .size
        .and_then(|s| s.height)
        .unwrap_or((lanes_bottom + axis_h + size::MARGIN).ceil() as u32);
    // With a fixed height, the lanes take up to half of what is left (shrinking when there are many)
    // and the crew panel the rest.
    let lanes_n = data.lanes.len().max(1) as f64;
    let (panel_h, lane_h, lanes_top, lanes_bottom) = match options.size.and_then(|s| s.height) {
        Some(h) => {
            let room = h as f64 - size::MARGIN - axis_h - 18.0 - caption_h - panel_top;
            crate::chart::check_room(options.size, room)?;
            let lane_h = (room * 0.5 / lanes_n).min(30.0);
            let panel_h = room - lane_h * data.lanes.len() as f64;
            let lanes_top = panel_top + panel_h + 18.0 + caption_h;
            (
                panel_h,
                lane_h,
                lanes_top,
                lanes_top + lane_h * data.lanes.len() as f64,
            )
        }
        None => (panel_h, lane_h, lanes_top, lanes_bottom),
    };
    let label_size = (lane_h * 0.6).clamp(size::LABEL_MIN, size::LABEL);
    let label_every = ((label_size * 1.3) / lane_h).ceil().max(1.0) as usize;

    let panel_bottom = panel_top + panel_h;
    Ok(Panels {
        most,
        label_w,
        plot_left,
        right,
        scale,
        panel_top,
        panel_bottom,
        per_person: panel_h / most as f64,
        caption_h,
        gap_label_h,
        lane_h,
        lanes_top,
        lanes_bottom,
        label_size,
        label_every,
        height,
    })
}
