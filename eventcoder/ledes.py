"""Lede repair: coders' notes open with when and where ("On 8 May 2020, in Paletwa Town, Chin State, Myanmar
military and AA clashed"), and the small model often hangs the subject on that list of places, as one more place,
leaving the verb without a subject. The subject is hung back on its verb, so that every later stage reads the
sentence as it reads "Myanmar military and AA clashed"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Entity labels of the places (and dates) that open a lede.
LEDE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
# Dependents between a subject and its verb ("... forces have reportedly clashed").
BETWEEN_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def _in_lede_list(tok: Token) -> bool:
    """A token hung as one more item ('conj', 'appos') of a list of places or dates, or as one more object of a
    place's preposition ("in the Ainak area of Nawa, Helmand, Afghanistan, a boys' school was blown up")."""
    if tok.dep_ == "pobj":  # (or the list hung on it as a modifier: "of [Nawa, Helmand, Afghanistan,] a school")
        return any(o.dep_ == "pobj" and o.i < tok.i and o.ent_type_ in LEDE_LABELS for o in tok.head.children) \
            or any(m.dep_ in ("nmod", "compound") and m.ent_type_ in LEDE_LABELS and any(c.dep_ == "conj" for c in m.children)
                   for m in tok.lefts)
    return tok.dep_ in ("conj", "appos") and tok.i > tok.head.i \
        and (tok.head.ent_type_ in LEDE_LABELS or _in_lede_list(tok.head))


def _subject_before(verb: Token) -> Token | None:
    """The noun right before the verb (past its auxiliaries and adverbs), when the parser made it a list item."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].head.i == verb.i and verb.doc[i].dep_ in BETWEEN_DEPS:
        i -= 1
    if i < verb.sent.start:
        return None
    i = _before_a_name_set_off(verb.doc, i, verb.sent.start)
    tok = verb.doc[i]
    while tok.dep_ in ("compound", "amod", "nummod", "det") and tok.head.i < verb.i and tok.head.i > tok.i:
        tok = tok.head
    # "the Deputy Head of the Federal Tax Service in Dagestan was killed": the noun the phrase's "of", "in" hang on
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i < tok.head.i \
            and not _in_lede_list(tok) and tok.head.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head.head
    if tok.pos_ not in ("NOUN", "PROPN", "NUM") or tok.ent_type_ in LEDE_LABELS or not _in_lede_list(tok):
        return None
    # "Myanmar military and AA": the first item after the places is the subject, the rest its conjuncts
    while tok.dep_ == "conj" and tok.head.ent_type_ not in LEDE_LABELS and _in_lede_list(tok.head):
        tok = tok.head
    return tok


def _before_a_name_set_off(doc: Doc, i: int, sent_start: int) -> int:
    """The token before a person's name set off by commas that ends at token i ("the head of the council, Ali Khan,
    was killed"), else i itself."""
    if doc[i].text != "," or i - 1 < sent_start or doc[i - 1].ent_type_ != "PERSON":
        return i
    k = i - 1
    while k > sent_start and doc[k - 1].ent_type_ == "PERSON" and doc[k].ent_iob_ != "B":
        k -= 1
    return k - 2 if k - 2 >= sent_start and doc[k - 1].text == "," else i


def rehang_lede_subjects(doc: Doc) -> Doc:
    """Give back to each subjectless verb the subject the parser hung on the lede's list of places."""
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "conj"):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
        if any(s.ent_type_ not in LEDE_LABELS for s in subjects):
            continue  # (a place as the only subject is the lede's last place: "in Kabul, a civilian was killed")
        subject = _subject_before(verb)
        if subject is None:
            continue
        for place in subjects:
            place.dep_ = "npadvmod"
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        subject.head = verb
        subject.dep_ = "nsubjpass" if passive else "nsubj"
    return doc
