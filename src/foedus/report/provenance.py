"""Where a history comes from, as the reports say it: the record or a simulated run, and the unit of its money.

A history is the record when every agreement comes from ATOP (:func:`is_record`); a simulated
run's scenario and seed (:func:`simulated_source`) and the dollars of its military expenditure
(:func:`milex_unit`) are read from its provenance (:attr:`foedus.schema.History.meta`). The
report layer never imports the simulator: a caller that wants the scenario's source note
quoted passes the scenario.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Protocol

import pandas as pd

from foedus.data.prices import DEFLATOR, MILEX_BASE_YEAR, NMC_POUND_YEARS, nmc_milex_constant
from foedus.data.snapshot_fields import GBP_USD_PARITY
from foedus.schema import History
from foedus.schema.provenance import milex_money_of_note
from foedus.i18n import _, get_language

__all__ = ["MILEX_SCALE", "MilexUnit", "POUND_YEARS", "RECORD_MILEX_BASE_YEAR", "RECORD_MILEX_UNIT", "ScenarioFacts", "is_record", "milex_unit", "milex_values", "simulated_source"]

MILEX_SCALE = 1e-6
"""From ``state_years.milex`` (thousands) to billions: every report figure and table shows military
expenditure in billions of one money (:attr:`MilexUnit.report_axis`)."""

POUND_YEARS: tuple[int, int] = NMC_POUND_YEARS
"""Years in which COW NMC 7.0 records ``milex`` in pounds sterling (its codebook)."""


def is_record(history: History) -> bool:
    """True for the historical record: every agreement's source is ATOP."""
    src = history.agreements["source"].astype(str)
    return bool(len(src)) and bool(src.str.lower().str.startswith("atop").all())


_SIM_SOURCE = re.compile(r"^simulation:(?P<scenario>.+):seed=(?P<seed>-?\d+)$")


def simulated_source(history: History) -> tuple[str, int | None] | None:
    """(scenario name, seed) of a simulated history, from its provenance; None otherwise.

    The seed is None for a run whose generator was not made from a seed. A history without
    :attr:`~foedus.schema.History.meta` (a folder written before foedus recorded provenance) is
    read from its ``source`` instead.

    A simulated run's source is ``"simulation:<scenario>:seed=<seed>"``
    (:meth:`foedus.sim.engine.Simulation.history`); it survives
    :func:`foedus.data.runs.write_history_dir` and :func:`~foedus.data.runs.read_history_dir`.

    Examples
    --------
    >>> from foedus.testing import toy_history
    >>> h = toy_history([{"id": 1, "start": 2022, "end": None, "members": [2, 20]}], first_year=2022, last_year=2030)
    >>> simulated_source(h) is None
    True
    """
    meta = history.meta
    if meta is not None:
        return (meta.scenario, meta.seed) if meta.kind == "simulation" and meta.scenario else None
    # a history folder written before foedus recorded provenance: its source says it
    m = _SIM_SOURCE.match(str(history.source))
    return (m.group("scenario"), int(m.group("seed"))) if m else None


@dataclass(frozen=True)
class MilexUnit:
    """The unit of ``state_years.milex`` in a history, as the report writes it.

    ``money``: the currency ("constant 2022 US dollars"); ``caption``: the unit in words, for
    captions ("thousands of constant 2022 US dollars"); ``axis``: a short form for an axis
    label; ``source``: where the figures come from, one sentence for the caption ("Data: ...").
    """

    money: str
    caption: str
    axis: str
    source: str

    @property
    def report_axis(self) -> str:
        """The unit of the reports' figures and tables, which show billions (:data:`MILEX_SCALE`): "bn current US$; ..."."""
        rest = self.axis
        for prefix in ("thousand ", "thousands ", _("thousand ")):
            rest = rest.removeprefix(prefix)
        return _("bn {unit}").format(unit=rest)

    @property
    def report_caption(self) -> str:
        """:attr:`caption` in billions, as the reports draw it: "billions of current US dollars, ..."."""
        rest = self.caption
        for prefix in ("thousands of ", _("thousands of ")):
            rest = rest.removeprefix(prefix)
        return _("billions of {unit}").format(unit=rest)


RECORD_MILEX_BASE_YEAR = MILEX_BASE_YEAR
"""The base year of the record's constant dollars (:data:`foedus.data.prices.MILEX_BASE_YEAR`)."""

RECORD_MILEX_UNIT = MilexUnit(
    money=(f"constant {RECORD_MILEX_BASE_YEAR} US dollars (deflator: {DEFLATOR}; pounds sterling 1816-1913 converted "
           f"at the gold-standard mint parity, {GBP_USD_PARITY} US$/£, Officer 1996)"),
    caption=(
        f"thousands of constant {RECORD_MILEX_BASE_YEAR} US dollars: the current US dollars of COW NMC deflated by the US "
        f"consumer price index (BLS CPI-U, series CUUR0000SA0, annual average), the pounds sterling NMC records for "
        f"1816-1913 first converted at the gold-standard mint parity of {GBP_USD_PARITY} US$ per £ (Officer 1996); "
        f"the CPI-U begins in 1913, so 1816-1912 are deflated at the 1913 price level (in 1913 prices, not their own)"
    ),
    axis=f"thousand constant {RECORD_MILEX_BASE_YEAR} US$ (CPI-U; £ to 1913 × {GBP_USD_PARITY} US$/£, 1913 prices before 1913)",
    source="Data: COW National Material Capabilities 7.0 (Singer, Bremer & Stuckey 1972), variable milex; US BLS CPI-U.",
)
"""The record's unit as the reports draw it: COW NMC 7.0 ``milex`` in thousands of constant
:data:`RECORD_MILEX_BASE_YEAR` US$ (:func:`milex_values`), so that one axis has one unit and the
money of different years is comparable in real terms."""


def milex_values(history: History, state_years: pd.DataFrame | None = None) -> pd.Series:
    """``state_years.milex`` of ``history`` in the one unit its reports state (:func:`milex_unit`).

    For the record (:func:`foedus.data.prices.nmc_milex_constant`): the figures of
    :data:`POUND_YEARS` are pounds sterling (COW NMC) and are first multiplied by
    :data:`foedus.data.snapshot_fields.GBP_USD_PARITY` (US$ per £ at the classical gold-standard
    mint parity, Officer 1996); then every year's current dollars are deflated to constant
    :data:`RECORD_MILEX_BASE_YEAR` US$ with the CPI-U (1816-1912 at the 1913 price level). A
    simulated run is returned as it is (it keeps its scenario's dollars, :func:`milex_unit`).

    Parameters
    ----------
    history : History
    state_years : DataFrame, optional
        Rows of ``history.state_years`` (default all of them), with ``year`` and ``milex``.

    Returns
    -------
    pandas.Series
        The converted ``milex``, aligned with ``state_years``.
    """
    sy = history.state_years if state_years is None else state_years
    milex = sy["milex"].astype("float64")
    if not is_record(history):
        return milex
    return pd.Series(nmc_milex_constant(milex.to_numpy(), sy["year"].to_numpy(), RECORD_MILEX_BASE_YEAR), index=milex.index, name="milex")


class ScenarioFacts(Protocol):
    """What the reports read of the scenario a run was simulated from (a :class:`foedus.sim.Scenario` has them)."""

    name: str
    start_year: int
    sources: Mapping[str, str]


def milex_unit(history: History, scenario: ScenarioFacts | None = None) -> MilexUnit:
    """The unit of a history's military expenditure, from the history's provenance.

    The canonical ``state_years.milex`` is in thousands (:data:`foedus.schema.STATE_YEARS`);
    which money depends on the source. For the record it is COW NMC's
    (:data:`RECORD_MILEX_UNIT`). A simulated run keeps the units of its scenario's starting
    figures (a scenario's ``milex`` is in million US$; the engine writes thousands and has no
    price level): its :attr:`History.meta` records which dollars
    (:attr:`foedus.schema.provenance.HistoryMeta.milex_money`: "constant 2022 US$" for SIPRI
    figures as in ``world-2022``, "current US$ of 1871" for COW NMC figures of the start year).
    A history written before foedus recorded provenance falls back on the scenario's
    ``sources["milex"]`` note, read by the same rule
    (:func:`foedus.schema.provenance.milex_money_of_note`).

    Parameters
    ----------
    history : History
    scenario : Scenario, optional
        The scenario the history was simulated from (the caller finds it: for a run of a
        built-in scenario, the one named by :func:`simulated_source`); its ``milex`` note is
        quoted in the caption. Without it, and without provenance, a simulated run's unit is
        "US dollars" with a caption saying that the history does not record which.

    Returns
    -------
    MilexUnit
    """
    if is_record(history):
        return RECORD_MILEX_UNIT if get_language() == "en" else _record_unit()
    meta = history.meta
    money = meta.milex_money if meta is not None and meta.kind == "simulation" else None
    note = " ".join(str(scenario.sources.get("milex", "")).split()) if scenario is not None else ""
    if money is None and scenario is not None:
        money = milex_money_of_note(note, int(scenario.start_year))
    if money is None:
        said = _("the scenario does not say which dollars") if scenario is not None else _("the history does not record which dollars")
        return MilexUnit(
            money=_("US dollars"),
            caption=_("thousands of US dollars, in the units of the starting figures ({said})").format(said=said),
            axis=_("thousand US$"),
            source=_("Data: state-year capabilities of the simulated run.") if simulated_source(history) is not None
            else _("Data: state-year capabilities of the history."),
        )
    words, short = money_words(money)
    if scenario is None:
        source = _("Data: the starting figures of the simulated run, then the spending simulated year by year.")
    elif note:
        source = _("Data: the starting figures of the scenario ‘{scenario}’ (the scenario's note: ‘{note}’), then the spending "
                   "simulated year by year.").format(scenario=scenario.name, note=note)
    else:
        source = _("Data: the starting figures of the scenario ‘{scenario}’, then the spending simulated year by year.").format(
            scenario=scenario.name)
    caption = _("thousands of {money}").format(money=words)
    if "constant" in money:
        caption += _(" (SIPRI's constant prices: each country's spending in local currency deflated by its consumer "
                     "price index, then converted at the base year's exchange rate)")
    return MilexUnit(money=words, caption=caption, axis=_("thousand {money}").format(money=short), source=source)


_MONEY = re.compile(r"^(?:(constant) (\d{4}) US\$|current US\$ of (\d{4})|current US\$)$")


def money_words(money: str) -> tuple[str, str]:
    """The money of a history (``HistoryMeta.milex_money``) in words and in short, in the language in use.

    ``"constant 2022 US$"`` gives ("constant 2022 US dollars", "constant 2022 US$") in English and
    ("dollars US constants de 2022", "US$ constants de 2022") in French; a money the catalogue does not
    know is shown as it is written.
    """
    m = _MONEY.match(money)
    if get_language() == "en" or m is None:
        return money.replace("US$", "US dollars"), money
    if m.group(1):
        year = m.group(2)
        return (_("constant {year} US dollars").format(year=year), _("constant {year} US$").format(year=year))
    if m.group(3):
        year = m.group(3)
        return (_("current US dollars of {year}").format(year=year), _("current US$ of {year}").format(year=year))
    return _("current US dollars"), _("current US$")


def _record_unit() -> MilexUnit:
    """:data:`RECORD_MILEX_UNIT` in the language in use."""
    parity = GBP_USD_PARITY if get_language() == "en" else str(GBP_USD_PARITY).replace(".", ",")
    return MilexUnit(
        money=_("current US dollars (pounds sterling 1816-1913 converted at the gold-standard mint parity, {parity} US$/£, "
                "Officer 1996)").format(parity=parity),
        caption=_("thousands of current US dollars, the pounds sterling COW NMC records for 1816-1913 converted at the "
                  "gold-standard mint parity of {parity} US$ per £ (Officer 1996); not deflated (the data hold no price "
                  "index reaching back to 1816), so the money of different years is not comparable in real terms").format(parity=parity),
        axis=_("thousand current US$; £ to 1913 × {parity} US$/£").format(parity=parity),
        source=_("Data: COW National Material Capabilities 7.0 (Singer, Bremer & Stuckey 1972), variable milex."),
    )
