"""How many great-power pair-years of each era the nuclear restraint leaves open to a war between great powers (issue 12).

    PYTHONPATH=src python tools/gp_nuclear_ceiling.py [ERA ...]

With ``nuclear_entry_restraint`` and ``nuclear_onset_restraint`` at 1 (the published reading, Jervis 1989: the dates of
:mod:`foedus.data.nuclear`, Gartzke & Kroenig 2009), no route of the simulator begins or enters a war between two
nuclear-armed states (entries are screened against the belligerents already in the war), so a war between two great
powers can only pair two great powers of which one at least holds no nuclear weapons that year. For each era (default the four of :mod:`foedus.experiments.eras`, up to the last year of the
COW wars) the tool prints the record's great-power pair-years (COW majors, ``k (k - 1) / 2`` a year, as
``gp_war_onsets_per_gp_pair_year`` counts them), those left open (not both nuclear-armed), the record's wars between great
powers (:func:`foedus.analysis.great_power_wars.great_power_war_counts`) and their rate per pair-year and per open
pair-year, and the count of wars a pooled run of ``--seeds`` seeds needs to be in range (the fact's x/÷ 2). gpwar19: in
1946-1989 only 113 of the 424 pair-years are open (the United Kingdom to 1951, France to 1959, China 1950-1963), and
the record's one war (Korea, China against the United States, Britain and France) fell in them: three wars in six runs
(the range's floor) is 0.0044 a year for each open pair, above the record's rate of 1816-1914 (0.0040).
"""

from __future__ import annotations

import argparse

import numpy as np

from foedus.analysis.capabilities import state_years_filled
from foedus.analysis.great_power_wars import great_power_war_counts
from foedus.analysis.war_allies import war_participants
from foedus.analysis.war_onsets import WAR_RECORD_LAST_YEAR
from foedus.data.nuclear import nuclear_armed
from foedus.experiments.eras import ERAS, _record, era_window


def open_pair_years(history, first: int, last: int) -> tuple[float, float]:
    """(great-power pair-years of ``first..last``, those in which not both powers hold nuclear weapons)."""
    sy = state_years_filled(history)
    sy = sy[(sy["year"] >= first) & (sy["year"] <= last) & sy["major"].to_numpy(dtype=bool)]
    total = opened = 0.0
    for y, g in sy.groupby("year"):
        c = g["ccode"].unique()
        k, nk = len(c), int(nuclear_armed(c, int(y)).sum())
        total += k * (k - 1) / 2
        opened += k * (k - 1) / 2 - nk * (nk - 1) / 2
    return total, opened


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("eras", nargs="*", default=list(ERAS))
    ap.add_argument("--seeds", type=int, default=6, help="runs pooled by the validation (default 6)")
    args = ap.parse_args()
    h = _record(None)
    for era in args.eras:
        first, last = era_window(era, None)
        last = min(last, WAR_RECORD_LAST_YEAR)
        wars, pair_years = great_power_war_counts(h, war_participants(h, first, last), first, last)
        total, opened = open_pair_years(h, first, last)
        rate = wars / pair_years if pair_years else np.nan
        floor = int(np.ceil(0.5 * rate * pair_years * args.seeds - 1e-9)) if wars else 0
        print(f"{era}: pair-years {total:.0f}, open {opened:.0f} ({opened / max(total, 1):.0%}); record wars {wars}, "
              f"{rate:.5f} a pair-year, {wars / opened if opened else np.nan:.5f} an open pair-year; "
              f"in range over {args.seeds} runs: {floor} to {int(2 * rate * pair_years * args.seeds)} wars "
              f"({floor / (args.seeds * opened) if opened and floor else 0:.4f} an open pair-year at the floor)")


if __name__ == "__main__":
    main()
