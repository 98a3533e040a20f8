"""Tie dates, places, casualty counts and modality to the trigger whose clause they belong to."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from dataclasses import replace

from eventcoder import dates
from eventcoder.dates import MONTHS
from eventcoder.candidates import Candidate
from eventcoder.casualties import casualty_cues, reports_no_casualties
from eventcoder.geoparse import PlaceMention
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
TIME_LABELS = frozenset({"DATE", "TIME"})
# Prepositions kept in front of a date span because they change its meaning.
DATE_PREFIXES = frozenset({"since", "between", "over", "until", "before", "after"})
# Date words that point forward from a planned event ("talks on Sunday" announced on Saturday).
FORWARD_EXPRESSIONS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "tomorrow", "next ", "coming ")


def owner(token: Token, by_index: dict[int, Candidate]) -> Candidate | None:
    """The candidate whose clause holds the token: the nearest above it in the parse tree, else the
    nearest in the sentence's word order (the small model often hangs a date or place on the main verb)."""
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
        tok = tok.head
    same_sentence = [c for c in by_index.values()
                     if c.trigger.sent.start == token.sent.start and not c.anaphoric]
    if not same_sentence:
        return None
    return min(same_sentence, key=lambda c: (abs(c.trigger.i - token.i), c.trigger.i > token.i))


def _date_text(ent: Span) -> str:
    doc = ent.doc
    start = ent.start
    if start > 0 and doc[start - 1].like_num and ent[0].lower_.rstrip(".") in MONTHS:
        start -= 1  # "Around 4 | May 2020": the day the model left outside the entity
    if start > 0 and doc[start - 1].lower_ in DATE_PREFIXES:
        start -= 1
    end = ent.end
    if end < len(doc) and doc[end].ent_type_ == "TIME" and ent.label_ == "DATE":
        end = doc[end:].ents[0].end if doc[end:].ents else end
    return doc[start:end].text


def attach_dates(sent: Span, by_index: dict[int, Candidate], anchor: date | None) -> None:
    """Give each candidate the date expression of its own clause. Entities are read from the sentence's
    own tokens: `Span.ents` rebuilds every entity of the document at each call."""
    for ent in entity_spans(sent):
        if ent.label_ not in TIME_LABELS:
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
    """Give each candidate the place named in its clause after 'in', 'near', 'at', 'the city of' ..."""
    for mention in mentions:
        if not sent.start <= mention.start < sent.end or mention.cue is None or mention.cue in NON_LOCATIVE_CUES:
            continue
        cand = owner(sent.doc[mention.start], by_index)
        if cand is None or cand.place is not None:
            continue
        place = mention.place
        if mention.cue in NEAR_CUES and place.precision == "city":
            place = replace(place, precision="near")
        cand.place = place


def attach_casualties(sent: Span, by_index: dict[int, Candidate]) -> None:
    """Fatality and injury counts go to the event whose clause holds them, else the sentence's only attack."""
    assaults = list({id(c): c for c in by_index.values()
                     if c.event_type == "ASSAULT" and c.sent.start == sent.start}.values())
    if reports_no_casualties(sent):
        for cand in assaults:
            cand.no_casualties = True
    for cue, kind, count, victims in casualty_cues(sent):
        cand = owner(cue, by_index)
        if cand is None or cand.event_type != "ASSAULT":
            cand = assaults[0] if len(assaults) == 1 else None
        if cand is None:
            continue
        if cand.target is None and (victim_actor := actor_at(victims)) is not None:
            cand.target = victim_actor
        if kind == "death":
            cand.fatalities = max(count, cand.fatalities or 0)
        else:
            cand.injuries = max(count, cand.injuries or 0)


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
    elif lowers & words("future") or any(t.lemma_ in ("plan", "intend", "threaten", "vow") for t in chain[1:]):
        cand.modality = "future"
    elif lowers & words("hypothetical"):
        cand.modality = "hypothetical"
    elif lowers & words("claim"):
        cand.modality = "claimed"
    if cand.trigger.pos_ == "NOUN" and any(t.lemma_ in words("plan") for t in chain[1:]):
        cand.planned = True
