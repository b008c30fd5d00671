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
from foedus.data.csvio import read_csv
from foedus.data.paths import default_data_dir
from foedus.data.record import find_file

__all__ = ["TERM_WINDOW_YEARS", "MIN_TREATIES", "treaty_terms_of", "wartime_treaties"]

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
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    path = find_file(d, "atop_alliances")
    raw = read_csv(path, ["atopid", "begyr"])
    begun = pd.to_numeric(raw["begyr"], errors="coerce").to_numpy()
    terms = read_atop_terms(path)["term_years"].to_numpy()  # in the file's row order, as begun
    for lo, hi in ((year, year + TERM_WINDOW_YEARS - 1), (year - TERM_WINDOW_YEARS, year - 1)):
        pick = (begun >= lo) & (begun <= hi)
        if pick.sum() >= MIN_TREATIES:
            return [round(float(t), 3) for t in terms[pick]]
    return []


def wartime_treaties(data_dir: Path | None = None) -> list[int]:
    """The atopids of the ATOP alliances made during a war their members fought (ATOP ``wartime`` 1; Leeds et al. 2002).

    A treaty of the record in force when a run starts carries it (``AgreementSpec.wartime``): made for its war,
    it comes up for renewal once the war is over (:mod:`foedus.sim.start`; Leeds & Savun 2007). Of the 28
    alliances in force at the start of 1946, 13 are wartime treaties of the Second World War era; 10 of them
    ended by 1955.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    raw = read_csv(find_file(d, "atop_alliances"), ["atopid", "wartime"])
    w = pd.to_numeric(raw["wartime"], errors="coerce").fillna(0).to_numpy() > 0
    return [int(a) for a in pd.to_numeric(raw["atopid"], errors="coerce").to_numpy()[w]]
