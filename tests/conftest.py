"""Shared fixtures: one loaded pipeline per test session, and the path of the project's shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline with the offline spaCy model, loaded once."""
    from eventcoder.pipeline import Pipeline
    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code one text and return its events as dicts."""
    def run(text: str, published: str = "2024-03-02") -> list[dict]:
        result = pipeline.code_text(text, published=published)
        assert result.error is None, result.error
        return [event.to_dict() for event in result.events]
    return run
