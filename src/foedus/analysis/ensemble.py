"""What an ensemble of simulated worlds says: bands, great-power alignments, pair probabilities, comparisons.

One simulated century is an anecdote; an ensemble of ``R`` runs
(:mod:`foedus.experiments.ensemble`) gives, for every indicator and year, a distribution over
runs. From the tables an ensemble stores (:class:`foedus.data.ensemble_store.EnsembleStore`;
the indicators of each run are defined in :mod:`foedus.analysis.indicators`), this module

1. summarises an ensemble by **median and 5-95 % bands** per year (:func:`bands`,
   :func:`summary`, :func:`state_bands`), each great power's alignments
   (:func:`great_power_alignments`), and the **probability that two given states are allied**
   in (or by) a given year with its binomial uncertainty (:func:`pair_allied`);
2. **compares two ensembles** with the uncertainty of the difference (:func:`compare`).

Outcomes of runs for scenario discovery are in :mod:`foedus.analysis.outcomes`.

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
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from foedus.analysis.ensemble_data import dataset, open_ensemble, read
from foedus.analysis.indicators import DEFAULT_INDICATORS, check_indicators, expand_ranges
from foedus.data.ensemble_store import EnsembleStore

__all__ = [
    "open_ensemble",
    "dataset",
    "read",
    "bands",
    "summary",
    "state_bands",
    "resolve_state",
    "great_power_alignments",
    "pair_spells",
    "pair_allied",
    "compare",
]


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


def summary(ensemble: EnsembleStore | str | Path, indicators: Sequence[str] | None = None, *, band: float = 0.90) -> pd.DataFrame:
    """Median and band per year of system indicators over an ensemble's completed runs.

    Parameters
    ----------
    ensemble : EnsembleStore or folder
    indicators : sequence of str, optional
        Names in :data:`~foedus.analysis.indicators.INDICATORS` (default :data:`~foedus.analysis.indicators.DEFAULT_INDICATORS`).
    band : float
        Central probability of the band (default 0.90: 5-95 %).

    Returns
    -------
    pandas.DataFrame
        As :func:`bands`.
    """
    store = open_ensemble(ensemble)
    names = check_indicators(indicators or DEFAULT_INDICATORS)
    table = read(store, "system", ["year", *names])
    return bands(table, names, band=band)


def _state_labels(store: EnsembleStore) -> pd.DataFrame:
    """COW code, abbreviation and major-power flag of every actor of the ensemble's scenario."""
    # read from the scenario's JSON, not through foedus.sim: analysis stays below the simulator
    actors = json.loads(store.scenario_json())["actors"]
    return pd.DataFrame({"ccode": [a["ccode"] for a in actors], "abb": [a["abb"] for a in actors], "major": [a["major"] for a in actors]})


def resolve_state(ensemble: EnsembleStore | str | Path, state: int | str) -> tuple[int, str]:
    """COW code and abbreviation of a state of the ensemble's scenario, given either.

    Raises
    ------
    ValueError
        No such state in the scenario (the message lists the scenario's states).
    """
    labels = _state_labels(open_ensemble(ensemble))
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
    ensemble: EnsembleStore | str | Path,
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
    store = open_ensemble(ensemble)
    labels = _state_labels(store)
    codes = [resolve_state(store, s)[0] for s in states] if states else labels.loc[labels["major"], "ccode"].tolist()
    table = read(store, "states", ["year", "ccode", column], ccodes=codes)
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


def pair_spells(store: EnsembleStore, a: int, b: int, *, defence_only: bool) -> pd.DataFrame:
    """The alliance memberships two states share, run by run.

    Parameters
    ----------
    store : EnsembleStore
    a, b : int
        COW codes.
    defence_only : bool
        Only alliances with a defence obligation (defence pacts).

    Returns
    -------
    pandas.DataFrame
        One row per run and alliance of which both are members: ``run, agreement_id,
        entry_year_a, exit_year_a, entry_year_b, exit_year_b`` (years of each membership, as
        in table ``alliances``).
    """
    sp = read(store, "alliances", ["agreement_id", "kind", "defense", "ccode", "entry_year", "exit_year"], ccodes=[a, b])
    sp = sp[sp["kind"] == "alliance"]
    if defence_only:
        sp = sp[sp["defense"]]
    left = sp[sp["ccode"] == a][["run", "agreement_id", "entry_year", "exit_year"]]
    right = sp[sp["ccode"] == b][["run", "agreement_id", "entry_year", "exit_year"]]
    return left.merge(right, on=["run", "agreement_id"], suffixes=("_a", "_b"))


def pair_allied(
    ensemble: EnsembleStore | str | Path,
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
    store = open_ensemble(ensemble)
    ca, _ = resolve_state(store, a)
    cb, _ = resolve_state(store, b)
    if ca == cb:
        raise ValueError(f"a pair needs two different states, got {a!r} and {b!r}")
    first = int(store.manifest["first_year"])
    last = first + int(store.manifest["years"]) - 1
    years = np.arange(first, last + 1)
    runs = store.completed()
    both = pair_spells(store, ca, cb, defence_only=obligation == "defense")
    lo = np.maximum(np.maximum(both["entry_year_a"], both["entry_year_b"]).to_numpy(dtype=np.int64), first)
    hi = np.minimum(np.minimum(both["exit_year_a"], both["exit_year_b"]).to_numpy(dtype=np.int64), last)
    rows, yr = expand_ranges(lo, hi)
    run_of = both["run"].to_numpy(dtype=np.int64)[rows]
    key = np.unique(np.stack([run_of, yr - first]), axis=1) if len(rows) else np.zeros((2, 0), np.int64)
    if by:
        first_year_of = pd.Series(key[1]).groupby(key[0]).min().to_numpy() if key.shape[1] else np.zeros(0, np.int64)
        k = np.cumsum(np.bincount(first_year_of, minlength=len(years))[: len(years)])
    else:
        k = np.bincount(key[1], minlength=len(years))[: len(years)]
    return _proportion_frame(years, k, len(runs))


def great_power_alignments(ensemble: EnsembleStore | str | Path, years: Sequence[int] | None = None, *, majors: Sequence[int | str] | None = None) -> pd.DataFrame:
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
    store = open_ensemble(ensemble)
    labels = _state_labels(store)
    codes = [resolve_state(store, s)[0] for s in majors] if majors else labels.loc[labels["major"], "ccode"].tolist()
    st = read(store, "states", ["year", "ccode", "bloc", "degree"], ccodes=codes)
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


def compare(
    a: EnsembleStore | str | Path,
    b: EnsembleStore | str | Path,
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
      distributions (``scipy.stats.mannwhitneyu``, asymptotic with tie correction);
    - ``significant``: ``p_value < 1 - level`` (0.10 at the default level), the test's verdict
      at the interval's level. It follows the p-value, not the interval: the test compares
      whole distributions, the interval the means, and the two can disagree (a shift in spread
      with equal means; a mean moved by a few runs). Where the p-value is NaN (no runs, or
      every run equal in both) it is False.

    Parameters
    ----------
    a, b : EnsembleStore or folder
        Their common simulated years are compared (ensembles of different horizons: the
        years both simulate); an error if they share none.
    indicators : sequence of str, optional
        Default :data:`~foedus.analysis.indicators.DEFAULT_INDICATORS`.
    years : sequence of int, optional
        Default: every common year.
    n_boot : int
    level : float
    seed : int

    Returns
    -------
    pandas.DataFrame
        ``indicator, year, runs_a, runs_b, median_a, median_b, mean_a, mean_b, diff,
        diff_lo, diff_hi, p_value, significant``.
    """
    from scipy.stats import mannwhitneyu

    names = check_indicators(indicators or DEFAULT_INDICATORS)
    if n_boot < 100:
        raise ValueError(f"n_boot must be at least 100, got {n_boot}")
    sa, sb = open_ensemble(a), open_ensemble(b)
    ta = read(sa, "system", ["year", *names])
    tb = read(sb, "system", ["year", *names])
    common = np.intersect1d(ta["year"].unique(), tb["year"].unique())
    if years is not None:
        asked = np.asarray(list(years))
        outside = np.setdiff1d(asked, common)
        if len(outside):
            raise ValueError(f"year(s) {', '.join(map(str, outside))} are not simulated by both ensembles ({common.min()}..{common.max()})" if len(common) else "the ensembles share no simulated year")
        common = asked
    if not len(common):
        raise ValueError(f"{sa.path} and {sb.path} share no simulated year")
    # ensembles of different horizons: compare the years both simulate (the others have no column in the matrices)
    ta, tb = ta[ta["year"].isin(common)], tb[tb["year"].isin(common)]
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
                    "significant": np.asarray(p, dtype=float) < 1 - level,
                }
            )
        )
    res = pd.concat(out, ignore_index=True)
    res.attrs.update({"level": level, "n_boot": n_boot, "a": str(sa.path), "b": str(sb.path)})
    return res
