"""The actor dictionary: names of countries, capitals, forces and armed groups, and how to read a phrase as an actor."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventcoder.lexicon import credibility_words, in_class, org_kinds, read_table, with_singular, words
from eventcoder.records import Actor

# spaCy entity labels our dictionary kinds are given in the entity ruler.
RULER_LABELS = {"country": "GPE", "capital": "GPE", "demonym": "NORP", "community": "NORP", "org": "ORG",
                "force": "ORG", "person": "PERSON"}
# Kinds whose name tells the country of the people it names: "Iraqi police", "Pokot raiders", "Samburu villagers".
PEOPLE_KINDS = frozenset({"demonym", "community"})
# Kinds of the people table (people.tsv): `person` names go to the entity ruler; a `surname` is a short name that
# is also a common given name, word or part of a place name ("Abbas", "May", "Karzai" of the Kabul airport): it
# is read only where the model itself finds it as a person's whole name, and only in its holder's years of office.
PERSON_KINDS = frozenset({"person", "surname"})
# Key of Doc.user_data that holds the article's publication date (a datetime.date), set by the extractor: it
# chooses between people who share a name ("Lee": Taiwan, South Korea or Singapore) by their years of office.
PUBLISHED = "published"
# Subject pronouns that, in a clause reported by a verb of saying, stand for the speaker
# ("Iraq said it would allow ...", "the rebels said they will release ...").
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
# Links climbed from the pronoun's clause to the verb of saying that reports it.
REPORT_LINKS = frozenset({"ccomp", "xcomp", "conj"})
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
    start_year: int | None = None  # people only: the years of office (end None: still in office)
    end_year: int | None = None

    def in_office(self, year: int) -> bool:
        """Whether a person held the office in a year (the first and last years count)."""
        return (self.start_year or 0) <= year <= (self.end_year or 9999)


@cache
def people() -> dict[str, tuple[ActorEntry, ...]]:
    """Rows of the people table by surface pattern; a pattern may name several people or offices."""
    table: dict[str, list[ActorEntry]] = {}
    for row in read_table("people.tsv"):
        entry = ActorEntry(row["pattern"], row["name"], row["country"] or None, row["sector"] or None,
                           row["wikidata"] or None, row["kind"], int(row["start_year"]) if row["start_year"] else None,
                           int(row["end_year"]) if row["end_year"] else None)
        table.setdefault(entry.pattern, []).append(entry)
    return {pattern: tuple(rows) for pattern, rows in table.items()}


@cache
def entries() -> dict[str, ActorEntry]:
    """Dictionary rows by surface pattern (case-sensitive), generic nouns also by lower case, then communities
    (communities.tsv). A person's name maps to its first row; `person` resolves names shared by several people."""
    table: dict[str, ActorEntry] = {}
    for row in read_table("actors.tsv"):
        entry = ActorEntry(row["pattern"], row["name"], row["country"] or None, row["sector"] or None,
                           row["wikidata"] or None, row["kind"])
        table.setdefault(entry.pattern, entry)
        if entry.kind == "generic":
            table.setdefault(entry.pattern.lower(), entry)
    for row in read_table("communities.tsv"):
        community = ActorEntry(row["pattern"], row["name"], row["country"], None, None, "community")
        table.setdefault(community.pattern, community)
    for pattern, rows in people().items():
        table.setdefault(pattern, rows[0])  # actors.tsv wins a shared pattern
    return table


def ruler_patterns() -> list[dict[str, object]]:
    """Entity-ruler patterns for every named actor (generic nouns and weak surnames are left to the model)."""
    return [{"label": RULER_LABELS[e.kind], "pattern": e.pattern,
             "id": e.pattern if e.kind in ("person", "community") else e.name}
            for e in entries().values() if e.kind in RULER_LABELS]


@cache
def _shared_names() -> dict[str, tuple[str, ...]]:
    return {row["name"]: tuple(row["countries"].split(",")) for row in read_table("shared_names.tsv")}


def shared_name_countries(name: str) -> tuple[str, ...]:
    """The countries that have a body of this name ("Congress"), the one world news most often means first."""
    return _shared_names().get(name, ())


def community_named(text: str) -> ActorEntry | None:
    """The community a phrase names in its words ("armed Kalenjin youths" -> Kalenjin), if any."""
    table = entries()
    return next((e for w in text.split() if (e := table.get(w.strip(",.;:()"))) is not None and e.kind == "community"),
                None)


def people_country(ent_id: str) -> str | None:
    """The country of a demonym or community the entity ruler tagged, by its rule id ("Kenya", "Pokot")."""
    entry = lookup(ent_id)
    return entry.country if entry is not None and entry.country and len(entry.country) == 3 else None


def community_of(ent_id: str) -> bool:
    """Whether an entity-ruler id names a community (communities.tsv), not a demonym."""
    entry = lookup(ent_id) if ent_id else None
    return entry is not None and entry.kind == "community"


def _bare(text: str) -> str:
    """A name without a leading 'the' and a possessive."""
    name = text.strip()
    for prefix in LEADING_WORDS:
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name


def lookup(text: str) -> ActorEntry | None:
    """The dictionary entry for an exact name, tolerating a leading 'the' and a possessive."""
    return entries().get(_bare(text))


def person(text: str, published: date | None = None) -> ActorEntry | None:
    """The person a name stands for on the day an article was published: among the people (or offices) that
    share the name, those in office that year; with no date, or none in office, all of them. None when they
    are of different countries ("Lee" with no date), or for a `surname` outside its holder's years."""
    rows = people().get(_bare(text))
    if not rows or entries().get(_bare(text)) is not rows[0]:
        return None
    if published is not None:
        current = tuple(r for r in rows if r.in_office(published.year))
        if not current and rows[0].kind == "surname":
            return None
        rows = current or rows
    if len({r.country for r in rows}) != 1:
        return None
    if len({r.name for r in rows}) != 1:
        # "Bush" with no date: the country is sure, the person is not
        return replace(rows[-1], name=rows[-1].pattern, wikidata=None)
    return rows[-1]


def published_on(doc: Doc) -> date | None:
    """The publication date the extractor stored on a parsed article, if any."""
    value = doc.user_data.get(PUBLISHED)
    return value if isinstance(value, date) else None


def generic(token: Token) -> ActorEntry | None:
    """The generic actor a common noun names ("police", "militias"), by lemma or form."""
    table = entries()
    keys = [token.text.lower(), token.lemma_.lower()]
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.head.i == token.i:
        keys.insert(0, f"{previous.text.lower()} {token.text.lower()}")
    if token.tag_ == "NN":
        keys.append(_plural(token.lemma_.lower()))  # "a priest", "one trader": the table's plural row
    elif token.tag_ == "NNP" and not token.ent_type_ and token.text.istitle():
        keys.append(_plural(token.lower_))  # "Pastor killed in Mombasa": a headline's capitalised common noun
    for key in keys:
        entry = table.get(key)
        if entry is not None and entry.kind == "generic":
            return entry
    return None


# Sectors of the state's own bodies, whose staff are the body ("an employee of the NDS": intelligence).
STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Prepositions that name where staff work ("employees of the ministry", "workers at the Interior Ministry").
STAFF_PREPS = frozenset({"of", "at", "for", "with"})


def _staff_of_a_state_body(head: Token, phrase: Span) -> Actor | None:
    """Staff named by the state body they work for: the body itself where the dictionary knows it ("employees of
    the National Directorate of Security", "workers at the Interior Ministry"), else the state's employees, where a
    modifier, an "of"/"at"/"for" or a clause on where they work names a state body ("two Interior Ministry
    employees", "an employee who works at the Health Ministry")."""
    if not in_class(head, "staff_noun"):
        return None
    objects = [o for p in head.rights if p.dep_ == "prep" and p.lower_ in STAFF_PREPS
               for o in p.children if o.dep_ == "pobj"]
    for obj in objects:
        ent = entity_at(obj)
        entry = _entity_entry(ent) if ent is not None else None
        if entry is not None and entry.kind in ("org", "force") and entry.sector in STATE_BODY_SECTORS:
            return Actor(text=ent.text, name=entry.name, country=entry.country, sector=entry.sector,
                         wikidata=entry.wikidata)
    near = [t for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")] + objects
    near += [o for c in head.rights if c.dep_ == "relcl" and c.lemma_.lower() == "work"
             for p in c.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if not any(in_class(t, "state_body") or any(in_class(m, "state_body") for m in t.lefts if m.dep_ == "compound")
               for t in near):
        return None
    country = _country_in(phrase, head)
    name = "government employees" if country is None else f"government employees ({country})"
    return Actor(text=phrase.text, name=name, country=country, sector="GOV")


def _post_in_a_state_body(head: Token, phrase: Span) -> Actor | None:
    """A post or rank named by the state body written before it ("a Nigerian police deputy superintendent", "a
    Somali government parliament member"): that body's kind, of the country the phrase names."""
    if not in_class(head, "post_noun"):
        return None
    compounds = [t for t in head.lefts if t.dep_ in ("compound", "nmod")]  # ("police and NSS personnel")
    compounds += [c for t in compounds for c in t.lefts if c.dep_ == "compound"]
    for mod in sorted(compounds, key=lambda t: -t.i):  # the nearest first: "government parliament member"
        body = generic(mod)
        if body is not None and body.sector in STATE_BODY_SECTORS:
            return _of_the_body(phrase, head, body.name, body.sector)
    # or by the body its "of", "in" or "at" names with a common noun: "the head of Khan Dari city council", "the chief
    # of police" (a body's own name, "members of New People's Army", is read as the name)
    for obj in (o for p in head.rights if p.dep_ == "prep" and p.lower_ in ("of", "in", "at")
                for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"):
        body = generic(obj)
        if body is not None and body.sector in STATE_BODY_SECTORS:
            return _of_the_body(phrase, head, body.name, body.sector)
        if body is None and in_class(obj, "state_body"):
            return _of_the_body(phrase, head, "government", "GOV")
    return None


def _of_the_body(phrase: Span, head: Token, name: str, sector: str) -> Actor:
    """The holder of a post, as the body's own, of the country the phrase names."""
    country = _country_in(phrase, head)
    return Actor(text=phrase.text, name=name if country is None else f"{name} ({country})", country=country,
                 sector=sector)


def _plural(noun: str) -> str:
    """The regular English plural of a singular noun ("priest" -> "priests", "authority" -> "authorities")."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(s|sh|ch|x|z)$", noun) else "s")


def _entity_entry(ent: Span) -> ActorEntry | None:
    entry = lookup(ent.text) or (lookup(ent.ent_id_) if ent.ent_id_ else None)
    if entry is not None and entry.kind in PERSON_KINDS:
        return _person_entry(ent)
    if entry is None and ent.label_ == "PERSON":
        return _person_entry(ent)
    return entry


def _person_entry(ent: Span) -> ActorEntry | None:
    """The person a PERSON span names, by the article's date: the whole name ("Barack Obama", "Obama"), else a
    longer form of a listed name whose surname ends it and whose first word is the listed person's
    ("Barack Hussein Obama", "Vladimir V. Putin"). A `surname` only where the model itself saw a person."""
    when = published_on(ent.doc)
    found = person(ent.text, when)
    if found is None and len(ent) > 1 and ent.label_ == "PERSON":
        last = person(ent[-1].text, when)
        if last is not None and last.kind == "person" and ent[0].text in last.name.split():
            found = last
    if found is not None and found.kind == "surname" and ent.label_ != "PERSON":
        return None
    return found


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


# Sectors of holders of an office, and the words that say the office is past ("a former mayor", "ex-minister").
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD"})
FORMER_WORDS = frozenset({"former", "ex", "ex-"})
FORCE_SECTORS = frozenset({"MIL", "COP"})


def known_actor(actor: Actor | None) -> bool:
    """An actor the dictionary knows something of: its country or its sector."""
    return actor is not None and (actor.country is not None or actor.sector is not None)


def actor_for(head: Token) -> Actor | None:
    """Read the noun phrase headed by `head` as an actor, or None when it names no actor. A former official is one
    of PLOVER's elites, no longer the state ("a former mayor", "former president Carlos Menem"; ACLED: civilians);
    a former soldier or policeman is a civilian ("a former Army recruit", "an ex-policeman")."""
    actor = _actor_for(head)
    if actor is None or actor.sector not in OFFICE_SECTORS | FORCE_SECTORS or head.lower_ in REPORTED_PRONOUNS \
            or not any(t.lower_ in FORMER_WORDS and head.i in (t.head.i, t.head.head.i)
                       for t in _phrase(head) if t.i < head.i):
        return actor
    return replace(actor, sector="ELI" if actor.sector in OFFICE_SECTORS else "CVL")


def _followers_of(head: Token) -> Actor | None:
    """'Supporters of Kibaki', 'supporters of the ODM': the crowd of a known actor's followers (ACLED: protesters or
    rioters), not the actor itself."""
    if not in_class(head, "follower"):
        return None
    for obj in (o for p in head.rights if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"):
        leader = actor_for(obj) if obj.lower_ not in words("drug") else None
        if leader is not None and leader.sector is not None:
            return Actor(text=head.text, name=f"{leader.name} {head.lower_}", country=leader.country, sector="CVL")
    return None


def _kin_of(head: Token, phrase: Span) -> Actor | None:
    """'The brother of a governor', 'relatives of a police officer': private people, not whom they are kin to."""
    if not in_class(head, "kin_noun") or not any(
            o.dep_ == "pobj" and (o.ent_type_ == "PERSON" or o.pos_ == "NOUN" and generic(o) is not None)
            for p in head.rights if p.dep_ == "prep" and p.lower_ == "of" for o in p.children):
        return None
    return Actor(text=phrase.text, name=head.lower_, country=_country_in(phrase, head), sector="CVL")


def _actor_for(head: Token) -> Actor | None:
    if head.lower_ in REPORTED_PRONOUNS:
        speaker = reported_speaker(head)
        return actor_for(speaker) if speaker is not None else None
    phrase = _phrase(head)
    named = [ent for ent in entity_spans(phrase) if ent.label_ in ("GPE", "NORP", "ORG", "PERSON")]
    noun = generic(head)
    text = phrase.text
    if (followers := _followers_of(head)) is not None:
        return followers  # "supporters of the ODM": the group's crowd, as "ODM supporters" is (below)
    if noun is None and (kin := _kin_of(head, phrase)) is not None:
        return kin
    if noun is None and (staff := _staff_of_a_state_body(head, phrase)) is not None:
        return staff  # "employees of the National Directorate of Security": the body's own; else the state's staff
    for ent in named:
        entry = _entity_entry(ent)
        if (entry is None and ent.label_ == "PERSON" or entry is not None and entry.kind in PERSON_KINDS) \
                and head.i in range(ent.start, ent.end):
            return _person(head, ent, phrase, named, entry)
        if entry is None:
            continue
        if entry.kind in ("org", "force") and _is_against(ent):
            continue  # "anti-IEBC protesters": against the group, not the group ("pro-Houthi forces" are its own)
        if entry.kind in ("org", "force") and (head.lower_ in words("follower")
                                               or entry.sector == "PTY" and head.lower_ in words("party_youth")):
            # "ODM supporters", "MRC supporters": a group's crowd, not the group (ACLED: protesters or rioters)
            return Actor(text=text, name=f"{entry.name} {head.lower_}", country=entry.country, sector="CVL")
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
    if noun is None and (post := _post_in_a_state_body(head, phrase)) is not None:
        return post  # "a police deputy superintendent", "a parliament member": the body's own (not a named one's)
    if noun is not None:
        # "the Latvian Constitutional Court": a demonym the model swallowed into an unknown name
        country = _country_in(phrase, head) or _of_country(head)
        return Actor(text=text, name=noun.name if country is None else f"{noun.name} ({country})",
                     country=country, sector=noun.sector)
    community = entries().get(head.text)
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if community is not None and community.kind == "community" \
            and (after is None or after.pos_ not in ("NOUN", "PROPN")):
        # "the Pokot attacked", "Samburu and Borana clash": the community's fighters (ACLED: an identity militia)
        return Actor(text=text, name=f"{community.name} militia", country=community.country, sector="PRM")
    if head.ent_type_ == "NORP" or head.tag_ == "NNPS":
        # "Bosnian Serbs", "Nigerians": people of a country, no sector; "Albanians in southern Serbia": people
        # of the country they live in
        country = _of_country(head, ("of", "in")) or _country_in(phrase, head) or _demonym_country(head)
        if country is not None:
            # named as written: "Somalis"; people counted are so many persons, civilians ("four Iranians", "168
            # Liberians"), not a nation
            counted = any(c.dep_ == "nummod" for c in head.children)
            return Actor(text=text, name=head.text, country=country, sector="CVL" if counted else None)
    if (head.lemma_.lower() in words("installation") or head.lower_ in words("installation")) \
            and not any(mod.dep_ in ("compound", "amod") and in_class(mod, "civil_use") for mod in head.lefts):
        return _holder_of(head, text)  # "an army post", not "a radio station"
    if head.ent_type_ == "ORG":
        ent = entity_at(head)
        if ent is not None and not _is_against(ent):
            # "the Nigerian Union of Teachers": an unknown organisation keeps the country in its name; a force
            # named by its kind ("General Command of Police Special Units") is of that kind
            return Actor(text=ent.text, name=ent.text, country=_country_in(ent, head), sector=_force_named(ent))
    if head.lemma_.lower() in _crowd_nouns() or head.lower_ in _crowd_nouns():
        country = _country_in(phrase, head)
        if country is not None:
            # "Palestinian prisoners", "Hong Kong residents": civilians of a named country
            return Actor(text=text, name=f"civilians ({country})", country=country, sector="CVL")
    if head.pos_ == "PROPN":
        return _titled_by_apposition(head)
    return None


# Prepositions after which a name is where something happened ("in Moscow, Russian Republic, ...").
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "from", "across"})


def _titled_by_apposition(head: Token) -> Actor | None:
    """A name the model did not read as a person, with a title after it: the person, coded by the title ("Kenzo
    Oshima, the United Nations Emergency Relief Coordinator, demanded": the UN's)."""
    # (a title is one person's, "the judge", "the Coordinator": not a plural, nor a name of its own, which is how the
    # parser chains an opening place list onto the subject: "in Ra-ngae, Narathiwat, Thailand, unidentified militants";
    # and a name inside such a list, or where something happened, is a place: "in Moscow, Russian Republic, Russia, a
    # prominent human rights activist ... was attacked")
    start = head.left_edge.i
    if start > 0 and head.doc[start - 1].text == "," or head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS:
        return None
    for child in (c for c in head.children if c.dep_ == "appos" and c.tag_ in ("NN", "NNP") and entity_at(c) is None
                  and (c.pos_ == "PROPN" or generic(c) is not None)):  # (a title, not "Saada, the Houthis' stronghold")
        title = actor_for(child)
        if title is not None and title.sector is not None and title.sector not in ("CVL",):
            name = head.doc[head.left_edge.i: head.i + 1].text
            return Actor(text=name, name=name, country=title.country, sector=title.sector)
    return None


def _crowd_nouns() -> frozenset[str]:
    """Nouns of people with no sector of their own ("prisoners", "people"), from the credibility table."""
    return credibility_words("human")


# Sectors a force's name tells by a word in it ("... Police Special Units", "Army Aviation Command").
NAMED_FORCE_SECTORS = FORCE_SECTORS


def _force_named(ent: Span) -> str | None:
    """The sector of an unknown organisation: a word for an armed force of the state in its name ("General Command of
    Police Special Units"), else the kind of body its name ends in ("the Rehabilitation Employees' Union": LAB)."""
    for tok in ent:
        entry = entries().get(tok.lower_)
        if entry is not None and entry.kind == "generic" and entry.sector in NAMED_FORCE_SECTORS:
            return entry.sector
    last = next((t for t in reversed(ent) if t.is_alpha), None)
    return org_kinds().get(last.lower_) if last is not None else None


# Sectors of the holders of an installation named after it ("the headquarters of the police").
ARMED_HOLDERS = frozenset({"MIL", "COP", "GOV", "SPY", "REB", "PRM", "UAF"})
# Sectors of the people a camp is "for": the camp is theirs ("a camp for refugees").
SHELTERED_SECTORS = frozenset({"REF", "CVL"})


def _holder_of(site: Token, text: str) -> Actor | None:
    """'a regime checkpoint', 'an army post', 'a police station': the armed force that holds the site. A site of a
    civilian owner named after it holds no force: None, so the struck site's reading names the owner ("the
    headquarters of a fishing company")."""
    if any(in_class(mod, "displaced_camp") for mod in site.lefts if mod.dep_ in ("compound", "amod", "nmod")):
        return Actor(text=text, name="displaced people", sector="REF")  # "an IDP camp", "a refugee camp"
    for mod in site.lefts:
        if mod.dep_ in ("compound", "amod", "nmod", "poss") and mod.i != site.i:
            holder = actor_for(mod)
            if holder is not None and holder.sector is not None:
                sector = "MIL" if holder.sector in ("GOV", None) else holder.sector
                # "a Kenyan military base": the force of the country named beside it
                country = holder.country or _country_in(site.doc[site.left_edge.i: site.i], site)
                return Actor(text=text, name=holder.name, country=country, sector=sector,
                             wikidata=holder.wikidata)
    # (the parser often hangs the "for" on the verb: the one right after the site is read as the site's)
    after = site.doc[site.i + 1] if site.i + 1 < len(site.doc) else None
    fors = [p for p in site.rights if p.dep_ == "prep" and p.lower_ == "for"] \
        + ([after] if after is not None and after.lower_ == "for" and after.dep_ == "prep" and after.head.i != site.i
           else [])
    for dwellers in (c for prep in fors for c in prep.children if c.dep_ == "pobj"):
        people = actor_for(dwellers)
        if people is not None and people.sector in SHELTERED_SECTORS:
            # "the Khams Dagaig camp for internally displaced people": theirs, no force's
            return Actor(text=text, name=people.name, country=people.country, sector=people.sector)
    owner = next((c for prep in site.rights if prep.dep_ == "prep" and prep.lower_ == "of"
                  for c in prep.children if c.dep_ == "pobj"), None)
    held = actor_for(owner) if owner is not None else None
    if held is not None and held.sector is not None and held.sector not in ARMED_HOLDERS \
            or owner is not None and in_class(owner, "business"):
        return None  # "the headquarters of a fishing company": the company's (a struck site's owner), no force's
    return Actor(text=text, name="security forces", sector="MIL")


def _is_pro(ent: Span) -> bool:
    """'pro-Iranian', 'pro-Tehran', 'anti-IEBC': for or against a country or group, not it."""
    return _prefixed(ent, ("pro", "anti"))


def _is_against(ent: Span) -> bool:
    """'anti-IEBC', 'anti-Houthi': against a group, not it."""
    return _prefixed(ent, ("anti",))


def _prefixed(ent: Span, prefixes: tuple[str, ...]) -> bool:
    before = ent.doc[max(0, ent.start - 2): ent.start].text.lower().replace(" ", "")
    return before.endswith(tuple(p + "-" for p in prefixes) + prefixes) \
        or ent.text.lower().startswith(tuple(p + "-" for p in prefixes))


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


def _person(head: Token, person: Span, phrase: Span, named: list[Span], known: ActorEntry | None = None) -> Actor:
    """A named person, coded by the title and the country of their phrase: "Serbian President Vojislav
    Kostunica" -> SRB GOV, "Arab League Secretary General Chedli Klibi" -> the League, "King Hassan of
    Morocco" -> MAR GOV; else by the people table (`known`): "Obama" -> USA GOV, "Ban Ki-moon" -> UNO IGO.
    No country is guessed when neither names one ("Defence Minister Pierre Joxe")."""
    title = next((entry for tok in reversed(phrase[: person.start - phrase.start])
                  if (entry := _title(tok)) is not None and tok.pos_ in ("NOUN", "PROPN")), None) \
        or _title_inside(person) or _apposed_title(head) or _title_told_elsewhere(person)
    country = None
    for ent in named:
        if ent.start >= person.start:
            continue
        entry = _entity_entry(ent)
        if entry is None or _is_pro(ent):
            continue
        if entry.kind in ("org", "force"):
            # the person speaks for a named organisation: the organisation is the actor's code
            return Actor(text=phrase.text, name=person.text, country=entry.country, sector=entry.sector)
        country = country or entry.country
    country = country or _of_country(head)
    if country is None:
        country = _country_in(phrase[: person.start - phrase.start], head)
    if known is not None:
        return Actor(text=phrase.text, name=known.name, country=country or known.country,
                     sector=title.sector if title else known.sector, wikidata=known.wikidata)
    return Actor(text=phrase.text if title or country else person.text, name=person.text, country=country,
                 sector=title.sector if title else None)


def _title_inside(person: Span) -> ActorEntry | None:
    """A title the model took into the person's name ("Constable Rakesh Bhaskar", "Colonel Ali Hussein")."""
    if len(person) < 2:
        return None
    return _title(person[0])


def _apposed_title(head: Token) -> ActorEntry | None:
    """The title written after a person's name, read as an actor ("Ali al-Massudi, the mayor of Al Iskandariyah";
    "Purna Dalai, local BJP leader": the party's)."""
    for child in head.children:
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or child.pos_ == "PROPN" and not child.ent_type_):
            # ("Yevheny Dushko, the Mayor of Sergiyev Posad": a capitalised title is still a title)
            for tok in (child, *child.conjuncts):
                actor = actor_for(tok)
                if actor is not None and actor.sector is not None:
                    return ActorEntry(tok.lower_, tok.lower_, None, actor.sector, None, "generic")
    return None


# Key of the per-document table of the titles written after each person's name (`_title_told_elsewhere`).
TITLES_TOLD = "eventcoder.titles_told"


def _title_told_elsewhere(person: Span) -> ActorEntry | None:
    """The title written after the same name at another mention in the document ("the home of Sayed Hakim, a senior
    police officer ... killed Sayed Hakim": a police officer both times)."""
    doc = person.doc
    table = doc.user_data.get(TITLES_TOLD)
    if table is None:
        table = doc.user_data[TITLES_TOLD] = {}  # (a title's own reading looks here too: it finds it empty)
        for tok in doc:
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "") and any(c.dep_ == "appos" for c in tok.children) \
                    and (title := _apposed_title(tok)) is not None:
                name = entity_at(tok) or tok.doc[tok.left_edge.i: tok.i + 1]
                table.setdefault(name.text, title)
                table.setdefault(tok.text, title)  # the surname alone names them again ("Ibrahim, a prosecutor")
    return table.get(person.text) or table.get(person[-1].text)


def _title(tok: Token) -> ActorEntry | None:
    """The actor noun or military title a word before a person's name gives them."""
    if tok.lower_ in words("military_title"):
        return ActorEntry(tok.lower_, tok.lower_, None, "MIL", None, "generic")
    return generic(tok)


def _country_in(tokens: Span, head: Token) -> str | None:
    """The country of a demonym or country name written inside a longer phrase, token by token."""
    for tok in tokens:
        if tok.i == head.i or tok.ent_type_ == "PERSON":
            continue
        entry = entries().get(tok.text)
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if after is not None and after.text.startswith("-"):
            continue  # "U.S.-backed", "Iranian-made": not the actor's own country
        if entry is not None and (entry.kind == "country" or entry.kind in PEOPLE_KINDS) \
                and not _is_pro(tok.doc[tok.i: tok.i + 1]):
            return entry.country
    return None


def _of_country(head: Token, preps: tuple[str, ...] = ("of", "from")) -> str | None:
    """'King Hassan of Morocco', 'the president of France', 'dissidents from Egypt': a country after 'of'/'from'."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (ent := entity_at(obj)) is not None and ent.label_ == "GPE":
                    entry = _entity_entry(ent)
                    if entry is not None and entry.kind in ("country", "capital"):
                        return entry.country
    return None


def reported_speaker(pronoun: Token) -> Token | None:
    """The subject of the verb of saying whose reported clause has `pronoun` as its subject: 'Switzerland
    said it had expelled ...' -> Switzerland; 'King Hassan was quoted as saying he would ...' -> King Hassan.
    'he'/'she' only stand for a person, 'it' never does."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ not in REPORT_LINKS or clause.head.i == clause.i:
            return None
        verb = clause.head
        if verb.lemma_.lower() in words("speech") and clause.dep_ == "ccomp":
            break
        clause = verb
    else:
        return None
    speaker = None
    for _ in range(3):
        speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if speaker is not None or verb.dep_ not in ("pcomp", "advcl", "xcomp", "prep", "pobj"):
            break
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head  # "quoted as saying"
    if speaker is None or speaker.lower_ in REPORTED_PRONOUNS or speaker.pos_ == "PRON":
        return None
    person = speaker.ent_type_ == "PERSON" or (generic(speaker) is not None and speaker.tag_ in ("NN", "NNP")
                                                and speaker.lemma_.lower() in words("prominent"))
    if pronoun.lower_ in ("he", "she") and not person or pronoun.lower_ == "it" and speaker.ent_type_ == "PERSON":
        return None
    return speaker


def _demonym_country(head: Token) -> str | None:
    """The country of a plural demonym used as a noun ("Serbs", "Palestinians")."""
    for form in with_singular(head.text):
        entry = entries().get(form)
        if entry is not None and entry.kind in PEOPLE_KINDS:
            return entry.country
    return None


def issuing_country(head: Token) -> Actor | None:
    """'A report released in the Rwandan capital alleged ...': a document that speaks for nobody named speaks
    for the country it was issued in (the country, no sector)."""
    if head.lemma_.lower() not in words("document"):
        return None
    for verb in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in words("issue_verb")):
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                if (actor := country_of_thing(place)) is not None:
                    return Actor(text=head.text, name=f"{head.lemma_.lower()} ({actor.country})", country=actor.country)
    return None


def country_of_thing(head: Token) -> Actor | None:
    """'a Russian building', 'a government-held part of Syria's second city': a thing that names no actor
    but belongs to a country, which is then what the act is directed at (the country, no sector)."""
    if head.pos_ != "NOUN" or head.ent_type_ in ("PERSON", "DATE", "TIME") or head.lower_ in words("prominent"):
        return None  # (a title such as "Chief Justice" names a person, whom the dictionary could not code)
    spans = [_phrase(head)]
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        spans += [_phrase(obj) for obj in prep.children if obj.dep_ == "pobj"]
    for span in spans:
        for ent in entity_spans(span):
            if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in words("currency"):
                continue  # "the US dollar exchange rate": a price, nothing of the country's
            entry = _entity_entry(ent)
            if ent.label_ in ("GPE", "NORP") and entry is not None and entry.country and \
                    (entry.kind in ("country", "capital") or entry.kind in PEOPLE_KINDS) and not _is_pro(ent):
                # named by the thing ("refinery (YEM)"), not like a person or a government
                return Actor(text=spans[0].text, name=f"{head.lemma_.lower()} ({entry.country})", country=entry.country)
    return None

