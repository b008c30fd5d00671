"""A run killed at any write and resumed gives the bytes of a run never interrupted.

The kill is simulated in process, deterministically, at every atomic write of a run (just
before and just after each ``os.replace`` of a file into place, and before the checkpoint is
removed): every moment a real kill could leave a different folder. After each, the documented
resume (the same command with ``--resume``, i.e. ``simulate_to_dir(..., resume=True)``) must
give the same files, byte for byte, with no temporary file left; once the run has saved its
first state, ``--resume`` alone (no scenario, no horizon) is enough and keeps the horizon.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from foedus.sim.engine import CHECKPOINT
from foedus.sim.output import simulate_to_dir
from foedus.sim.scenario import Scenario

YEARS, SEED, EVERY = 5, 3, 2  # a horizon that is not the scenario's (its default is 30)


class Killed(BaseException):
    """The process dies here (not an Exception: nothing may catch it)."""


def _files(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def scenario():
    return Scenario.builtin("europe-1871")


@pytest.fixture(scope="module")
def reference(tmp_path_factory, scenario):
    out = tmp_path_factory.mktemp("ref") / "run"
    simulate_to_dir(scenario, out, years=YEARS, seed=SEED, checkpoint_every=EVERY)
    return _files(out)


def _writes(scenario, tmp_path) -> int:
    """How many atomic replaces an uninterrupted run makes."""
    calls = []
    real = os.replace

    def counting(a, b):
        calls.append(b)
        return real(a, b)

    os.replace = counting
    try:
        simulate_to_dir(scenario, tmp_path / "count", years=YEARS, seed=SEED, checkpoint_every=EVERY)
    finally:
        os.replace = real
    return len(calls)


def test_a_run_killed_at_any_write_resumes_to_the_same_bytes(tmp_path, scenario, reference, monkeypatch):
    n = _writes(scenario, tmp_path)
    assert n >= 10
    real = os.replace
    for k in range(n):
        for after in (False, True):
            out = tmp_path / f"kill-{k}-{int(after)}"
            seen = []

            def dying(a, b, k=k, after=after):
                seen.append(b)
                if len(seen) - 1 == k and not after:
                    raise Killed
                real(a, b)
                if len(seen) - 1 == k and after:
                    raise Killed

            monkeypatch.setattr(os, "replace", dying)
            with pytest.raises(Killed):
                simulate_to_dir(scenario, out, years=YEARS, seed=SEED, checkpoint_every=EVERY)
            monkeypatch.setattr(os, "replace", real)
            # the documented resume: the same command with --resume
            simulate_to_dir(scenario, out, years=YEARS, seed=SEED, checkpoint_every=EVERY, resume=True)
            assert _files(out) == reference, (k, after)
            assert not list(out.glob("*.tmp")) and not (out / CHECKPOINT).exists()


def test_resume_without_the_scenario_keeps_the_requested_horizon(tmp_path, scenario, reference, monkeypatch):
    """Killed after the first checkpoint: the checkpoint holds the scenario, run.json the horizon."""
    out = tmp_path / "run"
    real = os.replace

    def dying(a, b):
        real(a, b)
        if Path(b).name == CHECKPOINT:
            raise Killed

    monkeypatch.setattr(os, "replace", dying)
    with pytest.raises(Killed):
        simulate_to_dir(scenario, out, years=YEARS, seed=SEED, checkpoint_every=EVERY)
    monkeypatch.setattr(os, "replace", real)
    history = simulate_to_dir(None, out, resume=True, checkpoint_every=EVERY)
    assert history.last_year - history.first_year + 1 == YEARS
    assert _files(out) == reference


def test_resuming_a_complete_run_changes_nothing(tmp_path, scenario, reference):
    out = tmp_path / "run"
    simulate_to_dir(scenario, out, years=YEARS, seed=SEED, checkpoint_every=EVERY)
    simulate_to_dir(None, out, resume=True)
    assert _files(out) == reference
    with pytest.raises(ValueError, match="no unfinished run to resume"):
        simulate_to_dir(None, tmp_path / "empty", resume=True)
