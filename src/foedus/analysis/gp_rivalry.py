"""The positional rivalries of the great powers on the record: dyad-years and hazards (issue 17; :mod:`foedus.theory.positional_rivalry`).

:func:`gp_dyad_years` builds the non-directed dyad-years of the COW major powers (both majors in the year, COW major-power spells)
with Thompson, Sakuwa & Suhas's (2021) *positional* strategic rivalries and the covariates of
:mod:`foedus.theory.positional_rivalry`, all from the NMC 7.0 CINC series: :func:`~foedus.theory.rivalry.log_parity` of the
pair, its change over ``change_years`` (:func:`~foedus.theory.positional_rivalry.parity_change`), whether one of the two is the
leading great power (:func:`~foedus.theory.positional_rivalry.leader_pair`) and the leader's share of the great powers'
capability (:func:`~foedus.theory.positional_rivalry.leader_share`, a candidate term). :func:`estimate_gp_hazards` fits the two
discrete-time logit hazards on the in-sample eras (Firth's slopes with the FLIC intercept, as :mod:`foedus.analysis.rivalry`);
``tools/gp_rivalry_fit.py`` prints them, the candidate terms and the held-out years.

At risk of **onset**: a pair of majors not in a positional rivalry, or in its first year (a start year 1816 or later); at risk
of **termination**: a pair of majors in a positional rivalry after its first year; it ends in the rivalry's last year unless
the record's last year (2020, censored) or unless either state is no longer a major power the next year (the pair leaves the
risk set: censored).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from foedus.analysis.rivalry import _CODES, IN_SAMPLE, HazardFit, _fit, _in_eras, _war_memory
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import table
from foedus.theory import positional_rivalry as pr
from foedus.theory.rivalry import log_parity, war_term

TSS_LAST_YEAR = 2020
"""Thompson, Sakuwa & Suhas code rivalries still going at the end of their data as ending in 2020 (censored)."""


@dataclass(frozen=True)
class GreatPowerFit:
    """The onset and termination hazards of the great powers' positional rivalries fitted on the same years."""

    onset: HazardFit
    termination: HazardFit


def gp_dyad_years(data_dir: Path | None = None, *, first: int = 1816, last: int = TSS_LAST_YEAR, change_years: int = 10, war_memory: float = 0.8) -> pd.DataFrame:
    """Dyad-years of the COW major powers with the positional rivalries of Thompson, Sakuwa & Suhas (2021).

    Returns ``year, ccode1 < ccode2, rival, onset_risk, onset, end_risk, end`` and the covariates ``log_parity``,
    ``parity_change`` (NaN where either state has no CINC score ``change_years`` before), ``leader_pair``, ``leader_share`` and
    ``war_history`` (:func:`foedus.theory.rivalry.war_term` of the pair's war memory at ``war_memory``; candidate terms).
    Years without a CINC score for a major are left out.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    maj = table(d, "majors")
    maj = maj.assign(end_year=maj["end_year"].fillna(last))
    nmc = table(d, "nmc")
    cinc = nmc.pivot_table(index="year", columns="ccode", values="cinc")
    tss = table(d, "tss")
    tss = tss[tss["positional"].astype(bool)]
    spells = {}
    for a, b, s, e in zip(tss["ccode1"], tss["ccode2"], tss["start_year"], tss["end_year"]):
        spells.setdefault((min(int(a), int(b)), max(int(a), int(b))), []).append((int(s), int(e)))
    rows = []
    for y in range(first, last + 1):
        if y not in cinc.index:
            continue
        majors = np.array(sorted(maj.loc[(maj["start_year"] <= y) & (maj["end_year"] >= y), "ccode"].astype(int)))
        nxt = set(maj.loc[(maj["start_year"] <= y + 1) & (maj["end_year"] >= y + 1), "ccode"].astype(int))
        power = cinc.loc[y].reindex(majors).to_numpy(float)
        if len(majors) < 2 or not np.isfinite(power).all():
            continue
        past = cinc.loc[y - change_years].reindex(majors).to_numpy(float) if (y - change_years) in cinc.index else np.full(len(majors), np.nan)
        lead = pr.leading_power(power, np.ones(len(majors), bool))
        share = pr.leader_share(power, np.ones(len(majors), bool))
        i, j = np.triu_indices(len(majors), 1)
        for a, b in zip(i, j):
            key = (int(majors[a]), int(majors[b]))
            span = [(s, e) for s, e in spells.get(key, ()) if s <= y <= e]
            rival = bool(span)
            start = min(s for s, _ in span) if rival else None
            stop = max(e for _, e in span) if rival else None
            onset = rival and start == y
            end = rival and not onset and stop == y and y < TSS_LAST_YEAR and key[0] in nxt and key[1] in nxt
            rows.append((y, *key, rival, (not rival) or onset, onset, rival and not onset, end, float(log_parity(power[a], power[b])),
                         float(pr.parity_change(power[a], power[b], past[a], past[b])) if np.isfinite(past[[a, b]]).all() and (past[[a, b]] > 0).all() else np.nan,
                         bool(pr.leader_pair(a, b, lead)), float(share)))
    cols = ["year", "ccode1", "ccode2", "rival", "onset_risk", "onset", "end_risk", "end", "log_parity", "parity_change", "leader_pair", "leader_share"]
    out = pd.DataFrame(rows, columns=cols)
    # the pair's war memory (foedus.theory.rivalry.war_history at ``war_memory``, COW inter-state wars): a candidate onset term
    keys, mem = _war_memory(d, first, last, war_memory)
    key = out["ccode1"].to_numpy(int) * _CODES + out["ccode2"].to_numpy(int)
    col = np.clip(np.searchsorted(keys, key), 0, len(keys) - 1)
    hit = keys[col] == key
    out["war_history"] = war_term(np.where(hit, mem[out["year"].to_numpy(int) - first, col], 0.0))
    return out


def estimate_gp_hazards(dyad_years: pd.DataFrame, years=IN_SAMPLE, *, onset_terms=pr.ONSET_TERMS, end_terms=pr.TERMINATION_TERMS) -> GreatPowerFit:
    """Fit the onset (``onset_terms``) and termination (``end_terms``) hazards on the dyad-years of ``years`` (default the in-sample eras).

    The rows missing a covariate of a hazard are left out of its fit (``parity_change`` before a state's CINC series begins).
    """
    on = dyad_years.dropna(subset=list(onset_terms))
    off = dyad_years.dropna(subset=list(end_terms))
    return GreatPowerFit(_fit(on, "onset_risk", "onset", tuple(onset_terms), years), _fit(off, "end_risk", "end", tuple(end_terms), years))


def gp_log_likelihood(fit: HazardFit, dyad_years: pd.DataFrame, risk: str, event: str, years) -> float:
    """Log-likelihood of the dyad-years at risk in ``years`` (rows with the fit's covariates) under ``fit``."""
    sub = dyad_years.dropna(subset=list(fit.terms))
    sub = sub[sub[risk].to_numpy(bool) & _in_eras(sub, years)]
    h = np.broadcast_to(fit.hazard(sub), (len(sub),))
    y = sub[event].to_numpy(bool)
    return float(np.log(h[y]).sum() + np.log1p(-h[~y]).sum())
