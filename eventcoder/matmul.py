"""Matrix products of spaCy's models through numpy's BLAS (OpenBLAS, or Accelerate on macOS) instead of BLIS.

thinc multiplies through BLIS, whose wheels choose a kernel by CPU model and fall back to a reference kernel, about
five times slower, on a CPU they do not know: on this project's AMD EPYC (Zen 5) machines that kernel took 58% of
the NER's time. numpy's BLAS chooses its kernel by instruction set. The models' outputs are unchanged (every tag,
arc and entity identical on the benchmark's articles); only where the products are computed moves.

numpy's BLAS runs one thread per process while coding (`one_blas_thread`): measured faster even for one process, as
the products are small, and it keeps worker processes from contending for cores.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits


class NumpyGemmOps(NumpyOps):
    """thinc's CPU operations with the matrix product done by numpy (same arguments, same results)."""

    def gemm(self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        """x @ y, either transposed first; written into `out` when given."""
        left = x.T if trans1 else x
        right = y.T if trans2 else y
        if out is None:
            return numpy.matmul(left, right)
        numpy.matmul(left, right, out=out)
        return out


def use_numpy_gemm(nlp: Language) -> int:
    """Give every layer of the pipeline's trained models the numpy-product operations; returns how many layers."""
    ops = NumpyGemmOps()
    layers = 0
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            layer.ops = ops
            layers += 1
    return layers


def one_blas_thread() -> threadpool_limits:
    """A context in which numpy's BLAS uses one thread; the caller's setting comes back on leaving it."""
    return threadpool_limits(limits=1, user_api="blas")
