"""Offline GeoNames gazetteer: place rows, normalised names and an Aho-Corasick matcher, loaded lazily once."""

from __future__ import annotations

import bisect
import gzip
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Iterator

from eventcoder.records import Place

# Leading articles dropped from a name as a second index key ("Al-Qaim" is also found as "Qaim").
ARTICLES = frozenset({"al", "el", "the", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "et", "ez"})
# Apostrophe-like marks removed inside names ("Ba'quba" = "Baquba", "Qā’im" = "Qaim").
APOSTROPHES = "'’‘`ʼʻʿʾ´′"
# Letters NFKD does not decompose, folded by hand to their usual Latin transliteration.
EXTRA_FOLDS = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "s", "æ": "a", "œ": "o", "þ": "t", "ð": "d",
               "ħ": "h", "ŧ": "t", "ə": "e", "ŋ": "n"}
# Code points the fold table covers: Latin, Greek/Cyrillic (kept as is), punctuation blocks.
FOLD_RANGE = 0x2100
# Mark used for a removed character before it is squeezed out (one char in, one char out keeps offsets).
DROP = "\x00"
POSSESSIVE = re.compile(DROP + r"s(?![a-z0-9])")
# Names looked up, and their gazetteer rows, are remembered this many at a time (a bounded cache: news repeats
# the same places, and a long ingest must not grow without end).
NAME_CACHE_SIZE = 32_768


@cache
def _fold_table() -> dict[int, str]:
    """One character in, one character out: lower-case base letter, space for punctuation, DROP for apostrophes."""
    table: dict[int, str] = {}
    for code in range(FOLD_RANGE):
        char = chr(code)
        if char in APOSTROPHES:
            table[code] = DROP
            continue
        low = char.lower()
        base = EXTRA_FOLDS.get(low) or "".join(c for c in unicodedata.normalize("NFKD", low)
                                               if not unicodedata.combining(c))
        if len(base) == 1 and base.isalnum():
            table[code] = base.lower() if len(base.lower()) == 1 else base
        elif char.isalnum():
            table[code] = low if len(low) == 1 else char
        else:
            table[code] = " "
    for mark in APOSTROPHES:
        table[ord(mark)] = DROP
    return table


def fold_chars(text: str) -> str:
    """Same length as text: lower-cased, accents stripped, punctuation as spaces, apostrophes and possessive 's as DROP."""
    return POSSESSIVE.sub(DROP * 2, text.translate(_fold_table()))


def fold(name: str) -> str:
    """A name's matching key: folded, apostrophes removed, words separated by single spaces."""
    return " ".join(fold_chars(name).replace(DROP, "").split())


def variants(key: str) -> list[str]:
    """Other transliterations of a key to try when it is not found: doubled letters, "ou"/"ee", "q" written "k"
    ("Zouq Mosbeh"), a final "h"."""
    forms = {key}
    for change in (lambda k: re.sub(r"([a-z])\1", r"\1", k), lambda k: k.replace("ou", "u").replace("ee", "i"),
                   lambda k: k.replace("q", "k"),
                   lambda k: " ".join(w[:-1] if re.search(r"[aeiu]h$", w) and len(w) > 3
                                      else w + "h" if re.search(r"[aei]$", w) and len(w) > 3 else w for w in k.split())):
        forms |= {change(k) for k in forms}
    forms.discard(key)
    return sorted(forms)


def slips(key: str) -> set[str]:
    """Every spelling one typing slip from a key: a letter dropped, added or changed, or two neighbours swapped."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    heads_tails = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    out = {a + b[1:] for a, b in heads_tails if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in heads_tails if len(b) > 1}
    out |= {a + c + b[1:] for a, b in heads_tails if b for c in letters}
    out |= {a + c + b for a, b in heads_tails for c in letters}
    out.discard(key)
    return out


def ascii_name(name: str) -> str:
    """A display name in ASCII, case kept: "Diyālá" -> "Diyala", "Ma’rib" -> "Ma'rib"."""
    out = []
    for char in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(char):
            continue
        if char in APOSTROPHES:
            char = "'"
        elif char.lower() in EXTRA_FOLDS:
            folded = EXTRA_FOLDS[char.lower()]
            char = folded.upper() if char.isupper() else folded
        elif char in "–—":
            char = "-"
        out.append(char)
    return "".join(out)


def keys(name: str) -> list[str]:
    """Index keys for a name: the folded form, and without its leading article ("al qaim", "qaim")."""
    return list(_keys(name))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _keys(name: str) -> tuple[str, ...]:
    key = fold(name)
    words = key.split()
    out = [key] if key else []
    if len(words) > 1 and words[0] in ARTICLES:
        out.append(" ".join(words[1:]))
    return tuple(out)


# Generic words around admin1 names: "Diyala Governorate" is also indexed as "Diyala".
ADMIN1_WORDS = frozenset({"governorate", "province", "county", "region", "oblast", "district", "state", "department",
                          "prefecture", "municipality", "division", "krai", "kray", "territory", "muhafazat",
                          "wilayat", "provincia", "departamento", "estado", "de", "del", "city", "area", "republic",
                          "autonomous", "okrug", "of", "oblisi", "parish", "administrative"})
# Keys never indexed: calendar words and English words that are also the names of small places.
STOP_KEYS = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday than media police army government president people
city town village state province district area north south east west central city centre the and for with
security forces said says news day night morning evening today yesterday federal capital central northern southern
eastern western upper lower greater national special metropolitan coast coastal island islands mountain mountains
valley river lake bay sea highway road street airport mall market station mosque church school hospital border
camp base hotel square bridge university park an""".split()) | frozenset({
    # World regions: named as places in the news, but no point on a map ("Middle East" is also a US hamlet).
    "middle east", "europe", "africa", "asia", "gulf", "persian gulf", "red sea", "mediterranean", "horn of africa",
    "sahel", "balkans", "caucasus", "levant", "north africa", "west africa", "east africa", "latin america",
    "south asia", "southeast asia", "central asia", "arab world", "west", "east", "americas", "oceania"})
ROW_HEADER = ["geonames_id", "kind", "country", "admin1", "lat", "lon", "population", "feature", "name"]


def admin1_keys(name: str) -> list[str]:
    """Index keys for an admin1 name: its own keys, and without generic words ("Muhafazat Hadramaout" -> "hadramaout")."""
    return list(_admin1_keys(name))


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _admin1_keys(name: str) -> tuple[str, ...]:
    out = keys(name)
    core = [w for w in fold(name).split() if w not in ADMIN1_WORDS]
    if core and " ".join(core) not in out:
        out += keys(" ".join(core))
    return tuple(out)


# Keys of places this big (or of countries and admin1 regions) go into the Aho-Corasick automaton that scans
# the whole text; the long tail is looked up by dict only on spans that a cue or an entity already marks.
# 50,000 keeps the automaton near 100k names, which builds in about 0.3 s.
HEAD_MIN_POPULATION = 50_000
NAMES_FILE = "gazetteer_names.txt.gz"
ROWS_FILE = "gazetteer.tsv.gz"
ADMIN1_FILE = "admin1.tsv"
SUPPLEMENT_FILE = "gazetteer_supplement.tsv"
SUPPLEMENT_HEADER = ["name", "kind", "country", "admin1", "lat", "lon", "geonames_id", "feature", "note"]
# Districts and wards GeoNames' cities500 lacks (tools/import_admin_units.py): looked up on cued spans only, never
# scanned for, and of unknown size (population 0), so a foreign namesake outvotes them as it would a hamlet.
ADMIN_UNITS_FILE = "admin_units.tsv.gz"
ADMIN_UNITS_HEADER = ["name", "kind", "country", "admin1", "lat", "lon", "feature", "parent", "keys"]
# Feature of a division with no point of its own, placed at its region's: its events have admin1 precision.
REGION_POINT_FEATURE = "ADM2R"
# Prior of a row before any context: log10 population (1 point per factor of ten) plus a kind bonus, so a country
# or a named site beats a same-named village; admin1 regions carry the summed population of their places, so they
# take a penalty to let their own seat win ("Haifa" is the city, "Haifa district" the region).
KIND_PRIOR = {"country": 9.0, "site": 8.0, "admin1": -1.0, "city": 0.0, "district": 1.5}
CAPITAL_BONUS = 1.0
# A district is a part of a region: ACLED's geo-precision 2, like "near" a town, at the district's seat.
PRECISION_BY_KIND = {"country": "country", "admin1": "admin1", "city": "city", "site": "exact", "district": "near"}


@dataclass(frozen=True)
class Entry:
    """One gazetteer row: a country, admin1 region, populated place or hand-added site."""

    row: int
    geonames_id: int | None
    kind: str
    country: str
    admin1: str
    lat: float
    lon: float
    population: int
    feature: str
    name: str

    def prior(self) -> float:
        """How likely this row is before any context (KIND_PRIOR)."""
        return math.log10(self.population + 10) + KIND_PRIOR[self.kind] + (CAPITAL_BONUS if self.feature == "PPLC" else 0)

    def place(self, precision: str | None = None, written: str | None = None) -> Place:
        """This row as an event Place; admin1 is the region's ASCII name. A town or site keeps the spelling the
        text used ("Saada", not GeoNames' "Sa'dah"); countries and regions get their GeoNames names."""
        admin1 = load().admin1_name(self.admin1) if self.admin1 else None
        name = (admin1 or self.name) if self.kind == "admin1" else self.name
        if written and self.kind in ("city", "site", "district"):
            name = re.sub(r"^(?:the\s+)|(?:['’]s)$", "", written.strip(" .,;:()[]\"-–"), flags=re.IGNORECASE) or name
        return Place(name=name, country=self.country, admin1=admin1, lat=self.lat, lon=self.lon,
                     geonames_id=self.geonames_id, precision=precision or self.precision())  # type: ignore[arg-type]

    def precision(self) -> str:
        """How exactly this row's point places an event (PRECISION_BY_KIND; a division at its region's point is
        placed only as well as the region)."""
        return "admin1" if self.feature == REGION_POINT_FEATURE else PRECISION_BY_KIND[self.kind]


def _data(name: str) -> bytes:
    """Bytes of a data file under eventcoder/data, gunzipped when its name ends in .gz."""
    raw = resources.files("eventcoder.data").joinpath(name).read_bytes()
    return gzip.decompress(raw) if name.endswith(".gz") else raw


class Gazetteer:
    """Rows kept as raw lines (parsed on demand), sorted name keys with their row lists, and the head automaton."""

    def __init__(self) -> None:
        self._rows = _data(ROWS_FILE).decode("utf-8").split("\n")[1:-1]
        lines = _data(NAMES_FILE).decode("utf-8").split("\n")
        count, self._head = (int(x) for x in lines[0].split("\t"))
        # Keys: the head block then the tail block, each sorted (bisect finds a key); values: row lists.
        self._keys = lines[1:count + 1]
        self._values = lines[count + 1:2 * count + 1]
        self._admin1: dict[str, str] = {}
        for line in _data(ADMIN1_FILE).decode("utf-8").split("\n")[1:]:
            if line:
                code, _country, _name, ascii_admin1, *_ = line.split("\t")
                self._admin1[code] = ascii_admin1
        self._sites: list[Entry] = []
        self._extra: dict[str, list[int]] = {}
        for line in _data(SUPPLEMENT_FILE).decode("utf-8").split("\n")[1:]:
            cols = dict(zip(SUPPLEMENT_HEADER, line.split("\t")))
            if cols.get("kind") not in ("site", "district"):
                continue
            entry = Entry(len(self._rows) + len(self._sites), None, cols["kind"], cols["country"], cols["admin1"],
                          float(cols["lat"]), float(cols["lon"]), 0, cols["feature"], cols["name"])
            self._sites.append(entry)
            for key in keys(entry.name):
                self._extra.setdefault(key, []).append(entry.row)
        self._scan_keys = self._keys[:self._head] + list(self._extra)
        # Districts and wards stay raw lines, parsed when a look-up asks for one; their keys come precomputed.
        self._first_unit = len(self._rows) + len(self._sites)
        self._unit_lines = _data(ADMIN_UNITS_FILE).decode("utf-8").split("\n")[1:-1]
        self._units: dict[str, list[int]] = {}
        for i, line in enumerate(self._unit_lines):
            for key in line[line.rindex("\t") + 1:].split(","):
                self._units.setdefault(key, []).append(self._first_unit + i)
        self._automaton = _automaton([f" {k} " for k in self._scan_keys])
        # Rows are parsed from their lines on demand; the same names come up again and again.
        self._candidates = lru_cache(maxsize=NAME_CACHE_SIZE)(self._read_candidates)

    def __len__(self) -> int:
        """Number of name keys."""
        return len(self._keys) + len(self._extra) + len(self._units)

    def entry(self, row: int) -> Entry:
        """The row with this number."""
        if row >= self._first_unit:
            name, kind, country, admin1, lat, lon, feature, _parent, _keys = self._unit_lines[row - self._first_unit] \
                .split("\t")
            return Entry(row, None, kind, country, admin1, float(lat), float(lon), 0, feature, name)
        if row >= len(self._rows):
            return self._sites[row - len(self._rows)]
        gid, kind, country, admin1, lat, lon, pop, feature, name = self._rows[row].split("\t")
        return Entry(row, int(gid) if gid else None, kind, country, admin1, float(lat), float(lon),
                     int(pop or 0), feature, name)

    def _positions(self, key: str) -> Iterator[int]:
        """Where a folded name key stands in each of the two sorted runs of keys (head names, then the rest)."""
        keys = self._keys
        for lo, hi in ((0, self._head), (self._head, len(keys))):
            i = bisect.bisect_left(keys, key, lo, hi)
            if i < hi and keys[i] == key:
                yield i

    def rows(self, key: str) -> list[int]:
        """Row numbers a folded name key may mean."""
        found = list(self._extra.get(key, ())) + list(self._units.get(key, ()))
        for i in self._positions(key):
            found += [int(r) for r in self._values[i].split(",")]
        return found

    def has(self, key: str) -> bool:
        """Whether a folded name key means any row (`rows` without building the list)."""
        return key in self._extra or key in self._units or next(self._positions(key), None) is not None

    def candidates(self, key: str) -> list[Entry]:
        """Every row a folded name key may mean."""
        return list(self._candidates(key))

    def _read_candidates(self, key: str) -> tuple[Entry, ...]:
        return tuple(self.entry(r) for r in self.rows(key))

    def admin1_name(self, code: str) -> str | None:
        """ASCII GeoNames name of an admin1 code such as 'IQ.07' ('Baghdad')."""
        return self._admin1.get(code)

    def scan(self, padded: str) -> list[tuple[int, int, str]]:
        """Word-bounded (start, end, key) hits of the head keys in folded text padded with a space each side."""
        return [(start + 1, end - 1, self._scan_keys[i])
                for i, start, end in self._automaton.find_matches_as_indexes(padded, overlapping=True)]


def _automaton(patterns: list[str]):  # type: ignore[no-untyped-def]
    """Aho-Corasick automaton (ahocorasick_rs) reporting every, possibly overlapping, hit."""
    import ahocorasick_rs

    return ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.Standard, store_patterns=False)


@cache
def load() -> Gazetteer:
    """The gazetteer, read once on first use."""
    return Gazetteer()


def admin1_codes(name: str, country: str | None = None) -> set[str]:
    """Admin1 codes a region name may mean, in one country if given: compares "Ninawa", "Nineveh", "Ninawa (Nineveh)"."""
    gaz = load()
    codes: set[str] = set()
    for part in re.split(r"[()]", name):
        for key in admin1_keys(part) if part.strip() else []:
            codes |= {e.admin1 for e in gaz.candidates(key) if e.kind == "admin1" and country in (None, e.country)}
    return codes
