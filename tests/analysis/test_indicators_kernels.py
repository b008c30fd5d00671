"""co_membership: scipy's ``B.T @ B`` without its diagonal, the matrix the run indicators' defence network was."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from foedus.analysis.indicators_kernels import co_membership


def _scipy(ay: np.ndarray, sn: np.ndarray, n_groups: int, n_nodes: int) -> sparse.csr_matrix:
    """The former path of foedus.analysis.indicators._defence_ties."""
    B = sparse.csr_matrix((np.ones(len(ay)), (ay, sn)), shape=(n_groups, n_nodes))
    co = (B.T @ B).tocsr()
    co = (co - sparse.diags(co.diagonal())).tocsr()
    co.eliminate_zeros()
    co.sort_indices()
    return co


def _ones(rng: np.random.Generator, n_groups: int, n_nodes: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """``m`` random ones of a (n_groups, n_nodes) matrix, distinct and sorted by group then node, as the indicators give them."""
    key = np.unique(rng.integers(0, n_groups * n_nodes, m)) if m else np.zeros(0, np.int64)
    return key // n_nodes, key % n_nodes


@pytest.mark.parametrize("seed", range(40))
def test_co_membership_is_the_sparse_product(seed):
    rng = np.random.default_rng(seed)
    n_groups, n_nodes = int(rng.integers(1, 30)), int(rng.integers(1, 80))
    m = int(rng.integers(0, 3 * n_nodes))
    ay, sn = _ones(rng, n_groups, n_nodes, m)
    got, want = co_membership(ay, sn, n_groups, n_nodes), _scipy(ay, sn, n_groups, n_nodes)
    assert got.shape == want.shape and got.has_sorted_indices
    assert np.array_equal(got.indptr, want.indptr) and np.array_equal(got.indices, want.indices)
    assert got.data.dtype == want.data.dtype and np.array_equal(got.data, want.data)
    assert got.indptr.dtype == want.indptr.dtype and got.indices.dtype == want.indices.dtype
    assert (got != got.T).nnz == 0  # symmetric, as a co-membership is


def test_co_membership_counts_shared_groups():
    # groups {0, 1, 2} and {1, 2}: 1 and 2 share two groups, 0 shares one with each; node 3 alone
    got = co_membership(np.array([0, 0, 0, 1, 1]), np.array([0, 1, 2, 1, 2]), 2, 4).toarray()
    assert got.tolist() == [[0, 1, 1, 0], [1, 0, 2, 0], [1, 2, 0, 0], [0, 0, 0, 0]]
