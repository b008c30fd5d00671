"""Ensembles in the dashboard: detection, bands per year, and the probability that two states are allied.

An ensemble folder is the one :class:`foedus.data.ensemble_store.EnsembleStore` writes (a
``manifest.json`` whose ``format`` is ``foedus-ensemble``). Every number comes from
:mod:`foedus.analysis.ensemble`:

- the bands: :func:`~foedus.analysis.ensemble.summary` (empirical 5 %, 50 % and 95 % quantiles
  across runs of each indicator per year, with the 90 % order-statistic confidence interval of
  the median);
- the pair: :func:`~foedus.analysis.ensemble.pair_allied` (share of runs in which two states
  share a defence pact in the year, and by the year, with the Jeffreys 90 % interval; Brown,
  Cai & DasGupta 2001).

Presentation only: this module arranges those tables as JSON for the page.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from pathlib import Path

from foedus.i18n import _
from foedus.web.source_info import SourceInfo, SourceUnavailable, UnknownSource

__all__ = ["available", "unavailable_reason", "is_ensemble_dir", "ensemble_info", "load", "EnsembleView"]

FORMAT = "foedus-ensemble"


def available() -> bool:
    """True when the ensemble modules (:mod:`foedus.experiments.ensemble`, :mod:`foedus.analysis.ensemble`) are installed."""
    try:
        from foedus.analysis import ensemble as _a  # noqa: F401
        from foedus.data import ensemble_store as _s  # noqa: F401
    except ImportError:
        return False
    return True


def unavailable_reason() -> str:
    """Why ensembles cannot be shown (empty when they can)."""
    return "" if available() else _("ensembles cannot be shown: foedus.experiments.ensemble is not part of this installation")


def _manifest(path: Path) -> dict | None:
    f = path / "manifest.json"
    if not f.is_file():
        return None
    try:
        m = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return m if isinstance(m, dict) and m.get("format") == FORMAT else None


def is_ensemble_dir(path: Path) -> bool:
    """True when ``path`` holds a foedus ensemble (and ensembles can be read here)."""
    return available() and _manifest(path) is not None


def ensemble_info(path: Path, rel: Path):
    """The :class:`~foedus.web.source_info.SourceInfo` of an ensemble folder, or None if unreadable."""
    m = _manifest(path)
    if m is None:
        return None
    try:
        first = int(m["first_year"])
        last = first + int(m["years"]) - 1
        done = int(m.get("runs_done", 0))
        mtime = (path / "manifest.json").stat().st_mtime
    except (KeyError, TypeError, ValueError, OSError):
        return None
    rid = rel.as_posix() if rel.parts else path.name
    label = f"{rid} ({done} runs, {first}–{last})"
    detail = {"runs": done, "scenario": str(m.get("scenario", ""))}
    return SourceInfo(f"ensemble:{rid}", "ensemble", label, path, first, last, mtime, detail)


_cache: OrderedDict[tuple[str, float], "EnsembleView"] = OrderedDict()
_lock = threading.Lock()


def load(info) -> "EnsembleView":
    """The (cached) view of an ensemble source.

    Raises
    ------
    foedus.web.source_info.UnknownSource
        Ensembles unavailable; :class:`~foedus.web.source_info.SourceUnavailable` if unreadable.
    """
    if not available():
        raise UnknownSource(unavailable_reason())
    key = (info.id, info.mtime)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    try:
        view = EnsembleView(info)
    except (OSError, ValueError) as e:
        raise SourceUnavailable(_("ensemble {id!r} could not be read: {reason}").format(id=info.id, reason=e)) from e
    with _lock:
        _cache[key] = view
        while len(_cache) > 4:
            _cache.popitem(last=False)
    return view


class EnsembleView:
    """What the page shows of one ensemble (bands computed once, pairs cached)."""

    def __init__(self, info):
        from foedus.data.ensemble_store import EnsembleStore
        from foedus.experiments.ensemble import ensemble_scenario

        self.info = info
        self.store = EnsembleStore.open(info.path)
        if not self.store.completed():
            raise ValueError(_("{path}: no completed run yet").format(path=info.path))
        self.scenario = ensemble_scenario(self.store)
        self._bands: dict | None = None
        self._pairs: OrderedDict[tuple[int, int], dict] = OrderedDict()
        self._lock = threading.Lock()

    def data_note(self) -> str:
        """Where the numbers come from, for captions."""
        m = self.store.manifest
        knobs = ", ".join(k.get("name", "?") for k in m.get("knobs", [])) or _("none (runs differ by their seed)")
        return _("{runs} completed runs of scenario '{scenario}' (ensemble seed {seed}, knobs varied: {knobs}), folder {folder}").format(
            runs=len(self.store.completed()), scenario=self.scenario.name, seed=m.get("seed"), knobs=knobs,
            folder=self.info.id.split(":", 1)[1])

    def meta(self) -> dict:
        """Window, the scenario's states (for the pair chooser), runs and notes."""
        acts = sorted(self.scenario.actors, key=lambda a: a.name)
        majors = [a.ccode for a in sorted(self.scenario.actors, key=lambda a: -a.cinc) if a.major][:2]
        return {
            "label": self.info.label,
            "kind": "ensemble",
            "first_year": self.info.first_year,
            "last_year": self.info.last_year,
            "states": [{"ccode": a.ccode, "abb": a.abb, "name": a.name, "start_year": None, "end_year": None} for a in acts],
            "default_pair": majors if len(majors) == 2 else [a.ccode for a in acts[:2]],
            "runs": len(self.store.completed()),
            "data_note": self.data_note(),
        }

    def bands(self) -> dict:
        """Median, 5-95 % band and the median's confidence interval per year, for each default indicator."""
        from foedus.analysis.ensemble import summary
        from foedus.analysis.indicators import DEFAULT_INDICATORS, INDICATORS
        from foedus.analysis.summary import jsonable

        with self._lock:
            if self._bands is None:
                s = summary(self.store, DEFAULT_INDICATORS)
                lo_col, hi_col = sorted(c for c in s.columns if c.startswith("q") and c[1:].isdigit())
                years = sorted(s["year"].unique().tolist())
                outcomes = []
                for name in DEFAULT_INDICATORS:
                    t = s[s["indicator"] == name].set_index("year").reindex(years)
                    outcomes.append(
                        {
                            "name": name,
                            "median": t["median"].tolist(),
                            "lo": t[lo_col].tolist(),
                            "hi": t[hi_col].tolist(),
                            "ci_lo": t["median_lo"].tolist(),
                            "ci_hi": t["median_hi"].tolist(),
                            "band": [int(lo_col[1:]), int(hi_col[1:])],
                        }
                    )
                self._bands = jsonable({"years": years, "runs": len(self.store.completed()), "outcomes": outcomes})
            bands = self._bands
        return {**bands, "outcomes": [self._worded(o, INDICATORS) for o in bands["outcomes"]]}

    def _worded(self, outcome: dict, indicators: dict) -> dict:
        """An outcome's band with its words (label, unit, band label, caption) in the language in use."""
        from foedus.report.labels import indicator_name, unit_name

        desc, unit = indicators[outcome["name"]]
        desc, unit = indicator_name(outcome["name"], desc), unit_name(unit)
        lo, hi = outcome["band"]
        return {
            **outcome,
            "label": desc[:1].upper() + desc[1:],
            "unit": unit,
            "band_label": _("{lo}–{hi} % of runs").format(lo=lo, hi=hi),
            "caption": _("{indicator} ({unit}) per year: median across runs (line), 90 % confidence interval of the median "
                         "(dark band) and the central 90 % of runs (light band). Data: {note}.").format(
                indicator=desc, unit=unit, note=self.data_note()),
        }

    def allied(self, a: int, b: int) -> dict:
        """Share of runs in which ``a`` and ``b`` share a defence pact, in and by each year.

        Raises
        ------
        KeyError
            A state that is not in the ensemble's scenario.
        """
        from foedus.analysis.ensemble import pair_allied, resolve_state
        from foedus.analysis.summary import jsonable

        try:
            (ca, abb_a), (cb, abb_b) = resolve_state(self.store, a), resolve_state(self.store, b)
        except ValueError as e:
            raise KeyError(str(e)) from e
        key = (min(ca, cb), max(ca, cb))
        with self._lock:
            if key in self._pairs:
                return self._pair_worded(self._pairs[key], abb_a, abb_b)
        inside = pair_allied(self.store, ca, cb)
        by = pair_allied(self.store, ca, cb, by=True)
        out = jsonable(
            {
                "a": ca,
                "b": cb,
                "years": inside["year"].tolist(),
                "runs": int(inside["runs"].iloc[0]) if len(inside) else 0,
                "probability": inside["probability"].tolist(),
                "lo": inside["lo"].tolist(),
                "hi": inside["hi"].tolist(),
                "probability_by": by["probability"].tolist(),
            }
        )
        with self._lock:
            self._pairs[key] = out
            while len(self._pairs) > 64:
                self._pairs.popitem(last=False)
        return self._pair_worded(out, abb_a, abb_b)

    def _pair_worded(self, pair: dict, abb_a: str, abb_b: str) -> dict:
        """A pair's shares with their caption in the language in use."""
        return {**pair, "caption": _(
            "Share of runs in which {a} and {b} are members of one defence pact in the year (solid, with its "
            "Jeffreys 90 % interval, Brown, Cai & DasGupta 2001) and at some point by the year (dashed). Data: {note}."
        ).format(a=abb_a, b=abb_b, note=self.data_note())}
