"""Importers for ATOP and Correlates of War files into the canonical schema, and the local store."""

from foedus.data.paths import default_data_dir
from foedus.data.record import load_record

__all__ = ["default_data_dir", "load_record"]
