"""Outcomes of runs for scenario discovery: one yes/no per run of an ensemble.

Scenario discovery (:mod:`foedus.experiments.discovery`, PRIM) asks which knobs lead to an
outcome of interest. This module turns an outcome written in words, such as "a Russia-China
defence pact by 2040" or "at most two poles in 2050", into a definition (:func:`parse_outcome`)
and into one boolean per completed run of an ensemble (:func:`outcome`), from the tables the
ensemble stores (``alliances`` for pairs, ``system`` for indicators of
:mod:`foedus.analysis.indicators`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from foedus.analysis.ensemble import open_ensemble, pair_spells, resolve_state
from foedus.analysis.indicators import check_indicators
from foedus.data.ensemble_store import EnsembleStore

__all__ = ["Outcome", "parse_outcome", "outcome"]

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
      2040"``: a system indicator of :data:`~foedus.analysis.indicators.INDICATORS` compared with a value in the year, or
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
        check_indicators([ind])
        return Outcome(text.strip(), "threshold", when.lower(), int(year), indicator=ind, op=op, value=float(value))
    raise ValueError(
        f"outcome {text!r}: expected 'defense A B by|in YEAR', 'allied A B by|in YEAR' or 'INDICATOR OP VALUE by|in YEAR' "
        "(e.g. 'defense RUS CHN by 2040', 'poles <= 2 in 2050')"
    )


_OPS = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal, "==": np.equal, "!=": np.not_equal}


def outcome(ensemble: EnsembleStore | str | Path, spec: str | Outcome) -> pd.Series:
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
    store = open_ensemble(ensemble)
    oc = spec if isinstance(spec, Outcome) else parse_outcome(spec)
    first = int(store.manifest["first_year"])
    last = first + int(store.manifest["years"]) - 1
    if not first <= oc.year <= last:
        raise ValueError(f"outcome {oc.text!r}: year {oc.year} is outside the simulated years {first}..{last}")
    runs = np.asarray(store.completed(), dtype=np.int64)
    if oc.kind == "pair":
        ca, _ = resolve_state(store, oc.states[0])
        cb, _ = resolve_state(store, oc.states[1])
        both = pair_spells(store, ca, cb, defence_only=oc.obligation == "defense")
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
