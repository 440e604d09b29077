//! Nations in Launch Library 2's many shapes (an alpha-2 code, a list, an alpha-3 code, a nationality
//! word, an agency with no country) as ISO 3166-1 alpha-2 codes, and the stations orbitline knows by name.

use serde_json::Value;

use super::read::text;

/// An ISO 3166-1 alpha-2 code from an LL2 country (`{"alpha_2_code": "RU"}`), a list of them, an alpha-3
/// `country_code`, a nationality word (2.2.0: `"Austrian"`), or an agency LL2 gives no country for.
pub(super) fn nation(value: &Value) -> Option<String> {
    if let Some(list) = value.as_array() {
        return list.iter().find_map(nation);
    }
    if let Some(code) = text(value, "alpha_2_code") {
        return Some(code.to_uppercase());
    }
    for k in ["country", "nationality"] {
        if let Some(found) = value.get(k).and_then(nation) {
            return Some(found);
        }
    }
    if let Some(code) = text(value, "country_code") {
        return alpha3(code.split(',').next().unwrap_or(code)).map(str::to_string);
    }
    if let Some(word) = value.as_str().or_else(|| text(value, "nationality")) {
        return demonym(word).map(str::to_string);
    }
    text(value, "name")
        .and_then(agency_nation)
        .map(str::to_string)
}

fn alpha3(code: &str) -> Option<&'static str> {
    Some(match code.trim() {
        "USA" => "US",
        "RUS" => "RU",
        "CHN" => "CN",
        "KAZ" => "KZ",
        "JPN" => "JP",
        "FRA" => "FR",
        "DEU" | "GER" => "DE",
        "ITA" => "IT",
        "CAN" => "CA",
        "GBR" => "GB",
        "IND" => "IN",
        "AUT" => "AT",
        "UKR" => "UA",
        "ISR" => "IL",
        "ARE" => "AE",
        "SAU" => "SA",
        "TUR" => "TR",
        "POL" => "PL",
        "HUN" => "HU",
        "SWE" => "SE",
        "ESP" => "ES",
        "NLD" => "NL",
        "BEL" => "BE",
        "DNK" => "DK",
        "NZL" => "NZ",
        "KOR" => "KR",
        "BRA" => "BR",
        _ => return None,
    })
}

fn demonym(word: &str) -> Option<&'static str> {
    Some(match word.trim() {
        "American" => "US",
        "Russian" | "Soviet" => "RU",
        "Chinese" => "CN",
        "Austrian" => "AT",
        "Japanese" => "JP",
        "French" => "FR",
        "German" => "DE",
        "Italian" => "IT",
        "Canadian" => "CA",
        "British" => "GB",
        "Kazakh" | "Kazakhstani" => "KZ",
        "Indian" => "IN",
        "Ukrainian" => "UA",
        "Israeli" => "IL",
        "Emirati" => "AE",
        "Saudi" | "Saudi Arabian" => "SA",
        "Turkish" => "TR",
        "Polish" => "PL",
        "Hungarian" => "HU",
        "Swedish" => "SE",
        "Spanish" => "ES",
        "Dutch" => "NL",
        "Belgian" => "BE",
        "Danish" => "DK",
        "Bulgarian" => "BG",
        "Mongolian" => "MN",
        "Vietnamese" => "VN",
        "Cuban" => "CU",
        "Syrian" => "SY",
        "Afghan" => "AF",
        "Swiss" => "CH",
        "Korean" | "South Korean" => "KR",
        "Brazilian" => "BR",
        "Malaysian" => "MY",
        _ => return None,
    })
}

/// Agencies LL2 gives without a country.
fn agency_nation(name: &str) -> Option<&'static str> {
    Some(match name {
        "Soviet Space Program" | "Russian Federal Space Agency (ROSCOSMOS)" => "RU",
        "National Aeronautics and Space Administration" | "SpaceX" | "Boeing" | "Blue Origin" => {
            "US"
        }
        "China Aerospace Science and Technology Corporation"
        | "China National Space Administration" => "CN",
        _ => return None,
    })
}

/// The catalog id, name and nation of a station LL2 names, for the stations orbitline knows under the same
/// ids as the bundled catalog and the McDowell import.
pub(super) fn known_station(name: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match name {
        "International Space Station" | "ISS" => ("iss", "International Space Station", "US"),
        "Tiangong space station" | "Tiangong Space Station" | "Tiangong" => {
            ("tiangong", "Tiangong", "CN")
        }
        "Tiangong 1" | "Tiangong-1" => ("tiangong-1", "Tiangong-1", "CN"),
        "Tiangong 2" | "Tiangong-2" => ("tiangong-2", "Tiangong-2", "CN"),
        "Mir" => ("mir", "Mir", "RU"),
        "Skylab" => ("skylab", "Skylab", "US"),
        "Salyut 1" => ("salyut-1", "Salyut 1", "RU"),
        "Salyut 2" => ("salyut-2", "Salyut 2", "RU"),
        "Salyut 3" => ("salyut-3", "Salyut 3", "RU"),
        "Salyut 4" => ("salyut-4", "Salyut 4", "RU"),
        "Salyut 5" => ("salyut-5", "Salyut 5", "RU"),
        "Salyut 6" => ("salyut-6", "Salyut 6", "RU"),
        "Salyut 7" => ("salyut-7", "Salyut 7", "RU"),
        _ => return None,
    })
}
