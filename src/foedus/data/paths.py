"""Where foedus looks for research records."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DATA_DIR = "FOEDUS_DATA_DIR"


def default_data_dir() -> Path:
    """The folder of raw research records to read when the user names none.

    Order: the environment variable ``FOEDUS_DATA_DIR``; ``../shared/data`` beside the current
    working directory; ``shared/data`` beside the project's checkout (for a development install).
    A ``FOEDUS_DATA_DIR`` that names no folder is an error, never a reason to read another
    folder: the user said where the records are.

    Raises
    ------
    FileNotFoundError
        If ``FOEDUS_DATA_DIR`` is set and is not a folder (naming it), or if none of the places
        exists (with the places tried).
    """
    tried: list[Path] = []
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        p = Path(env).expanduser()
        if p.is_dir():
            return p
        what = "is a file, not a folder" if p.exists() else "does not exist"
        raise FileNotFoundError(f"{ENV_DATA_DIR}={env}: {what}; point it at the folder of research records (laid out like ../shared/data) or unset it")
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


ENV_DB = "FOEDUS_DB"


def default_db_path() -> Path:
    """Where the local store (:mod:`foedus.data.store`) lives when the user names none.

    Order: the environment variable ``FOEDUS_DB``; ``$XDG_DATA_HOME/foedus/foedus.duckdb``;
    ``~/.local/share/foedus/foedus.duckdb``. The file need not exist.
    """
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "foedus.duckdb"


def user_data_dir() -> Path:
    """foedus's folder of user data (the store, the dashboard's runs): ``$XDG_DATA_HOME/foedus``, else ``~/.local/share/foedus``.

    The folder need not exist.
    """
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "foedus"
