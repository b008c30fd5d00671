"""Which pairs of states an ensemble report draws by default: those on which the runs disagree.

Split from :mod:`foedus.report.ensemble` (which re-exports both functions) to keep that module small.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def pair_movement(table: pd.DataFrame) -> float:
    """How much a pair's probability of alliance moves over the years: its range (max - min), 0 for a flat line."""
    p = table["probability"].to_numpy(dtype=float)
    p = p[np.isfinite(p)]
    return float(p.max() - p.min()) if p.size else 0.0


def moving_pairs(ensemble, n: int = 3, *, obligation: str | None = "defense") -> list[tuple[int, int]]:
    """The pairs worth drawing by default: those on which the runs disagree, and whose share moves.

    A report that is not told which pairs to show should not show a flat line (in ``world-2022``,
    China and the United States are allied in no run in any year), nor a step every run takes
    in the same year (a scheduled accession). This looks at every pair that includes a major
    power (a state coded major in any run) and shares an alliance in at least one run and year,
    and computes for each year the share ``p`` of runs in which the pair is allied that year (as
    :func:`foedus.analysis.ensemble.pair_allied` does). Pairs whose ``p`` never changes are
    left out; the others are ranked by how much the runs disagree, the mean over the years of
    ``p (1 - p)`` (the variance of "allied" across runs; 0 when every run agrees), then by the
    range of ``p`` over the years, its last-year value and the COW codes (a stable order). The
    figures then draw :func:`~foedus.analysis.ensemble.pair_allied` of the pairs chosen.

    Parameters
    ----------
    ensemble : EnsembleStore or folder
    n : int
        At most this many pairs.
    obligation : {"defense", None}
        Defence pacts only (default) or any alliance, as in ``pair_allied``.

    Returns
    -------
    list of (int, int)
        COW codes ``(a, b)`` with ``a < b``, the first ranked first; empty when no pair moves.
    """
    from foedus.analysis.ensemble import open_ensemble
    from foedus.analysis.indicators import expand_ranges

    store = open_ensemble(ensemble)
    first = int(store.manifest["first_year"])
    last = first + int(store.manifest["years"]) - 1
    runs = len(store.completed())
    st = store.read_table("states", columns=["ccode", "major"])
    majors = np.unique(st.loc[st["major"].astype(bool), "ccode"].to_numpy())
    sp = store.read_table("alliances", columns=["agreement_id", "kind", "defense", "ccode", "entry_year", "exit_year"])
    sp = sp[(sp["kind"] == "alliance") & (sp["defense"].astype(bool) if obligation == "defense" else True)]
    cols = ["run", "agreement_id", "ccode", "entry_year", "exit_year"]
    both = sp.loc[sp["ccode"].isin(majors), cols].merge(sp[cols], on=["run", "agreement_id"], suffixes=("_a", "_b"))
    both = both[both["ccode_a"] != both["ccode_b"]]
    lo = np.maximum(np.maximum(both["entry_year_a"], both["entry_year_b"]).to_numpy(np.int64), first)
    hi = np.minimum(np.minimum(both["exit_year_a"], both["exit_year_b"]).to_numpy(np.int64), last)
    ok = lo <= hi
    if not runs or not ok.any():
        return []
    a = np.minimum(both["ccode_a"], both["ccode_b"]).to_numpy(np.int64)[ok]
    b = np.maximum(both["ccode_a"], both["ccode_b"]).to_numpy(np.int64)[ok]
    rows, yr = expand_ranges(lo[ok], hi[ok])
    allied = pd.DataFrame({"run": both["run"].to_numpy(np.int64)[ok][rows], "a": a[rows], "b": b[rows], "year": yr}).drop_duplicates()
    share = (allied.groupby(["a", "b", "year"]).size() / runs).unstack("year").reindex(columns=range(first, last + 1), fill_value=0.0).fillna(0.0)
    rank = pd.DataFrame({"spread": (share * (1.0 - share)).mean(axis=1), "move": share.max(axis=1) - share.min(axis=1),
                         "end": share[last]}, index=share.index).reset_index()
    rank = rank[rank["move"] > 0].sort_values(["spread", "move", "end", "a", "b"], ascending=[False, False, False, True, True], kind="mergesort")
    return [(int(x), int(y)) for x, y in zip(rank["a"].head(n), rank["b"].head(n))]
