"""Assemble the historical record (a :class:`~foedus.schema.History`) from a folder of raw files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from foedus.data.atop import ATOP_LAST_YEAR, read_atop_alliances, read_atop_members
from foedus.data.cow import read_majors, read_nmc, read_states
from foedus.data.paths import default_data_dir
from foedus.schema import History, SchemaError, empty

# Each entry: table -> candidate relative paths, the ../shared/data layout first, then the
# publishers' own file names (as downloaded from atopdata.org and correlatesofwar.org).
FILES: dict[str, tuple[str, ...]] = {
    "atop_alliances": ("atop/atop5_1a.csv", "atop5_1a.csv", "ATOP 5.1 (.csv)/atop5_1a.csv"),
    "atop_members": ("atop/atop5_1m.csv", "atop5_1m.csv", "ATOP 5.1 (.csv)/atop5_1m.csv"),
    "atop_inst": ("atop/atopinst5_1.csv", "atopinst5_1.csv"),
    "states": ("peacesciencer/cow_states.csv", "states2016.csv", "cow_states.csv"),
    "majors": ("peacesciencer/cow_majors.csv", "majors2016.csv", "cow_majors.csv"),
    "nmc": ("peacesciencer/cow_nmc.csv", "NMC-70-abridged.csv", "NMC-60-abridged.csv", "cow_nmc.csv"),
}


def find_file(data_dir: Path, table: str, required: bool = True) -> Path | None:
    """The first existing candidate file for ``table`` under ``data_dir``."""
    for rel in FILES[table]:
        p = Path(data_dir) / rel
        if p.is_file():
            return p
    if required:
        raise SchemaError(str(data_dir), f"no file for '{table}' (looked for {', '.join(FILES[table])})")
    return None


def load_record(data_dir: Path | str | None = None) -> History:
    """Read the historical record from raw files into a :class:`~foedus.schema.History`.

    Parameters
    ----------
    data_dir
        A folder laid out like ``../shared/data`` or holding the publishers' file names;
        defaults to :func:`~foedus.data.paths.default_data_dir`.

    The observation window runs from 1815 (ATOP's first year) to ATOP's last year (2018);
    alliances still in force then are right-censored.
    """
    d = Path(data_dir) if data_dir is not None else default_data_dir()
    inst = find_file(d, "atop_inst", required=False)
    agreements = read_atop_alliances(find_file(d, "atop_alliances"), inst)
    memberships = read_atop_members(find_file(d, "atop_members"))
    states = read_states(find_file(d, "states"))
    majors_path = find_file(d, "majors", required=False)
    majors = read_majors(majors_path) if majors_path else None
    state_years = read_nmc(find_file(d, "nmc"), majors)
    unknown = set(memberships["agreement_id"]) - set(agreements["agreement_id"])
    if unknown:
        raise SchemaError(str(find_file(d, "atop_members")), f"memberships of unknown agreements: {sorted(unknown)[:5]}", column="atopid")
    return History(
        states=states,
        state_years=state_years,
        agreements=agreements,
        memberships=memberships,
        events=empty("events"),
        first_year=int(agreements["start_year"].min()),
        last_year=ATOP_LAST_YEAR,
        source=str(d),
    )
