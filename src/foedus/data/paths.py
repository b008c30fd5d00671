"""Where foedus looks for research records."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "FOEDUS_DATA_DIR"


def default_data_dir() -> Path:
    """The folder of raw research records to read when the user names none.

    Order: the environment variable ``FOEDUS_DATA_DIR``; ``../shared/data`` beside the current
    working directory; ``shared/data`` beside the project's checkout (for a development install).

    Raises
    ------
    FileNotFoundError
        If none of these exists, with the places tried.
    """
    tried: list[Path] = []
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        p = Path(env).expanduser()
        if p.is_dir():
            return p
        tried.append(p)
    candidates = [Path.cwd().parent / "shared" / "data", Path.cwd() / "shared" / "data"]
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidates.append(parent.parent / "shared" / "data")
    for c in candidates:
        if c.is_dir() and (c / "atop").is_dir():
            return c
        tried.append(c)
    raise FileNotFoundError(
        "no research records found; set FOEDUS_DATA_DIR or pass --data DIR. Tried: "
        + ", ".join(str(t) for t in dict.fromkeys(tried))
    )
