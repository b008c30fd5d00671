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
The catalogue is compiled in memory by Babel the first time French is asked for in a process
(a few milliseconds for this catalogue, once). So a fresh clone works with the README's two
commands and with ``pip install -e .``, no build step can be forgotten, no binary ``.mo``
lives in git beside its source and can go stale. English never loads Babel at all, and this
module imports only the standard library: ``import foedus.cli`` stays light.

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


@lru_cache(maxsize=None)
def translations(lang: str) -> _gettext.NullTranslations:
    """The gettext translations of ``lang``, compiled from its ``.po`` file in memory (once per process).

    English, the source language, translates to itself. Fuzzy entries are left out (they show
    in English), as ``msgfmt`` does.
    """
    if lang == LANGUAGES[0]:
        return _gettext.NullTranslations()
    import io

    from babel.messages.mofile import write_mo

    buf = io.BytesIO()
    write_mo(buf, catalogue(lang), use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


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
