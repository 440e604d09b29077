//! The look of every chart: the palette, the font and its measurements, the sizes.
//!
//! The palette is Okabe and Ito's, designed to stay distinct for the common forms of colour blindness; the
//! roles are also told apart by lightness and shape (markers differ in form, not only in hue), so a
//! greyscale print keeps them apart. Text is DejaVu Sans, bundled (the `dejavu` crate; licence in
//! `docs/licenses/DejaVu-fonts.txt`) and registered with plotters' `ab_glyph` backend, so a PNG needs no
//! system font; every label is measured with the glyph advances and kerning it is drawn with (PNG text
//! is rasterised here with `ab_glyph` at sub-pixel positions, as plotters rounds each glyph to a whole
//! pixel). In SVG the same family is named first, with Verdana (near-identical metrics) and
//! `sans-serif` behind it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use plotters::style::{register_font, FontStyle};

/// The CSS font-family list written into SVG, and the name the bundled font is registered under.
pub(crate) const FONT_FAMILY: &str = "DejaVu Sans, Verdana, sans-serif";

/// DejaVu Sans' ascent minus descent, in ems (1901 + 483 of 2048 units). plotters' `ab_glyph` backend
/// scales a font so that this height is the requested size; SVG's `font-size` is the em.
pub(crate) const DEJAVU_HEIGHT_EM: f64 = 2384.0 / 2048.0;

/// An sRGB colour with an opacity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Paint {
    /// Red, green, blue.
    pub rgb: (u8, u8, u8),
    /// 0 (invisible) to 1 (opaque).
    pub alpha: f64,
}

impl Paint {
    const fn hex(rgb: u32) -> Paint {
        Paint {
            rgb: ((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8),
            alpha: 1.0,
        }
    }

    /// The same colour at opacity `alpha`.
    pub fn alpha(self, alpha: f64) -> Paint {
        Paint { alpha, ..self }
    }

    /// `#rrggbb`, as the SVG backend writes it (for tests).
    #[cfg(test)]
    pub fn svg(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.rgb.0, self.rgb.1, self.rgb.2)
    }
}

/// Okabe–Ito, with roles.
pub(crate) mod colour {
    use super::Paint;

    /// Text, axes, docking ticks.
    pub const INK: Paint = Paint::hex(0x1A1A1A);
    /// Secondary text.
    pub const MUTED: Paint = Paint::hex(0x5C5C5C);
    /// Grid lines.
    pub const GRID: Paint = Paint::hex(0xDADADA);
    /// Every other row.
    pub const BAND: Paint = Paint::hex(0xF3F3F3);
    /// The canvas.
    pub const PAPER: Paint = Paint::hex(0xFFFFFF);
    /// Crew in orbit (Okabe–Ito blue): dark in greyscale.
    pub const CREW: Paint = Paint::hex(0x0072B2);
    /// A spacecraft's own flight (Okabe–Ito sky blue): light in greyscale.
    pub const VEHICLE: Paint = Paint::hex(0x56B4E9);
    /// A second crew in a stacked chart (Okabe–Ito bluish green).
    pub const CREW_ALT: Paint = Paint::hex(0x009E73);
    /// A third crew in a stacked chart, where both neighbours of a band take the first two (Okabe–Ito
    /// reddish purple, with ink text).
    pub const CREW_THIRD: Paint = Paint::hex(0xCC79A7);
    /// A fourth, where three neighbours take the others (grey, with paper text).
    pub const CREW_FOURTH: Paint = Paint::hex(0x5C5C5C);
    /// Spacewalks (Okabe–Ito orange), drawn as triangles.
    pub const EVA: Paint = Paint::hex(0xE69F00);
    /// Anomalies (Okabe–Ito vermillion), drawn as diamonds; also coverage gaps.
    pub const ANOMALY: Paint = Paint::hex(0xD55E00);
    /// Text about anomalies and gaps: vermillion darkened to read on white (4.9:1).
    pub const ANOMALY_TEXT: Paint = Paint::hex(0xA84A00);
    /// Schedule changes (Okabe–Ito reddish purple), drawn as squares.
    pub const SCHEDULE: Paint = Paint::hex(0xCC79A7);
    /// Record badges (Okabe–Ito yellow) with ink text.
    pub const BADGE: Paint = Paint::hex(0xF0E442);
    /// The badge outline.
    pub const BADGE_EDGE: Paint = Paint::hex(0x9A8F00);
    /// The "now" line (Okabe–Ito bluish green).
    pub const NOW: Paint = Paint::hex(0x009E73);
}

/// Text sizes in pixels (the em).
pub(crate) mod size {
    /// The title.
    pub const TITLE: f64 = 22.0;
    /// The subtitle.
    pub const SUBTITLE: f64 = 13.0;
    /// Row labels at full size.
    pub const LABEL: f64 = 13.0;
    /// The smallest row label.
    pub const LABEL_MIN: f64 = 9.0;
    /// Notes beside bars, legend entries.
    pub const NOTE: f64 = 12.0;
    /// Axis tick labels.
    pub const TICK: f64 = 12.0;
    /// Outer margin.
    pub const MARGIN: f64 = 24.0;
}

/// Registers the bundled font with plotters, once per process.
pub(crate) fn register_fonts() -> Result<(), String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            for (style, bytes) in [
                (FontStyle::Normal, dejavu::sans::regular()),
                (FontStyle::Bold, dejavu::sans::bold()),
            ] {
                register_font(FONT_FAMILY, style, bytes)
                    .map_err(|_| "the bundled DejaVu Sans font did not load".to_string())?;
            }
            Ok(())
        })
        .clone()
}

/// The narrowest a glyph of DejaVu Sans is, in ems (`'`, `i`, `l` and the space are 0.27 to 0.32 em; a
/// test checks every printable ASCII character). Zero-width marks are narrower: a text made of them is
/// measured short, which only cuts it sooner.
const NARROWEST_EM: f64 = 0.25;

/// The width of `text` in pixels at `size` (the em), in DejaVu Sans; bold when `bold`. Widths are
/// remembered per thread: layout asks for the same labels many times.
///
/// Only as many characters are measured as make a text wider than the largest canvas
/// ([`super::SIDE_RANGE`]) at [`NARROWEST_EM`] each: every comparison with a width on the canvas comes
/// out the same, and a text of any length costs no more than that.
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let most = (f64::from(super::SIDE_RANGE.1) / (size * NARROWEST_EM)).ceil() as usize + 1;
    let text = match text.char_indices().nth(most) {
        Some((cut, _)) => &text[..cut],
        None => text,
    };
    thread_local! {
        static WIDTHS: RefCell<HashMap<(String, u64, bool), f64>> = RefCell::new(HashMap::new());
    }
    let key = (text.to_string(), size.to_bits(), bold);
    if let Some(w) = WIDTHS.with(|m| m.borrow().get(&key).copied()) {
        return w;
    }
    let w = measure(text, size, bold);
    WIDTHS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 100_000 {
            m.clear();
        }
        m.insert(key, w);
    });
    w
}

fn measure(text: &str, size: f64, bold: bool) -> f64 {
    let font = font(bold).as_scaled(scale(size));
    let mut width = 0.0f32;
    let mut previous = None;
    for c in text.chars() {
        let id = font.glyph_id(c);
        if let Some(p) = previous {
            width += font.kern(p, id);
        }
        width += font.h_advance(id);
        previous = Some(id);
    }
    width as f64
}

/// The bundled font, regular or bold, for measuring and for drawing PNG text.
pub(crate) fn font(bold: bool) -> &'static FontRef<'static> {
    static FONTS: OnceLock<[FontRef<'static>; 2]> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        // The crate's bytes are DejaVu's own TTF files: they parse.
        let parse = |bytes| FontRef::try_from_slice(bytes).expect("the bundled DejaVu font parses");
        [parse(dejavu::sans::regular()), parse(dejavu::sans::bold())]
    });
    &fonts[usize::from(bold)]
}

/// The `ab_glyph` scale that makes the em `size` pixels (it scales ascent minus descent).
pub(crate) fn scale(size: f64) -> PxScale {
    PxScale::from((size * DEJAVU_HEIGHT_EM) as f32)
}

/// `text` cut to fit `width` pixels, ending with an ellipsis when cut; empty when not even one letter
/// and the ellipsis fit.
pub(crate) fn fit(text: &str, size: f64, bold: bool, width: f64) -> String {
    if text_width(text, size, bold) <= width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    // Binary search on the number of characters kept, at most as many as fit at the narrowest glyph's
    // width each: a huge text costs no more than one that fills the width.
    let most = (width / (size * NARROWEST_EM)).max(0.0) as usize + 2;
    let (mut lo, mut hi) = (0usize, chars.len().min(most));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate: String = chars[..mid]
            .iter()
            .collect::<String>()
            .trim_end()
            .to_string()
            + "…";
        if text_width(&candidate, size, bold) <= width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return String::new();
    }
    chars[..lo]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string()
        + "…"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_printable_ascii_glyph_is_narrower_than_the_narrowest_assumed() {
        register_fonts().unwrap();
        for bold in [false, true] {
            for c in ' '..='~' {
                let one = text_width(&c.to_string(), 100.0, bold);
                assert!(one >= 100.0 * NARROWEST_EM, "{c:?} is {one} px at 100 px");
            }
        }
    }

    #[test]
    fn a_huge_text_is_cut_and_measured_at_the_cost_of_one_that_fills_the_canvas() {
        register_fonts().unwrap();
        let huge = "long name ".repeat(7_000);
        assert!(text_width(&huge, 9.0, false) > f64::from(crate::chart::SIDE_RANGE.1));
        let cut = fit(&huge, 9.0, false, 300.0);
        assert!(cut.ends_with('…') && text_width(&cut, 9.0, false) <= 300.0);
        assert!(cut.chars().count() > 40, "{cut}");
    }

    #[test]
    fn text_is_measured_with_the_bundled_font() {
        register_fonts().unwrap();
        let narrow = text_width("iiiiiiiiii", 13.0, false);
        let wide = text_width("MMMMMMMMMM", 13.0, false);
        assert!(wide > 3.0 * narrow, "{narrow} {wide}");
        // DejaVu Sans: M advances 1767 units of 2048, so 10 M at 13 px are about 112 px.
        assert!((wide - 112.0).abs() <= 2.0, "{wide}");
        assert!(text_width("Shenzhou", 13.0, true) > text_width("Shenzhou", 13.0, false));
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        register_fonts().unwrap();
        let text = "Shenzhou-20 · Chen Dong, Chen Zhongrui, Wang Jie";
        assert_eq!(fit(text, 13.0, false, 1000.0), text);
        let cut = fit(text, 13.0, false, 120.0);
        assert!(cut.ends_with('…') && cut.len() < text.len(), "{cut}");
        assert!(text_width(&cut, 13.0, false) <= 120.0);
        assert_eq!(fit(text, 13.0, false, 3.0), "");
    }
}
