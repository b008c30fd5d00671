"""A scenario file's text, read and parsed within bounds, before any field is validated.

A scenario comes from a user's file or from an upload to the dashboard, so its text is checked
at the boundary, before a parser or a validator spends memory or stack on it:

- a file must be a regular file (not a FIFO, a device or a folder, which could block or never
  end) of at most :data:`MAX_SCENARIO_BYTES`, in UTF-8;
- YAML is first walked event by event (libyaml's parser keeps its own stack, so no input can
  exhaust the C or Python stack): a document nested deeper than :data:`MAX_SCENARIO_DEPTH`
  levels, or using an alias (``*name``: a scenario never needs one, and aliases multiply what
  a validator must walk), is rejected with its line before it is built;
- TOML, whose standard-library parser recurses, is rejected the same way when it nests too
  deeply.

Every rejection is a :class:`ScenarioInputError` with the reason and, where known, the line;
:class:`foedus.sim.scenario.Scenario` turns it into a :class:`~foedus.sim.scenario.ScenarioError`
naming the file.
"""

from __future__ import annotations

import re
import stat
import tomllib
from pathlib import Path
from typing import Any

import yaml

__all__ = ["MAX_SCENARIO_BYTES", "MAX_SCENARIO_DEPTH", "ScenarioInputError", "read_scenario_text", "parse_scenario_text", "yaml_line", "field_path"]

MAX_SCENARIO_BYTES = 32 * 2**20
"""Largest scenario text accepted, bytes (the built-in ``world-2022`` is about 165 kB)."""

MAX_SCENARIO_DEPTH = 32
"""Deepest nesting of mappings and lists accepted (a scenario needs about five levels)."""

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""The YAML loader: libyaml's safe loader where it is installed (fast), else PyYAML's."""


class ScenarioInputError(ValueError):
    """A scenario's text cannot be read or parsed: ``reason``, and the 1-based ``row`` if known."""

    def __init__(self, reason: str, row: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.row = row


def read_scenario_text(path: Path) -> str:
    """The UTF-8 text of the scenario file ``path``, read within :data:`MAX_SCENARIO_BYTES`.

    Raises
    ------
    ScenarioInputError
        Not a readable regular file, too large, or not UTF-8.
    """
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise ScenarioInputError("not a regular file: a scenario must be a YAML or TOML file (not a folder, FIFO or device)")
        with open(path, "rb") as f:
            data = f.read(MAX_SCENARIO_BYTES + 1)
    except OSError as e:
        raise ScenarioInputError(f"cannot read the file ({e.strerror or e})") from e
    if len(data) > MAX_SCENARIO_BYTES:
        raise ScenarioInputError(f"larger than {MAX_SCENARIO_BYTES // 2**20} MiB: not a scenario")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        row = data[: e.start].count(b"\n") + 1
        raise ScenarioInputError(f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); save the file as UTF-8", row=row) from None


def parse_scenario_text(text: str, *, toml: bool = False) -> Any:
    """The data of a scenario's YAML (default) or TOML text, within the bounds of this module.

    Raises
    ------
    ScenarioInputError
        Too large, nested too deeply, an alias, or a syntax error (with its line).
    """
    if len(text) > MAX_SCENARIO_BYTES:
        raise ScenarioInputError(f"larger than {MAX_SCENARIO_BYTES // 2**20} MiB: not a scenario")
    if toml:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            said = re.search(r"at line (\d+)", str(e))
            row = int(said.group(1)) if said else (text.count("\n") + 1 if "end of document" in str(e) else None)
            raise ScenarioInputError(f"TOML syntax error: {e}", row=row) from e
        except RecursionError:
            raise ScenarioInputError(f"nested more than {MAX_SCENARIO_DEPTH} levels deep: not a scenario", row=_deep_line(text)) from None
        try:
            _check_depth(data)
        except ScenarioInputError as e:
            raise ScenarioInputError(e.reason, row=_deep_line(text)) from None
        return data
    try:
        _check_yaml_events(text)
        return yaml.load(text, Loader=LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or str(e)
        row = mark.line + 1 if mark else None
        if isinstance(e, yaml.reader.ReaderError):  # a character YAML refuses: its position, not its line
            problem = f"unacceptable character #x{e.character:04x}: {e.reason}" if isinstance(e.character, int) else e.reason
            row = text.count("\n", 0, e.position) + 1
        raise ScenarioInputError(f"YAML syntax error: {problem}", row=row) from e


def _check_yaml_events(text: str) -> None:
    """Reject deep nesting and aliases from the parser's events, before a document is built."""
    depth = 0
    for event in yaml.parse(text, Loader=LOADER):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_SCENARIO_DEPTH:
                raise ScenarioInputError(f"nested more than {MAX_SCENARIO_DEPTH} levels deep: not a scenario", row=event.start_mark.line + 1)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            raise ScenarioInputError(f"YAML alias *{event.anchor} is not allowed in a scenario: write the value out", row=event.start_mark.line + 1)


def _deep_line(text: str) -> int | None:
    """1-based line where brackets (``[``, ``{``) first nest deeper than :data:`MAX_SCENARIO_DEPTH`, ignoring quoting.

    Only called once the parser has found the text too deep, to say where.
    """
    depth = 0
    for m in _BRACKETS.finditer(text):
        depth += 1 if m.group() in "[{" else -1
        if depth > MAX_SCENARIO_DEPTH:
            return text.count("\n", 0, m.start()) + 1
    return None


_BRACKETS = re.compile(r"[\[\]{}]")


def _check_depth(data: Any) -> None:
    """Reject parsed data nested deeper than :data:`MAX_SCENARIO_DEPTH` (an explicit stack, no recursion)."""
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, (dict, list)):
            if depth >= MAX_SCENARIO_DEPTH:
                raise ScenarioInputError(f"nested more than {MAX_SCENARIO_DEPTH} levels deep: not a scenario")
            stack.extend((v, depth + 1) for v in (node.values() if isinstance(node, dict) else node))


def field_path(path: str) -> tuple:
    """``"actors[3].cinc"`` -> ``("actors", 3, "cinc")``; a part that is not ``name[index]`` stays a name.

    Examples
    --------
    >>> field_path("actors[3].cinc"), field_path("actors[0].m[ilper")
    (('actors', 3, 'cinc'), ('actors', 0, 'm[ilper'))
    """
    out: list = []
    for part in path.split("."):
        m = _INDEXED.fullmatch(part)
        if m is None:
            out.append(part)
            continue
        if m.group(1):
            out.append(m.group(1))
        out.extend(int(i) for i in _INDEX.findall(m.group(2)))
    return tuple(out)


_INDEXED = re.compile(r"([^\[\]]*)((?:\[\d+\])*)")
_INDEX = re.compile(r"\[(\d+)\]")


def yaml_line(text: str, loc: tuple) -> int | None:
    """1-based line of the YAML node at ``loc`` in ``text`` (the deepest one found)."""
    node = yaml.compose(text, Loader=LOADER)
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for k, v in node.value:
                if k.value == str(part):
                    nxt = v
                    line = k.start_mark.line + 1
                    break
            if nxt is None:
                return line
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line
