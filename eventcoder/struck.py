"""Whom an attack fell on when its clause names no victim: the site it struck and who holds it, else the people it
killed or hurt. GTD and ACLED coders record a target for every bombing: a school is an educational institution, a
house its owner, a market its traders, and people killed in the street are civilians."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from eventcoder.actors import actor_for
from eventcoder.candidates import Candidate
from eventcoder.casualties import BOMBER_NOUNS, casualty_cues
from eventcoder.lexicon import in_class, people_nouns, read_table, with_singular
from eventcoder.records import Actor

# Prepositions that put a site in an attack's way ("exploded outside a school", "threw a grenade into the house").
SITE_PREPS = frozenset({"at", "outside", "inside", "into", "in", "on", "onto", "upon", "near", "under", "through",
                        "against", "toward", "towards", "to"})  # ("set fire to ten vehicles")
# Nouns of nearness whose "of" names the site ("in the vicinity of a police patrol", "in front of the embassy").
NEARNESS_NOUNS = frozenset({"vicinity", "proximity", "front"})
# Links from an act to what it struck directly ("bombed a school", "a mosque was attacked").
STRUCK_DEPS = frozenset({"dobj", "nsubjpass"})
# Links from a site to the words that say whose it is or what kind it is ("a police vehicle", "a judicial complex").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Words of the attacker's own death, never the victims' ("the bomber", "blew himself up").
SELF_WORDS = BOMBER_NOUNS | {"himself", "themselves", "herself"}
# Verbs of aiming that name the target as their object ("detonated a device, targeting a convoy").
AIMING_LEMMAS = frozenset({"target", "hit", "strike"})
# How telling a struck site's reading of the target is, most first (see `_reading`).
HOLDER, KIND, MODIFIER, HELD_KIND = range(4)
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


def struck_target(cand: Candidate) -> Actor | None:
    """The target of an attack whose clause names none: the holder or kind of the site it struck, else the people
    it killed or hurt; None when the text says neither."""
    return _site_target(_struck_sites(cand)) or _hurt_people(cand) or _site_target(_sites_told(cand))


def _site_target(struck: list[Token]) -> Actor | None:
    """Whom the most telling of these sites stands for, the first of equals: a named holder ("his car outside the
    house of the police chief": the chief), then a site of its own kind ("near the government building at the
    church": the church), then a held site's modifier ("a military vehicle"), then a held site's own kind (a car)."""
    best: tuple[int, Actor] | None = None
    for site in struck:
        reading = _reading(site)
        if reading is not None and (best is None or reading[0] < best[0]):
            best = reading
    return best[1] if best is not None else None


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


def _sites_told(cand: Candidate) -> list[Token]:
    """Site words anywhere in the event's sentences where something is done to them or at them ("the school was
    destroyed in the blast", "an IED placed in the church"): a looser tie than the attack's own words."""
    found: list[Token] = []
    for sent in cand.sentences():
        for tok in sent:
            if tok.dep_ in STRUCK_DEPS and tok.head.pos_ == "VERB" \
                    or tok.dep_ == "pobj" and tok.head.lower_ in SITE_PREPS:
                found.append(tok)
    return [tok for tok in found if _site_entry(tok) is not None or in_class(tok, "installation")]


def _prep_sites(holder: Token, depth: int = 0) -> list[Token]:
    """Objects of the site prepositions on a word, 'outside of the station' included, and of those on such an
    object ("blew himself up inside his car outside the house")."""
    out: list[Token] = []
    # (the parser may take "outside" or "near" for an adverb and hang "of the office" on it)
    for prep in (c for c in holder.children if c.dep_ in ("prep", "advmod") and c.lower_ in SITE_PREPS):
        for obj in prep.children:
            if obj.dep_ == "pobj":
                out.append(obj)
                if obj.lower_ in NEARNESS_NOUNS:  # "in the vicinity of a police patrol", "in front of the embassy"
                    out += [o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"]
                if depth == 0:
                    out += _prep_sites(obj, depth + 1)
            elif obj.dep_ == "prep" and obj.lower_ == "of":  # "outside of the police station"
                out += [o for o in obj.children if o.dep_ == "pobj"]
    return out


def _site_entry(tok: Token) -> Site | None:
    """What kind of site a noun names, by itself or by a modifier ("a judicial complex", "the Council headquarters":
    the modifier's kind, the head's holding)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    table = sites()
    own = table.get(tok.lower_) or table.get(tok.lemma_.lower())
    if own is not None and own.sector is not None:
        return own
    kind = _modifier_kind(tok, proper=own is not None)
    if kind is not None:
        return Site(kind.sector, own.holds if own is not None else kind.holds)
    return own


def _modifier_kind(tok: Token, *, proper: bool = True) -> Site | None:
    """The site kind a modifier of the noun names ("judicial" in "a judicial complex"); a name's word counts only
    before a site word ("the Council headquarters", not "the Benmore Court area")."""
    table = sites()
    for mod in tok.lefts:
        entry = table.get(mod.lower_) if mod.dep_ in MODIFIER_DEPS and (proper or mod.pos_ != "PROPN") else None
        if entry is not None and entry.sector is not None:
            return entry
    return None


def _reading(site: Token, depth: int = 0) -> tuple[int, Actor] | None:
    """Whom striking this site hit, with how telling the reading is (`TIERS`): its holder named after it ("the house
    of X", "X's car"; a site's part stands for the site: "the entrance of the embassy"); the actor its phrase names
    (the force holding a police station); its kind (a school, the Kuwaiti embassy); the actor a held site's modifier
    names ("a police vehicle"); a held site's own kind, or a civilian one (a car, a village: civilians)."""
    entry = _site_entry(site)
    holder = _holder(site) if entry is not None and entry.holds and depth < 2 else None
    if holder is not None:
        if _site_entry(holder) is not None or in_class(holder, "installation"):
            found = _reading(holder, depth + 1)
            if found is not None:
                return found
        elif (person := _person(holder)) is not None:
            return HOLDER, person
    named = actor_for(site)
    if named is not None and named.sector is not None and _modifier_kind(site) is None:
        return KIND, named  # "a police station", "the US embassy": the actor the phrase names
    if entry is None:
        return None
    if entry.sector is not None and not entry.holds and entry.sector != "CVL":
        return KIND, _kind_actor(site, entry.sector, named)
    for mod in (m for m in site.lefts if m.dep_ in MODIFIER_DEPS | {"poss"}):
        actor = actor_for(mod)
        if actor is not None and actor.sector is not None:
            return MODIFIER, actor
    return (HELD_KIND, _kind_actor(site, entry.sector, named)) if entry.sector is not None else None


def _kind_actor(site: Token, sector: str, named: Actor | None) -> Actor:
    """The target a site stands for by its kind, of the country its phrase names ("the Kuwaiti embassy")."""
    country = named.country if named is not None else None
    for mod in (m for m in site.lefts if m.dep_ in MODIFIER_DEPS | {"poss"}):
        actor = actor_for(mod)
        country = country or (actor.country if actor is not None else None)
    return Actor(text=_phrase_text(site), name=SECTOR_NAMES.get(sector, site.lemma_.lower()), country=country,
                 sector=sector)


def _phrase_text(site: Token) -> str:
    """The site's words from its first modifier to itself ("the Kuwaiti embassy")."""
    start = min([site.i] + [c.left_edge.i for c in site.lefts])
    return site.doc[start:site.i + 1].text


def _holder(site: Token) -> Token | None:
    """Whose the site is: 'the house of X', 'X's car', 'a residence belonging to X', 'a compound for X'."""
    for child in site.children:
        if child.dep_ == "poss" and child.lower_ not in ("his", "her", "their", "its"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
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
    kind = _modifier_kind(tok)
    if kind is not None and kind.sector is not None:
        # "an Education Ministry employee": the ministry's
        return Actor(text=tok.text, name=tok.lower_, country=actor.country if actor else None, sector=kind.sector)
    if tok.ent_type_ == "PERSON" or tok.lower_ in people_nouns() or tok.lemma_.lower() in people_nouns():
        country = actor.country if actor is not None else None
        return Actor(text=tok.text, name="civilians", country=country, sector="CVL")
    return None


def _hurt_people(cand: Candidate) -> Actor | None:
    """The first people the event's sentences count as killed or hurt ("10 people were killed"), other than its
    bombers."""
    for sent in cand.sentences():
        for _, _, _, victim in casualty_cues(sent):
            if any(t.lower_ in SELF_WORDS for t in victim.subtree):
                continue
            actor = _person(victim)
            if actor is not None:
                return actor
    return None


# Words after which a site's name goes on past its head noun: "Shalobar Government High School for Boys".
NAME_TAIL_WORDS = ("for", "of")


def site_sector(name: str) -> str | None:
    """The sector of whom a named site stands for, by its head word: its last, or the last before "for"/"of" ("the
    Intercontinental Hotel": a business; "Shalobar Government High School for Boys": a school)."""
    words_ = name.lower().split()
    heads = words_[-1:] + [words_[i - 1] for i, w in enumerate(words_) if w in NAME_TAIL_WORDS and i > 0][:1]
    site = next((s for head in heads for form in with_singular(head) if (s := sites().get(form)) is not None), None)
    return site.sector if site is not None else None  # ("olive trees")
