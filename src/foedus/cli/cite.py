"""``foedus cite [PATH] [--bibtex]``: what to cite for an output of foedus, read from its provenance.

PATH is a run folder (``run.json``, ``history.json``), an ensemble folder (``manifest.json``), an
exported table or network (its Parquet metadata or ``FILE.json`` sidecar,
:mod:`foedus.data.export`), a ``history.json`` or a scenario file. Without PATH: foedus and every
data set of the store (or, without a store, of the data folder). The references themselves are
:mod:`foedus.data.citations`.
"""

import json
import re
from pathlib import Path
from typing import Optional

import typer

from foedus.cli._common import fail
from foedus.i18n import _

_HELP = (
    "List what to cite for an output of foedus: foedus itself, the data sets it was built from and the published "
    "models it implements, read from the provenance the output carries.\n\nPATH: a run folder (foedus simulate "
    "--out), an ensemble folder, an exported table or network (.parquet, .csv, .dta, .gexf, .graphml: their "
    "provenance), a history.json or a scenario file. Without PATH: foedus and every data set of the store (or of the "
    "data folder). --bibtex prints BibTeX entries instead of text."
)


class Cited:
    """The keys an output owes, in order (foedus first, data, then models), and notes on what could not be read."""

    def __init__(self) -> None:
        from foedus.data.citations import FOEDUS_KEY

        self.keys: dict[str, None] = {FOEDUS_KEY: None}
        self.notes: list[str] = []

    def add(self, keys) -> None:
        for k in keys:
            self.keys.setdefault(k, None)


def keys_of_file(path: str) -> tuple[str, ...]:
    """The keys of a data file named by ``path`` (absolute, or relative to the data folder), else ()."""
    from foedus.data.citations import DATA_FILES

    p = str(path).replace("\\", "/")
    for name, keys in DATA_FILES.items():
        if p == name or p.endswith("/" + name):
            return keys
    return ()


def keys_of_text(text: str) -> list[str]:
    """Keys of every data file a free text (a scenario's ``sources``) names."""
    from foedus.data.citations import DATA_FILES

    out: list[str] = []
    for name, keys in DATA_FILES.items():
        if re.search(r"(^|[\s'(/])" + re.escape(name) + r"($|[\s'),;:])", text):
            out.extend(keys)
    return out


def _scenario(cited: Cited, name_or_file: str) -> None:
    """The data of a scenario's sources and the models of the simulated year's steps."""
    from foedus.data.citations import STEP_MODELS
    from foedus.sim import Scenario, builtin_names
    from foedus.sim.steps import DEFAULT_STEPS

    if Path(name_or_file).suffix in (".yaml", ".yml", ".toml") or name_or_file in builtin_names():
        sc = Scenario.load(name_or_file)
        cited.add(keys_of_text("\n".join(str(v) for v in sc.sources.values())))
    else:
        cited.notes.append(_(
            "scenario {name!r} is not built in: the data it was made from are named in its file's sources "
            "(foedus cite FILE.yaml lists them)"
        ).format(name=name_or_file))
    for step in DEFAULT_STEPS:
        if step not in STEP_MODELS:
            cited.notes.append(_("step {step!r} has no entry in foedus.data.citations.STEP_MODELS").format(step=step))
        cited.add(STEP_MODELS.get(step, ()))


def _command(cited: Cited, command: str) -> None:
    from foedus.data.citations import COMMAND_MODELS

    words = command.split()
    words = words[words.index("foedus") + 1:] if "foedus" in words else words
    for n in (2, 1):
        cited.add(COMMAND_MODELS.get(" ".join(words[:n]), ()))


def _history_json(cited: Cited, path: Path) -> None:
    from foedus.data.citations import RECORD_KEYS

    meta = json.loads(path.read_text(encoding="utf-8")).get("meta") or {}
    if meta.get("kind") == "record":
        cited.add(RECORD_KEYS)
    for f in meta.get("files") or ():
        cited.add(keys_of_file(f))


def cite_path(path: Path) -> Cited:
    """What the output at ``path`` owes (see the module docstring for what ``path`` may be).

    Raises
    ------
    ValueError
        ``path`` holds no provenance foedus can read (its message names the file and why).
    """
    cited = Cited()
    if path.is_dir():
        if (path / "run.json").is_file():
            run = json.loads((path / "run.json").read_text(encoding="utf-8"))
            _scenario(cited, str(run.get("scenario")))
            if (path / "history.json").is_file():
                _history_json(cited, path / "history.json")
        elif (path / "manifest.json").is_file():
            manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
            _scenario(cited, str(manifest.get("scenario")))
            _command(cited, "foedus ensemble")
        elif (path / "history.json").is_file():
            _history_json(cited, path / "history.json")
        else:
            raise ValueError(_("{path}: no run.json, manifest.json or history.json: not a run or ensemble folder of foedus").format(path=path))
    elif not path.is_file():
        raise ValueError(_("{path}: no such file or folder").format(path=path))
    elif path.suffix in (".yaml", ".yml", ".toml"):
        _scenario(cited, str(path))
    elif path.name.endswith("history.json"):
        _history_json(cited, path)
    else:
        from foedus.data.export import read_meta

        try:
            meta = read_meta(path)
        except Exception as e:  # a file that is not what its extension says
            raise ValueError(_("{path}: cannot read its provenance ({reason})").format(path=path, reason=e)) from None
        if not meta:
            raise ValueError(_("{path}: carries no foedus provenance (no metadata, no {sidecar} beside it)").format(
                path=path, sidecar=f"{path.name}.json"))
        for f in meta.get("data_files") or ():
            cited.add(keys_of_file(f.get("path", "") if isinstance(f, dict) else str(f)))
        _command(cited, str(meta.get("command") or ""))
    return cited


def cite_store(db: Optional[Path] = None) -> Cited:
    """foedus and every data set of the store (or, without one, of the data folder)."""
    from foedus.data.citations import DATA_FILES, RECORD_KEYS
    from foedus.data.paths import default_data_dir, default_db_path

    cited = Cited()
    cited.add(RECORD_KEYS)
    db = db or default_db_path()
    if db.is_file():
        from foedus.data import store_info

        for f in store_info(db).files.values():
            cited.add(keys_of_file(f))
        return cited
    try:
        where = default_data_dir()
    except FileNotFoundError:
        cited.notes.append(_("no store and no data folder: every data set foedus can read is listed"))
        cited.add(k for keys in DATA_FILES.values() for k in keys)
        return cited
    for name, keys in DATA_FILES.items():
        if (where / name).is_file():
            cited.add(keys)
    return cited


def _plain(value: str) -> str:
    value = value.replace("--", "\u2013").replace('{\\"u}', "\u00fc").replace('\\"u', "\u00fc")
    return value.replace("{", "").replace("}", "")


def text_entry(key: str) -> str:
    """One reference as a line of text (author-year style)."""
    from foedus.data.citations import REFERENCES

    kind, f = REFERENCES[key]
    authors = _plain(f.get("author", f.get("organization", ""))).replace(" and others", " et al.").replace(" and ", "; ")
    out = f"{authors.rstrip('.')}. {f.get('year', 'n.d.')}. "
    title = _plain(f["title"])
    if kind == "article":
        out += f"\"{title}.\" {_plain(f['journal'])}"
        if "volume" in f:
            out += f" {f['volume']}" + (f"({_plain(f['number'])})" if "number" in f else "")
        out += f": {_plain(f['pages'])}." if "pages" in f else "."
    elif kind == "incollection":
        out += f"\"{title}.\" In {_plain(f['editor'])} (ed.), {_plain(f['booktitle'])}. {f['address']}: {f['publisher']}, {_plain(f['pages'])}."
    elif kind == "book":
        out += f"{title}. {f.get('address', '') + ': ' if 'address' in f else ''}{f['publisher']}."
    else:
        extra = [("Version " if k == "version" else "") + _plain(f[k]) for k in ("version", "organization", "howpublished", "note") if k in f]
        out += f"{title}." + "".join(f" {e}." for e in extra)
    for k in ("doi", "url"):
        if k in f:
            out += f" {'https://doi.org/' if k == 'doi' else ''}{f[k]}"
    return out


def bibtex_entry(key: str) -> str:
    """One reference as a BibTeX entry."""
    from foedus.data.citations import REFERENCES

    kind, f = REFERENCES[key]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in f.items())
    return f"@{kind}{{{key},\n{body}\n}}"


def render(cited: Cited, *, bibtex: bool, what: str) -> str:
    from foedus.data.citations import DATA_KEYS, FOEDUS_KEY

    keys = list(cited.keys)
    data = [k for k in keys if k in DATA_KEYS]
    models = [k for k in keys if k != FOEDUS_KEY and k not in DATA_KEYS]
    if bibtex:
        lines = [f"% foedus cite: {what}"] + [f"% note: {n}" for n in cited.notes]
        return "\n".join(lines) + "\n\n" + "\n\n".join(bibtex_entry(k) for k in [FOEDUS_KEY, *data, *models]) + "\n"
    out = [_("To cite {what}:").format(what=what), "", _("Software:"), f"  [{FOEDUS_KEY}] {text_entry(FOEDUS_KEY)}"]
    if data:
        out += ["", _("Data:")] + [f"  [{k}] {text_entry(k)}" for k in data]
    if models:
        out += ["", _("Published models:")] + [f"  [{k}] {text_entry(k)}" for k in models]
    out += [_("note: {note}").format(note=n) for n in cited.notes]
    return "\n".join(out) + "\n"


def register(app: typer.Typer) -> None:
    """Add ``cite`` to ``app``."""

    @app.command("cite", help=_HELP, short_help="What to cite for an output: foedus, its data and its published models.")
    def cite_cmd(
        path: Optional[Path] = typer.Argument(None, help="A run or ensemble folder, an exported file, a history.json or a scenario file."),
        bibtex: bool = typer.Option(False, "--bibtex", help="Print BibTeX entries (keys as in foedus.data.citations)."),
        db: Optional[Path] = typer.Option(None, "--db", help="The store to list without PATH (default: $FOEDUS_DB or ~/.local/share/foedus/foedus.duckdb)."),
    ) -> None:
        try:
            cited = cite_store(db) if path is None else cite_path(path)
        except (ValueError, OSError) as e:
            fail(e)
        what = _("foedus and the data of its store") if path is None else str(path)
        typer.echo(render(cited, bibtex=bibtex, what=what), nl=False)
