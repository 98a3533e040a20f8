"""Place names the gazetteer lacks, placed by the region named beside them: "in Korangi, Sindh, Pakistan".

GeoNames' populated places stop at villages of about 500 people, and news names smaller places, districts and
neighbourhoods all the time. When such a name stands in place position (after "in", "near", "at" ...) and a known
region, town or country follows it after a comma or bracket, the event is there: we keep the name as the text
writes it and the point of the place beside it, with that place's precision, so the record says how good the
point is. Without this, the event gets the region only and loses the town's name. The same holds for an unknown
village or area named inside a region ("in the village of Rimrangpara in Meghalaya"), and a known town after an
unknown part of it ("in the Awerej area, Baghdad") takes the part's cue, so the event lands in the town.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span

from eventcoder.actors import people_country
from eventcoder.gazetteer import fold, load
from eventcoder.geoparse import GENERIC_WORDS, NEAR_CUES, STRONG_CUES, PlaceMention, _cue, _runs, hyphen_prefix
from eventcoder.lexicon import words
from eventcoder.places import candidates, country_place, town_one_slip_away
from eventcoder.records import Place

# Precision of an unknown name by the kind of place beside it: "Korangi, Sindh" somewhere in the region,
# "Salarzai, Pakistan" somewhere in the country. An unknown name before a known town ("Mansour district, Baghdad
# city") is a part of that town: the town is the event's place, so no mention is made for it; a town in brackets
# ("Tininai (Misrata)") names the district the unknown place lies in, which puts it near that town.
PRECISION_BESIDE = {"admin1": "admin1", "country": "country"}
PRECISION_IN_BRACKETS = {"city": "near", "near": "near"}
# Entities that are never place names, even capitalised in place position (the model often takes an unknown
# village for a PERSON or ORG: those are kept, the cue and the place beside them vouch for them).
NOT_PLACES = frozenset({"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# Comma-separated unknown names walked back over to reach the cue of a chain ("in Bosti Khel village,
# Darra Adamkhel, Khyber Pakhtunkhwa").
MAX_CHAIN = 3
# Words that mark an unknown name before "in"/"of" and a region as a place inside it: "in Miran village in
# Wardak", "the al-Abbara area of Diyala", "the village of Rimrangpara in Meghalaya".
PLACE_MARKERS = frozenset({"village", "town", "area", "hamlet", "settlement", "locality", "neighbourhood",
                           "neighborhood"})
# Unknown names this long (folded) are looked for among the region's towns one typing slip away.
MIN_SLIP_CHARS = 6
# Words of the parts of a city: "in Mansour neighborhood, Baghdad, Iraq" is in Baghdad, the city, as GTD and ACLED
# place it. ("the Liboi area (Dadaab, Garissa)" and "Arabia area, Mandera County" keep their own names.)
CITY_PARTS = frozenset({"neighbourhood", "neighborhood", "quarter", "precinct", "sub-district", "zone", "estate"})


def local_names(doc: Doc, mentions: list[PlaceMention], runs: list[tuple[int, int]] | None = None,
                ) -> list[PlaceMention]:
    """Mentions for unknown names just before a known place, in order with the known ones (`runs`: the doc's runs
    of names, when the caller has them)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    runs = [run for run in (_runs(doc) if runs is None else runs) if not taken.intersection(range(*run))]
    ends = {end: run for run in runs for end in _name_ends(doc, run)}
    added = []
    replaced: dict[int, PlaceMention] = {}
    readings = [_region_reading(doc, m, mentions) for m in mentions]
    mentions = [_cue_of_its_part(doc, ends, m, reading) for m, reading in zip(mentions, readings)]
    for mention, reading in zip(mentions, readings):
        inside = _inside_region(doc, ends, mention)
        if inside is not None:
            added.append(inside)
            taken.update(range(inside.start, inside.end))
            continue
        separator = doc[mention.start - 1].text if mention.start else ""
        beside = reading or mention.place
        precision = PRECISION_BESIDE.get(beside.precision) or \
            (PRECISION_IN_BRACKETS.get(beside.precision) if separator == "(" else None)
        if precision is None or separator not in (",", "("):
            continue
        chain = _chain(doc, ends, mention.start - 1)
        if not chain:
            continue
        # before a country, the last of two or more unknown names is most often its region ("in Kingking village,
        # Pantukan, Compostela Valley, Philippines"): the town is the one before it
        start, end = chain[-2] if len(chain) > 1 and mention.place.precision == "country" else chain[-1]
        cue = _cue(doc, *chain[0])[0]
        if cue not in STRONG_CUES or any(t.ent_type_ in NOT_PLACES for t in doc[start:end]):
            continue
        if separator == "," and CITY_PARTS.intersection(doc[end:mention.start - 1].text.lower().split()) \
                and (city := _city_of_region(doc, mention)) is not None:
            # "in Mansour neighborhood, Baghdad, Iraq": a part of the city the region is named for, as coders place it
            replaced[mention.start] = PlaceMention(mention.start, mention.end, mention.text, city, cue)
            continue
        text = _name(doc[start:end])
        place = _town_misspelt(text, beside, cue) if precision in ("admin1", "near") else None
        place = place or replace(beside, name=text, geonames_id=None, precision=precision)  # type: ignore[arg-type]
        added.append(PlaceMention(start, end, text, place, cue))
        taken.update(range(start, end))
    mentions = [replaced.get(m.start, m) for m in mentions]
    added += _settlements_of_a_people(doc, taken, {m.start for m in mentions})
    return sorted(mentions + added, key=lambda m: m.start)


def _town_misspelt(name: str, region: Place, cue: str | None) -> Place | None:
    """The one town of the region beside an unknown name whose name is a typing slip from it ("in Patzuaro,
    Michoacan" is Patzcuaro; "Caltzontzon, Michoacan" is Caltzontzin). Long names only: short ones have too many
    neighbours one letter away."""
    key = fold(name)
    town = town_one_slip_away(key, region.country, region=region.admin1) if len(key) >= MIN_SLIP_CHARS else None
    return town.place("near" if cue in NEAR_CUES else "city", name) if town is not None else None


def _settlements_of_a_people(doc: Doc, taken: set[int], starts: set[int]) -> list[PlaceMention]:
    """A village or town named by its people's country ("attack a Kenyan village", "on Kenyan soil", "a Pokot
    border village"): a place in that country, at the country's precision, where the text names no village
    (the place named after it is the place: "the Hazara town in Quetta"). One word only: "a Bosnian Serb city" is
    no city of Serbia."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "NORP" or not ent.ent_id_ or len(ent) > 1 or taken.intersection(range(ent.start, ent.end)):
            continue
        noun = ent.end + (ent.end < len(doc) and doc[ent.end].lower_ == "border")
        if noun >= len(doc) or doc[noun].lower_ not in words("settlement") or doc[ent.end - 1].head.i != noun \
                or (country := people_country(ent.ent_id_)) is None or (place := country_place(country)) is None \
                or starts.intersection((noun + 2, noun + 3)):
            continue
        out.append(PlaceMention(ent.start, noun + 1, doc[ent.start:noun + 1].text, place, _cue(doc, ent.start, ent.end)[0]))
    return out


def _city_of_region(doc: Doc, mention: PlaceMention) -> Place | None:
    """The city a mention names, or that the region it names is named for ("Baghdad province": Baghdad)."""
    if mention.place.precision == "city":
        return mention.place
    if mention.place.precision != "admin1":
        return None
    name = _name(doc[mention.start:mention.end])
    cands = candidates(name)
    regions = {c.admin1 for c in cands if c.kind == "admin1" and c.country == mention.place.country}
    cities = [c for c in cands if c.kind == "city" and c.admin1 in regions]
    return max(cities, key=lambda c: c.population).place("city", name) if cities else None


def _cue_of_its_part(doc: Doc, ends: dict[int, tuple[int, int]], town: PlaceMention,
                     region_reading: Place | None) -> PlaceMention:
    """A town after an unknown part of it and a comma takes the part's cue: in "in the Awerej area, Baghdad,
    Baghdad, Iraq" the event is in Baghdad. (Not a province's namesake town: "in Gazab, Uruzgan, Afghanistan".)"""
    if town.cue is not None or town.place.precision not in ("city", "near") or not town.start \
            or doc[town.start - 1].text != "," or region_reading is not None:
        return town
    chain = _chain(doc, ends, town.start - 1)
    cue = _cue(doc, *chain[0])[0] if chain else None
    return replace(town, cue=cue) if cue in STRONG_CUES else town


def _inside_region(doc: Doc, ends: dict[int, tuple[int, int]], region: PlaceMention) -> PlaceMention | None:
    """An unknown village or area named inside a region or country by "in"/"of": "in the village of Rimrangpara in
    Meghalaya", "in the al-Abbara area of Diyala". It takes the region's point and precision. A city named like
    its region stands for the region here ("shelled Abboush in al-Hasakeh": the governorate)."""
    area = region.place if region.place.precision in ("admin1", "country") else _region_named_alike(region)
    if area is None:
        return None
    k = region.start - 1
    if k > 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in ("in", "of"):
        return None
    run = ends.get(k)
    if run is None:
        return None
    start = run[0]
    if area is not region.place and (doc[k].lower_ != "in" or _part_of_a_city(doc[start:k])):
        return None  # "Skanderbeg Square in Tirana", "the South Zone of Sao Paulo": in the city itself
    before = doc[max(start - 2, 0):start]
    marked = doc[k - 1].lower_ in PLACE_MARKERS or (len(before) == 2 and before[0].lower_ in PLACE_MARKERS
                                                      and before[1].lower_ == "of")
    named_place = all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in doc[start:run[1]])
    if not (marked or named_place):
        return None
    cue = _cue(doc, start, k)[0]
    if cue not in STRONG_CUES or any(t.ent_type_ in NOT_PLACES for t in doc[start:k]):
        return None
    text = _name(doc[start:k])
    town = _town_misspelt(text, area, cue) if area.precision == "admin1" else None
    return PlaceMention(start, k, text, town or replace(area, name=text, geonames_id=None), cue)


def _part_of_a_city(name: Span) -> bool:
    """A street, square or quarter by its name's last word ("Temple Road", "South Zone")."""
    last = name[-1].lower_
    return last in CITY_PARTS or last in words("street_noun") or last in words("road_noun")


def _region_named_alike(city: PlaceMention) -> Place | None:
    """The region of a city that bears the city's name: Aleppo governorate for Aleppo."""
    if city.place.precision != "city":
        return None
    region = next((c for c in candidates(city.text) if c.kind == "admin1" and c.country == city.place.country
                   and load().admin1_name(c.admin1) == city.place.admin1), None)
    return region.place() if region is not None else None


def _region_reading(doc: Doc, mention: PlaceMention, mentions: list[PlaceMention]) -> Place | None:
    """The region a town's name also names, where the name sits between an unknown name and its country: in
    "in Gazab, Uruzgan, Afghanistan" Uruzgan is the province, as in every "place, region, country" chain."""
    if mention.place.precision != "city" or mention.end + 1 >= len(doc) or doc[mention.end].text != ",":
        return None
    after = next((m for m in mentions if m.start == mention.end + 1), None)
    if after is None or after.place.precision != "country" or after.place.country != mention.place.country:
        return None
    region = next((c for c in candidates(mention.text) if c.kind == "admin1" and c.country == mention.place.country),
                  None)
    return region.place() if region is not None else None


def _name_ends(doc: Doc, run: tuple[int, int]) -> list[int]:
    """Where a run's name may end before a comma: right after it, or after generic words ("Bosti Khel village")."""
    end = run[1]
    out = [end]
    while end < len(doc):
        if doc[end].lower_ in GENERIC_WORDS:
            end += 1
        elif hyphen_prefix(doc[end]) and doc[end + 2].lower_ in GENERIC_WORDS:
            end += 3  # "Karrada sub-district"
        else:
            break
        out.append(end)
    return out


def _chain(doc: Doc, ends: dict[int, tuple[int, int]], comma: int) -> list[tuple[int, int]]:
    """Unknown names before a separator, first of the chain first; the last one is the one beside the place."""
    chain: list[tuple[int, int]] = []
    while comma in ends and len(chain) < MAX_CHAIN:
        run = ends[comma]
        chain.insert(0, run)
        if run[0] == 0 or doc[run[0] - 1].text not in (",", "("):
            break
        comma = run[0] - 1
    return chain


def _name(span: Span) -> str:
    """The name as written, without the generic words that follow it."""
    words = list(span)
    while len(words) > 1 and (words[-1].lower_ in GENERIC_WORDS or words[-1].text == "-" or hyphen_prefix(words[-1])):
        words.pop()  # "Bosti Khel village", "Bara sub-division"
    return span.doc[words[0].i:words[-1].i + 1].text
