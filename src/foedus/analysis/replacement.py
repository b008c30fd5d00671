"""Treaties replaced by a new one of the same pair, and bilateral pacts signed inside a multilateral one (issue 12; issue 17 item 4).

ATOP codes a renewal written as a new treaty, or a replacement, as a new alliance and the old one as ended (Leeds &
Savun 2007 count renegotiation and replacement among the ways alliances end). :func:`replacement_pact_years` lists the
years each bilateral alliance was in force after its first, whether a new bilateral alliance of the same pair began then,
and the factors of :func:`foedus.theory.replacement.replacement_probability` (defence, a term's end within a year);
:func:`fit_replacement` is the maximum-likelihood fit of that probability's rate; :func:`inside_multilateral` the
bilateral alliances begun by a pair that already shared a multilateral one only, by the kind of that multilateral pact.

ATOP 5.1, pact-years of bilateral alliances in force (the record; ``tools/replacement_fit.py`` prints them):

=============  ==========  ============  ========  ===========================================
era            pact-years  replacements  per year  at a term's end / between term ends
=============  ==========  ============  ========  ===========================================
1816-1914      470         3             0.0064    0 of 57 / 3 of 413
1946-1989      3,408       31            0.0091    22 of 364 (0.060) / 9 of 3,044 (0.0030)
1990-2018      7,870       62            0.0079    19 of 2,324 (0.0082) / 43 of 5,546 (0.0078)
=============  ==========  ============  ========  ===========================================

(1990-2018 is out of sample: printed, not fitted.) Bilateral alliances begun inside a multilateral pact only
(:func:`inside_multilateral`): 1816-1914 13 of 75 (8 inside a defence pact; all of 3-10 members); 1946-1989 32 of 216
(20 inside a non-aggression pact, the Arab League's and the Warsaw Pact's kind, 12 inside a defence pact; 25 inside one of
eleven members or more), 31 more beside a bilateral pact of the pair; 1990-2018 123 of 296 (122 inside non-aggression pacts
of eleven members or more). In 1946-1989 the hazard rises with the pact's age (0.0025 a year in its first four years, 0.019 after twenty) because
its terms end then; defence pacts are replaced 0.016 a year, others 0.0028; the old pact ended within a year of the new
one's signature in 30 of the 31.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.analysis.formation import begun_founders, primary_obligation
from foedus.schema import History
from foedus.theory.replacement import term_end_near
from foedus.theory.treaty_terms import term_end_after

__all__ = ["fit_replacement", "inside_multilateral", "replacement_pact_years"]


def _alliance_members(history: History) -> tuple[pd.DataFrame, pd.Series]:
    ag = history.alliances().set_index("agreement_id")
    m = history.memberships[history.memberships["agreement_id"].isin(ag.index)]
    return ag, m.groupby("agreement_id")["ccode"].apply(lambda s: tuple(sorted(set(s.tolist()))))


def replacement_pact_years(history: History, terms: pd.DataFrame | None = None, last: int | None = None) -> pd.DataFrame:
    """One row per year a bilateral alliance is in force after its signature's year (to ``last``, default its end).

    Columns ``agreement_id``, ``year``, ``age`` (years since signature), ``defence`` (ATOP ``defense``), ``obligation``
    (:func:`foedus.analysis.formation.primary_obligation`), ``term_end`` (one of its stated terms ends within a year:
    :func:`foedus.theory.replacement.term_end_near`; ``terms``: :func:`foedus.data.atop.read_atop_terms`, indexed by
    ``atopid``, with ``term_years`` and ``renewal_years``; None: no terms known, all False) and ``replaced`` (a new
    alliance whose founders are the same two states only began that year). A bilateral alliance is one whose members
    were two states over its life.
    """
    ag, members = _alliance_members(history)
    pairs = members[members.map(len) == 2]
    f, _ = begun_founders(history, -10**6, 10**6)
    founders = f.groupby("agreement_id")["ccode"].apply(lambda s: tuple(sorted(set(s.tolist()))))
    start = ag["start_year"].astype(int)
    new = {(p, int(start[a])) for a, p in founders.items() if len(p) == 2}
    new_ids: dict[tuple, list[int]] = {}
    for a, p in founders.items():
        if len(p) == 2:
            new_ids.setdefault((p, int(start[a])), []).append(int(a))
    end = pd.to_numeric(ag["end_year"], errors="coerce").fillna(ag["observed_until"].astype(float))
    obl = pd.Series(primary_obligation(ag.reset_index()), index=ag.index)
    tt = terms.reindex(pairs.index) if terms is not None else None
    rows = []
    for a, p in pairs.items():
        s = int(start[a])
        stop = int(end[a]) if last is None else min(int(end[a]), last)
        years = np.arange(s + 1, stop + 1)
        if not len(years):
            continue
        ty = float(tt.at[a, "term_years"]) if tt is not None and pd.notna(tt.at[a, "term_years"]) else 0.0
        ry = float(tt.at[a, "renewal_years"]) if tt is not None and pd.notna(tt.at[a, "renewal_years"]) and tt.at[a, "renewal_years"] > 0 else ty
        te = term_end_after(np.full(len(years), s), np.full(len(years), ty), np.full(len(years), ry), years.astype(float))
        near = term_end_near(te, np.full(len(years), ry if ry > 0 else np.nan), np.full(len(years), s), years.astype(float))
        rep = [(p, int(y)) in new and any(b != a and start[b] > s for b in new_ids[(p, int(y))]) for y in years]
        rows.append(pd.DataFrame({"agreement_id": a, "year": years, "age": years - s, "defence": bool(ag.at[a, "defense"]),
                                  "obligation": obl[a], "term_end": near, "replaced": rep}))
    cols = ["agreement_id", "year", "age", "defence", "obligation", "term_end", "replaced"]
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame(columns=cols)


def fit_replacement(rows: pd.DataFrame, iterations: int = 50) -> tuple[np.ndarray, np.ndarray]:
    """Maximum-likelihood fit of :func:`foedus.theory.replacement.replacement_probability` on ``rows`` of
    :func:`replacement_pact_years`: a binomial model with the complementary log-log link,
    ``P(replaced) = 1 - exp(-h)``, ``log h = b0 + b1 defence + b2 term_end`` (the rate of a Poisson process over the year);
    returns ``exp(b)`` (base rate per pact-year, defence ratio, term-end ratio) and the standard errors of ``b``
    (iteratively reweighted least squares)."""
    x = np.c_[np.ones(len(rows)), rows["defence"].astype(float), rows["term_end"].astype(float)]
    y = rows["replaced"].astype(float).to_numpy()
    if y.sum() == 0:
        raise ValueError("fit_replacement: no replacement in the rows")
    b = np.array([np.log(y.mean()), 0.0, 0.0])
    for _ in range(iterations):
        eta = x @ b
        h = np.exp(eta)
        mu = -np.expm1(-h)
        d = h * np.exp(-h)  # dmu / deta
        w = d * d / np.maximum(mu * (1.0 - mu), 1e-300)
        b = np.linalg.solve(x.T @ (x * w[:, None]), x.T @ (w * (eta + (y - mu) / d)))
    h = np.exp(x @ b)
    mu, d = -np.expm1(-h), h * np.exp(-h)
    cov = np.linalg.inv(x.T @ (x * (d * d / (mu * (1.0 - mu)))[:, None]))
    return np.exp(b), np.sqrt(np.diag(cov))


def inside_multilateral(history: History, first: int, last: int, min_begun_id: int | None = None) -> pd.DataFrame:
    """The bilateral alliances begun in ``first..last`` and what already bound their two founders in their first year.

    One row per alliance begun by two founders: ``agreement_id``, ``year``, ``tie`` ("bilateral": a bilateral alliance of the
    pair was in force, "multilateral": only an alliance of three members or more, "none"), and for "multilateral" the kind of
    the largest such pact: ``multilateral_obligation`` (its strongest obligation) and ``multilateral_size`` (its members over
    its life).
    """
    f, _ = begun_founders(history, first, last, min_begun_id)
    ag, members = _alliance_members(history)
    obl = pd.Series(primary_obligation(ag.reset_index()), index=ag.index)
    m = history.memberships[history.memberships["agreement_id"].isin(ag.index)]
    exit_ = pd.to_numeric(m["exit_year"], errors="coerce").astype(float).fillna(np.inf)
    out = []
    for a, g in f.groupby("agreement_id"):
        cc = sorted(set(g["ccode"].tolist()))
        if len(cc) != 2:
            continue
        y = int(g["year"].iloc[0])
        live = m[(m["entry_year"] < y) & (exit_ >= y) & (m["agreement_id"] != a)]
        common = set(live.loc[live["ccode"] == cc[0], "agreement_id"]) & set(live.loc[live["ccode"] == cc[1], "agreement_id"])
        size = {c: len(members[c]) for c in common}
        tie = "none" if not common else ("bilateral" if min(size.values()) == 2 else "multilateral")
        big = max(common, key=lambda c: (size[c], c)) if tie == "multilateral" else None
        out.append({"agreement_id": a, "year": y, "tie": tie, "multilateral_obligation": obl[big] if big is not None else None,
                    "multilateral_size": size[big] if big is not None else 0})
    return pd.DataFrame(out, columns=["agreement_id", "year", "tie", "multilateral_obligation", "multilateral_size"])
