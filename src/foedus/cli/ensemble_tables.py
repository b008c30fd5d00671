"""What ``foedus ensemble summary`` prints and writes: milestone-year tables and the HTML report.

Presentation only (the numbers come from :mod:`foedus.analysis.ensemble`), in the language in
use (:mod:`foedus.i18n`); :mod:`foedus.cli.ensemble` parses the options and calls these.
"""

from pathlib import Path
from typing import TYPE_CHECKING

from foedus.i18n import _

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["milestones", "fmt", "pair_title", "print_summary", "summary_report"]


def milestones(years, n: int = 5) -> list[int]:
    """``n`` years spread evenly over ``years`` (first and last included)."""
    import numpy as np

    years = np.unique(np.asarray(years))
    if len(years) <= n:
        return years.tolist()
    return years[np.unique(np.linspace(0, len(years) - 1, n).round().astype(int))].tolist()


def fmt(v: float) -> str:
    """An estimate of the ensemble, rounded by its size (:func:`foedus.report.format.number`)."""
    from foedus.report.format import number

    return number(v, style="magnitude")


def _two(v: float) -> str:
    """A share or probability with two decimals, as the language writes it."""
    from foedus.report.format import localize

    return localize(f"{v:.2f}")


def pair_title(any_alliance: bool, by: bool) -> str:
    """The title of the pair tables and figure: which tie, in or by the year."""
    if any_alliance:
        return _("probability of a shared alliance by the year (share of runs)") if by else _(
            "probability of a shared alliance in the year (share of runs)")
    return _("probability of a defence pact by the year (share of runs)") if by else _(
        "probability of a defence pact in the year (share of runs)")


def summary_report(folder: Path, manifest: dict, table, align, gp_milex, pairs: dict, title: str) -> None:
    """Write the figures of ``foedus ensemble summary --report`` and ensemble.html into ``folder``."""
    from foedus.report import ensemble as rep
    from foedus.report.format import localize

    rep.write_figures(table, folder)
    if gp_milex is not None and len(gp_milex):
        rep.save_figure(rep.state_band_figure(gp_milex), folder, "gp-milex")
    if len(align):
        rep.save_figure(rep.alignment_figure(align), folder, "gp-alignments")
    if pairs:
        rep.save_figure(rep.pair_figure(pairs, title=title), folder, "pair-allied")
    m = manifest
    desc = _("{runs} runs of {scenario}, {years} years from {first}, seed {seed}").format(
        runs=m["runs_done"], scenario=m["scenario"], years=m["years"], first=m["first_year"], seed=m["seed"])
    if m["knobs"]:
        knobs = ", ".join(f"{k['name']} {localize(format(k['low'], 'g'))}-{localize(format(k['high'], 'g'))}" for k in m["knobs"])
        desc += _("; knobs varied ({design}): {knobs}").format(design=m["design"], knobs=knobs)
    section = rep.html_section(
        table, title=_("Ensemble: {scenario}").format(scenario=m["scenario"]), description=desc, alignments=align,
        pairs=pairs or None, state_milex=gp_milex,
    )
    rep.write_html(folder / "ensemble.html", [section], title=_("foedus ensemble {scenario}").format(scenario=m["scenario"]))


def print_summary(console: "Console", manifest: dict, table, gp_milex, align, pairs: dict, title: str) -> None:
    """The terminal form of ``foedus ensemble summary``: a few milestone years of every table."""
    from rich.table import Table

    lo, hi = [c for c in table.columns if c.startswith("q") and c[1:].isdigit()]
    band_txt = _("median [{lo}–{hi} % of runs]").format(lo=lo[1:], hi=hi[1:])
    years = milestones(table["year"])
    t = Table(title=_("{scenario}: {runs} runs — {band}").format(scenario=manifest["scenario"], runs=manifest["runs_done"], band=band_txt),
              title_justify="left")
    t.add_column(_("indicator"))
    for y in years:
        t.add_column(str(y), justify="right")
    bn = _("US$ bn")
    for name, part in table.groupby("indicator", sort=False):
        k = 1e-6 if name == "milex" else 1.0
        rows = part.set_index("year")
        t.add_row(
            name + (f" ({bn})" if name == "milex" else ""),
            *[f"{fmt(rows.loc[y, 'median'] * k)} [{fmt(rows.loc[y, lo] * k)}–{fmt(rows.loc[y, hi] * k)}]" for y in years],
        )
    console.print(t)
    if gp_milex is not None and len(gp_milex):
        tm = Table(title=_("great powers' military expenditure ({unit}) — {band}").format(unit=bn, band=band_txt), title_justify="left")
        tm.add_column(_("power"))
        for y in years:
            tm.add_column(str(y), justify="right")
        for abb, part in gp_milex.groupby("abb", sort=False):
            rows = part.set_index("year")
            tm.add_row(abb, *[f"{fmt(rows.loc[y, 'median'] * 1e-6)} [{fmt(rows.loc[y, lo] * 1e-6)}–{fmt(rows.loc[y, hi] * 1e-6)}]"
                              if y in rows.index else "–" for y in years])
        console.print(tm)
    _print_alignments(console, align, years)
    _print_pairs(console, pairs, title, years)


def _alignment(name: str) -> str:
    return _("unaligned") if name == "unaligned" else name


def _print_alignments(console: "Console", align, years: list[int]) -> None:
    """Each great power's most frequent alignment in the milestone years, then all its alignments in the last year."""
    from rich.table import Table

    if not len(align):
        return
    tt = Table(title=_("great-power alignments over time (most frequent alignment, share of runs; bloc named after its leader)"),
               title_justify="left")
    tt.add_column(_("power"))
    for y in years:
        tt.add_column(str(y), justify="right")
    top = align.sort_values(["year", "share"], ascending=[True, False], kind="mergesort").drop_duplicates(["year", "abb"])
    for abb in dict.fromkeys(align["abb"]):
        rows = top[top["abb"] == abb].set_index("year")
        tt.add_row(abb, *[f"{_alignment(rows.loc[y, 'alignment'])} {_two(rows.loc[y, 'share'])}" if y in rows.index else "–" for y in years])
    console.print(tt)
    last = int(align["year"].max())
    a = align[align["year"] == last]
    ta = Table(title=_("great-power alignments in {year} (share of runs; bloc named after its leader)").format(year=last), title_justify="left")
    for c, head in (("power", _("power")), ("alignment", _("alignment")), ("share", _("share")), ("interval", _("90 % interval"))):
        ta.add_column(head, justify="right" if c != "power" else "left")
    for r in a.itertuples():
        ta.add_row(r.abb, _alignment(r.alignment), _two(r.share), f"{_two(r.lo)}–{_two(r.hi)}")
    console.print(ta)


def _print_pairs(console: "Console", pairs: dict, title: str, years: list[int]) -> None:
    """Per pair, the probability of an alliance in the milestone years."""
    from rich.table import Table

    for name, p in pairs.items():
        tp = Table(title=f"{name}: {title}", title_justify="left")
        for head in (_("year"), _("probability"), _("90 % interval"), _("runs allied")):
            tp.add_column(head, justify="right")
        rows = p.set_index("year")
        for y in years:
            allied = _("{k} of {n}").format(k=int(rows.loc[y, "allied"]), n=int(rows.loc[y, "runs"]))
            tp.add_row(str(y), _two(rows.loc[y, "probability"]), f"{_two(rows.loc[y, 'lo'])}–{_two(rows.loc[y, 'hi'])}", allied)
        console.print(tp)
