"""Print the lines of requirements.lock that one part of foedus needs: the core, or core plus extras.

Usage (with the Python of an environment where the whole lock is installed, e.g. ./dev's .venv)::

    python tools/lock_subset.py                      # the core: pyproject.toml's dependencies
    python tools/lock_subset.py --extra test         # the core and the test extra
    python tools/lock_subset.py --also pytest hypothesis

The dependency closure is read from the installed packages' metadata (``importlib.metadata``),
so it needs no network; versions come from requirements.lock, never from what is installed.
``./dev test-core`` installs the result with ``pip install --no-deps`` into a fresh environment.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def canonical(name: str) -> str:
    """PEP 503 normalised distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def closure(roots: list[str]) -> set[str]:
    """Canonical names of ``roots`` (requirement strings) and everything they need, extras included as asked."""
    env = default_environment()
    seen: set[str] = set()
    todo = [Requirement(r) for r in roots]
    done_extras: set[tuple[str, str]] = set()
    while todo:
        req = todo.pop()
        name = canonical(req.name)
        new_extras = [e for e in req.extras if (name, e) not in done_extras]
        if name in seen and not new_extras:
            continue
        seen.add(name)
        done_extras.update((name, e) for e in req.extras)
        try:
            requires = metadata.requires(req.name) or []
        except metadata.PackageNotFoundError:
            sys.exit(f"error: {req.name} is not installed here; run ./dev setup first (the whole lock is installed there)")
        for text in requires:
            dep = Requirement(text)
            if dep.marker is None or dep.marker.evaluate({**env, "extra": ""}) or any(
                dep.marker.evaluate({**env, "extra": e}) for e in req.extras
            ):
                todo.append(dep)
    return seen


def lock_lines(lock: Path) -> dict[str, str]:
    """Canonical name -> its ``name==version`` line in ``lock``."""
    out = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out[canonical(line.split("==")[0])] = line
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extra", action="append", default=[], help="also an extra of pyproject.toml (repeatable)")
    ap.add_argument("--also", nargs="*", default=[], help="also these distributions")
    args = ap.parse_args(argv)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    roots = list(project["dependencies"])
    for extra in args.extra:
        roots += project["optional-dependencies"][extra]
    roots += args.also
    pins = lock_lines(ROOT / "requirements.lock")
    names = closure(roots)
    missing = sorted(n for n in names if n not in pins and n != "foedus")
    if missing:
        sys.exit(f"error: requirements.lock has no version of {', '.join(missing)}")
    print("\n".join(pins[n] for n in sorted(names) if n in pins))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
