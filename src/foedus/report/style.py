"""The one figure style of every foedus report (history, run, ensemble, validation).

Every figure of :mod:`foedus.report.figures` is drawn inside :func:`context` (decorator
:func:`styled`), on a figure of :data:`WIDTH` inches made by :func:`new_figure`, and written by
:func:`svg` or :func:`save`; every report page carries :data:`PAGE_CSS`. So the four reports
share one font, one palette, one width and one set of axis rules:

- **width**: every figure is :data:`WIDTH` inches wide and the page scales it to the column
  (``max-width: 100%``), so no report draws at half width and no page overflows a narrow
  window (800 px);
- **counts** get integer ticks (:func:`integer_ticks`), on a log axis too (1, 2, 5, 10, ...,
  never 0.5 or 10^0.3);
- **quantities** get at least :data:`MIN_TICKS` labelled ticks (:func:`value_ticks`) and the
  unit in the axis label;
- **legends** are placed outside the axes (:func:`legend_outside`), never over the data;
- **integer series** by year (numbers in force, poles, partners) are drawn as steps
  (:func:`year_steps`), a year covering ``year - 0.5 .. year + 0.5``, never as sloped lines.

Matplotlib's object API only (no pyplot): nothing global is touched outside the context. SVG
is written with a fixed ``svg.hashsalt``, text kept as text and no date, so the same figure
gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence, TypeVar

import numpy as np

import foedus
from foedus.i18n import _

__all__ = [
    "DPI", "MIN_TICKS", "PAGE_CSS", "PALETTE", "RC", "WIDTH",
    "context", "enough_log_ticks", "integer_ticks", "legend_outside", "new_figure", "save", "styled", "svg", "value_ticks", "year_steps",
]

WIDTH = 10.0
"""Width of every report figure, inches (the page scales it to its column)."""

DPI = 100
"""Dots per inch of raster (PNG) output."""

MIN_TICKS = 4
"""Fewest labelled ticks on a quantity axis (a two-tick axis cannot be read)."""

PALETTE: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
    "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79",
)
"""Colours of series (states, blocs, ensembles), in order; matplotlib's tab10, as the dashboard."""

GREY = "#bdbdbd"
"""A state in no bloc, a series with no colour of its own."""

WAR_SHADE = "#fdd0a2"
"""Shading of the world wars on time axes."""

RC: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.title_fontsize": 8,
    "legend.frameon": False,
    "figure.titlesize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#e0e0e0",
    "grid.linewidth": 0.6,
    "axes.axisbelow": True,
    "lines.linewidth": 1.5,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "svg.hashsalt": "foedus",
    "svg.fonttype": "none",
    "svg.image_inline": True,
}
"""Matplotlib settings of every report figure (:func:`context` adds the colour cycle :data:`PALETTE`)."""

PAGE_CSS = """
body { font-family: "Helvetica Neue", Arial, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.45; box-sizing: border-box; }
*, *::before, *::after { box-sizing: inherit; }
h1 { border-bottom: 2px solid #444; padding-bottom: .2em; font-size: 1.6em; }
h2 { margin-top: 2em; border-bottom: 1px solid #bbb; }
figure { margin: 1.5em 0; max-width: 100%; }
svg, img { display: block; width: 100%; max-width: 100%; height: auto; }
figcaption { font-size: .92em; color: #333; margin-top: .4em; }
table { border-collapse: collapse; margin: 1em 0; font-size: .9em; display: block; max-width: 100%; overflow-x: auto; }
th, td { border: 1px solid #ccc; padding: .25em .6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f0f0f0; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .3em; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 1em; }
.grid > div { min-width: 0; }
.note { font-size: .9em; color: #555; }
.ok { background: #e5f5e0; } .no { background: #fde0dd; }
dt { font-weight: bold; margin-top: .6em; }
code { overflow-wrap: anywhere; }
"""
"""The style sheet of every report page: one column at most 1100 px wide, figures and tables
never wider than the page (``max-width: 100%``; a wide table scrolls inside itself), grids that
fall to one column in a narrow window."""

F = TypeVar("F", bound=Callable[..., Any])


@contextmanager
def context() -> Iterator[None]:
    """Draw inside this context to get the report style (:data:`RC`); restores matplotlib's settings after."""
    import matplotlib
    from cycler import cycler

    rc = dict(RC, **{"axes.prop_cycle": cycler(color=list(PALETTE))})
    with matplotlib.rc_context(rc):
        yield


def styled(func: F) -> F:
    """Decorator: run a figure function inside :func:`context`."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with context():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def new_figure(height: float, width: float = WIDTH, *, constrained: bool = True):
    """A matplotlib Figure of the report style, ``width`` x ``height`` inches, with an Agg canvas (no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI, layout="constrained" if constrained else None)
    FigureCanvasAgg(fig)
    return fig


def axes_or_new(ax, height: float):
    """``ax`` when given, else the axes of a new report figure of ``height`` inches."""
    if ax is not None:
        return ax
    return new_figure(height).add_subplot()


def integer_ticks(axis, *, log: bool = False, nbins: int | str = "auto") -> None:
    """Ticks at integers only on ``axis`` (``ax.xaxis`` or ``ax.yaxis``), for counts.

    On a linear axis, :class:`~matplotlib.ticker.MaxNLocator` with ``integer=True``; on a log
    axis, ticks at 1, 2, 5 x 10^k written as plain integers (no 10^0.3, no 0.5) and no minor
    labels.
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

    if log:
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        axis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 and float(v).is_integer() else ""))
        axis.set_minor_formatter(NullFormatter())
    else:
        axis.set_major_locator(MaxNLocator(nbins=nbins, integer=True, min_n_ticks=1))  # never a fraction to reach 2 ticks


def value_ticks(axis, *, log: bool = False) -> None:
    """At least :data:`MIN_TICKS` labelled ticks on a quantity axis, plainly written (1,000 not 1e3).

    On a log axis over few decades, 1-2-5 ticks; the labels never use powers of ten.
    """
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

    def plain(v: float, _pos: Any = None) -> str:
        if v == 0:
            return "0"
        if abs(v) >= 1:
            return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.1f}"
        return f"{v:.3g}"

    if log:
        axis.set_major_locator(enough_log_ticks())
        axis.set_minor_formatter(NullFormatter())
    else:
        axis.set_major_locator(MaxNLocator(nbins=6, min_n_ticks=MIN_TICKS))
    axis.set_major_formatter(FuncFormatter(plain))


def _log_ticks_in(vmin: float, vmax: float, subs: Sequence[float]) -> np.ndarray:
    """Ticks ``s * 10**k`` (``s`` in ``subs``) inside ``[vmin, vmax]``."""
    lo, hi = np.floor(np.log10(vmin)), np.ceil(np.log10(vmax))
    ticks = np.array([s * 10.0 ** k for k in np.arange(lo, hi + 1) for s in subs])
    return ticks[(ticks >= vmin * (1 - 1e-9)) & (ticks <= vmax * (1 + 1e-9))]


@functools.cache
def _enough_log_ticks_class():
    """The locator class (built on first use, so that importing this module does not import matplotlib)."""
    from matplotlib.ticker import Locator, MaxNLocator

    class EnoughLogTicks(Locator):
        """Log-axis ticks at 10^k, else 1-2-5 or 1-9 x 10^k, else round numbers: the sparsest giving :data:`MIN_TICKS` in view."""

        def __call__(self):
            vmin, vmax = self.axis.get_view_interval()
            return self.tick_values(vmin, vmax)

        def tick_values(self, vmin, vmax):
            vmin, vmax = sorted((float(vmin), float(vmax)))
            if not vmax > 0:
                return np.array([])
            vmin = max(vmin, vmax * 1e-12)
            ticks = np.array([])
            for subs in ((1.0,), (1.0, 2.0, 5.0), tuple(float(s) for s in range(1, 10))):
                ticks = _log_ticks_in(vmin, vmax, subs)
                if len(ticks) >= MIN_TICKS:
                    break
            if len(ticks) < MIN_TICKS:  # less than a decade in view: evenly spaced round numbers
                linear = MaxNLocator(nbins=6, min_n_ticks=MIN_TICKS).tick_values(vmin, vmax)
                ticks = linear[(linear > 0) & (linear >= vmin) & (linear <= vmax)]
            if len(ticks) > 12:  # many decades: every decade, or every other one
                ticks = _log_ticks_in(vmin, vmax, (1.0,))
                ticks = ticks[:: max(1, -(-len(ticks) // 12))]
            return ticks

    return EnoughLogTicks


def enough_log_ticks():
    """A log-axis locator that gives at least :data:`MIN_TICKS` ticks in view (10^k, else 1-2-5, else 1-9 x 10^k)."""
    return _enough_log_ticks_class()()


def year_axis(ax, first: int | None = None, last: int | None = None) -> None:
    """The x axis as years: integer ticks, labelled "year", limits ``first - 0.5 .. last + 0.5`` when given."""
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=3))
    ax.set_xlabel(_("year"))
    if first is not None and last is not None:
        ax.set_xlim(first - 0.5, last + 0.5)


def year_steps(years: Sequence[int] | np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Edges and values for ``step="post"`` drawing, year ``y`` covering ``y - 0.5 .. y + 0.5``.

    Parameters
    ----------
    years : array of int, length n
    values : array, shape (n,) or (n, k)

    Returns
    -------
    (edges, values)
        ``edges`` of length n + 1 and ``values`` with its last row repeated (n + 1 rows), so that
        ``ax.step(edges, values, where="post")`` or ``fill_between(..., step="post")`` draws a
        flat step over every year, including the last.
    """
    years = np.asarray(years, dtype=float)
    values = np.asarray(values)
    if len(years) == 0:
        return years, values
    return np.r_[years - 0.5, years[-1] + 0.5], np.concatenate([values, values[-1:]], axis=0)


def legend_outside(ax, handles: Sequence | None = None, labels: Sequence[str] | None = None, *, where: str = "right",
                   title: str | None = None, ncols: int = 1):
    """A legend outside the axes (never over the data): to the right of ``ax`` or below it.

    Parameters
    ----------
    ax : matplotlib Axes
    handles, labels : optional
        Default: the axes' own (:meth:`~matplotlib.axes.Axes.get_legend_handles_labels`).
    where : {"right", "below"}
    title : str, optional
    ncols : int
        Columns (for ``where="below"``).

    Returns
    -------
    matplotlib.legend.Legend or None
        None when there is nothing to label.
    """
    if handles is None:
        handles, auto = ax.get_legend_handles_labels()
        labels = auto if labels is None else labels
    elif labels is None:
        labels = [h.get_label() for h in handles]
    if not len(handles):
        return None
    if where == "below":
        return ax.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=ncols, title=title,
                         borderaxespad=0.0)
    return ax.legend(handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), title=title, borderaxespad=0.0)


def svg(fig) -> str:
    """The figure as an inline ``<svg>`` element (no XML prolog, DOCTYPE or metadata), reproducibly."""
    import matplotlib

    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "foedus", "svg.fonttype": "none", "svg.image_inline": True}):
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": f"foedus {foedus.__version__}"})
    text = buf.getvalue().decode("utf-8")
    text = text[text.index("<svg"):]
    start, end = text.find("<metadata>"), text.find("</metadata>")
    if start != -1 and end != -1:  # RDF block naming external vocabularies: not needed inline
        text = text[:start] + text[end + len("</metadata>"):]
    return text


def save(fig, path: Path | str) -> Path:
    """Write ``fig`` to ``path`` (format from its suffix: png, svg or pdf), atomically and reproducibly."""
    import matplotlib

    path = Path(path)
    fmt = path.suffix.lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        from foedus.i18n import _

        raise ValueError(_("unknown figure format {fmt!r} ({path}); choose png, svg or pdf").format(fmt=fmt, path=path))
    tmp = path.with_name(path.name + ".tmp")
    meta = {"Date": None, "Creator": f"foedus {foedus.__version__}"} if fmt in ("svg", "pdf") else {"Software": f"foedus {foedus.__version__}"}
    if fmt == "pdf":
        meta = {"Creator": f"foedus {foedus.__version__}", "CreationDate": None}
    with matplotlib.rc_context({"svg.hashsalt": "foedus", "svg.fonttype": "none"}):
        fig.savefig(tmp, format=fmt, metadata=meta)
    os.replace(tmp, path)
    return path
