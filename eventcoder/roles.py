"""Source and target of an event from the dependency parse around its trigger."""

from __future__ import annotations

from spacy.tokens import Token

from eventcoder.actors import actor_for, generic, known_actor
from eventcoder.records import Actor
from eventcoder.lexicon import in_class, words
from eventcoder.triggers import LIGHT_VERBS

SUBJECT_DEPS = frozenset({"nsubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass"})
OBJECT_DEPS = frozenset({"dobj"})
# Prepositions that introduce the recipient of an event ("against US forces", "talks with Washington").
TARGET_PREPS = frozenset({"against", "on", "towards", "toward", "at", "with", "to", "upon"})
# Verbs whose object is the target of the event that is their subject ("the strike targeted X").
TARGETING_VERBS = frozenset({"target", "hit", "kill", "strike", "wound", "injure", "claim", "disperse"})
# Dependents that open a clause of their own, whose arguments belong to another event.
CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "relcl", "conj", "parataxis"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})
# "those who", "anyone": generic referents that name no actor.
GENERIC_PRONOUNS = frozenset({"those", "anyone", "everyone", "someone", "who", "whom"})


def resolve_token(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies."""
    if token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
        while clause.dep_ not in ("relcl", "ROOT") and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


def actor_at(token: Token | None) -> Actor | None:
    """The actor a token heads, following relative pronouns and 'the actions of X'."""
    if token is None:
        return None
    token = resolve_token(token)
    if token.lower_ in GENERIC_PRONOUNS:
        return None
    actor = _actor_named(token)
    if actor is None or _generic_role(token, actor):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                group = _actor_named(obj)
                if actor is None or group is not None and group.sector is not None:
                    actor = group
    return actor


def _generic_role(token: Token, actor: Actor) -> bool:
    """A place in a group named by its generic noun ("the leader of Hamas", "a commander of the Taliban"): the group
    "of" names says whose side the person is on."""
    return actor.country is None and actor.name == token.lower_ and in_class(token, "group_role")


def _actor_named(token: Token) -> Actor | None:
    """The dictionary's actor for a token; drugs name none (the model takes "marijuana" for a person or a group)."""
    return None if token.lower_ in words("drug") else actor_for(token)


def _child(token: Token, deps: frozenset[str]) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions among `preps`, dates and times left out ("on Monday")."""
    found = []
    for prep in token.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in preps:
            obj = _child(prep, frozenset({"pobj"}))
            if obj is not None and obj.ent_type_ in ("DATE", "TIME"):
                obj = _name_before_date(obj)
            if obj is not None and not (prep.lower_ == "on" and obj.lower_ in words("street_noun")):
                found.append(obj)  # (not "on al-Nidhal Street": where it happened)
    return found


def _name_before_date(date: Token) -> Token | None:
    """'met with President Bashar Assad Tuesday': the parser makes the date the head of the name before it."""
    names = [c for c in date.lefts if c.dep_ == "compound" and c.ent_type_ not in ("", "DATE", "TIME")]
    return names[-1] if names else None


def _prep_object(token: Token, preps: frozenset[str]) -> Token | None:
    found = _prep_objects(token, preps)
    return found[0] if found else None


def _agent(token: Token) -> Token | None:
    """'by X' of a passive verb or of a participle attached to a noun trigger."""
    for holder in [token] + [c for c in token.children if c.dep_ in ("acl", "relcl")]:
        agent = _child(holder, frozenset({"agent"}))
        if agent is not None:
            return _child(agent, frozenset({"pobj"}))
    return None


# Verbs whose object is the means of the act in their complement ("used artillery to bombard areas").
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise"})
# Links climbed to find the subject of a verb that has none of its own ("vowed to attack",
# "its commitment to avenging ..."); other links start a clause with a subject of its own.
SUBJECT_CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "acomp", "attr"})
MAX_CLIMB = 6


def missed_predicate(verb: Token) -> bool:
    """A verb with an object, or in a finite past form, that the parser hung as a modifier on the noun it made the
    sentence's root: the sentence's predicate, whose subject that noun is (a participle that describes a noun takes
    no object and is no finite form: "Indian nationals clashed with police" is not "nationals killed in ...")."""
    head = verb.head
    return verb.dep_ == "acl" and verb.pos_ == "VERB" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") \
        and verb.i > head.i and (_child(verb, OBJECT_DEPS) is not None or verb.tag_ == "VBD")


def _subject_of_a_verb_read_as_noun(verb: Token) -> Token | None:
    """'a gendarme shot and killed a taxi driver': a finite verb joined to a root the parser read as a noun ("gendarme
    shot") shares that root's subject, the actor noun the parser hung on it as a compound."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBD" or head.dep_ != "ROOT" or head.pos_ != "NOUN":
        return None
    return next((c for c in head.children if c.dep_ == "compound" and c.i < head.i
                 and (generic(c) is not None or c.ent_type_ in ("ORG", "NORP", "PERSON"))), None)


def clause_subject(verb: Token) -> Token | None:
    """Subject of a verb, climbing through control verbs, coordination and nominal complements."""
    tok = verb
    for _ in range(MAX_CLIMB):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS and not _part_of_a_date(c)]
        if subjects:
            # two subjects on one verb, a conjunction between them: the parser joined a headline's noun to the clause
            # after it ("9 cattle rustlers shot dead by police a week after Kibaki visited the area"): the one after
            # the conjunction is the verb's own
            mark = next((c for c in tok.children if c.dep_ == "mark" and subjects[0].i < c.i < tok.i), None)
            return subjects[0] if mark is None else min((c for c in subjects if c.i > mark.i), key=lambda c: c.i,
                                                        default=subjects[0])
        if missed_predicate(tok):
            return tok.head  # "On 9 May, regime forces brought in military reinforcements": forces (the root) act
        if (doer := _subject_of_a_verb_read_as_noun(tok)) is not None:
            return doer  # "a gendarme shot and killed a driver": the parser made "gendarme shot" a noun
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.dep_ == "dobj" and in_class(tok.head, "document"):
            tok = tok.head.head  # "Hamas released a statement calling on Arab states ...": who issued it calls
            continue
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() not in INSTRUMENT_VERBS:
            obj = _child(tok.head, OBJECT_DEPS)  # "urged the army to attack": the army (not "used artillery to bombard")
            if obj is not None:
                return obj
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i and _child(tok.head, SUBJECT_DEPS) is None \
                and not (tok.dep_ == "conj" and tok.tag_ == "VBN" and _child(tok, frozenset({"aux"})) is None):
            # "Obama is scheduled to attend", "the minister was indicted ... and will resign": the passive
            # subject of the verb above is the doer of this one (no agent can be meant); a bare participle in
            # coordination shares the passive instead ("was arrested and released on bail")
            passive = _child(tok.head, PASSIVE_SUBJECT_DEPS)
            if passive is not None and not _acts_on_the_victim(tok):
                return passive
        if tok.dep_ not in SUBJECT_CLIMB_DEPS or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _acts_on_the_victim(verb: Token) -> bool:
    """'Furio was killed ... when men approached Furio and shot him': a verb with an object, joined to a passive of
    harm, tells what was done to its subject, who does not do it."""
    return verb.dep_ == "conj" and verb.head.lemma_.lower() in VICTIM_VERBS and _child(verb, OBJECT_DEPS) is not None


def _part_of_a_date(tok: Token) -> bool:
    """A date the parser made a subject ("Around 1 May 2020, the military forces killed ...": "1")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.like_num and any(c.ent_type_ == "DATE" for c in tok.children)


def _effort_of(trigger: Token) -> Token:
    """The undertaking a talks word names the kind of ("launched a mediation effort"): it bears the roles."""
    return trigger.head if trigger.dep_ == "compound" and in_class(trigger.head, "effort_noun") else trigger


def source_token(trigger: Token, *, is_trigger) -> Token | None:
    """The token naming who acts."""
    trigger = _effort_of(trigger)
    _, undergone_from = undergoer(trigger)
    if undergone_from is not None:
        return undergone_from
    giver = _giver(trigger)
    if giver is not None:
        return giver
    if trigger.pos_ == "VERB":
        # "by X" names the doer even when the passive subject hangs elsewhere ("was shot and killed by X")
        agent = _agent(trigger)
        if agent is None and _child(trigger, PASSIVE_SUBJECT_DEPS) is not None:
            return _circumstance_author(trigger)
        if agent is not None:
            return agent
        if headline_passive(trigger) or headline_chain_victim(trigger) is not None \
                or _subject_of_the_passive_clause(trigger) is not None:
            return None  # the subject is the victim
        subject = clause_subject(trigger) or _named_subject_in_place_list(trigger)
        if subject is not None and not is_trigger(subject) and (author := operation_author(subject)) is not None:
            return author  # "an operation by Afghan special forces killed 18 Taliban": its authors
        if subject is not None and subject.lemma_.lower() in words("projectile") \
                and (by := _agent(subject) or _prep_object(subject, frozenset({"by"}))) is not None:
            return by  # "shells fired by presumed LNA forces fell in Bir", "shells by LNA forces killed two"
        return _after_place_list(subject, trigger) if subject is not None else None
    agent = _agent(trigger) or _prep_object(trigger, frozenset({"by"}))
    if agent is not None:
        return agent
    poss = _child(trigger, frozenset({"poss"}))
    if poss is not None and poss.pos_ == "PRON" and trigger.head.lemma_.lower() in words("repel"):
        return None  # "forces repulsed their attack": the attackers, never the ones who repelled them
    if poss is not None:
        return clause_subject(trigger) if poss.pos_ == "PRON" else poss
    for mod in trigger.children:
        if mod.dep_ in ("amod", "compound", "nmod") and mod.ent_type_ in ("GPE", "NORP", "ORG"):
            return mod
    if trigger.dep_ in ("ROOT", "nsubj"):
        # "A vigilante mob attack and kill a robbery suspect", "a bandit attack left two dead": the doers named
        # before the act the sentence tells
        doer = next((m for m in trigger.children if m.dep_ in ("compound", "nmod") and m.pos_ == "NOUN"
                     and (entry := generic(m)) is not None
                     and (entry.sector in NOUN_ATTACKER_SECTORS or in_class(m, "gathering"))), None)
        if doer is not None:
            return doer
    author = operation_author(trigger) if trigger.dep_ == "nsubj" else None  # "a police raid killed two"
    if author is not None:
        return author
    return _light_verb_subject(trigger, is_trigger=is_trigger) or _adverbial_holder(trigger, is_trigger, SUBJECT_DEPS)


# Sectors of a generic actor that, modifying the event noun a sentence tells, did it ("a bandit attack"; also a crowd:
# "a mob attack"; not "a police attack", said of either side).
NOUN_ATTACKER_SECTORS = frozenset({"UAF", "CRM", "PRM", "REB"})
# Nouns of an operation whose author is the author of the deaths in it ("killed during a police raid").
OPERATION_NOUNS = frozenset({"raid", "operation", "operations", "offensive", "crackdown", "patrol", "ambush", "assault",
                             "attack", "strike", "strikes", "airstrike", "airstrikes", "shelling", "bombardment"})


def _circumstance_author(verb: Token) -> Token | None:
    """'were killed during a police raid', 'killed in an operation by police special units': who ran the operation
    the passive's victims died in."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("during", "in", "amid"):
            continue
        for op in prep.children:
            if op.dep_ == "pobj" and (author := operation_author(op)) is not None:
                return author
    return None


def operation_author(op: Token) -> Token | None:
    """Who ran an operation, raid or offensive: its "by" ("an operation by police special units") or an armed actor
    that modifies it ("a police raid", "the army's offensive")."""
    if op.lemma_.lower() not in OPERATION_NOUNS:
        return None
    by = _prep_object(op, frozenset({"by"})) or _agent(op)
    if by is not None:
        return by
    return next((m for m in op.children if m.dep_ in ("compound", "amod", "nmod", "poss")
                 and not in_class(m, "unmanned")  # (a drone strike is the weapon's, not an actor's)
                 and (actor := actor_for(m)) is not None and actor.sector in ("MIL", "COP", "REB", "PRM")), None)


# Verbs whose object is always the victim: with a subject, no object, no auxiliary and a circumstance after them
# ("in an attack", "during a raid"), a headline's passive.
VICTIM_VERBS = frozenset({"kill", "injure", "wound", "murder", "behead", "lynch", "massacre", "abduct", "kidnap",
                          "hack", "maim"})
HEADLINE_CIRCUMSTANCE_PREPS = frozenset({"in", "on", "during", "after", "inside", "near"})
# Conjunctions of a clause that tells the circumstance of a headline's passive ("killed when raiders attack").
HEADLINE_CIRCUMSTANCE_MARKS = frozenset({"when", "after", "as", "while"})
# "Soldier shot in Garissa" is a headline's passive; "police shot in the air" is not: where it was fired.
SHOT_INTO = frozenset({"air"})


def headline_passive(verb: Token) -> bool:
    """'Trader stabbed to death in Eldoret', 'Kenyan police reservist shot dead', 'Two herders killed in banditry
    attack': a headline's past form with a subject, no object and a death phrase (or a victim verb and its
    circumstance) is a passive without its auxiliary, and its subject the victim."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN") or _child(verb, OBJECT_DEPS) is not None \
            or _child(verb, SUBJECT_DEPS) is None:
        return False
    if (verb.lemma_.lower() in VICTIM_VERBS or verb.lemma_.lower() == "shoot" and not _shot_into_the_air(verb)) \
            and verb.dep_ != "conj" \
            and not any(c.dep_ in ("aux", "auxpass") or c.dep_ == "conj" and c.pos_ == "VERB" for c in verb.children) \
            and any(c.dep_ == "prep" and c.i > verb.i and c.lower_ in HEADLINE_CIRCUMSTANCE_PREPS
                    or c.dep_ == "advcl" and c.i > verb.i and _marked_by(c, HEADLINE_CIRCUMSTANCE_MARKS)
                    for c in verb.children):
        return True
    return any(c.lower_ == "dead" and c.dep_ in ("acomp", "oprd", "advmod", "xcomp")
               or c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children)
               # "Trader ambushed and killed by robbers": a joined participle with its agent
               or c.dep_ == "conj" and c.tag_ == "VBN" and any(g.dep_ == "agent" for g in c.children)
               and not any(g.dep_ in ("aux", "auxpass") or g.dep_ in SUBJECT_DEPS for g in c.children)
               for c in verb.children)


def _shot_into_the_air(verb: Token) -> bool:
    return any(o.lower_ in SHOT_INTO for p in verb.children if p.dep_ == "prep" for o in p.children)


def _marked_by(clause: Token, marks: frozenset[str]) -> bool:
    """A clause opened by one of `marks` ("when raiders attack")."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in marks and c.i < clause.i for c in clause.children)


def headline_chain_victim(verb: Token) -> Token | None:
    """'1 priest dragged from his car and killed', 'Woman abducted and murdered': a victim verb's participle joined
    to a headline's passive without its auxiliary (a past form with a subject, no object) shares its subject, the
    victim."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.lemma_.lower() not in VICTIM_VERBS \
            or head.pos_ != "VERB" or head.tag_ not in ("VBD", "VBN") or head.dep_ != "ROOT" \
            or head.lemma_.lower() not in words("handling"):
        return None
    if any(c.dep_ in OBJECT_DEPS or c.dep_ in SUBJECT_DEPS for c in verb.children) \
            or any(c.dep_ in OBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in head.children):
        return None
    return _child(head, SUBJECT_DEPS)


def _after_place_list(subject: Token, verb: Token) -> Token:
    """'On Saturday, in Mosul, Ninawa, Iraq, unknown gunmen attacked ...': the parser takes a place of the
    opening list for the subject and hangs the real one on it, or makes both subjects; the noun right before the
    verb and its auxiliaries acts ("Pakistan, a former military officer was abducted")."""
    listed = subject.pos_ == "PROPN" and subject.i + 1 < len(subject.doc) and subject.doc[subject.i + 1].text == ","
    # (or a distance the list opened with: "in the area of Los Balsos five kilometers from El Tarra, ..., FARC bombed")
    if subject.ent_type_ not in ("GPE", "LOC", "FAC", "PERSON", "QUANTITY") and not listed or subject.i > verb.i:
        return subject  # (a name before a comma the model left untyped: "in Aral Moreira, Mato Grosso do Sul,")
    verb = subject.head if subject.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS else verb  # (the verb a conj shares)
    hung = [t for t in subject.subtree if t.dep_ in ("appos", "conj") and t.pos_ in ("NOUN", "PROPN")
            and subject.i < t.i < verb.i and t.ent_type_ not in ("GPE", "LOC", "FAC")]
    hung += [t for t in verb.children if t.dep_ == subject.dep_ and subject.i < t.i < verb.i
             and t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("GPE", "LOC", "FAC")]
    auxiliaries = [t.i for t in verb.children if t.dep_ in ("aux", "auxpass", "neg") and t.i < verb.i]
    end = min(auxiliaries, default=verb.i) - 1
    while end > subject.i and subject.doc[end].is_punct and subject.doc[end].text != ",":
        end -= 1  # "Revolutionary Armed Forces of Colombia (FARC) bombed": the closing bracket
    # the last item of the list, not a name joined to it by "and" ("Chin State, the Myanmar military and AA clashed":
    # the military, with AA its partner; "Ahamadul Akjam, a village councilor, and Nurhussin Ladja were wounded")
    items = [t for t in hung if t.right_edge.i == end and not _joined_by_and(t)]
    return max(items, key=lambda t: t.i, default=subject)


def _joined_by_and(tok: Token) -> bool:
    """A conjunct whose phrase follows "and"/"or" (not a comma of a list)."""
    i = tok.left_edge.i - 1
    while i > 0 and tok.doc[i].is_space:
        i -= 1
    return tok.dep_ == "conj" and i >= 0 and tok.doc[i].dep_ == "cc"


# Prepositions that set an event noun as the circumstance of a clause ("during a visit", "in a firefight").
CIRCUMSTANCE_PREPS = frozenset({"during", "in", "on"})
# Verbs whose subject undergoes, not performs, the event in their prepositional phrase ("died in an attack").
UNDERGOING_VERBS = frozenset({"die", "be", "get", "remain", "survive", "perish", "lose", "suffer", "trap", "catch",
                              "injure", "wound", "kill", "involve", "arrest", "detain", "hurt", "stay", "live"})


def _adverbial_holder(noun: Token, is_trigger, deps: frozenset[str]) -> Token | None:
    """'Syrian rebels engaged Filipino peacekeepers in a firefight', 'held talks during a visit to Beirut': an
    event noun in a circumstance phrase of an active verb that is no trigger takes that verb's subject as its
    source (deps nsubj) or its object as its target (deps dobj)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in CIRCUMSTANCE_PREPS or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or is_trigger(verb) or verb.lemma_.lower() in UNDERGOING_VERBS or \
            _child(verb, PASSIVE_SUBJECT_DEPS) is not None:
        return None
    return _child(verb, deps)  # the verb's own subject only: a climbed one may be someone else ("accused X of
    # participating in attacks")


# Verbs whose subject takes part in the event their "in" phrase names.
ENGAGING_VERBS = frozenset({"engage"})


def _light_verb_subject(noun: Token, *, is_trigger) -> Token | None:
    """'KH issued a rebuke', 'Baghdad announced the resumption of talks': the light verb's subject."""
    tok = noun
    for _ in range(3):
        if tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head
            continue
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in LIGHT_VERBS and not is_trigger(tok.head):
            if tok.dep_ != "dobj":
                return _agent(tok.head)
            subject = clause_subject(tok.head)  # ("in Trujillo, La Libertad, health workers ... staged a protest")
            return _after_place_list(subject, tok.head) if subject is not None else None
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_ in ENGAGING_VERBS:
            # "the military engaged in a fire fight with separatists" (the parser may hang the verb on its subject)
            verb = tok.head.head
            return clause_subject(verb) or (verb.head if verb.dep_ == "acl" else None)
        return None
    return None


# Verbs of receiving: "received weapons from the government" is the government's act towards the subject.
RECEIVING_VERBS = frozenset({"receive", "obtain", "get"})


def _giver(trigger: Token) -> Token | None:
    """'X received assurances from Y': Y, the source of what X received."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in RECEIVING_VERBS:
        return None
    obj = _child(trigger, OBJECT_DEPS)
    return _prep_object(trigger, frozenset({"from"})) or (_prep_object(obj, frozenset({"from"})) if obj else None)


# Verbs whose subject undergoes the event noun in their complement ("KH has been subjected to sanctions").
UNDERGO_VERBS = frozenset({"subject", "face", "suffer", "endure", "undergo", "expose"})


def undergoer(trigger: Token) -> tuple[Token | None, Token | None]:
    """(target, source) when an event noun is what its clause's subject undergoes, else (None, None)."""
    tok = trigger.head if trigger.dep_ == "conj" else trigger
    if tok.dep_ == "pobj":
        tok = tok.head
    verb = tok.head
    if tok.dep_ not in ("prep", "dobj") or verb.lemma_ not in UNDERGO_VERBS:
        return None, None
    # "faces pressure from Congress": the noun's 'from' names the source when the verb has no agent
    return _child(verb, frozenset({"nsubj", "nsubjpass"})), _agent(verb) or _prep_object(trigger, frozenset({"from"}))


# Participles that say what a weapon was aimed at ("a device targeting a convoy").
AIMED_VERBS = frozenset({"target", "aim"})
# Nouns of a requested departure: "calls for the withdrawal of foreign troops" is aimed at the troops.
DEPARTURE_NOUNS = frozenset({"departure", "withdrawal", "exit", "expulsion", "pullout", "removal", "release"})


def _who_should_leave(trigger: Token) -> Token | None:
    """'calls for the departure of foreign troops', 'demanded the withdrawal of US forces': the ones asked to go."""
    for tok in list(trigger.children) + [o for p in trigger.children if p.dep_ == "prep" for o in p.children]:
        if tok.lemma_.lower() in DEPARTURE_NOUNS and tok.dep_ in ("dobj", "pobj"):
            return _prep_object(tok, frozenset({"of"}))
    return None


# Verbs of taking things or land from someone ("confiscated weapons from X", "captured the town from Y").
SEIZING_VERBS = frozenset({"seize", "confiscate", "capture", "recover", "impound", "take"})
# Verbs that credit what happened to someone ("attribute X to Y", "link X to Y"): Y is whom the statement is about.
CREDITING_VERBS = frozenset({"attribute", "link", "tie", "connect"})


def target_tokens(trigger: Token, *, is_trigger=lambda t: False, kind: str = "act",
                  event_type: str = "") -> list[Token]:
    """Tokens that may name whom the event is directed at, most likely first."""
    trigger = _effort_of(trigger)
    found = [undergoer(trigger)[0]]
    if event_type == "ACCUSE" and (trigger.lemma_.lower() in INVESTIGATING_LEMMAS or any(
            c.dep_ in OBJECT_DEPS and c.lemma_.lower() in INVESTIGATING_LEMMAS for c in trigger.children)):
        found += _investigated(trigger)  # (also "opened an investigation into ...", the verb the trigger)
    if trigger.lemma_.lower() in CREDITING_VERBS:
        # "attributed the loss of their commanders to the actions of the United States": the one blamed
        found += _prep_objects(trigger, frozenset({"to"}))
    if _giver(trigger) is not None:
        found.append(clause_subject(trigger))  # the receiver
    if trigger.pos_ == "VERB":
        obj = _child(trigger, OBJECT_DEPS)
        passive = _child(trigger, PASSIVE_SUBJECT_DEPS)
        found += [_after_place_list(passive, trigger) if passive is not None else None, obj]
        if obj is None and passive is None:
            found.append(_object_read_as_subject(trigger))
            found.append(_passive_subject_in_place_list(trigger))
            found.append(_subject_of_the_passive_clause(trigger))
        if headline_passive(trigger):
            found.append(_child(trigger, SUBJECT_DEPS))
        found.append(headline_chain_victim(trigger))
        if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.pos_ in ("NOUN", "PROPN") \
                and trigger.lemma_.lower() in VICTIM_VERBS | words("harm"):
            found.append(trigger.head)  # "Suspected Mungiki members killed after carjacking": what it was done to
        if carries_the_bomb(trigger):
            # "drove a car bomb into the residence of X", "threw an explosive device into the office of Y"
            found += _prep_objects(trigger, frozenset({"into"}))
        if obj is not None:
            # "detonated an explosive device targeting a liquor store": what the thing it set off was aimed at
            found += [o for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in AIMED_VERBS
                      for o in c.children if o.dep_ == "dobj"]
            # "opened fire at a checkpoint", "launched missiles on Kharkiv"
            found += _prep_objects(obj, TARGET_PREPS - {"with", "to"})
            if trigger.lemma_.lower() in TWO_SIDED_LEMMAS:
                found += _prep_objects(obj, frozenset({"with"}))  # "exchanged fire with military police forces"
            if event_type in ADDRESSED_TYPES:
                # "lodged a protest with Albania", "demanding autonomy from Serbian authorities", "accepted demands
                # from Shona rebels", "rejected calls by Belarus's rulers": whom a statement is made to, or whose
                # demand it answers; "denounced Serbia's suppression of the unrest", "rejected Iran's offer", "welcomed
                # President Reagan's latest statement": whose act or word it answers
                found += _prep_objects(obj, ADDRESSEE_PREPS) + [_child(obj, frozenset({"poss"}))]
            if event_type in GIVING_TYPES:
                # "provide aid for Romania", "granted asylum to five officers": who receives it
                found += _prep_objects(obj, RECEIVER_PREPS)
            elif event_type == "AGREE":
                found += _prep_objects(obj, frozenset({"to"}))  # "offered talks to the United States": whom to
        if event_type in GIVING_TYPES:
            found.append(_child(trigger, frozenset({"dative"})))  # "gave the Ivory Coast 5.1 million dollars"
        if event_type in ANSWERING_TYPES:
            found += _party_in_answer(trigger, event_type)
        if event_type in MEASURE_TYPES and obj is not None and (obj.lemma_.lower() in words("measure_noun")
                                                                or event_type == "SANCTION"):  # "froze talks with X"
            # (or where the clause applies it: "lifted a night curfew in Montenegro")
            found += _prep_objects(obj, MEASURE_PREPS) + _prep_objects(trigger, frozenset({"in", "on"}))
        if event_type == "REQUEST" and obj is None and (asked := _content_subject(trigger)) is not None \
                and (asked.pos_ == "PROPN" or asked.ent_type_ or generic(asked) is not None
                     or any(c.ent_type_ in ("ORG", "GPE") for c in asked.children)):
            # "demanded that the US cancel plans": the one asked to act (not "that the language is obligatory")
            found.append(asked)
        if kind == "claim" and obj is None:
            # "alleged that France was aware ...", "claimed that ISIL had attacked Iraq": the one accused
            found.append(_content_subject(trigger))
    elif event_type == "SANCTION" and trigger.pos_ == "NOUN":
        # "a suspension of air links with Serbia": whom the links or the aid cut were with or for
        found += [o for thing in _prep_objects(trigger, frozenset({"of"}))
                  for o in _prep_objects(thing, frozenset({"with", "to", "for"}))]
    if event_type == "COERCE" and trigger.lemma_.lower() in SEIZING_VERBS:
        found += _prep_objects(trigger, frozenset({"from"}))  # "confiscated weapons from Palestinian armed groups"
    if event_type == "COERCE" and trigger.pos_ != "VERB":
        # "arrest warrants for two men", "the detention of X", "issued warrants for X" (the parser hangs
        # 'for' on the light verb)
        found += _prep_objects(trigger, frozenset({"for", "of"}))
        if trigger.dep_ == "dobj" and trigger.head.lemma_ in LIGHT_VERBS:
            found += _prep_objects(trigger.head, frozenset({"for", "against"}))
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_ in LIGHT_VERBS:
        # "an attack was launched on a military base": the aim hangs on the light verb
        found += _prep_objects(trigger.head, TARGET_PREPS - {"with", "to"})
    if trigger.dep_ in ("dobj", "nsubjpass") and trigger.head.lemma_.lower() in words("repel"):
        # "soldiers repelled an attack on their base", "the attack was foiled by police": the side attacked
        found.append(_child(trigger.head, SUBJECT_DEPS) if trigger.dep_ == "dobj" else _agent(trigger.head))
    found += _prep_objects(trigger, TARGET_PREPS) + [_indirect_target(trigger)]
    if event_type == "REQUEST":
        found.append(_who_should_leave(trigger))
        found += _prep_objects(trigger, frozenset({"from"}))  # "demanded from the government that ..."
    if trigger.pos_ in ("NOUN", "PROPN"):
        found.append(_adverbial_holder(trigger, is_trigger, OBJECT_DEPS))
    if event_type in RECIPROCAL_TYPES or event_type == "ASSAULT" and trigger.lemma_.lower() in TWO_SIDED_LEMMAS:
        found.append(_partner(source_token(trigger, is_trigger=is_trigger)))
    if event_type == "PROTEST":
        found += _protested_authority(trigger)
    return [t for tok in found if tok is not None for t in (_passenger(tok), holder_of_the_site(tok)) if t is not None]


# Words of an inquiry, whose "into" names the deed looked into.
INVESTIGATING_LEMMAS = frozenset({"investigate", "investigation", "probe", "inquiry", "enquiry"})


def _investigated(trigger: Token) -> list[Token]:
    """Who is investigated: the doer of the deed an inquiry looks into ("an investigation into alleged crimes
    committed by Croat forces", "into the killing of a journalist by soldiers", "into Israel's actions")."""
    deeds = _prep_objects(trigger, frozenset({"into"})) + [o for o in [_child(trigger, OBJECT_DEPS)] if o is not None]
    if trigger.dep_ == "dobj":
        deeds += _prep_objects(trigger.head, frozenset({"into"}))  # "opened an investigation into the killing ..."
    return [d for deed in deeds for d in (_agent(deed), _prep_object(deed, frozenset({"by"})),
                                          _child(deed, frozenset({"poss"}))) if d is not None]


# Verbs of taking an explosive to its target (not "their vehicle hit a bomb").
BOMB_CARRYING_VERBS = frozenset({"drive", "ram", "throw", "hurl", "lob", "toss", "carry", "push"})


def device_planter(trigger: Token) -> Token | None:
    """Who planted the explosive a verb's object or "over"/"on" object is ("hit a Taliban-planted roadside bomb", "drove
    over an IED planted by al-Shabaab"): the attacker of those who set it off."""
    devices = [c for c in trigger.children if c.dep_ == "dobj"]
    devices += [o for p in trigger.children if p.dep_ in ("prep", "agent") for o in p.children if o.dep_ == "pobj"]
    for device in devices:
        if device.lemma_.lower() not in words("stepped_explosive"):
            continue
        for mod in device.children:
            if mod.lemma_.lower() == "plant":
                by = _agent(device) if mod.dep_ == "acl" else None
                named = next((c for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod")), None)
                if by is not None or named is not None:
                    return by or named
    return None


def carries_the_bomb(trigger: Token) -> bool:
    """A verb whose object is the explosive ("drove a suicide vehicle-borne device into the residence", "threw an
    explosive device into the office"): its subject takes the bomb to the target, unlike a patrol that drives over
    a mine."""
    obj = _child(trigger, OBJECT_DEPS)
    return trigger.lemma_.lower() in BOMB_CARRYING_VERBS and obj is not None \
        and obj.lemma_.lower() in words("stepped_explosive")


# How protesters' aims are linked to the protest: its purpose clause ("to protest", "calling for") or "in defiance of".
AIM_LINKS = frozenset({"xcomp", "advcl", "acl"})
AIM_PREPS = frozenset({"of", "for", "from", "against", "over", "by"})
AIM_NOUNS = frozenset({"defiance", "protest", "opposition", "support", "solidarity"})
# Authorities a protest may be aimed at: the state and parties, not the people or things it is about.
AUTHORITY_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "IGO"})
# How many links below the aim the authority may be named ("to press their demands for ... from X's government").
MAX_AIM_DEPTH = 4


def _protested_authority(trigger: Token) -> list[Token]:
    """The authority a demonstration is aimed at, named in what it presses for or protests: "to protest President
    Assad's failure", "in defiance of Chinese authorities", "calling for the removal of President Hosni Mubarak",
    "to press their demands from President Bouteflika's government"."""
    frontier = [c for c in trigger.children if c.dep_ in AIM_LINKS and c.pos_ == "VERB"]
    frontier += [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "in"
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in AIM_NOUNS]
    found: list[Token] = []
    for _ in range(MAX_AIM_DEPTH):
        found += [t for t in frontier if t.pos_ in ("NOUN", "PROPN") and _is_authority(t)]
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("dobj", "poss")] + \
            [o for t in frontier for p in t.children if p.dep_ == "prep" and p.lower_ in AIM_PREPS
             for o in p.children if o.dep_ == "pobj"]
    return found


def _is_authority(token: Token) -> bool:
    """The token names a state body, a party or an intergovernmental body."""
    actor = actor_at(token)
    return actor is not None and actor.sector in AUTHORITY_SECTORS


def _passive_subject_in_place_list(verb: Token) -> Token | None:
    """'On 2 May 2020, on the road that connects Iguala to Huitzuco, Guerrero, a police officer was attacked': a
    passive verb left with no subject, whose subject the parser hung on the opening place list right before its
    auxiliary."""
    auxiliary = next((c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i), None)
    if auxiliary is None or any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    return next((t for t in verb.sent if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN")
                 and t.ent_type_ not in ("GPE", "LOC", "FAC") and t.right_edge.i == auxiliary.i - 1), None)


def _subject_in_place_list(verb: Token) -> Token | None:
    """'On 7 May 2020, in Paletwa Township, Mindat District, Chin State, the Myanmar military and AA clashed': an
    active verb left with no subject, whose subject the parser chained onto the opening place list right before it."""
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"auxpass"} for c in verb.children):
        return None
    auxiliaries = [c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i]
    end = min(auxiliaries, default=verb.i) - 1
    for tok in reversed(verb.sent[:verb.i - verb.sent.start]):  # the last item of the list, not the place before it
        if tok.dep_ not in ("appos", "conj") or tok.pos_ not in ("NOUN", "PROPN") \
                or tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.right_edge.i != end or _joined_by_and(tok):
            continue  # (the first of "the military and AA")
        head = tok.head
        while head.dep_ in ("appos", "conj") and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.i == verb.i:
            return tok
    return None


def _named_subject_in_place_list(verb: Token) -> Token | None:
    """`_subject_in_place_list` where it names an actor of a known kind (not "members of the AMOTAC")."""
    tok = _subject_in_place_list(verb)
    actor = actor_at(tok) if tok is not None else None
    return tok if actor is not None and actor.sector is not None else None


def _subject_of_the_passive_clause(verb: Token) -> Token | None:
    """A passive with no subject of its own, in a clause after "after", "while" or "when": the main clause's subject
    is the one it was done to ("ANDSF forces suffered casualties after being hit by an IED", "forces killed three
    militants after being ambushed")."""
    if verb.dep_ != "pcomp" or _child(verb, frozenset({"auxpass"})) is None:
        return None
    return clause_subject(verb)


def _object_read_as_subject(verb: Token) -> Token | None:
    """'Armed gang kills police investigating gun runners': the parser reads the victims as the subject of the
    participle after them; right after a victim verb with no object, they are its object."""
    if verb.lemma_.lower() not in VICTIM_VERBS:
        return None
    return next((s for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.tag_ == "VBG"
                 for s in c.children if s.dep_ == "nsubj" and s.i == verb.i + 1 and s.pos_ in ("NOUN", "PROPN")), None)


# Verbs of a vehicle that has people aboard ("a vehicle carrying a military commander").
CARRYING_VERBS = frozenset({"carry", "transport", "ferry"})


def _passenger(tok: Token) -> Token | None:
    """'attacked a vehicle carrying a military commander', 'shot at a vehicle full of employees of the NDS': whom the
    vehicle carried, before the vehicle itself."""
    return next((o for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in CARRYING_VERBS
                 for o in c.children if o.dep_ == "dobj"), None) \
        or next((o for c in tok.children if c.dep_ == "amod" and c.lower_ == "full"
                 for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj"), None)


def holder_of_the_site(tok: Token) -> Token:
    """'fired at the positions of the Luhansk People's Militia': the militia holding them, not any armed forces; 'shot
    down a Turkish drone operated by the GNA', 'a Houthi drone': the side flying it, not the machine."""
    if tok.lemma_.lower() in words("unmanned") or tok.lower_ in words("unmanned"):
        # (a name the dictionary cannot place is the weapon's model, not its operator: "a Grad rocket")
        operator = _agent(tok) or next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                                        and c.ent_type_ in ("NORP", "ORG", "GPE") and known_actor(actor_at(c))), None)
        return operator if operator is not None else tok
    if tok.lemma_.lower() in words("installation") or tok.lower_ in words("installation"):
        of = _prep_object(tok, frozenset({"of", "for"}))  # "a camp for Congolese refugees"
        if of is not None and of.pos_ in ("PROPN", "NOUN"):
            return of
    return tok


# Links of the names of two sides to the one noun they share ("between GNA and LNA forces").
SIDE_MODIFIER_DEPS = frozenset({"nmod", "compound", "amod"})
# Events two parties do together: "Brazil and the United States agreed", "Iran and Iraq held talks".
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
# Verbal events whose object's "with"/"from" names whom they are addressed to ("a protest with Albania", "demands
# from the rebels").
ADDRESSED_TYPES = frozenset({"REQUEST", "CONCEDE", "ACCUSE", "REJECT", "AGREE", "SUPPORT"})
ADDRESSEE_PREPS = frozenset({"with", "from", "by"})
# Events of giving, whose receiver is the target ("gave Tanzania a grant", "aid for Romania").
GIVING_TYPES = frozenset({"AID", "SUPPORT"})
RECEIVER_PREPS = frozenset({"to", "for"})
# Answers to a demand or a situation whose other party may be named inside what is agreed, refused or conceded.
ANSWERING_TYPES = frozenset({"AGREE", "REJECT", "CONCEDE", "THREATEN"})
# Measures (cue class measure_noun) whose object names where, or with whom, they apply: "cancelled a planned visit
# to Haiti", "suspended aid deliveries in Baghdad", "lifted a night curfew in Montenegro".
MEASURE_TYPES = frozenset({"COERCE", "SANCTION", "CONCEDE"})
MEASURE_PREPS = frozenset({"in", "on", "to", "with", "against"})
# Whom the act an actor agrees or offers to do is done with, or taken from ("negotiate with Armenia", "withdraw its
# troops from Lebanon").
PROMISEE_PREPS = frozenset({"with", "from"})
# Triggers that name fighting between two armed sides ("clashed with", "battle for"): the second of two
# coordinated subjects is the other side ("the military and the AA fought").
TWO_SIDED_LEMMAS = frozenset({"clash", "fight", "fighting", "battle", "gunfight", "firefight", "skirmish", "shootout",
                              "gunbattle", "exchange", "out",  # "out": the trigger of a "shoot-out"
                              "confrontation", "altercation", "brawl", "scuffle"})


def sides_between(trigger: Token, *, on_verb: bool = False) -> list[Token]:
    """The sides named by 'between X and Y' on the trigger, on the violence it happened in ('10 people were killed
    between Borana and Samburu militias') or (`on_verb`) on the verb it broke out by ('fighting broke out between
    the army and the rebels'): violence between two named sides is a fight between them."""
    holders = [trigger] + [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "in"
                           for o in p.children if o.dep_ == "pobj"]
    if on_verb and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB":
        holders.append(trigger.head)
    sides = []
    for o in _between_objects(holders):
        if o.conjuncts:
            sides += [o, *o.conjuncts]
        else:  # "between GNA and LNA forces", "between QSD and Turkish forces": the sides modify one noun
            pair = next((m for m in o.lefts if m.dep_ in SIDE_MODIFIER_DEPS and m.conjuncts), None)
            sides += [pair, *pair.conjuncts] if pair is not None else []
    return sides


def side_noun(side: Token) -> Token | None:
    """The noun two sides named by their modifiers share ("GNA and LNA forces": forces), else None."""
    first = side.head if side.dep_ == "conj" else side
    return first.head if first.dep_ in SIDE_MODIFIER_DEPS and first.head.pos_ == "NOUN" else None


def named_between(trigger: Token) -> list[Token]:
    """The objects of 'between' on the trigger or on the violence it happened in, coordinated or not ('between
    rival groups'): `sides_between` without the verb, for readers of one noun that holds both sides."""
    return _between_objects([trigger] + [o for p in trigger.children if p.dep_ == "prep" and p.lower_ == "in"
                                         for o in p.children if o.dep_ == "pobj"])


def _between_objects(holders: list[Token]) -> list[Token]:
    return [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "between"
            for o in p.children if o.dep_ == "pobj"]


def _partner(source: Token | None) -> Token | None:
    """The second of two coordinated subjects, the counterpart of the first in a joint event (also where the parser
    chained the subject onto the opening place list: "Chin State, the Myanmar military and AA clashed")."""
    if source is None or source.dep_ not in SUBJECT_DEPS | {"conj", "appos"}:
        return None
    return next((c for c in source.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")), None)


def _party_in_answer(trigger: Token, event_type: str) -> list[Token]:
    """Whom a promise, refusal, concession or threat concerns, named in what is promised, refused, given up or
    threatened: "will give Tanzania a grant", "agreed to provide aid for Romania", "offered to negotiate with the
    president of Armenia", "refused to meet Jordan's King Abdullah", "refusing to lift the curfew on Palestinians",
    "conceded to demands from UNITA", "threatened to attack the election officials"."""
    found = [_child(trigger, frozenset({"dative"}))]
    acts = [c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "ADJ")]
    acts += [a for act in list(acts) if act.pos_ == "ADJ" for a in act.children if a.dep_ == "xcomp"]
    if trigger.lemma_.lower() == "deny":
        acts = []  # "denied sending parts for drones": the deed it is accused of, not a refusal
    things = _prep_objects(trigger, frozenset({"to", "on"}))
    if event_type == "CONCEDE":
        things += [o for o in [_child(trigger, OBJECT_DEPS)] if o is not None]
    for act in acts:
        found.append(_child(act, frozenset({"dative"})))
        found += _prep_objects(act, PROMISEE_PREPS | RECEIVER_PREPS)
        things += _prep_objects(act, frozenset({"to"}))  # "refused to respond to a demand from the US President"
        obj = _child(act, OBJECT_DEPS)
        if obj is not None:
            things.append(obj)
            if event_type == "THREATEN" or event_type == "REJECT" and (obj.pos_ == "PROPN" or obj.ent_type_):
                # "threatened to ban opposition candidates"; "refused to meet Jordan's King Abdullah" (not "to
                # deploy peacekeepers")
                found.append(obj)
    preps = RECEIVER_PREPS | PROMISEE_PREPS | {"by", "on"} | ({"in"} if event_type in ("CONCEDE", "THREATEN") else set())
    for thing in things + [o for t in things for o in _prep_objects(t, frozenset({"of"}))]:
        # "a meeting between ...", "aid for Romania", "70 million dollars of aid for Romania"
        found += _prep_objects(thing, frozenset(preps)) + _between_objects([thing])
    return [t for t in found if t is not None]


def _content_subject(verb: Token) -> Token | None:
    """The subject of the clause a verb of allegation reports ("alleged that France was aware")."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    return _child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) if clause is not None else None


def _indirect_target(trigger: Token) -> Token | None:
    """Targets named outside the trigger's own arguments: 'the strike targeted X', '... against X'."""
    for holder in (c for c in trigger.children if c.dep_ in ("acl", "relcl", "advcl", "xcomp")):
        if holder.lemma_ in TARGETING_VERBS:
            obj = _child(holder, OBJECT_DEPS) or _prep_object(holder, TARGET_PREPS)
            if obj is not None:
                return _victims(obj)
    if trigger.dep_ in ("nsubj",) and trigger.head.lemma_ in TARGETING_VERBS:
        obj = _child(trigger.head, OBJECT_DEPS)
        if obj is not None:
            return _victims(obj)
    return _against_in_phrase(trigger)


def _against_in_phrase(trigger: Token) -> Token | None:
    """'attacks launched by militias against US forces': 'against' marks the target wherever the parser hung it."""
    stack = list(trigger.children)
    while stack:
        tok = stack.pop(0)
        if tok.dep_ in CLAUSE_DEPS:
            continue
        if tok.dep_ == "prep" and tok.lower_ == "against":
            obj = _child(tok, frozenset({"pobj"}))
            if obj is not None:
                return obj
        stack.extend(tok.children)
    return None


def _victims(obj: Token) -> Token:
    """'claimed the lives of three soldiers': the soldiers, not the lives."""
    if obj.lemma_ in ("life", "live"):
        of = _prep_object(obj, frozenset({"of"}))
        if of is not None:
            return of
    return obj
