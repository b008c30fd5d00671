"""Research panels, the public face: dyad-years and state-years of the COW system and the verbs that add to them.

In the manner of peacesciencer (Miller 2022)::

    from foedus import panel

    dy = (panel.dyad_years(1816, 2018)             # every pair of the COW system, each year
          .pipe(panel.add_atop_alliance)            # ATOP ties by obligation (phase-correct)
          .pipe(panel.add_nmc)                      # CINC of each side
          .pipe(panel.add_contiguity))
    panel.write(dy, "dyads.dta")                   # Parquet, CSV or Stata, with provenance

Implemented in :mod:`foedus.analysis.panel` (skeletons, writing) and
:mod:`foedus.analysis.panel_verbs` (the verbs); see there for definitions, units and citations.
``foedus panel dyad-years 1816 2018 --add atop,cinc,contiguity -o FILE`` is the same from the
command line.
"""

from foedus.analysis.panel import dyad_years, panel_info, state_years
from foedus.analysis.panel import write_panel as write
from foedus.analysis.panel_verbs import (
    VERBS,
    add,
    add_atop_alliance,
    add_capital_distance,
    add_contiguity,
    add_cow_majors,
    add_cow_wars,
    add_democracy,
    add_fpsim,
    add_ideal_points,
    add_igos,
    add_minimum_distance,
    add_nmc,
    add_rivalries,
    add_trade,
)

__all__ = [
    "VERBS",
    "add",
    "add_atop_alliance",
    "add_capital_distance",
    "add_contiguity",
    "add_cow_majors",
    "add_cow_wars",
    "add_democracy",
    "add_fpsim",
    "add_ideal_points",
    "add_igos",
    "add_minimum_distance",
    "add_nmc",
    "add_rivalries",
    "add_trade",
    "dyad_years",
    "panel_info",
    "state_years",
    "write",
]
