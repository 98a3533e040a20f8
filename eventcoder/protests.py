"""A demonstration and the violence around it are one event for ACLED: a violent demonstration."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Token

from eventcoder.actors import actor_for
from eventcoder.candidates import Candidate
from eventcoder.records import Actor, refines
from eventcoder.discourse import fold_mention
from eventcoder.coding import (AMBIGUOUS_RIOT, CROWD_SECTORS, CROWD_TARGETS, GRIEVANCE_PREPS, GRIEVANCE_VERBS,
                               OUTCOME_LEMMAS, STATE_SECTORS, crowd_noun, riot_cue, weapon_cue)
from eventcoder.lexicon import words

# Sentences after a protest's own in which its crowd's violence or the police response still belong to it.
WINDOW_SENTENCES = 2
# Riot words that, outside the protest's own sentence, are as often the police's ("pushed past a barricade").
ROADBLOCK_WORDS = frozenset({"block", "blocked", "barricade", "barricades", "barricaded"})
# Weapons no crowd or riot police use: such an attack near a protest is an event of its own.
REMOTE_MODES = frozenset({"explosives", "aerial", "heavy-weapons", "drone", "suicide-attack", "abduct", "sexual"})


def escalate_protests(cands: list[Candidate]) -> list[Candidate]:
    """Fold the violence of a protest's crowd, or against it, into the protest, which becomes a riot;
    a riot word near the protest ("the rioters burnt tyres") does the same without a second event."""
    sentences = _sentence_indexes(cands)
    cands = _join_retold_protests(cands, sentences)
    kept: list[Candidate] = []
    every_protest = [c for c in cands if c.event_type == "PROTEST"]
    protests = [c for c in every_protest if c.modality == "asserted"]
    grievances = {id(p): _grievance_stems(p) for p in protests}
    for cand in cands:
        if any(_inside_grievance(cand, p) or _grievance_retold(cand, p, grievances[id(p)])
               for p in protests if p is not cand):
            continue  # "held a protest for justice to a youth who was killed": what the protest is about
        if any(_crowd_claim(cand, p, sentences) for p in every_protest):
            continue  # "workers staged a protest demanding their wages": the protest's demand, not a second event
        protest = next((p for p in protests if p is not cand and _belongs(cand, p, sentences)), None)
        if protest is None:
            kept.append(cand)
            continue
        _fold_into(protest, cand)
    for protest in protests:
        response = _police_words_near(protest) if protest.police_response is None else None
        protest.met_by_state = protest.police_response is not None or response is not None or _police_named(protest)
        if protest.entry.mode != "riot" and _riot_words_near(protest, ignore=AMBIGUOUS_RIOT if response else frozenset()):
            protest.entry = replace(protest.entry, mode="riot")
        elif response is not None:
            protest.police_response = response
    return kept


def _join_retold_protests(cands: list[Candidate], sentences: dict[int, int]) -> list[Candidate]:
    """A protest told again by its crowd just after ("Jubilee supporters protest ... The protesters burnt tyres in
    Kiambu.", "They marched through the streets to Nandi Gardens"), on no other day or in no other place, is the
    same demonstration: ACLED codes one event per place and day. The retelling fills in what the first lacks, and
    its violence makes the demonstration a riot."""
    kept: list[Candidate] = []
    for cand in cands:
        protest = next((p for p in reversed(kept) if _retold(cand, p, sentences)), None)
        if protest is None:
            kept.append(cand)
            continue
        fold_mention(cand, protest)
        if cand.place is not None and protest.place is not None and refines(cand.place, protest.place):
            protest.place, protest.evidence_sent = cand.place, cand.sent  # "Baringo county residents" ... "in Kabarnet"
        if cand.entry.mode == "riot" and protest.entry.mode != "riot":
            protest.entry = replace(protest.entry, mode="riot")
        protest.police_response = protest.police_response or cand.police_response
    return kept


def _retold(cand: Candidate, protest: Candidate, sentences: dict[int, int]) -> bool:
    """A later asserted protest by the same or an unnamed crowd, within the protest's window, whose own date and place,
    where it has them, are the protest's (or a town of its region: "Baringo county residents" ... "in Kabarnet")."""
    if cand.event_type != "PROTEST" or protest.event_type != "PROTEST" or cand.modality != "asserted" \
            or protest.modality != "asserted" or not 0 < sentences[id(cand)] - sentences[id(protest)] <= WINDOW_SENTENCES:
        return False
    if cand.date is not None and protest.date is not None and cand.date.value != protest.date.value:
        return False
    if cand.place is not None and protest.place is not None and cand.place.name != protest.place.name \
            and not refines(cand.place, protest.place) and not refines(protest.place, cand.place):
        return False
    return cand.source is None or _crowd(cand.source) and (protest.source is None or _crowd(protest.source)) \
        or protest.source is not None and cand.source.name == protest.source.name


def _police_named(protest: Candidate) -> bool:
    """The police named in the protest's sentence or the next ("Clashes erupt between protesters and police",
    "Students protest ... Police engage the group"): the crowd faced them."""
    sents = list(protest.trigger.doc.sents)
    index = _sentence_index(protest)
    for sent in sents[index: index + 2]:
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("compound", "amod") and not _speaker(tok) \
                    and (actor := actor_for(tok)) is not None and actor.sector == "COP":
                return True
    return False


def _speaker(tok: Token) -> bool:
    """'Police said the protest was peaceful': the police tell of the protest, they do not face it."""
    verb = tok.head.lemma_.lower()
    return tok.dep_ == "nsubj" and (verb in words("speech") or verb in words("reporting"))


def _sentence_indexes(cands: list[Candidate]) -> dict[int, int]:
    """The number of each candidate's sentence in its doc, by the candidate's id (each doc's sentences read once)."""
    starts: dict[int, list[int]] = {}
    out = {}
    for cand in cands:
        doc = cand.trigger.doc
        if id(doc) not in starts:
            starts[id(doc)] = [sent.start for sent in doc.sents]
        out[id(cand)] = bisect_right(starts[id(doc)], cand.trigger.i) - 1
    return out


def _sentence_index(cand: Candidate) -> int:
    return next(i for i, s in enumerate(cand.trigger.doc.sents) if s.start <= cand.trigger.i < s.end)


def _belongs(cand: Candidate, protest: Candidate, sentences: dict[int, int]) -> bool:
    """Violence of the crowd, or of the state against it, within the protest's window; or the arrest of
    its demonstrators ("Police made arrests.", "Police arrested 2, and the remaining demonstrators fled.")."""
    distance = sentences[id(cand)] - sentences[id(protest)]
    if _arrest_of_crowd(cand) and cand.modality == "asserted":
        # not the arrest the protest is about ("protested the release of students who had been arrested")
        grievance = cand.trigger.dep_ in ("relcl", "acl") or protest.trigger.i in {a.i for a in cand.trigger.ancestors}
        return 0 <= distance <= WINDOW_SENTENCES and not grievance
    if cand.event_type != "ASSAULT" or cand.modality != "asserted":
        return False
    if not 0 <= distance <= WINDOW_SENTENCES or cand.entry.mode in REMOTE_MODES or _grievance_of(cand, protest):
        return False
    cue = weapon_cue([cand.trigger, *cand.mentions])
    if cue is not None and cue.mode in REMOTE_MODES:
        return False
    return _by_crowd(cand, protest) or _response(cand, protest)


# Links from a protest down to what it is about ("a youth who was killed", "demanding the arrest of those who
# torched ..."), and the prepositions that introduce it: violence below one of them is the grievance.
GRIEVANCE_LINKS = frozenset({"relcl", "acl", "ccomp"})
GRIEVANCE_WORDS = GRIEVANCE_PREPS | {"for", "after", "following", "demanding", "demand"}
# Verbs that tell what set a protest off: the violence with them is its cause, not its act.
CAUSE_VERBS = frozenset({"spark", "trigger", "prompt", "cause", "provoke", "ignite", "fuel", "spur"})
PROTEST_WORDS = frozenset({"protest", "demonstration", "demo", "march", "riot", "unrest", "strike", "outrage"})


def _grievance_of(cand: Candidate, protest: Candidate) -> bool:
    """Violence that is not the crowd's act at this protest: what the protest is about, or violence dated to
    another day than the protest ("Sternenko stabbed a man ... on 24 May 2018")."""
    if cand.date is not None and protest.date is not None and cand.date.value != protest.date.value \
            and not cand.date_inherited:
        return True
    return _inside_grievance(cand, protest) or _cause_of_protest(cand.trigger)


def _grievance_retold(cand: Candidate, protest: Candidate, grievance: frozenset[str]) -> bool:
    """Violence told after the protest's sentence with a word of what the protest was about (`grievance`, its
    `_grievance_stems`): "staged a protest over the killing of their relative. ... the victim was killed after a
    business deal went sour" (the grievance again, not the crowd's act)."""
    if cand.event_type != "ASSAULT" or cand.trigger.sent.start <= protest.trigger.sent.start:
        return False
    return _stem(cand.trigger) in grievance


def _grievance_stems(protest: Candidate) -> frozenset[str]:
    """The stems of the words of the protest's sentence that tell what it is about."""
    head = _clause_head(protest.trigger)
    return frozenset(_stem(t) for t in protest.trigger.sent if t.i != protest.trigger.i and (
        _below_grievance(t, protest.trigger) or head.i != protest.trigger.i and _below_grievance(t, head)))


def _stem(tok: Token) -> str:
    """A verb's or its gerund's lemma: "killing" and "killed" are both "kill"."""
    lemma = tok.lemma_.lower()
    return lemma[:-3] if lemma.endswith("ing") and len(lemma) > 5 else lemma


# Statements a crowd makes by demonstrating: its demands, denunciations and refusals are what the protest is for.
CROWD_CLAIM_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})
# Sentences after a protest's own in which its crowd's demands still belong to it ("Rioters also demand ...").
CLAIM_WINDOW = 1


def _crowd_claim(cand: Candidate, protest: Candidate, sentences: dict[int, int]) -> bool:
    """A demand or denunciation voiced by the protest's crowd (or by nobody named) in its sentence or the next."""
    if cand.event_type not in CROWD_CLAIM_TYPES or protest.modality != cand.modality:
        return False
    if not 0 <= sentences[id(cand)] - sentences[id(protest)] <= CLAIM_WINDOW:
        return False
    speaker = cand.source
    return speaker is None or speaker.sector in CROWD_SECTORS or speaker.sector is None and not speaker.country \
        or protest.source is not None and _same_crowd(speaker, protest.source)


def _same_crowd(a: Actor, b: Actor) -> bool:
    return (a.name or a.text).lower() == (b.name or b.text).lower()


def _inside_grievance(cand: Candidate, protest: Candidate) -> bool:
    """Violence told inside the protest's own clause below a preposition, an object or a relative clause, inside
    the crowd's own name ("victims of Molo ethnic clashes held a demonstration"), or as its cause ("the
    demonstration was sparked by recent murders"); so are a curfew, arrest or seizure told there ("protested over
    ... after the administration extended curfew")."""
    if cand.event_type not in ("ASSAULT", "COERCE") or protest.trigger.sent.start != cand.trigger.sent.start:
        return False
    head = _clause_head(protest.trigger)  # "a demonstration was staged to commemorate the massacres"
    return _below_grievance(cand.trigger, protest.trigger) or _in_crowd_name(cand.trigger, protest.trigger) \
        or head.i != protest.trigger.i and _below_grievance(cand.trigger, head) or _cause_of_protest(cand.trigger)


def _clause_head(trigger: Token) -> Token:
    """The verb a protest is told with: the trigger itself, or the verb that holds it ("held a demonstration")."""
    return trigger.head if trigger.dep_ in ("dobj", "nsubj", "nsubjpass") else trigger


def _in_crowd_name(tok: Token, trigger: Token) -> bool:
    """A word inside the subject of the protest's clause: "victims of Molo ethnic clashes" held the protest."""
    head = _clause_head(trigger)
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != trigger.i]
    return any(tok.i != s.i and tok in s.subtree for s in subjects)


def _cause_of_protest(tok: Token) -> bool:
    """Violence that set a protest off: "the demonstration was sparked by recent murders", "killings triggered
    protests"."""
    for verb in tok.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in CAUSE_VERBS:
            roles = {c.dep_: c for c in verb.children}
            cause = roles.get("agent") if "nsubjpass" in roles else roles.get("nsubj")
            effect = roles.get("nsubjpass") or roles.get("dobj")
            return cause is not None and effect is not None and tok in cause.subtree \
                and effect.lemma_.lower() in PROTEST_WORDS
    return False


def _below_grievance(tok: Token, trigger: Token) -> bool:
    """A word below the protest's trigger through a preposition, an object or a relative clause: what the
    protest is about ("a demonstration to advocate for peace and shun violence")."""
    path: list[Token] = []
    while tok.head.i != tok.i and tok.i != trigger.i:
        path.append(tok)
        tok = tok.head
    if tok.i != trigger.i:
        return False
    # "protested the murder of a man", "staged to commemorate the massacres": the object of a verb of grievance;
    # "staged a protest after a colleague was murdered": a clause introduced by "after" is what went before
    return any(t.dep_ in GRIEVANCE_LINKS or t.lower_ in GRIEVANCE_WORDS
               or t.dep_ == "dobj" and t.head.lemma_.lower() in GRIEVANCE_VERBS
               or t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in GRIEVANCE_WORDS for c in t.children)
               for t in path)


def _arrest_of_crowd(cand: Candidate) -> bool:
    """An arrest or a dispersal by the state, or by no one named, of people who are no one else: the crowd's."""
    return cand.event_type == "COERCE" and cand.entry.mode in ("arrest", "disperse") \
        and (cand.source is None or cand.source.sector in STATE_SECTORS) \
        and (cand.target is None or _crowd(cand.target))


def _by_crowd(cand: Candidate, protest: Candidate) -> bool:
    if _response(cand, protest):
        return False
    return cand.source is None or _crowd(cand.source) or \
        (protest.source is not None and cand.source.name == protest.source.name)


def _response(cand: Candidate, protest: Candidate) -> bool:
    """Police or soldiers acting on the demonstrators ('police shot two demonstrators'), or the
    demonstrators harmed by someone unnamed ('several protesters were beaten with batons')."""
    on_crowd = cand.target is not None and (_crowd(cand.target)
                                            or (protest.source is not None and cand.target.name == protest.source.name))
    if cand.source is None:
        # "two people were killed in the protest after security forces used tear gas and bullets": by the state
        killed_unnamed = cand.target is None and cand.trigger.lemma_.lower() in OUTCOME_LEMMAS
        return on_crowd or killed_unnamed and _police_words_near(protest) is not None
    return cand.source.sector in STATE_SECTORS and (cand.target is None or on_crowd)


def _crowd(actor) -> bool:
    """A crowd by its name ("protesters", "CORD protesters") or by its sector (civilians, a party's people)."""
    return actor is not None and (crowd_noun(actor) in CROWD_TARGETS or actor.sector in CROWD_SECTORS)


def _fold_into(protest: Candidate, violence: Candidate) -> None:
    """The crowd's violence makes a riot; the state's force on a peaceful crowd makes an intervention,
    excessive when it kills or wounds."""
    if _response(violence, protest) or _arrest_of_crowd(violence):
        protest.target = protest.target or violence.source
        harmed = bool(violence.fatalities or violence.injuries)
        if protest.police_response != "excessive-force":
            protest.police_response = "excessive-force" if harmed else "intervention"
    else:
        protest.entry = replace(protest.entry, mode="riot")
        protest.target = protest.target or (violence.target if not _crowd(violence.target) else None)
    protest.fatalities = _total(protest.fatalities, violence.fatalities)
    protest.injuries = _total(protest.injuries, violence.injuries)
    protest.mentions.append(violence.trigger)


def _total(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _window(protest: Candidate) -> list[Token]:
    """The protest's sentence and the sentences after it that still speak of it."""
    sents = list(protest.trigger.doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start <= protest.trigger.i < s.end)
    return [tok for s in sents[index: index + WINDOW_SENTENCES + 1] for tok in s]


def _police_words_near(protest: Candidate) -> str | None:
    """Tear gas, water cannon, dispersal or arrests near a protest: the state intervened; with deaths,
    injuries or words of brutality, it used excessive force."""
    window = [tok for tok in _window(protest) if tok.lower_ not in words("crowd_arrest") or _arrest_at(tok, protest)]
    keys = {tok.lower_ for tok in window} | {tok.lemma_.lower() for tok in window}
    if not keys & (words("crowd_control") | words("crowd_arrest")):
        return None
    harm = words("excessive_force") | words("death") | words("injury")
    return "excessive-force" if keys & harm else "intervention"


def _arrest_at(tok: Token, protest: Candidate) -> bool:
    """An arrest told in the protest's own sentence as a fact, not the cause of the protest ("protest the
    release of students who had been arrested") nor a demand ("should be arrested")."""
    return tok.sent.start <= protest.trigger.i < tok.sent.end and tok.dep_ != "relcl" \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children)


def _riot_words_near(protest: Candidate, ignore: frozenset[str] = frozenset()) -> bool:
    """A riot word in the protest's window (`ignore`: words that count only on the protest itself,
    "violently protest")."""
    cues = words("riot_cue") - ROADBLOCK_WORDS - ignore
    return any((riot_cue(tok, cues) or tok.lower_ in ignore and tok.head == protest.trigger)
               and not _below_grievance(tok, protest.trigger)
               for tok in _window(protest))  # not "riot police", not the grievance
