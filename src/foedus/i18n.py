"""foedus in French and English: the message catalogues, the language in use, numbers per locale.

Every user-facing sentence of the reports, the dashboard and the command line is written in
English in the source and marked for translation (gettext, domain ``foedus``)::

    from foedus.i18n import _, ngettext
    _("Headline figures")
    ngettext("{n} pole", "{n} poles", n).format(n=n)

The French catalogue is ``foedus/locale/fr/LC_MESSAGES/foedus.po`` (its template,
``foedus/locale/foedus.pot``, is extracted from the sources by ``tools/i18n.py``; a test fails
on any message without a French translation, on any fuzzy one and on any user-facing string
left unmarked). English needs no catalogue: the source is English.

Which language
--------------
In order: :func:`language` / :func:`set_language` (``foedus --lang fr``, the dashboard's
negotiation of the browser's ``Accept-Language``), then the environment variable
``FOEDUS_LANG`` (``fr``, ``fr_FR.UTF-8``, ``en``...), then English. The shell's ``LANG`` is
deliberately not read: a research tool's outputs (reports, summaries) should not change with a
machine's locale without being asked to.

Why the ``.po`` files are read at run time (and no ``.mo`` is built)
--------------------------------------------------------------------
The catalogue is read the first time French is asked for in a process, once. So a fresh
clone works with the README's two commands and with ``pip install -e .``, no build step can be
forgotten, no binary ``.mo`` lives in git beside its source and can go stale. It is read by
:func:`read_po`, a reader of the ``.po`` format as ``tools/i18n.py`` writes it (Babel's
``write_po``) in the standard library only (a test holds it equal to Babel's reading, entry by
entry): Babel's own reader costs about 0.1 s of imports and parsing, which every French
``foedus --help`` and French error would pay. English reads nothing, and this module imports
only the standard library: ``import foedus.cli`` stays light. Babel remains what writes and
checks the catalogues (:func:`catalogue`, ``tools/i18n.py``) and what formats numbers and dates.

Lazy messages
-------------
A message defined at import time (a module constant, a table of labels) must be translated when
it is *shown*, in the language of that moment: :func:`lazy_gettext` returns a :class:`LazyString`
that translates itself each time it is turned into text.
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "DEFAULT_LANGUAGE",
    "ENV_LANG",
    "LOCALE_DIR",
    "LazyString",
    "gettext",
    "_",
    "ngettext",
    "lazy_gettext",
    "get_language",
    "set_language",
    "language",
    "normalize",
    "negotiate",
    "translations",
    "format_decimal",
    "format_date",
    "catalogue",
    "read_po",
    "jinja_environment",
]

DOMAIN = "foedus"
"""The gettext domain of foedus's messages."""

LANGUAGES: tuple[str, ...] = ("en", "fr")
"""Languages foedus speaks (ISO 639-1); the first is the source language."""

DEFAULT_LANGUAGE = "en"
"""The language when nothing else is asked for."""

ENV_LANG = "FOEDUS_LANG"
"""Environment variable naming the language (``fr``, ``fr_FR.UTF-8``, ``en``)."""

LOCALE_DIR = Path(__file__).parent / "locale"
"""Where the catalogues live: ``LOCALE_DIR/<lang>/LC_MESSAGES/foedus.po``."""

_current: ContextVar[str | None] = ContextVar("foedus_language", default=None)


def normalize(tag: str | None) -> str | None:
    """The language foedus speaks that a locale tag names, else None.

    Examples
    --------
    >>> normalize("fr_FR.UTF-8"), normalize("en-GB"), normalize("FR"), normalize("de"), normalize("")
    ('fr', 'en', 'fr', None, None)
    """
    if not tag:
        return None
    code = re.split(r"[-_.@]", str(tag).strip(), maxsplit=1)[0].lower()
    return code if code in LANGUAGES else None


def get_language() -> str:
    """The language in use: the one set by :func:`language`/:func:`set_language`, else ``FOEDUS_LANG``, else English."""
    return _current.get() or normalize(os.environ.get(ENV_LANG)) or DEFAULT_LANGUAGE


def _checked(lang: str) -> str:
    code = normalize(lang)
    if code is None:
        raise ValueError(f"language {lang!r} is not one foedus speaks (choose from: {', '.join(LANGUAGES)})")
    return code


def set_language(lang: str | None) -> None:
    """Use ``lang`` (``"en"``, ``"fr"``, or a tag such as ``"fr_FR"``) from now on in this context; None: back to the default.

    Raises
    ------
    ValueError
        ``lang`` is not a language foedus speaks.
    """
    _current.set(None if lang is None else _checked(lang))


@contextmanager
def language(lang: str | None) -> Iterator[str]:
    """Use ``lang`` inside the ``with`` block (None: leave the language as it is), then restore it.

    Examples
    --------
    >>> with language("fr"):
    ...     _("Headline figures")
    'Chiffres clés'
    """
    token = _current.set(_current.get() if lang is None else _checked(lang))
    try:
        yield get_language()
    finally:
        _current.reset(token)


def catalogue(lang: str):
    """The Babel catalogue (``babel.messages.Catalog``) of ``lang``, read from its ``.po`` file."""
    from babel.messages.pofile import read_po

    path = LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
    with open(path, "rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)")
_LINE = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[(\d+)\])?)\s+"(.*)"$')


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text)


def read_po(path: Path) -> tuple[dict[Any, str], str]:
    """The translations of a ``.po`` file, and its header's plural rule (standard library only).

    Returns ``{msgid: msgstr}`` for each entry (``{(msgid, i): msgstr[i]}`` for the plural forms
    of an entry with ``msgid_plural``), leaving out fuzzy and untranslated entries as ``msgfmt``
    does, and the C expression of the header's ``Plural-Forms`` (``"(n > 1)"``; English's
    ``"(n != 1)"`` when there is none). Message contexts (``msgctxt``) are not used by foedus
    and are not read.
    """
    messages: dict[Any, str] = {}
    header = ""

    def flush(entry: dict, fuzzy: bool) -> None:
        nonlocal header
        if "msgid" not in entry:
            return
        mid = entry["msgid"]
        if mid == "":
            header = entry.get("msgstr", "")
        elif fuzzy:
            return
        elif "msgid_plural" in entry:
            for key, value in entry.items():
                if key.startswith("msgstr[") and value:
                    messages[(mid, int(key[7:-1]))] = value
        elif entry.get("msgstr"):
            messages[mid] = entry["msgstr"]

    entry: dict[str, str] = {}
    fuzzy, last = False, None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or (line.startswith("#") and any(k.startswith("msgstr") for k in entry)):
            flush(entry, fuzzy)  # an entry ends at a blank line, or at the comments of the next one
            entry, fuzzy, last = {}, False, None
        if line.startswith("#,") and "fuzzy" in (flag.strip() for flag in line[2:].split(",")):
            fuzzy = True
        if not line or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if m:
            if m.group(1) == "msgid" and "msgid" in entry:  # a new entry without a blank line between
                flush(entry, fuzzy)
                entry, fuzzy = {}, False
            last = m.group(1)
            entry[last] = _unescape(m.group(3))
        elif line.startswith('"') and line.endswith('"') and last is not None:
            entry[last] += _unescape(line[1:-1])
    flush(entry, fuzzy)
    plural = re.search(r"plural\s*=\s*([^;\n]+)", header)
    return messages, (plural.group(1).strip() if plural else "(n != 1)")


class _Catalogue(_gettext.NullTranslations):
    """A language's messages read by :func:`read_po`: gettext and ngettext with its plural rule."""

    def __init__(self, messages: dict[Any, str], plural: str) -> None:
        super().__init__()
        self._messages = messages
        self._plural = _gettext.c2py(plural)

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        said = self._messages.get((msgid1, self._plural(n)))
        return said if said else (msgid1 if n == 1 else msgid2)


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext translations of ``lang``, read from its ``.po`` file (once per process, :func:`read_po`).

    English, the source language, translates to itself. Fuzzy entries are left out (they show
    in English), as ``msgfmt`` does.
    """
    if lang == LANGUAGES[0]:
        return _gettext.NullTranslations()
    return _Catalogue(*read_po(LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"))


def gettext(message: str) -> str:
    """``message`` in the language in use."""
    return translations(get_language()).gettext(message)


_ = gettext


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form of a message for ``n``, in the language in use (French: 0 and 1 are singular)."""
    return translations(get_language()).ngettext(singular, plural, n)


class LazyString:
    """A message translated each time it is shown (:func:`lazy_gettext`), in the language of that moment.

    It behaves as the text it shows wherever text is expected (``str()``, f-strings, ``+``, ``%``,
    ``len``, ``str`` methods, Jinja). Two lazy strings compare by identity: their text depends on
    the language of the moment, so it cannot be a stable key.
    """

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return gettext(self.message)

    def __html__(self) -> str:  # Jinja/MarkupSafe: escape it as the text it is
        from markupsafe import escape

        return str(escape(str(self)))

    def __repr__(self) -> str:
        return f"lazy_gettext({self.message!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __add__(self, other: Any) -> str:
        return str(self) + str(other)

    def __radd__(self, other: Any) -> str:
        return str(other) + str(self)

    def __mod__(self, other: Any) -> str:
        return str(self) % other

    def __len__(self) -> int:
        return len(str(self))

    def __getattr__(self, name: str) -> Any:  # str's methods (.format, .upper, ...) on the translated text
        return getattr(str(self), name)


def lazy_gettext(message: str) -> LazyString:
    """``message``, translated when shown: for messages defined at import time (module constants)."""
    return LazyString(message)


def negotiate(accept_language: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """The language foedus speaks that an HTTP ``Accept-Language`` header prefers (RFC 9110 quality values).

    Examples
    --------
    >>> negotiate("fr-CH, fr;q=0.9, en;q=0.8"), negotiate("de-DE,en;q=0.5"), negotiate("de"), negotiate(None)
    ('fr', 'en', 'en', 'en')
    """
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept_language or "").split(",")):
        tag, _sep, params = part.strip().partition(";")
        q = 1.0
        m = re.search(r"q\s*=\s*([0-9.]+)", params)
        if m:
            try:
                q = float(m.group(1))
            except ValueError:
                q = 0.0
        code = normalize(tag)
        if code is not None and q > 0:
            ranked.append((-q, i, code))
    return min(ranked)[2] if ranked else default


@lru_cache(maxsize=None)
def jinja_environment(folder: str):
    """A Jinja environment for the HTML templates in ``folder``, speaking the language in use.

    It has Jinja's i18n extension (``{% trans %}`` blocks, whitespace trimmed, and ``_()``),
    wired to :func:`gettext` and :func:`ngettext` new-style (``_("{n} states", n=3)`` is
    escaped like any variable), so a page is rendered in the language of the moment it is
    rendered (``with language("fr"): template.render(...)``), and HTML autoescaping.
    """
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=select_autoescape(["html"]),
                      extensions=["jinja2.ext.i18n"])
    env.policies["ext.i18n.trimmed"] = True
    env.install_gettext_callables(gettext=gettext, ngettext=ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def format_decimal(value: float, digits: int = 2, *, group: bool = True, lang: str | None = None) -> str:
    """``value`` with ``digits`` decimals as the language writes it (Babel, CLDR): ``1,234.50`` / ``1 234,50``."""
    from babel.numbers import format_decimal as babel_decimal

    pattern = ("#,##0" if group else "0") + ("." + "0" * digits if digits > 0 else "")
    return babel_decimal(value, format=pattern, locale=lang or get_language())


def format_date(value, format: str = "long", *, lang: str | None = None) -> str:
    """A date (or datetime) as the language writes it (Babel, CLDR): ``December 5, 2026`` / ``5 décembre 2026``."""
    from babel.dates import format_date as babel_date

    return babel_date(value, format=format, locale=lang or get_language())
