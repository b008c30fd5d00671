"""The dashboard as a workbench: a scenario's drivers and parameters edited on the page, and the year on screen
downloaded.

*Editing*
    :func:`editor` describes a scenario's five trend drivers (:class:`foedus.sim.scenario.Trends`,
    T1-T5) and every engine parameter (:class:`foedus.sim.parameters.Parameters`) with their
    bounds, defaults, descriptions and the scenario's values, for the page's form.
    :func:`apply_overrides` applies the values the page sends (a JSON object
    ``{"trends": {...}, "parameters": {...}}``) and validates the result as a scenario
    (:meth:`foedus.sim.scenario.Scenario.from_dict`): a bad value is refused with a message naming
    the field (``field 'parameters.reactivity': Input should be less than or equal to 2``).
*Downloading*
    :func:`year_bundle` writes the year on screen with :mod:`foedus.data.export` (its provenance
    included) and answers it as one ZIP file: ``csv`` gives the states (bloc, colour, CINC,
    capital), the ties (obligations, agreements) and the agreements in force as CSV tables, each with
    its provenance sidecar; ``gexf`` gives the alliance network
    (:func:`foedus.analysis.network.alliance_network`, with each state's bloc) as GEXF with its
    sidecar. Pictures (PNG, SVG) are drawn by the page itself (plotly.js).
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path

import pandas as pd

from foedus.i18n import _, lazy_gettext

__all__ = ["OVERRIDE_SECTIONS", "MAX_OVERRIDES_BYTES", "WorkbenchError", "editor", "apply_overrides", "year_bundle", "DOWNLOAD_FORMATS"]

OVERRIDE_SECTIONS = ("trends", "parameters")
"""The sections of a scenario the page may change."""

MAX_OVERRIDES_BYTES = 32 * 1024
"""Longest ``overrides`` form field accepted (bytes): a value for every parameter fits in a few KiB."""

DOWNLOAD_FORMATS = ("csv", "gexf")
"""What ``/api/download`` writes (pictures are drawn by the page)."""


class WorkbenchError(ValueError):
    """A value from the page that cannot be used; the message names the field."""


TREND_DESCRIPTIONS = {
    "great_power_competition": lazy_gettext(
        "great-power competition and hierarchy: drift of hostility among major powers and rivals per year (0 = détente, "
        "1 = open rivalry); also weakens multilateral restraint"),
    "economic_interdependence": lazy_gettext(
        "economic interdependence: growth of trade dependence per year (0 = shrinking, 0.5 = stable, 1 = fast growth) and "
        "weight of economic competition among allies in cohesion"),
    "cyber": lazy_gettext("cyber: rate of intrusions and growth of cyber capacity (0 = none, 1 = pervasive)"),
    "military_integration": lazy_gettext(
        "military integration: pressure of digital, multi-domain warfare towards integrated command and common equipment "
        "inside alliances (target integration level)"),
    "norms": lazy_gettext(
        "norms and values: weight of regime similarity in alliance cohesion and of democratisation of allies "
        "(0 = values irrelevant, 1 = decisive)"),
}
"""The trend drivers' descriptions (:class:`foedus.sim.scenario.Trends`) as the page shows them: translated, without
the design catalogue's labels (T1-T5, D3) that a reader of the page does not know. The engine parameters' descriptions
are :class:`foedus.sim.parameters.Parameters`'s own, without those labels and translated
(:func:`foedus.web.parameters.descriptions`)."""


def _fields(model_cls, values: dict, descriptions: dict | None = None) -> list[dict]:
    """Each field of a pydantic model as the page's form needs it: name, label, description, bounds, default, value."""
    props = model_cls.model_json_schema()["properties"]
    descriptions = descriptions or {}
    out = []
    for name, p in props.items():
        lo = p.get("minimum", p.get("exclusiveMinimum"))
        hi = p.get("maximum", p.get("exclusiveMaximum"))
        out.append(
            {
                "name": name,
                "label": name.replace("_", " "),
                "description": str(descriptions[name]) if name in descriptions else p.get("description", ""),
                "type": p.get("type", "number"),
                "min": lo,
                "max": hi,
                "min_exclusive": "exclusiveMinimum" in p,
                "max_exclusive": "exclusiveMaximum" in p,
                "default": p.get("default"),
                "value": values.get(name),
            }
        )
    return out


def editor(scenario) -> dict:
    """What the page's form shows of ``scenario``: its name, window, seed, trends (T1-T5) and parameters."""
    from foedus.sim.parameters import Parameters
    from foedus.sim.scenario import Trends
    from foedus.report.labels import scenario_text
    from foedus.web.parameters import descriptions as parameter_descriptions

    return {
        "name": scenario.name,
        "description": scenario_text(scenario.description),
        "start_year": scenario.start_year,
        "years": scenario.years,
        "seed": scenario.seed,
        "states": len(scenario.actors),
        "trends": _fields(Trends, scenario.trends.model_dump(), TREND_DESCRIPTIONS),
        "parameters": _fields(Parameters, scenario.parameters.model_dump(), parameter_descriptions()),
    }


def apply_overrides(scenario, text: str | None, source: str):
    """``scenario`` with the trends and parameters of ``text`` (JSON ``{"trends": {...}, "parameters": {...}}``).

    Raises
    ------
    WorkbenchError
        Not JSON, not an object, an unknown section, or a value the scenario refuses (the message
        names ``source`` and the field, e.g. ``field 'trends.cyber': Input should be less than or equal to 1``).
    """
    from foedus.sim.scenario import Scenario, ScenarioError

    if text is None or not str(text).strip():
        return scenario
    if len(str(text).encode()) > MAX_OVERRIDES_BYTES:
        raise WorkbenchError(_("form field 'overrides': longer than {kib} KiB").format(kib=MAX_OVERRIDES_BYTES // 1024))
    try:
        data = json.loads(str(text))
    except ValueError as e:
        raise WorkbenchError(_("form field 'overrides': not JSON ({reason})").format(reason=e)) from None
    except RecursionError:
        raise WorkbenchError(_("form field 'overrides': nested too deeply")) from None
    if not isinstance(data, dict):
        raise WorkbenchError(_("form field 'overrides': expected an object {example}").format(example='{"trends": {...}, "parameters": {...}}'))
    unknown = sorted(set(data) - set(OVERRIDE_SECTIONS))
    if unknown:
        raise WorkbenchError(_("form field 'overrides': unknown section {section!r}; the page may change {sections}").format(
            section=unknown[0], sections=" and ".join(OVERRIDE_SECTIONS)))
    base = scenario.model_dump(mode="json")
    for section in OVERRIDE_SECTIONS:
        values = data.get(section, {})
        if not isinstance(values, dict):
            raise WorkbenchError(_("form field 'overrides', section '{section}': expected an object of field: value").format(section=section))
        for name, value in values.items():
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise WorkbenchError(_("{source}, field '{field}': expected a number, got {value}").format(
                    source=source, field=f"{section}.{name}", value=json.dumps(value)[:40]))
        base[section] = {**base.get(section, {}), **values}
    try:
        return Scenario.from_dict(base, source=source)
    except ScenarioError as e:
        raise WorkbenchError(str(e)) from None


def _states_table(year: dict) -> pd.DataFrame:
    cols = ["ccode", "abb", "name", "bloc", "colour", "cinc", "major", "tier", "partners", "defense_partners", "capital", "lat", "lon"]
    return pd.DataFrame(year["nodes"], columns=cols)


def _ties_table(year: dict) -> pd.DataFrame:
    e = year["edges"]
    return pd.DataFrame(
        {
            "ccode1": e["a"],
            "ccode2": e["b"],
            "strongest": e["style"],
            "obligations": [";".join(o) for o in e["obligations"]],
            "agreements": [";".join(map(str, a)) for a in e["agreements"]],
        }
    )


def _agreements_table(year: dict) -> pd.DataFrame:
    rows = [
        {
            "agreement_id": a["id"],
            "name": a["name"],
            "kind": a["kind"],
            "start_year": a["start_year"],
            "end_year": a["end_year"],
            "members": ";".join(map(str, a["members"])),
            "obligations": ";".join(a["obligations"]),
            "conditional": a["conditional"],
            "asymmetric": a["asymmetric"],
        }
        for a in year["agreements"]
    ]
    return pd.DataFrame(rows, columns=["agreement_id", "name", "kind", "start_year", "end_year", "members", "obligations", "conditional", "asymmetric"])


def year_bundle(view, year: int, kinds: str, blocs: str, fmt: str, source_id: str) -> tuple[str, bytes]:
    """The year on screen as a ZIP file: ``(file name, bytes)``.

    Parameters
    ----------
    view : foedus.web.views.HistoryView
    year, kinds, blocs
        As ``/api/year`` takes them.
    fmt : {"csv", "gexf"}
    source_id : str
        The source's id, recorded in the provenance.

    Raises
    ------
    ValueError
        A year outside the window, an unknown kind, bloc method or format.
    """
    from foedus.analysis.network import alliance_network
    from foedus.data.export import provenance, write_graph, write_table
    from foedus.web.views import KIND_CHOICES

    if fmt not in DOWNLOAD_FORMATS:
        raise ValueError(_("format must be one of {choices}, got {value!r}").format(choices=", ".join(DOWNLOAD_FORMATS), value=fmt))
    data = view.year(year, kinds, blocs)
    what = f"the {kinds} network of {year} in {view.label}, blocs by the {blocs} method"
    meta = provenance(command=f"foedus serve: /api/download?source={source_id}&year={year}&kinds={kinds}&blocs={blocs}&format={fmt}",
                      source=source_id, year=year, data=view.data_note(), label=what)
    stem = f"foedus-{_safe(source_id)}-{year}"
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        if fmt == "csv":
            units = {"cinc": "share of the system's capabilities (CINC, 0-1)", "lat": "degrees", "lon": "degrees"}
            write_table(_states_table(data), d / "states.csv", meta={**meta, "units": units}, label=f"states, {what}")
            write_table(_ties_table(data), d / "ties.csv", meta=meta, label=f"ties, {what}")
            write_table(_agreements_table(data), d / "agreements.csv", meta=meta, label=f"agreements in force, {what}")
        else:
            g = alliance_network(view.history, year, kinds=KIND_CHOICES[kinds])
            for n in data["nodes"]:
                if n["ccode"] in g:
                    g.nodes[n["ccode"]].update(bloc=int(n["bloc"]), colour=str(n["colour"]))
            write_graph(g, d / "network.gexf", meta=meta)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for f in sorted(d.iterdir()):
                z.write(f, f"{stem}/{f.name}")
    return f"{stem}-{fmt}.zip", buf.getvalue()


def _safe(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text).strip("-")[:60] or "source"

