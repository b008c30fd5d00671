"""Importers for ATOP and Correlates of War files into the canonical schema, and the local store.

- :func:`load_record` reads a folder of raw files (``../shared/data`` or the publishers' own
  file names) into a :class:`~foedus.schema.History`;
- :func:`import_dir` writes it once into a local DuckDB store, :func:`read_store` reads it back;
- :func:`open_record` returns the record from wherever it is (a named folder, the store, or the
  default folder of raw files).
"""

from foedus.data.paths import default_data_dir, default_db_path
from foedus.data.record import load_record
from foedus.data.store import import_dir, open_record, read_store, store_info

__all__ = ["default_data_dir", "default_db_path", "import_dir", "load_record", "open_record", "read_store", "store_info"]
