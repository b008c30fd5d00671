"""What drives each headline of an ensemble, and the model's out-of-sample score, as an HTML section.

Presentation only: the tests and figures come from
:func:`foedus.experiments.drivers.attribute_all` (summary.json's ``ensemble.drivers``) and the
score from :class:`foedus.experiments.oos_score.PendingScore` (summary.json's ``validation``),
both as plain JSON-ready dicts, so this module imports neither the simulator nor the
experiments (but for the validation's sentence, said by
:func:`foedus.analysis.era_tolerance.score_sentence`).

The sentences are said again here from those figures, in the language in use
(:func:`headline_sentence`): summary.json keeps the English sentence the experiment wrote (data,
like its keys), the terminal and the reports say it in English or French. In English the
sentence said here is the stored one, byte for byte (a test holds them equal).
"""

from __future__ import annotations

import html
import math
import re
from typing import Mapping

from foedus.analysis.driver_words import DRIVER_MESSAGES, METHOD_MESSAGE
from foedus.i18n import _, get_language, lazy_gettext, ngettext

__all__ = ["html_section", "driver_table_rows", "headline_sentence", "headline_label", "driver_name", "method_text",
           "validation_sentence", "DRIVER_NAMES", "METHOD_TEXT"]

DRIVER_NAMES = DRIVER_MESSAGES
"""The trend drivers (:data:`foedus.analysis.driver_words.DRIVER_MESSAGES`) as sentences name them, translated."""

METHOD_TEXT = METHOD_MESSAGE
"""The method's paragraph (:data:`foedus.analysis.driver_words.METHOD_MESSAGE`: the English words the experiment
writes into summary.json), translated."""

_LABELS = [
    (re.compile(r"^a (?P<a>.+)–(?P<b>.+) defence pact forms by (?P<last>\d+)$"), lazy_gettext("a {a}–{b} defence pact forms by {last}")),
    (re.compile(r"^(?P<name>.+) has ended by (?P<last>\d+)$"), lazy_gettext("{name} has ended by {last}")),
    (re.compile(r"^the number of defence pacts in force in (?P<last>\d+)$"), lazy_gettext("the number of defence pacts in force in {last}")),
    (re.compile(r"^the largest defence bloc in (?P<last>\d+)$"), lazy_gettext("the largest defence bloc in {last}")),
    (re.compile(r"^the number of defence blocs in (?P<last>\d+)$"), lazy_gettext("the number of defence blocs in {last}")),
    (re.compile(r"^the number of poles in (?P<last>\d+)$"), lazy_gettext("the number of poles in {last}")),
    (re.compile(r"^the number of wars begun (?P<first>\d+)–(?P<last>\d+)$"), lazy_gettext("the number of wars begun {first}–{last}")),
    (re.compile(r"^world military expenditure in (?P<last>\d+)$"), lazy_gettext("world military expenditure in {last}")),
]
"""The headlines' labels (:func:`foedus.experiments.drivers.headline_outcomes`), read back and said again."""

_UNITS = {"states": lazy_gettext("states"), "US$ bn": lazy_gettext("US$ bn")}

_WHY_NOT = {
    "no driver was varied": lazy_gettext("no driver was varied"),
    "the same in every run, so no driver can be told to move it": lazy_gettext(
        "the same in every run, so no driver can be told to move it"),
}


def driver_name(test: Mapping) -> str:
    """A driver's name in the language in use (a knob that is not a trend driver: its stored name)."""
    hit = DRIVER_NAMES.get(str(test.get("knob")))
    return str(test.get("name") or test.get("knob")) if hit is None else str(hit)


def method_text(method: str | None) -> str:
    """The method's paragraph in the language in use (another method's text is shown as it is)."""
    if not method or method == METHOD_TEXT.message:
        return str(METHOD_TEXT)
    return method


def headline_label(label: str) -> str:
    """A headline's label in the language in use (an unknown label is shown as it is)."""
    for pattern, template in _LABELS:
        m = pattern.match(label)
        if m:
            return str(template).format(**m.groupdict())
    return label


def _finite(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _fmt(v: float, spec: str) -> str:
    text = format(v, spec)
    return text.replace(".", ",") if get_language() == "fr" else text


def _pct(share) -> str:
    return _fmt(100 * share, ".0f") + "\u00a0%" if get_language() == "fr" else f"{100 * share:.0f} %"


def _pv(p) -> str:
    if not _finite(p):
        return _("n/a")
    return "p < " + _fmt(0.001, ".3f") if p < 0.001 else "p = " + _fmt(p, ".3f")


def _num(v) -> str:
    if not _finite(v):
        return _("n/a")
    spec = ".0f" if abs(v) >= 100 or float(v).is_integer() else ".2g" if abs(v) < 1 else ".1f"
    return _fmt(v, spec)


def _unit(h: Mapping) -> str:
    unit = h.get("unit") or ""
    return f" {_UNITS[unit]}" if unit in _UNITS else (f" {unit}" if unit else "")


def _then() -> str:
    """The semicolon between the parts of a sentence (French: a space before it)."""
    return _("; ")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lead(h: Mapping) -> str:
    o, label = h["overall"], headline_label(h["label"])
    if h["kind"] == "event":
        return _("{Label} in {share} of runs ({cases} of {runs})").format(
            Label=_capital(label), share=_pct(o["share"]), cases=o["cases"], runs=o["runs"])
    return _("{Label} is {median}{unit} (median; 5–95 % of runs: {low}–{high})").format(
        Label=_capital(label), median=_num(o["median"]), unit=_unit(h), low=_num(o["q05"]), high=_num(o["q95"]))


def _effect(h: Mapping, t: Mapping) -> str:
    up, lo, name = t["upper"], t["lower"], driver_name(t)
    hi_cut, lo_cut = _fmt(t["high_cut"], ".2f"), _fmt(t["low_cut"], ".2f")
    if h["kind"] == "event":
        stat = _("Mann–Whitney {p}, Holm-adjusted over the drivers").format(p=_pv(t["p_adjusted"]))
        def side(t: Mapping) -> str:
            text = ngettext("{share}, {cases} of {runs} runs", "{share}, {cases} of {runs} runs", t["cases"])
            return text.format(share=_pct(t["share"]), cases=t["cases"], runs=t["runs"])

        hi_txt, lo_txt = side(up), side(lo)
        if t["statistic"] > 0:
            text = _("most likely when {name} exceeds {high_cut} ({high}), least likely below {low_cut} ({low}; {stat})")
        else:
            text = _("most likely when {name} is below {low_cut} ({low}), least likely above {high_cut} ({high}; {stat})")
        return text.format(name=name, high_cut=hi_cut, low_cut=lo_cut, high=hi_txt, low=lo_txt, stat=stat)
    stat = _("Spearman ρ = {rho}, {p}, Holm-adjusted over the drivers").format(rho=_fmt(t["statistic"], ".2f"), p=_pv(t["p_adjusted"]))
    if t["statistic"] > 0:
        text = _("it rises with {name}: median {high}{unit} in the runs with it above {high_cut} ({high_runs} runs), "
                 "{low}{unit} below {low_cut} ({low_runs} runs; {stat})")
    else:
        text = _("it falls with {name}: median {high}{unit} in the runs with it above {high_cut} ({high_runs} runs), "
                 "{low}{unit} below {low_cut} ({low_runs} runs; {stat})")
    return text.format(name=name, high=_num(up["median"]), unit=_unit(h), high_cut=hi_cut, high_runs=up["runs"],
                       low=_num(lo["median"]), low_cut=lo_cut, low_runs=lo["runs"], stat=stat)


def headline_sentence(h: Mapping) -> str:
    """The sentence on one attributed headline (summary.json's ``ensemble.drivers.headlines[i]``), in the language in use.

    Said again from the headline's figures (its ``overall``, its ``tests`` and the thirds of
    each driver's range) as :func:`foedus.experiments.drivers.attribute` says it in English; a
    headline whose figures are not all there (an older summary.json) keeps its stored sentence.
    """
    stored = str(h.get("sentence") or "")
    try:
        lead = _lead(h)
        tests = list(h.get("tests") or [])
        if not tests:
            why = next((w for w in _WHY_NOT if stored.endswith(f"; {w}.")), None)
            if why is not None:
                return f"{lead}{_then()}{_WHY_NOT[why]}."
            runs = h["overall"]["runs"]
            return lead + _then() + _("only {n} runs").format(n=runs) + "."
        ranked = sorted((t for t in tests if _finite(t.get("p_adjusted"))), key=lambda t: (t["p_adjusted"], -abs(t["statistic"])))
        drivers = [t for t in ranked if t.get("driver")]
        if drivers:
            text = lead + _then() + _effect(h, ranked[0])
            more = [driver_name(t) for t in ranked[1:] if t.get("driver")]
            if more:
                also = ngettext("{names} also moves it", "{names} also move it", len(more))
                text += _then() + also.format(names=_(" and ").join(more))
            return text + "."
        none = _("no driver moves it detectably in {runs} runs").format(runs=h["overall"]["runs"])
        if ranked:
            none += _(" (the closest, {name}: {p} adjusted)").format(name=driver_name(ranked[0]), p=_pv(ranked[0]["p_adjusted"]))
        return f"{lead}{_then()}{none}."
    except (KeyError, TypeError, ValueError):
        return stored


def _p(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return _("n/a")
    return "< " + _fmt(0.001, ".3f") if v < 0.001 else _fmt(v, ".3f")


def _side(t: Mapping, side: str, kind: str) -> str:
    s = t[side]
    if kind == "event":
        share = s.get("share")
        return _("n/a") if not s["runs"] or share is None else f"{_pct(share)} ({s['cases']}/{s['runs']})"
    med = s.get("median")
    if med is None or (isinstance(med, float) and math.isnan(med)):
        return _("n/a")
    return _("{median} ({runs} runs)").format(median=_fmt(med, ".3g"), runs=s["runs"])


def driver_table_rows(headline: Mapping) -> list[list[str]]:
    """One row per driver of one attributed headline: name, range, lower third, upper third, statistic, adjusted p, driver?"""
    rows = []
    for t in headline.get("tests", []):
        stat = t.get("statistic")
        rows.append([
            driver_name(t), f"{_fmt(t['low'], 'g')}–{_fmt(t['high'], 'g')}", _side(t, "lower", headline["kind"]),
            _side(t, "upper", headline["kind"]),
            _("n/a") if stat is None or (isinstance(stat, float) and math.isnan(stat)) else _fmt(stat, "+.2f"), _p(t.get("p_adjusted")),
            _("yes") if t.get("driver") else _("no"),
        ])
    return rows


def _table(headline: Mapping) -> str:
    rows = driver_table_rows(headline)
    if not rows:
        return ""
    stat = _("rank-biserial r") if headline["kind"] == "event" else _("Spearman ρ")
    cols = [_("driver"), _("range"), _("lower third"), _("upper third"), stat, _("p (Holm)"), _("moves it")]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in r) + "</tr>" for r in rows)
    if headline["kind"] == "event":
        caption = _("{headline}: share of runs in the runs whose driver lies in the lower and upper third of its range")
    else:
        caption = _("{headline}: median in the runs whose driver lies in the lower and upper third of its range")
    caption = caption.format(headline=headline_label(headline["label"]))
    return f"<table><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _per_era(per: Mapping) -> list[str]:
    """The validation's facts in range, era by era, as an HTML list (none: nothing)."""
    if not per:
        return []
    items = []
    for era, v in per.items():
        line = _("{era}: {in_range} of {facts} in range").format(era=era, in_range=v["in_range"], facts=v["facts"])
        if v.get("out_of_range"):
            line += _("; out of range: {facts}").format(facts=", ".join(v["out_of_range"]))
        items.append(f"<li>{html.escape(line)}</li>")
    return ["<ul>" + "".join(items) + "</ul>"]


def validation_sentence(v: Mapping) -> str | None:
    """The sentence on a validation score (summary.json's ``validation``) in the language in use, else its stored one.

    Said again by :func:`foedus.analysis.era_tolerance.score_sentence` when the score carries its
    figures (its eras, seeds and version, or its error); a bare ``sentence`` is shown as it is.
    """
    if ("in_range" in v and "eras" in v and "seeds" in v) or ("error" in v and "full_command" in v):
        from foedus.analysis.era_tolerance import score_sentence

        try:
            return score_sentence(v)
        except (KeyError, TypeError, ValueError):
            pass
    return v.get("sentence")


def html_section(drivers: Mapping | None, validation: Mapping | None = None, *, title: str | None = None) -> str:
    """An HTML ``<section>``: one sentence per headline with its driver and figure, the tests behind it, and the validation score.

    Parameters
    ----------
    drivers : mapping, optional
        :func:`foedus.experiments.drivers.attribute_all`'s result (``method``, ``knobs``, ``headlines``).
    validation : mapping, optional
        :meth:`foedus.experiments.oos_score.PendingScore.result` (its ``sentence``, or ``error``).
    title : str, optional
        The section's heading (default: "What drives each headline", in the language in use).
    """
    title = _("What drives each headline") if title is None else title
    parts = [f"<section class='foedus-drivers'><h2>{html.escape(title)}</h2>"]
    if validation:
        failed = _("Out-of-sample validation could not run: {error}.").format(error=validation.get("error") or _("unknown error"))
        text = validation_sentence(validation) or failed
        head = _("Validation.")
        parts.append(f"<p><strong>{html.escape(head)}</strong> {html.escape(text)}</p>")
        parts += _per_era(validation.get("per_era") or {})
    if drivers:
        parts.append("<ul>" + "".join(f"<li>{html.escape(headline_sentence(h))}</li>" for h in drivers["headlines"]) + "</ul>")
        note = _("A war between great powers is not among the headlines: an ensemble keeps the wars begun each year, not who fights them.")
        parts.append(f"<p class='note'>{html.escape(method_text(drivers.get('method')))} {html.escape(note)}</p>")
        parts += [t for t in (_table(h) for h in drivers["headlines"]) if t]
    parts.append("</section>")
    return "\n".join(parts)
