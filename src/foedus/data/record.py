"""Assemble the historical record (a :class:`~foedus.schema.History`) from a folder of raw files.

The folder may be laid out like ``../shared/data`` (``atop/``, ``peacesciencer/``) or hold the
publishers' own file names as downloaded (``atop5_1a.csv``, ``states2016.csv``,
``NMC-60-abridged.csv``, ``DirectContiguity320/contdir.csv``, ``MIDA 5.0.csv``,
``Inter-StateWarData_v4.0.csv``, ...): :data:`FILES` lists the names tried, in order.

Every state code is checked against the COW state system list (``states``), with two
documented exceptions: ATOP members flagged ``cowsys == 0`` (not in the system when they
signed; see :func:`foedus.data.atop.read_atop_members`) and rivalries that ended before 1816
(see :data:`foedus.data.conflict.COW_FIRST_YEAR`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from foedus.data.atop import ATOP_LAST_YEAR, read_atop_alliances, read_atop_dyad_years, read_atop_members
from foedus.data.conflict import dispute_events, read_arms_races, read_disputes, read_rivalries, read_wars, war_events
from foedus.data.cow import read_majors, read_nmc, read_states
from foedus.data.cow_alliances import read_cow_alliances
from foedus.data.geography import read_capitals, read_contiguity
from foedus.data.paths import default_data_dir
from foedus.schema.provenance import HistoryMeta
from foedus.schema import CAPABILITY_ASYMMETRY_RATIO, History, SchemaError, empty, validate

# Each entry: table -> candidate relative paths, the ../shared/data layout first, then the
# publishers' own file names (as downloaded from atopdata.org and correlatesofwar.org).
FILES: dict[str, tuple[str, ...]] = {
    "atop_alliances": ("atop/atop5_1a.csv", "atop5_1a.csv", "ATOP 5.1 (.csv)/atop5_1a.csv"),
    "atop_members": ("atop/atop5_1m.csv", "atop5_1m.csv", "ATOP 5.1 (.csv)/atop5_1m.csv"),
    "atop_inst": ("atop/atopinst5_1.csv", "atopinst5_1.csv", "ATOP 5.1 (.csv)/atopinst5_1.csv"),
    "states": ("peacesciencer/cow_states.csv", "states2016.csv", "cow_states.csv"),
    "majors": ("peacesciencer/cow_majors.csv", "majors2016.csv", "cow_majors.csv"),
    "nmc": (
        "peacesciencer/cow_nmc.csv", "NMC-70-abridged.csv", "NMC-60-abridged.csv", "NMC-60-abridged/NMC-60-abridged.csv",
        "NMC_5_0.csv", "cow_nmc.csv",
    ),
    "capitals": ("peacesciencer/cow_capitals.csv", "cow_capitals.csv"),
    "contiguity": ("peacesciencer/cow_contdir.csv", "cow_contdir.csv", "contdir.csv", "DirectContiguity320/contdir.csv"),
    "rivalries": ("peacesciencer/td_rivalries.csv", "td_rivalries.csv"),
    "rivalries_tss": ("peacesciencer/tss_rivalries.csv", "tss_rivalries.csv"),
    "arms_races": ("peacesciencer/grh_arms_races.csv", "grh_arms_races.csv"),
    "disputes": (
        "peacesciencer/cow_mid_disps.csv", "cow_mid_disps.csv", "MIDA 5.0.csv", "MIDA_5.0.csv",
        "MID-5-Data-and-Supporting-Materials/MIDA 5.0.csv",
    ),
    "disputes_gml": ("peacesciencer/gml_mid_disps.csv", "gml_mid_disps.csv", "gml-mida-2.2.1.csv"),
    "wars": ("peacesciencer/cow_war_inter.csv", "cow_war_inter.csv", "Inter-StateWarData_v4.0.csv"),
    "atop_dyad_years": (
        "peacesciencer/atop_alliance.csv.gz", "atop_alliance.csv.gz", "atop_alliance.csv", "atop5_1ddyr.csv",
        "ATOP 5.1 (.csv)/atop5_1ddyr.csv",
    ),
}

DISPUTE_SOURCES = {"disputes": "COW-MID 5.0", "disputes_gml": "GML MID 2.2.1"}
"""Data set named in the ``source`` column of each dispute table."""


def find_file(data_dir: Path, table: str, required: bool = True) -> Path | None:
    """The first existing candidate file for ``table`` under ``data_dir`` (see :data:`FILES`).

    A candidate that exists but is not a regular file (a FIFO, a device, a folder, a broken
    link) is an error, not a file to skip: an optional table would otherwise vanish unnoticed.
    """
    for rel in FILES[table]:
        p = Path(data_dir) / rel
        if p.is_file():
            return p
        if p.exists() or p.is_symlink():
            raise SchemaError(str(p), "not a regular file (a FIFO, device, folder or broken link): replace it with the file itself")
    if required:
        raise SchemaError(str(data_dir), f"no file for '{table}' (looked for {', '.join(FILES[table])})")
    return None


def record_files(data_dir: Path | str, cow_alliances: Path | str | None = None) -> dict[str, Path]:
    """The raw files :func:`load_record` would read from ``data_dir``, by table (only those found)."""
    found = {t: find_file(Path(data_dir), t, required=False) for t in FILES}
    out = {t: p for t, p in found.items() if p is not None}
    if cow_alliances is not None:
        out["cow_alliances"] = Path(cow_alliances)
    return out


def read_extras(data_dir: Path, known_ccodes, atop_ccodes=None) -> dict[str, pd.DataFrame]:
    """Read every auxiliary table found under ``data_dir`` (see :mod:`foedus.data.extras_schema`).

    ``known_ccodes`` are the COW system's state codes; ``atop_ccodes`` those ATOP's members
    may have (the system's plus ATOP's documented non-system members), for its dyad-year file.
    """
    readers = {
        "capitals": lambda p: read_capitals(p, known_ccodes),
        "contiguity": lambda p: read_contiguity(p, known_ccodes),
        "rivalries": lambda p: read_rivalries(p, known_ccodes),
        "rivalries_tss": lambda p: read_rivalries(p, known_ccodes),
        "arms_races": lambda p: read_arms_races(p, known_ccodes),
        "disputes": lambda p: read_disputes(p, DISPUTE_SOURCES["disputes"], "disputes"),
        "disputes_gml": lambda p: read_disputes(p, DISPUTE_SOURCES["disputes_gml"], "disputes_gml"),
        "wars": lambda p: read_wars(p, known_ccodes),
        "atop_dyad_years": lambda p: read_atop_dyad_years(p, known_ccodes if atop_ccodes is None else atop_ccodes),
    }
    extras = {}
    for name, read in readers.items():
        path = find_file(data_dir, name, required=False)
        if path is not None:
            df = read(path)
            df.attrs.clear()
            extras[name] = df
    return extras


def record_events(extras: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Canonical ``events`` of the record: disputes and wars, in year order.

    Disputes come from COW-MID when present, otherwise from GML (the two code largely the same
    disputes, so using both would count them twice); wars from COW Inter-State War Data.
    """
    parts = []
    disputes = extras.get("disputes", extras.get("disputes_gml"))
    if disputes is not None:
        parts.append(dispute_events(disputes))
    if "wars" in extras:
        parts.append(war_events(extras["wars"]))
    if not parts:
        return empty("events")
    ev = pd.concat(parts, ignore_index=True)
    order = np.lexsort((ev["kind"].to_numpy(dtype=str), ev["year"].to_numpy()))
    return validate(ev.iloc[order].reset_index(drop=True), "events", source="record events")


def capability_asymmetry(agreements: pd.DataFrame, memberships: pd.DataFrame, state_years: pd.DataFrame) -> pd.Series:
    """Brief A3 for the record: does an agreement's strongest founder have :data:`~foedus.schema.CAPABILITY_ASYMMETRY_RATIO` times the next one's CINC?

    Founders are the members whose entry year is the agreement's earliest (as
    :func:`foedus.analysis.size.founding_members` counts them); capability is COW CINC (NMC 7.0)
    in that year. This is capability asymmetry (Morrow 1991), not ATOP's ``asymm`` (members'
    obligations differ), which stays in ``agreements.asymmetric``.

    Returns
    -------
    pandas.Series of nullable boolean, aligned with ``agreements``: ``<NA>`` when fewer than two
    founders have a CINC (alliances of 1815, before NMC begins, and members outside NMC).
    """
    m = memberships[["agreement_id", "ccode", "entry_year"]]
    founders = m[m["entry_year"] == m.groupby("agreement_id")["entry_year"].transform("min")].drop_duplicates(["agreement_id", "ccode"])
    cinc = founders.merge(state_years[["ccode", "year", "cinc"]], left_on=["ccode", "entry_year"], right_on=["ccode", "year"], how="inner")
    cinc = cinc.dropna(subset=["cinc"]).sort_values(["agreement_id", "cinc"], ascending=[True, False])
    rank = cinc.groupby("agreement_id").cumcount()
    top = cinc[rank == 0].set_index("agreement_id")["cinc"]
    second = cinc[rank == 1].set_index("agreement_id")["cinc"]
    asym = (top.reindex(second.index) >= CAPABILITY_ASYMMETRY_RATIO * second).astype("boolean")
    return pd.Series(asym.reindex(agreements["agreement_id"]).to_numpy(), index=agreements.index, dtype="boolean")


def load_record(
    data_dir: Path | str | None = None,
    *,
    cow_alliances: Path | str | None = None,
    extras: bool = True,
) -> History:
    """Read the historical record from raw files into a :class:`~foedus.schema.History`.

    Parameters
    ----------
    data_dir
        A folder laid out like ``../shared/data`` or holding the publishers' file names
        (:data:`FILES`); defaults to :func:`~foedus.data.paths.default_data_dir`.
    cow_alliances
        Optional path to the user's own copy of COW Formal Alliances v4.1
        (``alliance_v4.1_by_member.csv``); its alliances are added to ``agreements`` and
        ``memberships`` with ``source`` "COW Formal Alliances v4.1" (filter on ``source`` to
        avoid counting an alliance in both ATOP and COW). Never bundled.
    extras
        Also read the auxiliary tables (capitals, contiguity, rivalries, arms races, disputes,
        wars, ATOP dyad-years) that are present, into ``History.extras``, and disputes and wars
        into ``events``.

    Returns
    -------
    History
        Observation window from ATOP's first year (1815) to its last (2018); alliances still in
        force then are right-censored. ``meta`` (:meth:`~foedus.schema.provenance.HistoryMeta.record`)
        lists the files read and the units of the record's columns (``state_years.milex`` in
        thousands of current US$, of pounds sterling 1816-1913, as COW NMC 7.0 has it).

    Raises
    ------
    SchemaError
        For any file that does not fit (file, line, column, reason), for memberships of unknown
        agreements and for state codes outside the COW system list (with the exceptions
        documented in this module).
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    states = read_states(find_file(d, "states"))
    known = states["ccode"].unique()
    inst = find_file(d, "atop_inst", required=False)
    agreements = read_atop_alliances(find_file(d, "atop_alliances"), inst)
    members_path = find_file(d, "atop_members")
    memberships = read_atop_members(members_path, known)
    unknown = sorted(set(memberships["agreement_id"]) - set(agreements["agreement_id"]))
    if unknown:
        raise SchemaError(str(members_path), f"memberships of unknown agreements: {unknown[:5]}", column="atopid")
    majors_path = find_file(d, "majors", required=False)
    majors = read_majors(majors_path, known) if majors_path else None
    state_years = read_nmc(find_file(d, "nmc"), majors, known)
    aux: dict[str, pd.DataFrame] = {}
    if extras:
        aux = read_extras(d, known, np.union1d(known, memberships["ccode"].unique()))
    if cow_alliances is not None:
        cow_agreements, cow_memberships = read_cow_alliances(cow_alliances, known)
        agreements = pd.concat([agreements, cow_agreements], ignore_index=True)
        memberships = pd.concat([memberships, cow_memberships], ignore_index=True)
    agreements = agreements.assign(capability_asymmetric=capability_asymmetry(agreements, memberships, state_years))
    return History(
        states=states,
        state_years=state_years,
        agreements=validate(agreements, "agreements", source=str(d)),
        memberships=validate(memberships, "memberships", source=str(d)),
        events=record_events(aux),
        first_year=int(agreements["start_year"].min()),
        last_year=ATOP_LAST_YEAR,
        source=str(d),
        extras=aux,
        meta=HistoryMeta.record(sorted(str(p) for p in record_files(d, cow_alliances).values())),
    )
