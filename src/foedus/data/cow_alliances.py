"""COW Formal Alliances v4.1 (Gibler 2009), read from a file the user supplies.

foedus never ships these data: the data set's maintainer asks that software not redistribute
them, and that users download and process them themselves (see ``../shared/data/README.md``,
"Terms of use", quoting peacesciencer's deprecation notice). Download
``alliance_v4.1_by_member.csv`` from the Correlates of War Project and pass it with
``foedus data import DIR --cow-alliances FILE`` (or ``load_record(..., cow_alliances=FILE)``).

Mapping into the canonical tables (:mod:`foedus.schema`):

* one ``agreements`` row per ``version4id``, kind ``"alliance"``, ``source`` =
  :data:`COW_SOURCE`, ``agreement_id`` = :data:`COW_ALLIANCE_ID_OFFSET` + ``version4id`` (so
  that COW and ATOP ids never collide); obligations are those of any member: ``defense``,
  ``neutrality``, ``nonaggression``, and ``entente`` read as ATOP's ``consultation``. COW codes
  neither offence pacts, conditionality nor wartime formation: those are False.
  ``asymmetric`` is True when members' obligations differ; ``bilateral`` when the alliance has
  two members.
* one ``memberships`` row per row of the file (phase 0), with the member's own dates
  (``mem_st_*``, ``mem_end_*``; the alliance's dates ``all_*`` when a file lacks them).
* Right-censoring: the data end on 31 December 2012 (:data:`COW_ALLIANCE_LAST_YEAR`). An
  alliance or membership with no end date, with ``right_censor == 1``, or (in a file without
  ``right_censor``) with an end year of 2012 or later was in force when the data end:
  ``end_year``/``exit_year`` is ``<NA>`` and ``observed_until`` is 2012.

COW's ``-9`` (unknown day or month) and ``0`` become missing.

Citation: Gibler, Douglas M. 2009. *International Military Alliances, 1648-2008*. CQ Press.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from foedus.data.csvio import read_csv, validate_at
from foedus.schema import SchemaError

COW_SOURCE = "COW Formal Alliances v4.1"
"""``source`` of agreements read from the COW alliance file."""

COW_ALLIANCE_LAST_YEAR = 2012
"""Last year observed by COW Formal Alliances v4.1 (data end 31 Dec 2012)."""

COW_ALLIANCE_ID_OFFSET = 100_000
"""Added to ``version4id`` to make ``agreement_id`` (ATOP's atopids run from 1001 to 7050)."""

REQUIRED = [
    "version4id", "ccode", "all_st_day", "all_st_month", "all_st_year", "all_end_day", "all_end_month", "all_end_year",
    "defense", "neutrality", "nonaggression", "entente",
]
_OBLIGATIONS = {"defense": "defense", "neutrality": "neutrality", "nonaggression": "nonaggression", "entente": "consultation"}


def _part(s: pd.Series) -> pd.Series:
    """A day or month: ``-9`` (unknown) and ``0`` become missing; non-numbers stay for validation."""
    num = pd.to_numeric(s, errors="coerce")
    return s.mask(num.isin([-9, 0]))


def _year(s: pd.Series) -> pd.Series:
    num = pd.to_numeric(s, errors="coerce")
    return s.mask(num.isin([-9]))


def read_cow_alliances(
    path: Path | str, known_ccodes: Iterable[int] | None = None, last_year: int = COW_ALLIANCE_LAST_YEAR
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read ``alliance_v4.1_by_member.csv`` into canonical ``agreements`` and ``memberships``.

    Parameters
    ----------
    path
        The publisher's member-level file (a user's own download; never bundled).
    known_ccodes
        COW state codes to accept for members; any other is rejected ("unknown state code").
    last_year
        Last year the data observe (2012 for v4.1).

    Returns
    -------
    (agreements, memberships), validated against :mod:`foedus.schema`.

    Raises
    ------
    SchemaError
        Missing column, wrong type, exit before entry, unknown state code, duplicate member,
        or alliance dates that differ between rows of the same ``version4id``; always with
        the file, the line and the column.
    """
    src = str(path)
    raw = read_csv(path, REQUIRED)
    lines = np.arange(2, len(raw) + 2)
    has_mem = all(f"mem_{a}_{b}" in raw.columns for a in ("st", "end") for b in ("day", "month", "year"))
    pre = "mem" if has_mem else "all"
    right = pd.to_numeric(raw["right_censor"], errors="coerce") == 1 if "right_censor" in raw.columns else None

    def censored(end_year: pd.Series, flag: pd.Series | None) -> pd.Series:
        y = pd.to_numeric(end_year, errors="coerce")
        if flag is not None:
            return y.isna() | flag.to_numpy() | (y > last_year)
        return y.isna() | (y >= last_year)

    exit_open = censored(_year(raw[f"{pre}_end_year"]), right)
    members = pd.DataFrame(
        {
            "agreement_id": raw["version4id"],
            "ccode": raw["ccode"],
            "phase": 0,
            "entry_year": _year(raw[f"{pre}_st_year"]),
            "entry_month": _part(raw[f"{pre}_st_month"]),
            "entry_day": _part(raw[f"{pre}_st_day"]),
            "exit_year": _year(raw[f"{pre}_end_year"]).mask(exit_open),
            "exit_month": _part(raw[f"{pre}_end_month"]).mask(exit_open),
            "exit_day": _part(raw[f"{pre}_end_day"]).mask(exit_open),
        }
    )
    memberships = validate_at(members, "memberships", src, known_ccodes=known_ccodes)
    memberships["agreement_id"] = memberships["agreement_id"] + COW_ALLIANCE_ID_OFFSET

    dates = ["all_st_day", "all_st_month", "all_st_year", "all_end_day", "all_end_month", "all_end_year"]
    ident = raw["version4id"].astype(str)
    first = ~ident.duplicated().to_numpy()
    as_text = raw[dates].astype("string").fillna("")
    reference = as_text[first].set_index(ident[first])
    differs = (as_text.to_numpy() != reference.loc[ident].to_numpy())
    if differs.any():
        i, j = np.argwhere(differs)[0]
        raise SchemaError(src, f"alliance dates differ between members of version4id {ident.iloc[i]}", row=int(lines[i]), column=dates[j])

    obligations = pd.DataFrame({o: pd.to_numeric(raw[o], errors="coerce") for o in _OBLIGATIONS})
    bad = obligations.isna().to_numpy() | ~obligations.isin([0, 1]).to_numpy()
    if bad.any():
        i, j = np.argwhere(bad)[0]
        raise SchemaError(src, f"expected 0/1, got {raw[list(_OBLIGATIONS)[j]].iloc[i]!r}", row=int(lines[i]), column=list(_OBLIGATIONS)[j])
    grouped = obligations.groupby(memberships["agreement_id"].to_numpy(), sort=False)
    any_ob = grouped.max()
    asym = (grouped.nunique() > 1).any(axis=1)
    n_members = memberships.groupby("agreement_id", sort=False)["ccode"].nunique()

    head = raw[first]
    alliance_right = None
    if right is not None:
        alliance_right = right.groupby(ident.to_numpy(), sort=False).max().loc[ident[first].to_numpy()]
    end_open = censored(_year(head["all_end_year"]), alliance_right)
    ids = memberships["agreement_id"][first].to_numpy()
    agreements = pd.DataFrame(
        {
            "agreement_id": ids,
            "kind": "alliance",
            "name": pd.NA,
            "start_year": _year(head["all_st_year"]).to_numpy(),
            "start_month": _part(head["all_st_month"]).to_numpy(),
            "start_day": _part(head["all_st_day"]).to_numpy(),
            "end_year": _year(head["all_end_year"]).mask(end_open).to_numpy(),
            "end_month": _part(head["all_end_month"]).mask(end_open).to_numpy(),
            "end_day": _part(head["all_end_day"]).mask(end_open).to_numpy(),
            "observed_until": last_year,
            **{canon: any_ob.loc[ids, cow].to_numpy() for cow, canon in _OBLIGATIONS.items()},
            "offense": False,
            "conditional": False,
            "bilateral": (n_members.loc[ids] == 2).to_numpy(),
            "asymmetric": asym.loc[ids].to_numpy(),
            "institutionalised": pd.NA,
            "wartime": False,
            "source": COW_SOURCE,
        }
    )
    agreements = validate_at(agreements, "agreements", src, lines=lines[first])
    return agreements, memberships
