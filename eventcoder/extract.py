"""The rule-based event extractor: a parsed article in, coded events out.

triggers -> roles (source, target, claims) -> clause attachments (date, place, casualties, modality)
-> article-level reading (merged mentions, statement continuity) -> fallbacks -> Event records.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from typing import Iterable, Sequence

from spacy.tokens import Doc, Span, Token

from eventcoder import places
from eventcoder.attach import (Toll, attach_casualties, attach_dates, attach_modality, attach_places, attach_tolls,
                               share_sentence_context, fallback_date, sentence_toll)
from eventcoder.candidates import Candidate
from eventcoder.casualties import mentions_harm
from eventcoder.coding import ARMED_SECTORS, NON_STATE_ARMED, OUTCOME_LEMMAS, TWO_SIDED_LEMMAS, code, names_a_weapon
from eventcoder.credible import credible
from eventcoder.dates import ResolvedDate
from eventcoder.fallbacks import FOREIGN_SECTORS, coded_target, fill_fallbacks
from eventcoder.nlp import WHOLE_DOC_TOKENS
from eventcoder.incidents import join_retold_attacks
from eventcoder.geoparse import (GENERIC_WORDS, PlaceMention, glued_modifier, local_noun_after, named_countries,
                                 named_places, names_a_border, object_of_an_attack, place_mentions, primary)
from eventcoder.actors import (PUBLISHED, country_of_thing, generic, issuing_country, lookup, people_country, person,
                               published_on)
from eventcoder.discourse import continue_statements, fold_aftermath, group_antecedent, merge_mentions, named_orgs
from eventcoder.protests import escalate_protests
from eventcoder.lexicon import in_class, plover_mode, words
from eventcoder.missions import mission_hosts
from eventcoder.records import UNIDENTIFIED, Actor, Event, Evidence, Place
from eventcoder.roles import (CREDITING_VERBS, actor_at, carries_the_bomb, device_planter, side_noun, sides_between,
                              source_token, target_tokens)
from eventcoder.verbal import find_triggers, recode_verbal
from eventcoder.trigger_filters import skip
from eventcoder.triggers import TriggerHit, governing, is_anaphoric
from eventcoder.triggers import match as match_trigger

# Verbs that tie an event to its author: "officials linked the attack to KH".
ATTRIBUTION_VERBS = CREDITING_VERBS | {"blame"}
# Verbs that lead from an event to what it became ("resulting in clashes", "leading to a shootout").
CONSEQUENCE_VERBS = frozenset({"result", "lead", "end", "culminate", "escalate", "turn", "degenerate", "develop"})
# Prepositions that name what an act was carried out with ("attacked troops with gunfire and explosives").
INSTRUMENT_PREPS = frozenset({"with", "using"})
# Event types whose plural nouns count separate happenings.
AGGREGATE_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# Confidence: a base for a trigger, raised by each role or attachment found, lowered by each guess.
BASE_CONFIDENCE = 0.4
FOUND_BONUS = 0.1
FALLBACK_PENALTY = 0.1
# A mission's name outweighs a place name of another country: it names where the mission works, and a village
# it reports on may share its name with a town abroad.
MISSION_VOTES = 2
# The sector of insurgent groups, whose home country is a weak hint of where they struck (actor_countries).
INSURGENTS = "REB"
# The mode of an armed group's attack whose weapon the text does not name.
DEFAULT_ARMED_MODE = "firearms"


def extract_events(doc: Doc, *, article_id: str, publication_date: str | None,
                   countries: tuple[str, ...] | None = None, lead_date: ResolvedDate | None = None) -> list[Event]:
    """All events of one parsed article (or of its event sentences); `countries` the article names,
    `lead_date` the day the article opens with ("23 June. One dead ..."), which dates undated events."""
    anchor = date.fromisoformat(publication_date) if publication_date else None
    doc.user_data[PUBLISHED] = anchor  # people who share a name are told apart by it (actors.person)
    if lead_date is not None and anchor is not None and lead_date.value == anchor.isoformat():
        lead_date = None  # a header repeating the publication date says nothing about the events
    orgs = named_orgs(doc)
    mentions, countries = _places_and_countries(doc, orgs, countries)
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
    cands = fold_aftermath(escalate_protests(merge_mentions(cands)))
    continue_statements(cands)
    # place names that say where something happened, not who acted ("Washington said"): computed once
    located = [m for m in mentions if _locative(m, doc)]
    note = len(doc) <= WHOLE_DOC_TOKENS
    named = named_places(doc) if note else []
    for cand in cands:
        fill_fallbacks(cand, countries, located)
        if note:
            _narrow_to_the_notes_town(cand, located, mentions, named)
        if cand.date is None and lead_date is not None and cand.modality in ("asserted", "claimed"):
            cand.date = lead_date
        if cand.date is None and anchor is not None and cand.modality in ("asserted", "claimed"):
            # No date in its words: the story's day, else the day before the report (see attach.fallback_date)
            cand.date = fallback_date(cands, cand, anchor)
            if cand.date is not None:
                cand.fallbacks.append("date")
    return [_armed_assault(e) for e in join_retold_attacks([_to_event(c, article_id) for c in cands if _keep(c)])]


def _armed_assault(event: Event) -> Event:
    """An armed group's attack that no telling of it names a weapon for is an armed assault, as GTD codes one "by
    unknown means" (not a summary of many attacks, which were made in many ways)."""
    if event.mode is None and event.event_type == "ASSAULT" and not event.is_aggregate and event.source is not None \
            and event.source.sector in ARMED_SECTORS:
        return replace(event, mode=DEFAULT_ARMED_MODE)
    return event


def _places_and_countries(doc: Doc, orgs: list[tuple[int, Actor]], countries: tuple[str, ...] | None,
                          ) -> tuple[list[PlaceMention], tuple[str, ...]]:
    """The article's place mentions, and the countries it is about, most named first. Where it names no country, its
    home actors' countries, else names only one country's places bear, else the homes of its armed forces and
    insurgents break ties between same-named places; those fight across borders, so where their homes find no place
    the places are read without them ("Al Shabaab militants attacked El Wak town": the Kenyan town, not the Somali
    district)."""
    hint = (article_countries(doc) if countries is None else countries) or actor_countries(doc, orgs) \
        or named_countries(doc)
    armed = () if hint else armed_countries(doc, orgs)
    mentions = place_mentions(doc, countries=hint or armed[:1])
    if armed and not mentions:
        mentions = place_mentions(doc)
    return mentions, hint or mentioned_countries(mentions) or armed


def article_countries(doc: Doc) -> tuple[str, ...]:
    """Countries the article names, by place, demonym, community or mission, most mentioned first: they break ties between
    same-named places, and stand in for an event's place and local actors' country when its text names none. A name
    that big places of several countries bear ("Tripoli", "Athens") counts only when nothing clearer does: "from
    Beirut to Tripoli" is about Lebanon."""
    counts: dict[str, int] = {}
    shared: dict[str, int] = {}  # the likeliest countries of names several countries bear
    borders: dict[str, int] = {}  # countries named for a border, either side of which the story may be on
    for host in mission_hosts(doc.text):  # "the OSCE SMM observed ...": a mission's reports are about its host
        counts[host] = counts.get(host, 0) + MISSION_VOTES
    for ent in doc.ents:
        if ent.end < len(doc) and doc[ent.end].lower_ in words("currency") or glued_modifier(doc, ent.end):
            continue  # "the US dollar exchange rate", "the Somalia-based group": not where the story happened
        country, tally = None, counts
        if ent.label_ == "GPE" and (found := places.lookup(ent.text)) is not None:
            country = found.country
            if places.shared_name(ent.text):
                tally = shared
            elif found.precision == "country" and names_a_border(doc, ent.start, ent.end):
                tally = borders  # "in Lamu near the Somalia border"
        elif ent.label_ == "NORP" and ent.ent_id_:
            country = people_country(ent.ent_id_)
            if names_a_border(doc, ent.start, ent.end):
                tally = borders
            elif ent.end < len(doc) and in_class(doc[ent.end], "abroad_people"):
                continue  # "Somali refugees", "a German tourist": people away from their own country
        if country:
            tally[country] = tally.get(country, 0) + 1
    counts = counts or shared or borders
    return tuple(sorted(counts, key=lambda c: -counts[c]))


def mentioned_countries(mentions: list[PlaceMention]) -> tuple[str, ...]:
    """Countries of the places the geoparser resolved, most named first: the last hint of where a story is, from
    names its other hints do not reach (a village, a camp, a university named as the subject: "Kenyatta University
    has been closed following riots")."""
    return _most_named(mention.place.country for mention in mentions)


def actor_countries(doc: Doc, orgs: list[tuple[int, Actor]]) -> tuple[str, ...]:
    """Countries of the article's named home actors ("Mungiki", "ODM", "Kenyatta"), most named first: where an
    article names no place, its parties, militias and office holders tell which country it is about (insurgents
    are left to `armed_countries`)."""
    published = published_on(doc)
    found = [actor.country for _, actor in orgs if actor.sector not in FOREIGN_SECTORS and actor.sector != INSURGENTS]
    found += [entry.country for ent in doc.ents if ent.label_ == "PERSON"
              and (entry := person(ent.text, published)) is not None and entry.sector not in FOREIGN_SECTORS]
    return _most_named(found)


def armed_countries(doc: Doc, orgs: list[tuple[int, Actor]]) -> tuple[str, ...]:
    """Homes of the article's named state forces ("Kenyan forces", "the KDF") and insurgent groups (REB: al-Shabaab,
    Boko Haram), most named first: weaker hints than home actors, as both fight abroad."""
    forces = [(ent.start, entry.country) for ent in doc.ents if ent.label_ == "ORG" and ent.ent_id_
              and (entry := lookup(ent.ent_id_)) is not None and entry.kind == "force"]
    rebels = [(start, actor.country) for start, actor in orgs if actor.sector == INSURGENTS]
    return _most_named(country for _, country in sorted(forces + rebels))


def _most_named(countries: Iterable[str | None]) -> tuple[str, ...]:
    """The country codes among `countries` (ISO alpha-3 only), most frequent first, ties in order of first mention."""
    counts: dict[str, int] = {}
    for country in countries:
        if country and len(country) == 3:
            counts[country] = counts.get(country, 0) + 1
    return tuple(sorted(counts, key=lambda c: -counts[c]))


# Adverbs of a near miss: "nearly hitting an IED" set nothing off.
NEAR_MISS = frozenset({"nearly", "almost"})


def _sentence_candidates(sent: Span, anchor: date | None, orgs: list[tuple[int, Actor]],
                         mentions: list[PlaceMention]) -> list[Candidate]:
    hits = {hit.token.i: hit for hit in find_triggers(sent)}
    by_index: dict[int, Candidate] = {}
    for hit in hits.values():
        gov = governing(hit, hits)
        if skip(hit, gov, hits):
            continue
        if hit.entry.requires == "@stepped_explosive" and any(c.lower_ in NEAR_MISS for c in hit.token.children):
            continue  # "after nearly hitting an IED": no mine went off
        cand = Candidate(hit.token, hit.entry, sent, anaphoric=is_anaphoric(hit.token))
        attach_modality(cand)
        recode_verbal(cand)
        if gov is not None and gov.entry.kind == "claim" and cand.event_type == "ASSAULT":
            cand.modality = "claimed"
        _assign_roles(cand, hits, orgs)
        by_index[hit.token.i] = cand
    if not by_index:
        return []  # (what follows only fills in candidates)
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


def _actor(token: Token | None, orgs: list[tuple[int, Actor]]) -> Actor | None:
    if token is None:
        return None
    return group_antecedent(token, orgs) or actor_at(token)


def _assign_roles(cand: Candidate, hits: dict[int, TriggerHit], orgs: list[tuple[int, Actor]]) -> None:
    trigger = cand.trigger
    speaker = source_token(trigger, is_trigger=lambda t: t.i in hits)
    cand.source = _actor(speaker, orgs) or (issuing_country(speaker) if speaker is not None else None)
    tokens = target_tokens(trigger, is_trigger=lambda t: t.i in hits, kind=cand.entry.kind,
                           event_type=cand.event_type)
    cand.target = next((a for tok in tokens if (a := _actor(tok, orgs)) is not None and not _weapon_named(tok, a)),
                       None) or next((a for tok in tokens[:1] if (a := country_of_thing(tok)) is not None
                                      and not _weapon_named(tok, a)), None)
    if cand.event_type == "ASSAULT" and cand.source is None and trigger.lemma_.lower() in TWO_SIDED_LEMMAS:
        _sides_named_between(cand, orgs)
    if cand.entry.requires == "@stepped_explosive" and not carries_the_bomb(trigger):
        # "a soldier stepped on a landmine", "a patrol drove over an IED": who set off the mine is its victim, and
        # who planted it the attacker ("their vehicle hit a Taliban-planted roadside bomb")
        planter = _actor(device_planter(trigger), orgs)
        if cand.target is not None and planter is not None and _same_side(cand.target, planter):
            cand.target = None  # ("a Taliban-planted bomb" names who planted it, not whom it hit)
        cand.source, cand.target = planter, cand.target or cand.source
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
        if to is None and head.lemma_ == "blame":
            # "blamed the attack on Al-Shabaab": whom it is blamed on, whichever word the parser hangs "on" on
            to = next((c for c in (*head.children, *trigger.children) if c.dep_ == "prep" and c.lower_ == "on"), None)
        cand.attributed_to = _actor(next((c for c in to.children if c.dep_ == "pobj"), None), orgs) if to else None
        if to is not None and to.head.i == trigger.i and cand.target == cand.attributed_to:
            cand.target = None  # (not an attack on them)
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        cand.attributed_by = _actor(subj, orgs) if cand.attributed_to else None


def _weapon_named(tok: Token, actor: Actor) -> bool:
    """'planting a Russian-made bomb': a weapon, which only its maker's country names, is nobody attacked."""
    return actor.sector is None and names_a_weapon(tok)


def _sides_named_between(cand: Candidate, orgs: list[tuple[int, Actor]]) -> None:
    """'Clashes between police and an Ethiopian armed group', 'fighting broke out between the army and the rebels':
    the first side named acts, the other is the target (unless the clause named it). Only armed sides: a fight
    between farmers and herders, or police and protesters, is a crowd's, which the ACLED coding reads otherwise."""
    sides = [a for tok in sides_between(cand.trigger, on_verb=True) if (a := _side_actor(tok, orgs)) is not None]
    if not all(a.sector in ARMED_SECTORS | {"CRM"} for a in sides):
        return  # (gangs and traffickers fight the police as armed men: "a shoot-out between police and suspects")
    others = [a for a in sides if cand.target is None or a.name != cand.target.name]
    if len(sides) >= 2 and others:
        cand.source = others[0]
        cand.target = cand.target or next((a for a in sides if a is not others[0]), None)


def _side_actor(tok: Token, orgs: list[tuple[int, Actor]]) -> Actor | None:
    """The actor a side names; a people's name before the noun two sides share takes that noun's sector ("between
    QSD and Turkish forces": Turkey's forces), and a government's name its forces' ("between GNA and LNA forces")."""
    actor = _actor(tok, orgs)
    noun = side_noun(tok)
    kind = generic(noun) if actor is not None and noun is not None else None
    if kind is None or actor is None:
        return actor
    if actor.sector is None:
        return replace(actor, name=f"{kind.name} ({actor.country})" if actor.country else kind.name, sector=kind.sector)
    if actor.sector == "GOV" and kind.sector in ARMED_SECTORS:
        return replace(actor, sector=kind.sector)
    return actor


def _absorb_result_verbs(by_index: dict[int, Candidate]) -> None:
    """'A car bomb blast killed five': the verb reports the outcome of the noun's event, not a second event.
    The verb's index then points at the noun's candidate, so its dates, places and casualties go there."""
    for i, cand in sorted(by_index.items()):
        if cand.trigger.pos_ != "VERB" or cand.trigger.i != i:
            continue
        subject = next((c for c in cand.trigger.children if c.dep_ == "nsubj"), None)
        if subject is not None and (subject.i in by_index or not _to_death(cand.trigger)):
            event = by_index.get(subject.i)
        elif cand.trigger.lemma_.lower() in OUTCOME_LEMMAS or _to_death(cand.trigger):
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
            if _earlier_victims(cand, event):
                # "four police officers were killed and a civilian was injured": the victims told first lead
                event.target = cand.target
            _absorb(event, cand, i, by_index)
    _absorb_consequences(by_index)
    _absorb_instruments(by_index)
    _absorb_stray_outcomes(by_index)


def _earlier_victims(cand: Candidate, event: Candidate) -> bool:
    """An outcome verb with victims of its own, joined to a later outcome verb that holds the event; not the armed
    men of a group, who are more often the attackers killed ("a gunman was killed and a police officer wounded")."""
    return cand.target is not None and cand.target.sector not in NON_STATE_ARMED \
        and cand.trigger.lemma_.lower() in OUTCOME_LEMMAS \
        and event.trigger.lemma_.lower() in OUTCOME_LEMMAS and event.trigger.head.i == cand.trigger.i \
        and event.trigger.dep_ == "conj"


def _to_death(verb: Token) -> bool:
    """'shot dead', 'hacked to death': an attack told by its outcome, which the event it happened in holds ("was shot
    dead in a drive-by shooting", "2 people shot dead during raid")."""
    return any(c.dep_ in ("oprd", "acomp", "advmod") and c.lower_ == "dead"
               or c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children)
               for c in verb.children)


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


def _absorb_instruments(by_index: dict[int, Candidate]) -> None:
    """'attacked troops with gunfire and explosives': what an attack was carried out with is the same attack."""
    for i, cand in sorted(by_index.items()):
        trigger = cand.trigger
        if trigger.i != i or trigger.dep_ != "pobj" or trigger.head.lower_ not in INSTRUMENT_PREPS:
            continue
        event = by_index.get(trigger.head.head.i)
        if event is not None and event is not cand and event.event_type == cand.event_type:
            _absorb(event, cand, i, by_index)


def _absorb(event: Candidate, cand: Candidate, i: int, by_index: dict[int, Candidate]) -> None:
    """`cand` becomes a mention of `event`, and so does every word that already pointed at it. An outcome told from
    the victims' side ("forces killed three al Shabaab after being ambushed": the ambushed fought back) gives the
    event its other side."""
    their_source, their_target = cand.source, cand.target
    if cand.source is not None and _same_side(cand.source, event.target):
        their_source = cand.target
    if cand.target is not None and _same_side(cand.target, event.source):
        their_target = cand.source
    event.target = event.target or their_target
    event.source = event.source or their_source
    event.mentions.extend([cand.trigger] + [m for m in cand.mentions if m not in event.mentions])
    for k, held in by_index.items():
        if held is cand:
            by_index[k] = event
    by_index[i] = event


def _same_side(a: Actor, b: Actor | None) -> bool:
    return b is not None and (a.name, a.country) == (b.name, b.country)


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
    """'sanctions and strikes by the US military': coordinated event nouns share their actors; so do coordinated
    verbs of one voice (not "the group was blocking a street and was detained by the police": who detained them
    did not block the street)."""
    for cand in by_index.values():
        other = by_index.get(cand.trigger.head.i) if cand.trigger.dep_ == "conj" else None
        if other is None or _passive_verb(cand.trigger) != _passive_verb(other.trigger):
            continue
        for name in ("source", "target"):
            if getattr(cand, name) is None:
                setattr(cand, name, getattr(other, name))
            elif getattr(other, name) is None:
                setattr(other, name, getattr(cand, name))


def _passive_verb(tok: Token) -> bool:
    """A verb in the passive voice (a noun is in neither voice)."""
    return tok.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in tok.children)


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


# Dependencies of a place name used as an actor ("Washington said", "Tehran's allies", "pro-Tehran militias").
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "compound", "amod", "nmod"})
ACTOR_PREPS = frozenset({"by", "with", "towards", "toward", "against", "to", "from"})


def _locative(mention: PlaceMention, doc: Doc) -> bool:
    """Whether a place name says where something happened rather than who acted."""
    if mention.cue is not None:
        return mention.cue not in ACTOR_PREPS
    span = doc[mention.start:mention.end]
    root = span.root
    if mention.start >= 2 and doc[mention.start - 1].text in (",", "(") and mention.place.precision != "country" \
            and (doc[mention.start - 2].text[:1].isupper() or doc[mention.start - 2].lower_ in GENERIC_WORDS):
        # "residents of Eastleigh, Nairobi protest", "in Magra village, Gaya, Bihar": the town or region a name
        # lies in
        return True
    if local_noun_after(doc, mention.end):
        return True  # "Mombasa traders", "Kisii University", "Nyeri KMTC students": where its people or institution are
    if object_of_an_attack(span):
        return True  # "Al Shabaab attacks Mandera", "militants encroached Kitui county": where it happened
    if root.dep_ in ACTOR_DEPS:
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in ACTOR_PREPS)


def _narrow_to_the_notes_town(cand: Candidate, located: list[PlaceMention], mentions: list[PlaceMention],
                              named: Sequence[Place] = ()) -> None:
    """A coder's note or a brief tells one story: an event placed only at a country takes the town the note names
    in it ("Riots broke out across Kenya ... (Nyeri town specifically)"), else, when no name in it says where
    something happened, the town or site it names at all ("Kenyatta University has been closed following riots"),
    else the first town or region of that country its names hold ("students of Bungoma High School", "the Kakamega
    County assembly"). (A region stays: its name may be a village the gazetteer lacks, placed at its region by
    local_names.)"""
    if cand.place is None or cand.place.precision != "country" or cand.is_verbal:
        return
    country = cand.place.country
    towns = [m for m in (located or mentions) if m.place.precision in ("city", "near", "exact")
             and m.place.country == country]
    if not towns and "place" in cand.fallbacks:
        # the country was only the story's guess (the home of "Israeli airstrikes"): where the note says things
        # happened is surer ("positions in Tall al Ahmar in the western countryside of Dar'a")
        towns = [m for m in located if m.place.precision in ("city", "near", "exact")]
    chosen = primary(towns)
    if chosen is not None:
        cand.place = chosen.place
        cand.fallbacks.append("place")
    elif not mentions and (held := next((p for p in named if p.country == country), None)) is not None:
        cand.place = held
        cand.fallbacks.append("place")


def _keep(cand: Candidate) -> bool:
    """Statements need a speaker or an addressee; an event with neither says nothing codable."""
    if cand.is_verbal or cand.event_type in ("CONSULT", "SANCTION", "RETREAT", "AGREE", "SUPPORT", "AID"):
        return cand.source is not None or cand.target is not None
    return True


def _confidence(cand: Candidate) -> float:
    found = sum(x is not None for x in (cand.source, cand.target, cand.date, cand.place))
    score = BASE_CONFIDENCE + FOUND_BONUS * found - FALLBACK_PENALTY * len(cand.fallbacks)
    return round(min(max(score, 0.05), 0.95), 2)


def _mentioned_mode(cand: Candidate) -> str | None:
    """The mode another mention of the event names when its first names none: "attacked a truck and then set it on
    fire" is an arson."""
    for tok in cand.mentions:
        entry = match_trigger(tok)
        if entry is not None and entry.event_type == cand.event_type and entry.mode is not None:
            return entry.mode
    return None


def _to_event(cand: Candidate, article_id: str) -> Event:
    sent = cand.evidence_sent or cand.sent
    text = sent.text.strip()
    start = sent.start_char + len(sent.text) - len(sent.text.lstrip())
    source = cand.source
    unnamed = source is not None and source.name == UNIDENTIFIED  # the stand-in says nothing about who acted
    coding = code(cand.event_type, cand.entry.mode or _mentioned_mode(cand), cand.entry.cameo,
                  [cand.trigger, *cand.mentions],
                  None if unnamed else source, cand.target, police_response=cand.police_response,
                  fatalities=cand.fatalities)
    if coding.acled_event_type == "Riots" and unnamed:
        source = replace(source, name="rioters", sector="CVL")  # an unnamed crowd, as ACLED codes "Rioters (X)"
    target = coded_target(cand, coding.acled_event_type, coding.acled_sub_event_type)
    key = f"{article_id}|{cand.trigger.idx}|{cand.event_type}"
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        event_type=cand.event_type, mode=plover_mode(cand.event_type, coding.mode),
        acled_event_type=coding.acled_event_type, acled_sub_event_type=coding.acled_sub_event_type,
        cameo_root=coding.cameo_root,
        source=source, target=target,
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
