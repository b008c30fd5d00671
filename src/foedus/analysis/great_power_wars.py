"""Wars between great powers, per pair of great powers and year: the same count on the record and on a run.

``gp_war_onsets_per_gp_pair_year`` (a fact of :mod:`foedus.analysis.eras`): the inter-state wars
begun in an era that had a great power on each side, over the pair-years of great powers of the
era. A war counts once, in its first year, if some state that was a COW major power (Correlates
of War state system, ``state_years.major``) in the year it entered fought on side 1 and another on
side 2 at some point of the war (its participants, :func:`foedus.analysis.war_allies.war_participants`:
COW inter-state wars in the record, the ``war``, ``commitment`` and ``war_entry`` events in a run).
The denominator sums ``k (k - 1) / 2`` over the era's years, ``k`` the great powers of the year.
Both stop at the last year of the COW war data (:data:`foedus.analysis.war_onsets.WAR_RECORD_LAST_YEAR`),
as ``war_onsets_per_state_year`` does.

The record (COW wars 4.0, COW majors): 1816-1914 the Crimean War (1853, Britain and France against
Russia), the Austro-Sardinian (1859, France against Austria), the Seven Weeks' (1866), the
Franco-Prussian (1870), the Russo-Japanese (1904) and the First World War (1914); 1919-1938
Changkufeng (1938, the Soviet Union and Japan); 1946-1989 Korea (1950, China against the United
States, Britain and France); 1990-2007 none. Great-power war became rare after 1815 (Levy 1983,
*War in the Modern Great Power System, 1495-1975*: the frequency of war among the great powers fell
over the five centuries while its severity rose); a simulator that starts a war
between two great powers every few years of 1900-1913 misreads the era.

References
----------
Levy, J. S. 1983. *War in the Modern Great Power System, 1495-1975*. Lexington: University Press of Kentucky.
Sarkees, M. R. and F. Wayman. 2010. *Resort to War: 1816-2007*. Washington, DC: CQ Press.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from foedus.analysis.capabilities import state_years_filled
from foedus.schema import History

_F, _L = 1816, 2010

__all__ = ["great_power_war_counts", "entry_restraint_dyads", "estimate_entry_restraint", "EntryRestraintFit"]


def great_power_war_counts(history: History, participants: pd.DataFrame, first: int, last: int) -> tuple[int, float]:
    """(wars begun in ``first..last`` with a great power on each side, great-power pair-years of ``first..last``).

    ``participants``: :func:`foedus.analysis.war_allies.war_participants` of ``history`` (``war``,
    ``ccode``, ``side``, ``entry_year``, ``war_start``). A participant is a great power if it was a
    major power in its entry year (:func:`foedus.analysis.capabilities.state_years_filled`).

    Examples
    --------
    Two great powers (2, 200) and a minor (70) over two years; one war with a great power on each side:

    >>> from types import SimpleNamespace
    >>> sy = pd.DataFrame({"ccode": [2, 200, 70] * 2, "year": [1900] * 3 + [1901] * 3, "cinc": 0.1, "major": [True, True, False] * 2, "tier": "major"})
    >>> h = SimpleNamespace(first_year=1900, last_year=1901, state_years=sy)
    >>> p = pd.DataFrame({"war": [0, 0, 0, 1, 1], "ccode": [2, 70, 200, 2, 70], "side": [1, 2, 2, 1, 2], "entry_year": [1900, 1900, 1901, 1901, 1901], "war_start": [1900, 1900, 1900, 1901, 1901]})
    >>> great_power_war_counts(h, p, 1900, 1901)
    (1, 2.0)
    """
    if last < first:
        return 0, 0.0
    sy = state_years_filled(history)
    sy = sy[(sy["year"] >= first) & (sy["year"] <= last) & sy["major"].to_numpy(dtype=bool)]
    k = sy.groupby("year")["ccode"].nunique().to_numpy(dtype=float)
    pair_years = float((k * (k - 1.0) / 2.0).sum())
    p = participants[(participants["war_start"] >= first) & (participants["war_start"] <= last)]
    if not len(p):
        return 0, pair_years
    major = set(zip(sy["ccode"].tolist(), sy["year"].tolist()))
    great = np.fromiter(((c, y) in major for c, y in zip(p["ccode"].tolist(), p["entry_year"].tolist())), bool, len(p))
    sides = p[great].groupby("war")["side"].nunique()
    return int((sides >= 2).sum()), pair_years


def entry_restraint_dyads(data_dir=None) -> pd.DataFrame:
    """The record's defence allies of attacked states: ``war, year, target, ally, ally_major, attacker_major, joined``.

    For each COW inter-state war with coded initiators (``initiator1``; Sarkees & Wayman 2010) all on one side, each state
    fighting the initiators in the war's first year (an attacked state) and each of its ATOP defence-pact partners in that
    year (Leeds et al. 2002; peacesciencer's dyad-years) that is neither an initiator nor itself attacked nor fighting for
    the initiators: ``joined`` if it fought in the war (on the attacked side), ``ally_major`` and ``attacker_major`` whether
    the ally and some initiator were COW major powers that year. Each ally counts once a war. The table of
    :func:`estimate_entry_restraint` (:mod:`foedus.theory.war_restraint`).
    """
    from pathlib import Path

    from foedus.analysis.rivalry import _lookup, _year_pairs
    from foedus.analysis.war_allies import participants_from_cow
    from foedus.data.atop import read_atop_dyad_years
    from foedus.data.conflict import read_wars
    from foedus.data.paths import default_data_dir
    from foedus.data.snapshot_fields import table

    d = Path(data_dir) if data_dir is not None else default_data_dir()
    maj = table(d, "majors")
    major = _lookup(_year_pairs(maj.assign(end_year=maj["end_year"].fillna(_L)), _F, _L).assign(major=1.0), "major", _F, _L) == 1
    al = read_atop_dyad_years(d / "peacesciencer" / "atop_alliance.csv.gz")
    al = al[al["defense"].astype(bool)]
    al = pd.concat([al[["year", "ccode1", "ccode2"]], al[["year", "ccode2", "ccode1"]].set_axis(["year", "ccode1", "ccode2"], axis=1)])
    partners = al.groupby(["year", "ccode1"])["ccode2"].apply(set).to_dict()
    wars = read_wars(d / "peacesciencer" / "cow_war_inter.csv")
    part = participants_from_cow(wars)
    coded = set(zip(wars.loc[wars["initiator1"] == 1, "warnum"], wars.loc[wars["initiator1"] == 1, "ccode1"]))
    rows = []
    for w, pw in part.groupby("war"):
        y0 = int(pw["war_start"].iloc[0])
        orig = pw[pw["original"]]
        init = [c for c in orig["ccode"] if (w, c) in coded]
        sides = set(orig.loc[orig["ccode"].isin(init), "side"])
        if not init or len(sides) != 1 or not _F <= y0 <= _L:
            continue
        iside = sides.pop()
        attacked = orig.loc[(orig["side"] != iside), "ccode"].tolist()
        side_of = dict(zip(pw["ccode"], pw["side"]))
        att_major = bool(any(major[y0 - _F, c] for c in init))
        seen: set[int] = set()
        for b in attacked:
            for a in sorted(partners.get((y0, b), set())):
                if a in init or a in attacked or a in seen or side_of.get(a) == iside:
                    continue
                seen.add(a)
                rows.append((int(w), y0, int(b), int(a), bool(major[y0 - _F, a]), att_major, a in side_of))
    return pd.DataFrame(rows, columns=["war", "year", "target", "ally", "ally_major", "attacker_major", "joined"])


class EntryRestraintFit:
    """Firth logit of ``joined`` on ``1, ally_major, attacker_major, both``: coefficients, standard errors, log-likelihoods with and without ``both``."""

    def __init__(self, coefficients, std_errors, loglik: float, loglik_without: float, n: int):
        self.coefficients, self.std_errors = tuple(map(float, coefficients)), tuple(map(float, std_errors))
        self.loglik, self.loglik_without, self.n = float(loglik), float(loglik_without), int(n)

    @property
    def both(self) -> float:
        """The major-major term (an ally and an attacker both great powers)."""
        return self.coefficients[3]

    @property
    def lr(self) -> float:
        """The likelihood-ratio statistic of the major-major term (1 degree of freedom)."""
        return 2.0 * (self.loglik - self.loglik_without)


def estimate_entry_restraint(dyads: pd.DataFrame, years=((1816, 1914), (1946, 1989))) -> EntryRestraintFit:
    """:class:`EntryRestraintFit` of :func:`entry_restraint_dyads` in ``years`` (inclusive spans; the in-sample eras by default)."""
    from foedus.analysis.rivalry import fit_logit

    keep = np.zeros(len(dyads), bool)
    for lo, hi in years:
        keep |= dyads["year"].between(lo, hi).to_numpy()
    s = dyads[keep]
    am, tm = s["ally_major"].to_numpy(bool), s["attacker_major"].to_numpy(bool)
    x = np.column_stack([np.ones(len(s)), am, tm, am & tm]).astype(float)
    y = s["joined"].to_numpy(float)

    def loglik(xx: np.ndarray, b: np.ndarray) -> float:
        eta = xx @ b
        return float((y * eta - np.logaddexp(0.0, eta)).sum())

    b, se = fit_logit(x, y)
    b0, _ = fit_logit(x[:, :3], y)
    return EntryRestraintFit(b, se, loglik(x, b), loglik(x[:, :3], b0), len(s))
