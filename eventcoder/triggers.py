"""Find event triggers in a parsed sentence and drop those that do not assert an event of their own."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from eventcoder.lexicon import Trigger, requirement_parts, triggers, words

# Entity labels inside which a word is part of a name ("Rapid Support Forces"), not a trigger.
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"})
# Verbs whose object nominal is a report of an event ("launched attacks", "carried out strikes").
LIGHT_VERBS = frozenset({"launch", "carry", "conduct", "stage", "issue", "undertake", "mount", "make", "hold",
                         "begin", "start", "resume", "continue", "announce", "order", "see", "claim", "present", "file",
                         "level", "bring", "wage"})
# How far to the right, and as what, a required word may hang below the trigger's own dependents.
REQUIREMENT_REACH = 10
REQUIRED_OBJECT_DEPS = frozenset({"pobj", "dobj", "appos"})
# Dependencies of a quantity whose "of" phrase names what the trigger needs ("a lot of weapons were seized").
QUANTIFIED_DEPS = frozenset({"dobj", "nsubjpass"})
# Verbs of finding someone: a participle on them says what was done to the one found ("found killed").
FOUND_VERBS = frozenset({"find", "discover"})
# Dependency labels of a participle or infinitive that describes a noun rather than asserting an event.
DESCRIPTIVE_DEPS = frozenset({"acl"})


@dataclass(frozen=True)
class TriggerHit:
    """A token that signals an event, with its lexicon entry."""

    token: Token
    entry: Trigger


def misread_verb(token: Token) -> bool:
    """A 'noun' with a subject of its own is a verb the tagger misread in a headline ("Protesters from West
    Pokot demonstrate over land issues", "Gunmen storm village")."""
    return token.pos_ == "NOUN" and token.tag_ in ("NN", "NNS") and any(c.dep_ == "nsubj" for c in token.children)


def _pos_ok(token: Token, entry: Trigger) -> bool:
    if entry.pos == "ANY":
        return token.pos_ in ("VERB", "NOUN", "PROPN")
    if entry.pos == "NOUN":
        return token.pos_ in ("NOUN", "PROPN") and not misread_verb(token)
    return token.pos_ == "VERB" or misread_verb(token) or infinitive_read_as_noun(token)


def infinitive_read_as_noun(token: Token) -> bool:
    """'used artillery to bombard areas': a bare verb after the infinitive's 'to' the tagger took for a noun."""
    return token.tag_ == "NN" and token.i > 0 and token.doc[token.i - 1].tag_ == "TO" \
        and token.lower_ == token.lemma_.lower()


def _requirement_ok(token: Token, entry: Trigger) -> bool:
    return all(_required_word_near(token, needed) for needed in requirement_parts(entry))


def _required_word_near(token: Token, needed: frozenset[str]) -> bool:
    children = list(token.children)
    near = children + [c for child in children if child.dep_ == "prep" for c in child.children]
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.head.lower_ == "fire":
        near.append(token.head)  # "men riding a motorcycle opened indiscriminate fire": the parser made it a modifier
    # "in Marin, Nuevo Leon, the body of a man was found": the parser hangs the subject on the place list before it
    near += [c for child in children if child.dep_ in ("nsubj", "nsubjpass") for c in child.children
             if c.dep_ == "appos"]
    near += [of_obj for c in children if c.dep_ in QUANTIFIED_DEPS  # "a stash of firearms was found"
             for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
             for of_obj in prep.children if of_obj.dep_ == "pobj"]
    objects = [c for c in children if c.dep_ in ("nsubjpass", "dobj")]
    # "launched mortar shells" (not the "fire" of "the cease-fire agreement is set to take effect")
    near += [c for o in objects for c in o.children if c.dep_ == "compound" and c.doc[c.i - 1].text != "-"]
    # "eight bags that contained human remains were found": what the found thing holds
    near += [t for o in objects for r in o.children if r.dep_ == "relcl" for t in r.subtree]
    if any(c.lemma_.lower() in needed or c.lower_ in needed for c in near):
        return True
    if "body" in needed and any(a.dep_ == "amod" and a.lower_ == "dead" for o in objects for a in o.children):
        return True  # "three handcuffed dead women were found": dead people found are bodies
    # the parser hung it lower ("set a truck carrying iron on fire", "planted a roadside ... device"):
    # an object noun of the verb's own phrase, a few words on
    if token.pos_ == "VERB" and any(
            (t.lemma_.lower() in needed or t.lower_ in needed) and t.dep_ in REQUIRED_OBJECT_DEPS
            for t in token.subtree if token.i < t.i <= token.i + REQUIREMENT_REACH):
        return True
    # a passive's subject the parser lost ("in Zapopan, Jalisco, eight bags that contained human remains were found"):
    # the required noun a few words before the verb, in its clause
    # (only verbs of finding, and not "was found to be radio controlled")
    passive = token.lemma_.lower() in FOUND_VERBS and any(c.dep_ == "auxpass" for c in children) \
        and not any(c.dep_ in ("xcomp", "oprd", "acomp") for c in children)
    subject = any(c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN", "PRON") for c in children)
    return passive and not subject and any(
        (t.lemma_.lower() in needed or t.lower_ in needed) and t.pos_ == "NOUN"
        for t in token.doc[max(token.sent.start, token.i - REQUIREMENT_REACH): token.i])


def match(token: Token) -> Trigger | None:
    """The lexicon entry this token triggers, if any."""
    table = triggers()
    keys = (token.lemma_.lower(), token.lower_)
    if keys[0] not in table and keys[1] not in table:
        return None  # (most words: nothing more to read)
    if token.ent_type_ in NAME_LABELS and not _capitalised_opening_word(token):
        return None
    for key in keys:
        for entry in table.get(key, ()):
            if _pos_ok(token, entry) and _requirement_ok(token, entry):
                return entry
    return None


def _capitalised_opening_word(token: Token) -> bool:
    """'Riot breaks out among supporters': a headline's first word the model took for a one-word name."""
    one_word = token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
    return token.i == token.sent.start and token.ent_iob_ == "B" and one_word and token.text.istitle() \
        and token.lower_ in _common_forms()


@cache
def _common_forms() -> frozenset[str]:
    """Trigger lemmas that are common English words (not in the actor or people tables): "riot", "clash"."""
    from eventcoder.actors import entries
    names = entries()
    return frozenset(key for key in triggers() if key.isalpha() and key not in names and key.title() not in names)


def find(sent: Span) -> list[TriggerHit]:
    """Every trigger of a sentence, a compound modifier of another trigger counted once ("bomb attack")."""
    hits = {tok.i: TriggerHit(tok, entry) for tok in sent if (entry := match(tok)) is not None}
    return [hit for i, hit in hits.items()
            if not (hit.token.dep_ in ("compound", "amod") and hit.token.head.i in hits)]


# Clause links that start a new assertion: a trigger beyond one is not the content of the trigger above it.
CLAUSE_BOUNDARIES = frozenset({"advcl", "relcl", "parataxis", "conj"})


def governing(hit: TriggerHit, hits: dict[int, TriggerHit]) -> TriggerHit | None:
    """The nearest trigger above this one in its own clause (the statement whose content it is)."""
    tok = hit.token
    while tok.head.i != tok.i and tok.dep_ not in CLAUSE_BOUNDARIES and not _semicolon_between(tok, tok.head):
        tok = tok.head
        if tok.i in hits:
            return hits[tok.i]
    return None


def _semicolon_between(tok: Token, head: Token) -> bool:
    """A ";" between a clause and the word the parser hung it on: two assertions, not a statement and its content
    ("A riot breaks out ...; losing candidates' supporters demand a recount")."""
    lo, hi = sorted((tok.i, head.i))
    return any(t.text == ";" for t in tok.doc[lo + 1:hi])


# Verbs of protest whose participle never describes a noun: a misparse of the predicate (not "demonstrate",
# which also means "show": "as demonstrated by the examples").
INTRANSITIVE_PROTESTS = frozenset({"protest", "riot", "rally"})


def _bare_participle(token: Token) -> bool:
    """A past participle with no subject or auxiliary of its own: it describes, it does not assert.
    When the noun it hangs on is the sentence's root, it is the predicate the parser missed
    ("An explosive device detonated at a residence.")."""
    if token.pos_ != "VERB" or token.tag_ not in ("VBN", "VBD") or token.dep_ not in ("acl", "dep", "advcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children):
        return False
    if token.head.lemma_ == "be" and token.head.dep_ == "ROOT" and token.i > token.head.i:
        return False  # "X was on Wednesday night shot dead": the passive the parser split from its auxiliary
    if token.head.lemma_.lower() in FOUND_VERBS:
        return False  # "a man is discovered murdered": how he was found is the event
    if token.lemma_.lower() in INTRANSITIVE_PROTESTS:
        return False  # no one is "protested": "250 people who were called by social networks protested in ..."
    return not _root_noun(token.head)


def _attempt_told(noun: Token) -> bool:
    """An attempt that is what the clause tells of ("an attempt to assassinate the governor was thwarted", "police
    foiled an attempt to storm the base"): an act tried; not a purpose ("in an attempt to disperse them") nor a
    description of an attack told already ("the attack was an attempt to kill the president")."""
    return noun.lower_ in words("attempt") and noun.dep_ in ("nsubj", "nsubjpass", "dobj")


def _killed_by(token: Token) -> bool:
    """A participle of a killing with its result and its agent ("shot dead by police"): the fact of who killed whom,
    whatever the noun it hangs on."""
    return token.tag_ == "VBN" and any(c.lower_ == "dead" and c.dep_ in ("oprd", "acomp") for c in token.children) \
        and any(c.dep_ == "agent" for c in token.children)


def participle_root(root: Token) -> bool:
    """'owners of restaurants protested outside the office demanding ...': an -ing form without an auxiliary
    heads no sentence; the parser made it the root and the predicate before it a modifier."""
    return root.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in root.children)


def _root_noun(noun: Token) -> bool:
    """The sentence's root is this noun, or a quantity of it ("dozens of lecturers"), or the sentence has no
    verb at its root at all (a long place prefix threw the parser: "..., Turkey, a bicycle bomb detonated
    near a bus stop"): a participle on it is the predicate the parser missed."""
    if noun.sent.root.pos_ not in ("VERB", "AUX") or noun.pos_ == "NUM" or participle_root(noun.sent.root):
        return True  # (a count of people: "11 killed by raiders", "3 injured")
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    # "11 killed by raiders"; "Supreme court security officer killed by carjackers; nothing was stolen": a noun
    # the parser left unattached ("dep") heads its own headline clause
    if noun.dep_ == "appos" and noun.head.ent_type_ in ("GPE", "LOC") and noun.i > noun.head.i:
        return True  # "in the Zalingei area of Gharb Darfur, Sudan, armed militants fired upon the camp": the subject
        # the parser hung on the opening place list
    return noun.dep_ in ("ROOT", "dep") and noun.pos_ in ("NOUN", "PROPN", "NUM")


def is_descriptive(token: Token) -> bool:
    """A participle describing a noun ("troops deployed to ...") or a purpose clause ("to combat IS"); not a killing
    told with its killer ("1 man shot dead by police ... - led to protesting")."""
    if _killed_by(token):
        return False
    if _bare_participle(token):
        return True
    if token.pos_ == "VERB" and token.dep_ == "acl" and token.head.pos_ == "NOUN" \
            and any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children) \
            and not _attempt_told(token.head):
        return True  # "the right to demonstrate", "a plan to attack": what may happen, not what did
    tok = token
    while tok.head.i != tok.i:
        if tok.dep_ in DESCRIPTIVE_DEPS and tok.pos_ == "VERB" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN" \
                and match(tok.head) is None and not _root_noun(tok.head):
            # (on a root noun it is the predicate the parser missed: "dozens of lecturers protested in ...")
            return True
        if tok.dep_ in ("advcl", "xcomp", "acl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children) \
                and tok.head.lemma_ in words("stative") | {"deploy", "send", "station"}:
            return True
        if tok.dep_ in ("relcl", "ccomp", "conj") or tok.pos_ == "VERB" and tok is not token:
            return False
        tok = tok.head
    return False


def is_topic(token: Token) -> bool:
    """An event noun after 'over'/'about' is what someone talks about, not an event reported here; so is one that
    something is said to be related to ("two firearms, one of which is said to be related to a murder"), and one that
    reporters are said to be covering."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in words("relation_word"):
        return True
    if token.dep_ == "dobj" and head.lemma_.lower() == "cover" and head.dep_ in ("acl", "advcl"):
        return True  # "journalists covering a political clash": what they report on, told only as their work
    return token.dep_ == "pobj" and head.lower_ in words("topic_prep") and head.dep_ != "agent"


def is_anaphoric(token: Token) -> bool:
    """'the strike', 'these assaults': a definite event noun that may refer to an earlier mention."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    det = next((c.lower_ for c in token.children if c.dep_ == "det"), None)
    if det == "the":
        # "the suspension of operations", "the attack that killed five": defined by what follows, not by an earlier mention
        return not any(_restrictive(c) or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children)
    return det in words("anaphor")


def _restrictive(child: Token) -> bool:
    """A relative clause or participle not set off by a comma restricts its noun ("the attack that killed")."""
    if child.dep_ not in ("relcl", "acl"):
        return False
    start = child.left_edge.i
    return start == 0 or child.doc[start - 1].text != ","


def in_generic_clause(token: Token) -> bool:
    """A trigger in a clause about 'those who ...' or 'anyone who ...' reports nothing that happened."""
    tok = token
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return tok.head.lower_ in ("those", "anyone", "whoever", "everyone")
        tok = tok.head
    return False
