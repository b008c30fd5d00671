"""The history report: one self-contained HTML file of figures and tables (brief H1, D2).

:func:`write_history_report` draws, for any :class:`~foedus.schema.History` (the record or a
simulated run):

1. alliances begun per year, with the world wars and 1991 marked where the window holds them;
2. agreements in force per year by kind (alliance, coalition, organisation) and alliances in
   force by strongest obligation (issue #4, "number and kind of agreements per year");
3. the distribution of alliance size;
4. Kaplan-Meier survival curves by period of formation;
5. defence-pact network snapshots (1914, 1939, 1960, 1990 and 2018 for the record), blocs in
   colour, major powers labelled;
6. polarity by year;
7. the major powers' military expenditure and defence-pact partners by year (their
   alignments), the expenditure in billions of the money of its source
   (:func:`foedus.report.provenance.milex_unit`);

with summary tables and a definitions section. The figures are drawn by the public functions
of :mod:`foedus.report.figures` in the shared style of :mod:`foedus.report.style`, as inline
SVG: the same history gives the same bytes. The
file needs no network (no external script, style sheet, font or image).

Presentation only: every number comes from :mod:`foedus.analysis`; where the history comes from
(and the unit of its money) is read by :mod:`foedus.report.provenance` from the history and
the scenario the caller passes, never from :mod:`foedus.sim`.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

import foedus
from foedus.analysis.capabilities import state_years_filled
from foedus.analysis import formation
from foedus.analysis.in_force import agreements_begun, agreements_ended, agreements_in_force
from foedus.analysis.network import dyad_years
from foedus.analysis.polarity import DEFAULT_BLOC_METHOD, major_power_blocs, polarity, state_blocs, year_blocs
from foedus.analysis.summary import jsonable, periods_for, summary
from foedus.analysis.survival import alliance_durations, survival_table
from foedus.report import figures as fg
from foedus.report import style
from foedus.report.figures import WARS, major_codes, marks
from foedus.report.format import localize, number
from foedus.report.labels import kind_plural, label
from foedus.i18n import _, get_language, gettext, jinja_environment, lazy_gettext, ngettext
from foedus.report.provenance import MilexUnit, ScenarioFacts, is_record, milex_unit, simulated_source
from foedus.schema import History

__all__ = [
    "SNAPSHOT_YEARS",
    "snapshot_years",
    "write_history_report",
    "history_main_job",
    "load_history",
]

SNAPSHOT_YEARS: tuple[int, ...] = (1914, 1939, 1960, 1990, 2018)
"""Network snapshot years for the record: eve of both world wars, high Cold War, its end, ATOP's last year."""

REFERENCES = (
    "Leeds, B. A., J. M. Ritter, S. M. Mitchell and A. G. Long. 2002. “Alliance Treaty Obligations and Provisions, "
    "1815–1944.” International Interactions 28: 237–60. (ATOP 5.1, codebook 2022.)",
    "Singer, J. D., S. Bremer and J. Stuckey. 1972. “Capability Distribution, Uncertainty, and Major Power War, "
    "1820–1965.” In B. Russett (ed.), Peace, War, and Numbers. Sage. (COW National Material Capabilities 7.0.)",
    "Correlates of War Project. 2017. “State System Membership List, v2016.” (States and major powers.)",
    "Kaplan, E. L. and P. Meier. 1958. “Nonparametric Estimation from Incomplete Observations.” Journal of the "
    "American Statistical Association 53(282): 457–81.",
    "Davidson-Pilon, C. 2019. “lifelines: survival analysis in Python.” Journal of Open Source Software 4(40): 1317.",
    "Morrow, J. D. 1991. “Alliances and Asymmetry: An Alternative to the Capability Aggregation Model of Alliances.” "
    "American Journal of Political Science 35(4): 904–33.",
    "Ray, J. L. and J. D. Singer. 1973. “Measuring the Concentration of Power in the International System.” "
    "Sociological Methods & Research 1(4): 403–37.",
    "Wayman, F. W. 1984. “Bipolarity and War: The Role of Capability Concentration and Alliance Patterns among Major "
    "Powers, 1816–1965.” Journal of Peace Research 21(1): 61–78.",
    "Clauset, A., M. E. J. Newman and C. Moore. 2004. “Finding community structure in very large networks.” "
    "Physical Review E 70: 066111.",
)


def snapshot_years(history: History, years: Sequence[int] = SNAPSHOT_YEARS, n: int = 5) -> list[int]:
    """Years for the network snapshots: those of ``years`` inside the window, else ``n`` evenly spaced.

    Examples
    --------
    For the record (1815-2018) this is ``[1914, 1939, 1960, 1990, 2018]``; for a simulated
    history of 2019-2100, five years from 2019 to 2100.
    """
    first, last = int(history.first_year), int(history.last_year)
    inside = [int(y) for y in years if first <= y <= last]
    if inside:
        return inside
    return sorted(set(np.linspace(first, last, n).round().astype(int).tolist()))


def load_history(data: Path | str | None = None, run: Path | str | None = None) -> History:
    """The history to report on: a history folder (``run``), else the record from ``data``.

    The record is read with ``foedus.data.open_record`` (the DuckDB store when it has been
    imported) where that function exists, else with :func:`foedus.data.load_record` from the
    raw files.
    """
    if run is not None:
        from foedus.data.runs import read_history_dir

        return read_history_dir(run)
    import foedus.data as fdata

    open_record = getattr(fdata, "open_record", None)
    if open_record is not None:
        return open_record(data_dir=data)
    return fdata.load_record(data)


def _kinds_text(history: History, kinds: Sequence[str]) -> str:
    """A sentence naming the kinds of agreement in the history, for the caption of the kinds figure."""
    if not kinds:
        return _("This history records no agreement.")
    if is_record(history):
        return _("ATOP codes alliances only, so the upper panel shows alliances.")
    if len(kinds) == 1:
        return _("This history records {kinds} only.").format(kinds=kind_plural(kinds[0]))
    return _("Kinds recorded in this history: {kinds}.").format(kinds=", ".join(kind_plural(k) for k in kinds))


def _history_label(history: History) -> str:
    """How captions name the history: "the simulated run ‘world-2022’, seed 1", or its source."""
    sim = simulated_source(history)
    if sim is not None:
        return _("the simulated run of ‘{scenario}’, seed {seed}").format(scenario=sim[0], seed=sim[1])
    return _("the history ‘{source}’").format(source=history.source)


def _end_word(history: History) -> str:
    """What ends at ``last_year``: "the record", "the run" or "the history" (for censoring sentences)."""
    if is_record(history):
        return _("the record")
    return _("the run") if simulated_source(history) is not None else _("the history")


def _data_notes(history: History) -> tuple[str, str, str]:
    """(note under the title, formation/size/survival data citation, network data citation)."""
    if is_record(history):
        note = _("The historical record: ATOP 5.1 alliances with COW state system and capabilities, read from {source}.").format(
            source=history.source)
        cite = _("Data: ATOP 5.1 alliance- and member-level files (Leeds et al. 2002).")
        net = _(
            "Data: ATOP 5.1 memberships (Leeds et al. 2002); capabilities (CINC) from COW National Material "
            "Capabilities 7.0 (Singer, Bremer & Stuckey 1972); major powers and system members from the COW "
            "State System list v2016 (major-power status of 2016 carried to 2017–2018)."
        )
        return note, cite, net
    sim = simulated_source(history)
    label = _history_label(history)
    if sim is not None:
        note = _(
            "A simulated history: scenario ‘{scenario}’, seed {seed}, in the canonical foedus tables. The agreements in "
            "force when the run starts are the scenario's; everything after is simulated."
        ).format(scenario=sim[0], seed=sim[1])
    else:
        note = _("A history in the canonical foedus tables (source: {source}).").format(source=history.source)
    cite = _("Data: agreements and memberships of {history}.").format(history=label)
    net = _("Data: memberships, capabilities and major-power status of {history}.").format(history=label)
    return note, cite, net


def _marks_text(history: History, short: bool = False) -> str:
    """The caption sentence for exactly the marks drawn (empty when none is)."""
    wars, y1991 = marks(history)
    parts = []
    if len(wars) == len(WARS) and short:
        parts.append(_("Shaded: the two world wars"))
    elif len(wars) == len(WARS):
        parts.append(_("Shaded: the two world wars ({years})").format(years=", ".join(f"{lo}–{hi}" for _n, lo, hi in wars)))
    elif wars:
        parts.append(_("Shaded: {wars}").format(wars=", ".join(f"{gettext(name)} ({lo}–{hi})" for name, lo, hi in wars)))
    if y1991:
        parts.append(_("dashed line: 1991") if short else _("dashed line: 1991, dissolution of the USSR"))
    if not parts:
        return ""
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


# ---------------------------------------------------------------- tables


def _html_table(df: pd.DataFrame, caption: str, digits: int = 2, index_label: str | None = None) -> str:
    head = "".join(f"<th>{html.escape(label(c))}</th>" for c in [index_label if index_label is not None else (df.index.name or ""), *df.columns])
    body = "".join(
        "<tr><td>" + html.escape(label(idx)) + "</td>" + "".join(f"<td>{html.escape(number(v, digits))}</td>" for v in row) + "</tr>"
        for idx, row in zip(df.index, df.itertuples(index=False))
    )
    return f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _kinds_table(in_force: pd.DataFrame, at_end: pd.DataFrame, begun: pd.DataFrame, ended: pd.DataFrame) -> str:
    """Per kind of agreement: inherited (begun before the window), begun and ended in it, the peak, in force at its end.

    Without early censoring the columns close: inherited + begun - ended = in force at the end.
    """
    first, last = int(in_force.index[0]), int(in_force.index[-1])
    frames = [in_force, at_end, begun, ended]
    if in_force.shape[1] > 1:
        frames = [f.assign(**{"all agreements": f.sum(axis=1)}) for f in frames]  # label() translates the total's name
    in_force, at_end, begun, ended = frames
    peak = in_force.max(axis=0)
    df = pd.DataFrame(
        {
            _("inherited (begun before {year})").format(year=first): in_force.loc[first] - begun.loc[first],
            _("begun {first}–{last}").format(first=first, last=last): begun.sum(axis=0),
            _("ended {first}–{last}").format(first=first, last=last): ended.sum(axis=0),
            _("most in force in a year (first such year)"): [f"{int(n)} ({int(y)})" for n, y in zip(peak, in_force.idxmax(axis=0))],
            _("in force at the end of {year}").format(year=last): at_end.loc[last],
        },
        index=pd.Index(in_force.columns, name="kind"),
    )
    return _html_table(df, _("Agreements by kind: inherited + begun − ended = in force at the end"))


def _headline_table(s: dict) -> str:
    """Headline measures; the before/from-1945 split only when the window holds years on both sides of 1945."""
    split = int(s["first_year"]) < 1945 <= int(s["last_year"])
    em = "\u2003"
    rows = [
        (_("alliances"), s["alliances"]),
        (em + _("begun in the window"), s["alliances_begun"]),
        (em + _("begun before it (inherited)"), s["alliances_inherited"]),
        (_("window"), _("{first}–{last} ({years} years)").format(first=s["first_year"], last=s["last_year"], years=s["years"])),
        (_("alliances begun per year"), s["per_year"]),
        *([(em + _("before 1945"), s["per_year_pre1945"]), (em + _("from 1945"), s["per_year_post1945"])] if split else []),
        (_("members per alliance begun in the window, mean"), s["members_mean"]),
        (_("members per alliance begun in the window, median"), s["members_median"]),
        (_("alliances ended / still in force"), f"{s['alliances_ended']} / {s['alliances_censored']}"),
        (_("duration of ended alliances, naive mean (years)"), s["duration_mean_ended"]),
        (_("duration of ended alliances, median (years)"), s["duration_median_ended"]),
        (_("Kaplan–Meier median survival (years)"), s["km_median_survival"]),
        *(
            [(em + _("begun before 1945"), s["km_median_survival_pre1945"]), (em + _("begun from 1945"), s["km_median_survival_post1945"])]
            if split else []
        ),
    ]
    df = pd.DataFrame({"value": [v for _k, v in rows]}, index=[k for k, _v in rows], dtype=object)
    return _html_table(df, _("Headline measures"), index_label="measure")


def _obligation_rows(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """ATOP obligation codes as the figures spell them (defence, offence, non-aggression), index named ``name``."""
    out = df.rename(index=label)
    out.index.name = name
    return out


# ---------------------------------------------------------------- report


def _title(history: History) -> str:
    if is_record(history):
        return _("Alliances in the historical record, ATOP 5.1")
    sim = simulated_source(history)
    if sim is not None:
        return _("Alliances in a simulated world: {scenario}, seed {seed}, {first}–{last}").format(
            scenario=sim[0], seed=sim[1], first=history.first_year, last=history.last_year)
    return _("Alliances in {source}").format(source=history.source)



def write_history_report(
    history: History,
    out_path: Path | str,
    *,
    years: Sequence[int] | None = None,
    periods: Sequence[formation.Period] | None = None,
    method: str = DEFAULT_BLOC_METHOD,
    k: float = formation.ASYMMETRY_K,
    rule: str = "either",
    title: str | None = None,
    scenario: ScenarioFacts | None = None,
) -> Path:
    """Write the history report of ``history`` to ``out_path`` as one self-contained HTML file.

    Parameters
    ----------
    history : History
        The record or a simulated history.
    out_path : path
        The HTML file to write (parent folders are created; written atomically).
    years : sequence of int, optional
        Network snapshot years; default :func:`snapshot_years` (1914, 1939, 1960, 1990, 2018
        for the record).
    periods : sequence of (label, first, last), optional
        Periods of the survival curves and the tables; default
        :func:`foedus.analysis.summary.periods_for` the history (the historical periods for the
        record; for a simulated run of 2022-2051, "before 2022" and three parts of its window).
    method : {"poles", "modularity", "components"}
        How blocs are found (:func:`foedus.analysis.polarity.state_blocs`, listed per year by
        :func:`~foedus.analysis.polarity.year_blocs`); default
        :data:`~foedus.analysis.polarity.DEFAULT_BLOC_METHOD`, the pole-anchored blocs of the
        dashboard, the CLI and the ensemble indicators, so that every view names the same blocs.
    k, rule
        Symmetry rule (:func:`foedus.analysis.formation.symmetry`).
    title : str, optional
        Page title.
    scenario : Scenario, optional
        The scenario a simulated history comes from, for the unit of military expenditure
        (:func:`foedus.report.provenance.milex_unit`; the caller finds it, e.g. the built-in
        scenario named in the history's source).

    Returns
    -------
    pathlib.Path
        ``out_path``.

    Raises
    ------
    ValueError
        A snapshot year outside the history's window.
    """
    out_path = Path(out_path)
    snaps = list(years) if years is not None else snapshot_years(history)
    for y in snaps:
        if not history.first_year <= y <= history.last_year:
            raise ValueError(_("snapshot year {year} is outside the history's window {first}-{last}").format(
                year=y, first=history.first_year, last=history.last_year))
    periods = periods_for(history) if periods is None else tuple(periods)
    s = summary(history, periods=periods, k=k, rule=rule)
    table = formation.alliance_table(history, periods=periods, k=k, rule=rule)
    dy = dyad_years(history)
    sb = state_blocs(history, method=method, dyads=dy)
    pol = polarity(history, blocs_table=sb)
    unit = milex_unit(history, scenario)
    in_force = agreements_in_force(history)
    figures, snapshots = _figures(history, table, dy, sb, pol, in_force, snaps, periods, unit, scenario)
    tables = _tables(history, s, table, sb, in_force, snaps, periods, k, rule)
    page = _page(history, s, figures, snapshots, tables, kinds=[str(c) for c in in_force.columns],
                 method=method, k=k, rule=rule, title=title, unit=unit)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out_path)
    return out_path


def _figures(history: History, table: pd.DataFrame, dy: pd.DataFrame, sb: pd.DataFrame, pol: pd.DataFrame,
             in_force: pd.DataFrame, snaps: Sequence[int], periods: Sequence[formation.Period], unit: MilexUnit,
             scenario: ScenarioFacts | None = None) -> tuple[dict, list[dict]]:
    """The report's figures (by name) and its network snapshots (year, figure, caption), as markup for the page.

    Every figure is drawn by the public functions of :mod:`foedus.report.figures`, in the
    report style (:mod:`foedus.report.style`); the network snapshots share one layout.
    """
    from markupsafe import Markup

    def svg(drawn) -> Markup:
        return Markup(style.svg(getattr(drawn, "figure", drawn)))

    cohort = table[table["begun_in_window"]]
    durations = alliance_durations(history, periods=periods)
    alliances_in_force = agreements_in_force(history, by="primary_obligation", kinds=("alliance",))
    figures = {
        "formation": svg(fg.plot_alliances_begun(history, per_year=formation.formation_per_year(history))),
        "kinds": svg(fg.plot_agreements_by_kind(history, by_kind=in_force, by_obligation=alliances_in_force)),
        "size": svg(fg.plot_alliance_size(history, table=cohort)) if len(cohort) else Markup("<p>%s</p>") % _("No alliance begun in the window."),
        "survival": svg(fg.plot_survival(history, periods=periods, durations=durations)) if len(durations) else Markup("<p>%s</p>") % _("No alliance."),
        "polarity": svg(fg.plot_polarity(history, polarity_table=pol)),
    }
    majors = major_codes(history)
    if majors:
        figures["arms"] = svg(fg.plot_spending(history, majors, unit=unit))
        figures["alignments"] = svg(fg.plot_alignments(history, majors, dyads=dy))
    filled = state_years_filled(history)
    layout = fg.network_layout(history, scenario=scenario, dyads=dy)
    snapshots = []
    for y in snaps:
        blocs_year = sb[sb["year"] == y]
        drawn = fg.plot_network(history, y, layout=layout, blocs=blocs_year, filled=filled)
        caption = _network_caption(history, blocs_year, pol.loc[y])
        snapshots.append({"year": y, "svg": svg(drawn), "caption": caption})
    return figures, snapshots


def _network_caption(history: History, blocs_year: pd.DataFrame, stats: pd.Series) -> str:
    """The caption sentence of a network snapshot: states, ties, blocs and each pole's members."""
    abb = {int(c): str(a) for c, a in zip(history.states["ccode"], history.states["abb"])}
    size_of = blocs_year.drop_duplicates("bloc").set_index("bloc")
    poles = []
    for b, grp in blocs_year[blocs_year["major"]].groupby("bloc", sort=False):
        names = sorted(abb.get(int(c), str(c)) for c in grp["ccode"])
        others = int(size_of.loc[b, "bloc_size"]) - len(names)
        poles.append(", ".join(names) + (ngettext(" with {n} other state", " with {n} other states", others).format(n=others)
                                         if others else _(" (no minor ally)")))
    n_poles = int(stats["poles"])
    return _("{states} states in defence pacts, {ties} defence ties, {blocs} blocs; {poles}: {members}.").format(
        states=int(stats["aligned_states"]), ties=int(stats["defense_dyads"]), blocs=int(stats["blocs"]),
        poles=ngettext("{n} pole", "{n} poles", n_poles).format(n=n_poles), members="; ".join(poles))


def _tables(history: History, s: dict, table: pd.DataFrame, sb: pd.DataFrame, in_force: pd.DataFrame,
            snaps: Sequence[int], periods: Sequence[formation.Period], k: float, rule: str) -> dict:
    """The report's tables (by name), as markup for the page."""
    from markupsafe import Markup

    first, last = int(history.first_year), int(history.last_year)
    # formation tables count alliances begun in the window: show only the periods that overlap it
    periods_shown = [p[0] for p in periods if formation.period_length(p, first, last) > 0]
    rate = formation.formation_rate(history, periods).rename(columns={"per_year": "per year"})  # label() translates
    rate = rate.loc[[*periods_shown, "all"]]

    def by_period(by: str) -> pd.DataFrame:
        return formation.formation_table(history, by, periods=periods, table=table)[[*periods_shown, "all"]]

    surv = survival_table(history, periods).rename(
        columns={"km_median": _("KM median"), "km_survival_10": "S(10)", "km_survival_25": "S(25)",
                 "duration_mean_ended": _("mean (ended only)"), "duration_median_ended": _("median (ended only)"),
                 "duration_mean_observed": _("mean (censored as observed)")}
    )
    mpb = major_power_blocs(history, blocs_table=sb)
    mpb = mpb[mpb["year"].isin(snaps)]
    blocs_df = pd.DataFrame(
        {_("major power"): mpb["abb"].to_numpy(), _("bloc of"): mpb["bloc_leader"].to_numpy(),
         _("bloc size"): mpb["bloc_size"].to_numpy(), _("majors in bloc"): mpb["bloc_majors"].to_numpy()},
        index=pd.Index(mpb["year"].to_numpy(), name="year"),
    )
    kinds_table = (
        _kinds_table(in_force, agreements_in_force(history, at_year_end=True), agreements_begun(history), agreements_ended(history))
        if len(in_force.columns) else Markup("<p>%s</p>") % _("No agreement.")
    )
    return {
        "headline": Markup(_headline_table(s)),
        "kinds": Markup(kinds_table),
        "rate": Markup(_html_table(rate, _("Alliances begun, by period"))),
        "format": Markup(_html_table(by_period("format"), _("By format (distinct members)"))),
        "symmetry": Markup(_html_table(by_period("symmetry"), _("By symmetry (rule: {rule}, k = {k})").format(rule=rule, k=localize(f"{k:g}")))),
        "primary_obligation": Markup(_html_table(_obligation_rows(by_period("primary_obligation"), _("strongest obligation")),
                                                 _("By strongest obligation"))),
        "obligation": Markup(_html_table(_obligation_rows(by_period("obligation"), _("obligation")), _("Carrying each obligation (overlapping)"))),
        "survival": Markup(_html_table(surv, _("Duration (years) and Kaplan–Meier survival, by period of formation"))),
        "blocs": Markup(_html_table(blocs_df, _("Bloc of each major power in the snapshot years"))),
    }


_METHOD_TEXT = {
    "modularity": lazy_gettext("greedy-modularity communities (Clauset, Newman & Moore 2004)"),
    "poles": lazy_gettext(
        "pole-anchored blocs: each major power a pole, a major power allied to a stronger one in its bloc, any other state in "
        "the bloc of the strongest major power it is directly allied to (Bueno de Mesquita 1975; Wayman 1984)"),
    "components": lazy_gettext("connected components"),
}
"""How the definitions section names each way of finding blocs."""


def _page(history: History, s: dict, figures: dict, snapshots: list[dict], tables: dict, *, kinds: list[str],
          method: str, k: float, rule: str, title: str | None, unit: MilexUnit) -> str:
    """The HTML page: the template ``templates/history.html`` filled with the figures, tables and captions."""
    note, cite, net_cite = _data_notes(history)
    used, unused = _("used"), _("not used")
    symmetry_text = _(
        "Capability asymmetry at formation (after Morrow 1991): asymmetric when the founders include a COW major power "
        "and a non-major ({major_minor}), or when the strongest founder's "
        "CINC is at least {k} times the weakest's ({ratio}); "
        "‘unknown’ when fewer than two founders have a CINC and the major/minor rule does not apply."
    ).format(major_minor=used if rule in ("major_minor", "either") else unused, k=localize(f"{k:g}"),
             ratio=used if rule in ("ratio", "either") else unused)
    return jinja_environment(str(Path(__file__).parent / "templates")).get_template("history.html").render(
        lang=get_language(),
        members_mean=number(float(s["members_mean"]), 2),
        members_median=localize(f"{s['members_median']:g}"),
        title=title or _title(history),
        version=foedus.__version__,
        data_note=note,
        data_cite=cite,
        net_cite=net_cite,
        summary=s,
        figures=figures,
        snapshots=snapshots,
        tables=tables,
        symmetry_text=symmetry_text,
        kinds_text=_kinds_text(history, kinds),
        method_text=str(_METHOD_TEXT[method]),
        references=REFERENCES,
        is_record=is_record(history),
        end_word=_end_word(history),
        marks_text=_marks_text(history),
        marks_short=_marks_text(history, short=True),
        milex_unit=unit,
        css=style.PAGE_CSS,
    )


def history_main_job(
    out_dir: Path | str,
    *,
    data_dir: Path | str | None = None,
    history: History | None = None,
    scenario: ScenarioFacts | None = None,
) -> dict[str, Any]:
    """The history part of the main job: write the report and the summary, return the summary.

    Writes ``out_dir/history_report.html`` (:func:`write_history_report`) and
    ``out_dir/history_summary.json`` (:func:`foedus.analysis.summary.summary` as strict JSON).

    Parameters
    ----------
    out_dir : path
        Output folder (created if needed).
    data_dir : path, optional
        Folder of the record's raw files (default :func:`foedus.data.default_data_dir`); not
        used when ``history`` is given.
    history : History, optional
        The history to report on (default: the record, see :func:`load_history`).
    scenario : Scenario, optional
        The scenario ``history`` was simulated from (for the unit of military expenditure,
        see :func:`foedus.report.provenance.milex_unit`).

    Returns
    -------
    dict
        The summary, plus ``"outputs"``: {"report": path, "summary": path} (as strings).
    """
    out_dir = Path(out_dir)
    h = history if history is not None else load_history(data=data_dir)
    report = write_history_report(h, out_dir / "history_report.html", scenario=scenario)
    s = summary(h)
    js = out_dir / "history_summary.json"
    tmp = js.with_name(js.name + ".tmp")
    tmp.write_text(json.dumps(jsonable(s), indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, js)
    s["outputs"] = {"report": str(report), "summary": str(js)}
    return s
