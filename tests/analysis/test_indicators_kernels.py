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


@pytest.mark.parametrize("seed", range(20))
def test_con_and_effective_years_is_the_loop_over_years(seed):
    """The compiled CON and effective numbers of every year are indicators._con_and_effective of each year's values, to
    the bit: groups of 1 to 128 values (numpy's pairwise sums below 8 values and in one unrolled block), values over 16
    orders of magnitude, zeros, a year of zeros (NaN), years without rows; None (the caller loops) beyond 128 values."""
    from foedus.analysis.indicators import _con_and_effective
    from foedus.analysis.indicators_kernels import con_and_effective_years

    rng = np.random.default_rng(seed)
    Y = int(rng.integers(1, 12))
    sizes_c = rng.integers(0, [5, 12, 129][seed % 3], Y)
    sizes_b = np.where(sizes_c > 0, rng.integers(1, 12, Y), 0)
    c_t, b_t = np.repeat(np.arange(Y), sizes_c), np.repeat(np.arange(Y), sizes_b)
    c = rng.random(len(c_t)) * 10.0 ** rng.integers(-8, 8, len(c_t))
    b = rng.random(len(b_t)) * 10.0 ** rng.integers(-8, 8, len(b_t))
    c[rng.random(len(c)) < 0.1] = 0.0
    if len(c_t) and seed % 4 == 0:
        c[c_t == c_t[0]] = 0.0  # a year whose majors' total is 0
    con, eff_c, eff_b = con_and_effective_years(c, c_t, b, b_t, Y)
    for y in range(Y):
        if not (c_t == y).any():
            assert np.isnan(con[y]) and np.isnan(eff_c[y]) and np.isnan(eff_b[y])
            continue
        want_con, want_eff = _con_and_effective(c[c_t == y])
        got = (con[y], eff_c[y], eff_b[y])
        want = (want_con, want_eff, _con_and_effective(b[b_t == y])[1])
        assert np.array(got).tobytes() == np.array(want).tobytes(), (y, got, want)


def test_con_and_effective_years_leaves_large_years_to_the_loop():
    from foedus.analysis.indicators_kernels import (
        PAIRWISE_BLOCK,
        con_and_effective_years,
    )

    c_t = np.zeros(PAIRWISE_BLOCK + 1, np.int64)
    assert con_and_effective_years(np.ones(len(c_t)), c_t, np.ones(1), np.zeros(1, np.int64), 1) is None
    assert con_and_effective_years(np.ones(len(c_t) - 1), c_t[1:], np.ones(1), np.zeros(1, np.int64), 1) is not None
