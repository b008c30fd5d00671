"""One year of the historical record as aligned arrays: the starting point of a simulated world.

:func:`snapshot` reads the raw records in ``../shared/data`` (see its README) and returns, for one
year and a set of Correlates of War (COW) states, state-level vectors and dyadic matrices in the
same order, with a ``sources`` entry per field naming the file and the year(s) the figures come
from. :func:`cyber_incident_rates` summarises the DCID 2.0 cyber incidents per directed dyad for
calibrating a cyber step. There is no model logic here, only data.

Records read (cite the publishers, not foedus):

=========================  ==========================================  =============================
field                      file (under the data folder)                citation
=========================  ==========================================  =============================
system, names              ``peacesciencer/cow_states.csv``            COW Project (2017), v2016
major                      ``peacesciencer/cow_majors.csv``            COW Project (2017), v2016
cinc, milper, population   ``peacesciencer/cow_nmc.csv`` (NMC 7.0)     Singer, Bremer & Stuckey (1972)
milex 2013–2022            ``milex/sipri_milex_2013_2022.csv``         SIPRI Milex Database 2024
gdp                        ``economy/cw_gdppop.csv.gz``                Fariss et al. (2022)
democracy                  ``regime/cw_democracy.csv``                 Coppedge et al. (V-Dem); Marshall (2020)
ideal_point                ``unvotes/unga_idealpoints_jul2025.csv.gz`` Bailey, Strezhnev & Voeten (2017)
capitals                   ``peacesciencer/cow_capitals.csv``          Miller (2022)
distance_km                ``distance/cow_mindist.csv.gz``             Schvitz et al. (2022)
contiguous                 ``peacesciencer/cow_contdir.csv`` (v3.2)    Stinnett et al. (2002)
trade                      ``trade/cow_trade_ndy.csv.gz``              Barbieri, Keshk & Pollins (2009)
rivalry                    ``peacesciencer/td_rivalries.csv`` (≤2010),
                           ``peacesciencer/tss_rivalries.csv`` (>2010) Thompson & Dreyer (2012);
                                                                       Thompson, Sakuwa & Suhas (2021)
cyber_incidents            ``cyber/dcid_v2_incidents.csv``             Maness et al. (2022)
alliances                  ``atop/atop5_1a.csv``, ``atop/atop5_1m.csv`` Leeds et al. (2002)
=========================  ==========================================  =============================

The SIPRI file is SIPRI's intellectual property (fair use for non-commercial research, with the
citation "SIPRI Military Expenditure Database 2024, https://www.sipri.org/databases/milex"). This
module only reads it; it never writes it anywhere.

Carrying forward
----------------
Records end in different years (ATOP 2018, trade 2014, CShapes distances 2019, Fariss GDP 2019,
DCID 2020, NMC 2022, V-Dem 2025). With ``carry_forward=True`` each field uses, per state or dyad,
the latest non-missing value in a year ``t`` with ``ref − max_carry ≤ t ≤ ref``, where
``ref = min(year, last year of that record)``. Values older than that window are not used (a
Taiwan UNGA ideal point from 1971 is not a 2022 ideal point). With ``carry_forward=False`` only
values of ``year`` itself are used. ``Snapshot.sources`` says which year(s) each field took and
``Snapshot.source_years`` gives the year per state for state-level fields.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from foedus.data.atop import ATOP_LAST_YEAR, read_atop_alliances, read_atop_members
from foedus.data.csvio import read_csv
from foedus.data.paths import default_data_dir
from foedus.schema import SchemaError, power_tier

FILES: dict[str, str] = {
    "states": "peacesciencer/cow_states.csv",
    "majors": "peacesciencer/cow_majors.csv",
    "nmc": "peacesciencer/cow_nmc.csv",
    "capitals": "peacesciencer/cow_capitals.csv",
    "contdir": "peacesciencer/cow_contdir.csv",
    "td": "peacesciencer/td_rivalries.csv",
    "tss": "peacesciencer/tss_rivalries.csv",
    "sipri": "milex/sipri_milex_2013_2022.csv",
    "gdppop": "economy/cw_gdppop.csv.gz",
    "democracy": "regime/cw_democracy.csv",
    "mindist": "distance/cow_mindist.csv.gz",
    "trade": "trade/cow_trade_ndy.csv.gz",
    "unga": "unvotes/unga_idealpoints_jul2025.csv.gz",
    "dcid": "cyber/dcid_v2_incidents.csv",
    "atop_a": "atop/atop5_1a.csv",
    "atop_m": "atop/atop5_1m.csv",
}
"""Record files read by this module, relative to the data folder (``../shared/data`` layout)."""

FIRST_YEAR = 1816
"""First year a snapshot can be taken: the first year of the COW state system and of NMC."""

EARTH_RADIUS_KM = 6371.0088
"""Mean Earth radius (IUGG arithmetic mean radius R1), km, used by :func:`great_circle_km`."""

GBP_USD_PARITY = 4.8665
"""US$ per pound sterling at the classical gold-standard mint parity (Officer 1996), used to put NMC
``milex`` of 1816–1913 (thousands of £) into US$."""

STATES_LAST_YEAR = 2016
"""Last year of the COW State System Membership List v2016 (and of the major-power list)."""

DCID_FIRST_YEAR, DCID_LAST_YEAR = 2000, 2020
"""Coverage of DCID 2.0 (codebook, July 2022): incidents starting 2000–2020."""

CYBER_WINDOW = 10
"""``Snapshot.cyber_incidents`` counts incidents that started in ``[year − 10, year]``."""

TD_LAST_YEAR = 2010
"""Thompson & Dreyer (2012) code ongoing rivalries as ending in 2010; later years use TSS (2021)."""

SIPRI_CITATION = "SIPRI Military Expenditure Database 2024, https://www.sipri.org/databases/milex"


@dataclass
class Snapshot:
    """The record of one year for ``N`` COW states, as arrays aligned on :attr:`ccodes`.

    State-level attributes are ``(N,)`` arrays and dyadic attributes ``(N, N)`` arrays whose row
    ``i`` and column ``j`` are ``ccodes[i]`` and ``ccodes[j]``. Missing figures are ``NaN``.
    See :func:`snapshot` for the definition and source of every field.
    """

    year: int
    ccodes: np.ndarray
    abb: list[str]
    names: list[str]
    cinc: np.ndarray
    cinc_share: np.ndarray
    milex_usd_m: np.ndarray
    milper_k: np.ndarray
    gdp_usd_m: np.ndarray
    population_m: np.ndarray
    major: np.ndarray
    tier: np.ndarray
    democracy: np.ndarray
    ideal_point: np.ndarray
    capital_lat: np.ndarray
    capital_lon: np.ndarray
    distance_km: np.ndarray
    contiguous: np.ndarray
    trade_usd_m: np.ndarray
    trade_dependence: np.ndarray
    rivalry: np.ndarray
    cyber_incidents: np.ndarray
    alliances: list[dict]
    sources: dict[str, str]
    source_years: dict[str, np.ndarray] = field(default_factory=dict)
    """Per state-level field, the ``(N,)`` year each value was taken from (−1: no value)."""

    def index(self, ccode: int) -> int:
        """Position of COW code ``ccode`` in the arrays; ValueError if it is not in the snapshot."""
        hit = np.flatnonzero(self.ccodes == int(ccode))
        if hit.size == 0:
            raise ValueError(f"ccode {ccode} is not in this {self.year} snapshot (states: {self.ccodes.tolist()})")
        return int(hit[0])

    def to_frame(self) -> pd.DataFrame:
        """The state-level fields as a table indexed by ``ccode`` (one row per state)."""
        cols = [
            "cinc", "cinc_share", "milex_usd_m", "milper_k", "gdp_usd_m", "population_m", "major",
            "tier", "democracy", "ideal_point", "capital_lat", "capital_lon",
        ]
        df = pd.DataFrame({c: getattr(self, c) for c in cols}, index=pd.Index(self.ccodes, name="ccode"))
        df.insert(0, "name", self.names)
        df.insert(0, "abb", self.abb)
        return df


# --------------------------------------------------------------------------- reading (cached)


def _path(data_dir: Path, key: str) -> str:
    p = (Path(data_dir) / FILES[key]).resolve()
    if not p.is_file():
        raise SchemaError(str(p), f"file not found (snapshot needs {FILES[key]} under the data folder)")
    return str(p)


def _numeric(df: pd.DataFrame, cols: Sequence[str], path: str, integer: bool = False) -> None:
    """Convert ``cols`` in place to numbers; a cell that is not a number (or, for ``integer``, empty) is an error naming its line."""
    for c in cols:
        raw = df[c]
        if pd.api.types.is_integer_dtype(raw.dtype) or (not integer and pd.api.types.is_float_dtype(raw.dtype)):
            df[c] = raw.astype("int64") if integer else raw
            continue
        v = pd.to_numeric(raw, errors="coerce")
        bad = v.isna() & raw.notna() & (raw.astype(str).str.strip() != "")
        if integer:
            bad |= v.isna() & ~bad
            bad |= v.notna() & (v % 1 != 0)
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            line = int(df.index[i]) + 2  # the index is read_csv's row number, kept through filters
            raise SchemaError(path, f"not a{'n integer' if integer else ' number'}: {raw.iloc[i]!r}", row=line, column=c)
        df[c] = v.astype("int64") if integer else v.astype(float)


def _year_of(df: pd.DataFrame, col: str, path: str) -> np.ndarray:
    """Year of ``YYYY-MM-DD`` dates in ``col``; an unreadable date is an error naming its line."""
    d = pd.to_datetime(df[col], format="%Y-%m-%d", errors="coerce")
    if d.isna().any():
        i = int(np.flatnonzero(d.isna().to_numpy())[0])
        raise SchemaError(path, f"not a YYYY-MM-DD date: {df[col].iloc[i]!r}", row=i + 2, column=col)
    return d.dt.year.to_numpy(dtype=np.int64)


@lru_cache(maxsize=None)
def _load(key: str, path: str) -> pd.DataFrame:
    """Parse one record file into a tidy frame; cached on (kind, resolved path)."""
    if key == "states":
        df = read_csv(path, ["stateabb", "ccode", "statenme", "styear", "endyear"])
        _numeric(df, ["ccode", "styear", "endyear"], path, integer=True)
        cols = ["ccode", "stateabb", "statenme", "styear", "endyear"]
        if {"endmonth", "endday"} <= set(df.columns):  # to tell who is still a member on 31 December
            _numeric(df, ["endmonth", "endday"], path, integer=True)
            cols += ["endmonth", "endday"]
        return df[cols]
    if key == "majors":
        df = read_csv(path, ["ccode", "styear", "endyear"])
        _numeric(df, ["ccode", "styear", "endyear"], path, integer=True)
        return df[["ccode", "styear", "endyear"]]
    if key == "nmc":
        cols = ["ccode", "year", "milex", "milper", "tpop", "cinc"]
        df = read_csv(path, cols)[cols].copy()
        _numeric(df, ["ccode", "year"], path, integer=True)
        _numeric(df, cols[2:], path)
        for c in cols[2:]:
            df[c] = df[c].mask(df[c] == -9)
        return df
    if key == "capitals":
        df = read_csv(path, ["ccode", "capital", "stdate", "enddate", "lat", "lng"])
        _numeric(df, ["ccode"], path, integer=True)
        _numeric(df, ["lat", "lng"], path)
        out = df[["ccode", "capital", "lat", "lng"]].copy()
        out["st"] = pd.to_datetime(df["stdate"], format="%Y-%m-%d", errors="coerce")
        out["en"] = pd.to_datetime(df["enddate"], format="%Y-%m-%d", errors="coerce")
        bad = out["st"].isna() | out["en"].isna()
        if bad.any():
            i = int(np.flatnonzero(bad.to_numpy())[0])
            raise SchemaError(path, "stdate/enddate not YYYY-MM-DD", row=i + 2, column="stdate")
        return out
    if key == "contdir":
        df = read_csv(path, ["ccode1", "ccode2", "conttype", "stdate", "enddate"])
        _numeric(df, ["ccode1", "ccode2", "conttype"], path, integer=True)
        return pd.DataFrame(
            {
                "ccode1": df["ccode1"], "ccode2": df["ccode2"], "conttype": df["conttype"],
                "styear": _year_of(df, "stdate", path), "endyear": _year_of(df, "enddate", path),
            }
        )
    if key == "td":
        df = read_csv(path, ["ccode1", "ccode2", "styear", "endyear"])
        _numeric(df, ["ccode1", "ccode2", "styear", "endyear"], path, integer=True)
        return df[["ccode1", "ccode2", "styear", "endyear"]]
    if key == "tss":
        df = read_csv(path, ["ccode1", "ccode2", "start", "end"])
        _numeric(df, ["ccode1", "ccode2", "start", "end"], path, integer=True)
        return df[["ccode1", "ccode2", "start", "end"]].rename(columns={"start": "styear", "end": "endyear"})
    if key == "sipri":
        df = read_csv(path, ["ccode", "year", "milex_const2022_usd_m"])
        df = df[df["ccode"].notna()][["ccode", "year", "milex_const2022_usd_m"]].copy()  # "European Union" has no ccode
        _numeric(df, ["ccode", "year"], path, integer=True)
        _numeric(df, ["milex_const2022_usd_m"], path)
        return df.reset_index(drop=True)
    if key == "gdppop":
        df = read_csv(path, ["ccode", "year", "pwtrgdp", "pwtpop"])[["ccode", "year", "pwtrgdp", "pwtpop"]].copy()
        _numeric(df, ["ccode", "year"], path, integer=True)
        _numeric(df, ["pwtrgdp", "pwtpop"], path)
        return df
    if key == "democracy":
        df = read_csv(path, ["ccode", "year", "polity2", "v2x_polyarchy"])[["ccode", "year", "polity2", "v2x_polyarchy"]].copy()
        _numeric(df, ["ccode", "year"], path, integer=True)
        _numeric(df, ["polity2", "v2x_polyarchy"], path)
        return df
    if key == "unga":
        df = read_csv(path, ["ccode", "year", "idealpointfp"])
        df = df[df["ccode"].notna()][["ccode", "year", "idealpointfp"]].copy()
        _numeric(df, ["ccode", "year"], path, integer=True)
        _numeric(df, ["idealpointfp"], path)
        return df.reset_index(drop=True)
    if key == "trade":
        import pyarrow as pa

        types = {"ccode1": pa.int64(), "ccode2": pa.int64(), "year": pa.int64(), "flow1": pa.float64(), "flow2": pa.float64()}
        df = _read_arrow(path, types, "the COW dyadic trade table")
        df["total"] = df[["flow1", "flow2"]].sum(axis=1, min_count=1)
        return df[["ccode1", "ccode2", "year", "total"]]
    if key == "mindist":
        import pyarrow as pa

        types = {"ccode1": pa.int64(), "ccode2": pa.int64(), "year": pa.int64(), "mindist": pa.float64()}
        return _read_arrow(path, types, "the CShapes distance table")
    if key == "dcid":
        cols = ["Cyberincidentnum", "ccodeA", "ccodeB", "initiator", "cyber_objective", "severity", "interactionstartdate"]
        df = read_csv(path, cols)[cols].copy()
        _numeric(df, cols[:5], path, integer=True)
        _numeric(df, ["severity"], path)
        df["year"] = _year_of(df, "interactionstartdate", path)
        ok = df["initiator"].eq(df["ccodeA"]) | df["initiator"].eq(df["ccodeB"])
        df["target"] = np.where(df["initiator"].eq(df["ccodeA"]), df["ccodeB"], df["ccodeA"])
        df["target"] = df["target"].where(ok).astype("Int64")
        return df
    if key == "atop_a":
        return read_atop_alliances(Path(path))
    if key == "atop_m":
        return read_atop_members(Path(path))
    raise KeyError(key)


def _read_arrow(path: str, types: dict, what: str) -> pd.DataFrame:
    """Read the large gzipped dyad-year tables with pyarrow (several times faster than pandas here)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        tbl = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=types, include_columns=list(types)))
    except (pa.ArrowInvalid, pa.ArrowKeyError, KeyError, OSError) as e:
        raise SchemaError(path, f"cannot be read as {what} (columns {', '.join(types)}): {e}") from e
    df = tbl.to_pandas()
    return df.sort_values(["year", "ccode1", "ccode2"], kind="stable").reset_index(drop=True)


def _table(data_dir: Path, key: str) -> pd.DataFrame:
    return _load(key, _path(data_dir, key))


# --------------------------------------------------------------------------- helpers


def great_circle_km(lat1, lon1, lat2, lon2) -> np.ndarray:
    """Great-circle distance on a sphere by the haversine formula, in kilometres.

    .. math::

        d = 2R \\arcsin\\sqrt{\\sin^2\\frac{\\varphi_2-\\varphi_1}{2}
            + \\cos\\varphi_1\\cos\\varphi_2\\sin^2\\frac{\\lambda_2-\\lambda_1}{2}}

    with :math:`R` = :data:`EARTH_RADIUS_KM`. Arguments broadcast against each other (NumPy rules).

    Parameters
    ----------
    lat1, lon1, lat2, lon2 : array_like of float
        Latitudes and longitudes in degrees (north and east positive).

    Returns
    -------
    numpy.ndarray of float, km; ``NaN`` where any coordinate is missing.

    Examples
    --------
    >>> round(float(great_circle_km(0, 0, 0, 90)), 1)  # a quarter of the equator: pi R / 2
    10007.6

    References
    ----------
    Sinnott, R. W. 1984. "Virtues of the Haversine." *Sky and Telescope* 68(2): 159.
    """
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(lon2) - np.radians(lon1)
    h = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _window(year: int, last_year: int, carry: bool, max_carry: int) -> tuple[int, int]:
    """Years ``[lo, ref]`` a record may supply for ``year`` (see the module docstring)."""
    if not carry:
        return year, year
    ref = min(year, last_year)
    return ref - max_carry, ref


def _latest_by_state(df: pd.DataFrame, col: str, ccodes: np.ndarray, lo: int, ref: int) -> tuple[np.ndarray, np.ndarray]:
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


def _describe(file: str, yrs: np.ndarray, unit: str = "states", note: str = "") -> str:
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


def _as_year(year) -> int:
    try:
        y = operator.index(year)
    except TypeError:
        raise ValueError(f"year must be an integer, got {year!r}") from None
    return int(y)


def _members(states: pd.DataFrame, year: int, at_year_end: bool = False) -> pd.DataFrame:
    """COW system members in ``year``; after 2016 the members at the end of 2016 (as peacesciencer does).

    With ``at_year_end``, only those still members on 31 December (so Bavaria, Baden and
    Württemberg, absorbed into Germany on 18 January 1871, are not members at the end of 1871).
    """
    y = min(year, STATES_LAST_YEAR)
    keep = (states["styear"] <= y) & (states["endyear"] >= y)
    if at_year_end and "endmonth" in states.columns:
        keep &= (states["endyear"] > y) | ((states["endmonth"] == 12) & (states["endday"] == 31))
    return states.loc[keep].drop_duplicates("ccode")


def _record_years(d: Path) -> dict[str, tuple[int, int]]:
    """First and last year of the state-year records that bound a valid snapshot year."""
    out = {}
    for key, file in (("nmc", FILES["nmc"]), ("democracy", FILES["democracy"]), ("unga", FILES["unga"])):
        df = _table(d, key)
        out[file] = (int(df["year"].min()), int(df["year"].max()))
    return out


# --------------------------------------------------------------------------- public API


def snapshot(
    year: int,
    ccodes: Sequence[int] | None = None,
    *,
    top_n: int | None = None,
    data_dir: Path | None = None,
    carry_forward: bool = True,
    max_carry: int = 5,
    contiguity_max_type: int = 1,
    at_year_end: bool = False,
) -> Snapshot:
    """The historical record of ``year`` for a set of COW states, as aligned arrays.

    States are the ``ccodes`` given (in that order) or, when ``ccodes`` is None, the ``top_n``
    COW system members of ``year`` by CINC, strongest first (all members if ``top_n`` is None).
    System membership follows the COW State System Membership List v2016; for years after 2016
    the members at the end of 2016 are carried forward, as peacesciencer's
    ``create_stateyears(mry = TRUE)`` does.

    Fields (``i``, ``j`` index the states; figures missing from a record are NaN):

    * ``cinc``: COW composite index of national capability (NMC 7.0), the mean of six
      component shares of the system total (Singer, Bremer & Stuckey 1972). ``cinc_share`` is
      :math:`c_i / \\sum_{k \\in N} c_k`, the share within the ``N`` states.
    * ``milex_usd_m``: military expenditure, million US$. SIPRI constant-2022 US$ where SIPRI has
      a figure (2013–2022); otherwise NMC ``milex`` / 1000 in current US$, with 1816–1913 pounds
      converted at the gold parity :data:`GBP_USD_PARITY`. ``sources`` says how many states came
      from each.
    * ``milper_k``: NMC military personnel, thousands. ``population_m``: NMC total population
      / 1000 (millions), falling back on Fariss et al. ``pwtpop``.
    * ``gdp_usd_m``: Fariss et al. (2022) ``pwtrgdp``, real GDP in million 2017 international $
      (PPP, PWT 10.0 anchor); the record ends in 2019.
    * ``major``: COW major power in the year (any part of it). ``tier``:
      :func:`foedus.schema.power_tier` of the system ``cinc`` and ``major`` (brief A1).
    * ``democracy``: V-Dem electoral democracy index ``v2x_polyarchy`` (0–1), falling back on
      Polity5 rescaled, :math:`(\\mathit{polity2} + 10)/20`.
    * ``ideal_point``: Bailey, Strezhnev & Voeten (2017) UNGA ideal point ``idealpointfp``
      (final-passage votes; higher = closer to the US-led order). NaN before 1946.
    * ``capital_lat``, ``capital_lon``: the capital in force in the year (latest-starting spell
      that overlaps it; the nearest spell otherwise), peacesciencer ``cow_capitals``.
    * ``distance_km``: CShapes 2.0 minimum distance between borders (1 January; 0 = land
      border). Dyads without a CShapes figure in the allowed years (before 1886, or states
      CShapes lacks) take the great-circle distance between capitals (:func:`great_circle_km`);
      ``sources`` counts each. The two measures differ (border vs capital), so treat the fallback
      as an upper bound. The diagonal is 0.
    * ``contiguous``: COW direct contiguity v3.2 of type ``1..contiguity_max_type`` (1 land;
      2 ≤ 12 mi of water; 3 ≤ 24; 4 ≤ 150; 5 ≤ 400) in force during any part of the year. The
      record ends in 2016; later years carry the 2016 relations when ``carry_forward``.
    * ``trade_usd_m``: COW Dyadic Trade 4.0 total trade ``flow1 + flow2`` (imports both ways,
      million current US$; the sum of the flows reported when one is missing). Symmetric, NaN
      where the record has no figure, 0 on the diagonal.
    * ``trade_dependence``: the partner's share of each state's total trade (Barbieri 1996),
      :math:`D_{ij} = T_{ij} / \\sum_k T_{ik}`, the sum running over every partner ``k`` in the
      dyadic record (not only the ``N`` states), so each row sums to at most 1. Rows are states
      ``i``; not symmetric. The total is taken from the dyadic file rather than COW's national
      trade file because the latter falls short of the dyadic sum for over 100 states in 2014
      (dyadic flows fill gaps with partners' reports); and not from GDP, which here is in 2017
      PPP dollars while trade is in current US$.
    * ``rivalry``: strategic rivalry active in the year: Thompson & Dreyer (2012) for years up to
      2010, Thompson, Sakuwa & Suhas (2021) after (ongoing rivalries coded to 2020 carry forward).
    * ``cyber_incidents``: number of DCID 2.0 incidents initiated by ``i`` against ``j`` that
      started in ``[year − 10, year]`` (DCID covers 2000–2020; 0 outside it). The four incidents
      whose initiator is not one of the dyad's states are left out.
    * ``alliances``: ATOP 5.1 alliances in force in the year with at least two of the states as
      members: ``{"atopid", "members" (in snapshot order), "n_members" (all members then),
      "defense", "offense", "neutrality", "nonaggression", "consultation", "start_year"}``.
      ATOP ends in 2018: later years use the set in force at the end of 2018 (so Finland's 2023
      and Sweden's 2024 NATO accessions are absent).

    Parameters
    ----------
    year : int
        Calendar year, from 1816 to the last year of any state-year record read (2025).
    ccodes : sequence of int, optional
        COW state codes, each a system member in ``year``; the order is kept.
    top_n : int, optional
        With ``ccodes=None``: keep the ``top_n`` members with the highest CINC.
    data_dir : Path, optional
        Folder laid out like ``../shared/data``; default :func:`foedus.data.paths.default_data_dir`.
    carry_forward : bool
        Take, per state or dyad, the latest value no more than ``max_carry`` years before
        ``min(year, last year of the record)`` (see the module docstring). If False, only figures
        of ``year`` itself are used.
    max_carry : int
        Years a value may be carried forward from the record's latest year ≤ ``year``.
    contiguity_max_type : int
        Highest COW contiguity type counted as contiguous (1 = land only … 5 = ≤ 400 miles water).
    at_year_end : bool
        Count as system members only the states still members on 31 December of ``year``
        (for a world that starts in ``year`` and runs on: states absorbed during the year, such
        as Bavaria in January 1871, are left out). Needs the states file's ``endmonth`` and
        ``endday`` columns (both COW's and peacesciencer's have them).

    Returns
    -------
    Snapshot
        With ``sources[field]`` naming the file and the year(s) used, e.g.
        ``"peacesciencer/cow_nmc.csv (2022)"``, and ``source_years[field]`` per state.

    Raises
    ------
    ValueError
        For a year outside the records, an unknown COW code, a state that is not a system member
        in ``year`` (the message lists its membership spells), duplicated codes, or bad arguments.
    foedus.schema.SchemaError
        For a missing or malformed record file (names the file, line and column).

    Examples
    --------
    >>> s = snapshot(1871, [200, 220, 255, 300, 325, 365])  # doctest: +SKIP
    >>> s.major.all(), s.sources["cinc"]                     # doctest: +SKIP
    (True, 'peacesciencer/cow_nmc.csv (1871)')

    References
    ----------
    Barbieri, K. 1996. "Economic Interdependence: A Path to Peace or a Source of Interstate
    Conflict?" *Journal of Peace Research* 33(1): 29–49. Other records: see the module docstring
    and ``../shared/data/README.md``.
    """
    year = _as_year(year)
    if not isinstance(max_carry, (int, np.integer)) or max_carry < 0:
        raise ValueError(f"max_carry must be a non-negative integer, got {max_carry!r}")
    if contiguity_max_type not in (1, 2, 3, 4, 5):
        raise ValueError(f"contiguity_max_type must be one of 1..5 (COW contiguity types), got {contiguity_max_type!r}")
    d = Path(data_dir) if data_dir is not None else default_data_dir()

    coverage = _record_years(d)
    last_any = max(hi for _, hi in coverage.values())
    if not FIRST_YEAR <= year <= last_any:
        spans = ", ".join(f"{f} {lo}–{hi}" for f, (lo, hi) in coverage.items())
        raise ValueError(f"year {year} is outside every record: snapshots run {FIRST_YEAR}–{last_any} ({spans})")

    states = _table(d, "states")
    nmc = _table(d, "nmc")
    members = _members(states, year, at_year_end)
    lo_n, ref_n = _window(year, int(nmc["year"].max()), carry_forward, max_carry)

    if ccodes is not None:
        if top_n is not None:
            raise ValueError("give either ccodes or top_n, not both")
        codes = np.array([_as_ccode(c) for c in ccodes], dtype=np.int64)
        if codes.size == 0:
            raise ValueError("ccodes is empty")
        dup = pd.Index(codes)[pd.Index(codes).duplicated()]
        if len(dup):
            raise ValueError(f"ccodes repeats {sorted(set(dup.tolist()))}")
        _check_members(codes, states, members, year, at_year_end)
        cinc, cinc_yr = _latest_by_state(nmc, "cinc", codes, lo_n, ref_n)
    else:
        if top_n is not None and (not isinstance(top_n, (int, np.integer)) or top_n < 1):
            raise ValueError(f"top_n must be a positive integer, got {top_n!r}")
        pool = members["ccode"].to_numpy(dtype=np.int64)
        c_all, y_all = _latest_by_state(nmc, "cinc", pool, lo_n, ref_n)
        order = np.lexsort((pool, -np.nan_to_num(c_all, nan=-1.0)))
        if top_n is not None:
            order = order[:top_n]
        codes, cinc, cinc_yr = pool[order], c_all[order], y_all[order]

    n = codes.size
    pos = pd.Series(np.arange(n), index=codes)
    sources: dict[str, str] = {}
    syears: dict[str, np.ndarray] = {}
    f = FILES

    meta = members.set_index("ccode").reindex(codes)
    abb = meta["stateabb"].astype(str).tolist()
    names = meta["statenme"].astype(str).tolist()
    sources["ccodes"] = f"{f['states']} (members in {min(year, STATES_LAST_YEAR)}" + (
        "; the 2016 members carried forward, as peacesciencer does)" if year > STATES_LAST_YEAR else ")"
    )

    # capabilities (NMC 7.0)
    total = np.nansum(cinc)
    cinc_share = cinc / total if total > 0 else np.full(n, np.nan)
    sources["cinc"] = _describe(f["nmc"], cinc_yr)
    sources["cinc_share"] = f"cinc renormalised over the {n} states ({sources['cinc']})"
    syears["cinc"] = cinc_yr
    milper, milper_yr = _latest_by_state(nmc, "milper", codes, lo_n, ref_n)
    sources["milper_k"], syears["milper_k"] = _describe(f["nmc"], milper_yr), milper_yr

    tpop, tpop_yr = _latest_by_state(nmc, "tpop", codes, lo_n, ref_n)
    population = tpop / 1000.0
    gdppop = _table(d, "gdppop")
    lo_g, ref_g = _window(year, int(gdppop["year"].max()), carry_forward, max_carry)
    if np.isnan(population).any():
        pw, pw_yr = _latest_by_state(gdppop, "pwtpop", codes, lo_g, ref_g)
        use = np.isnan(population) & ~np.isnan(pw)
        population = np.where(use, pw, population)
        tpop_yr = np.where(use, pw_yr, tpop_yr)
        note = f"; {int(use.sum())} from {f['gdppop']} pwtpop" if use.any() else ""
    else:
        note = ""
    sources["population_m"] = _describe(f["nmc"], tpop_yr, note=note.lstrip("; "))
    syears["population_m"] = tpop_yr

    gdp, gdp_yr = _latest_by_state(gdppop, "pwtrgdp", codes, lo_g, ref_g)
    sources["gdp_usd_m"], syears["gdp_usd_m"] = _describe(f["gdppop"], gdp_yr, note="pwtrgdp, million 2017 int'l $ PPP"), gdp_yr

    milex, milex_yr, sources["milex_usd_m"] = _milex(d, nmc, codes, year, carry_forward, max_carry, lo_n, ref_n)
    syears["milex_usd_m"] = milex_yr

    # major power status and tier
    majors = _table(d, "majors")
    y_major = min(year, STATES_LAST_YEAR) if carry_forward else year
    mj = majors.loc[(majors["styear"] <= y_major) & (majors["endyear"] >= y_major), "ccode"]
    major = np.isin(codes, mj.to_numpy())
    sources["major"] = f"{f['majors']} ({y_major})" if y_major <= STATES_LAST_YEAR else f"{f['majors']} (not covered after {STATES_LAST_YEAR})"
    tier = power_tier(cinc, major)
    sources["tier"] = f"foedus.schema.power_tier of cinc and major ({sources['cinc']})"

    # regime, preferences
    dem = _table(d, "democracy")
    lo_d, ref_d = _window(year, int(dem["year"].max()), carry_forward, max_carry)
    poly, poly_yr = _latest_by_state(dem, "v2x_polyarchy", codes, lo_d, ref_d)
    p2, p2_yr = _latest_by_state(dem, "polity2", codes, lo_d, ref_d)
    use = np.isnan(poly) & ~np.isnan(p2)
    democracy = np.where(use, (p2 + 10.0) / 20.0, poly)
    dem_yr = np.where(use, p2_yr, poly_yr)
    sources["democracy"] = _describe(
        f["democracy"], dem_yr,
        note="v2x_polyarchy" + (f"; (polity2+10)/20 for {int(use.sum())} states without V-Dem" if use.any() else ""),
    )
    syears["democracy"] = dem_yr

    unga = _table(d, "unga")
    lo_u, ref_u = _window(year, int(unga["year"].max()), carry_forward, max_carry)
    ideal, ideal_yr = _latest_by_state(unga, "idealpointfp", codes, lo_u, ref_u)
    sources["ideal_point"] = _describe(f["unga"], ideal_yr, note="idealpointfp; UNGA ideal points begin in 1946")
    syears["ideal_point"] = ideal_yr

    # geography
    lat, lon, cap_src = _capitals(d, codes, year)
    sources["capital_lat"] = sources["capital_lon"] = cap_src
    distance, sources["distance_km"] = _distance(d, codes, pos, year, carry_forward, max_carry, lat, lon)
    contiguous, sources["contiguous"] = _contiguity(d, codes, pos, year, carry_forward, contiguity_max_type)

    # interdependence, rivalry, cyber, alliances
    trade, dependence, sources["trade_usd_m"], sources["trade_dependence"] = _trade(d, codes, pos, year, carry_forward, max_carry)
    rivalry, sources["rivalry"] = _rivalry(d, codes, pos, year, carry_forward)
    cyber, sources["cyber_incidents"] = _cyber(d, codes, pos, year)
    alliances, sources["alliances"] = _alliances(d, codes, year, carry_forward)

    return Snapshot(
        year=year, ccodes=codes, abb=abb, names=names, cinc=cinc, cinc_share=cinc_share,
        milex_usd_m=milex, milper_k=milper, gdp_usd_m=gdp, population_m=population, major=major,
        tier=tier, democracy=democracy, ideal_point=ideal, capital_lat=lat, capital_lon=lon,
        distance_km=distance, contiguous=contiguous, trade_usd_m=trade, trade_dependence=dependence,
        rivalry=rivalry, cyber_incidents=cyber, alliances=alliances, sources=sources, source_years=syears,
    )


def cyber_incident_rates(data_dir: Path | None = None) -> pd.DataFrame:
    """DCID 2.0 state-on-state cyber incidents summarised per directed (initiator → target) dyad.

    For each of the rival dyads DCID codes, both directions appear (a direction without incidents
    has zero counts). Incidents are counted by the year they started, 2000–2020 (21 years).

    Columns: ``initiator``, ``target`` (COW codes), ``n_incidents``; ``incidents_per_year`` =
    ``n_incidents / 21``; ``share_disruption``, ``share_espionage``, ``share_degrade``: shares of
    the dyad's incidents by DCID ``cyber_objective`` (1 disruption; 2 short-term and 3 long-term
    espionage; 4 degrade), summing to 1 (NaN without incidents); ``mean_severity`` on DCID's 0–10
    scale; ``first_year``, ``last_year`` (``<NA>`` without incidents).

    Left out, and counted in ``df.attrs["excluded"]``: incidents whose initiator is not one of
    the dyad's two states (DCID 291, 292, 309, 331; the target is then ambiguous) and incidents
    starting after 2020. ``df.attrs`` also holds ``source``, ``years`` and ``citation``.

    Parameters
    ----------
    data_dir : Path, optional
        Folder laid out like ``../shared/data``; default :func:`foedus.data.paths.default_data_dir`.

    Returns
    -------
    pandas.DataFrame, sorted by ``initiator``, ``target``.

    References
    ----------
    Maness, R. C., B. Valeriano, K. Hedgecock, B. M. Jensen, and J. M. Macias. 2022. *The Dyadic
    Cyber Incident and Campaign Dataset, version 2.0*. Valeriano, B., and R. C. Maness. 2014.
    "The Dynamics of Cyber Conflict between Rival Antagonists, 2001–11." *Journal of Peace
    Research* 51(3): 347–360.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    raw = _table(d, "dcid")
    ok = raw["target"].notna() & raw["year"].between(DCID_FIRST_YEAR, DCID_LAST_YEAR)
    inc = raw.loc[ok].assign(
        target=lambda x: x["target"].astype("int64"),
        disruption=lambda x: (x["cyber_objective"] == 1).astype(float),
        espionage=lambda x: x["cyber_objective"].isin([2, 3]).astype(float),
        degrade=lambda x: (x["cyber_objective"] == 4).astype(float),
    )
    g = inc.groupby(["initiator", "target"])
    agg = g.agg(
        n_incidents=("Cyberincidentnum", "size"),
        share_disruption=("disruption", "mean"),
        share_espionage=("espionage", "mean"),
        share_degrade=("degrade", "mean"),
        mean_severity=("severity", "mean"),
        first_year=("year", "min"),
        last_year=("year", "max"),
    )
    pairs = raw[["ccodeA", "ccodeB"]].drop_duplicates()
    both = pd.concat(
        [pairs.set_axis(["initiator", "target"], axis=1), pairs[["ccodeB", "ccodeA"]].set_axis(["initiator", "target"], axis=1)]
    ).drop_duplicates()
    idx = pd.MultiIndex.from_frame(both.sort_values(["initiator", "target"]))
    out = agg.reindex(idx)
    out["n_incidents"] = out["n_incidents"].fillna(0).astype("int64")
    out["first_year"] = out["first_year"].astype("Int64")
    out["last_year"] = out["last_year"].astype("Int64")
    n_years = DCID_LAST_YEAR - DCID_FIRST_YEAR + 1
    out.insert(1, "incidents_per_year", out["n_incidents"] / n_years)
    out = out.reset_index()
    out.attrs.update(
        source=FILES["dcid"],
        years=(DCID_FIRST_YEAR, DCID_LAST_YEAR),
        excluded={
            "initiator_not_in_dyad": int(raw["target"].isna().sum()),
            "outside_years": int((raw["target"].notna() & ~raw["year"].between(DCID_FIRST_YEAR, DCID_LAST_YEAR)).sum()),
        },
        citation="Maness, Valeriano, Hedgecock, Jensen & Macias (2022), DCID 2.0",
    )
    return out


# --------------------------------------------------------------------------- field builders


def _as_ccode(c) -> int:
    try:
        return int(operator.index(c))
    except TypeError:
        raise ValueError(f"ccode must be an integer COW code, got {c!r}") from None


def _check_members(codes: np.ndarray, states: pd.DataFrame, members: pd.DataFrame, year: int, at_year_end: bool = False) -> None:
    known = np.isin(codes, states["ccode"].to_numpy())
    if not known.all():
        bad = codes[~known].tolist()
        raise ValueError(f"unknown COW code(s) {bad}: not in {FILES['states']} (COW State System v2016)")
    absent = codes[~np.isin(codes, members["ccode"].to_numpy())]
    if absent.size:
        sp = states[states["ccode"].isin(absent)]
        spells = sp.groupby("ccode").apply(
            lambda g: f"{g['stateabb'].iloc[0]} {', '.join(f'{a}–{b}' for a, b in zip(g['styear'], g['endyear']))}",
            include_groups=False,
        )
        desc = "; ".join(f"{c} ({spells[c]})" for c in absent.tolist())
        when = f"at the end of {year}" if at_year_end else f"in {year}"
        raise ValueError(f"not COW system members {when}: {desc} ({FILES['states']})")


def _milex(d, nmc, codes, year, carry, max_carry, lo_n, ref_n):
    sipri = _table(d, "sipri")
    lo_s, ref_s = _window(year, int(sipri["year"].max()), carry, max_carry)
    s_val, s_yr = _latest_by_state(sipri, "milex_const2022_usd_m", codes, lo_s, ref_s)
    n_val, n_yr = _latest_by_state(nmc, "milex", codes, lo_n, ref_n)
    n_usd = n_val / 1000.0 * np.where((n_yr >= 0) & (n_yr <= 1913), GBP_USD_PARITY, 1.0)
    use_s = ~np.isnan(s_val)
    use_n = ~use_s & ~np.isnan(n_usd)
    val = np.where(use_s, s_val, n_usd)
    yrs = np.where(use_s, s_yr, np.where(use_n, n_yr, -1))
    parts = []
    if use_s.any():
        parts.append(_describe(FILES["sipri"], np.where(use_s, s_yr, -1)[use_s]) + f", constant 2022 US$, {int(use_s.sum())} states; {SIPRI_CITATION}")
    if use_n.any():
        pounds = use_n & (n_yr <= 1913)
        conv = f"; £ converted at {GBP_USD_PARITY} US$/£ for {int(pounds.sum())}" if pounds.any() else ""
        parts.append(_describe(FILES["nmc"], n_yr[use_n]) + f", milex/1000 current US$, {int(use_n.sum())} states{conv}")
    missing = int((~use_s & ~use_n).sum())
    if missing:
        parts.append(f"no value: {missing} states")
    return val, yrs, " | ".join(parts)


def _capitals(d, codes, year):
    cap = _table(d, "capitals")
    c = cap.loc[cap["ccode"].isin(codes)]
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


def _distance(d, codes, pos, year, carry, max_carry, lat, lon):
    n = codes.size
    md = _table(d, "mindist")
    lo, ref = _window(year, int(md["year"].iloc[-1]), carry, max_carry)
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


def _contiguity(d, codes, pos, year, carry, max_type):
    n = codes.size
    cd = _table(d, "contdir")
    last = int(cd["endyear"].max())
    ref = min(year, last) if carry else year
    sub = cd.loc[
        cd["conttype"].between(1, max_type) & (cd["styear"] <= ref) & (cd["endyear"] >= ref)
        & cd["ccode1"].isin(codes) & cd["ccode2"].isin(codes)
    ]
    m = np.zeros((n, n), dtype=bool)
    i = pos.reindex(sub["ccode1"]).to_numpy(dtype=np.int64)
    j = pos.reindex(sub["ccode2"]).to_numpy(dtype=np.int64)
    m[i, j] = True
    m |= m.T
    if year > last and not carry:
        return m, f"{FILES['contdir']} (not covered after {last})"
    return m, f"{FILES['contdir']} ({ref}; types 1–{max_type})".replace("types 1–1", "type 1, land")


def _trade(d, codes, pos, year, carry, max_carry):
    n = codes.size
    tr = _table(d, "trade")
    last = int(tr["year"].max())
    lo, ref = _window(year, last, carry, max_carry)
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


def _rivalry(d, codes, pos, year, carry):
    n = codes.size
    if year <= TD_LAST_YEAR:
        key, ref = "td", year
    else:
        key = "tss"
        last = int(_table(d, "tss")["endyear"].max())
        ref = min(year, last) if carry else year
    rv = _table(d, key)
    sub = rv.loc[(rv["styear"] <= ref) & (rv["endyear"] >= ref) & rv["ccode1"].isin(codes) & rv["ccode2"].isin(codes)]
    m = np.zeros((n, n), dtype=bool)
    i = pos.reindex(sub["ccode1"]).to_numpy(dtype=np.int64)
    j = pos.reindex(sub["ccode2"]).to_numpy(dtype=np.int64)
    m[i, j] = True
    m |= m.T
    last = int(rv["endyear"].max())
    if ref > last:
        return m, f"{FILES[key]} (not covered after {last})"
    return m, f"{FILES[key]} ({ref}{'; ongoing rivalries carried forward' if ref < year else ''})"


def _cyber(d, codes, pos, year):
    n = codes.size
    raw = _table(d, "dcid")
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


def _alliances(d, codes, year, carry):
    al = _table(d, "atop_a")
    mem = _table(d, "atop_m")
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
