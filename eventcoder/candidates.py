"""The working record of one event while the extractor fills it in, before it becomes an Event."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from eventcoder.dates import ResolvedDate
from eventcoder.lexicon import Trigger
from eventcoder.records import Actor, Place


@dataclass
class Candidate:
    """A trigger with what has been attached to it so far."""

    trigger: Token
    entry: Trigger
    sent: Span
    source: Actor | None = None
    target: Actor | None = None
    date: ResolvedDate | None = None
    date_inherited: bool = False
    place: Place | None = None
    fatalities: int | None = None
    injuries: int | None = None
    no_casualties: bool = False
    claimed_by: Actor | None = None
    attributed_to: Actor | None = None
    attributed_by: Actor | None = None
    modality: str = "asserted"
    planned: bool = False
    is_aggregate: bool = False
    anaphoric: bool = False
    police_response: str | None = None  # "intervention" or "excessive-force" on a demonstration
    met_by_state: bool = False  # tear gas, dispersal or arrests near a demonstration, a riot included
    evidence_sent: Span | None = None
    fallbacks: list[str] = field(default_factory=list)
    mentions: list[Token] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        """PLOVER type of the trigger."""
        return self.entry.event_type

    def sentences(self, *, evidence: bool = True) -> list[Span]:
        """The event's sentences in text order: its trigger's and its other mentions', and its evidence sentence
        unless `evidence` is False."""
        sents: dict[int, Span] = {}
        for tok in (self.trigger, *self.mentions):
            sents.setdefault(tok.sent.start, tok.sent)
        if evidence and self.evidence_sent is not None:
            sents.setdefault(self.evidence_sent.start, self.evidence_sent)
        return [sents[start] for start in sorted(sents)]

    @property
    def is_verbal(self) -> bool:
        """A statement rather than a material act (ACCUSE, THREATEN, REQUEST ...)."""
        return self.entry.kind in ("say", "claim")
