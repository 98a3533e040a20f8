"""Tie dates, places, casualty counts and modality to the trigger whose clause they belong to."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token

from dataclasses import dataclass, replace

from eventcoder import dates
from eventcoder.dates import MONTHS
from eventcoder.candidates import Candidate
from eventcoder.casualties import DYING_VERBS, casualty_cues, number_value, reports_no_casualties, stated_total
from eventcoder.geoparse import POST_CUES, SECONDARY_CUES, PlaceMention, object_of_an_attack
from eventcoder.records import Place, refines
from eventcoder.lexicon import words
from eventcoder.actors import entity_spans
from eventcoder.roles import actor_at

# A verb whose object or subject is an event noun passes its dates and places to that noun
# ("announce the suspension ... at the end of January").
NOMINAL_EVENT_DEPS = frozenset({"dobj", "nsubjpass"})
# Cues after which a place name is a direction or a party, not where the event happened.
NON_LOCATIVE_CUES = frozenset({"towards", "toward", "to", "from", "against", "with", "by", "of", "for", "into"})
# Cues that put an event beside a town rather than in it.
NEAR_CUES = frozenset({"near", "outside", "outskirts", "outskirt", "vicinity"})
# Units of a distance away from a place ("12 km from Kabul").
DISTANCE_UNITS = frozenset({"km", "kms", "kilometer", "kilometers", "kilometre", "kilometres", "mile", "miles", "metres",
                            "meters"})
# The farthest a place named as a distance away is still "near" it (the 25 km within which a place counts as right).
NEAR_KM = 25
NEAR_MILES = 15
TIME_LABELS = frozenset({"DATE", "TIME"})
# Prepositions kept in front of a date span because they change its meaning.
DATE_PREFIXES = frozenset({"since", "between", "over", "until", "before", "after"})
# Date words that point forward from a planned event ("talks on Sunday" announced on Saturday).
FORWARD_EXPRESSIONS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "tomorrow", "next ", "coming ")


def owner(token: Token, by_index: dict[int, Candidate], *, across_relatives: bool = True) -> Candidate | None:
    """The candidate whose clause holds the token: the nearest above it in the parse tree, else the
    nearest in the sentence's word order (the small model often hangs a date or place on the main verb).
    `across_relatives` false: a relative clause on a noun that is no event keeps its token (a place) to itself."""
    tok = token
    first_verb: Token | None = None
    while True:
        if tok.i in by_index:
            return by_index[tok.i]
        nominal = next((by_index[c.i] for c in tok.children if c.i in by_index and c.dep_ in NOMINAL_EVENT_DEPS), None)
        if nominal is not None and tok.pos_ == "VERB":
            return nominal
        if tok.pos_ in ("VERB", "AUX") and tok.i != token.i and first_verb is None:
            first_verb = tok
            if tok.lemma_.lower() in words("reporting"):
                return None  # "MSF said on Saturday that ...": the date of the report, not of the event
        if tok.head.i == tok.i:
            break
        if tok.dep_ == "relcl" and tok.head.i not in by_index and not across_relatives:
            return None  # "preachers who recruit youths to join al-Shabab in Somalia": where the clause's noun acts
        tok = tok.head
    same_sentence = [c for c in by_index.values()
                     if c.trigger.sent.start == token.sent.start and not c.anaphoric]
    if not same_sentence:
        return None
    return min(same_sentence, key=lambda c: (abs(c.trigger.i - token.i), c.trigger.i > token.i))


# A day/month number without a year ("on 26/12", "the morning of 15/12") that the model tags CARDINAL. Full
# numeric dates tagged CARDINAL ("on 04/23/2011") are left alone: in follow-up sentences they date later
# developments ("the hostage was killed on ..."), which would split one coded event in two.
NUMERIC_DATE = re.compile(r"\d{1,2}/\d{1,2}")
# Dependencies of a bare year that modifies a noun ("the 2017 General Election"): a name, not the event's time.
YEAR_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})


def _month_or_day(tok: Token) -> bool:
    """A month name ("Apr", "May.") or a day number: what the model may leave outside a DATE entity."""
    return tok.lower_.rstrip(".") in MONTHS or (tok.like_num and tok.text.isdigit() and 1 <= int(tok.text) <= 31)


def _date_spans(sent: Span) -> list[Span]:
    """The sentence's DATE/TIME entities and day/month numbers the model took for counts ("on 26/12")."""
    spans = [ent for ent in entity_spans(sent) if ent.label_ in TIME_LABELS]  # cheaper than sent.ents
    spans += [sent.doc[t.i:t.i + 1] for t in sent if t.ent_type_ not in TIME_LABELS and NUMERIC_DATE.fullmatch(t.text)]
    return sorted(spans, key=lambda span: span.start)


def _names_something(ent: Span) -> bool:
    """A bare year inside a noun phrase ("the 2017 General Election", "the 2014 attacks"): not when the event was."""
    if len(ent) != 1 or not ent[0].like_num or ent.root.dep_ not in YEAR_MODIFIER_DEPS:
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return ent.root.head.pos_ in ("NOUN", "PROPN") and not (before is not None and _month_or_day(before))


def _date_text(ent: Span) -> str:
    doc = ent.doc
    start = ent.start
    # "Around 4 | May 2020", "On 28 Apr | 2020": the day and month the model left outside the entity
    while start > 0 and _month_or_day(doc[start - 1]) and (doc[start - 1].lower_.rstrip(".") in MONTHS
                                                           or doc[start].lower_.rstrip(".") in MONTHS):
        start -= 1
    if start > 0 and doc[start - 1].lower_ in DATE_PREFIXES:
        start -= 1
    end = ent.end
    if end < len(doc) and doc[end].ent_type_ == "TIME" and ent.label_ == "DATE":
        end = doc[end:].ents[0].end if doc[end:].ents else end
    return doc[start:end].text


def attach_dates(sent: Span, by_index: dict[int, Candidate], anchor: date | None) -> None:
    """Give each candidate the date expression of its own clause."""
    for ent in _date_spans(sent):
        if _names_something(ent):
            continue
        cand = owner(ent.root, by_index)
        if cand is None or cand.date is not None:
            continue
        text = _date_text(ent)
        forward = cand.modality == "future" or (cand.planned and text.lower().removeprefix("on ").startswith(FORWARD_EXPRESSIONS))
        resolved = dates.resolve(text, anchor, future=forward)
        if resolved is not None:
            cand.date = resolved
            if cand.planned and forward and anchor is not None and resolved.start > anchor.isoformat():
                cand.modality = "future"


# How many sentences away a dated event still sets the time of an undated one told beside it.
STORY_SENTENCES = 5


def fallback_date(cands: list[Candidate], cand: Candidate, anchor: date) -> dates.ResolvedDate | None:
    """The guessed date of an event whose words name none, at the precision of a guess and with no date_text.
    In a story that dates its events, the day of the nearest event told before it (else the first told after):
    "police fired tear gas on Tuesday ... several protesters were beaten", within STORY_SENTENCES. A count of many events there
    ("over 165 attacks") spans an unknown time and gets none. In a story that dates nothing, the day before
    the report (dates.undated)."""
    told = sorted((c for c in cands if c.date is not None and c.date.text is not None and c.date.precision == "day"
                   and not c.date_inherited and c.modality in ("asserted", "claimed")), key=lambda c: c.trigger.i)
    if not told:
        return dates.undated(anchor)
    if cand.is_aggregate:
        return None
    order = {sent.start: k for k, sent in enumerate(cand.trigger.doc.sents)}
    here = order[cand.trigger.sent.start]
    near = [c for c in told if abs(order[c.trigger.sent.start] - here) <= STORY_SENTENCES]
    before = [c for c in near if c.trigger.i < cand.trigger.i]
    source = before[-1] if before else (near[0] if near else None)
    if source is None or source.date is None:
        return dates.undated(anchor)
    return dates.ResolvedDate(source.date.value, dates.UNDATED_PRECISION, None)


def share_sentence_context(sent: Span, by_index: dict[int, Candidate]) -> None:
    """When a sentence names one date (or one place), its other events happened then (there) too:
    "police fired tear gas on Tuesday ... and arrested 41 people". What a statement is about
    ("denouncing recent airstrikes") keeps its own time and place."""
    cands = {id(c): c for c in by_index.values() if c.sent.start == sent.start and not c.anaphoric}.values()
    for name in ("date", "place"):
        found = {getattr(c, name) for c in cands if getattr(c, name) is not None}
        if len(found) != 1:
            continue
        only = next(iter(found))
        for cand in cands:
            reported = any(a.i in by_index and by_index[a.i].is_verbal for a in cand.trigger.ancestors)
            if getattr(cand, name) is None and cand.modality != "future" and not reported and not cand.is_verbal:
                setattr(cand, name, only)


def attach_places(sent: Span, by_index: dict[int, Candidate], mentions: list[PlaceMention]) -> None:
    """Give each candidate the place named in its clause after 'in', 'near', 'at', 'the city of' ...; a name marked
    only as the seat of a body ("the Darjeeling District unit of ...") comes after the others ("staged a protest
    rally in Siliguri town")."""
    for mention in sorted(mentions, key=lambda m: (_marked_by_noun_only(sent.doc, m), m.start)):
        if not sent.start <= mention.start < sent.end or mention.cue in SECONDARY_CUES \
                or mention.cue is None and not _place_attacked(sent.doc[mention.start:mention.end]):
            continue  # (a road's end, a pair's second: placed only for want of another)
        cand = owner(sent.doc[mention.start], by_index, across_relatives=False)
        if cand is None or (cand.place is not None and not refines(mention.place, cand.place)):
            continue
        away = _distance_from(sent.doc, mention)
        if mention.cue in NON_LOCATIVE_CUES and not away and not _taken_from(sent.doc, mention, cand):
            continue
        place = mention.place
        if (mention.cue in NEAR_CUES or away) and place.precision == "city":
            place = replace(place, precision="near")
        cand.place = place
    _narrow_to_the_town_after(sent, by_index, mentions)


def _place_attacked(span: Span) -> bool:
    """A place named as what an attack struck ("Turkish forces shelled Menbij in Aleppo"): where it happened; not a
    person named in full before ("identified as Rameshwar Bag ... killed Bag"), whose name a town may bear."""
    return object_of_an_attack(span) and not _surname_told_before(span)


def _surname_told_before(span: Span) -> bool:
    """The name ended a longer personal name earlier in the text ("Major Mohammed Taqi ... wounded Taqi", "Prafulla
    Kumar Boro ... took Boro")."""
    doc = span.doc
    return any(ent.label_ in ("PERSON", "ORG") and len(ent) > len(span) and ent.end <= span.start
               and ent[-len(span):].text == span.text for ent in doc.ents)  # (the model takes some names for ORGs)


def _taken_from(doc: Doc, mention: PlaceMention, cand: Candidate) -> bool:
    """The place people were abducted from ("abducted a local citizen from Harnai"): where the abduction happened."""
    i = _word_before(doc, mention)
    return cand.entry.mode == "abduct" and i >= 0 and doc[i].lower_ == "from" and doc[i].head == cand.trigger


def _distance_from(doc: Doc, mention: PlaceMention) -> bool:
    """A place named as a short distance away ("five kilometers from El Tarra"): the event happened near it (not "a
    forest road about 500 kilometers from Raipur")."""
    i = _word_before(doc, mention)
    if not (i > 0 and doc[i].lower_ == "from" and doc[i - 1].lower_ in DISTANCE_UNITS):
        return False
    unit, count = doc[i - 1], doc[i - 2] if i > 1 else None
    value = number_value(count) if count is not None else None
    limit = NEAR_MILES if unit.lower_ in ("mile", "miles") else NEAR_KM
    return value is None or unit.lower_ in ("metres", "meters") or value <= limit


def _word_before(doc: Doc, mention: PlaceMention) -> int:
    """Index of the word before a place name, past "the" ("from the Harnai ..."); -1 at the start."""
    i = mention.start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i


def _narrow_to_the_town_after(sent: Span, by_index: dict[int, Candidate], mentions: list[PlaceMention]) -> None:
    """A town named right after the region an event was placed in, which holds it ("in Takhar, Taloqan,
    Afghanistan"): the town is the finer place (not after a district placed at its region's point: "in Gazab,
    Uruzgan" is the district, not Uruzgan town)."""
    inside = [m for m in mentions if sent.start <= m.start < sent.end]
    for before, after in zip(inside, inside[1:]):
        if after.cue is not None or after.start != before.end + 1 or sent.doc[before.end].text != ",":
            continue
        region = before.place.precision == "admin1" and before.place.name == before.place.admin1
        cand = owner(sent.doc[before.start], by_index, across_relatives=False) if region else None
        if cand is not None and cand.place == before.place and refines(after.place, cand.place):
            cand.place = after.place


def _marked_by_noun_only(doc: Doc, mention: PlaceMention) -> bool:
    """The mention's only cue is the noun right after it, and that names a body of the place, not the place
    ("the Darjeeling District unit", "the Kisumu County government"; not "Shadadah city in ...")."""
    end = mention.end
    return end + 1 < len(doc) and mention.cue == doc[end].lower_ and mention.cue in POST_CUES \
        and doc[end + 1].pos_ == "NOUN"




def attach_casualties(sent: Span, by_index: dict[int, Candidate]) -> None:
    """Fatality and injury counts go to the event whose clause holds them, else the sentence's only attack."""
    assaults = list({id(c): c for c in by_index.values()
                     if c.event_type == "ASSAULT" and c.sent.start == sent.start}.values())
    if reports_no_casualties(sent):
        for cand in assaults:
            cand.no_casualties = True
    riots = list({id(c): c for c in by_index.values()  # not a peaceful protest: its dead are its grievance
                  if c.event_type == "PROTEST" and c.entry.mode == "riot" and c.sent.start == sent.start}.values())
    cues = casualty_cues(sent)
    hurt = {victims.i for _, kind, _, victims in cues if kind == "injury"}
    # "killed four and wounded one other who later succumbed to his injuries": the wounded who died are more dead
    later_dead = [cue for cue, kind, _, victims in cues if kind == "death" and cue.lemma_.lower() in DYING_VERBS
                  and victims.i in hurt]
    for cue, kind, count, victims in sorted(cues, key=lambda c: c[0] in later_dead):
        cand = owner(cue, by_index)
        if cand is None or cand.event_type != "ASSAULT":
            # the sentence's only attack; with none, its only riot ("riots broke out in Kisumu; two people were
            # killed": ACLED counts a riot's dead)
            cand = assaults[0] if len(assaults) == 1 else riots[0] if not assaults and len(riots) == 1 else None
        if cand is None:
            continue
        if cand.event_type == "ASSAULT" and cand.target is None and (victim_actor := actor_at(victims)) is not None:
            cand.target = victim_actor
        if cue in later_dead:
            cand.fatalities = (cand.fatalities or 0) + count
        elif kind == "death":
            cand.fatalities = max(count, cand.fatalities or 0)
        else:
            cand.injuries = max(count, cand.injuries or 0)
    total = stated_total(sent)
    if total is not None and len(assaults) == 1:
        assaults[0].fatalities = total


@dataclass(frozen=True)
class Toll:
    """The casualty report of a sentence that tells no attack of its own ("Two soldiers died.")."""

    start: int  # token index of the sentence
    fatalities: int | None
    injuries: int | None
    none: bool  # "No casualties were reported."
    total: int | None = None  # "Fatalities coded as 3", "The death toll rose to 12": replaces the counts


def sentence_toll(sent: Span) -> Toll | None:
    """The highest death and injury counts a sentence reports, or its report that nobody was hurt."""
    cues = casualty_cues(sent)
    deaths = [count for _, kind, count, _ in cues if kind == "death"]
    injuries = [count for _, kind, count, _ in cues if kind == "injury"]
    none = reports_no_casualties(sent)
    total = stated_total(sent)
    if not cues and not none and total is None:
        return None
    return Toll(sent.start, max(deaths, default=None), max(injuries, default=None), none, total)


def attach_tolls(cands: list[Candidate], tolls: list[Toll]) -> None:
    """A toll told apart from any attack belongs to the attack told just before it, else just after it
    (the parse of the attack's own sentence may have lost the victims); a higher count replaces a lower one."""
    attacks = [c for c in cands if c.event_type == "ASSAULT" and c.modality in ("asserted", "claimed")]
    for toll in tolls:
        before = [c for c in attacks if c.sent.start < toll.start]
        cand = before[-1] if before else next(iter(attacks), None)
        if cand is None:
            continue
        cand.no_casualties = cand.no_casualties or toll.none
        if toll.fatalities is not None:
            cand.fatalities = max(toll.fatalities, cand.fatalities or 0)
        if toll.injuries is not None:
            cand.injuries = max(toll.injuries, cand.injuries or 0)
        if toll.total is not None:
            cand.fatalities = toll.total


# Dependencies of the words that can put a trigger in the future ("will attack"), unlike its objects ("a plan").
FUTURE_DEPS = frozenset({"aux", "auxpass", "advmod", "neg", "mark"})


def _future_words(kids: list[Token], chain: list[Token]) -> set[str]:
    """The auxiliaries and governing verbs that may mark the future: not the trigger's objects ("protest a plan")."""
    return {c.lower_ for c in kids if c.dep_ in FUTURE_DEPS} | {t.lower_ for t in chain[1:]} \
        | {t.lemma_.lower() for t in chain[1:]}


def attach_modality(cand: Candidate) -> None:
    """Negated, future, hypothetical or claimed, from the words governing the trigger."""
    chain = [cand.trigger]
    tok = cand.trigger
    while tok.head.i != tok.i and len(chain) < 4 and tok.dep_ in ("xcomp", "dobj", "pobj", "prep", "ccomp", "acl"):
        tok = tok.head
        chain.append(tok)
    kids = [c for t in chain for c in t.children]
    lowers = {c.lower_ for c in kids}
    if any(c.dep_ == "neg" for c in kids) or "never" in lowers:
        cand.modality = "negated"
    elif _future_words(kids, chain) & words("future") or any(t.lemma_ in ("plan", "intend", "threaten", "vow")
                                                             for t in chain[1:]):
        cand.modality = "future"
    elif {c.lower_ for c in kids if c.tag_ == "MD" or c.dep_ in ("aux", "mark")} & words("hypothetical"):
        cand.modality = "hypothetical"  # (a modal or a conjunction: not the month in "Around 1 May 2020")
    elif lowers & words("claim"):
        cand.modality = "claimed"
    if cand.trigger.pos_ == "NOUN" and any(t.lemma_ in words("plan") for t in chain[1:]):
        cand.planned = True
