"""The numpy matrix product that replaces BLIS's in spaCy's models: same numbers, same parses, one BLAS thread."""

from __future__ import annotations

import numpy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from eventcoder.matmul import NumpyGemmOps, one_blas_thread, use_numpy_gemm

SHAPES = st.tuples(st.integers(1, 9), st.integers(1, 9), st.integers(1, 9))


@settings(max_examples=60, deadline=None)
@given(SHAPES, st.booleans(), st.booleans(), st.booleans(), st.integers(0, 2**31 - 1))
def test_gemm_equals_thincs_own(shape: tuple[int, int, int], trans1: bool, trans2: bool, into: bool,
                                seed: int) -> None:
    m, k, n = shape
    rng = numpy.random.default_rng(seed)
    x = rng.standard_normal((k, m) if trans1 else (m, k)).astype("float32")
    y = rng.standard_normal((n, k) if trans2 else (k, n)).astype("float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    if into:
        out = numpy.full((m, n), 7.0, dtype="float32")
        got = NumpyGemmOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        assert got is out
    else:
        got = NumpyGemmOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == (m, n) and got.dtype == numpy.float32
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def _blas_threads() -> list[int]:
    return [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]


def test_one_blas_thread_inside_the_context_only() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert set(_blas_threads()) <= {1}
    assert _blas_threads() == before


@pytest.mark.slow
def test_pipeline_uses_numpy_products_and_they_parse_as_blis_does() -> None:
    import spacy

    from eventcoder.nlp import MODEL_PACKAGE, load_nlp

    for name in ("tok2vec", "parser", "ner"):
        assert all(isinstance(layer.ops, NumpyGemmOps) for layer in load_nlp().get_pipe(name).model.walk())
    stock, ours = spacy.load(MODEL_PACKAGE), spacy.load(MODEL_PACKAGE)
    assert use_numpy_gemm(ours) == 141  # tok2vec 65 layers, tagger 4, parser 7, ner 65
    assert not isinstance(stock.get_pipe("ner").model.ops, NumpyGemmOps)
    text = ("A US drone strike in Baghdad killed a Kataeb Hezbollah commander on Wednesday evening, two days after "
            "a drone attack on Tower 22 in Jordan killed three American soldiers.")
    ours_doc, stock_doc = ours(text), stock(text)
    assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in ours_doc] == \
        [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in stock_doc]


def test_use_numpy_gemm_counts_the_layers_it_changed() -> None:
    from spacy.lang.en import English

    blank = English()
    blank.add_pipe("sentencizer")  # no trained model: nothing to change
    assert use_numpy_gemm(blank) == 0
