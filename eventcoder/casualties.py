"""Fatality and injury counts from phrases such as "killing 5", "three soldiers were killed", "the death of a commander"."""

from __future__ import annotations

import re

from functools import cache

from spacy.tokens import Doc, Span, Token

from eventcoder.actors import lookup
from eventcoder.geoparse import PLACE_LABELS
from eventcoder.lexicon import number_words, people_nouns, words
from eventcoder.roles import headline_passive

# Counts above this are read as something other than a casualty figure (a year, a troop total).
MAX_CASUALTIES = 5000
# Verbs whose object (or passive subject) is the casualty they count.
KILLING_VERBS = frozenset({"kill", "wound", "injure", "hurt", "assassinate", "behead", "decapitate", "lynch", "murder",
                           "slay"})
# Verbs whose subject is the dead ("died", "succumbed to his injuries").
DYING_VERBS = frozenset({"die", "succumb"})
# Entity labels of clock and calendar numbers, never counts of people.
CLOCK_LABELS = frozenset({"TIME", "DATE"})
# Nouns of the clock that a misparse may leave where the victim should be ("around 1200 noon ... was killed").
CLOCK_NOUNS = frozenset({"noon", "midnight", "hours", "hrs", "am", "pm"})
# Nouns of places that a place list may coordinate with the victim ("Gangale in Kinshasa city, Kinshasa province").
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "district", "region", "state", "county", "area"})
# Words that turn a number into a bound we cannot state exactly ("more than 20") are still read as the
# number: ACLED and GTD code the stated figure. Words that make it vague drop it.
# Words that make what follows a part of the victims named before ("seven people including a candidate").
SUBSET_WORDS = frozenset({"including", "among", "incl"})
VAGUE_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands", "several", "many", "some", "numerous",
                         "anyone", "anybody"})  # ("it is unknown whether anyone was killed": nobody counted)
# Shapes of a report that says nobody was killed or hurt: "no damage or casualties were reported", "there
# were no reports of injuries or deaths", "preventing any casualties", "no one was harmed", "was not wounded",
# "released unharmed". The harm words themselves are the no_casualty class of cue_words.tsv.
_HARM = r"(?:casualt(?:y|ies)|injur(?:y|ies)|deaths?|fatalit(?:y|ies)|victims?)"
_HURT = r"(?:hurt|injured|killed|harmed|wounded)"
NO_CASUALTY_SHAPES = (
    rf"\bno (?:other |additional |further |immediate |reported )?(?:\w+ (?:or|and|nor) )?{_HARM}",
    rf"\bno reports? of (?:\w+ (?:or|and) )?{_HARM}",
    rf"\b(?:prevent|avoid)\w* any {_HARM}",
    rf"\bwithout (?:any )?{_HARM}",
    rf"\b(?:no one|nobody|none) (?:else )?(?:was|were) {_HURT}",
    rf"\b(?:was|were) (?:not|n't) {_HURT}",
)
# The tens and units of number words written with a hyphen ("twenty-four").
TENS = frozenset(range(20, 100, 10))
UNITS = frozenset(range(1, 10))
HYPHENS = frozenset({"-", "–"})
VICTIM_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "pobj", "attr", "appos"})


def number_value(token: Token) -> int | None:
    """The integer a token spells, in digits or words; a tens word and a unit joined by a hyphen ("Twenty-four",
    which the tokenizer splits in three) count as one number, whichever of the two the parser made the count."""
    text = token.lower_.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    value = number_words().get(text)
    if value is None:
        return None
    doc, i = token.doc, token.i
    if value in UNITS and i >= 2 and doc[i - 1].text in HYPHENS and (tens := number_words().get(doc[i - 2].lower_)) \
            in TENS:
        return tens + value
    if value in TENS and i + 2 < len(doc) and doc[i + 1].text in HYPHENS \
            and (unit := number_words().get(doc[i + 2].lower_)) in UNITS:
        return value + unit
    return value


def count_of(noun: Token) -> int | None:
    """How many people a victim noun phrase names, coordinated phrases added up
    ("a pregnant woman, her baby and her daughter" = 3)."""
    first = _count_one(noun)
    if first is None:
        return None
    total = first
    for conj in (c for c in noun.children if c.dep_ == "conj" and c.lemma_.lower() not in PLACE_NOUNS):
        if _second_title(conj):
            continue
        more = count_of(conj)
        if more is None:
            return total
        total += more
    return total if total <= MAX_CASUALTIES else None


# Words between a victim's titles and the name that says who holds them ("..., identified as Bhima Ram Madkam").
NAMING_WORDS = frozenset({"identified", "named", "as", "called"})


def _second_title(conj: Token) -> bool:
    """'a pediatrician and former military doctor, Ibrahim al-Jumaili': a second title of one person, whose name
    follows the pair after a comma, not a second victim ("a woman and her child", "a woman and child, Amina and
    Ali" stay two)."""
    if any(c.dep_ in ("nummod", "poss") or c.dep_ == "det" and c.lower_ != "the" for c in conj.children) \
            or conj.tag_ != "NN":
        return False
    doc = conj.doc
    comma = next((t.i for t in doc[conj.i + 1:conj.right_edge.i + 2] if t.text == ","), None)
    if comma is None:
        return False
    i = comma + 1
    named = i < len(doc) and doc[i].lower_ in NAMING_WORDS
    while i < len(doc) and doc[i].lower_ in NAMING_WORDS:
        i += 1
    end = i
    while end < len(doc) and doc[end].tag_ in ("NNP", "HYPH") or end < len(doc) and doc[end].lower_ == "al":
        end += 1
    if end == i or end < len(doc) and doc[end].lower_ == "and":
        return False
    return named or doc[i].ent_type_ == "PERSON" or end - i >= 2 and all(not t.ent_type_ for t in doc[i:end])


def _count_one(noun: Token) -> int | None:
    """How many people one victim noun names: its numeral, 'a'/'an', or one for a singular person."""
    if noun.lower_ in VAGUE_WORDS:
        return None
    if noun.tag_ == "PRP":
        # "killing him", "wounding her", "killing himself": one person; "them" says not how many, unless it
        # stands for the victims the attack just named ("opened fire onto two brothers ..., killing them")
        if noun.lower_ == "them":
            named = _attacked_before(noun)
            return _count_one(named) if named is not None else None
        return 1 if noun.lower_ in ("him", "her", "himself", "herself", "he", "she") else None
    if noun.ent_type_ in CLOCK_LABELS or noun.lower_ in CLOCK_NOUNS or noun.ent_type_ in PLACE_LABELS:
        return None  # "around 1200 noon": a time, not a count; "Kinshasa province": a place
    if noun.lower_ in QUANTITY_NOUNS:
        # "a minimum of 60 Taliban", "a total of 15 people": the count of the 'of' object
        of = next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                   if o.dep_ == "pobj"), None)
        return _count_one(of) if of is not None else None
    value = number_value(noun) if noun.pos_ == "NUM" or noun.like_num else None
    if value is not None:
        return value if value <= MAX_CASUALTIES else None
    for child in noun.children:
        if child.lower_ in VAGUE_WORDS:
            return None
        if child.lower_ == "both" and noun.tag_ == "NNS":
            return 2  # "both brothers were shot and killed"
        if (child.dep_ == "nummod" or child.dep_ == "compound" and child.tag_ == "CD") \
                and child.ent_type_ not in CLOCK_LABELS:  # ("Thirty people": the parser may make it a compound)
            value = number_value(child)
            if value is not None and value <= MAX_CASUALTIES:
                return value
    if noun.lemma_.lower() in words("pair_noun"):
        return 2  # "a married couple"
    if noun.tag_ in ("NN", "NNP") and noun.ent_type_ not in ("GPE", "ORG", "NORP"):
        return 1
    if noun.ent_type_ == "NORP" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
        return 1  # "killed a Christian working there"
    if noun.tag_ == "NNP" and noun.ent_type_ == "ORG" and noun.dep_ in ("dobj", "nsubjpass") and lookup(noun.text) is None:
        return 1  # "shot and killed Marius Gangale": a person's name the model took for an organisation
    return None


# Nouns of a bound or sum whose 'of' object holds the count ("a minimum of 60 Taliban").
QUANTITY_NOUNS = frozenset({"minimum", "maximum", "total"})
# Prepositions of an attack's aim ("opened fire onto two brothers", "fired on the guards").
AIM_PREPS = frozenset({"on", "onto", "at", "upon"})


def _attacked_before(pronoun: Token) -> Token | None:
    """The counted plural the attack told just before named ("fired upon two guards, killing them"): the object
    or aim of the verb that the killing phrase hangs on."""
    verb = pronoun.head
    if pronoun.dep_ != "dobj" or verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.pos_ != "VERB":
        return None
    attack = verb.head
    aimed = [c for c in attack.children if c.dep_ == "dobj"] + \
        [o for p in attack.children if p.dep_ == "prep" and p.lower_ in AIM_PREPS for o in p.children if o.dep_ == "pobj"]
    return next((t for t in aimed if t.tag_ == "NNS" and t.i < pronoun.i), None)


# Verbs of finding: the dead they find are the victims ("three men found killed").
FINDING_VERBS = frozenset({"find", "discover"})
# Pronouns that stand for the noun a relative clause hangs on.
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})


def _victim_noun(cue: Token) -> Token | None:
    """The noun whose count is the casualty figure, by the shape of the phrase around the cue word."""
    if cue.pos_ == "VERB" and cue.lemma_ in KILLING_VERBS:
        deps = ("nsubjpass", "dobj") if cue.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in cue.children) \
            else ("dobj", "nsubjpass", "nsubj") if cue.tag_ == "VBN" else ("dobj", "nsubjpass")
        # a bare participle's subject is its victim: "Six killed and 109 injured", "four wounded"
        for dep in deps:
            found = next((c for c in cue.children if c.dep_ == dep), None)
            if found is not None:
                return found
        if cue.dep_ in ("xcomp", "oprd") and cue.head.lemma_ in FINDING_VERBS:
            # "Three men found killed inside refugee camp"
            found = _victim_child(cue.head, ("nsubjpass", "nsubj", "dobj"))
            if found is not None:
                return found
        if cue.dep_ == "ROOT" and not any(c.dep_ == "dobj" for c in cue.children):
            # "at least 11 killed": a bare number before the verb is its victims
            number = next((c for c in cue.children if c.dep_ == "nsubj" and c.pos_ == "NUM"), None)
            if number is not None:
                return number
            if headline_passive(cue):  # "Pastor killed in Mombasa": a headline's passive, its subject the victim
                return next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if cue.dep_ == "conj":
            # "shot and killed a civil official": the object hangs on the first verb
            shared = next((c for c in cue.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if shared is not None:
                return shared
        if cue.dep_ in ("acl", "amod") or cue.tag_ == "VBN" and cue.dep_ != "conj" and cue.dep_ != "ROOT":
            return cue.head if cue.head.pos_ in ("NOUN", "PROPN", "NUM") else None
        return _lost_passive_subject(cue)
    if cue.lemma_ in DYING_VERBS:
        subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and cue.dep_ == "relcl":
            return cue.head  # "hit the man, who died"
        if subject is None and cue.dep_ == "conj" and cue.head.pos_ == "VERB":
            # "the policeman was shot twice, and later died from his injuries": the subject the two verbs share
            return _victim_child(cue.head, ("nsubjpass", "nsubj"))
        return subject
    if cue.lower_ in ("dead", "wounded", "injured"):
        if cue.dep_ in ("oprd", "acomp", "xcomp", "advmod") and cue.head.pos_ in ("VERB", "AUX"):
            # "was shot dead", "left three dead", "shot dead a police officer"
            victim = _victim_child(cue.head, ("nsubjpass", "dobj"))
            if victim is not None:
                return _appositive(victim)
            if cue.head.dep_ == "acl" and cue.head.head.pos_ in ("NOUN", "PROPN", "NUM"):
                return cue.head.head  # "4 civilians shot dead by suspected Mungiki members"
        if cue.head.pos_ in ("NOUN", "NUM", "PROPN") and cue.dep_ in ("amod", "acomp", "npadvmod"):
            return cue.head
        return next((c for c in cue.children if c.dep_ in ("nummod", "npadvmod")), None) or \
            next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    if cue.lemma_ == "death" and cue.dep_ == "pobj" and cue.head.lower_ == "to" and cue.head.head.pos_ == "VERB":
        # "stabbed the policeman's wife to death", "was beaten to death", "was abducted ... and stabbed to death"
        verb = cue.head.head
        victim = _victim_child(verb, ("dobj", "nsubjpass"))
        return victim if victim is not None or verb.dep_ != "conj" else _victim_child(verb.head, ("dobj", "nsubjpass"))
    if cue.lemma_ == "body":
        # "the body of a man was found", "the bodies of 2 civilians", "2 bodies", "her body"
        of = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            return next((c for c in of.children if c.dep_ == "pobj"), None)
        one = cue.tag_ == "NN" and any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in cue.children)
        return cue if one or any(c.dep_ == "nummod" for c in cue.children) else None
    if cue.lemma_ in ("death", "life", "injury", "fatality"):
        of = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None and any(c.dep_ == "nummod" for c in cue.children):
            return cue  # "2 fatalities", "six additional deaths"
        return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return None


def _victim_child(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The verb's first dependant in one of `deps` that is no date ("Around 6 May 2020, ... a man was found dead":
    the parser may make the date a second passive subject)."""
    return next((c for c in verb.children if c.dep_ in deps and c.ent_type_ not in CLOCK_LABELS), None)


def _lost_passive_subject(cue: Token) -> Token | None:
    """'In Karachi, Sindh, Pakistan, a party activist, identified as Kamran, was shot and killed': the parser hangs
    the victim on the opening place list; the last common noun in apposition before the verb is the victim."""
    verb = cue.head if cue.dep_ == "conj" else cue
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    before = [t for t in cue.sent if t.i < verb.i and (t.dep_ == "appos" and t.tag_ in ("NN", "NNS") or _hung_on_place(t))]
    return before[-1] if before else None


def _hung_on_place(tok: Token) -> bool:
    """'in Konduz, Afghanistan, a local police commander Abdul Kaliq and his son were shot': a person the parser
    joined to the opening place list as one more of its places."""
    return tok.dep_ == "conj" and tok.head.ent_type_ in PLACE_LABELS and tok.ent_type_ not in PLACE_LABELS \
        and (tok.tag_ in ("NN", "NNS") or tok.ent_type_ == "PERSON")


def _appositive(noun: Token) -> Token:
    """'California, a police officer, was shot': the apposition names the person when the head is a place."""
    if noun.ent_type_ in ("GPE", "LOC"):
        appos = next((c for c in noun.children if c.dep_ == "appos"), None)
        if appos is not None:
            return appos
    return noun


def casualty_cues(sent: Span) -> list[tuple[Token, str, int, Token]]:
    """(cue token, 'death' or 'injury', count, victim noun) for every casualty phrase with a countable victim."""
    found = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        kind = "death" if lemma in words("death") or tok.lower_ in words("death") else \
            "injury" if lemma in words("injury") or tok.lower_ in words("injury") else None
        if kind is None:
            continue
        noun = _victim_noun(tok)
        count = count_of(noun) if noun is not None else None
        if count is not None:
            for more in _victims_beside(tok, noun):  # type: ignore[arg-type]
                extra = count_of(more)
                count = count + extra if extra is not None and count + extra <= MAX_CASUALTIES else count
        if count is not None and not _negated(tok) and not _attempted(tok):
            found.append((tok, kind, count, noun))  # type: ignore[arg-type]
    return found


def _victims_beside(cue: Token, noun: Token) -> list[Token]:
    """Victims joined to the first by "and" that the parser hung on the verb instead of the noun: "Four soldiers
    guarding the convoy and two company officials were killed" (two passive subjects), "killing the driver and at
    least 3 other people" (a conjunct of the verb)."""
    if noun.head.i != cue.i or noun.dep_ not in ("nsubjpass", "dobj") or cue.pos_ != "VERB":
        return []
    joined = {c.i for c in cue.children if c.dep_ == "cc"} | {c.i for c in noun.children if c.dep_ == "cc"}
    doc = cue.doc
    return [c for c in cue.children if c.i > noun.i and c.pos_ in ("NOUN", "PROPN") and c is not noun
            and (c.dep_ == noun.dep_ or c.dep_ == "conj" and _people(c)) and any(noun.i < j < c.i for j in joined)
            and not any(t.lower_ in SUBSET_WORDS for t in doc[noun.i:c.i])]  # ("seven people including X and Y")


def _people(noun: Token) -> bool:
    """A noun of people: a person word or an actor ("3 other people", "two officers"), not "20 animals"."""
    people = people_nouns()
    return noun.lemma_.lower() in people or noun.lower_ in people or lookup(noun.lemma_.lower()) is not None \
        or lookup(noun.lower_) is not None


def reports_no_casualties(sent: Span) -> bool:
    """'No casualties were reported', 'caused no damages or casualties', 'no one was hurt', 'released unharmed'."""
    low = sent.text.lower()
    return _no_casualty_pattern().search(low) is not None or any(t.lower_ in words("no_casualty") for t in sent)


@cache
def _no_casualty_pattern() -> re.Pattern[str]:
    return re.compile("|".join(NO_CASUALTY_SHAPES))


def mentions_harm(doc: Doc) -> bool:
    """Whether a text says anything of people killed, hurt or harmed. GTD and ACLED code an attack whose
    report names no victim at all (a kidnapping, an arson, a defused bomb) as zero dead and zero hurt;
    one that names harm without a figure stays unknown."""
    harm = words("death") | words("injury") | words("harm")
    return any(t.lemma_.lower() in harm or t.lower_ in harm for t in doc)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children) or any(c.lower_ == "no" for c in token.children)


# Words of a harm that was tried or nearly done, not done: "nearly kills a man", "tries to lynch a man".
ATTEMPT_ADVERBS = frozenset({"nearly", "almost"})
ATTEMPT_VERBS = frozenset({"try", "attempt", "seek"})


def _attempted(token: Token) -> bool:
    """A casualty word of an attempt: "nearly kills", "tried to kill", "an attempt to lynch"."""
    return any(c.lower_ in ATTEMPT_ADVERBS for c in token.children) \
        or token.dep_ in ("xcomp", "acl") and token.head.lemma_.lower() in ATTEMPT_VERBS


# Words of an attacker who dies by his own attack.
BOMBER_NOUNS = frozenset({"bomber", "bombers"})
SELF_DETONATION_VERBS = frozenset({"blow", "detonate", "explode"})


def uncounted_bombers(sents: list[Span]) -> int:
    """How many suicide bombers died in their attack without being among the victims counted: GTD counts
    the attackers killed in its fatalities ("a suicide bomber blew himself up, killing four" = 5)."""
    bombers = 0
    for sent in sents:
        for cue, kind, _, victim in casualty_cues(sent):
            if kind == "death" and any(t.lower_ in BOMBER_NOUNS | {"himself", "themselves"} for t in victim.subtree):
                return 0  # "the blast killed the suicide bomber": already counted
        for tok in sent:
            if tok.lower_ in BOMBER_NOUNS and any(c.lower_ == "suicide" for c in tok.children):
                number = next((number_value(c) for c in tok.children if c.dep_ == "nummod"), None)
                bombers = max(bombers, number if number is not None else 1 if tok.tag_ == "NN" else 0)
            elif tok.lower_ == "himself" and tok.head.lemma_.lower() in SELF_DETONATION_VERBS:
                bombers = max(bombers, 1)  # "an attacker blew himself up"
    return bombers


# Nouns of a stated total and the prepositions that give its figure: "Fatalities coded as 0", "the death toll
# rose to 12", "the toll stood at 9". Such a total settles the count: it replaces the figures told before it.
TOTAL_NOUNS = frozenset({"fatalities", "toll"})
TOTAL_PREPS = frozenset({"as", "to", "at"})


def stated_total(sent: Span) -> int | None:
    """The death total a sentence settles on, if it states one."""
    found = None
    for tok in sent:
        if tok.lower_ not in TOTAL_NOUNS or tok.dep_ not in ("nsubj", "nsubjpass") or _negated(tok):
            continue
        for prep in (c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in TOTAL_PREPS):
            value = next((number_value(c) for c in prep.children if c.dep_ == "pobj"), None)
            if value is not None and value <= MAX_CASUALTIES:
                found = value
    return found
