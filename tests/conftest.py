"""Shared fixtures: the real research records in ../shared/data; Hypothesis's profile.

Property tests draw their examples from a fixed seed (Hypothesis's ``derandomize``), so a run of the suite is a function
of the checkout, like every other result of foedus: CI cannot pass one day and fail the next on the same code. To search
new examples, set ``FOEDUS_HYPOTHESIS_PROFILE=explore`` (random draws, as Hypothesis does by default); a failure found
that way is kept as an ``@example`` on the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

try:  # the core environment has hypothesis too, but a conftest must not need it
    from hypothesis import settings
except ImportError:  # pragma: no cover
    settings = None
if settings is not None:
    settings.register_profile("derandomized", derandomize=True, database=None)
    settings.register_profile("explore")
    settings.load_profile(os.environ.get("FOEDUS_HYPOTHESIS_PROFILE", "derandomized"))

from foedus.data import default_data_dir, load_record


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The folder of real records (FOEDUS_DATA_DIR or ../shared/data). Tests fail, not skip, without it."""
    return default_data_dir()


@pytest.fixture(scope="session")
def record(data_dir):
    """The historical record (ATOP 5.1 + COW) as a :class:`foedus.schema.History`."""
    return load_record(data_dir)
