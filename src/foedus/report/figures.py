"""Public figure functions: every figure of the foedus reports, for any history, from a notebook.

Each function takes a :class:`~foedus.schema.History` (the record or a simulated run; or, for
the ensemble and validation figures, their tables), draws into ``ax`` when given or into a new
figure of the report style (:mod:`foedus.report.style`), and returns the matplotlib Axes (or
Figure, for the figures of several panels). The reports call these same functions, so a figure
in a notebook is the figure of the report::

    from foedus.data import load_record
    from foedus.report.figures import plot_alliances_in_force, plot_network
    h = load_record()
    ax = plot_alliances_in_force(h)
    ax.figure.savefig("in-force.png")
    plot_network(h, 1914)

History figures: :func:`plot_alliances_begun`, :func:`plot_agreements_by_kind`,
:func:`plot_alliances_in_force`, :func:`plot_alliance_size`, :func:`plot_survival`,
:func:`plot_network` (with :func:`network_layout`), :func:`plot_polarity`,
:func:`plot_spending`, :func:`plot_alignments`. Ensemble figures: :func:`plot_band`,
:func:`plot_pair_allied` (and, of several panels, :func:`foedus.report.ensemble.state_band_figure`,
:func:`foedus.report.ensemble.alignment_figure`). Validation: :func:`plot_validation_era`.

Optional keyword arguments take tables already computed (the reports compute each once); left
out, they are computed from the history by :mod:`foedus.analysis`. Every number comes from
there: these functions only draw.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd

from foedus.analysis.formation import FORMATS, Period
from foedus.report import style
from foedus.report.ensemble import plot_band, plot_pair_allied
from foedus.report.network import network_layout, plot_network
from foedus.report.validation import plot_validation_era
from foedus.report.provenance import MILEX_SCALE, MilexUnit, milex_unit, milex_values
from foedus.schema import History
from foedus.i18n import _, gettext, lazy_gettext
from foedus.report.labels import LABELS, kind_plural, label as code_label

__all__ = [
    "MILEX_SCALE", "OBLIGATION_LABELS", "WARS",
    "major_codes", "marks", "network_layout",
    "plot_agreements_by_kind", "plot_alignments", "plot_alliance_size", "plot_alliances_begun", "plot_alliances_in_force",
    "plot_band", "plot_network", "plot_pair_allied", "plot_polarity", "plot_spending", "plot_survival", "plot_validation_era",
]

WARS: tuple[tuple[str, int, int], ...] = (("World War I", 1914, 1918), ("World War II", 1939, 1945))
"""Shaded on the time figures (names in English; shown through :func:`foedus.i18n.gettext`)."""

_WAR_NAMES = (lazy_gettext("World War I"), lazy_gettext("World War II"))  # the names of WARS, for the catalogue

MARK_1991 = 1991
"""Dissolution of the USSR, marked on the time figures."""


OBLIGATION_LABELS = {code: LABELS[code] for code in ("defense", "offense", "nonaggression")}
"""ATOP obligation codes as the figures spell them (in the language in use; every code: :func:`foedus.report.labels.label`)."""

_PERIOD_COLOURS = ("#7f3b08", "#2166ac", "#1b7837", "#762a83", "#b35806")
_KIND_COLOURS = {"alliance": "#4f7cac", "coalition": "#d6604d", "organisation": "#5aae61"}
_OBLIGATION_COLOURS = {
    "defense": "#08306b", "offense": "#b2182b", "neutrality": "#fdae61",
    "nonaggression": "#92c5de", "consultation": "#bababa", "none": "#f0f0f0",
}
_FORMAT_COLOURS = dict(zip(FORMATS, ("#4393c3", "#f4a582", "#b2182b")))


def marks(history: History) -> tuple[list[tuple[str, int, int]], bool]:
    """The world wars that overlap the window and whether 1991 lies in it: what the time figures mark."""
    first, last = int(history.first_year), int(history.last_year)
    wars = [(name, lo, hi) for name, lo, hi in WARS if hi >= first and lo <= last]
    return wars, first <= MARK_1991 <= last


def _mark_wars(ax, history: History, *, label: bool = False) -> None:
    wars, y1991 = marks(history)
    for name, lo, hi in wars:
        ax.axvspan(lo - 0.5, hi + 0.5, color=style.WAR_SHADE, alpha=0.8, lw=0, label=f"{gettext(name)} ({lo}–{hi})" if label else None)
    if y1991:
        ax.axvline(MARK_1991, color="#444", ls="--", lw=1, label=_("1991: end of the USSR") if label else None)


def _abb(history: History) -> dict[int, str]:
    st = history.states.drop_duplicates("ccode", keep="last")
    return dict(zip(st["ccode"].astype(int), st["abb"].astype(str)))


def _empty(ax, text: str) -> None:
    ax.text(0.5, 0.5, text, transform=ax.transAxes, ha="center", va="center", color="#555")


@style.styled
def plot_alliances_begun(history: History, ax=None, *, per_year: pd.Series | None = None):
    """Alliances begun per year (bars) with a 10-year centred moving average; world wars and 1991 marked.

    Parameters
    ----------
    history : History
    ax : matplotlib Axes, optional
    per_year : Series, optional
        :func:`foedus.analysis.formation.formation_per_year` of ``history``.

    Returns
    -------
    matplotlib.axes.Axes
        y: alliances begun (integer ticks); x: year.
    """
    from foedus.analysis.formation import formation_per_year

    per_year = formation_per_year(history) if per_year is None else per_year
    ax = style.axes_or_new(ax, 3.8)
    _mark_wars(ax, history, label=True)
    years = per_year.index.to_numpy()
    ax.bar(years, per_year.to_numpy(), width=0.9, color="#6b8fb5", label=_("alliances begun"))
    roll = per_year.rolling(10, center=True, min_periods=5).mean()
    ax.plot(years, roll.to_numpy(), color="#08306b", lw=1.8, label=_("10-year moving average"))
    style.year_axis(ax, int(history.first_year), int(history.last_year))
    ax.set_ylabel(_("alliances begun"))
    ax.set_ylim(bottom=0)
    style.integer_ticks(ax.yaxis)
    style.legend_outside(ax)
    return ax


def _stack_by_obligation(ax, history: History, by_obligation: pd.DataFrame) -> None:
    obligations = [o for o in by_obligation.columns if by_obligation[o].any()]
    if not obligations:
        _empty(ax, _("no alliance in force"))
        return
    x, v = style.year_steps(by_obligation.index.to_numpy(), by_obligation[obligations].to_numpy())
    ax.stackplot(x, *v.T, labels=[code_label(o) for o in obligations],
                 colors=[_OBLIGATION_COLOURS.get(o, style.GREY) for o in obligations], step="post", lw=0)
    handles, names = ax.get_legend_handles_labels()
    style.legend_outside(ax, handles[::-1], names[::-1], title=_("strongest obligation"))  # top of the stack first


@style.styled
def plot_alliances_in_force(history: History, ax=None, *, by_obligation: pd.DataFrame | None = None):
    """Alliances in force per year, stacked by strongest obligation, drawn as steps (one flat step per year).

    Parameters
    ----------
    history : History
    ax : matplotlib Axes, optional
    by_obligation : DataFrame, optional
        :func:`foedus.analysis.in_force.agreements_in_force` with ``by="primary_obligation"``
        and ``kinds=("alliance",)``.

    Returns
    -------
    matplotlib.axes.Axes
        y: alliances in force (integer ticks); legend (strongest obligation) right of the axes.
    """
    from foedus.analysis.in_force import agreements_in_force

    if by_obligation is None:
        by_obligation = agreements_in_force(history, by="primary_obligation", kinds=("alliance",))
    ax = style.axes_or_new(ax, 3.8)
    _mark_wars(ax, history)
    _stack_by_obligation(ax, history, by_obligation)
    ax.set_ylabel(_("alliances in force"))
    ax.set_ylim(bottom=0)
    style.integer_ticks(ax.yaxis)
    style.year_axis(ax, int(history.first_year), int(history.last_year))
    return ax


@style.styled
def plot_agreements_by_kind(history: History, *, by_kind: pd.DataFrame | None = None,
                            by_obligation: pd.DataFrame | None = None):
    """Agreements in force per year: one panel per kind (own scale), then alliances by strongest obligation.

    One panel per kind of agreement present (alliance, coalition, organisation), so that a
    handful of coalitions stays visible next to hundreds of alliances; the bottom panel is
    :func:`plot_alliances_in_force`. Steps, integer ticks, world wars and 1991 shaded.

    Parameters
    ----------
    history : History
    by_kind : DataFrame, optional
        :func:`foedus.analysis.in_force.agreements_in_force` (by kind).
    by_obligation : DataFrame, optional
        As for :func:`plot_alliances_in_force`.

    Returns
    -------
    matplotlib.figure.Figure
    """
    from foedus.analysis.in_force import agreements_in_force

    by_kind = agreements_in_force(history) if by_kind is None else by_kind
    if by_obligation is None:
        by_obligation = agreements_in_force(history, by="primary_obligation", kinds=("alliance",))
    kinds = [k for k in by_kind.columns if by_kind[k].any()]
    n = max(len(kinds), 1)
    fig = style.new_figure(1.4 * n + 2.8)
    axes = fig.subplots(n + 1, 1, sharex=True, gridspec_kw={"height_ratios": [1.0] * n + [2.0]})
    if kinds:
        x, v = style.year_steps(by_kind.index.to_numpy(), by_kind[kinds].to_numpy())
    for i, (ax, kind) in enumerate(zip(axes, kinds)):
        _mark_wars(ax, history)
        ax.fill_between(x, v[:, i], step="post", color=_KIND_COLOURS.get(kind, style.GREY), alpha=0.85, lw=0)
        ax.set_ylabel(kind_plural(kind))
    if not kinds:
        _empty(axes[0], _("no agreement in force"))
    axes[0].set_title(_("agreements in force, by kind"))
    plot_alliances_in_force(history, axes[-1], by_obligation=by_obligation)
    axes[-1].set_title(_("alliances in force, by strongest obligation"))
    for ax in axes:
        ax.set_ylim(bottom=0)
        style.integer_ticks(ax.yaxis, nbins=4)
    return fig


@style.styled
def plot_alliance_size(history: History, ax=None, *, table: pd.DataFrame | None = None):
    """Distribution of alliance size (distinct members) of the alliances begun in the window, log count axis.

    Parameters
    ----------
    history : History
    ax : matplotlib Axes, optional
    table : DataFrame, optional
        Rows of :func:`foedus.analysis.formation.alliance_table` to count (default: those begun
        in the window).

    Returns
    -------
    matplotlib.axes.Axes
        x: distinct members (integer ticks); y: alliances, log scale with integer ticks
        (1, 2, 5, 10, ...); colours: bilateral, minilateral, multilateral.
    """
    from foedus.analysis.formation import alliance_table

    if table is None:
        table = alliance_table(history)
        table = table[table["begun_in_window"]]
    ax = style.axes_or_new(ax, 3.6)
    if not len(table):
        _empty(ax, _("no alliance begun in the window"))
        return ax
    dist = table["n_members"].value_counts().sort_index()
    fmt = pd.Series(table["format"].to_numpy(), index=table["n_members"].to_numpy())
    for f in FORMATS:
        sizes = sorted(set(fmt[fmt == f].index))
        if sizes:
            ax.bar(sizes, dist.reindex(sizes).to_numpy(), color=_FORMAT_COLOURS[f], width=0.8, label=code_label(f))
    ax.set_yscale("log")
    ax.set_ylim(0.7, max(2.0, float(dist.max()) * 1.6))
    ax.set_xlim(float(dist.index.min()) - 1.0, float(dist.index.max()) + 1.0)
    style.integer_ticks(ax.yaxis, log=True)
    style.integer_ticks(ax.xaxis)
    ax.set_xlabel(_("distinct members"))
    ax.set_ylabel(_("alliances (log scale)"))
    style.legend_outside(ax, title=_("format"))
    return ax


@style.styled
def plot_survival(history: History, ax=None, *, periods: Sequence[Period] | None = None,
                  durations: pd.DataFrame | None = None):
    """Kaplan-Meier survival of alliances by period of formation, with 95 % bands (Kaplan & Meier 1958).

    Alliances in force at the end of the window are right-censored; those begun before it
    enter the risk set when observation begins (left truncation), as
    :func:`foedus.analysis.survival.kaplan_meier` does.

    Parameters
    ----------
    history : History
    ax : matplotlib Axes, optional
    periods : sequence of (label, first, last), optional
        Default :func:`foedus.analysis.summary.periods_for` the history.
    durations : DataFrame, optional
        :func:`foedus.analysis.survival.alliance_durations` for ``periods``.

    Returns
    -------
    matplotlib.axes.Axes
        x: years since signature; y: share still in force (0-1).
    """
    from foedus.analysis.summary import periods_for
    from foedus.analysis.survival import alliance_durations, kaplan_meier

    periods = periods_for(history) if periods is None else tuple(periods)
    durations = alliance_durations(history, periods=periods) if durations is None else durations
    ax = style.axes_or_new(ax, 3.8)
    for (label, _lo, _hi), colour in zip(periods, _PERIOD_COLOURS):
        sub = durations[durations["period"] == label]
        if not len(sub):
            continue
        kmf = kaplan_meier(sub["duration"], sub["ended"], label=label, entry=sub["entry"])
        sf, ci = kmf.survival_function_.iloc[:, 0], kmf.confidence_interval_
        t = sf.index.to_numpy(dtype=float)
        n_in = int((~sub["ended"]).sum())
        ax.step(t, sf.to_numpy(), where="post", color=colour, lw=1.8, label=_("{period} (n = {n}, {n_in} in force)").format(period=code_label(label), n=len(sub), n_in=n_in))
        ax.fill_between(t, ci.iloc[:, 0].to_numpy(), ci.iloc[:, 1].to_numpy(), step="post", color=colour, alpha=0.15, lw=0)
    if not len(durations):
        _empty(ax, _("no alliance"))
    ax.axhline(0.5, color="#999", lw=0.8, ls=":")
    ax.set_ylim(0, 1.02)
    ax.set_xlim(left=0)
    style.integer_ticks(ax.xaxis)
    ax.set_xlabel(_("years since signature"))
    ax.set_ylabel(_("share still in force\n(Kaplan–Meier)"))
    style.legend_outside(ax, title=_("begun"))
    return ax


@style.styled
def plot_polarity(history: History, ax=None, *, polarity_table: pd.DataFrame | None = None):
    """Poles and cluster poles by year (steps, integer ticks) and capability concentration CON (right axis).

    Parameters
    ----------
    history : History
    ax : matplotlib Axes, optional
    polarity_table : DataFrame, optional
        :func:`foedus.analysis.polarity.polarity` of ``history`` (index year; columns
        ``poles``, ``cluster_poles``, ``con``).

    Returns
    -------
    matplotlib.axes.Axes
        The left axes (poles); the right axes (CON, 0-1) is its twin.
    """
    from foedus.analysis.polarity import polarity

    pol = polarity(history) if polarity_table is None else polarity_table
    ax = style.axes_or_new(ax, 3.6)
    _mark_wars(ax, history)
    x, v = style.year_steps(pol.index.to_numpy(), pol[["poles", "cluster_poles"]].to_numpy())
    ax.step(x, v[:, 0], where="post", color="#b2182b", lw=1.6, label=_("poles (blocs with a major power)"))
    ax.step(x, v[:, 1], where="post", color="#2166ac", lw=1.2, ls="--", label=_("cluster poles (Wayman 1984)"))
    ax.set_ylabel(_("number of poles"))
    ax.set_ylim(0, max(2.0, float(np.nanmax(v)) + 1.0) if v.size else 2.0)
    style.integer_ticks(ax.yaxis)
    style.year_axis(ax, int(history.first_year), int(history.last_year))
    ax2 = ax.twinx()
    ax2.plot(pol.index.to_numpy(), pol["con"].to_numpy(), color="#4d4d4d", lw=1, alpha=0.8, label=_("CON (Ray & Singer 1973)"))
    ax2.set_ylabel(_("CON (0–1)"))
    ax2.set_ylim(0, 1)
    ax2.grid(False)
    ax2.spines["right"].set_visible(True)
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax2.legend(h1 + h2, l1 + l2, loc="upper left", bbox_to_anchor=(1.08, 1.0), borderaxespad=0.0)
    return ax


def major_codes(history: History, n: int = 8) -> list[int]:
    """The (at most ``n``) states ever a major power, largest peak military spending first."""
    sy = history.state_years.assign(milex=lambda d: milex_values(history, d))
    majors = sy.loc[sy["major"].astype(bool), "ccode"].unique()
    peak = sy[sy["ccode"].isin(majors)].groupby("ccode")["milex"].max().fillna(0.0)
    return [int(c) for c in peak.sort_values(ascending=False, kind="mergesort").index[:n]]


@style.styled
def plot_spending(history: History, states: Sequence[int] | None = None, ax=None, *, unit: MilexUnit | None = None,
                  scenario: Any = None):
    """Military expenditure by year, in billions of one money (:func:`foedus.report.provenance.milex_unit`).

    For the record, COW NMC's pounds sterling of 1816-1913 are converted to US dollars at the
    gold-standard mint parity (:func:`foedus.report.provenance.milex_values`), so that one axis
    carries one unit; the money is current (not deflated: the data hold no price index back to
    1816) and the axis label says so. A log axis (spending spans orders of magnitude) with at
    least :data:`foedus.report.style.MIN_TICKS` labelled ticks written plainly.

    Parameters
    ----------
    history : History
    states : sequence of int, optional
        COW codes; default :func:`major_codes` (the states ever a major power).
    ax : matplotlib Axes, optional
    unit : MilexUnit, optional
        Default :func:`foedus.report.provenance.milex_unit` of ``history`` and ``scenario``.
    scenario : Scenario, optional
        The scenario a simulated history comes from (names its dollars).

    Returns
    -------
    matplotlib.axes.Axes
        y: military expenditure in billions (label names the money).
    """
    unit = milex_unit(history, scenario) if unit is None else unit
    states = major_codes(history) if states is None else [int(c) for c in states]
    sy = history.state_years.assign(milex=lambda d: milex_values(history, d) * MILEX_SCALE)
    wide = sy[sy["ccode"].isin(states)].pivot_table(index="year", columns="ccode", values="milex")
    names = _abb(history)
    ax = style.axes_or_new(ax, 3.8)
    _mark_wars(ax, history)
    for i, c in enumerate(states):
        if c in wide.columns and wide[c].notna().any():
            ax.plot(wide.index.to_numpy(), wide[c].to_numpy(), lw=1.3, color=style.PALETTE[i % len(style.PALETTE)],
                    label=names.get(c, str(c)))
    values = wide.to_numpy()
    positive = values[np.isfinite(values) & (values > 0)]
    if positive.size:
        ax.set_yscale("log")
        ax.set_ylim(positive.min() / 1.3, positive.max() * 1.3)
        style.value_ticks(ax.yaxis, log=True)
    else:
        _empty(ax, _("no military expenditure recorded"))
    ax.set_ylabel(_("military expenditure, log scale") + "\n" + unit.report_axis.replace("; ", "\n"))
    style.year_axis(ax, int(history.first_year), int(history.last_year))
    style.legend_outside(ax)
    return ax


@style.styled
def plot_alignments(history: History, states: Sequence[int] | None = None, ax=None, *, dyads: pd.DataFrame | None = None):
    """Each state's defence-pact partners by year (steps, integer ticks): its alignments.

    Parameters
    ----------
    history : History
    states : sequence of int, optional
        COW codes; default :func:`major_codes`.
    ax : matplotlib Axes, optional
    dyads : DataFrame, optional
        :func:`foedus.analysis.network.dyad_years` of ``history``.

    Returns
    -------
    matplotlib.axes.Axes
    """
    from foedus.analysis.network import partners_per_year

    states = major_codes(history) if states is None else [int(c) for c in states]
    allies = partners_per_year(history, states, dyads=dyads)
    names = _abb(history)
    ax = style.axes_or_new(ax, 3.6)
    _mark_wars(ax, history)
    for i, c in enumerate(states):
        if c in allies.columns:
            x, v = style.year_steps(allies.index.to_numpy(), allies[c].to_numpy())
            ax.step(x, v, where="post", lw=1.3, color=style.PALETTE[i % len(style.PALETTE)], label=names.get(c, str(c)))
    ax.set_ylabel(_("defence-pact partners"))
    ax.set_ylim(bottom=0)
    style.integer_ticks(ax.yaxis)
    style.year_axis(ax, int(history.first_year), int(history.last_year))
    style.legend_outside(ax)
    return ax
