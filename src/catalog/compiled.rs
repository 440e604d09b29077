//! The compiled form of a loaded catalog: the bundled catalog precompiled into the binary, and the cache of
//! a catalog folder ([`cache`](super::cache)).
//!
//! A catalog that loaded cleanly (parsed, every check passed, its stays derived) is written with bincode 2
//! in the order the catalog holds it: registries, flights in launch order, stays. Reading it back parses
//! no JSON, runs no check and derives nothing but the two id indexes, so it is only ever made from a
//! catalog [`Catalog::load`] accepted, and only read where that catalog cannot have changed: the bytes
//! built into the binary, or a cache whose key (every file's path, size and times, orbitline's version)
//! still matches.
//!
//! The bytes are framed: a magic, the layout version, a key the reader must match exactly, the payload's
//! length and a CRC-32 of key and payload. A truncated, corrupt or foreign file is refused (`None`),
//! never partly trusted; decoding is bounded, so a forged length cannot make it allocate without end.
//! A cache file is read streaming ([`Catalog::read_compiled`]): the checksum is computed as the payload is
//! decoded and the catalog thrown away when it does not match, so the file's bytes are never all held
//! beside the catalog they decode into.
//!
//! The bundled catalog lives in `src/catalog/bundled.bin`, generated from `missions/` by
//! `cargo run --example compile-bundled` (byte for byte the same on every machine); a test fails with that
//! command when the file no longer matches `missions/`.

use std::io::{self, BufReader, Read, Write};
use std::sync::Arc;

use bincode::{Decode, Encode};

use super::{embedded, index, Catalog, CatalogError, Stay};
use crate::model::{Astronaut, Flight, Spacecraft, Station};

const MAGIC: &[u8; 8] = b"orbitcat";
/// The layout of the payload; raise it when the framing changes. (A change of the model types changes
/// the bundled bytes, which the freshness test sees, and the cache's key, which holds a fingerprint of
/// the model's sources.)
const LAYOUT: u32 = 1;
/// No payload is larger than this (a 100,000-flight catalog takes about 40 MB).
const LIMIT: usize = 1 << 31;

/// The bundled catalog, compiled from `missions/` (see the module doc).
static BUNDLED: &[u8] = include_bytes!("bundled.bin");

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<LIMIT>()
}

/// What is written: the catalog's parts, borrowed.
#[derive(Encode)]
struct PartsRef<'a> {
    curated: Option<&'a str>,
    astronauts: &'a [Astronaut],
    spacecraft: &'a [Spacecraft],
    stations: &'a [Station],
    flights: &'a [Arc<Flight>],
    stays: &'a [Stay],
}

/// What is read back: the same parts, owned.
#[derive(Decode)]
struct Parts {
    curated: Option<Arc<str>>,
    astronauts: Vec<Astronaut>,
    spacecraft: Vec<Spacecraft>,
    stations: Vec<Station>,
    flights: Vec<Arc<Flight>>,
    stays: Vec<Stay>,
}

impl Catalog {
    /// The bundled catalog: decoded from its compiled form, or (should that ever fail to decode, which the
    /// tests rule out) loaded from the embedded files.
    pub fn bundled() -> Result<Catalog, CatalogError> {
        // Built into the binary and checked by the tests: no checksum to compute at every start.
        match decode("bundled", BUNDLED, b"", false) {
            Some(catalog) => Ok(catalog),
            None => Catalog::load("bundled", embedded()),
        }
    }

    /// The catalog in its compiled form, framed with `key` (which [`from_compiled`](Self::from_compiled)
    /// must be given again). The same catalog and key give the same bytes.
    pub fn to_compiled(&self, key: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_compiled(key, &mut out)
            .expect("writing into memory does not fail");
        out
    }

    /// Writes [`to_compiled`](Self::to_compiled)'s bytes to `out` without building them all in memory
    /// first (the payload is encoded once, the framing written before it).
    pub fn write_compiled(&self, key: &[u8], out: &mut impl Write) -> io::Result<()> {
        let parts = PartsRef {
            curated: self.curated.as_deref(),
            astronauts: &self.astronauts,
            spacecraft: &self.spacecraft,
            stations: &self.stations,
            flights: &self.flights,
            stays: &self.stays,
        };
        let payload =
            bincode::encode_to_vec(parts, config()).expect("encoding into memory does not fail");
        let mut head = Vec::with_capacity(key.len() + 32);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&LAYOUT.to_le_bytes());
        head.extend_from_slice(&(key.len() as u64).to_le_bytes());
        head.extend_from_slice(key);
        head.extend_from_slice(&(payload.len() as u64).to_le_bytes());
        head.extend_from_slice(&checksum(key, &payload).to_le_bytes());
        out.write_all(&head)?;
        out.write_all(&payload)
    }

    /// [`from_compiled`](Self::from_compiled) over a reader (a cache file), decoding as it reads: the
    /// checksum is verified once the payload is decoded, and a catalog whose bytes do not match it, or that
    /// leaves bytes unread or runs short, is dropped (`None`), never returned.
    pub fn read_compiled(label: &str, input: impl Read, key: &[u8]) -> Option<Catalog> {
        let mut input = input;
        let mut head = [0u8; 20];
        input.read_exact(&mut head).ok()?;
        if &head[..8] != MAGIC
            || u32::from_le_bytes(head[8..12].try_into().ok()?) != LAYOUT
            || u64::from_le_bytes(head[12..20].try_into().ok()?) != key.len() as u64
        {
            return None;
        }
        let mut written = vec![0u8; key.len()];
        input.read_exact(&mut written).ok()?;
        if written != key {
            return None;
        }
        let mut tail = [0u8; 12];
        input.read_exact(&mut tail).ok()?;
        let len = u64::from_le_bytes(tail[..8].try_into().ok()?);
        let sum = u32::from_le_bytes(tail[8..].try_into().ok()?);
        let mut hasher = crc32fast::Hasher::new();
        hasher.update(key);
        let mut payload = BufReader::with_capacity(
            1 << 16,
            Summed {
                inner: input.by_ref().take(len),
                hasher,
                count: 0,
            },
        );
        let parts: Parts = bincode::decode_from_reader(&mut payload, config()).ok()?;
        // Every byte of the payload decoded, nothing after it, and the checksum holds.
        let mut rest = [0u8; 1];
        if !payload.buffer().is_empty() || payload.read(&mut rest).ok()? != 0 {
            return None;
        }
        let summed = payload.into_inner();
        if summed.count != len
            || summed.hasher.finalize() != sum
            || input.read(&mut rest).ok()? != 0
        {
            return None;
        }
        Some(assemble(label, parts))
    }

    /// The catalog `bytes` hold, named `label`, if they are a whole compiled catalog of this layout made
    /// with `key`; `None` for anything else (another key, another version, a truncated or altered file).
    pub fn from_compiled(label: &str, bytes: &[u8], key: &[u8]) -> Option<Catalog> {
        decode(label, bytes, key, true)
    }
}

/// [`Catalog::from_compiled`], with the checksum verified or (for the bytes built into the binary) not.
fn decode(label: &str, bytes: &[u8], key: &[u8], verify: bool) -> Option<Catalog> {
    let mut rest = bytes;
    if take(&mut rest, MAGIC.len())? != MAGIC
        || u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?) != LAYOUT
    {
        return None;
    }
    let key_len = usize::try_from(u64::from_le_bytes(take(&mut rest, 8)?.try_into().ok()?)).ok()?;
    if take(&mut rest, key_len)? != key {
        return None;
    }
    let len = usize::try_from(u64::from_le_bytes(take(&mut rest, 8)?.try_into().ok()?)).ok()?;
    let sum = u32::from_le_bytes(take(&mut rest, 4)?.try_into().ok()?);
    if rest.len() != len || (verify && checksum(key, rest) != sum) {
        return None;
    }
    let (parts, used): (Parts, usize) = bincode::decode_from_slice(rest, config()).ok()?;
    if used != rest.len() {
        return None;
    }
    Some(assemble(label, parts))
}

/// The catalog of decoded `parts`, with its id indexes built.
fn assemble(label: &str, parts: Parts) -> Catalog {
    Catalog {
        label: label.to_string(),
        curated: parts.curated,
        astronaut_index: Arc::new(index(parts.astronauts.iter().map(|a| a.id.as_str()))),
        astronauts: parts.astronauts.into(),
        spacecraft: parts.spacecraft.into(),
        stations: parts.stations.into(),
        flight_index: index(parts.flights.iter().map(|f| f.id.as_str())),
        flights: parts.flights,
        stays: parts.stays,
    }
}

/// A reader that counts and checksums what it passes on.
struct Summed<R> {
    inner: R,
    hasher: crc32fast::Hasher,
    count: u64,
}

impl<R: Read> Read for Summed<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.count += n as u64;
        Ok(n)
    }
}

fn take<'a>(rest: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if rest.len() < n {
        return None;
    }
    let (head, tail) = rest.split_at(n);
    *rest = tail;
    Some(head)
}

fn checksum(key: &[u8], payload: &[u8]) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(key);
    hasher.update(payload);
    hasher.finalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command that regenerates `src/catalog/bundled.bin`.
    const REGENERATE: &str = "cargo run --example compile-bundled";

    fn fresh() -> Catalog {
        Catalog::load("bundled", embedded()).expect("the bundled catalog loads")
    }

    #[test]
    fn the_compiled_bundled_catalog_matches_missions() {
        let fresh = fresh().to_compiled(b"");
        assert!(
            fresh == BUNDLED,
            "src/catalog/bundled.bin is stale: it no longer matches missions/ (or the model types); \
             regenerate it with `{REGENERATE}` and commit it"
        );
    }

    #[test]
    fn decoding_gives_back_the_same_catalog() {
        let catalog = fresh();
        let decoded = Catalog::from_compiled("bundled", &catalog.to_compiled(b"k"), b"k").unwrap();
        assert_eq!(decoded.stays(), catalog.stays());
        assert_eq!(decoded.astronauts(), catalog.astronauts());
        assert_eq!(decoded.stations(), catalog.stations());
        assert_eq!(decoded.spacecraft_types(), catalog.spacecraft_types());
        assert_eq!(decoded.description(), catalog.description());
        assert!(decoded
            .flights()
            .iter()
            .zip(catalog.flights())
            .all(|(a, b)| a == b));
        assert_eq!(decoded.flights().len(), catalog.flights().len());
        // The texts as written, which `==` on times does not compare.
        let texts = |c: &Catalog| {
            let flights: Vec<&Flight> = c.flights().iter().map(|f| &**f).collect();
            serde_json::to_string(&flights).unwrap()
        };
        assert_eq!(texts(&decoded), texts(&catalog));
        assert_eq!(decoded.flight("shenzhou-20").unwrap().name, "Shenzhou-20");
    }

    #[test]
    fn another_key_a_truncated_or_altered_file_is_refused() {
        let bytes = fresh().to_compiled(b"key");
        // Both readers: the bytes in memory, and the streaming one the cache uses.
        let refused = |bytes: &[u8], key: &[u8]| {
            Catalog::from_compiled("b", bytes, key).is_none()
                && Catalog::read_compiled("b", bytes, key).is_none()
        };
        assert!(Catalog::read_compiled("b", &bytes[..], b"key").is_some());
        assert!(refused(&bytes, b"other"));
        assert!(refused(&bytes, b"ke"));
        assert!(refused(&bytes[..bytes.len() - 1], b"key"));
        assert!(refused(&bytes[..20], b"key"));
        assert!(refused(b"", b"key"));
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(refused(&longer, b"key"));
        for at in [0, 9, 30, bytes.len() / 2, bytes.len() - 1] {
            let mut altered = bytes.clone();
            altered[at] ^= 0x20;
            assert!(refused(&altered, b"key"), "byte {at}");
        }
    }

    #[test]
    fn the_streaming_reader_gives_back_the_same_catalog() {
        let catalog = fresh();
        let bytes = catalog.to_compiled(b"k");
        let read = Catalog::read_compiled("bundled", &bytes[..], b"k").unwrap();
        assert_eq!(read.to_compiled(b"k"), bytes);
        assert_eq!(read.label(), "bundled");
    }
}
