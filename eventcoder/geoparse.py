"""Place mentions in a parsed document: gazetteer names gated by entities and cue words, resolved with the whole doc."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from eventcoder.actors import community_of, people_country
from eventcoder.dates import MONTHS
from eventcoder.gazetteer import (DROP, REGION_POINT_FEATURE, STOP_KEYS, Entry, Gazetteer, admin1_keys, fold,
                                  fold_chars, keys, load, variants)
from eventcoder.lexicon import triggers, words
from eventcoder.records import Place
from eventcoder.missions import missions_named
from eventcoder.places import neighbours, region_entry, town_one_slip_away

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A name inside one of these entities is never a place ("March" in "in March", "22" in a count).
VETO_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "LANGUAGE",
                         "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})
# Labels of dates and numbers, which the small model gives some town names ("at Malindi prison" as CARDINAL).
COUNT_LABELS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Labels the small model gives a rare town name ("in Moyale town" -> PRODUCT): a locative cue overrules them.
GUESSED_LABELS = frozenset({"WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})
# Prepositions that put a capitalised name in place position: "in Kibera", "near Mosul", "from Basra".
PRE_CUES = frozenset({"in", "near", "at", "outside", "around", "from", "to", "into", "across", "toward", "towards",
                      "between", "inside", "within", "through", "along", "throughout", "off", "via", "on"})
# Nouns that take "of" before a place: "the city of Saada", "the outskirts of Kabul", "40 km north of Baghdad".
OF_NOUNS = frozenset({"city", "town", "village", "province", "district", "region", "governorate", "state", "county",
                      "capital", "outskirts", "outskirt", "area", "suburb", "suburbs", "neighbourhood", "neighborhood",
                      "vicinity", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "centre", "center", "municipality", "camp", "locality", "division", "ward",
                      "environs", "periphery", "residents", "inhabitants", "natives", "people", "villagers",
                      "university", "hospital", "tehsil", "taluka", "subdivision", "sub-division", "sub-district",
                      "subdistrict", "upazila", "commune", "cbd", "ne", "nw", "se", "sw", "countryside"})
# Articles written in lower case before a name, which belong to it: "in el Hermel", "in el Mina".
NAME_ARTICLES = frozenset({"al", "el", "ad", "adh", "an", "ar", "ash", "az", "ed", "ez", "en", "es", "er", "ul"})
# Adjectives between a cue and a name that keep the cue: "in rural Tal Tamer", "in western Mosul". A country so
# qualified is no event place ("in western Yemen (Al Hudaydah)": the region after it is).
COMPASS_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "central", "north-eastern",
                                "north-western", "south-eastern", "south-western", "northeastern", "northwestern",
                                "southeastern", "southwestern"})
PART_ADJECTIVES = COMPASS_ADJECTIVES | {"rural"}
# Cues that most often introduce where the event itself happened (unlike "from", "to", "toward").
STRONG_CUES = frozenset({"in", "near", "at", "outside", "around", "inside", "within", "outskirts", "outskirt",
                         "vicinity", "north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "area", "suburbs", "suburb", "city", "town", "village", "camp", "district", "ne",
                         "nw", "se", "sw", "countryside", "region", "province", "governorate", "county"})
# Cues that put the event beside the place rather than in it: a city found this way has precision "near".
NEAR_CUES = frozenset({"near", "outside", "around", "outskirts", "outskirt", "vicinity", "north", "south", "east",
                       "west", "northeast", "northwest", "southeast", "southwest", "area", "suburbs", "suburb",
                       "environs", "periphery", "ne", "nw", "se", "sw", "countryside"})
# Nouns right after a name, and the gazetteer kind each points to ("Haifa city", "Diyala province").
POST_CUES = {"city": "city", "town": "city", "village": "city", "camp": "city", "neighbourhood": "city",
             "neighborhood": "city", "suburb": "city", "township": "city", "province": "admin1",
             "governorate": "admin1", "state": "admin1", "county": "admin1", "region": "admin1",
             "oblast": "admin1", "prefecture": "admin1", "department": "admin1", "district": None, "area": None,
             # second- and third-level units of South Asia, Nigeria and elsewhere ("Sui tehsil", "Rafi LGA")
             "tehsil": None, "taluka": None, "taluk": None, "lga": None, "subdivision": None, "sub-division": None,
             "sub-district": None, "subdistrict": None, "upazila": None, "commune": None}
# Nouns that call the name before them a town of its own ("Nawabshah city", "Lunsar town").
TOWN_NOUNS = frozenset({"city", "town"})
# Lower-case words that may sit inside a place name ("Jurf al-Sakhar", "Deir ez-Zor", "Umm Qasr").
CONNECTORS = frozenset({"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "az", "ed", "ez", "en", "es", "er",
                        "et", "ul", "de", "del", "des", "di", "da", "du", "do", "dos", "das", "la", "le", "los", "las",
                        "y", "e", "i",
                        "ye", "sub", "wa", "bin", "ibn", "ki", "ka", "ke", "-", "'", "’", "."})
# Capitalised words that may follow a name inside the same run without making it another name ("Tel Aviv City",
# "Mathare North"); any other capitalised word means the name is part of a longer one ("Holiday Inn", "Glen Road").
GENERIC_WORDS = frozenset(POST_CUES) | COMPASS_ADJECTIVES | frozenset({
    "sub-county", "subcounty", "division", "ward", "raion", "island", "islands", "municipality", "north", "south",
    "east", "west", "upper", "lower", "agency", "estate", "slum", "refugee"})
# Words that make the name before them a part of the town named next: "the Sadr City area of Baghdad",
# "the Sisli neighborhood in Istanbul", "the Abu Ghraib neighborhood, Baghdad". The town is the event's place,
# as GTD and ACLED code it; the part's own name stays in the evidence.
PART_WORDS = frozenset({"area", "neighbourhood", "neighborhood", "quarter", "locality", "precinct", "sector",
                        "colony", "sub-district", "subdistrict", "estate", "slum"})
# Tokens that may separate a name from the region or country it lies in: "Kibera, Nairobi", "Sirwah (Marib)".
BESIDE_SEPARATORS = frozenset({",", "(", ")", "in", "of", "-", "–", "the"})
# Words of the land around a town that may stand between a town and its region: "the town of Foah in the
# countryside of Idleb".
SURROUNDING_WORDS = frozenset({"countryside", "outskirts", "vicinity", "environs", "periphery"})
# Tokens between two names of one group: separators, "district"-like words and unknown names in a comma list
# ("Bara, Khyber district, Federally Administered Tribal Areas, Pakistan").
MAX_GROUP_GAP = 12
# The cue of a town named as an end of a road ("the Damboa - Maiduguri road"): a place of the story, but where an
# event on the road happened only when the text names no nearer place.
ROAD_CUE = "road"
# The cue of the second name of "between X and Y": a place, but the event is placed at the first.
PAIR_CUE = "and"
# Cues of places that stand for an event only when the text names no other: a road's ends, a pair's second name.
SECONDARY_CUES = frozenset({ROAD_CUE, PAIR_CUE})
# Entity labels of the parties of "between X and Y" that are no places.
ACTOR_LABELS = frozenset({"ORG", "PERSON", "NORP"})
# Dashes that join the two ends of a road ("the Aleppo-Lattakia highway").
DASHES = frozenset({"-", "–", "—"})
# How far back "between" may stand from the "and" of its pair ("between Hammam al Turkman and Suluk").
MAX_PAIR_GAP = 6
MAX_NAME_TOKENS = 8
# Spelling variants ("Hilla" -> "Hillah", "Awamiyya" -> "Awamiyah") are tried only for short names of this size.
MAX_VARIANT_TOKENS = 3
MIN_VARIANT_CHARS = 4
# Score weights, added to a row's prior (gazetteer.KIND_PRIOR).
# A country the rest of the article points to (share of its votes) is worth up to 6 points: enough to move a name
# from a big city abroad to a town of the article's country (Tripoli LBN vs LBY), not enough to beat a country.
COUNTRY_WEIGHT = 6.0
# The admin1 region or country named beside a name ("Sirwah (Marib)") decides between namesakes.
ADMIN1_BESIDE = 8.0
COUNTRY_BESIDE = 4.0
# A trailing "city"/"province" word, or a name that follows another as its region ("Ba'quba, Diyala"), sets the kind.
KIND_HINT = 3.0
CONTEXT_ROLE = 2.0
# A town in the part of the country where a mission the article names works ("the OSCE SMM observed ... near
# Vodyane": the Vodyane of Donetsk oblast, not its namesakes elsewhere in Ukraine).
MISSION_AREA = 3.0
# A mission named in the article votes for its host country like a named region: enough to drop a namesake town
# abroad (STRAY_MIN_VOTES).
MISSION_VOTE = 1.5
# A name that is the place's own GeoNames name, not one of its alternate names in another language.
PRIMARY_NAME = 1.5
# A country bordering one the article points to gets this share of that country's votes: an armed group's home
# makes the neighbour's town likelier than a namesake on another continent ("al Shabaab suspect in Kwale town").
NEIGHBOUR_SHARE = 0.3
# A town below this size, in a country nothing else in the article points to, while the article names another
# country or region (STRAY_MIN_VOTES: one country or admin1 mention), is a foreign namesake of an unknown local
# place ("Rangamati" BGD in a story from Jharkhand, India): it is dropped.
STRAY_MAX_POPULATION = 100_000
STRAY_MIN_VOTES = 1.5
# A hamlet that small is a stray beside any one town of another country ("in the outskirts of Kelly in the
# countryside of Idleb": not the Kelly of North Carolina, population 544).
HAMLET_MAX_POPULATION = 5_000
# Words that may stand between a country's name and the noun it qualifies ("the US anti-terror drive").
MAX_MODIFIER_GAP = 3
# A name introduced by a strong cue is the head of its group ("in Bafoussam town (Mifi, Ouest)"): when it and a
# name beside it cannot lie in one country, this bonus settles which of the two is kept.
HEAD_BONUS = 2.0
# Towns this size or larger, alone of their name, tell the country of a story even with no place cue
# (named_countries); the names of people never do.
NAMED_TOWN_MIN_POPULATION = 20_000
# Features of the rows of admin_units.tsv.gz and of hand-added districts: divisions placed at a centre or seat.
UNIT_FEATURES = frozenset({"ADM2", "ADM3", REGION_POINT_FEATURE})
# Votes a resolved mention gives its country: countries and regions count more than towns.
VOTE_BY_KIND = {"country": 2.0, "admin1": 1.5, "city": 1.0, "site": 1.0, "district": 1.0}


@dataclass(frozen=True)
class PlaceMention:
    """A place name in a doc: token span, its text, the place it resolves to and the cue word before or after it."""

    start: int
    end: int
    text: str
    place: Place
    cue: str | None


@dataclass
class _Hit:
    """A gated name span with its gazetteer candidates, before resolution."""

    start: int
    end: int
    key: str
    cands: list[Entry]
    cue: str | None = None
    hint: str | None = None
    context_of: _Hit | None = None
    group: list[_Hit] | None = None
    best: Entry | None = None
    areas: tuple[str, ...] = ()  # admin1 codes where a mission the article names reports events, main one first
    inside: _Hit | None = None  # the name this one is said to lie in: "Bara town in Idleb" (Idleb)
    separated: bool = False  # right after a comma or bracket: "Kaduna" in "Buruku (Chikun LGA, Kaduna)"
    border: bool = False  # a country named for its border: "near the Somalia border"
    bracketed: str = ""  # the folded words in brackets after it that no other hit reads: "San Lorenzo (Central)"
    called_a_town: bool = False  # "Nawabshah city", "Lunsar town"


def _folded_doc(doc: Doc) -> tuple[str, list[int]]:
    """The doc text folded and padded with spaces, and the positions where apostrophes were dropped."""
    chars = fold_chars(doc.text)
    dropped = [m.start() - k for k, m in enumerate(re.finditer(DROP, chars))]
    return " " + chars.replace(DROP, "") + " ", dropped


def _capitalised(tok: Token) -> bool:
    """A word that starts with a capital, or with a lower-case class prefix before one ("eThekwini", "iLembe")."""
    text = tok.text
    return text[:1].isupper() or len(text) > 2 and text[0].islower() and text[1].isupper() and text.isalpha()


def _is_name_token(tok: Token) -> bool:
    """Capitalised words and numbers, or a connector inside a name; a capitalised cue ("In") ends a name."""
    if tok.lower_ in PRE_CUES or hyphen_prefix(tok):
        return False
    return _capitalised(tok) or tok.like_num or tok.lower_ in CONNECTORS


def hyphen_prefix(tok: Token) -> bool:
    """The "sub" of "Karrada sub-district": a prefix of the lower-case word after it, not a part of the name."""
    return tok.lower_ == "sub" and tok.i + 2 < len(tok.doc) and tok.nbor(1).text == "-" and tok.nbor(2).is_lower


def glued_modifier(doc: Doc, end: int) -> bool:
    """A name hyphenated to a lower-case word ("Somalia-based", "Iran-backed", "a Pipes-producing company"): it
    describes who or what, not where."""
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and doc[end + 1].is_lower and doc[end + 1].is_alpha


def _runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of name tokens that start with a capital: the proper names of the text. A dash between the two
    ends of a road ends a run ("on the Damboa - Maiduguri road", "the Aleppo-Lattakia highway")."""
    runs = []
    i = 0
    while i < len(doc):
        if not _capitalised(doc[i]) or doc[i].lower_ in PRE_CUES:
            i += 1
            continue
        j = i + 1
        while j < len(doc) and _is_name_token(doc[j]) and not doc[j].is_sent_start:
            j += 1
        runs.extend(_between_road_ends(doc, i, j))
        i = j
    return runs


def _between_road_ends(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A run split at its dashes when a road word follows it: they join the two ends of the road ("Damboa -
    Maiduguri road", "Aleppo-Lattakia highway"); else the run whole ("Pimpri - Chinchwad city")."""
    road = end < len(doc) and doc[end].lower_ in words("road_noun")
    cuts = [k for k in range(start + 1, end - 1) if doc[k].text in DASHES] if road else []
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    return [(a + (a != start), b) for a, b in zip(bounds, bounds[1:]) if b > a + (a != start)]


def _raw_spans(doc: Doc, runs: list[tuple[int, int]]) -> dict[tuple[int, int], str]:
    """Token spans whose text is a gazetteer key: automaton hits over the doc, dict look-ups inside marked runs."""
    gaz = load()
    padded, dropped = _folded_doc(doc)
    spans: dict[tuple[int, int], str] = {}
    for start, end, key in gaz.scan(padded):
        if not any(c.isalpha() for c in key):
            continue  # "Province 4" is indexed as "4" too: a number alone names no place ("near Zolote-4")
        lo = start - 1 + bisect.bisect_right(dropped, start - 1)
        hi = end - 2 + bisect.bisect_right(dropped, end - 2) + 1
        span = doc.char_span(lo, hi, alignment_mode="expand")
        while span is not None and len(span) and span[-1].is_punct and span[-1].text not in ("'", "’"):
            span = span[:-1]  # the padding space matched where "." or "-" was folded away: "Limuru." is "Limuru"
        if span is not None and len(span):
            spans[(span.start, span.end)] = key
    for run_start, run_end in runs:
        marked = any(t.ent_type_ in PLACE_LABELS for t in doc[run_start:run_end]) or _separated(doc, run_start) \
            or _cue(doc, run_start, run_end)[0] is not None \
            or any(local_noun_after(doc, i) or _regions_in_brackets(doc, i) for i in range(run_start + 1, run_end + 1)) \
            or object_of_an_attack(doc[run_start:run_end]) or _road_end(doc, run_start, run_end)
        for i in range(run_start, run_end if marked else run_start):
            for j in range(i + 1, min(run_end, i + MAX_NAME_TOKENS) + 1):
                if (i, j) in spans or doc[i].is_punct or doc[j - 1].is_punct or not (key := fold(doc[i:j].text)):
                    continue  # a name neither starts nor ends with "-" or "."
                if gaz.has(key):
                    spans[(i, j)] = _town_spelt_otherwise(gaz, key) if j - i <= MAX_VARIANT_TOKENS else key
                elif (base := _numbered_part_of(doc[j - 1].text, key)) is not None and gaz.has(base):
                    spans[(i, j)] = base  # "near Zolote-4": a numbered part of Zolote
                elif j - i <= MAX_VARIANT_TOKENS and len(key) >= MIN_VARIANT_CHARS:
                    found = next((v for v in variants(key) if gaz.has(v)), None)
                    if found:
                        spans[(i, j)] = found
    return spans


def _town_spelt_otherwise(gaz: Gazetteer, key: str) -> str:
    """The key, or a spelling of it that names a town where the key names only a district placed at its region's
    point: "Bossaso" is Bossaso District, at Bari's point; "Bosaso" is the town, in that district's region."""
    units = gaz.candidates(key)
    if len(key) < MIN_VARIANT_CHARS or not all(c.feature == REGION_POINT_FEATURE for c in units):
        return key
    regions = {c.admin1 for c in units}
    return next((v for v in variants(key) if any(c.kind == "city" and c.admin1 in regions for c in gaz.candidates(v))),
                key)


def _road_end(doc: Doc, start: int, end: int) -> bool:
    """A name that ends a road: before a dash and the other end ("Damboa - Maiduguri road"), or after one."""
    if end < len(doc) and doc[end].lower_ in words("road_noun"):
        return start > 0 and doc[start - 1].text in DASHES
    if end >= len(doc) or doc[end].text not in DASHES:
        return False
    j = end + 1
    while j < len(doc) and _is_name_token(doc[j]) and doc[j].text not in DASHES:
        j += 1
    return j > end + 1 and j < len(doc) and doc[j].lower_ in words("road_noun")


def _numbered_part_of(last_word: str, key: str) -> str | None:
    """The key of the town a numbered name belongs to ("Zolote-4" -> "zolote"), else None."""
    if not re.search(r"-\d{1,2}$", last_word):
        return None
    found = re.fullmatch(r"(.*[a-z]) \d{1,2}", key)
    return found.group(1) if found else None


def _separated(doc: Doc, i: int) -> bool:
    """A name right after a comma or bracket: possibly the region of the name before it."""
    return i > 0 and doc[i - 1].text in (",", "(")


def _cue(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """The cue word before or after a span, and the kind a following noun points to."""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in ("the", "a") or doc[i].lower_ in NAME_ARTICLES and doc[i].is_lower
                      or doc[i].lower_ in PART_ADJECTIVES or _hyphened_article(doc, i)):
        i -= 2 if _hyphened_article(doc, i) else 1
    cue = None
    if i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ in OF_NOUNS:
        noun = doc[i - 1].lower_
        k = i - 2
        while k >= 0 and (doc[k].lower_ in ("the", "a", "km", "kilometres", "kilometers", "miles") or doc[k].like_num):
            k -= 1
        prep = doc[k].lower_ if k >= 0 and doc[k].lower_ in PRE_CUES else None
        cue = noun if noun in NEAR_CUES or prep is None else prep
    elif i > 0 and doc[i].lower_ == "of" and doc[i - 1].lower_ == "outside":
        cue = "outside"  # "outside of Chaghcharan city"
    elif i >= 0 and doc[i].lower_ in PRE_CUES:
        cue = doc[i].lower_
    elif i > 0 and doc[i].lower_ == "and" and (_second_of_a_pair(doc, i, start) or _last_of_a_list(doc, i)):
        cue = PAIR_CUE  # "on the road between Hammam al Turkman and Suluk": the second end of the pair
    after = doc[end].lower_ if end < len(doc) else ""
    if cue is None and after in POST_CUES:
        cue = after
    return cue, POST_CUES.get(after)


# Unknown names this long (folded) are looked for among the towns of the story's country one typing slip away.
MIN_SLIP_TOWN_CHARS = 7
# Lower-case words between a name and the brackets that give its regions: "Hodeidah Red Sea port city (Al Hali,
# Al Hudaydah)".
MAX_NOUNS_BEFORE_BRACKET = 2
# Cues that open a list of places named as where something happened ("in Nairobi, Kisumu and Mombasa").
LIST_OPENERS = frozenset({"in", "on", "at", "near", "across"})
# How far back the "and" of a list may stand from its opening cue.
MAX_LIST_SPAN = 24


def _last_of_a_list(doc: Doc, conj: int) -> bool:
    """The name after the "and" that ends a list of names opened by a place cue: "in Shah Wali Kot and Maywand
    districts", "on the Sirwah (Sirwah, Marib) and Nihm frontlines", "in Kabul, Ghor, Laghman, and Balkh"."""
    k = conj - 1
    while k >= max(0, conj - MAX_LIST_SPAN):
        tok = doc[k]
        if tok.lower_ in LIST_OPENERS:
            return k < conj - 1
        if not (tok.text in (",", "(", ")", "[", "]") or tok.lower_ in GENERIC_WORDS or tok.lower_ in ("the", "of")
                or _is_name_token(tok)) or tok.is_sent_start:
            return False
        k -= 1
    return False


def _hyphened_article(doc: Doc, i: int) -> bool:
    """The hyphen of an article written onto a name ("As-Sweida", "Al-Qaim"), which the gazetteer keys leave out."""
    return i > 0 and doc[i].text in DASHES and doc[i - 1].lower_ in CONNECTORS and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_


def _second_of_a_pair(doc: Doc, conj: int, start: int) -> bool:
    """The name after the "and" of "between X and Y", X and Y no group or person ("between Mungiki and Taliban
    gangs" pairs gangs, not places)."""
    between = next((t.i for t in reversed(doc[max(0, conj - MAX_PAIR_GAP):conj]) if t.lower_ == "between"), None)
    if between is None:
        return False
    first = next((t for t in doc[between + 1:conj] if t.lower_ != "the"), None)
    return all(t is not None and t.ent_type_ not in ACTOR_LABELS for t in (first, doc[start]))


def _whole_name(doc: Doc, start: int, end: int, run: tuple[int, int] | None) -> bool:
    """The span is its run's whole proper name, give or take generic words ("Haifa City"), not part of "Glen Road"."""
    if run is None:
        return True
    rest = [t for t in doc[run[0]:run[1]] if not start <= t.i < end
            and not (t.i < start and (t.like_num or t.ent_type_ in ("DATE", "TIME")  # "01 Oct. Mombasa residents"
                                      or t.lower_.rstrip(".") in MONTHS))  # "12 Sep. Gatundu", not read as a date
            and not (t.i >= end and _acronym(t))]  # "Nyeri KMTC students": the town's college
    return all(t.lower_ in GENERIC_WORDS or t.lower_ in CONNECTORS or t.lower_ in words("local_noun")
               or not _wordlike(t) for t in rest)


def _acronym(tok: Token) -> bool:
    """An all-capital short name of an institution ("KMTC", "CBD")."""
    return len(tok.text) >= 2 and tok.text.isalpha() and tok.text.isupper()


def _wordlike(tok: Token) -> bool:
    """A token with letters in it ("Ba'quba" counts; "," and "22" do not)."""
    return any(c.isalpha() for c in tok.text)


def _vetoed(tok: Token) -> bool:
    """Inside a date or number entity, a demonym our entity ruler tagged (the model's NORP guesses are kept), or
    the name of a group in our actor dictionary ("GNA", "IS", "al Shabaab": not the towns that share the name)."""
    return tok.ent_type_ in VETO_LABELS and (tok.ent_type_ != "NORP" or bool(tok.ent_id_)) \
        or tok.ent_type_ == "ORG" and bool(tok.ent_id_)


def _gate(doc: Doc, start: int, end: int, run: tuple[int, int] | None, chained: bool, site: bool = False,
          firm: bool = False, cands: Sequence[Entry] = ()) -> bool:
    """Capitalised, not a date/number/demonym, a whole name, and marked by a place entity, a cue, a chain, a road it
    ends ("the Baalbek-Homs road"), or a site.
    `firm` asks what a district or ward name needs, as tens of thousands of them share names with people ("Albert")
    and words: a strong cue ("in", "near", "residents of", "X district"), not any preposition."""
    span = doc[start:end]
    words = [t for t in span if _wordlike(t) and t.lower_ not in CONNECTORS]
    if not words or not any(_capitalised(t) for t in words) or glued_modifier(doc, end) or _names_a_thing(doc, end) \
            or _common_word_opening(span, cands) or _nationality(doc, end, cands):
        return False
    if _vetoed(words[0]) and not site and not _overruled(doc, words[0], start, end) \
            and not (chained and words[0].ent_type_ in GUESSED_LABELS):  # "(Shabunda, Sud-Kivu)" read as a title
        return False
    if site and _whole_name(doc, start, end, run):
        return True
    if not _whole_name(doc, start, end, run):
        return False
    if chained and (run is None or start == run[0]):
        return True
    cue, kind = _cue(doc, start, end)
    cued = (cue in STRONG_CUES or cue in OF_NOUNS or kind is not None) if firm else cue is not None
    return any(t.ent_type_ in PLACE_LABELS for t in span) or cued or local_noun_after(doc, end) \
        or _regions_in_brackets(doc, end) or object_of_an_attack(span) or _road_end(doc, start, end)


def _common_word_opening(span: Span, cands: Sequence[Entry]) -> bool:
    """One word that opens its sentence, that the tagger reads as a common noun or adjective, with no place label,
    and that names only hamlets or unsized districts: a word capitalised by its position ("Council workers go on
    strike", "Coffee farmers riot"), not a town ("Mandera residents held a demonstration")."""
    tok = span[0]
    return len(span) == 1 and tok.is_sent_start and tok.pos_ in ("NOUN", "ADJ") and tok.ent_type_ not in PLACE_LABELS \
        and bool(cands) and all(c.kind in ("city", "district") and c.population < HAMLET_MAX_POPULATION for c in cands)


def object_of_an_attack(span: Span) -> bool:
    """A name the parse makes the object of an attack or of going in ("Al Shabaab attacked Yumbis", "militants
    stormed Witu"): a place, whoever the model took it for."""
    root = span.root
    if root.dep_ != "dobj" or root.head.pos_ != "VERB":
        return False
    verb = root.head.lemma_.lower()
    return verb in words("enter_verb") or any(t.event_type == "ASSAULT" for t in triggers().get(verb, ()))


def _names_a_thing(doc: Doc, end: int) -> bool:
    """A name that qualifies a currency or a street ("the US dollar exchange rate", "Haifa Street" in Baghdad): no
    place of the story, and no vote for a country."""
    return end < len(doc) and (doc[end].lower_ in words("currency") or doc[end].lower_ in words("street_noun"))


def _nationality(doc: Doc, end: int, cands: Sequence[Entry]) -> bool:
    """A country's name modifying the noun after it ("an attack on Burundi troops", "Kenya police"): whose they are,
    not where anything happened (a town's name there is its people's place: "Mombasa traders"; "the Kenya border"
    is a place). A hamlet of the same name does not count against the country ("the US embassy": not Us, France);
    other modifiers of the noun may stand between ("the US anti-terror drive")."""
    return _qualifies_a_noun(doc, end) and any(c.kind == "country" for c in cands) \
        and all(c.kind == "country" or c.population < HAMLET_MAX_POPULATION for c in cands)


def _qualifies_a_noun(doc: Doc, end: int) -> bool:
    """The name ending at `end` modifies a common noun right after it, or after a few other modifiers of that noun
    ("Burundi troops", "the US anti-terror drive"); not a border ("the Kenya border")."""
    head = doc[end - 1].head
    return end < len(doc) and end <= head.i <= end + MAX_MODIFIER_GAP and head.pos_ == "NOUN" \
        and all(t.head.i == head.i for t in doc[end:head.i]) and head.lower_ not in words("border_noun")


def _regions_in_brackets(doc: Doc, end: int) -> bool:
    """A name followed by its district and region in brackets, as coders write places: "Kagara (Rafi LGA, Niger)"."""
    if end >= len(doc) or doc[end].text != "(":
        return False
    for tok in doc[end + 1:end + 1 + MAX_GROUP_GAP]:
        if tok.text == ")":
            return any(t.text == "," for t in doc[end + 1:tok.i]) and _is_name_token(doc[tok.i - 1])
    return False


def _bracket_after(doc: Doc, end: int) -> int | None:
    """Where the bracketed regions after a name open, past a noun such as "village" or "hill", or two ("port city"),
    and a gloss in square brackets ("Tchamilemba village (Shabunda, Sud-Kivu)", "Cahi hill (Mwumba, Ngozi)", "Thirah
    mountain [Aqabat Thirah] (Mukayras, Al Bayda)"), or None."""
    for _ in range(MAX_NOUNS_BEFORE_BRACKET):
        if end < len(doc) and doc[end].is_lower and doc[end].is_alpha:
            end += 1  # "village", "locality", "hill", "port city"
    if end < len(doc) and doc[end].text == "[":  # a gloss in square brackets: "Thirah mountain [Aqabat Thirah] (...)"
        end = next((t.i + 1 for t in doc[end + 1:end + 2 + MAX_GROUP_GAP] if t.text == "]"), end)
    return end if _regions_in_brackets(doc, end) else None


def local_noun_after(doc: Doc, end: int) -> bool:
    """A name's people or institution follows it: "Mombasa traders", "Kisii University", "Nairobi's market"."""
    i = end + 1 if end < len(doc) and doc[end].text in ("'s", "’s") else end
    if i < len(doc) and doc[i].lower_ in words("local_noun"):
        return True
    # one noun or acronym between: "Isiolo boys school", "Nyeri KMTC students"
    return i + 1 < len(doc) and (doc[i].is_lower and doc[i].pos_ == "NOUN" or _acronym(doc[i])) \
        and doc[i + 1].lower_ in words("local_noun")


def _overruled(doc: Doc, tok: Token, start: int, end: int) -> bool:
    """A label a place cue may overrule: the model's guesses ("in Moyale town"), a community that shares its
    land's name ("in Turkana", "Turkana County residents": the county), and a people's name before a region's noun
    ("Goday, Shabelle Zone (Somali region)": Ethiopia's Somali region; not "the Somali region of Gedo")."""
    community = tok.ent_type_ == "NORP" and community_of(tok.ent_id_)
    region = tok.ent_type_ == "NORP" and _cue(doc, start, end)[1] == "admin1" \
        and not (end + 1 < len(doc) and doc[end + 1].lower_ == "of")
    return (tok.ent_type_ in GUESSED_LABELS or community or _misread_count(tok)) and _locative_cue(doc, start, end) \
        or region


def _misread_count(tok: Token) -> bool:
    """A capitalised name the model took for a date or a number ("in Quneitra" as DATE, "at Malindi prison" as
    CARDINAL): a word, not a number, month or weekday."""
    return tok.ent_type_ in COUNT_LABELS and tok.is_title and tok.is_alpha and tok.lower_ not in STOP_KEYS \
        and not tok.like_num


def _locative_cue(doc: Doc, start: int, end: int) -> bool:
    """A strong place cue before the name, or a place noun after it ("in Moyale", "Moyale town")."""
    cue, kind = _cue(doc, start, end)
    return cue in STRONG_CUES or kind is not None


def _joined(doc: Doc, end: int, start: int) -> bool:
    """Only separators, "district"-like or part words and names lie between two names, within one sentence
    ("Naushera sector area (Rajouri district, J&K)")."""
    gap = doc[end:start]
    return len(gap) <= MAX_GROUP_GAP and not any(t.is_sent_start for t in doc[end:start + 1]) and all(
        t.lower_ in BESIDE_SEPARATORS or t.lower_ in GENERIC_WORDS or t.lower_ in PART_WORDS
        or t.lower_ in SURROUNDING_WORDS or _is_name_token(t) for t in gap)


def _chained_runs(doc: Doc, runs: list[tuple[int, int]]) -> set[int]:
    """Starts of runs that follow a marked run after a comma or bracket: "near Starohnativka, Donetsk"."""
    chained: set[int] = set()
    marked_end = -1
    bracket_end = -1  # the ")" of "Kambi ya Yua (Beni, Nord-Kivu)": the names inside are the regions of the one before
    named = {a: any(t.ent_type_ in PLACE_LABELS for t in doc[a:b]) or _cue(doc, a, b)[0] is not None for a, b in runs}
    for a, b in runs:
        if a < bracket_end:
            chained.add(a)
        elif (opening := _bracket_after(doc, b)) is not None:
            bracket_end = next(t.i for t in doc[opening + 1:] if t.text == ")")
        marked = named[a]
        if marked_end >= 0 and _separated(doc, a) and _joined(doc, marked_end, a):
            chained.add(a)
            marked = True
        if marked:
            marked_end = b
        elif not _joined(doc, marked_end, a):
            marked_end = -1
    # and the names of a comma list that ends in a marked one: "in Dhardhariya jungle, Lohardaga, Jharkhand, India"
    # (the model often reads "Lohardaga, Jharkhand" as one organisation)
    following_start = -1
    for a, b in reversed(runs):
        marked = a in chained or named[a]
        if following_start == b + 1 and b < len(doc) and doc[b].text == "," and not doc[b + 1].is_sent_start:
            chained.add(a)
            marked = True
        following_start = a if marked else -1
    return chained


def _select(doc: Doc, spans: dict[tuple[int, int], str], runs: list[tuple[int, int]]) -> list[_Hit]:
    """Longest gated names first, without overlaps."""
    gaz = load()
    run_of = {i: run for run in runs for i in range(*run)}
    chained = _chained_runs(doc, runs)
    chosen: list[_Hit] = []
    taken: set[int] = set()
    for (s, e), key in sorted(spans.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
        run = run_of.get(s + 1 if doc[s].lower_ == "the" else s)  # "the River" is part of "River Chania"
        if taken.intersection(range(s, e)):
            continue
        cands = gaz.candidates(key) + _namesakes_of_kind(doc, s, e, key)
        if _acronym_of_towns(doc[s:e], cands):
            continue
        # A hand-added site ("Tower 22") is a distinctive name: it needs no cue and may be any entity.
        if _gate(doc, s, e, run, run is not None and run[0] in chained, any(c.kind == "site" for c in cands),
                 firm=all(_is_unit(c) for c in cands), cands=cands):
            hit = _Hit(s, e, key, cands)
            hit.cue, hit.hint = _cue(doc, s, e)
            hit.separated = _separated(doc, s)
            hit.border = names_a_border(doc, s, e)
            hit.called_a_town = e < len(doc) and doc[e].lower_ in TOWN_NOUNS
            if _road_end(doc, s, e):
                hit.cue = ROAD_CUE
            if s > 0 and doc[s - 1].lower_ in PART_ADJECTIVES and all(c.kind == "country" for c in cands):
                hit.cue = None  # "in western Yemen (Al Hudaydah)": the region, not the country, is the place
            chosen.append(hit)
            taken.update(range(s, e))
    return sorted(chosen, key=lambda h: h.start)


def _namesakes_of_kind(doc: Doc, start: int, end: int, key: str) -> list[Entry]:
    """For "Hyderabad city", "Faryab province": the places of that kind named by the name without its noun, which
    GeoNames may list under the long form for only one of them (Hyderabad PAK, not Hyderabad IND)."""
    kind = POST_CUES.get(doc[end - 1].lower_) if end - start > 1 else None
    short = fold(doc[start:end - 1].text) if kind else ""
    if not short or short == key:
        return []
    gaz = load()
    own = set(gaz.rows(key))
    return [c for c in gaz.candidates(short) if c.kind == kind and c.row not in own]


def _acronym_of_towns(span: Span, cands: list[Entry]) -> bool:
    """Capitals that only towns share ("the NGO", "an MCA") and the model does not read as a place: an acronym."""
    text = span.text
    return len(text) > 1 and text.isupper() and all(c.kind == "city" for c in cands) \
        and not any(t.ent_type_ in ("GPE", "LOC") for t in span)


def _group(doc: Doc, hits: list[_Hit]) -> None:
    """Chain names joined by commas, brackets, "in"/"of" into groups: "Rangamati village in Dhabatand, Giridih, India"."""
    siblings = _sibling_lists(doc, hits)
    for k, (a, b) in enumerate(zip(hits, hits[1:])):
        gap = doc[a.end:b.start]
        if k in siblings:
            continue  # "in Nairobi, Kisumu and Mombasa": three towns, none the region of another
        if _joined(doc, a.end, b.start):
            if a.group is None:
                a.group = [a]
            a.group.append(b)
            b.group = a.group
            # a comma or bracket past the name's kind ("Rafi LGA, Niger"), or a bracket past its part words too
            # ("Batgran sector area (Baramulla district, J&K)"; "the Sadr City area, Baghdad" stays part of a town)
            mark = next((t for t in gap if t.lower_ not in GENERIC_WORDS or t.lower_ in PART_WORDS), None)
            bracket = next((t for t in gap if t.lower_ not in PART_WORDS and t.lower_ not in GENERIC_WORDS), None)
            if mark is not None and mark.text in (",", "(") or bracket is not None and bracket.text == "(":
                b.context_of = a
            elif any(t.lower_ == "in" for t in gap) or len(gap) == 2 and gap[1].lower_ == "of" \
                    and gap[0].lower_ in SETTLEMENT_NOUNS and not _modifies_the_noun(doc, a.start):
                # "Bara town in Idleb", "Jerusalem village of Kirinyaga County"; not a name that modifies the noun
                # after it ("the Turkana village of Runo" is Runo, a village of Turkana), nor a part of a city,
                # which may lie across a line the gazetteer draws ("the Shufat neighbourhood of Jerusalem")
                a.inside = b


# Nouns of a settlement that, between two names and "of", make the second name hold the first ("Jerusalem village
# of Kirinyaga County").
SETTLEMENT_NOUNS = frozenset({"village", "town", "hamlet", "settlement", "locality"})
def _modifies_the_noun(doc: Doc, start: int) -> bool:
    """A name after an article or adjective ("the Turkana village", "the northwestern New Philadelphia town"): it
    modifies the noun after it."""
    return start > 0 and (doc[start - 1].lower_ in ("the", "a", "an") or doc[start - 1].pos_ == "ADJ")


# What ends a list of places after its commas ("Nairobi, Kisumu and Mombasa", "Kabul, Ghor, Laghman, and Balkh").
LIST_ENDS = (("and",), (",", "and"))


def _sibling_lists(doc: Doc, hits: list[_Hit]) -> set[int]:
    """Indexes k of the comma gaps between hits k and k + 1 that separate the items of one list ("A, B and C")."""
    gaps = [tuple(t.lower_ for t in doc[a.end:b.start]) for a, b in zip(hits, hits[1:])]
    listed: set[int] = set()
    k = 0
    while k < len(gaps):
        j = k
        while j < len(gaps) and gaps[j] == (",",):
            j += 1
        # (not "in Guadalupe, Zacatecas and Monterrey, Nuevo Leon": towns each with its state)
        paired = j + 1 < len(gaps) and gaps[j + 1] == (",",)
        if k < j < len(gaps) and gaps[j] in LIST_ENDS and not paired:
            listed.update(range(k, j))
        k = j + 1
    return listed


def _score(hit: _Hit, cand: Entry, votes: dict[str, float]) -> float:
    """Prior, plus the article's countries, the region named beside, and the kind the cue points to."""
    score = cand.prior()
    if hit.key in (admin1_keys(cand.name) if cand.kind == "admin1" else keys(cand.name)):
        score += PRIMARY_NAME
    top = max(votes.values(), default=0.0)
    if top > 0:
        share = _others_votes(hit, cand.country, votes) or \
            NEIGHBOUR_SHARE * max((_others_votes(hit, c, votes) for c in neighbours(cand.country)), default=0.0)
        score += COUNTRY_WEIGHT * share / top
    for other in hit.group or []:
        if other is hit:
            continue
        if other.key == hit.key:
            # "in Santa Ana (Santa Ana)": a town named again as its region; only a region reading says anything
            regions = {c.admin1 for c in other.cands if c.kind == "admin1"}
            if cand.admin1 and cand.admin1 in regions and (hit.context_of is other or other.context_of is hit):
                score += ADMIN1_BESIDE
            continue
        if cand.admin1 and cand.admin1 in _regions_named(other, after=other.start > hit.start) or \
                _holds_a_town_before(cand, other, hit):
            score += ADMIN1_BESIDE
        elif any(c.country == cand.country for c in other.cands):
            score += COUNTRY_BESIDE
    if hit.bracketed and (region := load().admin1_name(cand.admin1) if cand.admin1 else None) \
            and hit.bracketed in admin1_keys(region):
        score += ADMIN1_BESIDE
    if hit.hint and cand.kind == hit.hint:
        score += KIND_HINT
    if cand.kind == "city" and cand.admin1 in hit.areas and all(other is hit for other in hit.group or []):
        score += MISSION_AREA  # a region named beside says more ("near Orikhove, Luhansk")
    if hit.context_of is not None and cand.kind in ("admin1", "country"):
        score += CONTEXT_ROLE
    return score


def _holds_a_town_before(cand: Entry, other: _Hit, hit: _Hit) -> bool:
    """A region reading of a name that holds a town named just before it ("in Ivankiv, Kyiv": Kyiv oblast, which holds
    Ivankiv, not Kyiv City)."""
    return cand.kind == "admin1" and hit.context_of is other \
        and any(c.kind == "city" and c.admin1 == cand.admin1 for c in other.cands)


def _others_votes(hit: _Hit, country: str, votes: dict[str, float]) -> float:
    """A country's votes less the one the name itself gave it in an earlier round."""
    own = VOTE_BY_KIND[hit.best.kind] if hit.best is not None and hit.best.country == country else 0.0
    return max(0.0, votes.get(country, 0.0) - own)


def _regions_named(other: _Hit, after: bool) -> set[str]:
    """Admin1 codes a name beside may stand for: its regions and districts when it names any ("Guadalupe,
    Zacatecas" is the state, not a hamlet Zacatecas in Nuevo Leon), else, for a name after it, which holds it,
    the regions of its towns ("Warmahan village (Afgooye, Lower Shabelle)"); a name before it lies in it, and its
    towns' regions say nothing ("the White House in Washington": no Whitehouse of Maryland makes it Maryland's)."""
    regions = {c.admin1 for c in other.cands if c.kind in ("admin1", "district")} - {""}
    return regions or ({c.admin1 for c in other.cands if c.kind == "city"} - {""} if after else set())


def resolve(hits: list[_Hit], votes: dict[str, float]) -> list[_Hit]:
    """Pick each hit's best candidate with the article's country votes; drop names foreign to their own group."""
    for hit in hits:
        hit.best = _region_of_the_town(hit) or max(hit.cands, key=lambda c: _score(hit, c, votes))
    tally = _tally(hits, votes)
    for hit in hits:
        hit.best = _region_of_the_town(hit) or max(hit.cands, key=lambda c: _score(hit, c, tally))
    anchored = {h.best.country for h in hits if h.best is not None and  # places no hamlet can outvote
                (h.best.kind != "city" or h.best.population >= HAMLET_MAX_POPULATION) and not _border_country(h)}
    borders = {h.best.country for h in hits if _border_country(h)}  # type: ignore[union-attr]
    strays: set[int] = set()
    for hit in hits:
        if _is_stray(hit, tally, anchored, borders):
            region = _own_region(hit)
            if region is None:
                strays.add(id(hit))
            else:
                hit.best = region
    kept = []
    for hit in hits:
        assert hit.best is not None
        if id(hit) in strays:
            continue
        others = [h for h in hit.group or [] if h is not hit and h.best is not None and id(h) not in strays]
        anchors = [h for h in others if h.best.kind == "country"] or \
            [h for h in others if h.best.kind == "admin1"] or others  # type: ignore[union-attr]
        allowed = {h.best.country for h in anchors}  # type: ignore[union-attr]
        if allowed and hit.best.country not in allowed:
            inside = [c for c in hit.cands if c.country in allowed]
            if inside:
                hit.best = max(inside, key=lambda c: _score(hit, c, tally))
            elif not _outweighs(hit, anchors, tally):
                continue
        if _outside_its_region(hit):
            _read_as_regions(hit)
            continue  # left to local_names, which keeps the name at its region's point
        if _outside_mission_areas(hit):
            continue  # placed at the mission's region by place_mentions
        kept.append(hit)
    kept_ids = {id(hit) for hit in kept}
    return [hit for hit in kept if not _unit_of_a_town(hit, kept_ids)]


def _tally(hits: list[_Hit], votes: dict[str, float]) -> dict[str, float]:
    """The article's votes plus one per resolved name, weighed by its kind; a country named for its border gives none
    ("in Lamu near the Somalia border" is in Kenya: the border's other side must not make Lamu a stray)."""
    tally: dict[str, float] = defaultdict(float, votes)
    for hit in hits:
        assert hit.best is not None
        if not _border_country(hit):
            tally[hit.best.country] += VOTE_BY_KIND[hit.best.kind]
    return tally


def _border_country(hit: _Hit) -> bool:
    """A name read as a country and named for its border ("near the Somalia border")."""
    return hit.border and hit.best is not None and hit.best.kind == "country"


def names_a_border(doc: Doc, start: int, end: int) -> bool:
    """The name (tokens start..end) says whose border is meant: "near the Somalia border", "the Syrian border", "the
    Kenya-Somalia border", "the border with Somalia". A border has two sides, so the name says nothing of which side
    the story is on."""
    if any(t.lower_ in ("inside", "within") for t in doc[max(0, start - 2):start]):
        return False  # "shelling inside the Kenyan border": on that side
    i = end
    while i + 1 < len(doc) and doc[i].text in ("-", "–", "/") and _is_name_token(doc[i + 1]):
        i += 2  # "Kenya-Somalia border"
    if i < len(doc) and doc[i].lower_ in words("border_noun"):
        return True
    j = start - 1
    if j >= 0 and doc[j].is_alpha and doc[j].is_lower and doc[j].lower_ not in ("with", "of"):
        j -= 1  # "the border with neighbouring Somalia"
    return j >= 1 and doc[j].lower_ in ("with", "of") and doc[j - 1].lower_ in words("border_noun")


def _is_unit(entry: Entry) -> bool:
    """A ward or district from admin_units.tsv.gz, or a hand-added district: placed only at a centre or seat."""
    return entry.kind in ("city", "district") and entry.geonames_id is None and entry.feature in UNIT_FEATURES


def _unit_of_a_town(hit: _Hit, kept: set[int]) -> bool:
    """A ward named beside a town of its region ("in Fafi, Garissa"): the town, which has a point of its own, is
    where coders put the event; the ward only says which part of it."""
    if hit.best is None or hit.best.kind != "city" or not _is_unit(hit.best):
        return False  # (a district beside a town keeps its place: "in Surobi district, Kabul" is not Kabul city)
    return any(h is not hit and id(h) in kept and h.best is not None and h.best.kind == "city" and not _is_unit(h.best)
               and h.best.admin1 == hit.best.admin1 for h in hit.group or [])


def _is_stray(hit: _Hit, tally: dict[str, float], anchored: set[str], borders: set[str]) -> bool:
    """A town with no other vote for its country that `_stray` finds foreign; it neither stays nor anchors its group
    ("in Irobo village, Shinyalu, Kakamega county": a hamlet of Ivory Coast does not overrule the Kenyan county)."""
    assert hit.best is not None
    others_votes = tally.get(hit.best.country, 0.0) - VOTE_BY_KIND[hit.best.kind]
    return (hit.best.kind == "city" or _is_unit(hit.best)) and others_votes <= 0 \
        and (_stray(hit.best, tally, anchored, borders) or _foreign_byname(hit, anchored))


def _foreign_byname(hit: _Hit, anchored: set[str]) -> bool:
    """A town abroad reached only by one of its other names, in a text anchored in another country: "Kotwali" (the
    name of a police area in many Indian towns) is also a name of Rangpur, Bangladesh, but not in Rajasthan."""
    assert hit.best is not None
    return hit.key not in keys(hit.best.name) and bool(anchored - {hit.best.country})


def _own_region(hit: _Hit) -> Entry | None:
    """The region of a stray town's country that bears its name: a vote abroad does not outweigh a region, so the
    name is read as that ("Israeli airstrikes ... in the western countryside of Dar'a": Daraa governorate)."""
    assert hit.best is not None
    regions = [c for c in hit.cands if c.kind == "admin1" and c.country == hit.best.country]
    return max(regions, key=lambda c: c.population) if regions else None


def _stray(town: Entry, tally: dict[str, float], anchored: set[str], borders: set[str]) -> bool:
    """A town nothing else in the article places in its country, outvoted by another country: a foreign namesake.
    A hamlet is outvoted by any one town of some size, or region, named in another country (`anchored`); the
    article's other hints (its actors) do not count for that, nor does another hamlet. A border named outvotes
    the towns of countries on neither side of it ("Wari village ... from Kenya border" is not in India), and no
    other: "in Lamu near the Somalia border" is in Kenya."""
    beyond_border = any(town.country != country and town.country not in neighbours(country) for country in borders)
    if town.population < STRAY_MAX_POPULATION and (max(tally.values()) >= STRAY_MIN_VOTES or beyond_border):
        return True
    return town.population < HAMLET_MAX_POPULATION and bool(anchored - {town.country})


def _region_of_the_town(hit: _Hit) -> Entry | None:
    """A name given as the region of a town before it that is also the name of a country the town is not in:
    the region holding the town ("Kagara (Rafi LGA, Niger)" is Niger State, Nigeria; "Atlanta, Georgia")."""
    town = hit.context_of
    if town is None or not any(c.kind == "country" for c in hit.cands):
        return None
    countries = {c.country for c in hit.cands if c.kind == "country"}
    if any(c.country in countries for c in town.cands):
        return None
    holding = [c for c in hit.cands if c.kind == "admin1" and any(t.admin1 == c.admin1 for t in town.cands)]
    return max(holding, key=lambda c: c.population) if holding else None


def _outside_its_region(hit: _Hit) -> bool:
    """A town or district whose every reading lies outside the region named after it ("near Kamianka, Donetsk" when
    the gazetteer knows only a Kamianka in Cherkasy): the text's region is surer than a namesake far away."""
    if hit.best is None or hit.best.kind not in ("city", "district") or \
            hit.called_a_town and _named_by_own_name(hit.best, hit.key):
        return False  # a town of some size, called one, is surer than a region mistaken: "Nawabshah city (Nawabshah,
        # Punjab)" is the city of Sindh (villages and districts are not: "Chandauli village, Gaya district, Bihar")
    regions = [r for h in hit.group or [] if h.start > hit.start and h.best is not None
               for r in _region_readings(h, hit.best.country)]
    return bool(regions) and not any(c.admin1 == r.admin1 for c in hit.cands for r in regions)


def _read_as_regions(town: _Hit) -> None:
    """The names after a town outside the region they name are read as that region ("Ali Abad district, Balkh" is
    Balkh province, not Balkh town), as `_outside_its_region` found them."""
    assert town.best is not None
    for h in town.group or []:
        if h.start > town.start and h.best is not None and h.best.kind != "admin1":
            regions = _region_readings(h, town.best.country)
            if regions:
                h.best = max(regions, key=lambda c: c.population)


def _region_readings(hit: _Hit, country: str) -> list[Entry]:
    """The regions of a country a name after a town stands for: its reading when that is a region, else, at the end
    of a comma or bracket chain, its region reading ("Buruku (Chikun LGA, Kaduna)": Kaduna State, not the city)."""
    assert hit.best is not None
    if hit.best.kind == "admin1":
        return [hit.best] if hit.best.country == country else []
    if hit.context_of is None and not hit.separated:
        return []
    return [c for c in hit.cands if c.kind == "admin1" and c.country == country]


def _standing(hit: _Hit, tally: dict[str, float]) -> float:
    """How sure a resolved name is: its score, plus a bonus for the name the cue introduces ("in Bafoussam")."""
    assert hit.best is not None
    head = hit.cue in STRONG_CUES and hit.context_of is None
    return _score(hit, hit.best, tally) + (HEAD_BONUS if head else 0.0)


def _outweighs(hit: _Hit, anchors: list[_Hit], tally: dict[str, float]) -> bool:
    """Two names of one group that no reading puts in one country: a country named beside always wins; otherwise
    the surer name stays ("in Bafoussam town (Mifi, Ouest)" keeps Bafoussam CMR, not Ouest HTI; "near Basira town
    in Deir-ez-Zor" keeps Deir ez-Zor, not a hamlet abroad that a spelling variant found)."""
    if any(h.best is not None and h.best.kind == "country" for h in anchors):
        return False
    if hit.inside in anchors and _holds(hit.inside, hit):
        return False  # "Bara town in Idleb": the text puts it in Idleb, so no Bara abroad is meant
    # "Batgran sector area (Baramulla district, J&K)": a sure region in brackets says where the name is, so it is no
    # Battagram of Pakistan; the region stays
    if any(h.context_of is hit and _sure_region(h) for h in anchors):
        return False
    if hit.context_of in anchors and _sure_region(hit):
        return True
    if any(h.inside is hit and _holds(hit, h) for h in anchors):
        return True
    return _standing(hit, tally) > max(_standing(h, tally) for h in anchors)


def _holds(hit: _Hit, town: _Hit) -> bool:
    """A name said to hold a town that is surer than the town: a sure container, or one read as a region or a town
    of some size bigger than any namesake abroad, with no reading in a country of the town's and no region of its
    name in two countries ("the town of Karak in Dar'a": Dar'a of Syria, not a Dara of Senegal; the text's "in"
    makes Karak a namesake of the Jordanian region)."""
    if _sure_container(hit):
        return True
    best = hit.best
    towns = {c.country for c in town.cands}
    return best is not None and (best.kind != "city" or best.population >= HAMLET_MAX_POPULATION) \
        and all(c.population <= best.population for c in hit.cands if c.country != best.country) \
        and not any(c.country in towns for c in hit.cands) \
        and len({c.country for c in hit.cands if c.kind == "admin1"}) <= 1  # not "Eastern Province"


def _sure_region(hit: _Hit) -> bool:
    """A district or region every reading of which lies in one country."""
    return hit.best is not None and hit.best.kind != "city" and _sure_container(hit)


def _sure_container(hit: _Hit) -> bool:
    """A name that can hold a town: every reading in one country ("Idleb"; not "Eastern Province", which many
    countries have), and a region or a town of some size ("Kashmir" read as Cashmere, a US hamlet, holds nothing)."""
    return len({c.country for c in hit.cands}) == 1 and hit.best is not None \
        and (hit.best.kind != "city" or hit.best.population >= HAMLET_MAX_POPULATION)


def _norp_votes(doc: Doc) -> dict[str, float]:
    """Countries of demonyms and communities the entity ruler found ("Iraqi police", "Pokot raiders"), one vote each."""
    votes: dict[str, float] = defaultdict(float)
    for ent in doc.ents:
        if ent.label_ == "NORP" and ent.ent_id_ and (country := people_country(ent.ent_id_)) is not None \
                and not names_a_border(doc, ent.start, ent.end):
            votes[country] += 1.0
    return votes


def named_countries(doc: Doc) -> tuple[str, ...]:
    """Countries of names that only one country's towns or regions bear, though no cue makes them places ("against
    Kirinyaga Governor", "Wajir West MP"), most named first: a last hint of where a story is when nothing else
    tells it. Only regions and towns of NAMED_TOWN_MIN_POPULATION, named by their own GeoNames name, count."""
    counts: dict[str, int] = {}
    for place in named_places(doc):
        counts[place.country] = counts.get(place.country, 0) + 1
    return tuple(sorted(counts, key=lambda c: -counts[c]))


def named_places(doc: Doc) -> list[Place]:
    """The places of the names `named_countries` counts, in text order: a town of some size named by its own name
    (the town before a region of the same name), else the region ("Bungoma High School students": Bungoma; "the
    Kakamega County assembly": Kakamega County). Where a note names no place as where things happened, these are
    the places it is about."""
    gaz = load()
    found: list[Place] = []
    for start, end in _runs(doc):
        i = start
        while i < end:
            entry, i = _sole_country_entry(doc, i, end, gaz)
            if entry is not None:
                found.append(entry.place())
    return found


def _sole_country_entry(doc: Doc, i: int, end: int, gaz: Gazetteer) -> tuple[Entry | None, int]:
    """The place of the longest one-country name starting at token i (its town, else its region), and where to look
    next."""
    for j in range(min(end, i + MAX_VARIANT_TOKENS), i, -1):
        span = doc[i:j]
        if not all(t.pos_ == "PROPN" and t.ent_type_ != "PERSON" and not _vetoed(t) for t in span) \
                or not (key := fold(span.text)):  # "Normal school students", "Date unknown": not names
            continue
        cands = gaz.candidates(key)
        own = [c for c in cands if _named_by_own_name(c, key)]
        if len({c.country for c in cands}) == 1 and own:
            return max(own, key=lambda c: (c.kind == "city", c.population)), j
    return None, i + 1


def _named_by_own_name(cand: Entry, key: str) -> bool:
    """A region, or a town of some size, whose own name (not a variant or another language's) the key is."""
    if cand.kind == "admin1":
        return key in admin1_keys(cand.name)
    return cand.kind == "city" and cand.population >= NAMED_TOWN_MIN_POPULATION and key in keys(cand.name)


def place_mentions(doc: Doc, *, countries: tuple[str, ...] = ()) -> list[PlaceMention]:
    """Every place named in the doc, in order, each resolved using all the others."""
    runs = _runs(doc)
    hits = [h for h in _select(doc, _raw_spans(doc, runs), runs) if h.cands]
    _group(doc, hits)
    _read_brackets(doc, hits)
    missions = missions_named(doc.text)
    areas = tuple(dict.fromkeys(code for mission in missions for code in mission.areas))
    for hit in hits:
        hit.areas = areas
    votes = _norp_votes(doc)
    for country in countries:
        votes[country] += 1.0
    for mission in missions:
        votes[mission.host] += MISSION_VOTE  # the SMM reports only from Ukraine: "near Mine 6/7" is no town of Japan
    out = []
    kept = resolve(hits, votes)
    for hit in kept:
        assert hit.best is not None
        precision = "near" if hit.best.kind == "city" and hit.cue in NEAR_CUES else None
        text = doc[hit.start:hit.end].text
        out.append(PlaceMention(hit.start, hit.end, text, hit.best.place(precision, text), hit.cue))
    out = sorted(out + _villages_of_mission_areas(doc, runs, hits, kept, areas)
                 + _towns_misspelt(doc, runs, hits, kept, _tally(kept, votes)), key=lambda m: m.start)
    out = _parts_of_towns(doc, out)
    from eventcoder.local_names import local_names  # it builds on this module's gating helpers
    return local_names(doc, out, runs)


def _read_brackets(doc: Doc, hits: list[_Hit]) -> None:
    """The words in brackets right after a name, where they are no name of their own: a region the gazetteer lists
    under no name of that form alone ("San Lorenzo (Central)" is Paraguay's Central department)."""
    starts = {h.start for h in hits}
    for hit in hits:
        end = hit.end
        if end >= len(doc) or doc[end].text != "(":
            continue
        close = next((t.i for t in doc[end + 1:end + 2 + MAX_VARIANT_TOKENS] if t.text == ")"), None)
        if close is not None and close > end + 1 and not starts.intersection(range(end + 1, close)) \
                and all(_is_name_token(t) for t in doc[end + 1:close]):
            hit.bracketed = fold(doc[end + 1:close].text)


def _outside_mission_areas(hit: _Hit) -> bool:
    """A town every reading of which lies in a mission's host country but outside the regions it reports on: a
    village there that the gazetteer lacks ("near Kashtanove" in an SMM report is no hamlet of Crimea)."""
    hosts = {code.split(".")[0] for code in hit.areas}
    return bool(hit.areas) and all(c.kind == "city" and c.admin1 not in hit.areas and c.admin1.split(".")[0] in hosts
                                   for c in hit.cands)


def _villages_of_mission_areas(doc: Doc, runs: list[tuple[int, int]], hits: list[_Hit], kept: list[_Hit],
                               areas: tuple[str, ...]) -> list[PlaceMention]:
    """Mentions at the region level for the villages of a mission's regions that the gazetteer lacks: those
    `_outside_mission_areas` drops, and unknown names after a strong cue ("near Mineralne"). They lie in the
    mission's region that the article's other places lie in, else its main one, under the name the text gives."""
    if not areas:
        return []
    kept_ids = {id(h) for h in kept}
    spans = [(h.start, h.end) for h in hits
             if id(h) not in kept_ids and h.cue in STRONG_CUES and _outside_mission_areas(h)]
    for a, b in runs:
        while b > a and not _wordlike(doc[b - 1]):
            b -= 1  # "near Trudovskiye." : the run takes the full stop along
        if b > a and _unknown_village(doc, a, b, hits, mission=True):
            spans.append((a, b))
    if not spans:
        return []
    named = [h.best.admin1 for h in kept if h.best is not None and h.best.admin1 in areas]
    code = max(set(named), key=named.count) if named else areas[0]
    region = region_entry(code)
    if region is None:
        return []
    out = []
    for start, end in spans:
        text = doc[start:end].text
        out.append(PlaceMention(start, end, text, replace(region.place(), name=text), _cue(doc, start, end)[0]))
    return out


def _towns_misspelt(doc: Doc, runs: list[tuple[int, int]], hits: list[_Hit], kept: list[_Hit],
                    tally: dict[str, float]) -> list[PlaceMention]:
    """Unknown names after a strong cue, in a sentence that names no known place, that are a typing slip from the
    one town of some size of the country the text is about ("in Mpekatoni" in a Kenyan story is Mpeketoni). A place
    named beside the name says more (local_names reads that)."""
    if not tally:
        return []
    country = max(tally, key=lambda c: tally[c])
    gaz = load()
    placed = {doc[h.start].sent.start for h in kept}
    out = []
    for start, end in runs:
        while end > start + 1 and doc[end - 1].is_punct:
            end -= 1  # "in Mpekatoni." (a run may end on the sentence's full stop)
        key = fold(doc[start:end].text)
        if len(key) < MIN_SLIP_TOWN_CHARS or gaz.has(key) or doc[start].sent.start in placed \
                or not _unknown_village(doc, start, end, hits):
            continue
        town = town_one_slip_away(key, country, min_population=HAMLET_MAX_POPULATION)
        if town is not None:
            cue = _cue(doc, start, end)[0]
            text = doc[start:end].text
            out.append(PlaceMention(start, end, text, town.place("near" if cue in NEAR_CUES else "city", text), cue))
    return out


def _unknown_village(doc: Doc, start: int, end: int, hits: list[_Hit], *, mission: bool = False) -> bool:
    """A proper name after a strong cue that the gazetteer does not know and no entity label rules out. In a
    mission's report, what it observed "near" a name is near a village, whatever the model took the name for
    ("near Mineralne", "near Kalynove-Borshchuvate" read as organisations); a known organisation stays one."""
    span = doc[start:end]
    cue = _cue(doc, start, end)[0]
    near_a_village = mission and cue == "near" and not any(t.ent_id_ for t in span)
    return cue in STRONG_CUES and not any(h.start < end and start < h.end for h in hits) \
        and all(_wordlike(t) and (_capitalised(t) or t.lower_ in CONNECTORS)
                or t.text in DASHES and start < t.i < end - 1 for t in span) \
        and not any(_vetoed(t) or t.ent_type_ in ("ORG", "NORP") and not near_a_village for t in span) \
        and len(span) <= MAX_VARIANT_TOKENS


def _parts_of_towns(doc: Doc, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A named part of a town ("the Sadr City area of Baghdad") takes the town as its place."""
    out = list(mentions)
    for i, (part, town) in enumerate(zip(mentions, mentions[1:])):
        gap = [t.lower_ for t in doc[part.end:town.start] if t.lower_ != "the" and t.lower_ not in PART_ADJECTIVES]
        if (len(gap) == 2 and gap[0] in PART_WORDS and gap[1] in ("of", "in", ",")
                and town.place.precision in ("city", "near") and part.place.precision in ("city", "near")
                and part.place.country == town.place.country) or _district_of_a_town(part, town, gap):
            # "the X area of Baghdad" reads Baghdad with the cue "area", i.e. near it; the part lies inside it
            out[i] = PlaceMention(part.start, part.end, part.text, replace(town.place, precision="city"), part.cue)
    return out


def _district_of_a_town(part: PlaceMention, town: PlaceMention, gap: list[str]) -> bool:
    """A name read as a region but said to be a district in a town of another region: a district of the town that
    shares the region's name ("Qadissiya district in southwestern Baghdad" is no part of Al-Qadisiyah)."""
    return gap == ["district", "in"] and part.place.precision == "admin1" and town.place.precision in ("city", "near") \
        and part.place.country == town.place.country and part.place.admin1 != town.place.admin1


def primary(mentions: list[PlaceMention]) -> PlaceMention | None:
    """The mention most likely to be the event's location: the first town or site after a strong cue ("in", "near"),
    else after any cue, else the first town or site, else a site ending a road ("the Rashayya-Masnaa road": the
    Masnaa crossing), else the first end of a road or second of a pair ("between X and Y"), else the first region,
    else the first mention."""
    def first(test) -> PlaceMention | None:  # type: ignore[no-untyped-def]
        return next((m for m in mentions if test(m)), None)

    local = ("city", "near", "exact")
    return (first(lambda m: m.cue in STRONG_CUES and m.place.precision in local)
            or first(lambda m: m.cue is not None and m.cue not in SECONDARY_CUES and m.place.precision in local)
            or first(lambda m: m.cue not in SECONDARY_CUES and m.place.precision in local)
            or first(lambda m: m.place.precision == "exact")
            or first(lambda m: m.place.precision in local)
            or first(lambda m: m.place.precision == "admin1")
            or (mentions[0] if mentions else None))
