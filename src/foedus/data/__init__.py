"""Importers for ATOP and Correlates of War files into the canonical schema, and the local store.

Each raw file has exactly one reader, used by the importer and by the year snapshot alike:
:mod:`~foedus.data.atop` (ATOP 5.1), :mod:`~foedus.data.cow` (state system, majors, NMC),
:mod:`~foedus.data.geography` (capitals, contiguity, CShapes distances),
:mod:`~foedus.data.conflict` (rivalries, arms races, disputes, wars), :mod:`~foedus.data.economy`
(SIPRI, Fariss et al. GDP and population, COW trade), :mod:`~foedus.data.regime` (V-Dem/Polity,
UN ideal points), :mod:`~foedus.data.cyber` (DCID 2.0) and :mod:`~foedus.data.cow_alliances`
(the user's own COW Formal Alliances). Then:

- :func:`load_record` reads a folder of raw files (``../shared/data`` or the publishers' own
  file names) into a :class:`~foedus.schema.History`;
- :func:`import_dir` writes it once into a local DuckDB store, :func:`read_store` reads it back;
- :func:`open_record` returns the record from wherever it is (a named folder, the store, or the
  default folder of raw files);
- :func:`foedus.data.snapshot.snapshot` assembles one year of the record as aligned arrays, the
  starting point of a scenario (:mod:`foedus.data.snapshot_fields` takes each field from its table).
"""

from foedus.data.paths import default_data_dir, default_db_path

__all__ = ["default_data_dir", "default_db_path", "import_dir", "load_record", "open_record", "read_store", "store_info"]

_FROM_STORE = ("import_dir", "open_record", "read_store", "store_info")


def __getattr__(name: str):
    """The readers, imported on first use: they need pandas and DuckDB, which ``foedus --help`` does not."""
    if name == "load_record":
        from foedus.data.record import load_record

        return load_record
    if name in _FROM_STORE:
        from foedus.data import store

        return getattr(store, name)
    raise AttributeError(f"module 'foedus.data' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
