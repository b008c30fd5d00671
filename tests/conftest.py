"""Shared fixtures: the real research records in ../shared/data."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.data import default_data_dir, load_record


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of real records (FOEDUS_DATA_DIR or ../shared/data). Tests fail, not skip, without it."""
    return default_data_dir()


@pytest.fixture(scope="session")
def record(data_dir):
    """The historical record (ATOP 5.1 + COW) as a :class:`foedus.schema.History`."""
    return load_record(data_dir)
