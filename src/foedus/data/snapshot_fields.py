"""How each field of a :class:`~foedus.data.snapshot.Snapshot` is taken from its record.

The record files a snapshot reads (:data:`FILES`), each parsed by its one reader in
:mod:`foedus.data` (:data:`READERS`: the same readers the importer uses) and kept for the life of
the process (:func:`table`); the carry-forward window and the latest value per state or dyad
(see :mod:`foedus.data.snapshot`); and one builder per field or group of fields, each returning
the values and the ``sources`` text that says which file and year(s) they came from. No model
logic, only data.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

from foedus.data.atop import ATOP_LAST_YEAR, read_atop_alliances, read_atop_members
from foedus.data.conflict import read_rivalries, read_wars
from foedus.data.cow import read_majors, read_nmc, read_states
from foedus.data.cyber import DCID_FILE, DCID_FIRST_YEAR, DCID_LAST_YEAR, read_dcid
from foedus.data.economy import read_gdp_population, read_sipri_milex, read_trade
from foedus.data.geography import contiguous_pairs, great_circle_km, read_capitals, read_contiguity, read_min_distance
from foedus.data.regime import read_democracy, read_ideal_points
from foedus.schema import SchemaError

FILES: dict[str, str] = {
    "states": "peacesciencer/cow_states.csv",
    "majors": "peacesciencer/cow_majors.csv",
    "nmc": "peacesciencer/cow_nmc.csv",
    "capitals": "peacesciencer/cow_capitals.csv",
    "contdir": "peacesciencer/cow_contdir.csv",
    "td": "peacesciencer/td_rivalries.csv",
    "tss": "peacesciencer/tss_rivalries.csv",
    "wars": "peacesciencer/cow_war_inter.csv",
    "sipri": "milex/sipri_milex_2013_2022.csv",
    "gdppop": "economy/cw_gdppop.csv.gz",
    "democracy": "regime/cw_democracy.csv",
    "mindist": "distance/cow_mindist.csv.gz",
    "trade": "trade/cow_trade_ndy.csv.gz",
    "unga": "unvotes/unga_idealpoints_jul2025.csv.gz",
    "dcid": DCID_FILE,
    "atop_a": "atop/atop5_1a.csv",
    "atop_m": "atop/atop5_1m.csv",
}
"""Record files a snapshot reads, relative to the data folder (``../shared/data`` layout)."""

READERS: dict[str, Callable[[Path], pd.DataFrame]] = {
    "states": read_states,
    "majors": read_majors,
    "nmc": read_nmc,
    "capitals": read_capitals,
    "contdir": read_contiguity,
    "td": read_rivalries,
    "tss": read_rivalries,
    "wars": read_wars,
    "sipri": read_sipri_milex,
    "gdppop": read_gdp_population,
    "democracy": read_democracy,
    "mindist": read_min_distance,
    "trade": read_trade,
    "unga": read_ideal_points,
    "dcid": read_dcid,
    "atop_a": read_atop_alliances,
    "atop_m": read_atop_members,
}
"""The one reader of each file in :data:`FILES` (the importer, :func:`foedus.data.load_record`, uses the same)."""

GBP_USD_PARITY = 4.8665
"""US$ per pound sterling at the classical gold-standard mint parity (Officer 1996), used to put NMC
``milex`` of 1816–1913 (thousands of £) into US$."""

STATES_LAST_YEAR = 2016
"""Last year of the COW State System Membership List v2016 (and of the major-power list)."""

CYBER_WINDOW = 10
"""``Snapshot.cyber_incidents`` counts incidents that started in ``[year − 10, year]``."""

TD_LAST_YEAR = 2010
"""Thompson & Dreyer (2012) code ongoing rivalries as ending in 2010; later years use TSS (2021)."""

WARS_DOMAIN = (1816, 2007)
"""First and last years COW Inter-State War Data 4.0 covers (Sarkees & Wayman 2010): a window of years outside them is not
in the record (no war there is not evidence of peace)."""

SIPRI_CITATION = "SIPRI Military Expenditure Database 2024, https://www.sipri.org/databases/milex"


@lru_cache(maxsize=None)
def _load(key: str, path: str) -> pd.DataFrame:
    """Parse one record file with its reader; cached on (kind, resolved path)."""
    return READERS[key](Path(path))


def table(data_dir: Path, key: str) -> pd.DataFrame:
    """The table of record file ``key`` (:data:`FILES`) under ``data_dir``, read once per process.

    Raises
    ------
    SchemaError
        If the file is missing (naming it) or does not fit its reader.
    """
    p = (Path(data_dir) / FILES[key]).resolve()
    if not p.is_file():
        raise SchemaError(str(p), f"file not found (snapshot needs {FILES[key]} under the data folder)")
    return _load(key, str(p))


# --------------------------------------------------------------------------- helpers


def window(year: int, last_year: int, carry: bool, max_carry: int) -> tuple[int, int]:
    """Years ``[lo, ref]`` a record may supply for ``year`` (see the module docstring)."""
    if not carry:
        return year, year
    ref = min(year, last_year)
    return ref - max_carry, ref


def latest_by_state(df: pd.DataFrame, col: str, ccodes: np.ndarray, lo: int, ref: int) -> tuple[np.ndarray, np.ndarray]:
    """Per state, the latest non-missing ``col`` in years ``lo..ref``: (values, years; −1 = none)."""
    sub = df.loc[df["year"].between(lo, ref) & df[col].notna() & df["ccode"].isin(ccodes), ["ccode", "year", col]]
    last = sub.sort_values("year", kind="stable").drop_duplicates("ccode", keep="last").set_index("ccode")
    vals = last[col].reindex(ccodes).to_numpy(dtype=float)
    yrs = last["year"].reindex(ccodes).fillna(-1).to_numpy(dtype=np.int64)
    return vals, yrs


def _latest_by_dyad(df: pd.DataFrame, col: str, ccodes: np.ndarray | None, lo: int, ref: int) -> pd.DataFrame:
    """Per non-directed dyad (among ``ccodes``; all if None), the latest non-missing ``col`` in years ``lo..ref``."""
    yr = df["year"].to_numpy()
    a, b = np.searchsorted(yr, [lo, ref + 1]) if df["year"].is_monotonic_increasing else (0, len(df))
    sub = df.iloc[a:b]
    keep = sub["year"].between(lo, ref) & sub[col].notna()
    if ccodes is not None:
        keep &= sub["ccode1"].isin(ccodes) & sub["ccode2"].isin(ccodes)
    sub = sub.loc[keep]
    return sub.sort_values("year", kind="stable").drop_duplicates(["ccode1", "ccode2"], keep="last")


def _fill_symmetric(n: int, pos: pd.Series, dy: pd.DataFrame, col: str, fill: float) -> np.ndarray:
    """An (n, n) matrix with ``dy[col]`` at (ccode1, ccode2) and (ccode2, ccode1)."""
    m = np.full((n, n), fill, dtype=float)
    i = pos.reindex(dy["ccode1"]).to_numpy(dtype=np.int64)
    j = pos.reindex(dy["ccode2"]).to_numpy(dtype=np.int64)
    v = dy[col].to_numpy(dtype=float)
    m[i, j] = v
    m[j, i] = v
    return m


def describe(file: str, yrs: np.ndarray, unit: str = "states", note: str = "") -> str:
    """``file (2022)`` or ``file (2022: 38 states; 2017–2021: 2; no value: 1)``."""
    yrs = np.asarray(yrs)
    have = yrs[yrs >= 0]
    missing = int((yrs < 0).sum())
    extra = f"; {note}" if note else ""
    if have.size == 0:
        return f"{file} (no value in the years allowed{extra})"
    top = int(have.max())
    n_top = int((have == top).sum())
    parts = [f"{top}" + (f": {n_top} {unit}" if n_top < yrs.size else "")]
    older = have[have < top]
    if older.size:
        parts.append(f"{int(older.min())}–{int(older.max())}: {older.size}" if older.min() < older.max() else f"{int(older.min())}: {older.size}")
    if missing:
        parts.append(f"no value: {missing}")
    return f"{file} ({'; '.join(parts)}{extra})"


def system_members(states: pd.DataFrame, year: int, at_year_end: bool = False) -> pd.DataFrame:
    """COW system members in ``year``; after 2016 the members at the end of 2016 (as peacesciencer does).

    With ``at_year_end``, only those still members on 31 December (so Bavaria, Baden and
    Württemberg, absorbed into Germany on 18 January 1871, are not members at the end of 1871).
    """
    y = min(year, STATES_LAST_YEAR)
    end = states["end_year"].astype("float64")  # an open spell (<NA>) lasts past every year
    still = end.isna()
    keep = (states["start_year"] <= y) & (still | (end >= y))
    if at_year_end and "end_month" in states.columns:
        on_31_dec = (states["end_month"].astype("float64") == 12) & (states["end_day"].astype("float64") == 31)
        keep &= still | (end > y) | on_31_dec
    return states.loc[keep].drop_duplicates("ccode")


def record_years(d: Path) -> dict[str, tuple[int, int]]:
    """First and last year of the state-year records that bound a valid snapshot year."""
    out = {}
    for key, file in (("nmc", FILES["nmc"]), ("democracy", FILES["democracy"]), ("unga", FILES["unga"])):
        df = table(d, key)
        out[file] = (int(df["year"].min()), int(df["year"].max()))
    return out


# --------------------------------------------------------------------------- field builders


def check_members(codes: np.ndarray, states: pd.DataFrame, members: pd.DataFrame, year: int, at_year_end: bool = False) -> None:
    """Raise ValueError for codes not in the COW list or not among ``members``, listing their membership spells."""
    known = np.isin(codes, states["ccode"].to_numpy())
    if not known.all():
        bad = codes[~known].tolist()
        raise ValueError(f"unknown COW code(s) {bad}: not in {FILES['states']} (COW State System v2016)")
    absent = codes[~np.isin(codes, members["ccode"].to_numpy())]
    if absent.size:
        sp = states[states["ccode"].isin(absent)]
        spells = sp.groupby("ccode").apply(
            lambda g: f"{g['abb'].iloc[0]} {', '.join(f'{a}–{b}' for a, b in zip(g['start_year'], g['end_year'].fillna(STATES_LAST_YEAR)))}",
            include_groups=False,
        )
        desc = "; ".join(f"{c} ({spells[c]})" for c in absent.tolist())
        when = f"at the end of {year}" if at_year_end else f"in {year}"
        raise ValueError(f"not COW system members {when}: {desc} ({FILES['states']})")


def milex_usd_m(d, nmc, codes, year, carry, max_carry, lo_n, ref_n):
    """Military expenditure per state, **million US$**, its year per state (−1: none) and its source.

    SIPRI's figure (million constant-2022 US$) where SIPRI has one in the window, otherwise NMC
    ``milex`` (thousands of current US$; of £ before 1914, converted at :data:`GBP_USD_PARITY`)
    divided by 1000. This is the one place where the record's spending changes unit.
    """
    sipri = table(d, "sipri")
    lo_s, ref_s = window(year, int(sipri["year"].max()), carry, max_carry)
    s_val, s_yr = latest_by_state(sipri, "milex_const2022_usd_m", codes, lo_s, ref_s)
    n_val, n_yr = latest_by_state(nmc, "milex", codes, lo_n, ref_n)
    n_usd = n_val / 1000.0 * np.where((n_yr >= 0) & (n_yr <= 1913), GBP_USD_PARITY, 1.0)
    use_s = ~np.isnan(s_val)
    use_n = ~use_s & ~np.isnan(n_usd)
    val = np.where(use_s, s_val, n_usd)
    yrs = np.where(use_s, s_yr, np.where(use_n, n_yr, -1))
    parts = []
    if use_s.any():
        parts.append(describe(FILES["sipri"], np.where(use_s, s_yr, -1)[use_s]) + f", constant 2022 US$, {int(use_s.sum())} states; {SIPRI_CITATION}")
    if use_n.any():
        pounds = use_n & (n_yr <= 1913)
        conv = f"; £ converted at {GBP_USD_PARITY} US$/£ for {int(pounds.sum())}" if pounds.any() else ""
        parts.append(describe(FILES["nmc"], n_yr[use_n]) + f", milex/1000 current US$, {int(use_n.sum())} states{conv}")
    missing = int((~use_s & ~use_n).sum())
    if missing:
        parts.append(f"no value: {missing} states")
    return val, yrs, " | ".join(parts)


def capitals(d, codes, year):
    """Capital latitude and longitude per state (degrees): the spell in force in ``year``, else the nearest."""
    cap = table(d, "capitals")
    c = cap.loc[cap["ccode"].isin(codes)]
    c = c.assign(st=pd.to_datetime(c["start_date"], format="%Y-%m-%d"), en=pd.to_datetime(c["end_date"], format="%Y-%m-%d"))
    y0, y1 = pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31)
    gap = np.maximum.reduce([
        ((c["st"] - y1).dt.days).clip(lower=0).to_numpy(),
        ((y0 - c["en"]).dt.days).clip(lower=0).to_numpy(),
    ])
    c = c.assign(gap=gap, neg_st=-(c["st"].astype("int64")))
    best = c.sort_values(["gap", "neg_st"], kind="stable").drop_duplicates("ccode").set_index("ccode").reindex(codes)
    lat, lon = best["lat"].to_numpy(dtype=float), best["lng"].to_numpy(dtype=float)
    outside = int((best["gap"] > 0).sum())
    missing = int(best["lat"].isna().sum())
    note = []
    if outside:
        note.append(f"nearest spell for {outside} states whose capital spells miss {year}")
    if missing:
        note.append(f"no capital: {missing}")
    return lat, lon, f"{FILES['capitals']} (capital in force in {year}" + ("; " + "; ".join(note) if note else "") + ")"


def distance_km(d, codes, pos, year, carry, max_carry, lat, lon):
    """Minimum distance between each pair, km: CShapes where it has a figure, capitals' great circle otherwise."""
    n = codes.size
    md = table(d, "mindist")
    lo, ref = window(year, int(md["year"].iloc[-1]), carry, max_carry)
    dy = _latest_by_dyad(md, "mindist", codes, lo, ref)
    dist = _fill_symmetric(n, pos, dy, "mindist", np.nan)
    np.fill_diagonal(dist, 0.0)
    gap = np.isnan(dist)
    n_pairs = n * (n - 1) // 2
    n_gc = int(np.triu(gap, 1).sum())
    if gap.any():
        gc = great_circle_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
        dist = np.where(gap, gc, dist)
    yrs = dy["year"].to_numpy()
    if yrs.size:
        span = f"{int(yrs.max())}" if yrs.min() == yrs.max() else f"{int(yrs.min())}–{int(yrs.max())}, mostly {int(pd.Series(yrs).mode().iloc[0])}"
        head = f"{FILES['mindist']} ({span}; CShapes minimum distance for {n_pairs - n_gc} of {n_pairs} pairs"
    else:
        head = f"{FILES['mindist']} (no CShapes figure for {year}: the record covers 1886–{int(md['year'].iloc[-1])}"
    tail = f"; capital great-circle distance for {n_gc} pairs, {FILES['capitals']})" if n_gc else ")"
    return dist, head + tail


def contiguous(d, codes, pos, year, carry, max_type):
    """Boolean (N, N): COW direct contiguity of type 1..``max_type`` in force in ``year`` (symmetric)."""
    n = codes.size
    cd = table(d, "contdir")
    last = int(cd["end_year"].max())
    ref = min(year, last) if carry else year
    pairs = contiguous_pairs(cd, ref, max_type)
    sub = pairs.loc[pairs["ccode1"].isin(codes) & pairs["ccode2"].isin(codes)]
    m = np.zeros((n, n), dtype=bool)
    i = pos.reindex(sub["ccode1"]).to_numpy(dtype=np.int64)
    j = pos.reindex(sub["ccode2"]).to_numpy(dtype=np.int64)
    m[i, j] = True
    m |= m.T
    if year > last and not carry:
        return m, f"{FILES['contdir']} (not covered after {last})"
    return m, f"{FILES['contdir']} ({ref}; types 1–{max_type})".replace("types 1–1", "type 1, land")


def trade(d, codes, pos, year, carry, max_carry):
    """Dyadic trade, **million current US$** (N, N), each row state's dependence on each partner, and their sources."""
    n = codes.size
    tr = table(d, "trade")
    last = int(tr["year"].max())
    lo, ref = window(year, last, carry, max_carry)
    every = _latest_by_dyad(tr, "total", None, lo, ref)
    dy = every.loc[every["ccode1"].isin(codes) & every["ccode2"].isin(codes)]
    trade = _fill_symmetric(n, pos, dy, "total", np.nan)
    np.fill_diagonal(trade, 0.0)
    # each state's total: the sum of its dyadic trade with every partner in the record
    tot = (
        pd.concat([every[["ccode1", "total"]].set_axis(["ccode", "total"], axis=1), every[["ccode2", "total"]].set_axis(["ccode", "total"], axis=1)])
        .groupby("ccode")["total"].sum()
        .reindex(codes)
        .to_numpy(dtype=float)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        dep = np.where(tot[:, None] > 0, trade / tot[:, None], np.nan)
    np.fill_diagonal(dep, 0.0)
    yrs = dy["year"].to_numpy()
    n_pairs = n * (n - 1) // 2
    if yrs.size:
        span = f"{int(yrs.max())}" if yrs.min() == yrs.max() else f"{int(yrs.min())}–{int(yrs.max())}"
        t_src = f"{FILES['trade']} ({span}; {len(dy)} of {n_pairs} pairs have a figure; COW Trade 4.0 covers 1870–{last})"
        d_src = f"trade_usd_m / the row state's trade with all partners in {FILES['trade']} ({span}) (Barbieri 1996 trade share)"
    else:
        t_src = f"{FILES['trade']} (no figure for {year}; COW Trade 4.0 covers 1870–{last})"
        d_src = f"{FILES['trade']} (no figure for {year})"
    return trade, dep, t_src, d_src


def rivalry(d, codes, pos, year, carry, *, spatial: bool = False):
    """Boolean (N, N): strategic rivalry in ``year`` (Thompson & Dreyer to 2010, TSS after), and its source.

    ``spatial``: only the rivalries coded spatial (over territory: :func:`foedus.theory.war_onset_issues.issueless_rivalry`)."""
    n = codes.size
    if year <= TD_LAST_YEAR:
        key, ref = "td", year
    else:
        key = "tss"
        last = int(table(d, "tss")["end_year"].max())
        ref = min(year, last) if carry else year
    rv = table(d, key)
    if spatial:
        rv = rv.loc[rv["spatial"].astype(bool)]
    sub = rv.loc[(rv["start_year"] <= ref) & (rv["end_year"] >= ref) & rv["ccode1"].isin(codes) & rv["ccode2"].isin(codes)]
    m = np.zeros((n, n), dtype=bool)
    i = pos.reindex(sub["ccode1"]).to_numpy(dtype=np.int64)
    j = pos.reindex(sub["ccode2"]).to_numpy(dtype=np.int64)
    m[i, j] = True
    m |= m.T
    last = int(rv["end_year"].max())
    if ref > last:
        return m, f"{FILES[key]} (not covered after {last})"
    return m, f"{FILES[key]} ({ref}{'; ongoing rivalries carried forward' if ref < year else ''})"


def rivalry_ended(d, codes, pos, year):
    """Float (N, N): the year each pair's last strategic rivalry ended *before* ``year`` (Thompson & Dreyer to 2010, TSS after),
    NaN where none did, and its source: the memory of the conflicts a record-built world inherits, which
    :func:`foedus.theory.settlement.rivalry_memory` discounts (Gibler 1996: settlement treaties follow the end of a rivalry)."""
    n = codes.size
    key = "td" if year <= TD_LAST_YEAR else "tss"
    rv = table(d, key)
    last = int(rv["end_year"].max())  # TSS codes a rivalry still going when it stops (2020) as ending then: not an end
    sub = rv.loc[(rv["end_year"] < min(year, last)) & rv["ccode1"].isin(codes) & rv["ccode2"].isin(codes), ["ccode1", "ccode2", "end_year"]]
    out = np.full((n, n), -np.inf)
    i = pos.reindex(sub["ccode1"]).to_numpy(dtype=np.int64)
    j = pos.reindex(sub["ccode2"]).to_numpy(dtype=np.int64)
    np.maximum.at(out, (i, j), sub["end_year"].to_numpy(dtype=float))
    out = np.maximum(out, out.T)
    return np.where(np.isfinite(out), out, np.nan), f"{FILES[key]} (rivalries ended before {year})"


def years_since_war(d, codes, pos, year: int, window: int) -> tuple[np.ndarray | None, str]:
    """Float (N, N): years from the last year each pair fought each other (COW inter-state wars) to ``year``, for the wars
    fought in ``[year - window, year]`` (0: fighting in ``year``), NaN for the pairs that did not; None where the window is
    not within :data:`WARS_DOMAIN` (the record cannot say). Also the source."""
    lo, hi = WARS_DOMAIN
    if year - window < lo or year > hi:
        return None, f"{FILES['wars']} (window {year - window}-{year} outside the record's {lo}-{hi})"
    n = codes.size
    w = table(d, "wars")
    sub = w.loc[w["year"].between(year - window, year) & w["ccode1"].isin(codes) & w["ccode2"].isin(codes), ["ccode1", "ccode2", "year"]]
    last = np.full((n, n), -1, dtype=np.int64)
    np.maximum.at(last, (pos.reindex(sub["ccode1"]).to_numpy(dtype=np.int64), pos.reindex(sub["ccode2"]).to_numpy(dtype=np.int64)), sub["year"].to_numpy(dtype=np.int64))
    last = np.maximum(last, last.T)
    out = np.where(last >= 0, float(year) - last, np.nan)
    return out, f"{FILES['wars']} (wars fought {year - window}-{year})"


def cyber_incidents(d, codes, pos, year):
    """Integer (N, N): DCID incidents ``i`` initiated against ``j`` starting in ``[year − CYBER_WINDOW, year]``."""
    n = codes.size
    raw = table(d, "dcid")
    lo = year - CYBER_WINDOW
    sub = raw.loc[
        raw["target"].notna() & raw["year"].between(lo, year) & raw["year"].between(DCID_FIRST_YEAR, DCID_LAST_YEAR)
        & raw["initiator"].isin(codes) & raw["target"].isin(codes)
    ]
    m = np.zeros((n, n), dtype=np.int64)
    np.add.at(m, (pos.reindex(sub["initiator"]).to_numpy(dtype=np.int64), pos.reindex(sub["target"].astype("int64")).to_numpy(dtype=np.int64)), 1)
    a, b = max(lo, DCID_FIRST_YEAR), min(year, DCID_LAST_YEAR)
    if a > b:
        return m, f"{FILES['dcid']} (window {lo}–{year} outside DCID's {DCID_FIRST_YEAR}–{DCID_LAST_YEAR}: all 0)"
    return m, f"{FILES['dcid']} (incidents starting {a}–{b}, window {lo}–{year}; {int(m.sum())} incidents)"


def alliances(d, codes, year, carry):
    """ATOP alliances in force in ``year`` with at least two of the states (see :func:`~foedus.data.snapshot.snapshot`)."""
    al = table(d, "atop_a")
    mem = table(d, "atop_m")
    if year > ATOP_LAST_YEAR and not carry:
        return [], f"{FILES['atop_a']} (not covered after {ATOP_LAST_YEAR})"
    if year > ATOP_LAST_YEAR:
        a_in = al.loc[al["end_year"].isna()]
        m_in = mem.loc[mem["exit_year"].isna()]
        src = f"{FILES['atop_a']} + {FILES['atop_m']} (in force at the end of {ATOP_LAST_YEAR}, carried forward to {year})"
    else:
        a_in = al.loc[(al["start_year"] <= year) & (al["end_year"].isna() | (al["end_year"] >= year))]
        m_in = mem.loc[(mem["entry_year"] <= year) & (mem["exit_year"].isna() | (mem["exit_year"] >= year))]
        src = f"{FILES['atop_a']} + {FILES['atop_m']} ({year})"
    m_in = m_in.loc[m_in["agreement_id"].isin(a_in["agreement_id"]), ["agreement_id", "ccode"]].drop_duplicates()
    n_all = m_in.groupby("agreement_id").size()
    rank = pd.Series(np.arange(codes.size), index=codes)
    ours = m_in.loc[m_in["ccode"].isin(codes)].assign(rank=lambda x: rank.reindex(x["ccode"]).to_numpy())
    ours = ours.sort_values(["agreement_id", "rank"])
    lists = ours.groupby("agreement_id")["ccode"].agg(list)
    lists = lists[lists.map(len) >= 2]
    rows = a_in.set_index("agreement_id").reindex(lists.index)
    out = [
        {
            "atopid": int(aid),
            "members": [int(c) for c in lists[aid]],
            "n_members": int(n_all[aid]),
            "defense": bool(r.defense),
            "offense": bool(r.offense),
            "neutrality": bool(r.neutrality),
            "nonaggression": bool(r.nonaggression),
            "consultation": bool(r.consultation),
            "start_year": int(r.start_year),
        }
        for aid, r in zip(lists.index, rows.itertuples(index=False))
    ]
    return out, src + f"; {len(out)} alliances with at least two of the states"
