"""Reported-speech raising: in "two clans were reported to have clashed" the parser makes the clans the subject of
"reported" and leaves "clashed" without one. The subject is moved onto the event verb, so that every later stage
(roles, credibility, casualty counts) reads "two clans ... clashed" as it reads the plain sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Verbs of report and belief that raise the subject of the event they report ("is said to have", "were believed
# to be", "are feared to have been").
RAISING_VERBS = frozenset({"report", "say", "believe", "allege", "think", "fear", "know", "understand", "suspect",
                           "claim", "estimate", "presume", "rumour", "rumor"})


def _raised_subject(verb: Token) -> Token | None:
    """The passive subject of a raising verb whose infinitive has no subject of its own, with that infinitive."""
    if verb.lemma_.lower() not in RAISING_VERBS or verb.tag_ != "VBN":
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def lower_raised_subjects(doc: Doc) -> Doc:
    """Hang a raising verb's passive subject on the infinitive it reports: nsubjpass when that infinitive is passive
    ("are reported to have been killed") or a bare participle ("were reported killed"), nsubj otherwise."""
    for verb in doc:
        subject = _raised_subject(verb)
        if subject is None:
            continue
        clause = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.i > verb.i
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        # "60 Taliban were reported killed": the participle right after it, a passive without its infinitive
        participle = next((c for c in verb.children if c.i == verb.i + 1 and c.tag_ == "VBN"
                           and c.dep_ in ("xcomp", "oprd", "ccomp", "advcl", "acomp")), None)
        clause = clause or participle
        if clause is None or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in clause.children):
            continue
        passive = clause is participle or any(c.dep_ == "auxpass" for c in clause.children)
        subject.head = clause
        subject.dep_ = "nsubjpass" if passive else "nsubj"
    return doc
