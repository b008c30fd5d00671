"""What drives each headline of an ensemble: the trend drivers T1–T5 varied, each outcome attributed.

The main job (:mod:`foedus.cli.job`) lets the five trend drivers of the scenario
(:class:`foedus.sim.scenario.Trends`, brief T1–T5) vary over documented ranges
(:func:`driver_knobs`: the scenario's own value ± :data:`DRIVER_SPREAD`, clipped to [0, 1]) in a
Latin hypercube (:mod:`foedus.experiments.design`), reads a few headline outcomes of every run
(:func:`headline_outcomes`), and asks of each which drivers move it (:func:`attribute`).

Method: Monte Carlo filtering with rank tests
---------------------------------------------
Under a Latin hypercube the knobs are sampled independently and evenly over their ranges, so the
distribution of a knob among the runs that reach an outcome differs from its distribution among
the others only if the knob moves the outcome. That comparison is Monte Carlo filtering, or
regional sensitivity analysis (Spear & Hornberger 1980; Saltelli et al. 2008, ch. 5). foedus
tests it

- for a yes/no outcome with the Mann–Whitney U test of the knob's values in the runs with and
  without the outcome (two-sided; more powerful against a shift than the Kolmogorov–Smirnov
  test of the published form, and exact in its ranks whatever the outcome's frequency);
- for a number (blocs, poles, spending) with Spearman's rank correlation of the knob and the
  outcome (Helton et al. 2006, sampling-based sensitivity analysis),

and adjusts the five p-values of each headline by Holm's (1979) step-down method, so that the
chance of naming any driver of an outcome that no driver moves is at most ``alpha`` (0.05). A
knob is a *driver* when its adjusted p-value is below ``alpha``. The figure given with it is
fixed in advance, not fitted: the outcome in the runs whose knob lies in the upper third of its
range against those in the lower third.

Why not PRIM or Sobol indices at the main job's size. The main job runs 100 worlds. Sobol
indices (SALib) need ``N (2D + 2)`` runs with ``N`` in the hundreds for five knobs, thousands of
runs. PRIM (:mod:`foedus.experiments.discovery`, as foedus configures it: the densest box with
half the cases covered) is safe but weak at this size. Measured on the world-2022 design (100
runs, these five ranges, 40 synthetic outcomes each): on outcomes no knob moves, PRIM named no
knob and these tests one in 40 (their stated rate is at most 5 %); on an outcome that jumps from 10 % to 60 % of runs where
great-power competition exceeds 0.8, PRIM restricted that knob in 35 % of the 40 outcomes and the
Mann–Whitney test named it in 93 % (at a jump to 35 %: PRIM 0 %, Mann–Whitney 55 %). A logistic
regression of a yes/no outcome on the knobs, the other usual choice, fails by separation on
outcomes reached in nearly all or nearly no runs, which is where several headlines sit. The rank
tests need no model of the outcome's shape, hold their level at any ensemble size and any
frequency, and their adjusted p-values say plainly when 100 runs cannot tell. Use ``foedus
ensemble discover`` (PRIM) on a larger ensemble for the box of a scenario.

References
----------
.. [1] Spear, R. C. and G. M. Hornberger. 1980. "Eutrophication in Peel Inlet II: Identification
   of critical uncertainties via generalized sensitivity analysis." *Water Research* 14: 43-49.
.. [2] Saltelli, A. et al. 2008. *Global Sensitivity Analysis: The Primer*. Wiley (ch. 5,
   Monte Carlo filtering).
.. [3] Helton, J. C., J. D. Johnson, C. J. Sallaberry and C. B. Storlie. 2006. "Survey of
   sampling-based methods for uncertainty and sensitivity analysis." *Reliability Engineering &
   System Safety* 91: 1175-1209.
.. [4] Holm, S. 1979. "A simple sequentially rejective multiple test procedure." *Scandinavian
   Journal of Statistics* 6(2): 65-70.
.. [5] Mann, H. B. and D. R. Whitney. 1947. "On a test of whether one of two random variables is
   stochastically larger than the other." *Annals of Mathematical Statistics* 18(1): 50-60.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd

from foedus.analysis.driver_words import DRIVERS as _DRIVER_WORDS
from foedus.analysis.driver_words import METHOD as _METHOD_WORDS
from foedus.experiments.design import Knob
from foedus.sim.scenario import Scenario, Trends

__all__ = ["DRIVERS", "DRIVER_SPREAD", "ALPHA", "METHOD", "NUMBERS", "Headline", "driver_knobs", "holm", "attribute", "attribute_all", "headline_outcomes"]

DRIVERS: dict[str, str] = _DRIVER_WORDS
"""The trend drivers the main job varies (fields of :class:`~foedus.sim.scenario.Trends`, in order) and their names in
sentences (English; their home, shared with the report, is :mod:`foedus.analysis.driver_words`)."""

DRIVER_SPREAD = 0.3
"""Half-width of each driver's range around the scenario's own value (trends lie in [0, 1], 0.5 = today's level):
wide enough that a driver's effect shows in 100 runs, narrow enough that the ensemble stays about the scenario's assumptions."""

ALPHA = 0.05
"""Family-wise error rate of each headline's attribution (Holm over the drivers)."""

METHOD: str = _METHOD_WORDS
"""One paragraph on the method, for reports and summary.json (English; its home, shared with the report, is
:mod:`foedus.analysis.driver_words`)."""


def driver_knobs(scenario: Scenario, spread: float = DRIVER_SPREAD, drivers: Sequence[str] = tuple(DRIVERS)) -> list[Knob]:
    """The trend drivers as knobs: the scenario's value ± ``spread``, clipped to the field's bounds [0, 1].

    Parameters
    ----------
    scenario : Scenario
    spread : float
        Half-width of each range, in trend units (0-1).
    drivers : sequence of str
        Fields of :class:`~foedus.sim.scenario.Trends`.

    Examples
    --------
    >>> from foedus.sim import Scenario
    >>> [(k.field, k.low, k.high) for k in driver_knobs(Scenario.builtin("world-2022"))][0]
    ('great_power_competition', 0.4, 1.0)
    """
    if not 0 <= spread <= 1:
        raise ValueError(f"spread must lie in [0, 1], got {spread}")
    out = []
    for name in drivers:
        if name not in Trends.model_fields:
            raise ValueError(f"unknown trend driver {name!r}; choose among {', '.join(Trends.model_fields)}")
        v = float(getattr(scenario.trends, name))
        out.append(Knob(f"trends.{name}", round(max(0.0, v - spread), 10), round(min(1.0, v + spread), 10)))
    return out


@dataclass(frozen=True)
class Headline:
    """One headline outcome of an ensemble, run by run.

    Attributes
    ----------
    key : str
        Short identifier (``"pact RUS-CHN"``, ``"nato_ends"``, ``"blocs"``).
    label : str
        A clause that reads after nothing and before "in 12 % of runs" for an event ("a Russia–China
        defence pact forms by 2051"), or a noun phrase for a number ("the number of blocs in 2051").
    kind : {"event", "number"}
    values : pandas.Series
        Indexed by run: bool for an event, float for a number.
    unit : str
        Of a number (shown after its values); empty for an event.
    scale : float
        A number's values are shown multiplied by it (thousand US$ to US$ bn).
    """

    key: str
    label: str
    kind: str
    values: pd.Series
    unit: str = ""
    scale: float = 1.0


def holm(p: Sequence[float]) -> np.ndarray:
    """Holm's (1979) step-down adjusted p-values (NaN stays NaN and is not counted).

    Examples
    --------
    >>> holm([0.01, 0.04, 0.03]).round(3).tolist()
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = np.flatnonzero(~np.isnan(p))
    m = len(ok)
    if not m:
        return out
    order = ok[np.argsort(p[ok], kind="mergesort")]
    adj = np.maximum.accumulate((m - np.arange(m)) * p[order])
    out[order] = np.minimum(adj, 1.0)
    return out


def _pct(share: float) -> str:
    return f"{100 * share:.0f} %"


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def _num(v: float) -> str:
    if not np.isfinite(v):
        return "n/a"
    return f"{v:.0f}" if abs(v) >= 100 or float(v).is_integer() else f"{v:.2g}" if abs(v) < 1 else f"{v:.1f}"


def _test(x: np.ndarray, y: np.ndarray, kind: str) -> tuple[float, float]:
    """(statistic, two-sided p) of one knob: Mann-Whitney's U scaled to [-1, 1] (rank-biserial) or Spearman's rho."""
    from scipy import stats

    if kind == "event":
        yes, no = x[y], x[~y]
        u = stats.mannwhitneyu(yes, no, alternative="two-sided")
        return float(2 * u.statistic / (len(yes) * len(no)) - 1), float(u.pvalue)
    if np.ptp(y) == 0:
        return float("nan"), float("nan")
    r = stats.spearmanr(x, y)
    return float(r.statistic), float(r.pvalue)


def _thirds(x: np.ndarray, y: np.ndarray, knob: Knob, kind: str, scale: float) -> dict:
    """The outcome in the runs whose knob lies in the lower and the upper third of its range."""
    lo_cut = knob.low + (knob.high - knob.low) / 3
    hi_cut = knob.high - (knob.high - knob.low) / 3
    parts = {}
    for side, mask in (("lower", x < lo_cut), ("upper", x > hi_cut)):
        n = int(mask.sum())
        if kind == "event":
            k = int(y[mask].sum())
            parts[side] = {"runs": n, "cases": k, "share": k / n if n else float("nan")}
        else:
            parts[side] = {"runs": n, "median": float(np.median(y[mask])) * scale if n else float("nan")}
    return {"low_cut": float(lo_cut), "high_cut": float(hi_cut), **parts}


def _overall(h: Headline) -> dict:
    y = h.values.to_numpy()
    if h.kind == "event":
        return {"runs": int(len(y)), "cases": int(y.sum()), "share": float(y.mean()) if len(y) else float("nan")}
    q = np.quantile(y.astype(float), [0.05, 0.5, 0.95], method="inverted_cdf") * h.scale if len(y) else [np.nan] * 3
    return {"runs": int(len(y)), "median": float(q[1]), "q05": float(q[0]), "q95": float(q[2])}


def _lead(h: Headline, o: dict) -> str:
    """The first half of the sentence: how often, or how much."""
    unit = f" {h.unit}" if h.unit else ""
    if h.kind == "event":
        return f"{h.label[:1].upper()}{h.label[1:]} in {_pct(o['share'])} of runs ({o['cases']} of {o['runs']})"
    return f"{h.label[:1].upper()}{h.label[1:]} is {_num(o['median'])}{unit} (median; 5–95 % of runs: {_num(o['q05'])}–{_num(o['q95'])})"


def _effect(h: Headline, t: dict, name: str) -> str:
    """The driver's figure: the outcome in the upper third of its range against the lower third."""
    up, lo = t["upper"], t["lower"]
    stat = f"Mann–Whitney {_p(t['p_adjusted'])}" if h.kind == "event" else f"Spearman ρ = {t['statistic']:.2f}, {_p(t['p_adjusted'])}"
    stat += ", Holm-adjusted over the drivers"
    if h.kind == "event":
        hi_txt = f"{_pct(up['share'])}, {up['cases']} of {up['runs']} runs"
        lo_txt = f"{_pct(lo['share'])}, {lo['cases']} of {lo['runs']} runs"
        if t["statistic"] > 0:
            return f"most likely when {name} exceeds {t['high_cut']:.2f} ({hi_txt}), least likely below {t['low_cut']:.2f} ({lo_txt}; {stat})"
        return f"most likely when {name} is below {t['low_cut']:.2f} ({lo_txt}), least likely above {t['high_cut']:.2f} ({hi_txt}; {stat})"
    unit = f" {h.unit}" if h.unit else ""
    verb = "rises" if t["statistic"] > 0 else "falls"
    return (f"it {verb} with {name}: median {_num(up['median'])}{unit} in the runs with it above {t['high_cut']:.2f} ({up['runs']} runs), "
            f"{_num(lo['median'])}{unit} below {t['low_cut']:.2f} ({lo['runs']} runs; {stat})")


def attribute(h: Headline, design: pd.DataFrame, knobs: Sequence[Knob], *, alpha: float = ALPHA, names: Mapping[str, str] | None = None) -> dict:
    """Which knobs move one headline outcome, and the sentence that says so.

    Parameters
    ----------
    h : Headline
        Its ``values`` indexed by run.
    design : DataFrame
        One row per run (indexed by run), a column per knob's qualified name (the ensemble's
        experiments table).
    knobs : sequence of Knob
        The knobs varied (their ranges define the thirds); a knob with ``low == high`` is skipped.
    alpha : float
        Family-wise error rate of the Holm-adjusted tests.
    names : mapping, optional
        Knob field -> name in the sentence (default :data:`DRIVERS`, else the field).

    Returns
    -------
    dict
        ``key, label, kind``; ``overall`` (``runs, cases, share`` or ``runs, median, q05,
        q95``); ``tests``: per knob ``knob, statistic`` (rank-biserial correlation or Spearman's
        rho: the sign is the direction), ``p``, ``p_adjusted``, ``driver`` (bool) and the
        ``lower``/``upper`` thirds; ``drivers``: the knobs found, strongest first; ``sentence``.
    """
    names = dict(DRIVERS if names is None else names)
    runs = h.values.index.intersection(design.index)
    y = h.values.loc[runs].to_numpy()
    y = y.astype(bool) if h.kind == "event" else y.astype(float)
    o = _overall(Headline(h.key, h.label, h.kind, pd.Series(y, index=runs), h.unit, h.scale))
    varied = [k for k in knobs if k.high > k.low and k.name in design.columns]
    out = {"key": h.key, "label": h.label, "kind": h.kind, "unit": h.unit, "overall": o, "tests": [], "drivers": []}
    lead = _lead(h, o)
    constant = (not len(y)) or (h.kind == "event" and (y.all() or not y.any())) or (h.kind == "number" and np.ptp(y) == 0)
    if not varied or constant or len(y) < 8:
        why = ("no driver was varied" if not varied else f"only {len(y)} runs" if len(y) < 8 else
               "the same in every run, so no driver can be told to move it")
        out["sentence"] = f"{lead}; {why}."
        return out
    stats_ = [_test(design.loc[runs, k.name].to_numpy(float), y, h.kind) for k in varied]
    adj = holm([p for _, p in stats_])
    for k, (s, p), pa in zip(varied, stats_, adj):
        x = design.loc[runs, k.name].to_numpy(float)
        out["tests"].append({"knob": k.field, "name": names.get(k.field, k.field), "low": k.low, "high": k.high, "statistic": s, "p": p,
                             "p_adjusted": float(pa), "driver": bool(pa < alpha), **_thirds(x, y, k, h.kind, h.scale)})
    ranked = sorted((t for t in out["tests"] if np.isfinite(t["p_adjusted"])), key=lambda t: (t["p_adjusted"], -abs(t["statistic"])))
    out["drivers"] = [t["knob"] for t in ranked if t["driver"]]
    if out["drivers"]:
        first = ranked[0]
        text = f"{lead}; " + _effect(h, first, first["name"])
        more = [t["name"] for t in ranked[1:] if t["driver"]]
        if more:
            text += f"; {' and '.join(more)} also move{'s' if len(more) == 1 else ''} it"
        out["sentence"] = text + "."
    else:
        best = ranked[0] if ranked else None
        tail = f" (the closest, {best['name']}: {_p(best['p_adjusted'])} adjusted)" if best else ""
        out["sentence"] = f"{lead}; no driver moves it detectably in {o['runs']} runs{tail}."
    return out


def attribute_all(headlines: Sequence[Headline], design: pd.DataFrame, knobs: Sequence[Knob], *, alpha: float = ALPHA) -> dict:
    """:func:`attribute` for every headline, with the method and the knobs' ranges (summary.json's ``"drivers"``)."""
    return {
        "method": METHOD,
        "alpha": alpha,
        "knobs": [{"knob": k.field, "name": DRIVERS.get(k.field, k.field), "low": k.low, "high": k.high} for k in knobs],
        "headlines": [attribute(h, design, knobs, alpha=alpha) for h in headlines],
    }


NUMBERS: dict[str, tuple[str, str, float, str]] = {
    "defense_pacts": ("the number of defence pacts in force in {last}", "", 1.0, "last"),
    "largest_bloc": ("the largest defence bloc in {last}", "states", 1.0, "last"),
    "blocs": ("the number of defence blocs in {last}", "", 1.0, "last"),
    "poles": ("the number of poles in {last}", "", 1.0, "last"),
    "wars": ("the number of wars begun {first}–{last}", "", 1.0, "sum"),
    "milex": ("world military expenditure in {last}", "US$ bn", 1e-6, "last"),
}
"""Number headlines read from table ``system``: label, unit, scale (thousand US$ to US$ bn) and how years are reduced."""


def headline_outcomes(
    store,
    *,
    pairs: Sequence[tuple[int, int]] = (),
    agreements: Mapping[str, int] | None = None,
    names: Mapping[int, str] | None = None,
    numbers: Sequence[str] = tuple(NUMBERS),
) -> list[Headline]:
    """The headline outcomes of every completed run of an ensemble.

    Parameters
    ----------
    store : EnsembleStore or folder
    pairs : sequence of (COW code, COW code)
        For each, the event "a defence pact between the two forms by the last year" (they share a
        defence pact at some point of the run, :func:`foedus.analysis.outcomes.outcome`).
    agreements : mapping of name -> agreement id
        For each, the event "NAME has ended by the last year" (it is no longer in force in the
        last year: its last year in force, ``until_year`` of table ``alliances``, is earlier).
    names : mapping of COW code -> name, optional
        States' names in the labels (default: their abbreviations).
    numbers : sequence of str
        Keys of :data:`NUMBERS`: in the last year, defence pacts in force, the largest bloc's
        members, blocs, poles and military expenditure; and the wars begun over the run.

    Returns
    -------
    list of Headline
    """
    from foedus.analysis.ensemble import resolve_state
    from foedus.analysis.ensemble_data import open_ensemble, read
    from foedus.analysis.outcomes import Outcome, outcome

    store = open_ensemble(store)
    first = int(store.manifest["first_year"])
    last = first + int(store.manifest["years"]) - 1
    runs = pd.Index(np.asarray(store.completed(), dtype=np.int64), name="run")
    out: list[Headline] = []
    for a, b in pairs:
        na, nb = ((names or {}).get(int(c)) or resolve_state(store, int(c))[1] for c in (a, b))
        oc = Outcome(f"defense {a} {b} by {last}", "pair", "by", last, (str(a), str(b)), "defense")
        out.append(Headline(f"pact {na}-{nb}", f"a {na}–{nb} defence pact forms by {last}", "event", outcome(store, oc).reindex(runs, fill_value=False)))
    if agreements:
        sp = read(store, "alliances", ["agreement_id", "until_year"])
        for name, aid in agreements.items():
            until = sp[sp["agreement_id"] == int(aid)].groupby("run")["until_year"].max().reindex(runs)
            out.append(Headline(f"{name} ends", f"{name} has ended by {last}", "event", pd.Series((until.fillna(first - 1) < last).to_numpy(), index=runs)))
    if numbers:
        t = store.read_table("system", columns=["year", *numbers])
        for key in numbers:
            label, unit, scale, how = NUMBERS[key]
            v = t.groupby("run")[key].sum() if how == "sum" else t[t["year"] == last].set_index("run")[key]
            out.append(Headline(key, label.format(first=first, last=last), "number", v.reindex(runs).astype(float), unit, scale))
    return out
