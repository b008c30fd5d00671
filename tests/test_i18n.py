"""foedus speaks French and English: every message has both, and nothing shown is left unmarked.

The catalogue is extracted from the sources exactly as ``tools/i18n.py`` does (Python modules,
the Jinja templates of the reports and the dashboard, the dashboard's scripts); the French
catalogue must translate every message, none fuzzy, none obsolete, with the same placeholders.
A user-facing string that was never marked for translation fails too: prose in the Python
modules of the reports, the dashboard and the command line; text in the templates outside
``{% trans %}``/``_()``; prose literals of the dashboard's scripts outside ``_()``.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

pytest.importorskip("babel")

from foedus import i18n  # noqa: E402
from foedus.i18n import _, get_language, language, negotiate, normalize, set_language  # noqa: E402

pytestmark = pytest.mark.core

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "foedus"


def _tool():
    spec = importlib.util.spec_from_file_location("foedus_i18n_tool", ROOT / "tools" / "i18n.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def template():
    return _tool().extract()


@pytest.fixture(scope="module")
def french():
    return i18n.catalogue("fr")


# ------------------------------------------------------------------ the catalogues


def test_every_message_has_a_french_translation(template, french):
    assert len(template) > 200, "the extraction found too few messages: is the method map right?"
    gaps = _tool().problems(template, french)
    assert not gaps, f"{len(gaps)} message(s) to translate (python tools/i18n.py update, then edit fr.po):\n" + "\n".join(gaps[:60])


def test_every_engine_parameter_description_is_extracted_and_pending_ones_are_listed(template, french):
    """Each Parameters field's description (catalogue labels taken out) is a message; one without its French is pending.

    The engine's fields are added and reworded by the model's authors; their French follows. So a
    description without a translation (new, reworded, fuzzy) is not a failure: it is shown in English
    (checked below) and listed here as a warning, as ``python tools/i18n.py check`` lists it.
    """
    from foedus.sim.parameters import Parameters
    from foedus.web.parameters import LABEL, plain

    tool = _tool()
    described = {m.id: m for m in template if tool.is_parameter_description(m)}
    for name, field in Parameters.model_fields.items():
        text = plain(field.description or "")
        assert text in described, f"{name}'s description is not in the catalogue template"
        assert any(name in c for c in described[text].auto_comments), name
        assert not LABEL.search(text), f"{name}: a catalogue label is left in {text!r}"
    waiting = tool.pending(template, french)
    if waiting:
        warnings.warn(f"{len(waiting)} engine parameter description(s) shown in English until translated "
                      "(python tools/i18n.py update, then edit fr.po):\n" + "\n".join(waiting), stacklevel=1)
    with language("fr"):
        for text, msg in described.items():
            got = french.get(text)
            translated = got is not None and got.string and not got.fuzzy
            assert i18n.gettext(text) == (got.string if translated else text)


def test_the_parameters_french_keeps_their_figures(template, french):
    """A description's French has the same figures as its English (the decimal point becomes a comma)."""
    tool = _tool()
    bad = []
    for msg in template:
        got = french.get(msg.id)
        if not tool.is_parameter_description(msg) or got is None or not got.string or got.fuzzy:
            continue
        if sorted(re.findall(r"\d+", msg.id)) != sorted(re.findall(r"\d+", got.string)):
            bad.append(f"{msg.id[:70]!r}: {sorted(re.findall(chr(92) + 'd+', msg.id))} vs {got.string[:70]!r}")
    assert not bad, "\n".join(bad)


_BRACE = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")
_PERCENT = re.compile(r"%\(([A-Za-z_][A-Za-z0-9_]*)\)s")


def _fields(text: str) -> tuple[set[str], set[str]]:
    return set(_BRACE.findall(text)), set(_PERCENT.findall(text))


def test_translations_keep_every_placeholder_and_markup(french):
    bad = []
    for msg in french:
        if not msg.id:
            continue
        ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
        strings = msg.string if isinstance(msg.string, tuple) else (msg.string,)
        want = _fields(ids[-1])
        for s in strings:
            if _fields(s) != want:
                bad.append(f"{ids[0]!r}: placeholders {sorted(want[0] | want[1])} vs {s!r}")
            for tag in ("<code>", "</code>", "&gt;", "&amp;"):
                if ids[0].count(tag) != s.count(tag):
                    bad.append(f"{ids[0]!r}: markup {tag} not kept in {s!r}")
    assert not bad, "\n".join(bad)


def test_french_uses_the_fields_words(french):
    """The field's own French vocabulary, not a word-for-word rendering."""
    said = {m.id: m.string for m in french if isinstance(m.id, str)}
    assert said["Defence pacts, {year}"] == "Pactes de défense, {year}"
    assert said["number of poles"] == "nombre de pôles"
    assert said["no bloc"] == "hors bloc"
    assert said["non-aggression"] == "non-agression"
    assert said["major power"] == "puissance majeure"


# ------------------------------------------------------------------ nothing left unmarked

PROSE = re.compile(r"[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}[ ,;:]+[A-Za-z]{2,}")
"""Three words in a row: a sentence or a phrase someone reads."""

MARKERS = {"_", "gettext", "ngettext", "lazy_gettext"}
NOT_SHOWN_KEYWORDS = {"help", "short_help", "epilog", "description", "summary", "metavar", "loc"}
"""Keyword arguments that are not marked with ``_``: ``--help`` texts (``help``, ``short_help``, ``epilog``) are
extracted from the program Typer builds and translated when a help page is drawn (``foedus.cli._help``; checked
below); the others are not user-facing messages."""

OWNED = sorted([*PKG.glob("report/*.py"), *PKG.glob("web/*.py"), *PKG.glob("cli/*.py")])

PENDING: set[str] = set()
"""Modules whose user-facing strings are not all marked yet: the list may only shrink."""

NOT_MESSAGES = {
    ("report/history.py", "REFERENCES"),  # bibliographic references are cited in their own language
    ("report/style.py", "PAGE_CSS"),
    ("report/figures.py", "WARS"),
    ("report/provenance.py", "RECORD_MILEX_UNIT"),
    ("web/api.py", "_ERROR_MEANINGS"),
    ("web/app.py", "_SECURITY_HEADERS"),  # HTTP headers
    ("cli/job.py", "PAIR_KEY"),  # summary.json's keys: data, in English whatever the language
    ("cli/theory.py", "ENERGY_CONVENTION"),  # a formula's statement, part of the JSON output too
    ("report/drivers.py", "_LABELS"), ("report/drivers.py", "_WHY_NOT"),  # the experiment's English, read back (keys)
    ("report/labels.py", "CAUSES"), ("report/labels.py", "_AGAINST"), ("cli/_help.py", "_TYPER_SUGGESTION"),  # the simulator's causes (English data), as keys
    ("web/parameters.py", "MESSAGE_COMMENT"),  # the translators' note on each parameter description, in the catalogue
    ("web/workbench.py", "what"), ("web/workbench.py", "units"),  # provenance sidecars of downloads: metadata, in English  # the OpenAPI schema's documentation of each status, in English  # the English constant; milex_unit() words it in the language in use  # names marked beside it (_WAR_NAMES), shown through gettext
}
"""Module constants that hold text that is not a message."""

NOT_MESSAGE_CALLS = {"require_extra", "provenance", "write_table", "write_folder_provenance", "write_report_provenance", "_error"}
"""Calls whose string arguments are not messages: the package root words the missing-extra error; provenance
sidecars are metadata, written in English whatever the language (like the tables' column names); ``_error``
(``cli/theory_io.py``) makes a SchemaError whose English reason is said again where it is shown
(``foedus.report.errors``; ``tests/report/test_errors.py`` checks every such reason has its template)."""


def _unmarked(path: Path) -> list[str]:
    """Prose literals of ``path`` outside docstrings, marking calls and not-shown keywords."""
    rel = path.relative_to(PKG).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()

    def skip_all(node):
        skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # docstrings (module, class, function, attribute)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None and any(
                isinstance(t, ast.Name) and ((rel, t.id) in NOT_MESSAGES or t.id == "HELP" or t.id.endswith("_HELP"))
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):  # *_HELP: --help texts
            skip_all(node.value)
        elif isinstance(node, ast.Dict):  # an OpenAPI schema's "description": the API's documentation, in English
            for k, v in zip(node.keys, node.values):
                if isinstance(k, ast.Constant) and k.value == "description":
                    skip_all(v)
        elif isinstance(node, ast.Call):
            f = node.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            if name in MARKERS or name in NOT_MESSAGE_CALLS:
                skip_all(node)
            for kw in node.keywords:
                if kw.arg in NOT_SHOWN_KEYWORDS:
                    skip_all(kw.value)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            skip_all(node)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if PROSE.search(text):
            found.append(f"{rel}:{node.lineno}: {text[:80]!r}")
    return found


def test_no_user_facing_string_is_left_unmarked_in_python():
    found = [hit for p in OWNED if p.relative_to(PKG).as_posix() not in PENDING for hit in _unmarked(p)]
    assert not found, "mark these for translation with foedus.i18n._ (or lazy_gettext):\n" + "\n".join(found)


SHOWN_CALLS = {"set_xlabel", "set_ylabel", "set_title", "suptitle", "add_column", "Table", "Column", "TextColumn"}
"""Calls whose text argument is shown (an axis or figure title, a terminal table's title or column), even one word."""


def _unmarked_titles(path: Path) -> list[str]:
    """Literal text given to :data:`SHOWN_CALLS` (as argument or ``title=``/``label=``): a word is a message too."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if (f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else "") not in SHOWN_CALLS:
            continue
        for arg in [*node.args, *(k.value for k in node.keywords if k.arg in ("title", "label"))]:
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", arg.value)  # placeholders and rich markup are not words
                if re.search(r"[A-Za-z]{2,}", text):
                    found.append(f"{path.relative_to(PKG).as_posix()}:{node.lineno}: {arg.value!r}")
    return found


def test_no_axis_title_or_table_column_is_left_unmarked():
    """One word escapes the three-word test above ("year" on every figure's axis was English in French reports)."""
    found = [hit for p in OWNED for hit in _unmarked_titles(p)]
    assert not found, "mark these with foedus.i18n._:\n" + "\n".join(found)


def _marks_inside_fstrings(path: Path) -> list[str]:
    """``_()`` calls inside an f-string's braces: Python 3.11's tokenizer hides them from the extractor."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for sub in ast.walk(node):
                if (isinstance(sub, ast.Call) and getattr(sub.func, "id", getattr(sub.func, "attr", "")) in MARKERS
                        and sub.args and isinstance(sub.args[0], ast.Constant)):
                    found.append(f"{path.relative_to(PKG).as_posix()}:{sub.lineno}")
    return found


def test_no_message_is_marked_inside_an_fstring():
    found = [hit for p in [*OWNED, PKG / "i18n.py"] for hit in _marks_inside_fstrings(p)]
    assert not found, "take these _() calls out of the f-string (bind the message to a name first):\n" + "\n".join(found)


def test_pending_modules_are_still_pending():
    """A module once clean leaves PENDING, so that it stays clean."""
    done = sorted(m for m in PENDING if (PKG / m).exists() and not _unmarked(PKG / m))
    assert not done, f"remove from PENDING (now fully marked): {done}"


_TEMPLATE_CODE = re.compile(r"{%\s*trans\b.*?{%\s*endtrans\s*%}|{{.*?}}|{%.*?%}|{#.*?#}", re.S)
_TAG = re.compile(r"<(style|script)\b.*?</\1>|<!--.*?-->|<[^>]*>", re.S | re.I)


def _template_text(source: str) -> str:
    """The text a template shows outside ``{% trans %}`` blocks and expressions (tags removed)."""
    return _TAG.sub(" ", _TEMPLATE_CODE.sub(" ", source))


@pytest.mark.parametrize("path", sorted(PKG.glob("**/templates/*.html")), ids=lambda p: p.name)
def test_no_template_text_is_left_unmarked(path):
    source = path.read_text(encoding="utf-8")
    words = [w for w in re.findall(r"[A-Za-zÀ-ÿ]{2,}", _template_text(source)) if not w.isupper() and w != "foedus"]
    assert not words, f"{path.name}: text outside {{% trans %}} or _(): {' '.join(words[:40])}"
    attrs = [a for a in re.findall(r'\b(?:placeholder|aria-label|title|alt)="([^"{]*[A-Za-z][^"]*)"', source) if "=" not in a]
    assert not attrs, f"{path.name}: attributes to mark with {{{{ _(...) }}}}: {attrs[:20]}"


NOT_SCRIPT_MESSAGES = {'"Inter, Segoe UI, Helvetica Neue, Arial, sans-serif"'}
"""String literals of the dashboard's scripts that are not messages (a CSS font stack)."""


def _unmarked_in_script(path: Path) -> list[str]:
    """Prose string literals of a script outside ``_()`` and ``ngettext()`` calls (tags and ``${}`` ignored)."""
    import warnings

    with warnings.catch_warnings():  # Babel's JavaScript lexer (the extractor's own), public until Babel 3
        warnings.simplefilter("ignore", DeprecationWarning)
        from babel.messages.jslexer import tokenize

        tokens = list(tokenize(path.read_text(encoding="utf-8"), template_string=True))
    found, marked, depth, prev = [], [], 0, None
    for tok in tokens:
        if tok.type == "operator" and tok.value == "(":
            depth += 1
            if prev is not None and prev.type == "name" and prev.value in ("_", "ngettext"):
                marked.append(depth)
        elif tok.type == "operator" and tok.value == ")":
            if marked and marked[-1] == depth:
                marked.pop()
            depth -= 1
        elif tok.type in ("string", "template_string") and not marked and tok.value not in NOT_SCRIPT_MESSAGES:
            text = re.sub(r"<[^>]*>", " ", re.sub(r"\$\{[^}]*\}", " ", tok.value))
            if PROSE.search(text):
                found.append(f"{path.name}:{tok.lineno}: {tok.value[:80]}")
        prev = tok
    return found


@pytest.mark.parametrize("path", sorted(PKG.glob("web/static/*.js")), ids=lambda p: p.name)
def test_no_dashboard_script_text_is_left_unmarked(path):
    found = _unmarked_in_script(path)
    assert not found, "mark these with _() or ngettext() (static/i18n.js):\n" + "\n".join(found)


# ------------------------------------------------------------------ choosing the language


def test_the_language_comes_from_the_call_then_foedus_lang_then_english(monkeypatch):
    monkeypatch.delenv("FOEDUS_LANG", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # the shell's locale is not read
    set_language(None)
    assert get_language() == "en"
    monkeypatch.setenv("FOEDUS_LANG", "fr_CA.UTF-8")
    assert get_language() == "fr"
    with language("en"):
        assert get_language() == "en"
        assert _("Headline figures") == "Headline figures"
    assert _("Headline figures") == "Chiffres clés"
    monkeypatch.setenv("FOEDUS_LANG", "klingon")
    assert get_language() == "en"
    with pytest.raises(ValueError, match="not one foedus speaks"):
        set_language("de")


def test_normalize_and_negotiate_accept_language():
    assert [normalize(t) for t in ("fr", "fr-BE", "EN_gb", "de", None)] == ["fr", "fr", "en", None, None]
    assert negotiate("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7") == "fr"
    assert negotiate("de-DE,de;q=0.9,en;q=0.5,fr;q=0.6") == "fr"
    assert negotiate("de-DE, en;q=0.2") == "en"
    assert negotiate("fr;q=0, en") == "en"
    assert negotiate("*") == "en"
    assert negotiate("") == "en"


def test_plurals_follow_french_rules():
    with language("fr"):
        assert i18n.ngettext("{n} pole", "{n} poles", 1).format(n=1) == "1 pôle"
        assert i18n.ngettext("{n} pole", "{n} poles", 0).format(n=0) == "0 pôle"  # French: 0 is singular
        assert i18n.ngettext("{n} pole", "{n} poles", 2).format(n=2) == "2 pôles"
    assert i18n.ngettext("{n} pole", "{n} poles", 0).format(n=0) == "0 poles"


def test_lazy_messages_translate_when_shown():
    from foedus.report.labels import LABELS, label

    word = LABELS["defense"]
    assert str(word) == "defence"
    with language("fr"):
        assert str(word) == "défense" and f"{word}" == "défense" and label("before 1945") == "avant 1945"
    assert label("before 1945") == "before 1945" and label("USA") == "USA"


def test_the_catalogue_read_at_run_time_is_babels_entry_by_entry(french):
    """foedus.i18n.read_po (standard library) translates every message as Babel's reading of the same file does."""
    said = i18n.translations("fr")
    differ = []
    for m in french:
        if not m.id:
            continue
        if isinstance(m.id, tuple):
            for n in (0, 1, 2, 7):
                want = m.string[0 if n <= 1 else 1] if (not m.fuzzy and all(m.string)) else m.id[0 if n == 1 else 1]
                if said.ngettext(m.id[0], m.id[1], n) != want:
                    differ.append(f"{m.id!r} n={n}")
        elif said.gettext(m.id) != (m.string if m.string and not m.fuzzy else m.id):
            differ.append(repr(m.id))
    assert len(french) > 1000 and not differ, differ[:20]


def test_read_po_leaves_out_fuzzy_and_empty_entries_and_unescapes(tmp_path):
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
                  '#: a.py:1\n#, fuzzy, python-brace-format\nmsgid "guess"\nmsgstr "devinette"\n\n'
                  'msgid "empty"\nmsgstr ""\n\n#, python-format\nmsgid "a \\"quoted\\"\\n"\n"line"\nmsgstr "une \\"citée\\"\\n"\n"ligne"\n\n'
                  'msgid "{n} pole"\nmsgid_plural "{n} poles"\nmsgstr[0] "{n} pôle"\nmsgstr[1] "{n} pôles"\n', encoding="utf-8")
    messages, plural = i18n.read_po(po)
    assert plural == "(n > 1)"
    assert messages == {'a "quoted"\nline': 'une "citée"\nligne', ("{n} pole", 0): "{n} pôle", ("{n} pole", 1): "{n} pôles"}


def test_importing_the_cli_and_i18n_loads_no_babel():
    code = ("import sys, foedus.i18n, foedus.cli; assert foedus.i18n._('Headline figures') == 'Chiffres clés'; "
            "print(sorted(m for m in ('babel', 'pandas', 'scipy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "FOEDUS_LANG": "fr"})
    assert out.stdout.strip() == "[]"


# ------------------------------------------------------------------ numbers per locale


def test_numbers_keep_their_english_bytes_and_take_french_separators():
    from foedus.report.format import number, percent

    english = [number(12345), number(1234.567), number(0.5), number(float("inf")), number(1815), number(True), percent(0.456)]
    assert english == ["12,345", "1,234.57", "0.50", "∞ (not reached)", "1815", "yes", "46%"]
    with language("fr"):
        french = [number(12345), number(1234.567), number(0.5), number(float("inf")), number(1815), number(True), percent(0.456)]
    assert french == ["12\u202f345", "1\u202f234,57", "0,50", "∞ (non atteinte)", "1815", "oui", "46\u00a0%"]
    # the same digits in both languages: only the separators differ
    assert [re.sub(r"\D", "", e) for e in english[:3]] == [re.sub(r"\D", "", f) for f in french[:3]]


def test_dates_are_written_per_locale():
    import datetime

    day = datetime.date(2026, 12, 5)
    assert i18n.format_date(day, lang="en") == "December 5, 2026"
    assert i18n.format_date(day, lang="fr") == "5 décembre 2026"
    assert i18n.format_decimal(1234.5, 1, lang="fr") == "1\u202f234,5"


# ------------------------------------------------------------------ the command line


def _foedus(args, env=None):
    from typer.testing import CliRunner

    from foedus.cli import app

    return CliRunner().invoke(app, args, env=env)


def test_lang_option_and_foedus_lang_speak_french_and_leave_no_trace(monkeypatch, tmp_path):
    monkeypatch.delenv("FOEDUS_LANG", raising=False)
    out = tmp_path / "report.txt"
    fr = _foedus(["--lang", "fr", "report", "record", str(out)])
    assert fr.exit_code == 2
    assert f"erreur : {out} : le rapport est un fichier HTML ; nommez-le .html" in fr.output
    en = _foedus(["report", "record", str(out)])  # the next command of the same process: English again
    assert en.exit_code == 2 and f"error: {out}: the report is an HTML file; name it .html" in en.output
    env = _foedus(["report", "record", str(out)], env={"FOEDUS_LANG": "fr_FR.UTF-8"})
    assert "erreur :" in env.output
    wins = _foedus(["--lang", "en", "report", "record", str(out)], env={"FOEDUS_LANG": "fr"})
    assert "error:" in wins.output and "erreur" not in wins.output


def _commands(command, path=("foedus",)):
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


def test_every_command_draws_its_help_in_the_language_in_use():
    import typer.main

    from foedus.cli import app
    from foedus.cli._help import LocalisedCommand, LocalisedGroup

    plain = [" ".join(p) for p, c in _commands(typer.main.get_command(app)) if not isinstance(c, (LocalisedCommand, LocalisedGroup))]
    assert not plain, f"build these with foedus.cli._help.Typer (its .command() and sub-programs): {plain}"


def test_help_pages_speak_french_with_lang_or_foedus_lang_then_english_again(monkeypatch):
    monkeypatch.delenv("FOEDUS_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    main_fr = _foedus(["--lang", "fr", "main", "--help"])
    assert main_fr.exit_code == 0, main_fr.output
    assert "Le travail principal : simuler un scénario" in main_fr.output and "Utilisation :" in main_fr.output
    assert "Sauter l’ensemble : la simulation de référence et son rapport seulement." in main_fr.output
    assert "[par défaut : " in main_fr.output and "Afficher ce message et quitter." in main_fr.output
    assert "The main job" not in main_fr.output and "Skip the ensemble" not in main_fr.output
    root = _foedus(["--help", "--lang", "fr"])  # --help typed first: the page is still drawn in French
    assert "Commandes" in root.output and "un laboratoire des alliances militaires" in root.output
    env = _foedus(["history", "network", "--help"], env={"FOEDUS_LANG": "fr"})
    assert "Blocs et polarité du réseau des pactes de défense" in env.output and "[obligatoire]" in env.output
    en = _foedus(["main", "--help"])  # the same process, no --lang: English, and the English texts are back
    assert "The main job: simulate a scenario" in en.output and "Usage:" in en.output and "Commandes" not in en.output
    assert "[default: " in en.output and "Skip the ensemble" in en.output


def test_usage_errors_speak_french_then_english_again(monkeypatch):
    monkeypatch.delenv("FOEDUS_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    said = {
        ("simulate", "--nope"): "Option inconnue : --nope",
        ("simulate", "--years", "0"): "Valeur incorrecte pour '--years' / '-n' : la valeur doit être supérieure ou égale à 1",
        ("history", "network"): "Argument manquant 'year'.",
        ("history", "netwrk"): "Commande inconnue 'netwrk'. Vouliez-vous dire 'network' ?",
    }
    for args, french in said.items():
        fr = _foedus(["--lang", "fr", *args])
        assert fr.exit_code == 2 and french in fr.output and "Utilisation :" in fr.output and "Erreur" in fr.output, fr.output
    en = _foedus(["history", "network"])
    assert en.exit_code == 2 and "Missing argument 'year'." in en.output and "Try 'foedus history network --help'" in en.output
    assert "Erreur" not in en.output and "Error" in en.output


def test_the_language_a_command_asked_for_ends_with_it(monkeypatch):
    monkeypatch.delenv("FOEDUS_LANG", raising=False)
    set_language(None)
    assert _foedus(["--lang", "fr", "scenario", "show", "nowhere.yaml"]).exit_code == 2
    assert get_language() == "en" and _("Headline figures") == "Headline figures"
    with language("fr"):
        _foedus(["--lang", "en", "cite", "--help"])
        assert get_language() == "fr"


def test_an_unknown_language_is_refused_with_exit_code_2():
    res = _foedus(["--lang", "de", "cite"])
    assert res.exit_code == 2
    assert "not a language foedus speaks" in res.output and "en, fr" in res.output


# ------------------------------------------------------------------ a report in both languages


def test_the_history_report_in_french_has_the_english_numbers(tmp_path):
    from foedus.report.history import write_history_report
    from foedus.testing import toy_history

    h = toy_history(
        [{"id": 1, "start": 1900, "end": 1912, "members": [2, 200, 220]},
         {"id": 2, "start": 1905, "end": None, "members": [2, 20], "obligations": ["defense", "consultation"]},
         {"id": 3, "start": 1920, "end": 1930, "members": [365, 710], "obligations": ["nonaggression"]}],
        first_year=1900, last_year=1960, cinc={2: 0.3, 200: 0.1, 220: 0.08, 20: 0.02, 365: 0.2, 710: 0.2}, majors=[2, 365, 710],
    )
    en = write_history_report(h, tmp_path / "en.html").read_text(encoding="utf-8")
    with language("fr"):
        fr = write_history_report(h, tmp_path / "fr.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in en and '<html lang="fr">' in fr
    assert "Chiffres clés" in fr and "Pactes de défense" in fr and "Headline figures" not in fr
    assert "défense" in fr and "non-agression" in fr  # the obligations' rows
    cells = lambda page: [c for c in re.findall(r"<td>([^<]*)</td>", page) if re.fullmatch(r"[\d.,\u202f –/()∞]+", c)]
    digits = lambda cs: [re.sub(r"\D", "", c) for c in cs]
    assert len(cells(en)) > 20 and digits(cells(en)) == digits(cells(fr))
    assert any(re.fullmatch(r"\d+,\d\d", c) for c in cells(fr))  # French decimals
    assert any(re.fullmatch(r"\d+\.\d\d", c) for c in cells(en))


def test_no_message_shows_the_design_catalogues_labels(template):
    """User-facing text names mechanisms in words: the catalogue's labels (F2, brief A1, T1–T5) and issue numbers are
    the developers' (docstrings, comments), never a reader's."""
    labels = re.compile(r"(?<![\w.-])(?:[Bb]rief\s+)?[AFPDTH][1-5](?![\w-])|\bissue \d+|\bthe brief\b")
    found = [f"{m.id!r} ({m.locations[0][0]}:{m.locations[0][1]})" for m in template
             if m.id and labels.search(m.id if isinstance(m.id, str) else " ".join(m.id))]
    assert not found, "\n".join(found)


def test_built_in_scenarios_are_described_in_the_language_in_use(monkeypatch, template):
    """A built-in scenario's and its shocks' descriptions are in the catalogue (pending if not translated); a user's
    own scenario text is shown as written, without the catalogue's labels."""
    from foedus.report.labels import scenario_text
    from foedus.sim.scenario import Scenario

    monkeypatch.delenv("FOEDUS_LANG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    sc = Scenario.builtin("world-2022")
    tool = _tool()
    model = {m.id for m in template if tool.is_model_text(m)}
    assert scenario_text(sc.description) in model and all(scenario_text(s.description) in model for s in sc.shocks)
    assert "brief" not in scenario_text(sc.description) and scenario_text(sc.description).startswith("The world of 2022: NATO")
    with language("fr"):
        assert scenario_text(sc.description).startswith("Le monde de 2022 : l’OTAN ranimée")
        assert scenario_text("My own world (brief T1): three states") == "My own world: three states"
    fr = _foedus(["--lang", "fr", "scenario", "show", "world-2022"])
    assert fr.exit_code == 0 and "Le monde de 2022" in fr.output and "La Finlande rejoint l’OTAN, 4 avril 2023" in fr.output
    en = _foedus(["scenario", "list"])
    assert "Built-in scenarios" in en.output and "The world of 2022: NATO" in en.output and "(brief" not in en.output
