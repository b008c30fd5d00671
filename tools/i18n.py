"""Keep foedus's message catalogues in step with the sources (Babel).

Usage (with the Python of ./dev's .venv)::

    python tools/i18n.py extract     # write src/foedus/locale/foedus.pot from the sources
    python tools/i18n.py update      # extract, then merge the template into every language's .po
    python tools/i18n.py check       # list messages without a translation, fuzzy or obsolete (exit 1 if any)

After ``update``, translate the new entries of ``src/foedus/locale/fr/LC_MESSAGES/foedus.po``
(an empty ``msgstr``, or one flagged ``#, fuzzy`` that Babel guessed from a similar message)
and remove the fuzzy flag. Nothing needs compiling: :mod:`foedus.i18n` reads the ``.po`` files.
``tests/test_i18n.py`` runs the same extraction and fails on any gap.

What is extracted: the Python modules of ``src/foedus`` (``_``, ``gettext``, ``ngettext``,
``lazy_gettext``), the Jinja templates of the reports and the dashboard (``{% trans %}`` blocks
and ``_()``), the dashboard's scripts (``_()``, ``ngettext()``), the ``--help`` texts of
every command and option of the ``foedus`` program, read from the program Typer builds, and the
description of every engine parameter (:class:`foedus.sim.parameters.Parameters`, without the
design catalogue's labels: :mod:`foedus.web.parameters`), read from the class, and
the built-in scenarios' descriptions and their shocks' (read from the scenarios).

These texts of the model are the one exception to "every message translated": the model's
authors add and reword fields and scenarios, and the translation follows. Such a text without its
French (new, reworded, or fuzzy after ``update``) is shown in English and is *pending*: ``check``
lists it (without failing on it) and ``tests/test_i18n.py`` warns with the list.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "foedus"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "foedus.pot"

KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None}
"""The marking functions (Python, Jinja and the dashboard's scripts use the same names)."""

METHOD_MAP = [
    ("**/templates/**.html", "jinja2"),
    ("**.py", "python"),
    ("web/static/**.js", "javascript"),
]
"""Which files are read, and how (Babel's method map, relative to ``src/foedus``)."""

OPTIONS_MAP = {
    "**/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "true"},
    "web/static/**.js": {"parse_template_string": "false"},
}


def extract():
    """The catalogue template (``babel.messages.Catalog``) of every marked message in the sources."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    import foedus

    cat = Catalog(project="foedus", version=foedus.__version__, domain="foedus", charset="utf-8", fuzzy=False,
                  copyright_holder="foedus contributors", msgid_bugs_address="")
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), METHOD_MAP, OPTIONS_MAP, keywords=KEYWORDS, comment_tags=("i18n:",), strip_comment_tags=True,
    ):
        cat.add(message, None, [(f"foedus/{filename}", lineno)], auto_comments=comments, context=context)
    for name, text, path, line in parameter_texts():
        if not text:
            continue
        where = Path(path).resolve() if path else PACKAGE / "sim" / "parameters.py"
        old = cat.get(text)
        cat.add(text, None, [*(old.locations if old else []), (f"foedus/{where.relative_to(PACKAGE).as_posix()}", line)],
                auto_comments=[*(old.auto_comments if old else []), PARAMETER_COMMENT.format(name=name)])
    for text, comment, path, line in scenario_texts():
        old = cat.get(text)
        cat.add(text, None, [*(old.locations if old else []), (path, line)],
                auto_comments=[*(old.auto_comments if old else []), comment])
    for text, path, line in cli_help_texts():
        where = Path(path).resolve()
        name = f"foedus/{where.relative_to(PACKAGE).as_posix()}" if where.is_relative_to(PACKAGE) else "foedus/cli"
        old = cat.get(text)
        cat.add(text, None, [*(old.locations if old else []), (name, line)],
                auto_comments=["--help text of a foedus command or option"])
    return cat


PARAMETER_COMMENT = "the description of the engine parameter {name} (foedus.sim.parameters.Parameters), shown in the dashboard's workbench"
"""The translator's note of an engine parameter's description (:data:`foedus.web.parameters.MESSAGE_COMMENT`)."""


def parameter_texts() -> list[tuple[str, str, str, int]]:
    """Each engine parameter's description as the workbench shows it (:func:`foedus.web.parameters.messages`).

    The descriptions are :class:`foedus.sim.parameters.Parameters`'s field attributes, which the
    extractor cannot see as messages: they are read from the class, the design catalogue's labels
    taken out, so a field added or reworded is in the next ``update`` without anyone marking it.
    """
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from foedus.web.parameters import MESSAGE_COMMENT, messages

    assert MESSAGE_COMMENT == PARAMETER_COMMENT
    return list(messages())


SCENARIO_COMMENT = "the description of the built-in scenario {name} (foedus/sim/scenarios), shown by foedus scenario list/show"
SHOCK_COMMENT = "a scheduled shock's description in the built-in scenario {name}, shown by foedus scenario show and the dashboard"
"""The translators' notes of the built-in scenarios' texts (:func:`foedus.report.labels.scenario_text`)."""


def scenario_texts() -> list[tuple[str, str, str, int]]:
    """Each built-in scenario's description and its shocks' descriptions as shown: ``(text, note, file, line)``.

    A scenario's words are data of its file, written by the model's authors; the built-in ones are
    read from the scenarios (catalogue labels taken out), like the engine parameters' descriptions.
    """
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from foedus.report.labels import plain
    from foedus.sim.scenario import Scenario, builtin_names

    out = []
    for name in builtin_names():
        sc = Scenario.builtin(name)
        where = f"foedus/sim/scenarios/{name}.yaml"
        lines = (PACKAGE / "sim" / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8").splitlines() \
            if (PACKAGE / "sim" / "scenarios" / f"{name}.yaml").is_file() else []

        def line_of(text: str, lines: list[str] = lines) -> int:
            return next((i + 1 for i, ln in enumerate(lines) if text[:30] in ln.replace("''", "'")), 1)

        if plain(sc.description):
            out.append((plain(sc.description), SCENARIO_COMMENT.format(name=name), where, line_of(sc.description)))
        for shock in sc.shocks:
            if plain(shock.description or ""):
                out.append((plain(shock.description), SHOCK_COMMENT.format(name=name), where, line_of(shock.description)))
    return out


def is_parameter_description(message) -> bool:
    """Whether a catalogue entry is an engine parameter's description (by its translator's note)."""
    prefix = PARAMETER_COMMENT.split("{name}")[0]
    return any(c.startswith(prefix) for c in getattr(message, "auto_comments", ()) or ())


def is_model_text(message) -> bool:
    """Whether a catalogue entry is the model's authors' text: a parameter's description or a built-in scenario's words.

    Their French follows the English: one without its translation is pending (:func:`pending`), not a fault.
    """
    prefixes = [c.split("{name}")[0] for c in (PARAMETER_COMMENT, SCENARIO_COMMENT, SHOCK_COMMENT)]
    return any(c.startswith(p) for c in getattr(message, "auto_comments", ()) or () for p in prefixes)


def cli_help_texts() -> list[tuple[str, str, int]]:
    """The ``--help`` texts of the program as Typer builds it (:func:`foedus.cli._help.help_texts`).

    Typer keeps a command's docstring and an option's ``help=`` as plain strings, which Babel's
    extractor cannot see as messages; ``foedus.cli._help`` translates them when a help page is
    drawn, with these very strings as message ids.
    """
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from foedus.cli import app
    from foedus.cli._help import help_texts

    return help_texts(app)


def languages() -> list[str]:
    """The languages with a catalogue (besides the English of the sources)."""
    return sorted(p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/foedus.po"))


def problems(template, catalogue, *, model_texts: bool = False) -> list[str]:
    """What keeps ``catalogue`` from covering ``template``: missing, untranslated, fuzzy (and obsolete) entries.

    The model's authors' texts (:func:`is_model_text`: the engine parameters' descriptions, the
    built-in scenarios' words) are left out, or, with ``model_texts=True``, are the only ones looked
    at: such a text without its translation is shown in English and is *pending* (:func:`pending`),
    not a fault of the catalogue.
    """
    out = []
    for msg in template:
        if not msg.id or is_model_text(msg) != model_texts:
            continue
        got = catalogue.get(msg.id, context=msg.context)
        where = ", ".join(f"{f}:{n}" for f, n in msg.locations[:2])
        if got is None:
            out.append(f"missing: {msg.id!r} ({where})")
        elif got.fuzzy:
            out.append(f"fuzzy: {msg.id!r} ({where})")
        elif not got.string or (isinstance(got.string, tuple) and not all(got.string)):
            out.append(f"untranslated: {msg.id!r} ({where})")
    ids = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    for msg in catalogue:
        key = (msg.id if isinstance(msg.id, str) else msg.id[0], msg.context)
        if msg.id and key not in ids and is_model_text(msg) == model_texts:
            out.append(f"obsolete (no longer in the sources): {msg.id!r}")
    return out


def pending(template, catalogue) -> list[str]:
    """The model's texts (parameters' descriptions, built-in scenarios' words) that ``catalogue`` does not translate yet
    (shown in English meanwhile)."""
    return problems(template, catalogue, model_texts=True)


def main(argv: list[str] | None = None) -> int:
    from babel.messages.pofile import read_po, write_po

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("task", choices=["extract", "update", "check"])
    task = p.parse_args(argv).task
    template = extract()
    if task in ("extract", "update"):
        with open(POT, "wb") as f:
            write_po(f, template, width=100, sort_output=False, omit_header=False)
        print(f"{POT.relative_to(ROOT)}: {len(template)} messages")
    bad = 0
    for lang in languages():
        path = LOCALE / lang / "LC_MESSAGES" / "foedus.po"
        with open(path, "rb") as f:
            cat = read_po(f, locale=lang, domain="foedus")
        if task == "update":
            cat.update(template, no_fuzzy_matching=False)
            cat.obsolete.clear()
            with open(path, "wb") as f:
                write_po(f, cat, width=100, omit_header=False, ignore_obsolete=True)
        found, waiting = problems(template, cat), pending(template, cat)
        bad += len(found)
        print(f"{path.relative_to(ROOT)}: {len(found)} to do, {len(waiting)} text(s) of the model pending")
        for line in found:
            print("  " + line)
        for line in waiting:
            print("  pending (shown in English until translated): " + line)
    return 1 if task == "check" and bad else 0


if __name__ == "__main__":
    sys.exit(main())
