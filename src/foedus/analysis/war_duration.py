"""The duration of the record's wars, pair by pair, and the Weibull model of it (Bennett & Stam 1996; :mod:`foedus.theory.war_duration`).

A *war spell* is a pair of states on opposite sides of a COW inter-state war (Sarkees & Wayman 2010; peacesciencer's
``cow_war_inter.csv``), non-directed: the war's first year ``start``, the pair's first and last year at war in it. The
simulator ends a pair's war once a year from the year after it began, by the war's age, so the spell's duration is
``T = last - start + 1`` years (interval-censored: the war ended in ``(T - 1, T]``), and a pair that joined in year
``entry`` was at risk only from age ``entry - start + 1`` (left truncation): its likelihood is
``(S(T - 1) - S(T)) / S(entry - start)``. The covariates (:data:`foedus.theory.war_duration.DURATION_TERMS`) are the
pair's in its entry year (:func:`foedus.analysis.war_onsets.war_onset_dyad_years`).

The war's size (``log_states``: the log of half the number of states that fought it, 0 for a war of two) is carried
with each spell so that the candidate term can be tested (Bennett & Stam 1996 enter the number of states in a war):
:func:`held_out_log_likelihood` scores a fit on the eras it never saw. Fitted on 1816-1914 and 1946-1989 it is strong in sample (-0.40 a log unit, likelihood ratio 15) and
worse out of sample in both test eras, so the simulator does not carry it (tests/analysis/test_war_duration.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from foedus.analysis.war_onsets import IN_SAMPLE_YEARS, war_onset_dyad_years
from foedus.data.conflict import read_wars
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table
from foedus.theory import war_duration as th

__all__ = ["war_spells", "DurationFit", "estimate_war_duration", "held_out_log_likelihood", "SIZE_TERM"]

SIZE_TERM = "log_states"
"""The candidate war-size covariate of :func:`war_spells`: ``log(n / 2)`` of the ``n`` states that fought the war (0 for two)."""


def war_spells(data_dir: Path | None = None, dyad_years: pd.DataFrame | None = None) -> pd.DataFrame:
    """The record's war spells: ``warnum, start, entry, last, ccode1 < ccode2``, :data:`~foedus.theory.war_duration.DURATION_TERMS` at entry and :data:`SIZE_TERM`.

    Spells whose pair lacks a covariate in its entry year (not both system members) are left out.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    w = read_wars(d / "peacesciencer" / "cow_war_inter.csv")
    w = w[w["side1"] != w["side2"]]
    w = w.assign(a=np.minimum(w["ccode1"], w["ccode2"]), b=np.maximum(w["ccode1"], w["ccode2"]))
    start = w.groupby("warnum")["year"].min().rename("start")
    sp = w.groupby(["warnum", "a", "b"])["year"].agg(entry="min", last="max").reset_index().merge(start, on="warnum")
    fought = pd.concat([w[["warnum", "ccode1"]].set_axis(["warnum", "c"], axis=1), w[["warnum", "ccode2"]].set_axis(["warnum", "c"], axis=1)])
    sp = sp.merge(np.log(fought.drop_duplicates().groupby("warnum").size() / 2.0).rename(SIZE_TERM), on="warnum")
    dy = dyad_years if dyad_years is not None else war_onset_dyad_years(d)
    x = dy[["year", "ccode1", "ccode2", "parity", "contiguous", "any_major"]].rename(columns={"year": "entry", "ccode1": "a", "ccode2": "b"})
    sp = sp.merge(x, on=["entry", "a", "b"], how="inner").rename(columns={"a": "ccode1", "b": "ccode2"})
    sp["major_backed"] = _major_backed(d, w, sp)
    for t in ("contiguous", "any_major"):
        sp[t] = sp[t].astype(float)
    return sp[["warnum", "start", "entry", "last", "ccode1", "ccode2", *th.DURATION_TERMS, SIZE_TERM]].reset_index(drop=True)


def _major_backed(d: Path, wars: pd.DataFrame, spells: pd.DataFrame) -> np.ndarray:
    """1.0 where the weaker state of a spell (lower CINC in its entry year) has a COW major power on its side of the war.

    The side is every state that fought on it at some time in the war (a great power that joined later backs the weaker
    state too: the Crimean war, Korea); majors and CINC in the spell's entry year (:mod:`foedus.data.snapshot_fields`).
    """
    from foedus.analysis.rivalry import _year_pairs

    nmc = table(d, "nmc")
    cinc = pd.Series(nmc["cinc"].to_numpy(float), index=pd.MultiIndex.from_arrays([nmc["ccode"], nmc["year"]]))
    maj = table(d, "majors")
    maj = _year_pairs(maj.assign(end_year=maj["end_year"].fillna(spells["entry"].max())), int(spells["entry"].min()), int(spells["entry"].max()))
    major = set(zip(maj["ccode"].to_numpy(int), maj["year"].to_numpy(int)))
    side = wars[["warnum", "ccode1", "side1"]].drop_duplicates()
    side_of = dict(zip(zip(side["warnum"], side["ccode1"]), side["side1"]))
    mates: dict[tuple[int, int], list[int]] = {}
    for (war, c), s_ in side_of.items():
        mates.setdefault((war, s_), []).append(c)
    out = np.zeros(len(spells))
    for k, (war, entry, a, b) in enumerate(zip(spells["warnum"], spells["entry"], spells["ccode1"], spells["ccode2"])):  # a few hundred spells
        weak = a if cinc.get((a, entry), 0.0) < cinc.get((b, entry), 0.0) else b
        out[k] = float(any((m, entry) in major for m in mates[(war, side_of[(war, weak)])] if m != weak))
    return out


class DurationFit:
    """A fitted war-duration model: the first-year end probability of the reference war, the coefficients, the shape, their s.e."""

    def __init__(self, first_year_end: float, coefficients: Sequence[float], shape: float, std_errors: Sequence[float], n: int, wars: int, log_likelihood: float, terms: Sequence[str] = th.DURATION_TERMS):
        self.terms = tuple(terms)
        self.first_year_end, self.coefficients, self.shape = float(first_year_end), tuple(map(float, coefficients)), float(shape)
        self.std_errors = tuple(map(float, std_errors))  # of beta_0, the coefficients, log(shape)
        self.n, self.wars, self.log_likelihood = n, wars, float(log_likelihood)


def _neg_log_likelihood(theta: np.ndarray, x: np.ndarray, t: np.ndarray, t0: np.ndarray) -> float:
    b0, b, log_p = theta[0], theta[1:-1], theta[-1]
    p = np.exp(log_p)
    scale = np.exp(b0 + x @ b)
    cum = lambda s: scale * np.where(s > 0, s, 0.0) ** p  # noqa: E731  (the cumulative hazard e^eta t^p)
    # log[(S(T-1) - S(T)) / S(t0)] = -H(T-1) + log(1 - exp(-(H(T) - H(T-1)))) + H(t0)
    step = cum(t) - cum(t - 1.0)
    ll = -cum(t - 1.0) + np.log(-np.expm1(-np.maximum(step, 1e-300))) + cum(t0)
    return -float(ll.sum())


def _sample(spells: pd.DataFrame, years: Sequence[tuple[int, int]], terms: Sequence[str]) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """The spells of the wars begun in ``years``: the rows, their covariates ``terms``, durations ``T`` and truncation ages."""
    keep = np.zeros(len(spells), bool)
    for lo, hi in years:
        keep |= spells["start"].between(lo, hi).to_numpy()
    s = spells[keep]
    return s, s[list(terms)].to_numpy(float), (s["last"] - s["start"] + 1).to_numpy(float), (s["entry"] - s["start"]).to_numpy(float)


def estimate_war_duration(spells: pd.DataFrame, years: Sequence[tuple[int, int]] = IN_SAMPLE_YEARS, terms: Sequence[str] = th.DURATION_TERMS) -> DurationFit:
    """Maximum likelihood of the Weibull war-duration model (:mod:`foedus.theory.war_duration`) on the spells of the wars begun in ``years``.

    ``terms`` are the covariates (columns of ``spells``; the simulator's :data:`~foedus.theory.war_duration.DURATION_TERMS`
    by default). Standard errors from the inverse of a numerical Hessian of the negative log-likelihood (BFGS's estimate).
    """
    from scipy.optimize import minimize

    s, x, t, t0 = _sample(spells, years, terms)
    theta0 = np.zeros(x.shape[1] + 2)
    res = minimize(_neg_log_likelihood, theta0, args=(x, t, t0), method="BFGS")
    se = np.sqrt(np.clip(np.diag(res.hess_inv), 0.0, None))
    b0 = res.x[0]
    return DurationFit(-np.expm1(-np.exp(b0)), res.x[1:-1], np.exp(res.x[-1]), se, len(s), int(s["warnum"].nunique()), -res.fun, terms)


def held_out_log_likelihood(fit: DurationFit, spells: pd.DataFrame, years: Sequence[tuple[int, int]]) -> float:
    """Log-likelihood under ``fit`` of the spells of the wars begun in ``years`` (eras the fit may never have seen): interval-censored, left-truncated."""
    _, x, t, t0 = _sample(spells, years, fit.terms)
    theta = np.concatenate([[np.log(-np.log1p(-fit.first_year_end))], fit.coefficients, [np.log(fit.shape)]])
    return -_neg_log_likelihood(theta, x, t, t0)
