"""Alliance portfolio similarity: Kendall's tau-b and the Signorino–Ritter S score (brief H2).

Two states have similar *alliance portfolios* when they are allied to the same third states in
the same way. Each state ``i`` has a portfolio vector ``T[i, :]``: its tie level with every
state ``k`` of a reference set (itself included), on an ordinal scale. The similarity of two
portfolios is measured by

* Kendall's tau-b between the two vectors (Bueno de Mesquita 1975), see :func:`tau_b`;
* the S score of Signorino & Ritter (1999), one minus a normalised distance between the two
  vectors, unweighted or weighted by the third states' capabilities, see :func:`s_score`.

Today researchers take these from EUGene (Bennett & Stam 2000), precomputed with fixed choices.
Here they are computed from the raw alliance and capability records with every choice exposed:
the mapping from ATOP obligations to tie levels
(:data:`~foedus.analysis.portfolios.ATOP_TIE_LEVELS`), the distance (absolute or squared), the
weights (none or CINC) and the reference set (the whole system or the two states' regions,
:data:`~foedus.analysis.portfolios.COW_REGIONS`).

The tie matrix each portfolio is a row of (tie levels from ATOP obligations, membership in a
year, regions) is defined in :mod:`foedus.analysis.portfolios`.

References
----------
.. [1] Bueno de Mesquita, B. 1975. "Measuring Systemic Polarity." *Journal of Conflict
   Resolution* 19(2): 187–216.
.. [2] Signorino, C. S., and J. M. Ritter. 1999. "Tau-b or Not Tau-b: Measuring the Similarity
   of Foreign Policy Positions." *International Studies Quarterly* 43(1): 115–144.
.. [3] Kendall, M. G. 1945. "The Treatment of Ties in Ranking Problems." *Biometrika* 33(3):
   239–251.
.. [4] Leeds, B. A., J. M. Ritter, S. M. Mitchell, and A. G. Long. 2002. "Alliance Treaty
   Obligations and Provisions, 1815–1944." *International Interactions* 28: 237–260.
.. [5] Singer, J. D., and M. Small. 1966. "Formal Alliances, 1815–1939: A Quantitative
   Description." *Journal of Peace Research* 3(1): 1–32.
.. [6] Bennett, D. S., and A. C. Stam. 2000. "EUGene: A Conceptual Manual." *International
   Interactions* 26(2): 179–204.
.. [7] Jones, D. M., S. A. Bremer, and J. D. Singer. 1996. "Militarized Interstate Disputes,
   1816–1992." *Conflict Management and Peace Science* 15(2): 163–213 (COW region codes).
.. [8] Häge, F. M. 2011. "Choice or Circumstance? Adjusting Measures of Foreign Policy
   Similarity for Chance Agreement." *Political Analysis* 19(3): 287–305.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from numba import njit

from foedus.analysis.portfolios import ATOP_TIE_LEVELS, COW_REGIONS, Portfolios, check_levels, cow_region
from foedus.schema import History

GLOBAL_MEASURES: tuple[str, ...] = (
    "tau_b",
    "s_unweighted_abs",
    "s_unweighted_sq",
    "s_weighted_abs",
    "s_weighted_sq",
)
"""Measures over the global reference set (all system members in the year)."""

MEASURES: tuple[str, ...] = GLOBAL_MEASURES + tuple(f"{m}_regional" for m in GLOBAL_MEASURES)
"""Every measure :func:`similarity_dyad_years` can compute, in output column order.

``tau_b``: Kendall's tau-b; ``s_{unweighted,weighted}_{abs,sq}``: S with unit or CINC weights and
absolute or squared distance; the ``_regional`` suffix restricts the reference set to the
states of the two members' regions (:data:`~foedus.analysis.portfolios.COW_REGIONS`).
"""

_DISTANCES = ("absolute", "squared")


# ---------------------------------------------------------------------------------------------
# Similarity of two arbitrary vectors
# ---------------------------------------------------------------------------------------------


def _as_vector(x, name: str) -> np.ndarray:
    try:
        v = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{name}: expected a sequence of numbers ({e})") from e
    if v.ndim != 1:
        raise ValueError(f"{name}: expected a 1-D vector, got an array of shape {v.shape}")
    if not np.all(np.isfinite(v)):
        i = int(np.flatnonzero(~np.isfinite(v))[0])
        raise ValueError(f"{name}: element {i} is {v[i]} (values must be finite numbers)")
    return v


def _pair(a, b) -> tuple[np.ndarray, np.ndarray]:
    va, vb = _as_vector(a, "a"), _as_vector(b, "b")
    if va.shape != vb.shape:
        raise ValueError(f"a and b must have the same length, got {va.size} and {vb.size}")
    return va, vb


def tau_b(a: Sequence[float], b: Sequence[float]) -> float:
    """Kendall's tau-b between two portfolio vectors (Bueno de Mesquita 1975; brief H2).

    Over all ``n0 = n(n-1)/2`` pairs of positions ``k < k'``, let ``P`` be the number of
    concordant pairs (``a`` and ``b`` order the two positions the same way), ``Q`` the number of
    discordant pairs, ``n1`` the number of pairs tied in ``a`` and ``n2`` the number tied in
    ``b``. Then (Kendall 1945)

    .. math::

        \\tau_b = \\frac{P - Q}{\\sqrt{(n_0 - n_1)(n_0 - n_2)}}.

    This is the variant ``"b"`` of :func:`scipy.stats.kendalltau`. Bueno de Mesquita (1975)
    applied it to two states' alliance portfolios (ordinal tie levels to every state of the
    system); Signorino & Ritter (1999) show why it measures association rather than
    similarity (e.g. ``b = a + 1`` gives 1), which motivates :func:`s_score`.

    Parameters
    ----------
    a, b : sequence of float
        Two vectors of equal length ``n >= 2`` (e.g. tie levels 0-3 of two states with every
        state of a reference set). Only their order matters.

    Returns
    -------
    float
        tau-b in [-1, 1]; ``nan`` when ``a`` or ``b`` is constant (the denominator is zero).

    Raises
    ------
    ValueError
        Vectors of different lengths, shorter than 2, not 1-D, or with non-finite values.

    Examples
    --------
    >>> tau_b([3, 1, 0, 0], [3, 1, 0, 0])
    1.0
    >>> tau_b([3, 0, 2, 0], [0, 3, 0, 2])   # P = 0, Q = 4, one tie in each: -4 / sqrt(5 * 5)
    -0.8
    """
    va, vb = _pair(a, b)
    n = va.size
    if n < 2:
        raise ValueError(f"tau_b needs vectors of at least 2 elements, got {n}")
    # Sum of sign(a_k - a_k') * sign(b_k - b_k') over k < k', in row blocks to bound memory.
    s = 0
    block = max(1, 2_000_000 // n)
    for start in range(0, n, block):
        stop = min(n, start + block)
        da = np.sign(va[start:stop, None] - va[None, :])
        db = np.sign(vb[start:stop, None] - vb[None, :])
        s += int(np.sum(da * db, dtype=np.int64))
    s //= 2  # each unordered pair was counted twice
    n0 = n * (n - 1) // 2
    _, ca = np.unique(va, return_counts=True)
    _, cb = np.unique(vb, return_counts=True)
    n1 = int(np.sum(ca * (ca - 1) // 2))
    n2 = int(np.sum(cb * (cb - 1) // 2))
    denom = (n0 - n1) * (n0 - n2)
    if denom == 0:
        return float("nan")
    return float(s / np.sqrt(float(denom)))


def s_score(
    a: Sequence[float],
    b: Sequence[float],
    weights: Sequence[float] | None = None,
    distance: str = "absolute",
    d_max: float | None = None,
) -> float:
    """Signorino & Ritter's (1999) S score of similarity between two position vectors (brief H2).

    .. math::

        S = 1 - 2\\,\\frac{\\sum_k w_k\\, d(a_k, b_k)}{\\sum_k w_k\\, d_{max}}

    with ``d(a, b) = |a - b|`` (``distance="absolute"``, the city-block metric Signorino & Ritter
    use) or ``d(a, b) = (a - b)**2`` (``distance="squared"``, a common variant that penalises
    large disagreements more; Häge 2011 discusses such choices). ``d_max`` is the largest
    possible distance on one dimension: for the absolute form the scale's range ``d_max``, for
    the squared form ``d_max**2`` (one passes the *range* in both cases). With unit weights and
    the absolute metric, ``S = 1 - 2 * sum|a_k - b_k| / (n * d_max)``. S is 1 for identical vectors and -1 when every position is at
    opposite ends of the scale; it is symmetric in ``a`` and ``b`` and unchanged when all
    weights are multiplied by the same positive number.

    Parameters
    ----------
    a, b : sequence of float
        Positions of two actors on each dimension ``k`` (e.g. tie levels 0-3 of two states with
        every state of a reference set), equal lengths ``n >= 1``.
    weights : sequence of float, optional
        Non-negative weight of each dimension (Signorino & Ritter's capability weighting uses
        each third state's CINC share); not all zero. Default: all 1.
    distance : {"absolute", "squared"}
        The distance ``d`` above.
    d_max : float, optional
        Range of the scale (same units as ``a`` and ``b``), e.g. 3 for the alliance tie scale.
        Default: the observed range ``max(a, b) - min(a, b)``; pass the scale's range whenever
        it is known, as the observed range depends on the data.

    Returns
    -------
    float
        S in [-1, 1]. Two constant, equal vectors with ``d_max=None`` give 1.

    Raises
    ------
    ValueError
        Length mismatch, empty or non-finite input, negative or all-zero weights, unknown
        ``distance``, non-positive ``d_max`` or one smaller than an observed ``|a - b|``.

    Examples
    --------
    >>> s_score([3, 0, 0, 1], [3, 0, 0, 1], d_max=3)
    1.0
    >>> s_score([0, 3], [3, 0], d_max=3)
    -1.0
    >>> round(s_score([3, 2, 0], [3, 0, 1], d_max=3), 4)   # 1 - 2 * (0 + 2 + 1) / (3 * 3)
    0.3333
    """
    va, vb = _pair(a, b)
    if va.size == 0:
        raise ValueError("s_score needs non-empty vectors")
    if distance not in _DISTANCES:
        raise ValueError(f"unknown distance {distance!r}; expected one of {', '.join(_DISTANCES)}")
    if weights is None:
        w = np.ones_like(va)
    else:
        w = _as_vector(weights, "weights")
        if w.shape != va.shape:
            raise ValueError(f"weights must have the same length as a and b ({va.size}), got {w.size}")
        if np.any(w < 0):
            i = int(np.flatnonzero(w < 0)[0])
            raise ValueError(f"weights: element {i} is negative ({w[i]}); weights must be >= 0")
        if not np.any(w > 0):
            raise ValueError("weights are all zero: S is undefined")
    diff = np.abs(va - vb)
    if d_max is None:
        both = np.concatenate([va, vb])
        rng = float(both.max() - both.min())
        if rng == 0.0:
            return 1.0
    else:
        rng = float(d_max)
        if not np.isfinite(rng) or rng <= 0:
            raise ValueError(f"d_max must be a positive number, got {d_max!r}")
        if diff.max() > rng * (1 + 1e-12):
            raise ValueError(f"d_max={d_max} is smaller than an observed distance |a - b| = {diff.max()}")
    if distance == "squared":
        diff, rng = diff**2, rng**2
    return float(1.0 - 2.0 * np.dot(w, diff) / (w.sum() * rng))


# ---------------------------------------------------------------------------------------------
# All dyads of a year at once
# ---------------------------------------------------------------------------------------------


@njit(cache=True)
def _tau_from_table(F: np.ndarray) -> float:
    """Kendall's tau-b of one K x K joint frequency table (Kendall 1945).

    ``P - Q = sum_{l,m} F[l,m] (sum_{l'>l, m'>m} F - sum_{l'>l, m'<m} F)``, with the inner sums
    read from running column sums of the rows below ``l``.
    """
    K = F.shape[0]
    below = np.zeros(K)  # below[m] = sum over l' > l of F[l', m]
    pq = 0.0
    for lv in range(K - 2, -1, -1):
        for m in range(K):
            below[m] += F[lv + 1, m]
        after = 0.0  # sum of below[m'] for m' > m
        for m in range(K - 1, -1, -1):
            pq += F[lv, m] * after
            after += below[m]
        before = 0.0  # sum of below[m'] for m' < m
        for m in range(K):
            pq -= F[lv, m] * before
            before += below[m]
    total = 0.0
    n1 = 0.0
    n2 = 0.0
    for lv in range(K):
        r = 0.0
        c = 0.0
        for m in range(K):
            r += F[lv, m]
            c += F[m, lv]
        total += r
        n1 += r * (r - 1.0) / 2.0
        n2 += c * (c - 1.0) / 2.0
    n0 = total * (total - 1.0) / 2.0
    denom = (n0 - n1) * (n0 - n2)
    if denom <= 0.0:
        return np.nan
    return pq / np.sqrt(denom)


@njit(cache=True)
def _s_from_table(F: np.ndarray, top: float, squared: bool) -> float:
    """S of one (weighted) K x K joint table: ``1 - 2 sum |l-m| F[l,m] / (sum F * d_max)``."""
    K = F.shape[0]
    dist = 0.0
    total = 0.0
    for lv in range(K):
        for m in range(K):
            d = abs(lv - m)
            if squared:
                d = d * d
            dist += d * F[lv, m]
            total += F[lv, m]
    if total <= 0.0:
        return np.nan
    dmax = top * top if squared else top
    return 1.0 - 2.0 * dist / (total * dmax)


@njit(cache=True)
def _measures_from_tables(C: np.ndarray, Cw: np.ndarray, top: float, out: np.ndarray, col: int) -> None:
    """Write tau-b and the four S variants of one reference set into ``out[col:col + 5]``."""
    out[col] = _tau_from_table(C)
    out[col + 1] = _s_from_table(C, top, False)
    out[col + 2] = _s_from_table(C, top, True)
    out[col + 3] = _s_from_table(Cw, top, False)
    out[col + 4] = _s_from_table(Cw, top, True)


@njit(cache=True)
def _dyad_kernel(T: np.ndarray, w: np.ndarray, groups: np.ndarray, n_groups: int, K: int, top: float) -> np.ndarray:
    """All ten measures for every pair i < j of one year, pairs in ``np.triu_indices`` order.

    For each pair one pass over the reference states ``k`` fills, per COW region of ``k``, the
    joint frequency table ``C[g, T[i,k], T[j,k]] += 1`` and its CINC-weighted twin
    (``+= w[k]``). The global tables are the sums over regions; the regional tables the sums
    over the regions of ``i`` and ``j`` (tables add up over disjoint sets of ``k``).
    """
    n = T.shape[0]
    out = np.empty((n * (n - 1) // 2, 10))
    C = np.zeros((n_groups, K, K))
    Cw = np.zeros((n_groups, K, K))
    F = np.zeros((K, K))
    Fw = np.zeros((K, K))
    q = 0
    for i in range(n):
        for j in range(i + 1, n):
            C[:] = 0.0
            Cw[:] = 0.0
            for k in range(n):
                g = groups[k]
                a = T[i, k]
                b = T[j, k]
                C[g, a, b] += 1.0
                Cw[g, a, b] += w[k]
            F[:] = 0.0
            Fw[:] = 0.0
            for g in range(n_groups):
                F += C[g]
                Fw += Cw[g]
            _measures_from_tables(F, Fw, top, out[q], 0)
            gi = groups[i]
            gj = groups[j]
            F[:] = C[gi]
            Fw[:] = Cw[gi]
            if gj != gi:
                F += C[gj]
                Fw += Cw[gj]
            _measures_from_tables(F, Fw, top, out[q], 5)
            q += 1
    return out


def _year_frame(
    codes: np.ndarray, T: np.ndarray, w: np.ndarray, year: int, top: int, measures: Sequence[str]
) -> pd.DataFrame:
    """All requested measures for all pairs of one year (tie matrix T over ``codes``, CINC weights w)."""
    n = codes.size
    iu, ju = np.triu_indices(n, k=1)
    regional = any(m.endswith("_regional") for m in measures)
    groups = cow_region(codes) if regional else np.zeros(n, dtype=np.int64)
    n_groups = len(COW_REGIONS) if regional else 1
    if n >= 2:
        values = _dyad_kernel(
            np.ascontiguousarray(T, dtype=np.int64), np.ascontiguousarray(w, dtype=np.float64),
            groups.astype(np.int64), n_groups, top + 1, float(top),
        )
    else:
        values = np.empty((0, len(MEASURES)))
    out = {"ccode1": codes[iu], "ccode2": codes[ju], "year": np.full(iu.size, year, dtype=np.int64)}
    for m in measures:
        out[m] = values[:, MEASURES.index(m)]
    return pd.DataFrame(out)


def _check_measures(measures: Iterable[str]) -> tuple[str, ...]:
    ms = tuple(measures)
    bad = [m for m in ms if m not in MEASURES]
    if bad:
        raise ValueError(f"unknown measure(s) {bad}; expected among {', '.join(MEASURES)}")
    if not ms:
        raise ValueError("measures: name at least one measure")
    return tuple(m for m in MEASURES if m in ms)


def default_years(history: History) -> range:
    """The years :func:`similarity_dyad_years` covers by default.

    Parameters
    ----------
    history : foedus.schema.History
        A history with at least one state spell.

    Returns
    -------
    range
        From the later of ``history.first_year`` and the first state-system year to
        ``history.last_year``: 1816-2018 for the record (ATOP starts in 1815, the COW state
        system in 1816).
    """
    first = max(int(history.first_year), int(history.states["start_year"].min()))
    return range(first, int(history.last_year) + 1)


def similarity_dyad_years(
    history: History,
    years: Iterable[int] | None = None,
    measures: Iterable[str] = MEASURES,
    levels: Mapping[str, int] = ATOP_TIE_LEVELS,
    kinds: Sequence[str] = ("alliance",),
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """Alliance portfolio similarity of every dyad of system members in every year (brief H2).

    For each year the tie matrix ``T`` (:func:`foedus.analysis.portfolios.portfolio_matrix`) gives every state's portfolio.
    For each pair ``(i, j)`` the joint frequency table ``F[l, m] = #{k : T[i,k] = l, T[j,k] = m}``
    over the reference set holds everything both measures need: tau-b from its concordant,
    discordant and tied pairs (:func:`tau_b`), S from ``sum |l - m| F[l, m]`` (or squared,
    :func:`s_score`); the capability-weighted S uses the same table with each ``k`` counted with
    weight CINC_k. A compiled (numba) kernel fills, for each pair, one table per COW region of
    ``k`` in a single pass over ``k``; the global table is their sum and the regional one the sum
    over the two members' regions (tables add up over disjoint sets of ``k``), so all ten
    measures cost one O(n) pass per pair, O(n^3) per year, with no Python loop over dyads. The
    results equal :func:`tau_b` and :func:`s_score` applied to each pair's portfolio vectors
    (checked by the tests and by ``benchmarks/similarity.py``).

    Conventions: the reference set always contains both members of the dyad (self-tie = top
    level); ``d_max`` is the top tie level (3 on the default scale); CINC missing for a state
    counts as weight 0, and a weighted S whose reference set has zero total weight is ``nan``;
    tau-b is ``nan`` when a portfolio is constant over the reference set.

    Parameters
    ----------
    history : foedus.schema.History
        The record (:func:`foedus.data.load_record`) or a simulated run.
    years : iterable of int, optional
        Years to compute; default :func:`default_years` (1816-2018 for the record). Each must lie
        in ``[history.first_year, history.last_year]``.
    measures : iterable of str
        Subset of :data:`MEASURES` (default all).
    levels, kinds
        As for :func:`foedus.analysis.portfolios.portfolio_matrix`.
    progress : callable, optional
        Called with each year once it is done (for progress bars).

    Returns
    -------
    pandas.DataFrame
        Columns ``ccode1, ccode2`` (COW codes, ``ccode1 < ccode2``), ``year``, then the
        requested measures in :data:`MEASURES` order (float64, in [-1, 1] or nan). One row per
        unordered pair of system members per year.

    Raises
    ------
    ValueError
        Unknown measure, bad ``levels``, a year outside the history's window, or (regional
        measures) a state code in no COW region.
    """
    ms = _check_measures(measures)
    ys = list(default_years(history) if years is None else years)
    for y in ys:
        if not history.first_year <= int(y) <= history.last_year:
            raise ValueError(f"year {y} is outside the history's window {history.first_year}-{history.last_year}")
    pf = Portfolios(history, levels, kinds)
    frames = []
    for y in ys:
        codes, T = pf.ties(int(y))
        w = pf.weights(codes, int(y))
        frames.append(_year_frame(codes, T, w, int(y), pf.top, ms))
        if progress is not None:
            progress(int(y))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("ccode1", "ccode2", "year") else "float64") for c in ("ccode1", "ccode2", "year", *ms)})
    return pd.concat(frames, ignore_index=True)


def write_similarity_parquet(
    history: History,
    path: Path | str,
    years: Iterable[int] | None = None,
    measures: Iterable[str] = MEASURES,
    levels: Mapping[str, int] = ATOP_TIE_LEVELS,
    kinds: Sequence[str] = ("alliance",),
    progress: Callable[[int], None] | None = None,
) -> Path:
    """Compute :func:`similarity_dyad_years` and write it to a Parquet file.

    The file is written under a temporary name and renamed into place, so an interrupted run
    never leaves a half-written file. Its schema metadata (key ``foedus.similarity``) records
    the choices made: tie levels, agreement kinds, regions, ``d_max`` and the history's source.

    Parameters
    ----------
    history, years, measures, levels, kinds, progress
        As for :func:`similarity_dyad_years`.
    path : path-like
        Output file (``.parquet``); its folder must exist.

    Returns
    -------
    pathlib.Path
        ``path``.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = Path(path)
    if not path.parent.is_dir():
        raise ValueError(f"{path}: folder {path.parent} does not exist")
    df = similarity_dyad_years(history, years, measures, levels, kinds, progress)
    lv = check_levels(levels)
    meta = {
        "levels": lv,
        "self_tie": max(lv.values()),
        "d_max": max(lv.values()),
        "kinds": list(kinds),
        "regions": [list(r) for r in COW_REGIONS],
        "weights": "COW NMC cinc (missing = 0)",
        "source": history.source,
        "references": "Bueno de Mesquita 1975; Signorino & Ritter 1999",
    }
    table = pa.Table.from_pandas(df, preserve_index=False)
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), b"foedus.similarity": json.dumps(meta).encode()})
    tmp = path.with_name(path.name + ".tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)
    return path
