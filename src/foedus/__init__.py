"""foedus: a laboratory for military alliances and coalitions in the international system.

Layers (each imports only the ones above it in this list):

- :mod:`foedus.schema`: the canonical tables shared by real and simulated history;
  :mod:`foedus.schema.provenance`: where a history comes from and the unit of each column;
- :mod:`foedus.data`: importers for ATOP and Correlates of War files, and the local store;
- :mod:`foedus.theory`: pure, vectorised mechanisms (threat, alignment, alliance politics,
  arms dynamics, landscape and structural balance, cyber trust);
- :mod:`foedus.sim`: the year-by-year simulator and its scenarios;
- :mod:`foedus.analysis`: measures of history (counts, survival, similarity, networks, polarity,
  ensemble indicators and bands), beside :mod:`foedus.sim`: neither imports the other;
- :mod:`foedus.experiments`: ensembles of runs (designs, the Dask runner with its outcomes passed
  in, EMA Workbench, PRIM discovery) and validation against the record;
- :mod:`foedus.report`, :mod:`foedus.web`, :mod:`foedus.cli`: presentation only (``report``
  imports neither ``sim`` nor ``experiments``).

:mod:`foedus.testing` (toy histories, synthetic scenarios, Hypothesis strategies) is for tests and
users; no layer imports it. ``tests/test_layers.py`` checks these rules.
"""

__version__ = "0.1.0"

from foedus._numerics import pin_numerics as _pin_numerics

_pin_numerics()  # before numpy loads: the same bytes on every x86-64 machine (foedus._numerics)


class FoedusWarning(UserWarning):
    """A warning issued by foedus (tests turn these into errors)."""


# --- optional features (extras) --------------------------------------------------------------
# The core (pyproject.toml's dependencies) imports the record, runs the theory, the analyses and
# the simulator. The rest is optional: each extra's packages are imported only inside the
# functions that use them, and a command that needs a missing one stops with one line that
# says what to install (exit 2; foedus.cli.main), never a traceback.

EXTRA_MODULES: dict[str, str] = {
    "fastapi": "web", "starlette": "web", "uvicorn": "web", "plotly": "web", "multipart": "web",
    "python_multipart": "web",
    "dask": "ensemble", "distributed": "ensemble", "ema_workbench": "ensemble", "SALib": "ensemble",
    "optuna": "ensemble",
    "mesa": "bench",
}
"""Top-level module -> the extra of ``pyproject.toml`` that installs it (``pip install 'foedus[EXTRA]'``)."""

EXTRA_PROBES: dict[str, tuple[str, ...]] = {
    "web": ("fastapi", "uvicorn", "plotly", "multipart"),
    "ensemble": ("dask", "distributed", "ema_workbench", "SALib", "optuna"),
    "bench": ("mesa",),
}
"""Extra -> the modules :func:`require_extra` checks are importable."""


class MissingExtra(ModuleNotFoundError):
    """A feature needs an optional extra that is not installed; the message says what to install."""

    def __init__(self, extra: str, module: str, feature: str | None = None) -> None:
        self.extra = extra
        what = feature or "this"
        super().__init__(
            f"{what} needs the '{extra}' extra ({module} is not installed): pip install 'foedus[{extra}]'",
            name=module,
        )


def extra_of(module: str | None) -> str | None:
    """The extra that installs top-level module ``module`` (or a submodule of it), else None."""
    return EXTRA_MODULES.get((module or "").split(".")[0])


def missing_extra(error: BaseException, feature: str | None = None) -> MissingExtra | None:
    """``error`` as a :class:`MissingExtra` when it is the import of an extra's module that failed, else None."""
    if isinstance(error, MissingExtra):
        return error
    if isinstance(error, ModuleNotFoundError):
        extra = extra_of(error.name)
        if extra is not None:
            return MissingExtra(extra, error.name.split(".")[0], feature)
    return None


def require_extra(extra: str, feature: str | None = None) -> None:
    """Raise :class:`MissingExtra` unless every module of ``extra`` (:data:`EXTRA_PROBES`) can be found.

    Cheap: it looks the modules up (``importlib.util.find_spec``) without importing them, so a
    command can check before it starts any work.
    """
    import importlib.util
    import sys

    for module in EXTRA_PROBES[extra]:
        if module in sys.modules:
            if sys.modules[module] is None:
                raise MissingExtra(extra, module, feature)
            continue
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            raise MissingExtra(extra, module, feature)
