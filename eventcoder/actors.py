"""The actor dictionary: names of countries, capitals, forces and armed groups, and how to read a phrase as an actor."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from eventcoder.lexicon import read_table, words
from eventcoder.records import Actor

# spaCy entity labels our dictionary kinds are given in the entity ruler.
RULER_LABELS = {"country": "GPE", "capital": "GPE", "demonym": "NORP", "org": "ORG", "force": "ORG"}
# Determiners and titles stripped from an actor phrase before dictionary look-up.
LEADING_WORDS = ("the ", "The ")


@dataclass(frozen=True)
class ActorEntry:
    """One row of the actor dictionary."""

    pattern: str
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    kind: str


@cache
def entries() -> dict[str, ActorEntry]:
    """Dictionary rows by surface pattern (case-sensitive), generic nouns also by lower case."""
    table: dict[str, ActorEntry] = {}
    for row in read_table("actors.tsv"):
        entry = ActorEntry(row["pattern"], row["name"], row["country"] or None, row["sector"] or None,
                           row["wikidata"] or None, row["kind"])
        table.setdefault(entry.pattern, entry)
        if entry.kind == "generic":
            table.setdefault(entry.pattern.lower(), entry)
    return table


def ruler_patterns() -> list[dict[str, object]]:
    """Entity-ruler patterns for every named actor (generic nouns are left to the parser)."""
    return [{"label": RULER_LABELS[e.kind], "pattern": e.pattern, "id": e.name}
            for e in entries().values() if e.kind in RULER_LABELS]


def lookup(text: str) -> ActorEntry | None:
    """The dictionary entry for an exact name, tolerating a leading 'the' and a possessive."""
    name = text.strip()
    for prefix in LEADING_WORDS:
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return entries().get(name)


def generic(token: Token) -> ActorEntry | None:
    """The generic actor a common noun names ("police", "militias"), by lemma or form."""
    table = entries()
    keys = [token.text.lower(), token.lemma_.lower()]
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.head.i == token.i:
        keys.insert(0, f"{previous.text.lower()} {token.text.lower()}")
    for key in keys:
        entry = table.get(key)
        if entry is not None and entry.kind == "generic":
            return entry
    return None


def _entity_entry(ent: Span) -> ActorEntry | None:
    return lookup(ent.text) or (lookup(ent.ent_id_) if ent.ent_id_ else None)


def entity_spans(span: Span) -> list[Span]:
    """Named-entity spans that lie wholly inside a span, read from token tags (cheaper than `Span.ents`)."""
    found: list[Span] = []
    doc = span.doc
    i = span.start
    while i < span.end:
        tok = doc[i]
        if tok.ent_iob_ == "B":
            end = i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if end <= span.end:
                found.append(Span(doc, i, end, label=tok.ent_type_, kb_id=tok.ent_kb_id_))
            i = end
            continue
        i += 1
    return found


def entity_at(token: Token) -> Span | None:
    """The entity span a token belongs to, if any."""
    if token.ent_iob_ not in ("B", "I"):
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type_, kb_id=doc[start].ent_kb_id_)


def actor_for(head: Token) -> Actor | None:
    """Read the noun phrase headed by `head` as an actor, or None when it names no actor."""
    phrase = _phrase(head)
    named = [ent for ent in entity_spans(phrase) if ent.label_ in ("GPE", "NORP", "ORG", "PERSON")]
    noun = generic(head)
    text = phrase.text
    for ent in named:
        entry = _entity_entry(ent)
        if entry is None and ent.label_ == "PERSON" and head.i in range(ent.start, ent.end):
            return Actor(text=ent.text, name=ent.text)
        if entry is None:
            continue
        if entry.kind in ("org", "force"):
            # "Al-Shabaab fighters", "Hamas militants": the named group is the actor
            return Actor(text=ent.text, name=entry.name, country=entry.country, sector=entry.sector,
                         wikidata=entry.wikidata)
        country = None if _is_pro(ent) else entry.country
        if noun is not None:
            return Actor(text=text, name=noun.name if country is None else f"{noun.name} ({country})",
                         country=country, sector=noun.sector)
        if entry.kind in ("country", "capital") and head.i in range(ent.start, ent.end):
            return Actor(text=ent.text, name=entry.name, country=entry.country, sector=entry.sector or "GOV",
                         wikidata=entry.wikidata)
    if noun is not None:
        return Actor(text=text, name=noun.name, country=noun.country, sector=noun.sector)
    if head.lemma_.lower() in words("installation") or head.lower_ in words("installation"):
        return _holder_of(head, text)
    if head.ent_type_ == "ORG":
        ent = entity_at(head)
        if ent is not None:
            return Actor(text=ent.text, name=ent.text)
    return None


def _holder_of(site: Token, text: str) -> Actor:
    """'a regime checkpoint', 'an army post', 'a police station': the armed force that holds the site."""
    for mod in site.lefts:
        if mod.dep_ in ("compound", "amod", "nmod", "poss") and mod.i != site.i:
            holder = actor_for(mod)
            if holder is not None and holder.sector is not None:
                sector = "MIL" if holder.sector in ("GOV", None) else holder.sector
                return Actor(text=text, name=holder.name, country=holder.country, sector=sector,
                             wikidata=holder.wikidata)
    return Actor(text=text, name="security forces", sector="MIL")


def _is_pro(ent: Span) -> bool:
    """'pro-Iranian', 'pro-Tehran': allied with a country, not that country."""
    before = ent.doc[max(0, ent.start - 2): ent.start].text.lower().replace(" ", "")
    return before.endswith(("pro-", "pro")) or ent.text.lower().startswith("pro-")


def _phrase(head: Token) -> Span:
    """The head noun with its left modifiers (determiners, adjectives, compounds, possessors)."""
    left = head.left_edge.i
    for child in head.lefts:
        left = min(left, child.left_edge.i)
    right = head.i + 1
    if head.ent_iob_ != "O":
        ent = entity_at(head)
        if ent is not None:
            left, right = min(left, ent.start), max(right, ent.end)
    return head.doc[left:right]
