"""One year of the historical record as aligned arrays: the starting point of a simulated world.

:func:`snapshot` reads the raw records in ``../shared/data`` (see its README) and returns, for one
year and a set of Correlates of War (COW) states, state-level vectors and dyadic matrices in the
same order, with a ``sources`` entry per field naming the file and the year(s) the figures come
from. There is no model logic here, only data, and no parsing: each file is read by its one
reader in :mod:`foedus.data` (see :data:`foedus.data.snapshot_fields.READERS`), the same the
importer uses; :mod:`foedus.data.snapshot_fields` takes each field from its table.

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
from pathlib import Path
from typing import Sequence

import numpy as np
import pandas as pd

from foedus.data import snapshot_fields as fields
from foedus.data.paths import default_data_dir
from foedus.data.snapshot_fields import FILES, STATES_LAST_YEAR
from foedus.schema import power_tier

FIRST_YEAR = 1816
"""First year a snapshot can be taken: the first year of the COW state system and of NMC."""


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
    rivalry_spatial: np.ndarray | None = None
    """(N, N) bool: the rivalries of ``rivalry`` coded spatial (over territory; Thompson & Dreyer 2012, TSS); None: not read."""
    rivalry_ended: np.ndarray | None = None
    """(N, N) float: the year each pair's last rivalry ended before ``year``, NaN for none (:func:`.snapshot_fields.rivalry_ended`); None: not read."""

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
      converted at the gold parity :data:`~foedus.data.snapshot_fields.GBP_USD_PARITY`. ``sources`` says how many states came
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
      CShapes lacks) take the great-circle distance between capitals (:func:`foedus.data.geography.great_circle_km`);
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
    _check_options(max_carry, contiguity_max_type)
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    _check_year(d, year)
    states = fields.table(d, "states")
    nmc = fields.table(d, "nmc")
    members = fields.system_members(states, year, at_year_end)
    lo_n, ref_n = fields.window(year, int(nmc["year"].max()), carry_forward, max_carry)
    codes, cinc, cinc_yr = _choose_states(ccodes, top_n, states, members, nmc, year, at_year_end, (lo_n, ref_n))
    pos = pd.Series(np.arange(codes.size), index=codes)
    sources: dict[str, str] = {}
    syears: dict[str, np.ndarray] = {}

    meta = members.set_index("ccode").reindex(codes)
    sources["ccodes"] = f"{FILES['states']} (members in {min(year, STATES_LAST_YEAR)}" + (
        "; the 2016 members carried forward, as peacesciencer does)" if year > STATES_LAST_YEAR else ")"
    )
    cap = _capabilities(d, nmc, codes, cinc, cinc_yr, year, carry_forward, max_carry, (lo_n, ref_n), sources, syears)
    major, tier = _status(d, codes, cinc, year, carry_forward, sources)
    democracy, ideal = _regime(d, codes, year, carry_forward, max_carry, sources, syears)

    lat, lon, cap_src = fields.capitals(d, codes, year)
    sources["capital_lat"] = sources["capital_lon"] = cap_src
    distance, sources["distance_km"] = fields.distance_km(d, codes, pos, year, carry_forward, max_carry, lat, lon)
    contiguous, sources["contiguous"] = fields.contiguous(d, codes, pos, year, carry_forward, contiguity_max_type)
    trade, dependence, sources["trade_usd_m"], sources["trade_dependence"] = fields.trade(d, codes, pos, year, carry_forward, max_carry)
    rivalry, sources["rivalry"] = fields.rivalry(d, codes, pos, year, carry_forward)
    spatial, _ = fields.rivalry(d, codes, pos, year, carry_forward, spatial=True)
    ended, sources["rivalry_ended"] = fields.rivalry_ended(d, codes, pos, year)
    cyber, sources["cyber_incidents"] = fields.cyber_incidents(d, codes, pos, year)
    alliances, sources["alliances"] = fields.alliances(d, codes, year, carry_forward)

    return Snapshot(
        year=year, ccodes=codes, abb=meta["abb"].astype(str).tolist(), names=meta["name"].astype(str).tolist(),
        cinc=cinc, major=major, tier=tier, democracy=democracy, ideal_point=ideal, capital_lat=lat, capital_lon=lon,
        distance_km=distance, contiguous=contiguous, trade_usd_m=trade, trade_dependence=dependence,
        rivalry=rivalry, rivalry_spatial=spatial, rivalry_ended=ended, cyber_incidents=cyber, alliances=alliances, sources=sources, source_years=syears, **cap,
    )


def _check_options(max_carry, contiguity_max_type) -> None:
    if not isinstance(max_carry, (int, np.integer)) or max_carry < 0:
        raise ValueError(f"max_carry must be a non-negative integer, got {max_carry!r}")
    if contiguity_max_type not in (1, 2, 3, 4, 5):
        raise ValueError(f"contiguity_max_type must be one of 1..5 (COW contiguity types), got {contiguity_max_type!r}")


def _check_year(d: Path, year: int) -> None:
    """ValueError unless ``year`` is within :data:`FIRST_YEAR` and the last year of some state-year record."""
    coverage = fields.record_years(d)
    last_any = max(hi for _, hi in coverage.values())
    if not FIRST_YEAR <= year <= last_any:
        spans = ", ".join(f"{f} {lo}–{hi}" for f, (lo, hi) in coverage.items())
        raise ValueError(f"year {year} is outside every record: snapshots run {FIRST_YEAR}–{last_any} ({spans})")


def _choose_states(ccodes, top_n, states, members, nmc, year, at_year_end, nmc_window) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The snapshot's COW codes (given, or the ``top_n`` members by CINC), their CINC and its year."""
    lo_n, ref_n = nmc_window
    if ccodes is not None:
        if top_n is not None:
            raise ValueError("give either ccodes or top_n, not both")
        codes = np.array([_as_ccode(c) for c in ccodes], dtype=np.int64)
        if codes.size == 0:
            raise ValueError("ccodes is empty")
        dup = pd.Index(codes)[pd.Index(codes).duplicated()]
        if len(dup):
            raise ValueError(f"ccodes repeats {sorted(set(dup.tolist()))}")
        fields.check_members(codes, states, members, year, at_year_end)
        cinc, cinc_yr = fields.latest_by_state(nmc, "cinc", codes, lo_n, ref_n)
        return codes, cinc, cinc_yr
    if top_n is not None and (not isinstance(top_n, (int, np.integer)) or top_n < 1):
        raise ValueError(f"top_n must be a positive integer, got {top_n!r}")
    pool = members["ccode"].to_numpy(dtype=np.int64)
    c_all, y_all = fields.latest_by_state(nmc, "cinc", pool, lo_n, ref_n)
    order = np.lexsort((pool, -np.nan_to_num(c_all, nan=-1.0)))
    if top_n is not None:
        order = order[:top_n]
    return pool[order], c_all[order], y_all[order]


def _capabilities(d, nmc, codes, cinc, cinc_yr, year, carry, max_carry, nmc_window, sources, syears) -> dict[str, np.ndarray]:
    """``cinc_share``, ``milper_k``, ``population_m``, ``gdp_usd_m`` and ``milex_usd_m``, with their sources."""
    f = FILES
    n = codes.size
    lo_n, ref_n = nmc_window
    total = np.nansum(cinc)
    cinc_share = cinc / total if total > 0 else np.full(n, np.nan)
    sources["cinc"] = fields.describe(f["nmc"], cinc_yr)
    sources["cinc_share"] = f"cinc renormalised over the {n} states ({sources['cinc']})"
    syears["cinc"] = cinc_yr
    milper, milper_yr = fields.latest_by_state(nmc, "milper", codes, lo_n, ref_n)
    sources["milper_k"], syears["milper_k"] = fields.describe(f["nmc"], milper_yr), milper_yr

    # NMC tpop is in thousands; Fariss et al. pwtpop, the fallback, in millions
    tpop, tpop_yr = fields.latest_by_state(nmc, "tpop", codes, lo_n, ref_n)
    population = tpop / 1000.0
    gdppop = fields.table(d, "gdppop")
    lo_g, ref_g = fields.window(year, int(gdppop["year"].max()), carry, max_carry)
    note = ""
    if np.isnan(population).any():
        pw, pw_yr = fields.latest_by_state(gdppop, "pwtpop", codes, lo_g, ref_g)
        use = np.isnan(population) & ~np.isnan(pw)
        population = np.where(use, pw, population)
        tpop_yr = np.where(use, pw_yr, tpop_yr)
        note = f"; {int(use.sum())} from {f['gdppop']} pwtpop" if use.any() else ""
    sources["population_m"] = fields.describe(f["nmc"], tpop_yr, note=note.lstrip("; "))
    syears["population_m"] = tpop_yr

    gdp, gdp_yr = fields.latest_by_state(gdppop, "pwtrgdp", codes, lo_g, ref_g)
    sources["gdp_usd_m"], syears["gdp_usd_m"] = fields.describe(f["gdppop"], gdp_yr, note="pwtrgdp, million 2017 int'l $ PPP"), gdp_yr

    milex, milex_yr, sources["milex_usd_m"] = fields.milex_usd_m(d, nmc, codes, year, carry, max_carry, lo_n, ref_n)
    syears["milex_usd_m"] = milex_yr
    return {"cinc_share": cinc_share, "milper_k": milper, "population_m": population, "gdp_usd_m": gdp, "milex_usd_m": milex}


def _status(d, codes, cinc, year, carry, sources) -> tuple[np.ndarray, np.ndarray]:
    """COW major-power status in the year and the power tier (brief A1), with their sources."""
    majors = fields.table(d, "majors")
    y_major = min(year, STATES_LAST_YEAR) if carry else year
    mj = majors.loc[(majors["start_year"] <= y_major) & (majors["end_year"] >= y_major), "ccode"]
    major = np.isin(codes, mj.to_numpy())
    if y_major <= STATES_LAST_YEAR:
        sources["major"] = f"{FILES['majors']} ({y_major})"
    else:
        sources["major"] = f"{FILES['majors']} (not covered after {STATES_LAST_YEAR})"
    tier = power_tier(cinc, major)
    sources["tier"] = f"foedus.schema.power_tier of cinc and major ({sources['cinc']})"
    return major, tier


def _regime(d, codes, year, carry, max_carry, sources, syears) -> tuple[np.ndarray, np.ndarray]:
    """Democracy (V-Dem, Polity5 rescaled where V-Dem lacks a figure; 0-1) and UNGA ideal point, with sources."""
    dem = fields.table(d, "democracy")
    lo_d, ref_d = fields.window(year, int(dem["year"].max()), carry, max_carry)
    poly, poly_yr = fields.latest_by_state(dem, "v2x_polyarchy", codes, lo_d, ref_d)
    p2, p2_yr = fields.latest_by_state(dem, "polity2", codes, lo_d, ref_d)
    use = np.isnan(poly) & ~np.isnan(p2)
    democracy = np.where(use, (p2 + 10.0) / 20.0, poly)
    dem_yr = np.where(use, p2_yr, poly_yr)
    sources["democracy"] = fields.describe(
        FILES["democracy"], dem_yr,
        note="v2x_polyarchy" + (f"; (polity2+10)/20 for {int(use.sum())} states without V-Dem" if use.any() else ""),
    )
    syears["democracy"] = dem_yr

    unga = fields.table(d, "unga")
    lo_u, ref_u = fields.window(year, int(unga["year"].max()), carry, max_carry)
    ideal, ideal_yr = fields.latest_by_state(unga, "idealpointfp", codes, lo_u, ref_u)
    sources["ideal_point"] = fields.describe(FILES["unga"], ideal_yr, note="idealpointfp; UNGA ideal points begin in 1946")
    syears["ideal_point"] = ideal_yr
    return democracy, ideal


def _as_ccode(c) -> int:
    try:
        return int(operator.index(c))
    except TypeError:
        raise ValueError(f"ccode must be an integer COW code, got {c!r}") from None


def _as_year(year) -> int:
    try:
        y = operator.index(year)
    except TypeError:
        raise ValueError(f"year must be an integer, got {year!r}") from None
    return int(y)
