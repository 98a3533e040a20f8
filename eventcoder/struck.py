"""Whom an attack fell on when its clause names no victim: the site it struck and who holds it, else the people it
killed or hurt. GTD and ACLED coders record a target for every bombing: a school is an educational institution, a
house its owner, a market its traders, and people killed in the street are civilians."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from eventcoder.actors import actor_for
from eventcoder.candidates import Candidate
from eventcoder.casualties import BOMBER_NOUNS, casualty_cues
from eventcoder.lexicon import in_class, read_table
from eventcoder.records import Actor

# Prepositions that put a site in an attack's way ("exploded outside a school", "threw a grenade into the house").
SITE_PREPS = frozenset({"at", "outside", "inside", "into", "in", "on", "near", "under", "through", "against"})
# Links from an act to what it struck directly ("bombed a school", "a mosque was attacked").
STRUCK_DEPS = frozenset({"dobj", "nsubjpass"})
# Links from a site to the words that say whose it is or what kind it is ("a police vehicle", "a judicial complex").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Words of the attacker's own death, never the victims' ("the bomber", "blew himself up").
SELF_WORDS = BOMBER_NOUNS | {"himself", "themselves", "herself"}
# Verbs of aiming that name the target as their object ("detonated a device, targeting a convoy").
AIMING_LEMMAS = frozenset({"target", "hit", "strike"})
# Names of targets struck for their sector alone (others are named by the site: "school", "embassy").
SECTOR_NAMES = {"CVL": "civilians"}


@dataclass(frozen=True)
class Site:
    """A kind of site: whom striking it hits, and whether its holder ("the house of X") is the target instead."""

    sector: str | None
    holds: bool


@cache
def sites() -> dict[str, Site]:
    """Site words -> what striking one means, from a data file."""
    return {row["word"]: Site(None if row["sector"] in ("", "-") else row["sector"], row["holds"] == "yes")
            for row in read_table("struck_sites.tsv")}


@cache
def _people_nouns() -> frozenset[str]:
    """Nouns of people with no sector of their own ("people", "a child", "passers-by")."""
    return frozenset(row["word"] for row in read_table("credibility.tsv") if row["cls"] in ("human", "person"))


def struck_target(cand: Candidate) -> Actor | None:
    """The target of an attack whose clause names none: the holder or kind of the site it struck, else the people
    it killed or hurt; None when the text says neither."""
    struck = _struck_sites(cand)
    for by_kind in (False, True):  # a site's named holder first ("his car outside the house of the police chief")
        for site in struck:
            actor = _site_actor(site, by_kind=by_kind)
            if actor is not None:
                return actor
    return _hurt_people(cand)


def _acts(cand: Candidate) -> list[Token]:
    """The event's words of acting: its trigger, its other mentions and the verbs joined to them."""
    acts: dict[int, Token] = {}
    for tok in (cand.trigger, *cand.mentions):
        for act in (tok, *tok.conjuncts):
            acts.setdefault(act.i, act)
        if tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass"):
            acts.setdefault(tok.head.i, tok.head)  # "a bomb exploded outside the station"
    return list(acts.values())


def _struck_sites(cand: Candidate) -> list[Token]:
    """Site words the attack was aimed at, in the order its words name them."""
    found: list[Token] = []
    for act in _acts(cand):
        holders = [act] + [c for c in act.children if c.dep_ == "dobj"]  # "threw a grenade into the house"
        holders += [c for c in act.children if c.dep_ in ("acl", "advcl", "xcomp") and c.lemma_ in AIMING_LEMMAS]
        for holder in holders:
            found += [c for c in holder.children if c.dep_ in STRUCK_DEPS]
            found += _prep_sites(holder)
    return [tok for tok in found if _site_entry(tok) is not None or in_class(tok, "installation")]


def _prep_sites(holder: Token, depth: int = 0) -> list[Token]:
    """Objects of the site prepositions on a word, 'outside of the station' included, and of those on such an
    object ("blew himself up inside his car outside the house")."""
    out: list[Token] = []
    for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ in SITE_PREPS):
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.append(obj)
                if depth == 0:
                    out += _prep_sites(obj, depth + 1)
            elif obj.dep_ == "prep" and obj.lower_ == "of":  # "outside of the police station"
                out += [o for o in obj.children if o.dep_ == "pobj"]
    return out


def _site_entry(tok: Token) -> Site | None:
    """What kind of site a noun names, by itself or by a modifier ("a judicial complex")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    table = sites()
    for word in (tok.lower_, tok.lemma_.lower()):
        if word in table:
            return table[word]
    for mod in tok.lefts:
        if mod.dep_ in MODIFIER_DEPS and mod.lower_ in table:
            return table[mod.lower_]
    return None


def _site_actor(site: Token, depth: int = 0, *, by_kind: bool = True) -> Actor | None:
    """Whom striking this site hit: the actor its phrase names, its holder named after it or before it, else
    (`by_kind`) the kind of site it is."""
    entry = _site_entry(site)
    named = actor_for(site)
    if named is not None and named.sector is not None:
        return named  # "a police station", "the US embassy": the actor the phrase names
    if entry is None:
        return None
    holder = _holder(site) if entry.holds and depth < 2 else None
    if holder is not None:
        found = _site_actor(holder, depth + 1, by_kind=by_kind) if _site_entry(holder) is not None \
            else _person(holder)
        if found is not None:
            return found
    country = named.country if named is not None else None
    for mod in site.lefts:
        actor = actor_for(mod) if mod.dep_ in MODIFIER_DEPS | {"poss"} else None
        if actor is not None and actor.sector is not None and entry.holds:
            return actor  # "a police vehicle", "the office of the governor"
        country = country or (actor.country if actor is not None else None)  # "the Kuwaiti embassy"
    if entry.sector is None or not by_kind:
        return None
    return Actor(text=_phrase_text(site), name=SECTOR_NAMES.get(entry.sector, site.lemma_.lower()),
                 country=country, sector=entry.sector)


def _phrase_text(site: Token) -> str:
    """The site's words from its first modifier to itself ("the Kuwaiti embassy")."""
    start = min([site.i] + [c.left_edge.i for c in site.lefts])
    return site.doc[start:site.i + 1].text


def _holder(site: Token) -> Token | None:
    """Whose the site is: 'the house of X', 'X's car', 'a residence belonging to X'."""
    for child in site.children:
        if child.dep_ == "poss" and child.lower_ not in ("his", "her", "their", "its"):
            return child
        if child.dep_ == "prep" and child.lower_ == "of":
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
        if child.dep_ == "acl" and child.lemma_ == "belong":
            to = next((p for p in child.children if p.dep_ == "prep" and p.lower_ == "to"), None)
            obj = next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return obj
    return None


def _person(tok: Token) -> Actor | None:
    """The actor a victim or holder noun names, or civilians when it names a person with no sector of their own."""
    if tok.lower_ in SELF_WORDS:
        return None
    actor = actor_for(tok)
    if actor is not None and actor.sector is not None:
        return actor
    if tok.ent_type_ == "PERSON" or tok.lower_ in _people_nouns() or tok.lemma_.lower() in _people_nouns():
        country = actor.country if actor is not None else None
        return Actor(text=tok.text, name="civilians", country=country, sector="CVL")
    return None


def _hurt_people(cand: Candidate) -> Actor | None:
    """The first people the event's sentences count as killed or hurt ("10 people were killed"), other than its
    bombers."""
    sents: dict[int, Span] = {}
    for tok in (cand.trigger, *cand.mentions):
        sents.setdefault(tok.sent.start, tok.sent)
    if cand.evidence_sent is not None:
        sents.setdefault(cand.evidence_sent.start, cand.evidence_sent)
    for start in sorted(sents):
        for _, _, _, victim in casualty_cues(sents[start]):
            if any(t.lower_ in SELF_WORDS for t in victim.subtree):
                continue
            actor = _person(victim)
            if actor is not None:
                return actor
    return None
