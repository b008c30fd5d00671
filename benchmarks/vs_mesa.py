"""Benchmark: foedus against a Mesa implementation of the same alignment procedures (the peer ABM library).

Run from the project root (on demand; not collected by pytest; Mesa comes with the ``bench`` extra,
``pip install '.[bench]'``, not with foedus)::

    .venv/bin/python benchmarks/vs_mesa.py [--runs 20] [--years 20] [--seed 1] [--scenario world-2022|synthetic:N]

The peer is :mod:`benchmarks.mesa_model`: foedus's alignment step (exits, the choice among every
form of pact and every accession, the partner's consent, the co-founders, the members' vote)
written with Mesa's Agent/Model API, one agent per state and per alliance, each procedure a method
that mirrors one foedus function and calls the same :mod:`foedus.theory` formulas per agent, on the
reduced ``world-2022`` scenario (66 states; :func:`mesa_model.reduced_scenario`). foedus runs its
unchanged engine with the same active steps (:func:`mesa_model.reduced_steps`: ``alignment`` and
``record``; every other step switched off, so capabilities, threats and wars stay those of the
starting world). ``--scenario synthetic:N`` reduces a synthetic world of N states instead (the peer's
pairwise loops grow as N^2 in Python).

What is measured, in one process, one core each:

1. **Same rules** (not timed), alliance for alliance (members and obligations of every alliance in
   force, every year, for ``--check-years``) and event for event (formations, accessions, exits,
   dissolutions: year, kind and states):

   - *deterministic limit*: ``consider_rate = 1`` and ``exit_rate = 0`` (every state reconsiders,
     no one leaves: nothing is left to a draw), each side with its own generator;
   - *every rate in play*: the scenario's own rates (and again with ``consider_rate = 1``,
     ``exit_rate = 1``), the peer drawing from foedus's stream for the same seed, draw for draw
     (:class:`mesa_model.SharedStream`; both draw in the same order), so both make the same random
     choices.

2. **Speed**: ``--runs`` runs of ``--years`` years on each side (foedus with seeds
   ``run_seed(seed, r)``, Mesa with seeds ``seed * 1000 + r`` from its own ``random``), wall time
   including building each run's world; an untimed warm-up first (a whole foedus run, which loads
   numba's cached kernels; a short Mesa run). The two are timed over the same minutes of this
   shared machine, in ``--repeats`` interleaved rounds (5): each round times foedus's whole batch
   of runs (deterministic, so every round does the same work) and then a fifth of Mesa's runs.
   ``speedup_vs_mesa`` = Mesa's total time / foedus's mean batch, like for like: both keep the same
   outputs (``--outputs tables``, the default: every state's row every year, as foedus's ``record``
   step and the peer's DataCollector agent reporters; the alliance counts; every event with its
   year, kind and states; ``--outputs counts`` drops the states' rows on both sides), and the Mesa
   peer records no explanation of its events, so foedus runs with ``explain=False`` (every event
   logged, its motive decomposition not built). ``speedup_vs_mesa_with_explanations`` times the same foedus
   runs again with every event explained (foedus's default).
3. **Same outcomes**, across runs with independent streams, on two outcomes per year: the number of
   alliances in force and the number of memberships in them.

   - *Difference tests*: a two-sample Kolmogorov-Smirnov test per outcome and year, Holm's
     correction over all of them (Holm 1979), and a Mann-Whitney U test of each run's mean
     number of alliances; ``indistinguishable`` is 1 when no corrected p-value falls below 0.05.
   - *Equivalence test*: not rejecting a difference is not showing sameness, so each run's
     mean number of alliances (over its years) is also tested for equivalence within a margin
     of ±5 % of the two implementations' pooled mean, by two one-sided Welch t-tests (TOST,
     Schuirmann 1987); ``equivalent_within_5pct`` is 1 when both reject at 0.05
     (``tost_p`` is the larger p-value).

Other engineers share this 2-core machine while it runs, so absolute times are pessimistic;
the ratio is measured side by side and is less affected (print ``uptime`` beside it).

The last lines printed are the headline figures as ``name: value``; the last is
``speedup_vs_mesa: X``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.stats import ks_2samp, mannwhitneyu
from scipy.stats import t as t_dist

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mesa_model import AllianceModel, reduced_scenario, reduced_steps

from foedus.experiments.runner import run_seed
from foedus.sim import Simulation

RECORD_STATES = True
"""Whether both sides keep each state's row every year (foedus's ``record`` step; the peer's DataCollector
agent reporters), as foedus's runs do; ``--outputs counts`` sets it False (the counts and events only)."""


def foedus_run(sc, seed: int, years: int, explain: bool = False) -> tuple[np.ndarray, np.ndarray, float]:
    """One foedus run: alliances in force and their memberships at the end of each year, and its wall time.

    ``explain=False`` by default: like the Mesa peer, which records no explanation of its
    events, foedus then logs every event without building its motive decomposition.
    """
    counts, memb = [], []

    def count(world, rng) -> None:
        ag = world.state.agreements
        counts.append(len(ag.in_force(kind=0, domain=0)))
        memb.append(int(ag.members[ag.in_force(kind=0, domain=0)].sum()))

    t0 = time.perf_counter()
    steps = reduced_steps()
    if not RECORD_STATES:
        del steps["record"]
    sim = Simulation(sc, rng=seed, explain=explain, steps=steps)
    sim.steps["count"] = count
    sim.run(years)
    return np.array(counts), np.array(memb), time.perf_counter() - t0


def mesa_run(sc, seed: int, years: int) -> tuple[np.ndarray, np.ndarray, float]:
    """One Mesa run: the DataCollector's alliances and memberships per year, and its wall time."""
    t0 = time.perf_counter()
    model = AllianceModel(sc, seed=seed, record_states=RECORD_STATES)
    for _ in range(years):
        model.step()
    df = model.datacollector.get_model_vars_dataframe()
    return df["alliances"].to_numpy(), df["memberships"].to_numpy(), time.perf_counter() - t0


def holm(p: np.ndarray) -> np.ndarray:
    """Holm's step-down adjusted p-values (Holm 1979)."""
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    m = len(p)
    adj = np.maximum.accumulate((m - np.arange(m)) * p[order])
    out = np.empty(m)
    out[order] = np.minimum(adj, 1.0)
    return out


def tost(a: np.ndarray, b: np.ndarray, margin: float) -> float:
    """p-value of the two one-sided Welch t-tests that |mean(a) - mean(b)| < margin (Schuirmann 1987)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se = np.sqrt(va + vb)
    if se == 0:
        return 0.0 if abs(a.mean() - b.mean()) < margin else 1.0
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    d = a.mean() - b.mean()
    p_lower = t_dist.sf((d + margin) / se, df)  # H0: d <= -margin
    p_upper = t_dist.cdf((d - margin) / se, df)  # H0: d >= +margin
    return float(max(p_lower, p_upper))


def alliance_sets_foedus(world) -> set:
    """The alliances in force: (members' COW codes, obligations) of each."""
    ag = world.state.agreements
    return {(frozenset(world.inputs.ccode[ag.members[a]].tolist()), tuple(ag.obligations[a].tolist())) for a in ag.in_force(kind=0, domain=0)}


def alliance_sets_mesa(model) -> set:
    return {(frozenset(s.ccode for s in al.members), tuple(al.obligations.tolist())) for al in model.alliances}


def event_counts_foedus(world) -> Counter:
    """The run's events as a multiset of (year, kind, ccode, ccode2) (-1: none)."""
    ev = world.log.events_table()
    cols = [ev[c].fillna(-1).astype(int).tolist() for c in ("ccode", "ccode2")]
    return Counter(zip(ev["year"].astype(int).tolist(), ev["kind"].tolist(), *cols))


def event_counts_mesa(model) -> Counter:
    return Counter((y, kind, c, c2) for y, kind, _, c, c2 in model.events)


def same_rules(sc, years: int, label: str, seed: int = 0, shared: bool = False, **update) -> bool:
    """One check of item 1: the same alliances (members and obligations) every year and the same events; prints both series of counts."""
    det = sc.model_copy(update={"parameters": sc.parameters.model_copy(update=update)})
    sim = Simulation(det, rng=seed, explain=False, steps=reduced_steps())
    model = AllianceModel(det, seed=seed, shared_draws=shared)
    same = alliance_sets_foedus(sim.world) == alliance_sets_mesa(model)
    fa, ma, first = [], [], None
    for y in range(years):
        sim.step()
        model.step()
        f, m = alliance_sets_foedus(sim.world), alliance_sets_mesa(model)
        fa.append(len(f))
        ma.append(len(m))
        if f != m and first is None:
            first = (det.start_year + y, len(f - m), len(m - f))
        same &= f == m
    ef, em = event_counts_foedus(sim.world), event_counts_mesa(model)
    kinds = sorted({k for _, k, _, _ in ef} | {k for _, k, _, _ in em})
    print(f"same rules, {label}, {years} years: alliances foedus {fa}")
    print(f"{'':>{len(label) + 24}}mesa   {ma}")
    print(f"  same alliances (members and obligations) every year: {same}" + ("" if first is None else f" (first difference {first[0]}: {first[1]} only in foedus, {first[2]} only in Mesa)"))
    print(f"  same events (year, kind, states): {ef == em}; " + ", ".join(f"{k} {sum(v for e, v in ef.items() if e[1] == k)}/{sum(v for e, v in em.items() if e[1] == k)}" for k in kinds))
    return bool(same and ef == em)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20, help="runs per implementation")
    ap.add_argument("--years", type=int, default=20, help="simulated years per run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check-years", type=int, default=10, help="years of the deterministic same-rules check")
    ap.add_argument("--repeats", type=int, default=5, help="interleaved rounds: foedus's whole batch, then a slice of Mesa's runs")
    ap.add_argument(
        "--scenario",
        default="world-2022",
        help="base scenario to reduce: a built-in name, or synthetic:N for a synthetic world of N states (foedus.testing)",
    )
    ap.add_argument(
        "--outputs",
        choices=("tables", "counts"),
        default="tables",
        help="what each run keeps: tables (default; every state's row every year, the alliance counts and the events, as foedus's runs) or counts (the counts and events only)",
    )
    args = ap.parse_args()
    global RECORD_STATES
    RECORD_STATES = args.outputs == "tables"

    if args.scenario.startswith("synthetic:"):
        from foedus.testing import synthetic_scenario

        n = int(args.scenario.split(":", 1)[1])
        base = synthetic_scenario(n, seed=args.seed, years=args.years, alliances=n // 3, spread_km=12000.0)
    else:
        base = args.scenario
    sc = reduced_scenario(base, years=args.years)
    print(f"scenario: {sc.name}, {len(sc.actors)} states, {len(sc.agreements)} security agreements at the start")

    # 1. same rules: the deterministic limit, then every random rate in play with shared draws
    deterministic = [
        same_rules(sc, args.check_years, "consider_rate 1, exit_rate 0, own generators", seed=0, consider_rate=1.0, exit_rate=0.0),
        same_rules(sc, args.check_years, f"the scenario's rates, shared draws (seed {args.seed})", seed=args.seed, shared=True),
        same_rules(sc, args.check_years, "consider_rate 1, exit_rate 1, shared draws (seed 0)", seed=0, shared=True, consider_rate=1.0, exit_rate=1.0),
    ]

    # 2. speed (after an untimed warm-up of both)
    # (a whole run each way: the first call of each compiled kernel loads it from numba's cache)
    for explain in (False, True):
        foedus_run(sc, 0, args.years, explain=explain)
    mesa_run(sc, 0, 2)
    # Interleaved rounds, so that both implementations are timed over the same minutes of this
    # shared machine: each round runs foedus's whole batch (the --runs seeds; the runs are
    # deterministic, so every round does the same work) and then the next slice of Mesa's runs.
    load = [os.getloadavg()[0]]
    f_counts, m_counts, f_memb, m_memb, m_times = [], [], [], [], []
    f_batches, fe_batches = [], []
    mesa_slices = np.array_split(np.arange(args.runs), args.repeats)
    for k, mesa_slice in enumerate(mesa_slices):
        t_batch = 0.0
        for r in range(args.runs):
            c, x, t = foedus_run(sc, run_seed(args.seed, r), args.years)
            t_batch += t
            if k == 0:
                f_counts.append(c)
                f_memb.append(x)
        f_batches.append(t_batch)
        # the same runs with every event explained (foedus's default, which Mesa's peer does not do)
        fe_batches.append(sum(foedus_run(sc, run_seed(args.seed, r), args.years, explain=True)[2] for r in range(args.runs)))
        for r in mesa_slice:
            c, x, t = mesa_run(sc, args.seed * 1000 + int(r), args.years)
            m_counts.append(c)
            m_memb.append(x)
            m_times.append(t)
        load.append(os.getloadavg()[0])
    f_counts, m_counts = np.array(f_counts), np.array(m_counts)
    f_memb, m_memb = np.array(f_memb), np.array(m_memb)
    mt = float(np.sum(m_times))
    ft = float(np.mean(f_batches))  # foedus's mean batch of --runs runs, over the rounds
    fe = float(np.mean(fe_batches))
    print(f"load average (1 min) at the start and after each round: {', '.join(f'{v:.1f}' for v in load)}")
    print(f"foedus batches (s), one per round: {', '.join(f'{b:.2f}' for b in f_batches)}; mean {ft:.2f}")
    print(f"foedus with explanations: {args.runs} runs x {args.years} years in {fe:.2f} s (mean of {args.repeats} rounds)")
    print(f"foedus: {args.runs} runs x {args.years} years in {ft:.2f} s ({1000 * ft / (args.runs * args.years):.1f} ms per simulated year)")
    print(f"mesa:   {args.runs} runs x {args.years} years in {mt:.2f} s ({1000 * mt / (args.runs * args.years):.1f} ms per simulated year)")

    # 3. same outcomes
    p_count = np.array([ks_2samp(f_counts[:, t], m_counts[:, t]).pvalue for t in range(args.years)])
    p_memb = np.array([ks_2samp(f_memb[:, t], m_memb[:, t]).pvalue for t in range(args.years)])
    p_holm = holm(np.concatenate([p_count, p_memb]))
    p_mw = float(mannwhitneyu(f_counts.mean(axis=1), m_counts.mean(axis=1)).pvalue)
    mean_f, mean_m = f_counts.mean(axis=1), m_counts.mean(axis=1)
    margin = 0.05 * float(np.concatenate([mean_f, mean_m]).mean())
    p_tost = tost(mean_f, mean_m, margin)
    print("year  alliances: foedus median [5-95 %]  mesa median [5-95 %]  KS p | memberships: foedus  mesa  KS p")
    for t in range(0, args.years, max(1, args.years // 5)):
        fq = np.quantile(f_counts[:, t], [0.05, 0.5, 0.95])
        mq = np.quantile(m_counts[:, t], [0.05, 0.5, 0.95])
        fx, mx = np.median(f_memb[:, t]), np.median(m_memb[:, t])
        print(
            f"{sc.start_year + t}  {fq[1]:6.1f} [{fq[0]:.0f}-{fq[2]:.0f}]              {mq[1]:6.1f} [{mq[0]:.0f}-{mq[2]:.0f}]"
            f"          {p_count[t]:.3f} | {fx:9,.0f} {mx:9,.0f}  {p_memb[t]:.3f}"
        )
    print(
        f"alliances in force, mean over each run's years: foedus {mean_f.mean():.1f}, mesa {mean_m.mean():.1f}, "
        f"difference {mean_f.mean() - mean_m.mean():+.2f}; equivalence margin ±{margin:.1f} (5 %), TOST p = {p_tost:.3g}"
    )
    indistinguishable = bool(p_holm.min() >= 0.05 and p_mw >= 0.05)

    print(f"same_rules_deterministic: {int(deterministic[0])}")
    print(f"same_rules_shared_draws: {int(all(deterministic[1:]))}")
    print(f"ks_min_p_holm: {p_holm.min():.3f}")
    print(f"mannwhitney_p_mean_alliances: {p_mw:.3f}")
    print(f"indistinguishable: {int(indistinguishable)}")
    print(f"tost_p: {p_tost:.3g}")
    print(f"equivalent_within_5pct: {int(p_tost < 0.05)}")
    print(f"speedup_vs_mesa_with_explanations: {mt / fe:.1f}")
    print(f"foedus_seconds: {ft:.2f}")
    print(f"mesa_seconds: {mt:.2f}")
    print(f"speedup_vs_mesa: {mt / ft:.1f}")


if __name__ == "__main__":
    main()
