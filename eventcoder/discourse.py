"""Article-level reading: merge repeated mentions of one event, resolve 'the group', continue a statement."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventcoder.actors import lookup
from eventcoder.candidates import Candidate
from eventcoder.coding import ARMED_SECTORS, NON_STATE_ARMED, OUTCOME_LEMMAS, fights_off
from eventcoder.records import UNIDENTIFIED, Actor

# Nouns that, with "the", refer back to the last named armed group or organisation ("the group said").
GROUP_ANAPHORS = frozenset({"group", "militia", "organisation", "organization", "movement", "faction"})
# Modes of acts that follow an attack and belong to it: weapons seized or defused, suspects arrested.
AFTERMATH_MODES = frozenset({"disrupt", "arrest"})
# The requirement of livestock theft: told with an attack ("killed two and stole 1,000 cattle"), it is the raid's loot.
PLUNDER_REQUIREMENT = "@livestock"
# The mode of a kidnapping, and of the release that may end it.
ABDUCTION, RELEASE = "abduct", "release"
# Fields an anaphoric mention may fill in on the event it refers to.
MERGEABLE = ("source", "target", "date", "place", "fatalities", "injuries", "claimed_by", "attributed_to",
             "attributed_by")


def named_orgs(doc: Doc) -> list[tuple[int, Actor]]:
    """(token index, actor) of every organisation named through the actor dictionary, in text order."""
    found = []
    for ent in doc.ents:
        entry = lookup(ent.text) or (lookup(ent.ent_id_) if ent.ent_id_ else None)
        if entry is not None and entry.kind == "org":
            found.append((ent.start, Actor(text=ent.text, name=entry.name, country=entry.country,
                                           sector=entry.sector, wikidata=entry.wikidata)))
    return found


def group_antecedent(token: Token, orgs: list[tuple[int, Actor]]) -> Actor | None:
    """'The group' means the organisation named most recently before it."""
    if token.lemma_.lower() not in GROUP_ANAPHORS or not any(c.lower_ == "the" for c in token.children):
        return None
    before = [(i, actor) for i, actor in orgs if i < token.i]
    subjects = [actor for i, actor in before if _in_subject(token.doc[i])]
    if subjects:
        return subjects[-1]
    return before[-1][1] if before else None


def _in_subject(token: Token) -> bool:
    """Whether a name is (part of) a clause subject: the usual antecedent of 'the group'."""
    while token.dep_ in ("compound", "amod", "poss") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _compatible(mention: Candidate, earlier: Candidate) -> bool:
    if mention.event_type != earlier.event_type or earlier.modality != "asserted":
        return False
    if mention.place and earlier.place and mention.place.country != earlier.place.country:
        return False
    if mention.date and earlier.date and mention.date.start[:7] != earlier.date.start[:7]:
        return False
    return True


def _told_before(earlier: Candidate, mention: Candidate) -> bool:
    """An event told in an earlier sentence, or earlier in the mention's own ("... shot and wounded a policeman in
    the attack", "planted a bomb which killed five when their vehicle triggered the blast")."""
    if earlier.sent.start < mention.sent.start:
        return True
    # not "torched the truck they were in during the ambush": an event before it, told as its time
    trigger = mention.trigger
    timed = trigger.dep_ == "pobj" and trigger.head.lower_ in TIME_PREPS
    return earlier.sent.start == mention.sent.start and earlier.trigger.i < trigger.i and not timed


def _antecedent(mention: Candidate, kept: list[Candidate]) -> Candidate | None:
    """The earlier event a definite mention most likely means: same place first, then the nearest."""
    options = [e for e in kept if _told_before(e, mention) and _compatible(mention, e)]
    if not options:
        return None

    def rank(e: Candidate) -> tuple[int, int]:
        same_place = bool(mention.place and e.place and mention.place.country == e.place.country)
        return (2 * same_place + (mention.is_aggregate == e.is_aggregate), e.sent.start)

    return max(options, key=rank)


# Prepositions that set an event noun as the time of another ("during the ambush", "after the attack").
TIME_PREPS = frozenset({"during", "after", "before", "since", "following", "amid", "until"})
# Words that make a noun phrase name someone already told of.
DEFINITE = frozenset({"the", "this", "these", "that", "those"})
# Casualty counts: a later mention with a higher count gives the toll as it rose ("the death toll rose to 12").
COUNTS = ("fatalities", "injuries")
# How many sentences after an attack a bare detail of it ("two missiles struck the market") may follow.
ELABORATION_SENTENCES = 2


def _elaborated(cand: Candidate, kept: list[Candidate]) -> Candidate | None:
    """An attack mention with no actor, date or place of its own, just after an attack, details it;
    so does a bare outcome ("The gunmen killed three", "One civilian was killed") with no date or place."""
    if cand.event_type != "ASSAULT":
        return None
    outcome = cand.trigger.lemma_.lower() in OUTCOME_LEMMAS and cand.date is None and cand.place is None
    doc_sents = list(cand.sent.doc.sents)
    position = next(i for i, s in enumerate(doc_sents) if s.start == cand.sent.start)
    recent = {s.start for s in doc_sents[max(0, position - ELABORATION_SENTENCES): position]}
    earlier = next((e for e in reversed(kept) if e.event_type == "ASSAULT" and e.sent.start in recent
                    and e.modality == "asserted"), None)
    if earlier is None:
        return None
    # "Gunmen attacked the house of a policeman. The gunmen shot and wounded him.": the same attackers,
    # with no date or place of their own, tell more of the same attack
    same_attackers = cand.source is not None and earlier.source is not None and cand.date is None \
        and cand.place is None and (_same_actor(cand.source, earlier.source)
                                    or _attackers_again(cand.source, earlier.source))
    # "... shoots and injures a police officer in Kilifi. The officer was shot in the chest five times.": the same
    # victims named again with "the", by attackers not told apart, with no date, place or toll of their own (a
    # toll told later may be a second act: "kidnapped two soldiers ... the bodies of the two soldiers were found")
    same_victims = cand.target is not None and earlier.target is not None and cand.date is None \
        and cand.place is None and not cand.fatalities and not cand.injuries \
        and _told_again(cand.target, earlier.target) \
        and (cand.source is None or earlier.source is None or _same_actor(cand.source, earlier.source))
    # "Militants attacked a base. Soldiers repelled the militants.": the attacked side's defence of the same attack
    fought_off = fights_off(cand.trigger)
    # a toll alone does not make a new attack: "A bullet struck him in the head, killing him."
    if not (outcome or same_attackers or same_victims or fought_off) and \
            any(getattr(cand, name) is not None for name in MERGEABLE if name not in COUNTS):
        return None
    return earlier


def _told_again(later: Actor, earlier: Actor) -> bool:
    """A definite description of an actor named before: "a police officer" ... "the officer"."""
    words = later.text.lower().split()
    if len(words) < 2 or words[0] not in DEFINITE or later.sector != earlier.sector:
        return False
    head = words[-1].removesuffix("s")
    return head == (earlier.text or earlier.name).lower().split()[-1].removesuffix("s")


# Nouns a report uses for the attackers it has already named ("Eight militants attacked ... The assailants ...").
ATTACKER_NOUNS = frozenset({"assailants", "attackers", "gunmen", "militants", "perpetrators", "raiders", "insurgents"})


def _attackers_again(later: Actor, earlier: Actor) -> bool:
    """'the assailants', 'the attackers': the attackers named before, by their role."""
    words = later.text.lower().split()
    return len(words) == 2 and words[0] in DEFINITE and words[1] in ATTACKER_NOUNS \
        and earlier.sector in NON_STATE_ARMED  # (armed groups outside the state)


def _same_actor(a: Actor, b: Actor) -> bool:
    """The same actor named again, perhaps shorter ("unknown gunmen" ... "the gunmen")."""
    name_a, name_b = (a.name or a.text).lower(), (b.name or b.text).lower()
    return name_a == name_b or (a.sector == b.sector and name_a.split()[-1:] == name_b.split()[-1:])


def merge_mentions(cands: list[Candidate]) -> list[Candidate]:
    """Fold an anaphoric mention ("the drone strike") into the earlier event it refers to."""
    kept: list[Candidate] = []
    for cand in cands:
        earlier = _antecedent(cand, kept) if cand.anaphoric else _elaborated(cand, kept)
        if earlier is None:
            kept.append(cand)
            continue
        if fights_off(cand.trigger):
            _fold_defence(cand, earlier)
        fold_mention(cand, earlier)
    return kept


def _fold_defence(defence: Candidate, attack: Candidate) -> None:
    """'Soldiers repelled the militants': the defenders are whom the attack was against (unless it named armed
    victims of its own); the attackers they repelled are the attack's source, not its target."""
    defenders = defence.source
    if defenders is not None and defenders.name != UNIDENTIFIED and \
            (attack.target is None or attack.target.sector not in ARMED_SECTORS):
        attack.target = defenders
    defence.source = defence.target = None


def fold_mention(mention: Candidate, earlier: Candidate) -> None:
    """The earlier event keeps what it has; the later mention fills what it lacks. When the mention
    brings the date or place, its sentence becomes the evidence."""
    filled = [name for name in MERGEABLE if getattr(earlier, name) is None and getattr(mention, name) is not None]
    for name in filled:
        setattr(earlier, name, getattr(mention, name))
    for name in COUNTS:
        if getattr(earlier, name) is not None and getattr(mention, name) is not None:
            setattr(earlier, name, max(getattr(earlier, name), getattr(mention, name)))
    earlier.no_casualties = earlier.no_casualties or mention.no_casualties
    earlier.mentions.append(mention.trigger)
    if {"date", "place"} & set(filled):
        earlier.evidence_sent = mention.sent
        earlier.is_aggregate = mention.is_aggregate
        if "source" in earlier.fallbacks and mention.source is not None:
            earlier.fallbacks.remove("source")


def continue_statements(cands: list[Candidate]) -> None:
    """A statement without its own date or recipient continues the same speaker's last statement."""
    for i, cand in enumerate(cands):
        if not cand.is_verbal or cand.source is None:
            continue
        previous = [p for p in cands[:i] if p.is_verbal and p.source is not None and p.source.name == cand.source.name]
        if cand.date is None:
            dated = next((p for p in reversed(previous) if p.date is not None and not p.date_inherited), None)
            if dated is not None:
                cand.date, cand.date_inherited = dated.date, True
        if cand.target is None:
            aimed = next((p for p in reversed(previous) if p.target is not None), None)
            if aimed is not None:
                cand.target = aimed.target
                cand.fallbacks.append("target")


def fold_aftermath(cands: list[Candidate]) -> list[Candidate]:
    """'A shoot-out broke out ... The police seized a pistol and arrested two.', 'Militants planted a bomb ... It
    was defused.': weapons seized or defused, and arrests, told after an attack the article told are part of that
    incident (ACLED codes the clash, GTD the attempted bombing); told alone, they are events of their own. A crowd
    dispersed is its own event only when the article codes no protest or violence it was the response to; a release
    told after a kidnapping is how the kidnapping ended."""
    attacks = [c.sent.start for c in cands if c.event_type == "ASSAULT" and c.modality in ("asserted", "claimed")]
    if attacks or any(c.event_type == "PROTEST" for c in cands):
        # a crowd dispersed is the state's response to the protest or riot the article codes
        cands = [c for c in cands if c.entry.mode != "disperse"]
    if not attacks:
        return cands
    first = min(attacks)  # (in the attack's own sentence, a seizure may be the event and the 'attack' its motive)
    cands = [c for c in cands if not (c.entry.mode in AFTERMATH_MODES and c.sent.start > first)]
    cands = [c for c in cands if not (c.entry.requires == PLUNDER_REQUIREMENT and c.sent.start >= first)]
    # "On 01/31/2011, the civilian was released": how an abduction the article told ended, not an event of its own
    abductions = [c.sent.start for c in cands if c.event_type == "ASSAULT" and c.entry.mode == ABDUCTION
                  and c.modality in ("asserted", "claimed")]
    return [c for c in cands if not (abductions and c.entry.mode == RELEASE and c.sent.start > min(abductions))]
