"""``foedus --help`` in the language in use: help texts translated when a help page is drawn.

Typer reads every help text when the program is built (an option's ``help=``, a command's
docstring), before ``--lang`` is parsed, and keeps it as a plain string. So the texts stay in
English in the command modules (they are the catalogue's message ids) and are translated at
the one moment they are shown: :meth:`LocalisedCommand.format_help` swaps, for the time of
drawing the page, the command's help, its parameters' help, its sub-commands' one-line help
and Typer's own words (panel titles, "[default: ...]", "Usage:") for their translations, then
puts the English back (a test's ``CliRunner`` runs many commands in one process).

Why at drawing time, not earlier: translating means reading the French catalogue with Babel
(tens of milliseconds); a command that runs, or an English help page, never pays it. The
help page itself costs a walk over one command's parameters.

The texts are extracted for the catalogue from the program as Typer builds it
(``tools/i18n.py``: every command's and parameter's help), so the message ids are exactly the
strings swapped here; ``tests/test_i18n.py`` fails on any without a French translation.

:class:`Typer` is ``typer.Typer`` with these classes as defaults; every command module builds
its sub-program with it, and the root program reads ``--lang`` before anything else is parsed,
so that ``foedus --help --lang fr`` and ``foedus --lang fr main --help`` both speak French.
"""

from contextlib import contextmanager
from typing import Any, Iterator, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from foedus.i18n import DEFAULT_LANGUAGE, get_language, gettext, language, lazy_gettext, set_language

__all__ = ["Typer", "LocalisedCommand", "LocalisedGroup", "TYPER_WORDS", "ERROR_WORDS", "USAGE_ERRORS", "HELP_OPTION_HELP", "USAGE",
           "help_texts"]

TYPER_WORDS = {
    "ARGUMENTS_PANEL_TITLE": lazy_gettext("Arguments"),
    "OPTIONS_PANEL_TITLE": lazy_gettext("Options"),
    "COMMANDS_PANEL_TITLE": lazy_gettext("Commands"),
    "DEFAULT_STRING": lazy_gettext("[default: {}]"),
    "REQUIRED_LONG_STRING": lazy_gettext("[required]"),
    "ENVVAR_STRING": lazy_gettext("[env var: {}]"),
    "DEPRECATED_STRING": lazy_gettext("(deprecated) "),
}
"""Typer's own words on a help page (module constants of ``typer.rich_utils``), translated when drawn."""

ERROR_WORDS = {
    "ERRORS_PANEL_TITLE": lazy_gettext("Error"),
    "RICH_HELP": lazy_gettext("Try [blue]'{command_path} {help_option}'[/] for help."),
    "ABORTED_TEXT": lazy_gettext("Aborted."),
}
"""Typer's words around a usage error, set in the language of each run of the program (it draws them after parsing)."""

USAGE_ERRORS = (
    lazy_gettext("No such option: {name}"),
    lazy_gettext("No such command {name}."),
    lazy_gettext("Missing argument {name}."),
    lazy_gettext("Missing option {name}."),
    lazy_gettext("Missing command."),
    lazy_gettext("Got unexpected extra argument(s) ({args})"),
    lazy_gettext("Invalid value for {param}: {reason}"),
)
"""Click's usage errors (its English, read back by :func:`_usage_error`), translated; ``reason`` is said again too."""

HELP_OPTION_HELP = lazy_gettext("Show this message and exit.")
"""The help of every ``--help`` option (Click's own text, the message id of its translation)."""

USAGE = lazy_gettext("Usage: ")
"""The prefix of the usage line."""


def _translate(obj: Any, attr: str, saved: list) -> None:
    text = getattr(obj, attr, None)
    if isinstance(text, str) and text:
        saved.append((obj, attr, text))
        setattr(obj, attr, gettext(text))


@contextmanager
def _translated(command, ctx) -> Iterator[None]:
    """The help texts of ``command``'s page in the language in use, for the time of the ``with`` block."""
    from typer import rich_utils

    saved: list = []
    try:
        for attr in ("help", "short_help", "epilog"):
            _translate(command, attr, saved)
        for param in command.get_params(ctx):
            _translate(param, "help", saved)
        if isinstance(command, TyperGroup):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                if sub is not None:
                    _translate(sub, "help", saved)
                    _translate(sub, "short_help", saved)
        for name, word in TYPER_WORDS.items():
            if hasattr(rich_utils, name):
                saved.append((rich_utils, name, getattr(rich_utils, name)))
                setattr(rich_utils, name, str(word))
        yield
    finally:
        for obj, attr, text in reversed(saved):
            setattr(obj, attr, text)


def _usage_error(message: str) -> str:
    """A usage error of Click (``No such option: --x``, ``Invalid value for '--years': ...``) in the language in use."""
    from foedus.report.errors import reason_text, template

    head, dot, mean = message.partition(_TYPER_SUGGESTION)
    for pattern, said in map(template, USAGE_ERRORS):
        m = pattern.match(head + "." if dot else message) or (pattern.match(head) if dot else None)
        if m:
            parts = m.groupdict()
            if "reason" in parts:
                parts["reason"] = reason_text(parts["reason"])
            text = str(said).format(**parts)
            return text.rstrip(".") + str(_DID_YOU_MEAN).format(names=mean.rstrip("?")) if dot else text
    return message


_DID_YOU_MEAN = lazy_gettext(". Did you mean {names}?")
_TYPER_SUGGESTION = ". Did you mean "
"""How Typer adds its suggestion to Click's sentence (its English, read back)."""


@contextmanager
def _usage_errors_said() -> Iterator[None]:
    """Click's usage errors raised inside the block, said again in the language in use (English: left alone)."""
    from typer._click.exceptions import BadParameter, NoArgsIsHelpError, UsageError

    try:
        yield
    except UsageError as e:
        if isinstance(e, NoArgsIsHelpError) or get_language() == DEFAULT_LANGUAGE:
            raise
        if isinstance(e, BadParameter):  # its message is the reason; Click words the rest when it is shown
            raise UsageError(_usage_error(e.format_message()), e.ctx) from None
        e.message = _usage_error(e.message)
        raise


class _Localised:
    """A Typer command or group whose help page and usage errors are in the language in use."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        with _usage_errors_said():
            return super().parse_args(ctx, args)  # type: ignore[misc]

    def resolve_command(self, ctx, args: list[str]):
        with _usage_errors_said():
            return super().resolve_command(ctx, args)  # type: ignore[misc]

    def format_help(self, ctx, formatter) -> None:
        if get_language() == DEFAULT_LANGUAGE:
            return super().format_help(ctx, formatter)  # type: ignore[misc]
        with _translated(self, ctx):
            return super().format_help(ctx, formatter)  # type: ignore[misc]

    def format_usage(self, ctx, formatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=str(USAGE))


class LocalisedCommand(_Localised, TyperCommand):
    """A ``foedus`` command (Typer's command, its help page in the language in use)."""


class LocalisedGroup(_Localised, TyperGroup):
    """A ``foedus`` group of commands; the root one reads ``--lang`` before parsing anything else."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the program; the language it was asked to speak (``--lang``) ends with it.

        A process that runs the program more than once (a test's ``CliRunner``, a notebook)
        finds its own language again afterwards, whatever the command set.
        """
        with language(None):
            return super().main(*args, **kwargs)

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        if ctx.parent is None:
            _early_language(args)
            _error_words()
        return super().parse_args(ctx, args)


def _early_language(args: list[str]) -> None:
    """Use the language ``--lang`` names among the root program's options (none: the default, $FOEDUS_LANG).

    Parsing runs eager options in the order they were typed, so ``foedus --help --lang fr``
    would draw the page before ``--lang`` is read. A value foedus does not speak is left for
    the ``--lang`` option itself to refuse (exit code 2).
    """
    found: Optional[str] = None
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--lang" and i + 1 < len(args):
            found, i = args[i + 1], i + 2
            continue
        if a.startswith("--lang="):
            found = a.partition("=")[2]
        elif not a.startswith("-"):
            break  # a command's name: what follows is its own
        i += 1
    try:
        set_language(found)
    except ValueError:
        set_language(None)


def _error_words() -> None:
    """Typer's words around a usage error in the language of this run (English: Typer's own)."""
    from typer import rich_utils

    originals = rich_utils.__dict__.setdefault("_foedus_english", {k: getattr(rich_utils, k) for k in ERROR_WORDS})
    english = get_language() == DEFAULT_LANGUAGE
    for name, word in ERROR_WORDS.items():
        setattr(rich_utils, name, originals[name] if english else str(word))


class Typer(typer.Typer):
    """``typer.Typer`` whose commands and groups draw their help in the language in use."""

    def __init__(self, *args: Any, cls: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, cls=cls or LocalisedGroup, **kwargs)

    def command(self, *args: Any, cls: Any = None, **kwargs: Any):
        return super().command(*args, cls=cls or LocalisedCommand, **kwargs)


def help_texts(app: typer.Typer) -> list[tuple[str, str, int]]:
    """Every help text of ``app`` as Typer builds it: ``(text, file, line)`` (the file of the command's function).

    The command's help (its docstring or ``help=``), short help and epilog, and each of its
    parameters' help, for every command and group below ``app``, in order; ``tools/i18n.py``
    puts them in the catalogue.
    """
    import inspect

    import typer.main

    out: list[tuple[str, str, int]] = []

    def where(command) -> tuple[str, int]:
        fn = getattr(command, "callback", None)
        try:
            fn = inspect.unwrap(fn)
            return inspect.getsourcefile(fn) or "", inspect.getsourcelines(fn)[1]
        except (TypeError, OSError):
            return "", 0

    def walk(command) -> None:
        path, line = where(command)
        for text in (command.help, command.short_help, getattr(command, "epilog", None)):
            if isinstance(text, str) and text:
                out.append((text, path, line))
        for param in command.params:
            text = getattr(param, "help", None)
            if isinstance(text, str) and text:
                out.append((text, path, line))
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return out

