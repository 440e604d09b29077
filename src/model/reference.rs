//! The grammar by which commands and catalog links name things: `flight`, `flight/event` and
//! `astronaut@flight`. Parsing is only syntax: whether the names exist is for the catalog to say.

/// A name on the command line or in a link, split by its grammar.
///
/// `@` binds first: `chen-dong@shenzhou-20` is a stay even if a `/` follows. A reference with neither `@`
/// nor `/` is a bare id: a flight, or, where the command takes one, an astronaut or a station.
///
/// ```
/// use orbitline::model::Reference;
/// assert_eq!(Reference::parse("shenzhou-20"), Reference::Id("shenzhou-20"));
/// assert_eq!(
///     Reference::parse("shenzhou-20/debris-strike"),
///     Reference::Moment { flight: "shenzhou-20", event: "debris-strike" }
/// );
/// assert_eq!(
///     Reference::parse("chen-dong@shenzhou-20"),
///     Reference::Stay { astronaut: "chen-dong", flight: "shenzhou-20" }
/// );
/// assert_eq!(Reference::parse("chen-dong@shenzhou-20").flight(), "shenzhou-20");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference<'a> {
    /// `id`: a flight (or an astronaut or station where the command allows).
    Id(&'a str),
    /// `flight/event`: one moment of a flight (`launch`, `landing`, `docking` or an event id).
    Moment {
        /// The flight id, before the `/`.
        flight: &'a str,
        /// The event id, after the `/`.
        event: &'a str,
    },
    /// `astronaut@flight`: the stay of an astronaut who went up on that flight.
    Stay {
        /// The astronaut id, before the `@`.
        astronaut: &'a str,
        /// The flight that took them up, after the `@`.
        flight: &'a str,
    },
}

impl<'a> Reference<'a> {
    /// Splits `text` by the grammar; never fails (an unknown name is found out against a catalog).
    pub fn parse(text: &'a str) -> Reference<'a> {
        if let Some((astronaut, flight)) = text.split_once('@') {
            return Reference::Stay { astronaut, flight };
        }
        match text.split_once('/') {
            Some((flight, event)) => Reference::Moment { flight, event },
            None => Reference::Id(text),
        }
    }

    /// The flight it is about: the id itself, the moment's flight or the stay's up flight.
    pub fn flight(&self) -> &'a str {
        match *self {
            Reference::Id(id) => id,
            Reference::Moment { flight, .. } | Reference::Stay { flight, .. } => flight,
        }
    }
}
