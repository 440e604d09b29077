//! A chart as a list of shapes in pixels, and its drawing with plotters onto SVG or PNG.
//!
//! The renderers (`gantt`, `station`) lay a chart out into a [`Scene`]: rectangles, lines, polygons and
//! text, each tagged with what it shows ([`Role`]). Layout decides everything (positions, sizes, cut
//! labels), so the SVG and the PNG of a chart show the same thing, and tests can check the layout (a bar
//! per stay, where each bar is) without parsing images. [`Scene::svg`] and [`Scene::png`] only draw.
//! Drawing is deterministic: no clock, no random ids, integer pixel coordinates.

use ab_glyph::{point, Font, ScaleFont};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::theme::{self, colour, Paint, FONT_FAMILY};

/// What a shape shows, for tests and for the order of drawing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Role {
    /// Background, banding, grid, axes, titles, legend: the frame.
    Frame,
    /// A row label; the row index.
    RowLabel(usize),
    /// An actual interval (a stay, a flight, a docked spacecraft); the row index.
    Bar(usize),
    /// A planned interval drawn behind the actual one; the row index.
    Ghost(usize),
    /// The fading open end of something still in orbit; the row index.
    OpenEnd(usize),
    /// A spacecraft's time unfit for crew return; the row index.
    Unfit(usize),
    /// A note beside a bar; the row index.
    Note(usize),
    /// An event marker of this kind; the row index.
    Marker(MarkerKind, usize),
    /// A vehicle-swap connector from one row to another.
    Connector {
        /// The row of the stay.
        from: usize,
        /// The row of the flight that brought the crew down.
        to: usize,
    },
    /// A record badge; the row index.
    Badge(usize),
    /// A return-coverage gap's shading and label; its index in the input.
    Gap(usize),
    /// People aboard, as a step area.
    Occupancy,
    /// The line at `now` and its label.
    Now,
    /// A swatch or text of the legend.
    Legend,
}

/// The event kinds a chart marks: a spacewalk (orange triangle), an anomaly (vermillion diamond), a
/// docking (ink tick), a schedule change (purple square).
pub(crate) use crate::timeline::rows::MarkerKind;

/// Where text hangs from its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The point is the start of the text.
    Start,
    /// The point is the middle.
    Middle,
    /// The point is the end.
    End,
}

/// A drawable shape, in pixels.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Shape {
    /// A rectangle, filled or outlined or both.
    Rect {
        /// Left.
        x0: f64,
        /// Top.
        y0: f64,
        /// Right.
        x1: f64,
        /// Bottom.
        y1: f64,
        /// The fill.
        fill: Option<Paint>,
        /// The outline (1 px).
        stroke: Option<Paint>,
    },
    /// A polyline, solid or dashed.
    Line {
        /// The points.
        points: Vec<(f64, f64)>,
        /// Its colour.
        paint: Paint,
        /// Its width.
        width: f64,
    },
    /// A filled polygon.
    Polygon {
        /// The corners.
        points: Vec<(f64, f64)>,
        /// The fill.
        fill: Paint,
    },
    /// One line of text.
    Text {
        /// Horizontal position of the anchor.
        x: f64,
        /// The baseline.
        baseline: f64,
        /// The text.
        text: String,
        /// Size in pixels (the em).
        size: f64,
        /// Bold.
        bold: bool,
        /// Colour.
        paint: Paint,
        /// Where `x` is.
        anchor: Anchor,
    },
}

#[cfg(test)]
impl Shape {
    /// The box the shape covers: (left, top, right, bottom).
    pub fn bounds(&self) -> (f64, f64, f64, f64) {
        match self {
            Shape::Rect { x0, y0, x1, y1, .. } => {
                (x0.min(*x1), y0.min(*y1), x0.max(*x1), y0.max(*y1))
            }
            Shape::Line { points, width, .. } => {
                let (l, t, r, b) = hull(points);
                (
                    l - width / 2.0,
                    t - width / 2.0,
                    r + width / 2.0,
                    b + width / 2.0,
                )
            }
            Shape::Polygon { points, .. } => hull(points),
            Shape::Text {
                x,
                baseline,
                text,
                size,
                bold,
                anchor,
                ..
            } => {
                let w = theme::text_width(text, *size, *bold);
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - w / 2.0,
                    Anchor::End => x - w,
                };
                (
                    left,
                    baseline - size * 0.93,
                    left + w,
                    baseline + size * 0.24,
                )
            }
        }
    }
}

#[cfg(test)]
fn hull(points: &[(f64, f64)]) -> (f64, f64, f64, f64) {
    points.iter().fold(
        (f64::MAX, f64::MAX, f64::MIN, f64::MIN),
        |(l, t, r, b), &(x, y)| (l.min(x), t.min(y), r.max(x), b.max(y)),
    )
}

/// A shape and what it shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// What it shows.
    pub role: Role,
    /// How it is drawn.
    pub shape: Shape,
}

/// A laid-out chart.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scene {
    /// Canvas width in pixels.
    pub width: u32,
    /// Canvas height in pixels.
    pub height: u32,
    /// The shapes, in drawing order.
    pub items: Vec<Item>,
    /// The time axis the layout used.
    pub axis: Option<super::axis::TimeScale>,
}

/// Which backend text is drawn for: the two place a text's baseline differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Backend {
    Svg,
    Bitmap,
}

impl Scene {
    /// A blank canvas.
    pub fn new(width: u32, height: u32) -> Scene {
        Scene {
            width,
            height,
            items: Vec::new(),
            axis: None,
        }
    }

    /// Adds a shape.
    pub fn push(&mut self, role: Role, shape: Shape) {
        self.items.push(Item { role, shape });
    }

    /// Adds a filled rectangle.
    pub fn rect(&mut self, role: Role, (x0, y0, x1, y1): (f64, f64, f64, f64), fill: Paint) {
        self.push(
            role,
            Shape::Rect {
                x0,
                y0,
                x1,
                y1,
                fill: Some(fill),
                stroke: None,
            },
        );
    }

    /// Adds a line.
    pub fn line(&mut self, role: Role, points: Vec<(f64, f64)>, paint: Paint, width: f64) {
        self.push(
            role,
            Shape::Line {
                points,
                paint,
                width,
            },
        );
    }

    /// Adds a line of text.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        role: Role,
        (x, baseline): (f64, f64),
        text: impl Into<String>,
        size: f64,
        bold: bool,
        paint: Paint,
        anchor: Anchor,
    ) {
        // XML 1.0 forbids most control characters, whatever the escaping: show them as escapes.
        let text = crate::output::escape::owned(text.into(), crate::output::escape::line);
        if text.is_empty() {
            return;
        }
        self.push(
            role,
            Shape::Text {
                x,
                baseline,
                text,
                size,
                bold,
                paint,
                anchor,
            },
        );
    }

    /// The items that show `role`.
    #[cfg(test)]
    pub fn with_role(&self, role: &Role) -> Vec<&Item> {
        self.items.iter().filter(|i| &i.role == role).collect()
    }

    /// The chart as an SVG document.
    pub fn svg(&self) -> Result<String, String> {
        theme::register_fonts()?;
        let mut out = String::new();
        {
            let area =
                SVGBackend::with_string(&mut out, (self.width, self.height)).into_drawing_area();
            self.draw(&area, Backend::Svg)?;
            area.present().map_err(|e| e.to_string())?;
        }
        Ok(out)
    }

    /// The chart as a PNG file (8-bit RGB).
    pub fn png(&self) -> Result<Vec<u8>, String> {
        theme::register_fonts()?;
        let (w, h) = (self.width as usize, self.height as usize);
        let mut pixels = vec![255u8; w * h * 3];
        {
            let area = BitMapBackend::with_buffer(&mut pixels, (self.width, self.height))
                .into_drawing_area();
            self.draw(&area, Backend::Bitmap)?;
            area.present().map_err(|e| e.to_string())?;
        }
        let mut bytes = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut bytes, self.width, self.height);
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_compression(png::Compression::Fast);
            let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
            writer
                .write_image_data(&pixels)
                .map_err(|e| e.to_string())?;
            writer.finish().map_err(|e| e.to_string())?;
        }
        Ok(bytes)
    }

    fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        backend: Backend,
    ) -> Result<(), String> {
        let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
        area.fill(&rgba(colour::PAPER)).map_err(err)?;
        for item in &self.items {
            match &item.shape {
                Shape::Rect {
                    x0,
                    y0,
                    x1,
                    y1,
                    fill,
                    stroke,
                } => {
                    let (l, t) = (px(*x0), px(*y0));
                    let (r, b) = (px(*x1).max(l + 1), px(*y1).max(t + 1));
                    if let Some(fill) = fill {
                        area.draw(&Rectangle::new([(l, t), (r, b)], rgba(*fill).filled()))
                            .map_err(err)?;
                    }
                    if let Some(stroke) = stroke {
                        area.draw(&Rectangle::new([(l, t), (r, b)], rgba(*stroke)))
                            .map_err(err)?;
                    }
                }
                Shape::Line {
                    points,
                    paint,
                    width,
                } => {
                    let style = rgba(*paint).stroke_width(width.round().max(1.0) as u32);
                    let points: Vec<(i32, i32)> =
                        points.iter().map(|&(x, y)| (px(x), px(y))).collect();
                    area.draw(&PathElement::new(points, style)).map_err(err)?;
                }
                Shape::Polygon { points, fill } => {
                    let points: Vec<(i32, i32)> =
                        points.iter().map(|&(x, y)| (px(x), px(y))).collect();
                    area.draw(&Polygon::new(points, rgba(*fill).filled()))
                        .map_err(err)?;
                }
                Shape::Text {
                    x,
                    baseline,
                    text,
                    size,
                    bold,
                    paint,
                    anchor,
                } => {
                    if backend == Backend::Bitmap {
                        glyphs(area, (*x, *baseline), text, (*size, *bold), *paint, *anchor)
                            .map_err(err)?;
                        continue;
                    }
                    // plotters puts the baseline 0.76 em below the point it is given.
                    let h = match anchor {
                        Anchor::Start => HPos::Left,
                        Anchor::Middle => HPos::Center,
                        Anchor::End => HPos::Right,
                    };
                    let style = FontDesc::new(
                        FontFamily::Name(FONT_FAMILY),
                        size * 1.24,
                        if *bold {
                            FontStyle::Bold
                        } else {
                            FontStyle::Normal
                        },
                    )
                    .color(&rgba(*paint))
                    .pos(Pos::new(h, VPos::Top));
                    area.draw(&Text::new(
                        text.as_str(),
                        (px(*x), px(baseline - 0.76 * size)),
                        style,
                    ))
                    .map_err(err)?;
                }
            }
        }
        Ok(())
    }
}

/// Draws `text` into a bitmap with its glyphs at their exact, kerned positions on `baseline`, blending
/// each pixel by its coverage.
fn glyphs<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, baseline): (f64, f64),
    text: &str,
    (size, bold): (f64, bool),
    paint: Paint,
    anchor: Anchor,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let width = theme::text_width(text, size, bold);
    let left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - width / 2.0,
        Anchor::End => x - width,
    };
    let font = theme::font(bold).as_scaled(theme::scale(size));
    let (w, h) = (area.dim_in_pixel().0 as i32, area.dim_in_pixel().1 as i32);
    let mut caret = left as f32;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            caret += font.kern(p, id);
        }
        previous = Some(id);
        let glyph = id.with_scale_and_position(font.scale(), point(caret, baseline as f32));
        caret += font.h_advance(id);
        let Some(outline) = font.outline_glyph(glyph) else {
            continue;
        };
        let bounds = outline.px_bounds();
        let mut pixels = Vec::new();
        outline.draw(|gx, gy, coverage| {
            let (px, py) = (
                bounds.min.x as i32 + gx as i32,
                bounds.min.y as i32 + gy as i32,
            );
            if coverage > 0.0 && (0..w).contains(&px) && (0..h).contains(&py) {
                pixels.push(((px, py), coverage.min(1.0)));
            }
        });
        for (at, coverage) in pixels {
            area.draw_pixel(at, &rgba(paint.alpha(paint.alpha * coverage as f64)))?;
        }
    }
    Ok(())
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn rgba(paint: Paint) -> RGBAColor {
    RGBAColor(paint.rgb.0, paint.rgb.1, paint.rgb.2, paint.alpha)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_and_png_of_a_small_scene() {
        let mut scene = Scene::new(200, 100);
        scene.rect(Role::Bar(0), (10.0, 10.0, 110.0, 30.0), colour::CREW);
        scene.text(
            Role::Frame,
            (10.0, 60.0),
            "Shenzhou-20",
            13.0,
            true,
            colour::INK,
            Anchor::Start,
        );
        let svg = scene.svg().unwrap();
        assert!(
            svg.contains(r#"<rect x="10" y="10" width="100" height="20""#),
            "{svg}"
        );
        assert!(svg.contains(FONT_FAMILY));
        assert!(svg.contains(">\nShenzhou-20\n</text>"), "{svg}");
        let png = scene.png().unwrap();
        assert_eq!(&png[1..4], b"PNG");
    }
}
