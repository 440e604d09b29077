//! The whole catalog as one JSON document: the registries and every flight, in the format of the catalog
//! files (`docs/data-format.md`), flights in launch order. Times are as written in the files, with their
//! offsets and precision.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{ExportError, ExportWhat, Exporter};
use crate::catalog::Catalog;
use crate::model::{Astronaut, Flight, Spacecraft, Station};

/// The JSON exporter.
pub struct Json;

/// The document.
#[derive(Serialize)]
struct Document<'a> {
    catalog: &'a str,
    astronauts: &'a [Astronaut],
    spacecraft: &'a [Spacecraft],
    stations: &'a [Station],
    flights: Vec<&'a Flight>,
}

impl Exporter for Json {
    fn exports(&self) -> &'static [ExportWhat] {
        &[ExportWhat::Catalog]
    }

    fn export(
        &self,
        catalog: &Catalog,
        what: ExportWhat,
        _: DateTime<Utc>,
    ) -> Result<Vec<u8>, ExportError> {
        if what != ExportWhat::Catalog {
            return Err(ExportError::Unsupported {
                format: "json",
                what,
            });
        }
        let document = Document {
            catalog: catalog.label(),
            astronauts: catalog.astronauts(),
            spacecraft: catalog.spacecraft_types(),
            stations: catalog.stations(),
            flights: catalog.flights().iter().map(|f| &**f).collect(),
        };
        let mut text =
            serde_json::to_string_pretty(&document).map_err(|e| ExportError::Render {
                format: "json",
                message: e.to_string(),
            })?;
        text.push('\n');
        Ok(crate::output::escape::json(text).into_bytes())
    }
}
