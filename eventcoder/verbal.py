"""Verbal events read from the shape of a clause rather than from one trigger word.

The PLOVER manual codes a statement by what it commits the speaker to, not by the verb of the act it
mentions: a promised or intended act of cooperation ("Israel will free 150 prisoners", "France is ready to
contribute troops") is AGREE; a refused one ("will not accept refugees") is REJECT; a conditional or
announced act of pressure ("will boycott the elections unless ...", "is prepared to impose martial law") is
THREATEN; "X said Y must ..." is a REQUEST by X. This module adds the triggers that only a clause shows
(`find_triggers`) and re-codes a candidate once its modality is known (`recode_verbal`). The word classes
it uses are in data/cue_words.tsv (willing, intent, cooperative, obligation, speech, order, conditional,
labour).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from eventcoder.actors import actor_for
from eventcoder.candidates import Candidate
from eventcoder.coding import weapon_cue
from eventcoder.lexicon import Trigger, in_class, read_table, required_words, words
from eventcoder.roles import actor_at
from eventcoder.triggers import TriggerHit, find, match

# Types of cooperation: promised, they are AGREE; refused, REJECT.
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
# Types of pressure short of violence: conditional or offered, they are THREATEN.
PRESSURE_TYPES = frozenset({"SANCTION", "COERCE"})
# Modes of REJECT (PLOVER manual) by the type of what is refused.
REJECT_MODES = {"CONSULT": "meet", "SUPPORT": "assist", "COOPERATE": "assist", "AID": "assist", "AGREE": "assist",
                "RETREAT": "yield", "CONCEDE": "yield"}
# Modes of THREATEN (the content of the threat) by the type and mode of the act threatened.
THREAT_MODES = {("COERCE", "arrest"): "arrest", ("COERCE", "deport"): "expel", ("SANCTION", "expel"): "expel",
                ("SANCTION", "discontinue"): "relations", ("SANCTION", "withdraw"): "relations"}
# ... and by the type alone, for acts whose mode says nothing more (PLOVER v2.0: a strike, boycott, blockade,
# curfew or ban threatened restricts; talks, ties or aid threatened are threatened to stop: relations).
THREAT_MODES_BY_TYPE = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "PROTEST": "restrict",
                        "SANCTION": "relations", **dict.fromkeys(("CONSULT", "COOPERATE", "AID", "SUPPORT"), "relations")}
# Announcing that one will resign is the resignation itself (RETREAT), not a promise of one.
ACTS_WHEN_ANNOUNCED = frozenset({"resign"})
# Auxiliaries of the future; "would" is the future of reported speech ("said it would allow ...").
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
# Sectors of people whose "strike" is a work stoppage.
CIVIL_SECTORS = frozenset({"LAB", "EDU", "MED", "AGR", "BUS", "JRN", "OPP", "PTY", "CVL", "SOC", "REF"})

AGREE_ENTRY = Trigger("-", "VERB", None, "AGREE", None, "03", "say")
REQUEST_ENTRY = Trigger("-", "VERB", None, "REQUEST", None, "10", "say")
ALLEGE_ENTRY = Trigger("-", "VERB", None, "ACCUSE", "allege", "11", "claim")
AID_ENTRY = Trigger("-", "VERB", None, "AID", None, "07", "act")
# Verbs of helping: with an object and no complement clause they report assistance given ("the USA helped the
# dissidents"); "helped to plan", "help X do Y" say what the help was for and are left to that verb.
HELPING_VERBS = frozenset({"help", "assist"})
# Verbs that, with a clause reporting someone else's attack, make an allegation ("the US claimed that ISIL had
# attacked Iraq"); with the speaker's own attack ("claimed that they had attacked") they claim responsibility.
ALLEGING_VERBS = frozenset({"claim", "assert"})


def find_triggers(sent: Span) -> list[TriggerHit]:
    """The lexicon's triggers plus those of clause constructions, less the nouns a verb trigger has taken
    as its own object ("lifted the curfew", "called off the strike": one concession, not a curfew too)."""
    hits = {hit.token.i: hit for hit in find(sent)}
    consumed: set[int] = set()
    for tok in sent:
        if tok.i in hits or tok.pos_ != "VERB":
            continue
        protest = _staged_protest(tok, hits)
        if protest is not None:
            # "students staged demonstrations", "refugees continued a hunger strike": the verb carries the
            # protest, so its subject is the protesters
            hits[tok.i] = TriggerHit(tok, protest.entry)
            consumed.add(protest.token.i)
            continue
        entry = _construction(tok, hits)
        if entry is not None:
            hits[tok.i] = TriggerHit(tok, entry)
    consumed |= {i for i, hit in hits.items() if _taken_by(hit, hits) or not _qualified(hit)}
    return [hit for i, hit in sorted(hits.items()) if i not in consumed]


@cache
def _focus_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    from eventcoder.focus import _forms  # focus imports this module's caller; import late

    def forms(*classes: str) -> frozenset[str]:
        return frozenset(f for cls in classes for w in words(cls) for f in _forms(w))

    return (forms("cooperative"), forms("willing", "intent") | FUTURE_AUX | {"going"},
            forms("obligation"), forms("order"))


def may_hold_construction(words_: set[str]) -> bool:
    """For the sentence filter (eventcoder.focus): whether a sentence's lower-cased words may hold a
    construction trigger, which no single trigger word announces ("Israel said it would allow ...")."""
    cooperative, intention, obligation, order = _focus_forms()
    return bool(words_ & cooperative and words_ & intention or words_ & obligation or words_ & order and "to" in words_
                or words_ & HELPED_FORMS)


# Forms of the helping verbs that may report help given (the sentence filter sees words, not lemmas).
HELPED_FORMS = frozenset({"helped", "helps", "assisted", "assists"})


def _construction(tok: Token, hits: dict[int, TriggerHit]) -> Trigger | None:
    lemma = tok.lemma_.lower()
    if lemma in words("cooperative") and match(tok) is None and _intended(tok):
        return AGREE_ENTRY
    if lemma in words("speech") and _demand_clause(tok) is not None:
        return REQUEST_ENTRY
    if lemma in ALLEGING_VERBS and _alleged_attack(tok, hits):
        return ALLEGE_ENTRY
    if lemma in HELPING_VERBS and match(tok) is None and _helped(tok):
        return AID_ENTRY
    if lemma in words("order"):
        content = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if content is not None and not any(
                (hit := match(t)) is not None and hit.event_type in ("ASSAULT", "MOBILIZE", "COERCE", "SANCTION")
                for t in content.subtree):
            return REQUEST_ENTRY
    return None


def _helped(verb: Token) -> bool:
    """Help given, not promised or described: an object noun and no clause of purpose or content."""
    if any(c.dep_ in ("xcomp", "ccomp", "aux", "neg") and c.lower_ not in ("has", "have", "had") for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBN", "VBZ") and verb.dep_ in ("ROOT", "conj", "ccomp") and \
        any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _alleged_attack(verb: Token, hits: dict[int, TriggerHit]) -> bool:
    """The verb's complement clause reports an attack by someone other than the speaker."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        hit = hits.get(clause.i)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if hit is not None and hit.entry.event_type == "ASSAULT" and subject is not None \
                and subject.pos_ != "PRON":
            return True
    return False


def _staged_protest(verb: Token, hits: dict[int, TriggerHit]) -> TriggerHit | None:
    """The protest noun a verb of organising has as its object, when the verb's subject is a crowd or a
    known actor ("Thousands staged a rally", "opposition parties organised a general strike")."""
    if verb.lemma_.lower() not in words("protest_verb") and not verb.lower_.startswith("stag"):
        return None  # ("staged" is lemmatised as "stag" by the small model)
    noun = next((hits[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in hits
                 and hits[c.i].entry.event_type == "PROTEST"), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if noun is None or subject is None:
        return None
    actor = actor_at(subject)
    crowd = subject.lower_ in _human() or subject.lemma_.lower() in _human()
    return noun if crowd or actor is not None and (actor.country or actor.sector) else None


@cache
def _human() -> frozenset[str]:
    """Head nouns of a crowd ("thousands", "residents"), from the credibility table."""
    return frozenset(row["word"] for row in read_table("credibility.tsv") if row["cls"] == "human")


def _demand_clause(verb: Token) -> Token | None:
    """The complement clause of a verb of saying whose verb carries 'must' ("said Sudan must return ...")."""
    for clause in verb.children:
        if clause.dep_ in ("ccomp", "parataxis") and clause.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "aux" and c.lower_ in words("obligation") for c in clause.children):
            return clause
    return None


def _qualified(hit: TriggerHit) -> bool:
    """'impose martial law', not 'impose sharia law': the law must be martial."""
    if hit.entry.mode != "martial-law" or hit.entry.requires != "law":
        return True
    return any(c.dep_ == "dobj" and c.lemma_ == "law" and any(m.lower_ == "martial" for m in c.children)
               for c in hit.token.children)


def _taken_by(hit: TriggerHit, hits: dict[int, TriggerHit]) -> bool:
    """A noun trigger that is the required modifier or the object of a verb trigger of another type."""
    tok = hit.token
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    holder = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "prt") else tok.head
    other = hits.get(holder.i)
    if other is None or other is hit or other.entry.event_type == hit.entry.event_type:
        return False
    if {tok.lemma_.lower(), tok.lower_} & required_words(other.entry):
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and other.entry.event_type in ("CONCEDE", "SANCTION")


def _intended(verb: Token) -> bool:
    """Promised, planned or offered: 'will allow', 'would free', 'is ready to contribute', 'wants to help'."""
    tok = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
            return not _negated(tok)
        if tok.dep_ != "xcomp":
            return False
        head = tok.head
        if head.lemma_.lower() in words("willing") or head.lemma_.lower() in words("intent"):
            return not _negated(head)
        tok = head
    return False


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _future(verb: Token) -> bool:
    """The trigger's clause speaks of a future or intended act (a future auxiliary on it or on the verbs
    whose infinitive it is, or an adjective of readiness above it)."""
    tok = verb
    if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubjpass"):
        tok = verb.head
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children) or \
                tok.lemma_.lower() in words("willing") or tok.lemma_.lower() in words("intent") and tok is not verb:
            return True
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _offered(verb: Token) -> bool:
    """An adjective of readiness or a verb of intention above the trigger (not a bare future auxiliary)."""
    tok = verb.head if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubjpass") else verb
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lemma_.lower() in words("willing") or tok.lemma_.lower() in words("intent"):
            return True
    return False


def _conditional(verb: Token) -> bool:
    """'... unless Israel rescinds', 'may halt ... if': a conditional act."""
    tok = verb.head if verb.pos_ == "NOUN" and verb.dep_ in ("dobj", "nsubjpass") else verb
    for t in [tok, *([tok.head] if tok.dep_ == "xcomp" else [])]:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in words("conditional"):
                return True
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words("conditional") for m in c.children):
                return True
    return False


def _attacked_in_words(trigger: Token) -> bool:
    """'The GOP candidates attacked Biden for being soft on Iran': an attack on a named person for what they are or
    did, with no weapon and nobody hurt, is criticism."""
    if trigger.lemma_.lower() != "attack" or trigger.pos_ != "VERB" or weapon_cue([trigger]) is not None:
        return False
    reason = any(c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pcomp" or o.dep_ == "pobj"
                                                                and o.tag_ == "VBG" for o in c.children)
                 for c in trigger.children)
    person = any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in trigger.children)
    harm = any(in_class(t, "death") or in_class(t, "injury") for t in trigger.sent)
    return reason and person and not harm


def recode_verbal(cand: Candidate) -> None:
    """Re-code a candidate by its clause once its modality is known (call after attach_modality)."""
    entry = cand.entry
    trigger = cand.trigger
    if entry.event_type == "THREATEN" and entry.mode is None and (content := _threat_content(trigger)) is not None:
        cand.entry = entry = replace(entry, mode=content)
    if entry.event_type == "ASSAULT":
        if _work_stoppage(trigger):
            cand.entry = replace(entry, event_type="PROTEST", mode="strike", cameo="14")
        elif _attacked_in_words(trigger):
            cand.entry = replace(entry, event_type="ACCUSE", mode="disapprove", cameo="11", kind="say")
        return
    kind = entry.event_type
    if kind in CROWD_DEMAND_TYPES and cand.modality == "asserted" and _said_by_protesters(trigger):
        # "hundreds of protesters demanded new elections": ACLED codes the crowd's demand as its protest
        cand.entry = replace(entry, event_type="PROTEST", mode="demo", cameo="14", kind="act")
        return
    future = _future(trigger)
    if cand.modality == "negated" and (kind == "AGREE" or future and kind in COOPERATIVE_TYPES):
        # "will not accept refugees", "would not meet the envoy": a refusal
        cand.entry = replace(entry, event_type="REJECT", mode=REJECT_MODES.get(kind), cameo="12", kind="say")
        cand.modality = "asserted"
    elif future and kind == "AGREE" and cand.modality in ("future", "hypothetical") and not _conditional(trigger):
        cand.modality = "asserted"  # "said it would allow ...": the promise is made now
    elif future and kind in COOPERATIVE_TYPES and entry.mode not in ACTS_WHEN_ANNOUNCED \
            and (kind != "CONSULT" or _offered(trigger)):
        # future SUPPORT, COOPERATE, AID (and promised yielding) are AGREE in PLOVER; a meeting only when it
        # is offered or intended ("is ready to host talks"), not when it is scheduled ("will hold talks on
        # Sunday": a planned CONSULT)
        cand.entry = replace(entry, event_type="AGREE", mode=None, cameo="03", kind="say")
        cand.modality = "asserted"
    elif kind == "PROTEST" and entry.mode in ("boycott", "strike") and (future or _conditional(trigger)) \
            or kind in PRESSURE_TYPES and (_conditional(trigger) or _ready(trigger)):
        # "will boycott the elections unless ...", "is prepared to impose martial law"
        mode = THREAT_MODES.get((kind, entry.mode or ""), "restrict")
        cand.entry = replace(entry, event_type="THREATEN", mode=mode, cameo="13", kind="say")
        cand.modality = "asserted"


# Statements a crowd of protesters makes by protesting, and the nouns for such a crowd.
CROWD_DEMAND_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator"})


def _threat_content(trigger: Token) -> str | None:
    """The mode of a threat by the act threatened ("threatened to launch a new military offensive": violence;
    "to impose import restrictions": restrict; "to stop negotiations": relations), from that act's own trigger."""
    acts = [c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for act in acts:
        for tok in [act, *(c for c in act.children if c.dep_ in ("dobj", "attr"))]:
            entry = match(tok)
            if entry is None or entry.event_type == "THREATEN":
                continue
            return THREAT_MODES.get((entry.event_type, entry.mode or ""), THREAT_MODES_BY_TYPE.get(entry.event_type))
    return None


def _said_by_protesters(trigger: Token) -> bool:
    """The verb's subject is protesters: "Protesters demand education officials be sacked"."""
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if trigger.pos_ != "VERB" or subject is None:
        return False
    crowd = [subject] + [p for of in subject.children if of.dep_ == "prep" and of.lower_ == "of"
                         for p in of.children if p.dep_ == "pobj"]  # "hundreds of protesters"
    return any(t.lemma_.lower() in PROTESTER_NOUNS for t in crowd)


def _ready(verb: Token) -> bool:
    tok = verb.head if verb.pos_ == "NOUN" and verb.dep_ == "dobj" else verb
    return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in words("willing")


def _work_stoppage(trigger: Token) -> bool:
    """'a four-day strike', 'teachers called a strike', 'went on strike': a strike from work, not an air strike."""
    if trigger.lemma_.lower() != "strike" or trigger.pos_ != "NOUN" or weapon_cue([trigger]) is not None:
        return False
    mods = {t.lower_ for c in trigger.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss")
            for t in c.subtree} | {c.lemma_.lower() for c in trigger.children}
    if mods & words("labour"):
        return True
    verb = trigger.head if trigger.dep_ in ("dobj", "nsubjpass") else \
        trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ == "on" else None
    if verb is None:
        return False
    if trigger.dep_ == "pobj" and verb.lemma_ in ("go", "be", "remain", "stay"):
        return True  # "went on strike", "are on strike"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    actor = actor_for(subject) if subject is not None else None
    return actor is not None and actor.sector in CIVIL_SECTORS
