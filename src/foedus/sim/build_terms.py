"""The stated terms of the record's treaties of a scenario's time, for the pacts a run forms (brief P5).

Many alliance treaties state a term and end at it unless renewed (ATOP 5.1 ``speclgth``, ``length``,
``renewlgt``; Leeds et al. 2002; Koremenos 2005 on duration provisions). How many do, and for how long,
is a fact of treaty practice that changes with the times: 13 % of the alliances signed 1816-1840
(median 6.5 years), 73 % of those signed 1921-1945 (median 7), 56 % of those signed 1965-1989
(median 20). :func:`treaty_terms_of` gives a scenario built from the record the terms of the
treaties signed in the generation before its start year, the practice its statesmen knew; a pact
formed in the run states a term drawn from them (:func:`foedus.sim.steps.politics.alliance_politics`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from foedus.data.atop import read_atop_terms
from foedus.data.conflict import read_wars
from foedus.data.csvio import read_csv
from foedus.data.paths import default_data_dir
from foedus.data.record import find_file

__all__ = ["TERM_WINDOW_YEARS", "MIN_TREATIES", "treaty_terms_of", "wartime_treaties", "automatic_renewal_treaties", "treaty_renewal_of"]

TERM_WINDOW_YEARS = 25
"""Years before the start year whose treaties set the practice (a generation of statesmen)."""

MIN_TREATIES = 10
"""Fewer treaties than this in the window (the record begins in 1815): the window's first 25 years from the start year instead."""


def treaty_terms_of(year: int, data_dir: Path | None = None) -> list[float]:
    """Stated terms in years (0: none stated) of the ATOP alliances begun in the 25 years before ``year``, in the file's order.

    When the record has fewer than :data:`MIN_TREATIES` alliances begun then (a start in 1816: ATOP begins in
    1815), those begun in the 25 years from ``year`` on; with fewer there too, an empty list (formed pacts state
    no term). A start beyond ATOP's last year (2018) reads the treaties of the 25 years before it that ATOP has.
    A term is ATOP's ``length`` (months / 12) where ``speclgth`` is 1 or 3 (a length of time specified); a
    treaty that lasts until an event (``speclgth`` 2) or states nothing counts 0.
    """
    path, pick = _practice(year, data_dir)
    if pick is None:
        return []
    terms = read_atop_terms(path)["term_years"].to_numpy()  # in the file's row order, as begun
    return [round(float(t), 3) for t in terms[pick]]


def treaty_renewal_of(year: int, data_dir: Path | None = None) -> list[bool]:
    """Whether the term of each treaty of :func:`treaty_terms_of` (same order) renews automatically (ATOP ``proren`` 2 with a
    stated term: :func:`automatic_renewal_treaties`): the practice a pact formed in the run draws its renewal from,
    with its term (12 % of the alliances begun 1816-1914, 50 % of those begun 1946-1989; Koremenos 2005)."""
    path, pick = _practice(year, data_dir)
    if pick is None:
        return []
    raw = read_csv(path, ["atopid"])
    auto = set(automatic_renewal_treaties(data_dir))
    ids = pd.to_numeric(raw["atopid"], errors="coerce").to_numpy()
    terms = read_atop_terms(path)["term_years"].to_numpy()  # a renewal provision without a length of term renews nothing
    return [bool(int(a) in auto and t > 0) for a, t in zip(ids[pick], terms[pick])]


def _practice(year: int, data_dir: Path | None) -> tuple[Path, np.ndarray | None]:
    """The ATOP file and the rows (file order) of the treaties whose practice a scenario starting in ``year`` knows
    (:func:`treaty_terms_of`), or None when too few."""
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    path = find_file(d, "atop_alliances")
    raw = read_csv(path, ["atopid", "begyr"])
    begun = pd.to_numeric(raw["begyr"], errors="coerce").to_numpy()
    for lo, hi in ((year, year + TERM_WINDOW_YEARS - 1), (year - TERM_WINDOW_YEARS, year - 1)):
        pick = (begun >= lo) & (begun <= hi)
        if pick.sum() >= MIN_TREATIES:
            return path, pick
    return path, None


def wartime_treaties(data_dir: Path | None = None, year: int | None = None) -> list[int]:
    """The atopids of the ATOP alliances made during a war their members fought (ATOP ``wartime`` 1; Leeds et al. 2002).

    A treaty of the record in force when a run starts carries it (``AgreementSpec.wartime``): made for its war,
    it comes up for renewal once the war is over (:mod:`foedus.sim.start`; Leeds & Savun 2007). Of the 28
    alliances in force at the start of 1946, 13 are wartime treaties of the Second World War era; 10 of them
    ended by 1955. With ``year`` (a scenario's start), only the treaties whose war (ATOP ``cowwar``, the COW war
    number, ended in the last year of that war's dyad-years) was still under way in ``year - 1`` or later: a treaty
    that has outlived its war was not made for it alone (ANZUS and the US-Philippine treaty, signed in 1951 during
    the Korean War, in force in 1990). A treaty whose war ATOP does not name keeps the flag.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    raw = read_csv(find_file(d, "atop_alliances"), ["atopid", "wartime"])
    w = pd.to_numeric(raw["wartime"], errors="coerce").fillna(0).to_numpy() > 0
    ids = [int(a) for a in pd.to_numeric(raw["atopid"], errors="coerce").to_numpy()[w]]
    if year is None:
        return ids
    m = read_csv(find_file(d, "atop_members"), ["atopid", "cowwar"])
    m = m.assign(atopid=pd.to_numeric(m["atopid"], errors="coerce"), cowwar=pd.to_numeric(m["cowwar"], errors="coerce"))
    war_of = m[m["cowwar"] > 0].groupby("atopid")["cowwar"].max()
    war_end = read_wars(find_file(d, "wars")).groupby("warnum")["year"].max()
    return [a for a in ids if a not in war_of.index or war_end.get(int(war_of[a]), np.inf) >= year - 1]


def automatic_renewal_treaties(data_dir: Path | None = None) -> list[int]:
    """The atopids of the ATOP alliances with a stated term that renews automatically (ATOP ``proren`` 2, ``speclgth`` 1 or 3).

    Such a treaty stays in force at the end of its term unless a member gives notice (tacit renewal; Koremenos 2005 on
    duration and renewal provisions): its end is a member's denunciation, which the yearly abrogation hazard models
    (Leeds & Savun 2007), not a decision to renew that must be taken afresh (``proren`` 1, renewal by agreement; 0, none).
    The share of the alliances begun in each era whose renewal is automatic changes with treaty practice (ATOP 5.1:
    12 % of those begun 1816-1914, 60 % 1919-1938, 50 % 1946-1989, 75 % 1990-2018); the Triple Alliance (1350), the
    Austro-German alliance (1335) and the Soviet bloc's bilateral treaties of 1964-1979 are among them.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    raw = read_csv(find_file(d, "atop_alliances"), ["atopid", "proren", "speclgth"])
    auto = (pd.to_numeric(raw["proren"], errors="coerce").to_numpy() == 2) & pd.to_numeric(raw["speclgth"], errors="coerce").isin([1, 3]).to_numpy()
    return [int(a) for a in pd.to_numeric(raw["atopid"], errors="coerce").to_numpy()[auto]]
