"""The words in which the main job says what drives each headline: the trend drivers' names and the method's paragraph.

One home for text that two layers say: :mod:`foedus.experiments.drivers` writes it in English into
summary.json and the job's sentences (data, like the tables' column names), and
:mod:`foedus.report.drivers` says it again in the language in use. The report may not import the
experiments, and both may import the analyses, so the text lives here, marked for translation
once: :data:`METHOD_MESSAGE` and :data:`DRIVER_MESSAGES` translate themselves when shown;
:data:`METHOD` and :data:`DRIVERS` are their English, the very bytes summary.json has always held.
"""

from __future__ import annotations

from foedus.i18n import lazy_gettext

__all__ = ["METHOD_MESSAGE", "METHOD", "DRIVER_MESSAGES", "DRIVERS"]

METHOD_MESSAGE = lazy_gettext(
    "Monte Carlo filtering over a Latin hypercube of the trend drivers (Spear & Hornberger 1980; Saltelli et al. 2008): "
    "for a yes/no outcome, the Mann-Whitney test of each driver's values in the runs with and without it; for a number, "
    "Spearman's rank correlation; p-values Holm-adjusted over the drivers (family-wise 5 %). The figures compare the runs "
    "whose driver lies in the upper third of its range with those in the lower third. Chosen over PRIM and Sobol indices "
    "because at the main job's size (100 runs) it keeps its error rate and still finds a driver PRIM misses, whatever the "
    "frequency of the outcome."
)
"""The method's paragraph, translated when shown (reports, the terminal)."""

METHOD: str = METHOD_MESSAGE.message
"""The method's paragraph in English, as summary.json holds it."""

DRIVER_MESSAGES = {
    "great_power_competition": lazy_gettext("great-power competition"),
    "economic_interdependence": lazy_gettext("economic interdependence"),
    "cyber": lazy_gettext("cyber intensity"),
    "military_integration": lazy_gettext("military integration"),
    "norms": lazy_gettext("norms and values"),
}
"""The trend drivers the main job varies (fields of :class:`foedus.sim.scenario.Trends`, in order) as sentences
name them, translated when shown."""

DRIVERS: dict[str, str] = {field: name.message for field, name in DRIVER_MESSAGES.items()}
"""The same names in English, as the experiment's sentences and summary.json say them."""
