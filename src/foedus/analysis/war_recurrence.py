"""Who begins wars and how often a pair fights again, in the record and in a run (onset20; issue 12, issue 17's War).

Two measures of the war onsets, the same for the COW record and a simulated history:

- :func:`repeated_onsets`: the share of war onsets whose pair began another war in the ``window`` years before
  (the recurrence Werner 1999 and Fortna 2004 study; a standard duration term since Beck, Katz & Tucker 1998).
- :func:`initiator_outcomes`: the record's initiators (COW ``initiator`` codes, the initiating dyads with one coded
  initiator, :func:`foedus.analysis.war_onsets.initiator_dyads`), their bilateral capability share (CINC) and whether
  they won (COW ``outcome`` 1) or lost (2): Bueno de Mesquita (1981) holds that a state begins a war only when it expects
  to gain; Reiter & Stam (2002) that initiators win most of their wars.

What they said in session 20 (the record, COW inter-state wars v4; onset20): initiators held the larger capability in 0.70
of the initiating dyads of 1816-1914 and 0.44 of 1946-1989 (won 0.67 and 0.33, lost 0.31 and 0.19); 0.35 of the
1946-1989 initiators held less than a fifth of the pair's capability; onsets that repeat a war the pair began in the ten
years before, 0.03 of 1816-1914's and 0.27 of 1946-1989's (by onset weight), none of 1990-2007's nine. Main 0915ded's
record-built runs (seeds 1-3, unweighted): 0.09 of 1946-1989's onsets and 0.10 of 1990-2017's (26.7 onsets a run against
the record's nine), initiators the stronger in 0.67 and 0.73 (the record's 0.44 and 0.79): the repeats the session-19 audit
saw (China and Taiwan, Syria and Israel) are no more frequent than the record's in sample, and the excess after 1990 is in
the number of onsets, not in their repetition.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from foedus.analysis.war_onsets import initiator_dyads
from foedus.data.conflict import read_wars
from foedus.data.paths import default_data_dir

__all__ = ["initiator_outcomes", "repeated_onsets"]


def repeated_onsets(onsets: pd.DataFrame, window: int = 10) -> float:
    """Share of war onsets (weighted by ``weight`` if present) whose pair began a war in the ``window`` years before.

    ``onsets`` has ``year``, ``ccode1``, ``ccode2`` (either order: the pair is unordered) and optionally ``weight`` (the
    record's ``1 / k`` of a war with ``k`` initiating dyads, :func:`foedus.analysis.war_onsets.initiating_dyads`'s
    ``onset``). Two onsets of a pair in one year do not repeat each other. NaN for no onsets.

    Examples
    --------
    >>> df = pd.DataFrame({"year": [1990, 1995, 2001, 2020], "ccode1": [710, 713, 710, 2], "ccode2": [713, 710, 713, 20]})
    >>> repeated_onsets(df)
    0.5
    >>> repeated_onsets(df, window=5)
    0.25
    """
    if not len(onsets):
        return float("nan")
    a = np.minimum(onsets["ccode1"].to_numpy(int), onsets["ccode2"].to_numpy(int))
    b = np.maximum(onsets["ccode1"].to_numpy(int), onsets["ccode2"].to_numpy(int))
    w = onsets["weight"].to_numpy(float) if "weight" in onsets else np.ones(len(onsets))
    df = pd.DataFrame({"year": onsets["year"].to_numpy(int), "a": a, "b": b, "w": w})
    # each pair's distinct onset years, and the one before each (a pair's two onsets of one year are not a repeat)
    py = df[["a", "b", "year"]].drop_duplicates().sort_values(["a", "b", "year"])
    py["before"] = py.groupby(["a", "b"])["year"].shift(1)
    df = df.merge(py, on=["a", "b", "year"], how="left")
    repeat = (df["year"] - df["before"] <= window).to_numpy()
    return float((df["w"].to_numpy() * repeat).sum() / df["w"].sum())


def initiator_outcomes(data_dir: Path | None = None, *, first: int = 1816, last: int = 2010) -> pd.DataFrame:
    """The record's initiators: ``warnum, year, initiator, target, share`` (the initiator's CINC over the pair's), ``won``, ``lost``.

    One row per initiating dyad with exactly one coded initiator (:func:`foedus.analysis.war_onsets.initiator_dyads`);
    ``won`` and ``lost`` are the initiator's COW outcome codes 1 and 2 (the others: compromise, stalemate, transformed).
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    dy = initiator_dyads(d, first=first, last=last)
    wars = read_wars(d / "peacesciencer" / "cow_war_inter.csv").drop_duplicates(["warnum", "ccode1", "ccode2"]).set_index(["warnum", "ccode1", "ccode2"])
    first_init = dy["initiated"].to_numpy() == 1
    init = np.where(first_init, dy["ccode1"], dy["ccode2"])
    targ = np.where(first_init, dy["ccode2"], dy["ccode1"])
    outcome = wars.loc[list(zip(dy["warnum"], init, targ)), "outcome1"].to_numpy()
    dlog = np.where(first_init, 1.0, -1.0) * dy["log_capability"].to_numpy(float)
    return pd.DataFrame({
        "warnum": dy["warnum"].to_numpy(int), "year": dy["year"].to_numpy(int), "initiator": init.astype(int), "target": targ.astype(int),
        "share": 1.0 / (1.0 + np.exp(-dlog)), "won": outcome == 1, "lost": outcome == 2,
    })
