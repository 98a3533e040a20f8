"""Which trigger hits tell no event of their own: descriptions, topics, grievances, modifiers, repeats."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.coding import (ACCUSING_LEMMAS, BLAST_MODES, GRIEVANCE_PREPS, OUTCOME_LEMMAS, PROTEST_LEMMAS, fights_off,
                               names_a_weapon, stormed_out)
from eventcoder.lexicon import in_class, people_nouns, words
from eventcoder.roles import missed_predicate
from eventcoder.triggers import (TriggerHit, in_generic_clause, infinitive_read_as_noun, is_descriptive, is_topic,
                                 participle_root)


def _slashed(token: Token, hits: dict[int, TriggerHit]) -> bool:
    """One word of a slash list of one event's kinds ("projectiles/explosions", "shots/bursts of fire"): the
    second, unless the parser hung the first on it, which then holds the count and the weapons."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "/" and token.i - 2 in hits:
        return doc[token.i - 2].head.i != token.i
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "/" and token.i + 2 in hits \
        and token.head.i == token.i + 2


def _weapon_of(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """What another attack fired, or a deployment moved: "fired two shells", "brought reinforcements" tell one
    event, not two."""
    head = hits.get(hit.token.head.i)
    if hit.token.dep_ != "dobj" or head is None or head.entry.event_type != hit.entry.event_type:
        return False
    return hit.entry.event_type == "MOBILIZE" or hit.entry.event_type == "ASSAULT" and (
        hit.entry.mode in BLAST_MODES or head.token.lemma_.lower() in FIRING_VERBS)  # "fired shots at the market"


# Verbs whose object is what they fired, never a second attack.
FIRING_VERBS = frozenset({"fire", "shoot", "launch", "lob", "hurl", "throw"})


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


def _kind_of_effort(hit: TriggerHit) -> bool:
    """A talks word naming the kind of an effort: "undertook a mediation mission", "launched a mediation effort"."""
    return hit.entry.event_type == "CONSULT" and in_class(hit.token.head, "effort_noun")


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


def _misread_adjunct(hit: TriggerHit, gov: TriggerHit) -> bool:
    """'owners of restaurants protested outside the office demanding the right to open': the parser made the
    participle after the event (no auxiliary: no clause of its own) the root; what a statement says never comes
    before its verb there."""
    return hit.token.i < gov.token.i and hit.token.pos_ == "VERB" and participle_root(gov.token)


def _one_of_many(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """'in one of two related attacks, a suicide bomber detonated ...': the series frames the event the clause
    tells, when the clause tells one of the same kind."""
    tok = hit.token
    if tok.tag_ != "NNS" or tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.lower_ != "one":
        return False
    return any(other.token.i != tok.i and other.token.sent == tok.sent and other.entry.event_type == hit.entry.event_type
               for other in hits.values())


# The lexicon requirement of the triggers that fight attackers off (triggers.tsv: repel, repulse, push, drive).
ASSAILANT_REQUIREMENT = "@assailant"


def _fights_off(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """A force fighting attackers off ("repulsed the raiders", "pushed back the attackers"): a repelling trigger (by
    its lexicon requirement) whose object is no attack of its own ("repelled an attack" is the attack's mention,
    read two-sided there), and "push" and "drive" only with their particle ("drove the bandits to the station")."""
    if hit.entry.requires != ASSAILANT_REQUIREMENT:
        return False
    return fights_off(hit.token) and not any(c.dep_ in ("dobj", "nsubjpass") and c.i in hits
                                             for c in hit.token.children)


def _repelled_twice(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """A repelling trigger that fights nobody off; or an attack told in its attackers' description ("militants who
    attempted an attack were driven out"): told once, as the fight."""
    if hit.entry.requires == ASSAILANT_REQUIREMENT:
        return not _fights_off(hit, hits)
    return any(other.token.i != hit.token.i and _fights_off(other, hits) and hit.token.i in {
        t.i for o in other.token.children if o.dep_ in ("dobj", "nsubjpass") for t in o.subtree}
        for other in hits.values())


def _renaming(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """'the attack was an ambush': a predicate noun that names again the event its subject tells."""
    tok = hit.token
    return tok.dep_ == "attr" and tok.head.lemma_ == "be" and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i in hits for c in tok.head.children)


def _prevented(token: Token) -> bool:
    """'defused a booby-trapped vehicle before it exploded', 'shot down the drone before it reached the base': what
    the main clause stopped did not happen."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in token.children) \
        and in_class(token.head, "preventing")


def _purpose(token: Token) -> bool:
    """'passed on information for drone strikes', 'funds for attacks': bare plural events something is meant for,
    not events that happened."""
    return token.dep_ == "pobj" and token.head.lower_ == "for" and token.tag_ == "NNS" \
        and not any(c.dep_ in ("det", "poss", "nummod", "amod") and c.lower_ not in ("drone", "air")
                    for c in token.children) and token.head.head.pos_ in ("VERB", "NOUN") \
        and token.head.head.lemma_.lower() not in PURPOSE_HOLDERS_KEPT


# Words whose "for X" names an event that happened ("arrested for attacks", "responsible for attacks").
PURPOSE_HOLDERS_KEPT = frozenset({"arrest", "detain", "responsible", "responsibility", "blame", "claim", "convict",
                                  "charge", "sentence", "jail", "condemn", "punish"})


def _object_in_class(hit: TriggerHit, cls: str) -> bool:
    """The trigger's object (or passive subject) is a word of a cue-word class."""
    return any(c.dep_ in ("dobj", "nsubjpass") and in_class(c, cls) for c in hit.token.children)


def _courtesy(hit: TriggerHit) -> bool:
    """'gathered to offer Friday prayers', 'offered his condolences': a courtesy offered, not a deal."""
    return hit.entry.event_type == "AGREE" and _object_in_class(hit, "courtesy")


def _published(hit: TriggerHit) -> bool:
    """'released a statement', 'freed a video': a text or a recording made public, nobody set free."""
    return hit.entry.mode == "release" and _object_in_class(hit, "publication")


# Classes of what a place shelters, and of the places that shelter: "a camp hosting government forces", "a base
# hosting Ethiopian troops", "hosts refugees" house people; they meet no one.
SHELTERED_CLASSES = ("forces", "armed_ranks", "abroad_people")
SHELTER_CLASSES = ("base_site", "installation")


def _sheltering(hit: TriggerHit) -> bool:
    """'a base hosting Ethiopian troops', 'the country hosts refugees': a place housing people, not a meeting."""
    if hit.entry.event_type != "CONSULT" or hit.token.lemma_.lower() != "host":
        return False
    tok = hit.token
    holder = tok.head if tok.dep_ == "acl" else next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return any(_object_in_class(hit, cls) for cls in SHELTERED_CLASSES) \
        or holder is not None and any(in_class(holder, cls) for cls in SHELTER_CLASSES)


# Verbs of holding someone for a deed ("arrested for recruiting youths").
DETAINING_LEMMAS = frozenset({"arrest", "detain", "jail", "imprison", "sentence"})
# Words that stand for what a disarming is done to when it is a weapon, not a group ("disarm it").
THING_PRONOUNS = frozenset({"it", "them"})


def _off_the_air(hit: TriggerHit) -> bool:
    """'ordered the broadcaster to go off air': a station silenced, no bomb going off."""
    tok = hit.token
    return tok.lemma_.lower() == "go" and any(
        off.lower_ == "off" and any(o.lower_ == "air" for o in off.children) for off in tok.children)


def _hit_kind(hit: TriggerHit) -> bool:
    """'members who belonged to the Sparrow Unit hit squad', 'on a hit list': a kind of squad or list, no blow struck."""
    tok = hit.token
    return tok.lower_ == "hit" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in words("hit_kind")


def _weapon_disarmed(hit: TriggerHit) -> bool:
    """'Police discover a large bomb on a minibus and disarm it': a device made safe, not a group laying down arms."""
    return hit.entry.event_type == "RETREAT" and hit.token.lemma_.lower() == "disarm" and any(
        c.dep_ == "dobj" and (c.lower_ in THING_PRONOUNS or names_a_weapon(c))
        for c in hit.token.children)


# Conjunctions of a clause that tells what happened while a deployment went on ("were patrolling ... when gunmen
# opened fire", "when they arrived as reinforcement").
WHILE_MARKS = frozenset({"when", "while", "as"})


def _deployment_in_the_background(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """A patrol or deployment told only as the scene of another event or as who its people were: "police officers
    patrolling the road", "policemen who were deployed at a check post", "were patrolling ... when gang members
    started shooting", "were killed when they arrived as reinforcement" (ACLED records the attack, not the patrol); a
    recruitment someone is accused of or held for is no mobilisation told here."""
    if hit.entry.event_type != "MOBILIZE":
        return False
    tok = hit.token
    if tok.pos_ == "VERB" and tok.dep_ in ("acl", "relcl") and not missed_predicate(tok):
        return True  # (not "regime forces brought in reinforcements", a predicate the parser hung on its subject)
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        return True
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in ("of", "for") \
            and tok.head.head.lemma_.lower() in ACCUSING_LEMMAS | DETAINING_LEMMAS:
        return True  # "suspected of recruiting", "should be arrested for recruiting youths": what they are accused of
    if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in WHILE_MARKS for c in tok.children):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in WHILE_MARKS for m in c.subtree)
               and any(t.i in hits and hits[t.i].entry.event_type == "ASSAULT" for t in c.subtree)
               for c in tok.children)


def _striking_workers(hit: TriggerHit) -> bool:
    """'striking workers', 'striking Stellantis workers' (which the parser may read as the participle's object): the
    participle says who the workers are, workers on strike, and tells no attack."""
    trigger = hit.token
    if hit.entry.event_type != "ASSAULT" or trigger.lemma_.lower() != "strike" or trigger.tag_ != "VBG":
        return False
    doc = trigger.doc
    if trigger.dep_ == "amod":
        worker = trigger.head
    else:
        worker = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        if worker is None or any(t.dep_ != "compound" for t in doc[trigger.i + 1:worker.i]):
            return False
    return in_class(worker, "labour") or in_class(worker, "staff_noun")


# Head nouns a violent participle modifies when it tells an event ("a shooting incident", "a killing spree").
EVENT_HEADS = frozenset({"incident", "spree", "attack", "attacks", "incidents", "episode", "rampage", "case", "cases"})


def _participle_of_a_thing(hit: TriggerHit) -> bool:
    """A violent participle modifying a noun that names a thing, not people ("the corporate raiding process", "a
    shooting range"): a kind of the thing."""
    tok = hit.token
    head = tok.head
    return hit.entry.event_type == "ASSAULT" and tok.tag_ == "VBG" and tok.dep_ == "amod" and head.pos_ == "NOUN" \
        and head.lemma_.lower() not in EVENT_HEADS and head.ent_type_ == "" and not _names_people(head)


def _names_people(noun: Token) -> bool:
    """A noun of people or of an armed body ("workers", "gunmen", "troops")."""
    return any(in_class(noun, cls) for cls in ("forces", "armed_ranks", "assailant", "labour", "staff_noun", "gathering",
                                                "abroad_people")) or noun.lemma_.lower() in people_nouns()


def skip(hit: TriggerHit, gov: TriggerHit | None, hits: dict[int, TriggerHit]) -> bool:
    """Triggers that report no event of their own: descriptions, topics, the content of a statement."""
    if is_descriptive(hit.token) or is_topic(hit.token) or in_generic_clause(hit.token) or _grievance(hit.token) \
            or _slashed(hit.token, hits) or _weapon_of(hit, hits) or _one_of_many(hit, hits) \
            or _repelled_twice(hit, hits) or _renaming(hit, hits) or _purpose(hit.token) or _prevented(hit.token) \
            or stormed_out(hit.token) or _courtesy(hit) or _published(hit) or _sheltering(hit) \
            or _deployment_in_the_background(hit, hits) \
            or _weapon_disarmed(hit) or _striking_workers(hit) \
            or _off_the_air(hit) or _hit_kind(hit):
        return True
    if hit.token.dep_ == "compound" and hit.token.pos_ in ("NOUN", "PROPN") and not _headline_predicate(hit.token) \
            and not _staged(hit) and not _kind_of_effort(hit) and not infinitive_read_as_noun(hit.token) \
            and hit.token.head.lemma_.lower() not in EVENT_HEADS:
        # "riot gear", "attack helicopter", "protest leaders": a modifier, not an event ("a shooting incident" is one)
        return True
    if _participle_of_a_thing(hit):
        return True  # "the corporate raiding process", "a shooting range": a kind of thing, not an event
    if hit.token.dep_ == "amod" and hit.token.lemma_.lower() in OUTCOME_LEMMAS:
        # "160 wounded people": a casualty count, not an event of its own
        return True
    if gov is not None and gov.entry.kind in ("say", "claim") and not _misread_adjunct(hit, gov):
        return not (hit.entry.event_type == "ASSAULT" and gov.entry.event_type == "ACCUSE")
    return False
