"""Judging an era's facts: the tolerances, whether a simulated fact is in range, and how far it is.

Pure comparisons of numbers (no simulation), shared by :mod:`foedus.experiments.eras`, the
calibration (:mod:`foedus.experiments.calibration`) and the report (:mod:`foedus.report.validation`).
The tolerances are those of issue 12, no looser than the two-window validation's
(:mod:`foedus.experiments.validation`): rates and Kaplan-Meier medians within a factor 2 (an
infinite median is a lower bound), members per alliance within a factor 1.5, shares within 0.15.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Mapping, Sequence

import numpy as np

from foedus.analysis.eras import FACTS
from foedus.i18n import _

__all__ = ["TOLERANCE", "EraFact", "tolerance_text", "in_range", "distance", "score", "score_sentence"]

TOLERANCE: dict[str, tuple[str, float]] = {
    **{f: ("ratio", 2.0) for f in FACTS if f.startswith("formation_")},
    "members_per_alliance": ("ratio", 1.5),
    "share_bilateral": ("absolute", 0.15),
    "share_distant_minor_pairs": ("absolute", 0.15),
    "km_median_begun": ("ratio", 2.0),
    "km_survival_10_begun": ("absolute", 0.15),
    "km_median_inherited": ("ratio", 2.0),
    "km_survival_10_inherited": ("absolute", 0.15),
    "in_force_end_per_state": ("ratio", 2.0),
    "defence_allies_joining": ("absolute", 0.15),
    "joiners_without_pact": ("absolute", 0.15),
    "war_onsets_per_state_year": ("ratio", 2.0),
    "gp_war_onsets_per_gp_pair_year": ("ratio", 2.0),
    "rivalries_end_per_state": ("ratio", 2.0),
}
"""Fact -> (kind, tolerance): ``ratio`` within ×/÷ tolerance, ``absolute`` within ± tolerance."""


@dataclass
class EraFact:
    """One fact of one era: the record, the pooled runs, the band over seeds, the verdict."""

    era: str
    name: str
    record: float
    simulated: float
    median: float
    p5: float
    p95: float
    in_range: bool
    tolerance: str
    in_sample: bool
    record_above: float | None = None
    simulated_above: float | None = None
    distance: float = 0.0

    def as_dict(self) -> dict:
        """JSON-ready (``inf`` as the string "inf", NaN as null)."""

        def num(v):
            if v is None or (isinstance(v, float) and np.isnan(v)):
                return None
            if isinstance(v, (bool, np.bool_)):
                return bool(v)
            if isinstance(v, str):
                return v
            return "inf" if np.isinf(v) else round(float(v), 5)

        return {k: num(v) for k, v in asdict(self).items()}


def tolerance_text(name: str) -> str:
    kind, tol = TOLERANCE[name]
    return f"±{tol:g}" if kind == "absolute" else f"×/÷ {tol:g}"


def in_range(name: str, record: float, simulated: float, record_bound: float = np.nan, simulated_bound: float = np.nan) -> bool:
    """Whether ``simulated`` is within the tolerance of ``record`` (:data:`TOLERANCE`).

    NaN (nothing to count) matches only NaN. A ratio fact of 0 in the record matches only 0. An
    infinite Kaplan-Meier median is a lower bound (the longest duration observed, ``*_bound``):
    in range of a finite median when the bound is not above the finite value times the
    tolerance; two infinite medians are in range (the rule of the two-window validation,
    ``foedus.experiments.validation._in_range``).
    """
    kind, tol = TOLERANCE[name]
    if np.isnan(record) or np.isnan(simulated):
        return bool(np.isnan(record) and np.isnan(simulated))
    if np.isinf(record) and np.isinf(simulated):
        return True
    if np.isinf(record):
        return bool(np.isfinite(record_bound) and simulated * tol >= record_bound)
    if np.isinf(simulated):
        return bool(np.isfinite(simulated_bound) and record * tol >= simulated_bound)
    if kind == "absolute":
        return bool(abs(simulated - record) <= tol + 1e-12)
    if record == 0 or simulated == 0:
        return bool(record == simulated)
    return bool(1.0 / tol <= simulated / record <= tol)


_ZERO_RATE = 1e-4
"""Floor added to both sides of a ratio in :func:`distance` so that a zero rate has a finite distance."""


def distance(name: str, record: float, simulated: float, record_bound: float = np.nan, simulated_bound: float = np.nan) -> float:
    """A smooth distance in units of the tolerance: 0 at the record, 1 at the edge of the range.

    ``|log(s / r)| / log(tol)`` for ratio facts (both sides plus :data:`_ZERO_RATE` when one is 0), ``|s - r| /
    tol`` for absolute ones; an infinite median counts as its bound; NaN against a number is 1.
    The calibration's objective adds it to the count of facts out of range, so that the
    optimiser sees which way is better (:mod:`foedus.experiments.calibration`).
    """
    kind, tol = TOLERANCE[name]
    if np.isnan(record) or np.isnan(simulated):
        return 0.0 if np.isnan(record) and np.isnan(simulated) else 1.0
    r = record_bound if np.isinf(record) else record
    s = simulated_bound if np.isinf(simulated) else simulated
    if np.isinf(record) and np.isinf(simulated):
        return 0.0
    if not (np.isfinite(r) and np.isfinite(s)):
        return 1.0
    if np.isinf(record) and s >= r:
        return 0.0
    if np.isinf(simulated) and r >= s:
        return 0.0
    if kind == "absolute":
        return float(abs(s - r) / tol)
    if r <= 0 or s <= 0:
        r, s = r + _ZERO_RATE, s + _ZERO_RATE
    return float(abs(np.log(s / r)) / np.log(tol))


def score(facts: Sequence[EraFact], *, out_of_sample: bool | None = None) -> tuple[int, int]:
    """(facts in range, facts) over ``facts``, optionally only those out of (True) or in (False) sample."""
    sel = [f for f in facts if out_of_sample is None or f.in_sample != out_of_sample]
    return sum(f.in_range for f in sel), len(sel)


def score_sentence(v: Mapping) -> str:
    """One sentence on an out-of-sample score (:meth:`foedus.experiments.oos_score.PendingScore.result`), in the language in use (:mod:`foedus.i18n`)."""
    if v.get("error"):
        failed = _("Out-of-sample validation could not run ({error}); run `{command}`.")
        return failed.format(error=v["error"], command=v.get("full_command", "foedus validate"))
    eras = _(" and ").join(e.replace("-", "–") for e in v["eras"])
    seeds = v["seeds"]
    if len(seeds) == 1:
        runs = _("one run each, seed {seed}").format(seed=seeds[0])
    else:
        runs = _("{n} runs each, seeds {first}–{last}").format(n=len(seeds), first=seeds[0], last=seeds[-1])
    params = "" if v.get("parameters") == "the shipped defaults" else _(", with the scenario's own parameters")
    text = _("Out of sample, {in_range} of {facts} facts of the record are in range (eras {eras}, {runs}{params}; "
             "foedus {version}; a reduced form of `{command}`).")
    return text.format(in_range=v["in_range"], facts=v["facts"], eras=eras, runs=runs, params=params, version=v["foedus_version"],
                       command=v["full_command"])
