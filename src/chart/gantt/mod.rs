//! The mission Gantt: one row per crew stay (or flight, or astronaut) against time.
//!
//! In the default stay mode, people who went up together and came down together at the same times share
//! a row ("Shenzhou-20 · Chen Dong, Chen Zhongrui, Wang Jie"); a flight whose spacecraft did not simply
//! carry its crew up and back (launched or landed empty, or brought another crew home) also gets a thin
//! row of its own, so a vehicle swap can be drawn as a connector from the crew's row to the row of the
//! spacecraft that brought them down. Bars are solid from launch to landing; the planned return is a
//! tinted, outlined ghost bar behind; flights still in orbit fade into an arrowhead at `now`, never a
//! landing. Notes beside the bars give the duration and the slip; record badges come from the caller.
//!
//! Rows shrink to fit (down to a few pixels for thousands of rows), and then labels thin out to every
//! n-th row, notes and markers are left out, so that nothing overlaps.

mod draw;
mod geometry;
mod legend;
mod markers;
mod notes;

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::axis;
use super::frame::{self, Entry};
use super::scene::{Anchor, MarkerKind, Role, Scene};
use super::theme::{self, colour, size};
use super::{Badge, ChartError, ChartOptions};
use crate::catalog::Catalog;
use crate::timeline::rows::{apply_badges, plan, Bar, Row, RowKey, RowPlan};
use draw::Canvas;
use geometry::{geometry, Geometry};
use legend::LeftOut;
use markers::{marker_kinds_present, place_markers};

/// A marker placed: its row, its x, its kind.
type Placed = (usize, f64, MarkerKind);

/// The default canvas width.
pub(crate) const DEFAULT_WIDTH: u32 = 1600;

/// The most rows drawn at full height on a canvas whose height fits the rows (see `geometry`). A
/// history with more, charted without `--from` or `--to`, opens on its last [`RECENT_DAYS`] so that the
/// current story is legible; `--from` and `--to` chart any range, the whole history included.
pub(crate) const READABLE_ROWS: usize = 34;

/// How far back a chart of a long history goes by default: two years.
const RECENT_DAYS: i64 = 730;

/// Lays the Gantt out; returns the scene and the number of rows.
pub(crate) fn layout(
    catalog: &Catalog,
    options: &ChartOptions,
    now: DateTime<Utc>,
    badges: &[Badge],
) -> Result<(Scene, usize), ChartError> {
    super::check_station(catalog, &options.scope)?;
    theme::register_fonts().map_err(ChartError::Render)?;
    let RowPlan {
        mut rows,
        connectors,
    } = plan(catalog, options.rows, &|f| options.scope.admits(f), now);
    apply_badges(&mut rows, badges);

    // The time range: as asked, or everything shown with a little air.
    let end_of = |b: &Bar| b.end.unwrap_or(now).max(b.start);
    let (first, last) = span(&rows, now);
    let (Some(first), Some(last)) = (first, last) else {
        return Err(ChartError::Nothing(nothing(catalog, options)));
    };
    let (mut start, mut end) = super::axis_range(options, first, last);
    // Without --from/--to, a history too long to read at full row height opens on its last two years.
    let all_rows = rows.len();
    let recent = options.from.is_none() && options.to.is_none() && all_rows > READABLE_ROWS;
    if recent {
        let window = chrono::Duration::days(RECENT_DAYS);
        start = start.max(last - window);
        end = last + window / 100;
    }
    rows.retain(|r| r.bars.iter().any(|b| b.start <= end && end_of(b) >= start));
    markers::name_anomalies(catalog, &mut rows, (start, end));
    if rows.is_empty() {
        return Err(ChartError::Nothing(nothing(catalog, options)));
    }
    let row_of: HashMap<RowKey, usize> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.clone(), i))
        .collect();

    let n = rows.len();
    let now_shown = now >= start && now <= end;
    let mut heading = legend::heading(
        catalog,
        options,
        (&rows, &connectors),
        (first, last),
        (start, end),
        now,
    );
    if recent {
        heading.subtitles[1].push_str(&format!(
            " · the last two years ({all_rows} rows since {}: add --from {} for all)",
            first.format("%Y"),
            first.format("%Y-%m-%d")
        ));
    }
    // Laid out until what it says is left out is what was left out: the note about it takes room,
    // which can leave out more on a canvas of fixed height (twice at most in practice).
    let mut said = LeftOut::default();
    let drawn = Drawn {
        rows: &rows,
        connectors: &connectors,
        row_of: &row_of,
        now,
        now_shown,
        range: (start, end),
    };
    for _ in 0..4 {
        let (scene, left_out) = drawn.draw(options, &heading, &said)?;
        if left_out == said {
            return Ok((scene, n));
        }
        said = left_out;
    }
    Ok((drawn.draw(options, &heading, &said)?.0, n))
}

/// What a Gantt draws from, once its rows and range are decided.
struct Drawn<'a> {
    rows: &'a [Row],
    connectors: &'a [crate::timeline::rows::Connector],
    row_of: &'a HashMap<RowKey, usize>,
    now: DateTime<Utc>,
    now_shown: bool,
    range: (DateTime<Utc>, DateTime<Utc>),
}

impl Drawn<'_> {
    /// The scene below `heading`, whose legend shows a record badge unless `said` leaves out every one
    /// and whose last line says what `said` leaves out; and what this drawing left out.
    fn draw(
        &self,
        options: &ChartOptions,
        heading: &legend::Heading,
        said: &LeftOut,
    ) -> Result<(Scene, LeftOut), ChartError> {
        let badges = self.rows.iter().map(LeftOut::badges_of).sum::<usize>();
        let (geo, mut placed, legend_entries) = fit(
            self.rows,
            options,
            self.range,
            self.now,
            heading,
            said.badges < badges,
        )?;
        let width = options.size.map_or(DEFAULT_WIDTH, |s| s.width);
        let mut scene = Scene::new(width, geo.height);
        scene.axis = Some(geo.scale);
        let y = frame::header(&mut scene, &heading.title, &heading.subtitles);
        frame::legend(&mut scene, &legend_entries, y, true);
        let canvas = Canvas {
            rows: self.rows,
            connectors: self.connectors,
            row_of: self.row_of,
            geo: &geo,
            now: self.now,
            now_shown: self.now_shown,
            right_edge: width as f64 - size::MARGIN,
        };
        let ticks = axis::ticks(&geo.scale);
        canvas.bands_and_grid(&mut scene, &ticks);
        canvas.labels(&mut scene);
        canvas.bars(&mut scene);
        canvas.crew_lines(&mut scene);
        canvas.connectors(&mut scene);
        canvas.markers(&mut scene, &mut placed);
        let badges_left_out = canvas.notes(&mut scene, &placed);
        canvas.axis_and_now(&mut scene, &ticks);
        let words = said.words();
        if !words.is_empty() {
            // In the bottom margin, below the axis: it takes no room from the rows.
            let text_size = size::NOTE * 0.95;
            scene.text(
                Role::Frame,
                (size::MARGIN, geo.height as f64 - 9.0),
                theme::fit(&words, text_size, false, width as f64 - 2.0 * size::MARGIN),
                text_size,
                false,
                colour::ANOMALY_TEXT,
                Anchor::Start,
            );
        }
        let left_out = LeftOut::of(self.rows, &geo, self.range, badges_left_out);
        Ok((scene, left_out))
    }
}

/// From the first launch to the last landing (or `now`) of the bars on `rows`.
fn span(rows: &[Row], now: DateTime<Utc>) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let end_of = |b: &Bar| b.end.unwrap_or(now).max(b.start);
    rows.iter().flat_map(|r| r.bars.iter()).fold(
        (None, None),
        |(lo, hi): (Option<DateTime<Utc>>, Option<DateTime<Utc>>), b| {
            (
                Some(lo.map_or(b.start, |l| l.min(b.start))),
                Some(hi.map_or(end_of(b), |h| h.max(end_of(b)))),
            )
        },
    )
}

/// Sizes the Gantt below `heading`: the geometry, the markers placed, the legend entries. Sizes are
/// decided with every marker kind the rows hold in the legend; the legend drawn lists those actually
/// placed (rows too thin carry none), so it is never taller than planned. Marker positions depend only on
/// the time scale, which the legend does not change.
fn fit(
    rows: &[Row],
    options: &ChartOptions,
    (start, end): (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
    heading: &legend::Heading,
    badges_shown: bool,
) -> Result<(Geometry, Vec<Placed>, Vec<Entry>), ChartError> {
    let now_shown = now >= start && now <= end;
    let extras =
        |kinds: &[MarkerKind]| legend::entries(&heading.base, kinds, badges_shown, now_shown);
    let width = options.size.map_or(DEFAULT_WIDTH, |s| s.width);
    let mut probe = Scene::new(width, 1);
    let below_header = frame::header(&mut probe, &heading.title, &heading.subtitles);
    let legend_bottom = frame::legend(
        &mut probe,
        &extras(&marker_kinds_present(rows, start, end)),
        below_header,
        false,
    );
    let mut geo = geometry(rows, options, (start, end), now, legend_bottom, now_shown)?;
    let placed = place_markers(rows, &geo, now);
    let kinds: Vec<MarkerKind> = [
        MarkerKind::Eva,
        MarkerKind::Anomaly,
        MarkerKind::Schedule,
        MarkerKind::Docking,
    ]
    .into_iter()
    .filter(|k| placed.iter().any(|p| p.2 == *k))
    .collect();
    let legend_entries = extras(&kinds);
    if options.size.and_then(|s| s.height).is_none() {
        // Rows do not depend on the legend here: fit the canvas to the legend drawn.
        let legend_bottom = frame::legend(&mut probe, &legend_entries, below_header, false);
        geo = geometry(rows, options, (start, end), now, legend_bottom, now_shown)?;
    }
    Ok((geo, placed, legend_entries))
}

fn nothing(catalog: &Catalog, options: &ChartOptions) -> String {
    let scope = super::scope_words(catalog, &options.scope);
    let range = match (&options.from, &options.to) {
        (None, None) => String::new(),
        (from, to) => format!(
            " between {} and {}",
            from.as_ref().map_or("the start".into(), |t| t.to_string()),
            to.as_ref().map_or("now".into(), |t| t.to_string())
        ),
    };
    if scope.is_empty() {
        format!("no crewed flight in the catalog{range}")
    } else {
        format!("no flight matches {scope}{range}")
    }
}
