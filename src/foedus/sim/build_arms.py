"""The record's pre-war spending of the states a scenario built from the record starts just after their war.

A scenario built from the record at a year just after a war (1946, 1919) carries the belligerents'
war-time figures (COW NMC: the USA's 45 bn dollars and 3.0 M men of 1946, against 1.7 bn and 0.46 M
in 1940). The simulator returns such a state towards a peace-time level above its pre-war one
(:func:`foedus.theory.arming.postwar_level`: the ratchet, Peacock & Wiseman 1961; Rasler & Thompson
1985), for which it needs the pre-war figure: :func:`prewar_milex` reads it from the record.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from foedus.data.conflict import read_wars
from foedus.data.paths import default_data_dir
from foedus.data.record import find_file
from foedus.data.snapshot_fields import GBP_USD_PARITY, table

POSTWAR_YEARS = 2
"""A state whose last war year lies this many years or fewer before the start (and which is not at war in the start
year) starts in the aftermath of its war."""


def war_spells(wars) -> dict[int, list[tuple[int, int]]]:
    """Each state's spells of COW inter-state war, ``(first year, last year)``, wars a year apart or less merged."""
    out: dict[int, list[tuple[int, int]]] = {}
    for c, years in wars.groupby("ccode1")["year"]:
        ys = np.unique(years.to_numpy(int))
        cuts = np.flatnonzero(np.diff(ys) > 2)  # a gap of one peace year or less keeps the spell
        first = np.r_[ys[0], ys[cuts + 1]]
        last = np.r_[ys[cuts], ys[-1]]
        out[int(c)] = list(zip(first.tolist(), last.tolist()))
    return out


def prewar_milex(ccodes, year: int, data_dir: Path | None = None) -> dict[int, tuple[float, int]]:
    """``ccode -> (spending, year)``: the COW NMC spending of the last year before the war spell of each state whose spell
    ended within :data:`POSTWAR_YEARS` before ``year`` (and not in ``year``), million US$ as the scenario's NMC figures
    (:func:`foedus.data.snapshot_fields.milex_usd_m`: ``milex`` / 1000, pounds before 1914 at ``GBP_USD_PARITY``).

    States without such a spell, or without a positive pre-war figure, are left out.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    try:
        spells = war_spells(read_wars(find_file(d, "wars")))
    except FileNotFoundError:
        return {}
    nmc = table(d, "nmc")
    milex = dict(zip(zip(nmc["ccode"].astype(int), nmc["year"].astype(int)), nmc["milex"].astype(float)))
    out = {}
    for c in ccodes:
        for first, last in spells.get(int(c), []):
            if year - POSTWAR_YEARS <= last < year:
                x = milex.get((int(c), first - 1), np.nan)
                if np.isfinite(x) and x > 0:
                    out[int(c)] = (float(x) / 1000.0 * (GBP_USD_PARITY if first - 1 <= 1913 else 1.0), first - 1)
    return out
