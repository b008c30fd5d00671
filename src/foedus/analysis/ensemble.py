"""What an ensemble of simulated worlds says: indicators per run and year, bands, comparisons.

One simulated century is an anecdote; an ensemble of ``R`` runs (:mod:`foedus.sim.ensemble`)
gives, for every indicator and year, a distribution over runs. This module

1. computes the **indicators of one run** from its compact record
   (:func:`run_indicators`; the ensemble runner calls it on the workers, so only these small
   tables are stored): per year the alliance counts, blocs and polarity, arms spending and
   conflicts (table ``system``), and per state and year its spending, capability share, tier
   and bloc (table ``states``);
2. summarises an ensemble by **median and 5-95 % bands** per year (:func:`bands`,
   :func:`summary`, :func:`state_bands`), each great power's alignments
   (:func:`great_power_alignments`), and the **probability that two given states are allied**
   in (or by) a given year with its binomial uncertainty (:func:`pair_allied`);
3. **compares two ensembles** with the uncertainty of the difference (:func:`compare`);
4. turns a chosen outcome ("a Russia-China defence pact by 2040") into one yes/no per run
   (:func:`outcome`) for scenario discovery (:mod:`foedus.sim.ensemble.discovery`).

Blocs of a run: pole-anchored
-----------------------------
Membership in a year follows :mod:`foedus.analysis.network` (a spell counts for every year it
touches). Blocs are the *pole-anchored blocs* of :mod:`foedus.analysis.polarity`
(``method="poles"``), found in each year's defence-pact network:

1. the poles are the major powers (Waltz 1979); a major power allied by a defence pact to a
   stronger major power (higher CINC; ties to the lower COW code) joins the bloc of the
   strongest such ally, and a major power with no stronger major-power ally anchors a bloc;
2. any other state allied to a major power joins the bloc of the strongest major power it is
   directly allied to (a state allied to major powers of several blocs is *contested*);
3. states allied to no major power form pole-less blocs: the connected components of their
   pacts among themselves.

This counts poles as the great powers and their alliance clusters (Bueno de Mesquita 1975;
Wayman 1984; the lesser states clustering around the poles are the "bipolarization" of Rapkin,
Thompson & Christopherson 1979). Only *direct* commitments tie a state to a bloc, so a chain
of pacts does not merge rival camps: in ``world-2022`` Azerbaijan is pledged to Russia (the
1992 Tashkent treaty as ATOP codes it, atopid 4400) and to Turkey (6035), and Turkey to the
United States (3360, NATO), a chain that put Russia in the United States' connected
component, which the previous definition (connected components, still available as
``method="components"`` of :mod:`foedus.analysis.polarity`) took for one bloc; by the end of
the 2030s that component held all seven great powers in every run. Greedy-modularity communities
(``method="modularity"``) avoid the chain but follow the density of ties rather than the
powers (NATO Europe becomes a community apart from the United States) and cost about two
seconds per 30-year run, against a few milliseconds here. The polarity columns are equal to
:func:`foedus.analysis.polarity.polarity` with ``method="poles"`` on the run's history (a test
checks it).

Indicators of a run (table ``system``, one row per year)
--------------------------------------------------------

``alliances``, ``defense_pacts``, ``coalitions``
    Agreements of kind alliance / alliances with a defence obligation / coalitions in force.
``alliance_size``
    Mean number of members of the alliances in force (NaN without one).
``states``, ``aligned_states``, ``defense_dyads``, ``majors``
    States present, states with at least one defence pact, pairs of states sharing a defence
    pact, major powers.
``blocs``, ``largest_bloc``
    Blocs of two or more states (with or without a pole) and the members of the largest.
``poles``
    Blocs with a major power: the number of anchoring major powers, each unaligned major
    power counting as one (2 in a bipolar system).
``cluster_poles``
    Wayman's (1984) cluster polarity: groups of major powers linked (transitively) by defence
    pacts among themselves, minor allies ignored; never above ``poles``.
``contested``
    States allied to a major power outside their own bloc.
``con``, ``effective_poles``, ``effective_blocs``
    Capability concentration of the major powers (Ray & Singer 1973), effective number of
    major powers and of poles' blocs by capability (Laakso & Taagepera 1979); as in
    :func:`foedus.analysis.polarity.polarity`.
``milex``
    Total military expenditure of the modelled states, thousands of US$ (COW NMC units).
``formations``, ``accessions``, ``exits``, ``dissolutions``, ``disputes``, ``wars``,
``crises``, ``cyber_incidents``, ``commitment_calls``, ``shocks``, ``coalition_events``
    Events of each kind of :data:`foedus.schema.EVENT_KINDS` begun that year (``disputes`` are
    militarised disputes, ``wars`` disputes escalated to war or invasions, ``cyber_incidents``
    attributed intrusions, ``commitment_calls`` allies called on to honour a commitment).

Bands
-----
For an indicator ``x`` and year ``y`` over the ``R`` runs, the band is the empirical 5 %,
50 % and 95 % quantiles of ``x[r, y]`` (``numpy.nanquantile``, linear interpolation, Hyndman &
Fan 1996 definition 7). The band describes the spread of outcomes across runs, not the
uncertainty of an estimate; the Monte Carlo uncertainty of the median is given by
``median_lo .. median_hi``, the distribution-free order-statistic confidence interval of the
median (ranks ``j`` and ``R + 1 - j`` with ``j`` the ``alpha / 2`` quantile of
Binomial(R, 1/2); Conover 1999, section 3.2), of level at least 90 %.

References
----------
.. [1] Hyndman, R. J. and Y. Fan. 1996. "Sample Quantiles in Statistical Packages." *The
   American Statistician* 50(4): 361-65.
.. [2] Brown, L. D., T. T. Cai and A. DasGupta. 2001. "Interval Estimation for a Binomial
   Proportion." *Statistical Science* 16(2): 101-33 (the Jeffreys interval).
.. [3] Efron, B. and R. J. Tibshirani. 1993. *An Introduction to the Bootstrap*. Chapman & Hall.
.. [4] Mann, H. B. and D. R. Whitney. 1947. "On a Test of Whether One of Two Random Variables
   is Stochastically Larger than the Other." *Annals of Mathematical Statistics* 18(1): 50-60.
.. [5] Conover, W. J. 1999. *Practical Nonparametric Statistics*, 3rd ed. Wiley.
.. [6] Ray, J. L. and J. D. Singer. 1973; Wayman, F. W. 1984; Laakso, M. and R. Taagepera.
   1979 (see :mod:`foedus.analysis.polarity`).
.. [7] Bueno de Mesquita, B. 1975. "Measuring Systemic Polarity." *Journal of Conflict
   Resolution* 19(2): 187-216.
.. [8] Waltz, K. N. 1979. *Theory of International Politics*. Addison-Wesley.
.. [9] Rapkin, D. P., W. R. Thompson and J. A. Christopherson. 1979. "Bipolarity and
   Bipolarization in the Cold War Era." *Journal of Conflict Resolution* 23(2): 261-95.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from foedus.analysis.polarity import _contested, _strength_rank, pole_bloc_leaders


if TYPE_CHECKING:  # pragma: no cover
    from foedus.sim.ensemble.compact import RunRecord
    from foedus.sim.ensemble.store import EnsembleStore

__all__ = [
    "INDICATORS",
    "EVENT_COLUMNS",
    "DEFAULT_INDICATORS",
    "run_indicators",
    "bands",
    "summary",
    "state_bands",
    "resolve_state",
    "great_power_alignments",
    "pair_allied",
    "compare",
    "Outcome",
    "parse_outcome",
    "outcome",
]

EVENT_COLUMNS: dict[str, str] = {
    "formation": "formations",
    "accession": "accessions",
    "exit": "exits",
    "dissolution": "dissolutions",
    "dispute": "disputes",
    "war": "wars",
    "crisis": "crises",
    "coalition": "coalition_events",
    "cyber": "cyber_incidents",
    "shock": "shocks",
    "commitment": "commitment_calls",
}
"""Column of table ``system`` counting each event kind of :data:`foedus.schema.EVENT_KINDS`."""

INDICATORS: dict[str, tuple[str, str]] = {
    "alliances": ("alliances in force", "count"),
    "defense_pacts": ("alliances with a defence obligation in force", "count"),
    "coalitions": ("coalitions in force", "count"),
    "alliance_size": ("mean members per alliance in force", "states"),
    "states": ("states in the system", "count"),
    "aligned_states": ("states with at least one defence pact", "count"),
    "defense_dyads": ("pairs of states linked by a defence pact", "count"),
    "blocs": ("pole-anchored defence blocs (two or more states, or a major power alone)", "count"),
    "largest_bloc": ("members of the largest bloc", "states"),
    "majors": ("major powers", "count"),
    "poles": ("poles: blocs anchored by a major power", "count"),
    "cluster_poles": ("clusters of allied major powers (Wayman 1984)", "count"),
    "con": ("capability concentration CON (Ray & Singer 1973)", "0-1"),
    "effective_poles": ("effective number of poles", "count"),
    "effective_blocs": ("effective number of blocs", "count"),
    "contested": ("states allied to a major power of another bloc", "count"),
    "milex": ("military expenditure, all states", "thousand US$"),
    "formations": ("agreements formed", "per year"),
    "accessions": ("accessions", "per year"),
    "exits": ("exits", "per year"),
    "dissolutions": ("dissolutions", "per year"),
    "disputes": ("militarised disputes begun", "per year"),
    "wars": ("wars begun", "per year"),
    "crises": ("crises begun", "per year"),
    "coalition_events": ("coalition events", "per year"),
    "cyber_incidents": ("attributed cyber intrusions", "per year"),
    "shocks": ("scheduled shocks", "per year"),
    "commitment_calls": ("allies called to honour a commitment", "per year"),
}
"""Every column of table ``system`` (besides ``run`` and ``year``): description and unit."""

DEFAULT_INDICATORS: tuple[str, ...] = ("alliances", "defense_pacts", "blocs", "poles", "largest_bloc", "milex", "disputes", "wars")
"""Indicators shown by default in summaries and figures."""

_POLARITY_INT = ("states", "aligned_states", "defense_dyads", "blocs", "largest_bloc", "majors", "poles", "cluster_poles", "contested")


# ====================================================================== one run
def _expand(start: np.ndarray, stop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row index and value of every integer in ``start[k] .. stop[k]`` (both included)."""
    n = np.maximum(stop - start + 1, 0)
    rows = np.repeat(np.arange(len(start)), n)
    offset = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
    return rows, start[rows] + offset


def _per_year_effective(year_idx: np.ndarray, values: np.ndarray, Y: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per year: number of values, total, and sum of squared shares of ``values`` (NaN shares -> 0)."""
    v = np.nan_to_num(values, nan=0.0)
    count = np.bincount(year_idx, minlength=Y)
    total = np.bincount(year_idx, weights=v, minlength=Y)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = v / total[year_idx]
        s2 = np.bincount(year_idx, weights=np.nan_to_num(share) ** 2, minlength=Y)
    return count, total, s2


def run_indicators(record: "RunRecord") -> dict[str, pd.DataFrame]:
    """Indicators of one run, per year (``system``) and per state and year (``states``).

    Vectorised over years, states and agreements: membership spells are expanded to
    member-years with ``numpy.repeat``; the defence-pact network of every year is one sparse
    bipartite graph (state-years and agreement-years), whose co-membership ``B.T @ B`` links
    the state-years of allies and gives each state's number of defence partners; the
    pole-anchored blocs of every year are found at once on that graph
    (:func:`foedus.analysis.polarity.pole_bloc_leaders`; see the module docstring).

    Parameters
    ----------
    record : foedus.sim.ensemble.compact.RunRecord

    Returns
    -------
    dict
        ``"system"``: one row per year, columns ``year`` and :data:`INDICATORS` (see the
        module docstring). ``"states"``: one row per state present and year, columns ``year,
        ccode, milex`` (thousand US$), ``cinc``, ``major``, ``tier``, ``degree`` (defence
        partners), ``bloc`` (the bloc leader's code: the anchoring major power of a bloc
        with a pole, the strongest member by CINC of a pole-less bloc, ties to the lower
        code; the state itself when unaligned), ``bloc_size``, ``contested`` (allied to a
        major power of another bloc).

    Examples
    --------
    >>> from foedus.sim import Simulation
    >>> from foedus.sim.synthetic import synthetic_scenario
    >>> from foedus.sim.ensemble.compact import RunRecord
    >>> sim = Simulation(synthetic_scenario(8, years=5, alliances=2), rng=1).run()
    >>> tables = run_indicators(RunRecord.from_history(sim.history()))
    >>> list(tables["system"]["year"]) == list(range(2000, 2005))
    True
    """
    first, last = int(record.first_year), int(record.last_year)
    Y = last - first + 1
    years = np.arange(first, last + 1, dtype=np.int64)
    sy = record.state_years
    sy = sy[(sy["year"] >= first) & (sy["year"] <= last)]
    sp = record.spells
    alliance = (sp["kind"] == "alliance").to_numpy()
    # ------------------------------------------------------------ member-years of alliances
    a_sp = sp[alliance]
    lo = np.maximum(a_sp["entry_year"].to_numpy(dtype=np.int64), first)
    hi = np.minimum(a_sp["exit_year"].to_numpy(dtype=np.int64), last)
    rows, my_year = _expand(lo, hi)
    my_aid = a_sp["agreement_id"].to_numpy(dtype=np.int64)[rows]
    my_code = a_sp["ccode"].to_numpy(dtype=np.int64)[rows]
    my_def = a_sp["defense"].to_numpy(dtype=bool)[rows]
    codes = np.union1d(sy["ccode"].to_numpy(dtype=np.int64), my_code)
    N = len(codes)
    # dense state-year attributes (present = a state_years row or an alliance membership)
    ti = sy["year"].to_numpy(dtype=np.int64) - first
    si = np.searchsorted(codes, sy["ccode"].to_numpy(dtype=np.int64))
    present = np.zeros((Y, N), bool)
    present[ti, si] = True
    cinc = np.full((Y, N), np.nan)
    cinc[ti, si] = sy["cinc"].to_numpy(dtype=float)
    major = np.zeros((Y, N), bool)
    major[ti, si] = sy["major"].to_numpy(dtype=bool)
    milex = np.full((Y, N), np.nan)
    milex[ti, si] = sy["milex"].to_numpy(dtype=float)
    tier = np.full((Y, N), None, dtype=object)
    tier[ti, si] = sy["tier"].to_numpy(dtype=object)
    m_t = my_year - first
    m_i = np.searchsorted(codes, my_code)
    present[m_t, m_i] = True
    # ------------------------------------------------------------ defence network, all years at once
    d_aid, d_t, d_i = my_aid[my_def], m_t[my_def], m_i[my_def]
    agr_ids, d_a = np.unique(d_aid, return_inverse=True)
    A = len(agr_ids)
    key = np.unique((d_t * max(A, 1) + d_a) * (Y * N) + (d_t * N + d_i))
    ay, sn = key // (Y * N), key % (Y * N)
    B = sparse.csr_matrix((np.ones(len(ay)), (ay, sn)), shape=(Y * max(A, 1), Y * N))
    co = (B.T @ B).tocsr()
    co = (co - sparse.diags(co.diagonal())).tocsr()
    co.eliminate_zeros()
    degree = np.diff(co.indptr).reshape(Y, N)
    # pole-anchored blocs of every year at once: each state-year's label is its bloc leader's index
    flat_p = present.ravel()
    flat_codes = np.tile(codes, Y)
    t_of = np.repeat(np.arange(Y), N)
    c0 = np.nan_to_num(cinc.ravel(), nan=0.0) * flat_p
    flat_major = major.ravel() & flat_p
    edges = co.tocoo()
    up = edges.row < edges.col  # co is symmetric: each pact-dyad once
    e_i, e_j = edges.row[up], edges.col[up]
    lab = pole_bloc_leaders(_strength_rank(c0, flat_codes, t_of), flat_major, e_i, e_j)
    contested = _contested(lab, flat_major, e_i, e_j)
    # bloc sizes and CINC among present states
    size = np.bincount(lab, weights=flat_p, minlength=Y * N)
    comp_cinc = np.bincount(lab, weights=c0, minlength=Y * N)
    # per-year polarity counts
    comp_year = np.full(Y * N, -1, np.int64)
    comp_year[lab[flat_p]] = t_of[flat_p]
    is_comp = comp_year >= 0
    pole_comp = np.zeros(Y * N, bool)
    pole_comp[lab[flat_major]] = True
    # a bloc: two or more states, or a major power on its own (a pole without allies)
    blocs_n = np.bincount(comp_year[is_comp & ((size >= 2) | pole_comp)], minlength=Y)
    largest = np.zeros(Y)
    np.maximum.at(largest, comp_year[is_comp], size[is_comp])
    poles_n = np.bincount(comp_year[pole_comp], minlength=Y)
    # cluster polarity: components of the major-power subgraph
    midx = np.flatnonzero(flat_major)
    if len(midx):
        _, mlab = connected_components(co[midx][:, midx], directed=False)
        cluster = np.bincount(t_of[midx][np.unique(mlab, return_index=True)[1]], minlength=Y)
    else:
        cluster = np.zeros(Y, np.int64)
    n_maj, tot_maj, s2_maj = _per_year_effective(t_of[midx], cinc.ravel()[midx], Y)
    with np.errstate(divide="ignore", invalid="ignore"):
        con = np.where((n_maj >= 2) & (tot_maj > 0), np.sqrt(np.maximum((s2_maj - 1.0 / n_maj) / (1.0 - 1.0 / n_maj), 0.0)), np.nan)
        eff_poles = np.where((n_maj >= 1) & (tot_maj > 0), 1.0 / s2_maj, np.nan)
    pc = np.flatnonzero(pole_comp)
    n_pc, tot_pc, s2_pc = _per_year_effective(comp_year[pc], comp_cinc[pc], Y)
    with np.errstate(divide="ignore", invalid="ignore"):
        eff_blocs = np.where((n_pc >= 1) & (tot_pc > 0), 1.0 / s2_pc, np.nan)
    # ------------------------------------------------------------ agreements in force
    ag = sp.drop_duplicates("agreement_id")
    kind = ag["kind"].to_numpy(dtype=object)
    a_lo = np.maximum(ag["start_year"].to_numpy(dtype=np.int64), first) - first
    a_hi = np.minimum(ag["until_year"].to_numpy(dtype=np.int64), last) - first

    def in_force(mask: np.ndarray) -> np.ndarray:
        r, t = _expand(a_lo[mask], a_hi[mask])
        return np.bincount(t, minlength=Y)[:Y]

    is_all = kind == "alliance"
    alliances = in_force(is_all)
    aids = np.unique(my_aid)
    member_key = np.unique((m_t * len(aids) + np.searchsorted(aids, my_aid)) * N + m_i)
    member_years = np.bincount(member_key // (max(len(aids), 1) * N), minlength=Y)[:Y]
    with np.errstate(divide="ignore", invalid="ignore"):
        alliance_size = np.where(alliances > 0, member_years / np.maximum(alliances, 1), np.nan)
    system = pd.DataFrame(
        {
            "year": years,
            "alliances": alliances.astype(np.int64),
            "defense_pacts": in_force(is_all & ag["defense"].to_numpy(dtype=bool)).astype(np.int64),
            "coalitions": in_force(kind == "coalition").astype(np.int64),
            "alliance_size": alliance_size,
            "states": present.sum(axis=1).astype(np.int64),
            "aligned_states": ((degree > 0) & present).sum(axis=1).astype(np.int64),
            "defense_dyads": (degree.sum(axis=1) // 2).astype(np.int64),
            "blocs": blocs_n.astype(np.int64),
            "largest_bloc": largest.astype(np.int64),
            "majors": n_maj.astype(np.int64),
            "poles": poles_n.astype(np.int64),
            "cluster_poles": cluster.astype(np.int64),
            "con": con,
            "effective_poles": eff_poles,
            "effective_blocs": eff_blocs,
            "contested": np.bincount(t_of[contested & flat_p], minlength=Y).astype(np.int64),
            "milex": np.nansum(np.where(present, milex, np.nan), axis=1),
        }
    )
    ec = record.event_counts
    for k, col in EVENT_COLUMNS.items():
        sel = (ec["kind"] == k).to_numpy()
        t = ec["year"].to_numpy(dtype=np.int64)[sel] - first
        keep = (t >= 0) & (t < Y)
        system[col] = np.bincount(t[keep], weights=ec["count"].to_numpy(dtype=np.int64)[sel][keep], minlength=Y).astype(np.int64)
    t_idx, s_idx = np.nonzero(present)
    flat = t_idx * N + s_idx
    states = pd.DataFrame(
        {
            "year": years[t_idx],
            "ccode": codes[s_idx],
            "milex": milex[t_idx, s_idx],
            "cinc": cinc[t_idx, s_idx],
            "major": major[t_idx, s_idx],
            "tier": pd.Categorical(tier[t_idx, s_idx], categories=("superpower", "great", "regional", "secondary")),
            "degree": degree[t_idx, s_idx].astype(np.int64),
            "bloc": flat_codes[lab[flat]],
            "bloc_size": size[lab[flat]].astype(np.int64),
            "contested": contested[flat],
        }
    )
    return {"system": system, "states": states}


# ====================================================================== across runs
def _store(ensemble: "EnsembleStore | str | Path") -> "EnsembleStore":
    from foedus.sim.ensemble.store import EnsembleStore

    return ensemble if isinstance(ensemble, EnsembleStore) else EnsembleStore.open(ensemble)


def _check_indicators(names: Iterable[str]) -> list[str]:
    names = list(names)
    bad = [n for n in names if n not in INDICATORS]
    if bad:
        raise ValueError(f"unknown indicator(s) {', '.join(bad)}; choose from {', '.join(INDICATORS)}")
    return names


def _band_names(band: float) -> tuple[float, float, str, str]:
    if not 0 < band < 1:
        raise ValueError(f"band must lie in (0, 1), got {band}")
    lo, hi = (1 - band) / 2, (1 + band) / 2
    return lo, hi, f"q{100 * lo:02.0f}", f"q{100 * hi:02.0f}"


def _median_ci_ranks(n: np.ndarray, level: float = 0.90) -> tuple[np.ndarray, np.ndarray]:
    """0-based ranks ``(j - 1, R - j)`` of the order-statistic confidence interval of the median."""
    from scipy.stats import binom

    n = np.asarray(n, dtype=np.int64)
    j = np.maximum(binom.ppf((1 - level) / 2, np.maximum(n, 1), 0.5).astype(np.int64), 1)
    return j - 1, np.maximum(n - j, j - 1)


def _matrix(df: pd.DataFrame, column: str, runs: np.ndarray, years: np.ndarray) -> np.ndarray:
    """``column`` as a (runs x years) array (NaN where a run lacks a year)."""
    r = np.searchsorted(runs, df["run"].to_numpy())
    t = np.searchsorted(years, df["year"].to_numpy())
    out = np.full((len(runs), len(years)), np.nan)
    out[r, t] = df[column].to_numpy(dtype=float)
    return out


def bands(table: pd.DataFrame, indicators: Sequence[str] | None = None, *, band: float = 0.90, by: Sequence[str] = ()) -> pd.DataFrame:
    """Median and central band of each indicator per year, across runs.

    Parameters
    ----------
    table : DataFrame
        One row per run and year (and ``by`` group): columns ``run``, ``year``, the
        indicators (e.g. table ``system`` of an ensemble).
    indicators : sequence of str, optional
        Columns to summarise (default: every numeric column but ``run``, ``year`` and ``by``).
    band : float
        Central probability of the band (0.90: the 5 % and 95 % quantiles).
    by : sequence of str
        Further grouping columns (e.g. ``("ccode",)`` for per-state bands).

    Returns
    -------
    pandas.DataFrame
        One row per indicator, ``by`` group and year: ``runs`` (non-missing values),
        ``mean``, ``sd``, ``q05``, ``median``, ``q95`` (names follow ``band``),
        ``median_lo``, ``median_hi`` (90 % order-statistic confidence interval of the median).

    Examples
    --------
    >>> t = pd.DataFrame({"run": np.repeat(np.arange(101), 2), "year": np.tile([2000, 2001], 101),
    ...                   "x": np.repeat(np.arange(101.0), 2)})
    >>> b = bands(t, ["x"])
    >>> b[["year", "q05", "median", "q95"]].round(9).to_numpy().tolist()
    [[2000.0, 5.0, 50.0, 95.0], [2001.0, 5.0, 50.0, 95.0]]
    """
    lo, hi, lo_name, hi_name = _band_names(band)
    by = list(by)
    if indicators is None:
        skip = {"run", "year", *by}
        indicators = [c for c in table.columns if c not in skip and pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])]
    missing = [c for c in ["run", "year", *by, *indicators] if c not in table.columns]
    if missing:
        raise ValueError(f"table lacks column(s) {', '.join(missing)}")
    groups = [((), table)] if not by else list(table.groupby(by, sort=True))
    out = []
    for key, part in groups:
        runs = np.unique(part["run"].to_numpy())
        years = np.unique(part["year"].to_numpy())
        for name in indicators:
            x = np.sort(_matrix(part, name, runs, years), axis=0)  # NaN sort last
            n = (~np.isnan(x)).sum(axis=0)
            ok = n > 0
            with np.errstate(invalid="ignore"), _quiet():
                q = np.nanquantile(x, [lo, 0.5, hi], axis=0) if ok.any() else np.full((3, len(years)), np.nan)
                mean = np.nanmean(x, axis=0)
                sd = np.nanstd(x, axis=0, ddof=1) if len(runs) > 1 else np.full(len(years), np.nan)
            j, k = _median_ci_ranks(n)
            cols = np.arange(len(years))
            mlo = np.where(ok, x[np.minimum(j, len(runs) - 1), cols], np.nan)
            mhi = np.where(ok, x[np.minimum(k, len(runs) - 1), cols], np.nan)
            frame = pd.DataFrame(
                {
                    "indicator": name,
                    "year": years,
                    "runs": n.astype(np.int64),
                    "mean": mean,
                    "sd": np.where(n > 1, sd, np.nan),
                    lo_name: q[0],
                    "median": q[1],
                    hi_name: q[2],
                    "median_lo": mlo,
                    "median_hi": mhi,
                }
            )
            for b, v in zip(by, key if isinstance(key, tuple) else (key,)):
                frame.insert(1, b, v)
            out.append(frame)
    res = pd.concat(out, ignore_index=True)
    res.attrs["band"] = band
    return res


class _quiet:
    """Silence NumPy's "Mean of empty slice" / "All-NaN slice" RuntimeWarnings in a block."""

    def __enter__(self):
        import warnings

        self._cm = warnings.catch_warnings()
        self._cm.__enter__()
        warnings.simplefilter("ignore", RuntimeWarning)
        return self

    def __exit__(self, *exc):
        return self._cm.__exit__(*exc)


def summary(ensemble: "EnsembleStore | str | Path", indicators: Sequence[str] | None = None, *, band: float = 0.90) -> pd.DataFrame:
    """Median and band per year of system indicators over an ensemble's completed runs.

    Parameters
    ----------
    ensemble : EnsembleStore or folder
    indicators : sequence of str, optional
        Names in :data:`INDICATORS` (default :data:`DEFAULT_INDICATORS`).
    band : float
        Central probability of the band (default 0.90: 5-95 %).

    Returns
    -------
    pandas.DataFrame
        As :func:`bands`.
    """
    store = _store(ensemble)
    names = _check_indicators(indicators or DEFAULT_INDICATORS)
    table = store.read_table("system", columns=["year", *names])
    return bands(table, names, band=band)


def _state_labels(store: "EnsembleStore") -> pd.DataFrame:
    sc = store.scenario()
    return pd.DataFrame({"ccode": [a.ccode for a in sc.actors], "abb": [a.abb for a in sc.actors], "major": [a.major for a in sc.actors]})


def resolve_state(ensemble: "EnsembleStore | str | Path", state: int | str) -> tuple[int, str]:
    """COW code and abbreviation of a state of the ensemble's scenario, given either.

    Raises
    ------
    ValueError
        No such state in the scenario (the message lists the scenario's states).
    """
    labels = _state_labels(_store(ensemble))
    text = str(state).strip()
    if text.isdigit():
        hit = labels[labels["ccode"] == int(text)]
    else:
        hit = labels[labels["abb"].str.upper() == text.upper()]
    if hit.empty:
        listing = ", ".join(f"{a} ({c})" for c, a in zip(labels["ccode"], labels["abb"]))
        raise ValueError(f"state {state!r} is not in the ensemble's scenario; its states are {listing}")
    return int(hit["ccode"].iloc[0]), str(hit["abb"].iloc[0])


def state_bands(
    ensemble: "EnsembleStore | str | Path",
    column: str = "milex",
    states: Sequence[int | str] | None = None,
    *,
    band: float = 0.90,
) -> pd.DataFrame:
    """Median and band per year of a per-state indicator (default: arms spending, thousand US$).

    Parameters
    ----------
    ensemble : EnsembleStore or folder
    column : {"milex", "cinc", "degree", "bloc_size"}
    states : sequence of COW codes or abbreviations, optional
        Default: the scenario's major powers.
    band : float

    Returns
    -------
    pandas.DataFrame
        As :func:`bands`, with ``ccode`` and ``abb`` columns.
    """
    if column not in ("milex", "cinc", "degree", "bloc_size"):
        raise ValueError(f"column must be one of milex, cinc, degree, bloc_size, got {column!r}")
    store = _store(ensemble)
    labels = _state_labels(store)
    codes = [resolve_state(store, s)[0] for s in states] if states else labels.loc[labels["major"], "ccode"].tolist()
    table = store.read_table("states", columns=["year", "ccode", column])
    table = table[table["ccode"].isin(codes)]
    out = bands(table, [column], band=band, by=("ccode",))
    out.insert(2, "abb", out["ccode"].map(labels.set_index("ccode")["abb"]))
    return out


def _jeffreys(k: np.ndarray, n: np.ndarray, level: float = 0.90) -> tuple[np.ndarray, np.ndarray]:
    """Jeffreys interval of a binomial proportion (Brown, Cai & DasGupta 2001)."""
    from scipy.stats import beta

    a = (1 - level) / 2
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        lo = np.where(k > 0, beta.ppf(a, k + 0.5, n - k + 0.5), 0.0)
        hi = np.where(k < n, beta.ppf(1 - a, k + 0.5, n - k + 0.5), 1.0)
    return np.where(n > 0, lo, np.nan), np.where(n > 0, hi, np.nan)


def _proportion_frame(years: np.ndarray, k: np.ndarray, n: int) -> pd.DataFrame:
    lo, hi = _jeffreys(k, np.full(len(k), n))
    return pd.DataFrame({"year": years, "runs": n, "allied": k.astype(np.int64), "probability": k / n if n else np.nan, "lo": lo, "hi": hi})


def pair_allied(
    ensemble: "EnsembleStore | str | Path",
    a: int | str,
    b: int | str,
    *,
    obligation: str | None = "defense",
    by: bool = False,
) -> pd.DataFrame:
    """Probability that two states are allied in each year (or by it), with a 90 % interval.

    States ``a`` and ``b`` are allied in year ``y`` of a run when both are members of one
    alliance in ``y`` (membership in a year as in :mod:`foedus.analysis.network`); with
    ``obligation="defense"`` the alliance must carry a defence obligation (a defence pact).
    The probability is the share of runs in which they are; its interval is the Jeffreys
    interval of a binomial proportion (Brown, Cai & DasGupta 2001).

    Parameters
    ----------
    ensemble : EnsembleStore or folder
    a, b : COW code or abbreviation
    obligation : {"defense", None}
        Only defence pacts (default), or any alliance.
    by : bool
        False: allied *in* the year. True: allied at some point from the first simulated year
        *up to* the year ("a Russia-China defence pact by 2040").

    Returns
    -------
    pandas.DataFrame
        One row per simulated year: ``year, runs, allied`` (runs in which the pair is
        allied), ``probability``, ``lo``, ``hi``.
    """
    if obligation not in ("defense", None):
        raise ValueError(f"obligation must be 'defense' or None, got {obligation!r}")
    store = _store(ensemble)
    ca, _ = resolve_state(store, a)
    cb, _ = resolve_state(store, b)
    if ca == cb:
        raise ValueError(f"a pair needs two different states, got {a!r} and {b!r}")
    first = int(store.manifest["first_year"])
    last = first + int(store.manifest["years"]) - 1
    years = np.arange(first, last + 1)
    runs = store.completed()
    sp = store.read_table("alliances", columns=["agreement_id", "kind", "defense", "ccode", "entry_year", "exit_year"])
    sp = sp[(sp["kind"] == "alliance") & sp["ccode"].isin([ca, cb])]
    if obligation == "defense":
        sp = sp[sp["defense"]]
    left = sp[sp["ccode"] == ca][["run", "agreement_id", "entry_year", "exit_year"]]
    right = sp[sp["ccode"] == cb][["run", "agreement_id", "entry_year", "exit_year"]]
    both = left.merge(right, on=["run", "agreement_id"], suffixes=("_a", "_b"))
    lo = np.maximum(np.maximum(both["entry_year_a"], both["entry_year_b"]).to_numpy(dtype=np.int64), first)
    hi = np.minimum(np.minimum(both["exit_year_a"], both["exit_year_b"]).to_numpy(dtype=np.int64), last)
    rows, yr = _expand(lo, hi)
    run_of = both["run"].to_numpy(dtype=np.int64)[rows]
    key = np.unique(np.stack([run_of, yr - first]), axis=1) if len(rows) else np.zeros((2, 0), np.int64)
    if by:
        first_year_of = pd.Series(key[1]).groupby(key[0]).min().to_numpy() if key.shape[1] else np.zeros(0, np.int64)
        k = np.cumsum(np.bincount(first_year_of, minlength=len(years))[: len(years)])
    else:
        k = np.bincount(key[1], minlength=len(years))[: len(years)]
    return _proportion_frame(years, k, len(runs))


def great_power_alignments(ensemble: "EnsembleStore | str | Path", years: Sequence[int] | None = None, *, majors: Sequence[int | str] | None = None) -> pd.DataFrame:
    """Each great power's alignment per year: the share of runs in which it sits in each bloc.

    A great power's alignment in a run and year is the leader of its pole-anchored bloc
    (:func:`run_indicators`; see the module docstring): itself when it anchors a bloc, else
    the anchor of the bloc it joined through a defence pact with a stronger major power; or
    ``"unaligned"`` when it has no defence pact. Shares are over the ensemble's
    completed runs, with the Jeffreys 90 % interval.

    Parameters
    ----------
    ensemble : EnsembleStore or folder
    years : sequence of int, optional
        Years to report (default: every simulated year).
    majors : sequence of COW codes or abbreviations, optional
        Default: the scenario's major powers.

    Returns
    -------
    pandas.DataFrame
        ``year, ccode, abb, alignment`` (leader's abbreviation, ``"<own abb>-led"`` is
        written as the abbreviation too, or ``"unaligned"``), ``leader`` (COW code, -1 when
        unaligned), ``runs``, ``share``, ``lo``, ``hi``; sorted by year, state and share
        (largest first).
    """
    store = _store(ensemble)
    labels = _state_labels(store)
    codes = [resolve_state(store, s)[0] for s in majors] if majors else labels.loc[labels["major"], "ccode"].tolist()
    st = store.read_table("states", columns=["year", "ccode", "bloc", "degree"])
    st = st[st["ccode"].isin(codes)]
    if years is not None:
        st = st[st["year"].isin(list(years))]
    leader = np.where(st["degree"].to_numpy() > 0, st["bloc"].to_numpy(), -1)
    st = st.assign(leader=leader)
    n = len(store.completed())
    counts = st.groupby(["year", "ccode", "leader"]).size().rename("count").reset_index()
    abb = labels.set_index("ccode")["abb"]
    counts["abb"] = counts["ccode"].map(abb)
    counts["alignment"] = np.where(counts["leader"] >= 0, counts["leader"].map(abb).fillna(counts["leader"].astype(str)), "unaligned")
    lo, hi = _jeffreys(counts["count"].to_numpy(), np.full(len(counts), n))
    counts["runs"] = n
    counts["share"] = counts["count"] / n
    counts["lo"], counts["hi"] = lo, hi
    counts = counts.sort_values(["year", "ccode", "share"], ascending=[True, True, False], kind="mergesort")
    return counts[["year", "ccode", "abb", "alignment", "leader", "runs", "share", "lo", "hi"]].reset_index(drop=True)


# ====================================================================== comparing two ensembles
def compare(
    a: "EnsembleStore | str | Path",
    b: "EnsembleStore | str | Path",
    indicators: Sequence[str] | None = None,
    *,
    years: Sequence[int] | None = None,
    n_boot: int = 2000,
    level: float = 0.90,
    seed: int = 0,
) -> pd.DataFrame:
    """Two ensembles side by side: medians, the difference of means and its uncertainty.

    For each indicator and year, with ``x`` the values of ensemble A's runs and ``y`` B's:

    - ``median_a``, ``median_b``, ``mean_a``, ``mean_b``;
    - ``diff = mean(y) - mean(x)`` and its ``level`` percentile bootstrap interval
      ``diff_lo .. diff_hi`` (Efron & Tibshirani 1993): runs are resampled with replacement
      within each ensemble, ``n_boot`` times, with multinomial weights drawn from
      ``numpy.random.default_rng(seed)``;
    - ``p_value`` of the two-sided Mann-Whitney U test (Mann & Whitney 1947) of equal
      distributions (``scipy.stats.mannwhitneyu``, asymptotic with tie correction).

    Parameters
    ----------
    a, b : EnsembleStore or folder
        The ensembles must simulate the same years (their common years are compared).
    indicators : sequence of str, optional
        Default :data:`DEFAULT_INDICATORS`.
    years : sequence of int, optional
        Default: every common year.
    n_boot : int
    level : float
    seed : int

    Returns
    -------
    pandas.DataFrame
        ``indicator, year, runs_a, runs_b, median_a, median_b, mean_a, mean_b, diff,
        diff_lo, diff_hi, p_value``.
    """
    from scipy.stats import mannwhitneyu

    names = _check_indicators(indicators or DEFAULT_INDICATORS)
    if n_boot < 100:
        raise ValueError(f"n_boot must be at least 100, got {n_boot}")
    sa, sb = _store(a), _store(b)
    ta = sa.read_table("system", columns=["year", *names])
    tb = sb.read_table("system", columns=["year", *names])
    common = np.intersect1d(ta["year"].unique(), tb["year"].unique())
    if years is not None:
        asked = np.asarray(list(years))
        outside = np.setdiff1d(asked, common)
        if len(outside):
            raise ValueError(f"year(s) {', '.join(map(str, outside))} are not simulated by both ensembles ({common.min()}..{common.max()})" if len(common) else "the ensembles share no simulated year")
        common = asked
    if not len(common):
        raise ValueError(f"{sa.path} and {sb.path} share no simulated year")
    rng = np.random.default_rng(seed)
    runs_a, runs_b = np.unique(ta["run"]), np.unique(tb["run"])
    wa = rng.multinomial(len(runs_a), np.full(len(runs_a), 1.0 / len(runs_a)), size=n_boot).astype(float)
    wb = rng.multinomial(len(runs_b), np.full(len(runs_b), 1.0 / len(runs_b)), size=n_boot).astype(float)
    alpha = (1 - level) / 2
    out = []
    for name in names:
        xa = _matrix(ta, name, runs_a, common)
        xb = _matrix(tb, name, runs_b, common)
        ma, mb = ~np.isnan(xa), ~np.isnan(xb)
        with np.errstate(invalid="ignore", divide="ignore"):
            boot_a = (wa @ np.where(ma, xa, 0.0)) / (wa @ ma)
            boot_b = (wb @ np.where(mb, xb, 0.0)) / (wb @ mb)
            diff_boot = boot_b - boot_a
        with _quiet():
            mean_a, mean_b = np.nanmean(xa, axis=0), np.nanmean(xb, axis=0)
            p = mannwhitneyu(xa, xb, axis=0, nan_policy="omit", alternative="two-sided").pvalue
            lo, hi = np.nanquantile(diff_boot, [alpha, 1 - alpha], axis=0)
            med_a, med_b = np.nanmedian(xa, axis=0), np.nanmedian(xb, axis=0)
        out.append(
            pd.DataFrame(
                {
                    "indicator": name,
                    "year": common,
                    "runs_a": ma.sum(axis=0),
                    "runs_b": mb.sum(axis=0),
                    "median_a": med_a,
                    "median_b": med_b,
                    "mean_a": mean_a,
                    "mean_b": mean_b,
                    "diff": mean_b - mean_a,
                    "diff_lo": lo,
                    "diff_hi": hi,
                    "p_value": np.asarray(p, dtype=float),
                }
            )
        )
    res = pd.concat(out, ignore_index=True)
    res.attrs.update({"level": level, "n_boot": n_boot, "a": str(sa.path), "b": str(sb.path)})
    return res


# ====================================================================== outcomes for discovery
_PAIR_RE = re.compile(r"^\s*(allied|defen[cs]e)\s+(\S+?)[\s\-–]+(\S+)\s+(by|in)\s+(\d{3,4})\s*$", re.IGNORECASE)
_THRESHOLD_RE = re.compile(r"^\s*([a-z_]+)\s*(<=|>=|==|!=|<|>)\s*([-+]?\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)\s+(by|in)\s+(\d{3,4})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    """A yes/no outcome of a run (see :func:`parse_outcome`)."""

    text: str
    kind: str  # "pair" or "threshold"
    when: str  # "by" or "in"
    year: int
    states: tuple[str, str] = ("", "")
    obligation: str | None = None
    indicator: str = ""
    op: str = ""
    value: float = 0.0


def parse_outcome(text: str) -> Outcome:
    """Read an outcome definition.

    Two forms:

    - ``"defense RUS CHN by 2040"`` (or ``"RUS-CHN"``; ``allied`` for any alliance): the two
      states share a defence pact (an alliance) at some point up to 2040 (``by``) or in 2040
      (``in``);
    - ``"INDICATOR OP VALUE by|in YEAR"``, e.g. ``"poles <= 2 in 2050"``, ``"wars >= 1 by
      2040"``: a system indicator of :data:`INDICATORS` compared with a value in the year, or
      in at least one year up to it.

    Raises
    ------
    ValueError
        The text fits neither form, or names an unknown indicator.

    Examples
    --------
    >>> parse_outcome("defense RUS-CHN by 2040").states
    ('RUS', 'CHN')
    """
    m = _PAIR_RE.match(text)
    if m:
        word, x, y, when, year = m.groups()
        return Outcome(text.strip(), "pair", when.lower(), int(year), (x, y), None if word.lower() == "allied" else "defense")
    m = _THRESHOLD_RE.match(text)
    if m:
        ind, op, value, when, year = m.groups()
        _check_indicators([ind])
        return Outcome(text.strip(), "threshold", when.lower(), int(year), indicator=ind, op=op, value=float(value))
    raise ValueError(
        f"outcome {text!r}: expected 'defense A B by|in YEAR', 'allied A B by|in YEAR' or 'INDICATOR OP VALUE by|in YEAR' "
        "(e.g. 'defense RUS CHN by 2040', 'poles <= 2 in 2050')"
    )


_OPS = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal, "==": np.equal, "!=": np.not_equal}


def outcome(ensemble: "EnsembleStore | str | Path", spec: str | Outcome) -> pd.Series:
    """Whether each completed run of an ensemble reaches an outcome (see :func:`parse_outcome`).

    Parameters
    ----------
    ensemble : EnsembleStore or folder
    spec : str or Outcome

    Returns
    -------
    pandas.Series
        Boolean, indexed by ``run``, named after the outcome's text.

    Raises
    ------
    ValueError
        Bad definition, unknown state, or a year outside the simulated window.
    """
    store = _store(ensemble)
    oc = spec if isinstance(spec, Outcome) else parse_outcome(spec)
    first = int(store.manifest["first_year"])
    last = first + int(store.manifest["years"]) - 1
    if not first <= oc.year <= last:
        raise ValueError(f"outcome {oc.text!r}: year {oc.year} is outside the simulated years {first}..{last}")
    runs = np.asarray(store.completed(), dtype=np.int64)
    if oc.kind == "pair":
        ca, _ = resolve_state(store, oc.states[0])
        cb, _ = resolve_state(store, oc.states[1])
        sp = store.read_table("alliances", columns=["agreement_id", "kind", "defense", "ccode", "entry_year", "exit_year"])
        sp = sp[(sp["kind"] == "alliance") & sp["ccode"].isin([ca, cb])]
        if oc.obligation == "defense":
            sp = sp[sp["defense"]]
        both = sp[sp["ccode"] == ca].merge(sp[sp["ccode"] == cb], on=["run", "agreement_id"], suffixes=("_a", "_b"))
        lo = np.maximum(both["entry_year_a"], both["entry_year_b"]).to_numpy()
        hi = np.minimum(both["exit_year_a"], both["exit_year_b"]).to_numpy()
        hit = (lo <= hi) & ((lo <= oc.year) if oc.when == "by" else ((lo <= oc.year) & (hi >= oc.year)))
        yes = np.isin(runs, both["run"].to_numpy()[hit])
    else:
        t = store.read_table("system", columns=["year", oc.indicator])
        t = t[(t["year"] == oc.year) if oc.when == "in" else (t["year"] <= oc.year)]
        ok = _OPS[oc.op](t[oc.indicator].to_numpy(dtype=float), oc.value)
        yes = np.isin(runs, t["run"].to_numpy()[ok])
    return pd.Series(yes, index=pd.Index(runs, name="run"), name=oc.text)
