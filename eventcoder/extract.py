"""The rule-based event extractor: a parsed article in, coded events out.

triggers -> roles (source, target, claims) -> clause attachments (date, place, casualties, modality)
-> article-level reading (merged mentions, statement continuity) -> fallbacks -> Event records.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventcoder import places
from eventcoder.attach import (Toll, attach_casualties, attach_dates, attach_modality, attach_places, attach_tolls,
                               share_sentence_context, fallback_date, sentence_toll)
from eventcoder.candidates import Candidate
from eventcoder.casualties import mentions_harm, uncounted_bombers
from eventcoder.coding import GRIEVANCE_PREPS, OUTCOME_LEMMAS, PROTEST_LEMMAS, TWO_SIDED_LEMMAS, code, weapon_cue
from eventcoder.credible import credible
from eventcoder.dates import ResolvedDate
from eventcoder.geoparse import PlaceMention, place_mentions, primary
from eventcoder.actors import PUBLISHED, community_named, country_of_thing, people_country
from eventcoder.discourse import continue_statements, group_antecedent, merge_mentions, named_orgs
from eventcoder.protests import escalate_protests
from eventcoder.lexicon import triggers, words
from eventcoder.records import UNIDENTIFIED, Actor, Event, Evidence
from eventcoder.roles import actor_at, source_token, target_tokens
from eventcoder.verbal import find_triggers, recode_verbal
from eventcoder.triggers import TriggerHit, governing, in_generic_clause, is_anaphoric, is_descriptive, is_topic

# Verbs that tie an event to its author: "officials linked the attack to KH".
ATTRIBUTION_VERBS = frozenset({"link", "blame", "attribute", "tie", "connect"})
# Verbs that lead from an event to what it became ("resulting in clashes", "leading to a shootout").
CONSEQUENCE_VERBS = frozenset({"result", "lead", "end", "culminate", "escalate", "turn", "degenerate", "develop"})
# Event types whose plural nouns count separate happenings.
AGGREGATE_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# The generic actor of "foreign troops", whose country is the article's foreign power.
FOREIGN_FORCES = "foreign forces"
# Sectors whose country is never the event's by default: international bodies.
FOREIGN_SECTORS = frozenset({"IGO", "NGO", "UNO"})
# Confidence: a base for a trigger, raised by each role or attachment found, lowered by each guess.
BASE_CONFIDENCE = 0.4
FOUND_BONUS = 0.1
FALLBACK_PENALTY = 0.1


def extract_events(doc: Doc, *, article_id: str, publication_date: str | None,
                   countries: tuple[str, ...] | None = None, lead_date: ResolvedDate | None = None) -> list[Event]:
    """All events of one parsed article (or of its event sentences); `countries` the article names,
    `lead_date` the day the article opens with ("23 June. One dead ..."), which dates undated events."""
    anchor = date.fromisoformat(publication_date) if publication_date else None
    doc.user_data[PUBLISHED] = anchor  # people who share a name are told apart by it (actors.person)
    if lead_date is not None and anchor is not None and lead_date.value == anchor.isoformat():
        lead_date = None  # a header repeating the publication date says nothing about the events
    orgs = named_orgs(doc)
    countries = article_countries(doc) if countries is None else countries
    mentions = place_mentions(doc, countries=countries)
    cands: list[Candidate] = []
    tolls: list[Toll] = []
    for sent in doc.sents:
        found = _sentence_candidates(sent, anchor, orgs, mentions)
        if not any(c.event_type == "ASSAULT" for c in found) and (toll := sentence_toll(sent)) is not None:
            tolls.append(toll)  # "No casualties were reported.", "Two soldiers died.": of an attack told beside it
        cands.extend(found)
    attach_tolls(cands, tolls)
    if not mentions_harm(doc):
        for cand in cands:  # a report that names no victim: nobody was killed or hurt
            cand.no_casualties = cand.no_casualties or cand.modality in ("asserted", "claimed")
    cands = escalate_protests(merge_mentions(cands))
    continue_statements(cands)
    # place names that say where something happened, not who acted ("Washington said"): computed once
    located = [m for m in mentions if _locative(m, doc)]
    for cand in cands:
        _fallbacks(cand, countries, located)
        if cand.date is None and lead_date is not None and cand.modality in ("asserted", "claimed"):
            cand.date = lead_date
        if cand.date is None and anchor is not None and cand.modality in ("asserted", "claimed"):
            # No date in its words: the story's day, else the day before the report (see attach.fallback_date)
            cand.date = fallback_date(cands, cand, anchor)
            if cand.date is not None:
                cand.fallbacks.append("date")
    return [_to_event(c, article_id) for c in cands if _keep(c)]


def article_countries(doc: Doc) -> tuple[str, ...]:
    """Countries the article names, by place, demonym or community, most mentioned first: they break ties between
    same-named places, and stand in for an event's place and local actors' country when its text names none."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.end < len(doc) and doc[ent.end].lower_ in words("currency"):
            continue  # "the US dollar exchange rate" says nothing of where the story happened
        country = None
        if ent.label_ == "GPE" and (found := places.lookup(ent.text)) is not None:
            country = found.country
        elif ent.label_ == "NORP" and ent.ent_id_:
            country = people_country(ent.ent_id_)
        if country:
            counts[country] = counts.get(country, 0) + 1
    return tuple(sorted(counts, key=lambda c: -counts[c]))


def _sentence_candidates(sent: Span, anchor: date | None, orgs: list[tuple[int, Actor]],
                         mentions: list[PlaceMention]) -> list[Candidate]:
    hits = {hit.token.i: hit for hit in find_triggers(sent)}
    by_index: dict[int, Candidate] = {}
    for hit in hits.values():
        gov = governing(hit, hits)
        if _skip(hit, gov) or _slashed(hit.token, hits) or _weapon_of(hit, hits):
            continue
        cand = Candidate(hit.token, hit.entry, sent, anaphoric=is_anaphoric(hit.token))
        attach_modality(cand)
        recode_verbal(cand)
        if gov is not None and gov.entry.kind == "claim" and cand.event_type == "ASSAULT":
            cand.modality = "claimed"
        _assign_roles(cand, hits, orgs)
        by_index[hit.token.i] = cand
    _share_conjunct_roles(by_index)
    _absorb_result_verbs(by_index)
    attach_dates(sent, by_index, anchor)
    attach_places(sent, by_index, mentions)
    share_sentence_context(sent, by_index)
    attach_casualties(sent, by_index)
    for cand in by_index.values():
        cand.is_aggregate = _is_aggregate(cand)
    unique = {id(c): c for c in by_index.values()}.values()
    kept = [c for c in unique if credible(c)]
    return _dedupe_statements(sorted(kept, key=lambda c: c.trigger.i))


def _slashed(token: Token, hits: dict[int, TriggerHit]) -> bool:
    """The second word of a slash list of one event's kinds: "projectiles/explosions", "shots/bursts"."""
    return token.i >= 2 and token.doc[token.i - 1].text == "/" and token.i - 2 in hits


# Modes of triggers that name what is fired ("shells", "explosives"), not an act of their own.
FIRED_MODES = frozenset({"explosives", "heavy-weapons"})


def _weapon_of(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """What another attack fired, or a deployment moved: "fired two shells", "brought reinforcements" tell one
    event, not two."""
    head = hits.get(hit.token.head.i)
    if hit.token.dep_ != "dobj" or head is None or head.entry.event_type != hit.entry.event_type:
        return False
    return hit.entry.event_type == "MOBILIZE" or hit.entry.event_type == "ASSAULT" and hit.entry.mode in FIRED_MODES


# Finite verb tags: a sentence with none of them is a headline or note the parser read as one noun phrase.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _headline_predicate(token: Token) -> bool:
    """A bare verb the parser took for a modifier in a verbless headline, after its subject: "Journalists in
    Mombasa protest limits on free expression", "Students of Kisii University protest exam fees"."""
    sent = token.sent
    before = token.doc[token.i - 1] if token.i > sent.start else None
    return token.tag_ in ("NN", "NNS", "VB", "VBP", "VBZ") and token.lower_ == token.lemma_.lower() \
        and before is not None and before.pos_ in ("NOUN", "PROPN") and before.i != token.head.i \
        and not any(t.tag_ in FINITE_TAGS for t in sent)


def _staged(hit: TriggerHit) -> bool:
    """A protest word naming the kind of what was staged: "held a protest sit-in", "staged a protest march"."""
    head = hit.token.head
    return hit.entry.event_type == "PROTEST" and head.dep_ in ("dobj", "pobj") \
        and head.head.lemma_.lower() in words("protest_verb")


def _grievance(token: Token) -> bool:
    """What a protest is against, not an event told here: "protested against the attack on their leader",
    "protest against a police raid" (the grievance is an earlier event, reported in its own right elsewhere)."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in GRIEVANCE_PREPS and prep.head.lemma_.lower() in PROTEST_LEMMAS


def _skip(hit: TriggerHit, gov: TriggerHit | None) -> bool:
    """Triggers that report no event of their own: descriptions, topics, the content of a statement."""
    if is_descriptive(hit.token) or is_topic(hit.token) or in_generic_clause(hit.token) or _grievance(hit.token):
        return True
    if hit.token.dep_ == "compound" and hit.token.pos_ in ("NOUN", "PROPN") and not _headline_predicate(hit.token) \
            and not _staged(hit):
        return True  # "riot gear", "attack helicopter", "protest leaders": a modifier, not an event
    if hit.token.dep_ == "amod" and hit.token.lemma_.lower() in OUTCOME_LEMMAS:
        # "160 wounded people": a casualty count, not an event of its own
        return True
    if gov is not None and gov.entry.kind in ("say", "claim"):
        return not (hit.entry.event_type == "ASSAULT" and gov.entry.event_type == "ACCUSE")
    return False


def _actor(token: Token | None, orgs: list[tuple[int, Actor]]) -> Actor | None:
    if token is None:
        return None
    return group_antecedent(token, orgs) or actor_at(token)


def _assign_roles(cand: Candidate, hits: dict[int, TriggerHit], orgs: list[tuple[int, Actor]]) -> None:
    trigger = cand.trigger
    cand.source = _actor(source_token(trigger, is_trigger=lambda t: t.i in hits), orgs)
    tokens = target_tokens(trigger, is_trigger=lambda t: t.i in hits, kind=cand.entry.kind,
                           event_type=cand.event_type)
    cand.target = next((a for tok in tokens if (a := _actor(tok, orgs)) is not None), None) or \
        next((a for tok in tokens[:1] if (a := country_of_thing(tok)) is not None), None)
    holder = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" else trigger
    head = holder.head
    if holder.dep_ == "nsubjpass" and head.lemma_ == "claim":
        agent = next((c for c in head.children if c.dep_ == "agent"), None)
        claimer = _actor(next((c for c in agent.children if c.dep_ == "pobj"), None), orgs) if agent else None
        if claimer is not None:
            cand.claimed_by = claimer
            cand.source = cand.source or claimer
    if trigger.dep_ == "dobj" and head.lemma_ in ATTRIBUTION_VERBS:
        to = next((c for c in head.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
        cand.attributed_to = _actor(next((c for c in to.children if c.dep_ == "pobj"), None), orgs) if to else None
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        cand.attributed_by = _actor(subj, orgs) if cand.attributed_to else None


def _absorb_result_verbs(by_index: dict[int, Candidate]) -> None:
    """'A car bomb blast killed five': the verb reports the outcome of the noun's event, not a second event.
    The verb's index then points at the noun's candidate, so its dates, places and casualties go there."""
    for i, cand in sorted(by_index.items()):
        if cand.trigger.pos_ != "VERB" or cand.trigger.i != i:
            continue
        subject = next((c for c in cand.trigger.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            event = by_index.get(subject.i)
        elif cand.trigger.lemma_.lower() in OUTCOME_LEMMAS:
            # "Three soldiers were killed when a roadside bomb exploded": the outcome joins its cause
            event = (by_index.get(cand.trigger.head.i) if cand.trigger.dep_ in ("advcl", "conj", "xcomp") else None) \
                or next((by_index[c.i] for c in cand.trigger.children
                         if c.dep_ in ("advcl", "conj") and c.i in by_index), None) \
                or next((by_index[o.i] for p in cand.trigger.children if p.dep_ == "prep"
                         for o in p.children if o.dep_ == "pobj" and o.i in by_index
                         and by_index[o.i].event_type == "ASSAULT"), None)
            # "... were killed in a clash", "killed following an attack by Taliban militants"
        elif cand.trigger.dep_ in ("advcl", "conj", "xcomp"):
            # "... hit a market, killing nine": a subjectless participle continues the event it hangs on
            event = by_index.get(cand.trigger.head.i)
        else:
            event = None
        if event is None and cand.trigger.dep_ == "relcl":
            # "planted a roadside bomb, which detonated near a hospital": the device's own explosion
            event = by_index.get(cand.trigger.head.head.i) if cand.trigger.head.dep_ in ("dobj", "pobj") else None
        if event is not None and event is not cand and event.event_type == cand.event_type:
            _absorb(event, cand, i, by_index)
    _absorb_consequences(by_index)
    _absorb_stray_outcomes(by_index)


def _absorb_consequences(by_index: dict[int, Candidate]) -> None:
    """'ambushed a patrol, resulting in an exchange of fire': what an event led to is the same event."""
    for i, cand in sorted(by_index.items()):
        trigger = cand.trigger
        if trigger.i != i or trigger.dep_ != "pobj" or trigger.head.head.lemma_.lower() not in CONSEQUENCE_VERBS:
            continue
        verb = trigger.head.head
        event = by_index.get(verb.head.i) if verb.dep_ in ("advcl", "conj", "xcomp") else None
        if event is not None and event is not cand and event.event_type == cand.event_type:
            _absorb(event, cand, i, by_index)


def _absorb(event: Candidate, cand: Candidate, i: int, by_index: dict[int, Candidate]) -> None:
    """`cand` becomes a mention of `event`, and so does every word that already pointed at it."""
    event.target = event.target or cand.target
    event.source = event.source or cand.source
    event.mentions.extend([cand.trigger] + [m for m in cand.mentions if m not in event.mentions])
    for k, held in by_index.items():
        if held is cand:
            by_index[k] = event
    by_index[i] = event


def _absorb_stray_outcomes(by_index: dict[int, Candidate]) -> None:
    """A death or wound the parser hung elsewhere ("detonated a bomb near a college killing one") is the
    outcome of the sentence's attack: it joins the nearest attack of the sentence, the preceding one first."""
    attacks = sorted({id(c): c for c in by_index.values() if c.event_type == "ASSAULT"
                      and c.trigger.lemma_.lower() not in OUTCOME_LEMMAS}.values(), key=lambda c: c.trigger.i)
    if not attacks:
        return
    for i, cand in sorted(by_index.items()):
        if cand.trigger.i != i or cand.event_type != "ASSAULT" or cand.trigger.lemma_.lower() not in OUTCOME_LEMMAS:
            continue
        before = [a for a in attacks if a.trigger.i < i]
        _absorb(before[-1] if before else attacks[0], cand, i, by_index)
    fights = [a for a in attacks if a.trigger.lemma_.lower() in TWO_SIDED_LEMMAS]
    for i, cand in sorted(by_index.items()):
        # "a shoot-out broke out and a suspect was shot": the shooting is part of the fight
        if fights and cand.trigger.i == i and cand.event_type == "ASSAULT" and cand not in fights \
                and cand.source is None:
            _absorb(fights[0], cand, i, by_index)


def _share_conjunct_roles(by_index: dict[int, Candidate]) -> None:
    """'sanctions and strikes by the US military': coordinated event nouns share their actors."""
    for cand in by_index.values():
        other = by_index.get(cand.trigger.head.i) if cand.trigger.dep_ == "conj" else None
        if other is None:
            continue
        for name in ("source", "target"):
            if getattr(cand, name) is None:
                setattr(cand, name, getattr(other, name))
            elif getattr(other, name) is None:
                setattr(other, name, getattr(cand, name))


def _is_aggregate(cand: Candidate) -> bool:
    """A plural noun of violence or protest ("attacks", "165 strikes") stands for several events;
    plural nouns of other kinds ("talks", "sanctions") name one event."""
    return cand.event_type in AGGREGATE_TYPES and cand.trigger.tag_ == "NNS"


def _dedupe_statements(cands: list[Candidate]) -> list[Candidate]:
    """Two verbal triggers of one type by one speaker in one sentence are one statement."""
    kept: list[Candidate] = []
    for cand in cands:
        same = next((k for k in kept if cand.is_verbal and k.event_type == cand.event_type
                     and k.source is not None and cand.source is not None and k.source.name == cand.source.name), None)
        same = same or next((k for k in kept if _one_demonstration(k, cand)), None)
        if same is None:
            kept.append(cand)
        else:
            same.target = same.target or cand.target
            same.date = same.date or cand.date
            same.place = same.place or cand.place
            same.mentions.append(cand.trigger)
    return kept


def _one_demonstration(kept: Candidate, cand: Candidate) -> bool:
    """'blocked a road in protest against ...': protest words of one sentence by one crowd are one protest."""
    return kept.event_type == cand.event_type == "PROTEST" and kept.modality == cand.modality and \
        (kept.source is None or cand.source is None or kept.source.name == cand.source.name)


# Sectors of actors that act in their own country: police, civilians, protesters, local officials.
# Sectors of a crowd that, named by its community and attacking, is that community's militia.
COMMUNITY_CROWD_SECTORS = frozenset({"CVL", "AGR", "UAF", "PRM", None})
HOME_SECTORS = ("COP", "CVL", "OPP", "LAB", "EDU", "AGR", "BUS", "REL", "JRN", "MED", "PTY")


def _home_country(cand: Candidate) -> str | None:
    """The country of a participant who acts at home (police first, then civilians), named with its country."""
    actors = [a for a in (cand.source, cand.target) if a is not None and a.country and len(a.country) == 3
              and a.name != UNIDENTIFIED]
    for sector in HOME_SECTORS:
        found = next((a.country for a in actors if a.sector == sector), None)
        if found is not None:
            return found
    return None


def _from_the_air(cand: Candidate) -> bool:
    """Air and drone strikes: their unnamed author is an air force, not an unidentified armed group."""
    cue = weapon_cue([cand.trigger, *cand.mentions])
    return cue is not None and cue.mode in ("aerial", "drone")


def _fallbacks(cand: Candidate, countries: tuple[str, ...], located: list[PlaceMention]) -> None:
    """Fill what the clause left open with the conventions human coders use, and record each guess."""
    if cand.event_type == "ASSAULT" and cand.source is not None and cand.source.sector in COMMUNITY_CROWD_SECTORS \
            and (community := community_named(cand.source.text)) is not None:
        # "armed Kalenjin youths attacked a village": a community's attackers are its militia (ACLED: identity militia)
        cand.source = replace(cand.source, name=f"{community.name} militia", country=community.country, sector="PRM")
    if cand.place is None and not cand.is_verbal and cand.modality != "future":
        # a material event with no place in its clause: the main place of its sentence, else of the article
        sent = cand.evidence_sent or cand.sent
        here = [m for m in located if sent.start <= m.start < sent.end]
        chosen = primary(here) or primary(located)
        if chosen is not None:
            cand.place = chosen.place
            cand.fallbacks.append("place")
    if cand.event_type == "ASSAULT" and cand.source is None:
        # an armed actor named beside the event, else ACLED's "Unidentified Armed Group" of the event's country
        cand.source = _armed_bystander(cand) or (None if _from_the_air(cand) else
                                                  Actor(text="", name=UNIDENTIFIED, sector="UAF"))
        if cand.source is not None:
            cand.fallbacks.append("source")
    if cand.event_type == "ASSAULT":
        _complete_toll(cand)
    if cand.event_type == "PROTEST" and cand.source is None:
        # unnamed demonstrators, as ACLED codes them: "Protesters (Kenya)", "Rioters (Kenya)"
        crowd = "rioters" if cand.entry.mode == "riot" else "protesters"
        cand.source = Actor(text=crowd, name=crowd, sector="CVL")
        cand.fallbacks.append("source")
    main = primary(located)
    local = cand.place.country if cand.place and cand.place.country else \
        main.place.country if main is not None else (countries[0] if countries else None)
    for role in ("source", "target"):
        actor = getattr(cand, role)
        if actor is not None and actor.country is None and actor.name == FOREIGN_FORCES:
            # "foreign troops": the foreign country the article names most, not the event's own
            others = [c for c in countries if c not in (local, cand.source.country if cand.source else None)]
            if others:
                setattr(cand, role, replace(actor, country=others[0]))
                cand.fallbacks.append(f"{role}.country")
            continue
        if actor is not None and actor.country is None and local and actor.sector not in FOREIGN_SECTORS:
            # ACLED codes local actors by the country of the event: "Police Forces of Kenya", "Rioters (Kenya)"
            setattr(cand, role, replace(actor, country=local))
            cand.fallbacks.append(f"{role}.country")
    if cand.target is None and cand.event_type == "PROTEST" and cand.place is not None \
            and cand.place.country and len(cand.place.country) == 3:
        # a demonstration with no named target is addressed to the government where it is held (PLOVER,
        # PETRARCH: "activists staged a protest in Beijing" -> CHN GOV)
        host = places.country_place(cand.place.country)
        if host is not None:
            cand.target = Actor(text="", name=host.name, country=host.country, sector="GOV")
            cand.fallbacks.append("target")
    if cand.target is None and cand.event_type == "THREATEN" and cand.source is not None:
        cand.target = _other_named_actor(cand)
        if cand.target is not None:
            cand.fallbacks.append("target")
    if cand.place is None and cand.is_verbal and cand.source is not None and cand.source.country:
        cand.place = places.country_place(cand.source.country)
        if cand.place is not None:
            cand.fallbacks.append("place")
    if cand.place is None and not cand.is_verbal and cand.modality != "future":
        # no place named: the country of its police or of its civilians, who act at home, else the article's
        home = _home_country(cand) or (countries[0] if countries else None)
        cand.place = places.country_place(home) if home is not None else None
        if cand.place is not None:
            cand.fallbacks.append("place")


# Dependencies of a place name used as an actor ("Washington said", "Tehran's allies", "pro-Tehran militias").
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "compound", "amod", "nmod"})
ACTOR_PREPS = frozenset({"by", "with", "towards", "toward", "against", "to", "from"})


def _locative(mention: PlaceMention, doc: Doc) -> bool:
    """Whether a place name says where something happened rather than who acted."""
    if mention.cue is not None:
        return mention.cue not in ACTOR_PREPS
    span = doc[mention.start:mention.end]
    root = span.root
    if mention.start >= 2 and doc[mention.start - 1].text in (",", "(") and doc[mention.start - 2].text[:1].isupper() \
            and mention.place.precision != "country":
        return True  # "residents of Eastleigh, Nairobi protest": the town or region a name lies in
    if root.dep_ == "compound" and root.head.lower_ in words("local_noun"):
        return True  # "Mombasa traders", "Kisii University": where its people or institution are
    if root.dep_ == "dobj" and any(t.event_type == "ASSAULT" for t in triggers().get(root.head.lemma_.lower(), ())):
        return True  # "Al Shabaab attacks Mandera": the place attacked is where it happened
    if root.dep_ in ACTOR_DEPS:
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in ACTOR_PREPS)


def _complete_toll(cand: Candidate) -> None:
    """A report that gives a toll gives all of it: deaths without injuries means none injured, and
    'no casualties' means zero of both (the convention of GTD and ACLED coders)."""
    if cand.fatalities:
        sents = {id(t.sent): t.sent for t in (cand.trigger, *cand.mentions)}
        cand.fatalities += uncounted_bombers(list(sents.values()))
    if cand.no_casualties:
        cand.fatalities = cand.fatalities or 0
        cand.injuries = cand.injuries or 0
    elif cand.fatalities is not None and cand.injuries is None:
        cand.injuries = 0
    elif cand.injuries is not None and cand.fatalities is None:
        cand.fatalities = 0


def _other_named_actor(cand: Candidate) -> Actor | None:
    """The one named actor of the sentence other than the speaker: whom a bare threat is aimed at."""
    found = {}
    for ent in cand.sent.ents:
        actor = actor_at(ent.root) if ent.label_ in ("ORG", "GPE", "NORP") else None
        if actor is not None and actor.country and actor.country != cand.source.country:  # type: ignore[union-attr]
            found[actor.name] = actor
    return next(iter(found.values())) if len(found) == 1 else None


def _armed_bystander(cand: Candidate) -> Actor | None:
    """For an air or drone strike with no stated agent, a state force named in the same sentence."""
    sent = cand.evidence_sent or cand.sent
    if cand.trigger.lemma_.lower() not in ("strike", "airstrike") and "drone" not in sent.text.lower():
        return None
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod"):
            actor = actor_at(tok)
            if actor is not None and actor.sector == "MIL" and actor.country and \
                    (cand.target is None or actor.country != cand.target.country):
                return actor
    return None


def _keep(cand: Candidate) -> bool:
    """Statements need a speaker or an addressee; an event with neither says nothing codable."""
    if cand.is_verbal or cand.event_type in ("CONSULT", "SANCTION", "RETREAT", "AGREE", "SUPPORT", "AID"):
        return cand.source is not None or cand.target is not None
    return True


def _confidence(cand: Candidate) -> float:
    found = sum(x is not None for x in (cand.source, cand.target, cand.date, cand.place))
    score = BASE_CONFIDENCE + FOUND_BONUS * found - FALLBACK_PENALTY * len(cand.fallbacks)
    return round(min(max(score, 0.05), 0.95), 2)


def _to_event(cand: Candidate, article_id: str) -> Event:
    sent = cand.evidence_sent or cand.sent
    text = sent.text.strip()
    start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    source = cand.source
    unnamed = source is not None and source.name == UNIDENTIFIED  # the stand-in says nothing about who acted
    coding = code(cand.event_type, cand.entry.mode, cand.entry.cameo, [cand.trigger, *cand.mentions],
                  None if unnamed else source, cand.target, police_response=cand.police_response)
    if coding.acled_event_type == "Riots" and unnamed:
        source = replace(source, name="rioters", sector="CVL")  # an unnamed crowd, as ACLED codes "Rioters (X)"
    key = f"{article_id}|{cand.trigger.idx}|{cand.event_type}"
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        event_type=cand.event_type, mode=coding.mode, acled_event_type=coding.acled_event_type,
        acled_sub_event_type=coding.acled_sub_event_type, cameo_root=coding.cameo_root,
        source=source, target=cand.target,
        date=cand.date.value if cand.date else None,
        date_precision=cand.date.precision if cand.date else None,  # type: ignore[arg-type]
        date_text=cand.date.text if cand.date else None,
        place=cand.place, fatalities=cand.fatalities, injuries=cand.injuries,
        claimed_by=cand.claimed_by, attributed_to=cand.attributed_to, attributed_by=cand.attributed_by,
        modality=cand.modality,  # type: ignore[arg-type]
        is_aggregate=cand.is_aggregate,
        evidence=Evidence(text, start, start + len(text)),
        confidence=_confidence(cand),
    )
