"""Measures of history, the same code for the imported record and for simulated runs.

Modules: :mod:`~foedus.analysis.formation` (counts by period, obligation, format, symmetry),
:mod:`~foedus.analysis.in_force` (agreements in force, begun and ended per year by kind),
:mod:`~foedus.analysis.size`, :mod:`~foedus.analysis.survival` (Kaplan-Meier),
:mod:`~foedus.analysis.network` (alliance networks, dyad-years), :mod:`~foedus.analysis.polarity`
(blocs, poles, concentration), :mod:`~foedus.analysis.portfolios` (tie matrices),
:mod:`~foedus.analysis.similarity` (tau-b, S scores),
:mod:`~foedus.analysis.summary`; for validation, :mod:`~foedus.analysis.eras` (an era's facts),
:mod:`~foedus.analysis.war_allies` (allies in war) and :mod:`~foedus.analysis.era_tolerance`
(tolerances); for ensembles of simulated runs,
:mod:`~foedus.analysis.indicators` (the indicators of one run, from its compact record),
:mod:`~foedus.analysis.ensemble` (bands, alignments and pair probabilities over many runs,
comparisons) and :mod:`~foedus.analysis.outcomes` (a yes/no outcome per run, for discovery).
Nothing here imports :mod:`foedus.sim`: simulated and recorded history arrive as the same
:class:`foedus.schema.History` (or :class:`foedus.schema.runs.RunRecord`).
"""

from foedus.analysis.formation import (
    PERIODS,
    alliance_table,
    formation_per_year,
    formation_rate,
    formation_table,
    symmetry,
)
from foedus.analysis.in_force import agreements_begun, agreements_ended, agreements_in_force
from foedus.analysis.network import alliance_network, defense_network, dyad_years
from foedus.analysis.polarity import (
    BLOC_METHODS,
    DEFAULT_BLOC_METHOD,
    blocs,
    concentration,
    effective_number,
    major_power_blocs,
    polarity,
    state_blocs,
    year_blocs,
)
from foedus.analysis.portfolios import portfolio_matrix
from foedus.analysis.similarity import s_score, similarity_dyad_years, tau_b, write_similarity_parquet
from foedus.analysis.size import members_per_alliance, size_summary
from foedus.analysis.summary import summary
from foedus.analysis.survival import alliance_durations, kaplan_meier, km_median, survival_table

__all__ = [
    "BLOC_METHODS",
    "DEFAULT_BLOC_METHOD",
    "PERIODS",
    "agreements_begun",
    "agreements_ended",
    "agreements_in_force",
    "alliance_durations",
    "alliance_network",
    "alliance_table",
    "blocs",
    "concentration",
    "defense_network",
    "dyad_years",
    "effective_number",
    "formation_per_year",
    "formation_rate",
    "formation_table",
    "kaplan_meier",
    "km_median",
    "major_power_blocs",
    "members_per_alliance",
    "polarity",
    "portfolio_matrix",
    "s_score",
    "similarity_dyad_years",
    "size_summary",
    "state_blocs",
    "summary",
    "survival_table",
    "symmetry",
    "tau_b",
    "write_similarity_parquet",
    "year_blocs",
]
