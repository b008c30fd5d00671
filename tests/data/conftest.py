"""Fixtures for the importer and store tests: hand-made records under tests/data/fixtures/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def mini_dir(tmp_path) -> Path:
    """A private copy of the hand-made mini record (publishers' file names), safe to edit."""
    d = tmp_path / "mini"
    shutil.copytree(MINI, d)
    return d
