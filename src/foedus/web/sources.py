"""What the dashboard and ``foedus report`` can show: the record, simulated runs and ensembles.

A *source* has an opaque id: ``record`` for the historical record, ``run:<folder>`` for a
history folder (:func:`foedus.data.runs.read_history_dir`) found under the runs directory,
``ensemble:<folder>`` for an ensemble folder. Ids come only from :meth:`SourceRegistry.sources`,
which walks the runs directory; a request naming any other id is refused, and no user-supplied
text is ever joined to a filesystem path, so nothing outside the data directories can be read.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from foedus.data.paths import user_data_dir
from foedus.i18n import _
from foedus.schema import History
from foedus.web import ensembles
from foedus.web.source_info import SourceInfo, SourceUnavailable, UnknownSource
from foedus.web.layout import coordinates_table
from foedus.web.views import HistoryView

__all__ = ["ENV_RUNS_DIR", "default_runs_dir", "SourceRegistry", "builtin_scenario", "is_run_dir"]

ENV_RUNS_DIR = "FOEDUS_RUNS_DIR"

MAX_DEPTH = 3
"""How deep under the runs directory history folders are looked for."""


def default_runs_dir() -> Path:
    """Where simulated runs are looked for and written when no ``--runs`` is given.

    Order: the environment variable ``FOEDUS_RUNS_DIR``; ``runs`` in foedus's folder of user
    data (:func:`foedus.data.paths.user_data_dir`, beside the default store). The folder need
    not exist.
    """
    env = os.environ.get(ENV_RUNS_DIR)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "runs"


def is_run_dir(path: Path) -> bool:
    """True when ``path`` is a history folder (it holds a ``history.json`` file)."""
    return (path / "history.json").is_file()


class SourceRegistry:
    """The sources found under the data directories, and a small in-memory cache of their views.

    Parameters
    ----------
    record : History, or a function returning one, or None
        The historical record. ``None``: :func:`foedus.data.open_record` with ``data_dir``, read
        the first time it is asked for.
    runs_dir : path, optional
        Folder searched (to depth :data:`MAX_DEPTH`, symbolic links that lead outside it
        ignored) for history folders and ensembles; also where the dashboard writes new runs.
    data_dir : path, optional
        Folder of raw records (for the record and, for runs without their own coordinates, the
        capitals).
    max_views : int
        Number of sources whose views (with their per-year caches) are kept in memory.
    """

    def __init__(
        self,
        *,
        record: History | Callable[[], History] | None = None,
        runs_dir: Path | str | None = None,
        data_dir: Path | str | None = None,
        max_views: int = 6,
        include_record: bool = True,
    ):
        self._record = record
        self.runs_dir = Path(runs_dir).resolve() if runs_dir is not None else None
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self.include_record = include_record
        self.max_views = max_views
        self._views: OrderedDict[tuple[str, float], HistoryView] = OrderedDict()
        self._lock = threading.Lock()
        self._key_locks: dict[str, threading.Lock] = {}
        self._listing: dict[str, SourceInfo] = {}

    # ------------------------------------------------------------------ discovery
    def sources(self) -> list[SourceInfo]:
        """Every source: the record first, then runs and ensembles, newest first."""
        found: list[SourceInfo] = []
        if self.include_record:
            r = self._record
            span = (int(r.first_year), int(r.last_year)) if isinstance(r, History) else (None, None)
            found.append(SourceInfo("record", "record", "Historical record (ATOP 5.1 + COW)", None, *span))
        if self.runs_dir is not None and self.runs_dir.is_dir():
            found.extend(sorted(self._walk(), key=lambda s: (-s.mtime, s.id)))
        with self._lock:
            self._listing = {s.id: s for s in found}
        return found

    def _walk(self) -> list[SourceInfo]:
        root = self.runs_dir
        out: list[SourceInfo] = []
        for dirpath, dirnames, _ in os.walk(root, followlinks=False):
            here = Path(dirpath)
            rel = here.relative_to(root)
            depth = len(rel.parts)
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")) if depth < MAX_DEPTH else []
            if not _inside(here, root):
                dirnames[:] = []
                continue
            if is_run_dir(here) and _inside(here / "history.json", root):
                info = _run_info(here, rel)
                if info is not None:
                    out.append(info)
                dirnames[:] = []
            elif ensembles.is_ensemble_dir(here):
                info = ensembles.ensemble_info(here, rel)
                if info is not None:
                    out.append(info)
                dirnames[:] = []
        return out

    def info(self, sid: str) -> SourceInfo:
        """The listed source ``sid`` (the listing is refreshed once if it is not found).

        Raises
        ------
        UnknownSource
        """
        with self._lock:
            s = self._listing.get(sid)
        if s is None:
            self.sources()
            with self._lock:
                s = self._listing.get(sid)
        if s is None:
            raise UnknownSource(_("unknown source {id!r}; GET /api/sources lists the available ones").format(id=sid))
        return s

    # ------------------------------------------------------------------ views
    def view(self, sid: str) -> HistoryView:
        """The cached :class:`~foedus.web.views.HistoryView` of a record or run source.

        Raises
        ------
        UnknownSource, SourceUnavailable
        """
        info = self.info(sid)
        if info.kind == "ensemble":
            raise UnknownSource(_("source {id!r} is an ensemble: ask for its bands, not for a single history").format(id=sid))
        key = (sid, info.mtime)
        with self._lock:
            if key in self._views:
                self._views.move_to_end(key)
                return self._views[key]
            klock = self._key_locks.setdefault(sid, threading.Lock())
        with klock:
            with self._lock:
                if key in self._views:
                    return self._views[key]
            v = self._load(info)
            with self._lock:
                self._views[key] = v
                for old in [k for k in self._views if k[0] == sid and k != key]:
                    del self._views[old]
                while len(self._views) > self.max_views:
                    self._views.popitem(last=False)
            return v

    def ensemble(self, sid: str):
        """The loaded ensemble of source ``sid`` (see :mod:`foedus.web.ensembles`)."""
        info = self.info(sid)
        if info.kind != "ensemble":
            raise UnknownSource(_("source {id!r} is not an ensemble").format(id=sid))
        fresh = ensembles.ensemble_info(info.path, Path(sid.split(":", 1)[1])) if info.path is not None else None
        if fresh is not None and fresh.mtime != info.mtime:  # an ensemble still running: show the runs written since it was listed
            info = fresh
            with self._lock:
                self._listing[sid] = fresh
        return ensembles.load(info)

    def record(self) -> History:
        """The historical record (loaded once)."""
        with self._lock:
            r = self._record
        if isinstance(r, History):
            return r
        try:
            if callable(r):
                h = r()
            else:
                from foedus.data import open_record

                h = open_record(data_dir=self.data_dir)
        except (OSError, ValueError) as e:
            raise SourceUnavailable(_("the historical record could not be read: {reason}").format(reason=e)) from e
        with self._lock:
            self._record = h
        return h

    def _load(self, info: SourceInfo) -> HistoryView:
        if info.kind == "record":
            h = self.record()
            return HistoryView(h, kind="record", label=info.label)
        from foedus.data.runs import read_history_dir

        try:
            h = read_history_dir(info.path)
        except (OSError, ValueError) as e:
            raise SourceUnavailable(_("run {id!r} could not be read: {reason}").format(id=info.id, reason=e)) from e
        scenario = builtin_scenario(h)
        return HistoryView(h, kind="run", label=info.label, coords=self._run_coordinates(info.path, h, scenario), scenario=scenario)

    def _run_coordinates(self, path: Path, history: History, builtin):
        """Capitals of a run: its own table, its scenario file, its built-in scenario (``builtin``), else the record's."""
        from foedus.sim.scenario import Scenario, ScenarioError

        if "capitals" in history.extras:
            return coordinates_table(history)
        for name in ("scenario.yaml", "scenario.yml", "scenario.toml"):
            f = path / name
            if f.is_file():
                try:
                    return coordinates_table(scenario=Scenario.from_file(f))
                except ScenarioError:
                    break
        if builtin is not None:
            return coordinates_table(scenario=builtin)
        return coordinates_table(capitals=self._record_capitals())

    def _record_capitals(self):
        if isinstance(self._record, History):
            return self._record.extras.get("capitals")
        try:
            from foedus.data import default_data_dir
            from foedus.data.geography import read_capitals

            d = self.data_dir or default_data_dir()
            f = Path(d) / "peacesciencer" / "cow_capitals.csv"
            return read_capitals(f) if f.is_file() else None
        except (OSError, ValueError):
            return None


def builtin_scenario(history: History):
    """The built-in scenario a simulated history names in its source (``simulation:<name>:seed=<s>``), else None.

    For the run's capitals (when it has no table of its own) and for the unit of its military
    expenditure (:func:`foedus.report.provenance.milex_unit`).
    """
    from foedus.report.provenance import simulated_source
    from foedus.sim.scenario import Scenario, builtin_names

    sim = simulated_source(history)
    return Scenario.builtin(sim[0]) if sim is not None and sim[0] in builtin_names() else None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root)
        return True
    except (ValueError, OSError):
        return False


def _run_info(path: Path, rel: Path) -> SourceInfo | None:
    meta_path = path / "history.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        first, last = int(meta["first_year"]), int(meta["last_year"])
        mtime = meta_path.stat().st_mtime
    except (OSError, ValueError, KeyError, TypeError):
        return None
    src = str(meta.get("source", ""))
    rid = rel.as_posix() if rel.parts else path.name
    label = f"{rid} ({first}–{last})"
    return SourceInfo(f"run:{rid}", "run", label, path, first, last, mtime, {"history_source": src})
