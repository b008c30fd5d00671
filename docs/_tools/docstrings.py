"""A Griffe extension: read foedus's numpydoc docstrings, written for Sphinx, as the site's Markdown.

The docstrings follow numpydoc with Sphinx markup; mkdocstrings renders Markdown. Before a
docstring is parsed, this extension rewrites, outside inline code:

- cross-reference roles (``:func:`~foedus.x.f```, ``:class:`Scenario```, ``:mod:``...) into
  optional cross-references: a link where the object is documented on the site, code otherwise
  (a name without its module is looked up from the documented object outwards);
- mathematics (``:math:`...``` and ``.. math::`` blocks) into MathML, which browsers draw
  without any script or web font (the site reads offline);
- a doctest outside an Examples section into a code block (Markdown read ``>>>`` as a quote);
- RST literal-block markers (``text::``) into a colon, numbered references (``.. [1]``) into
  paragraphs;
- the design catalogue's labels (``brief F5``, ``T1–T5``, ``(F2, D4)``) into the mechanisms'
  names, linked to the glossary.

A formula that cannot be converted is a warning, so the strict build fails on it.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import griffe

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mechanisms import FAMILIES, MECHANISMS, anchor  # noqa: E402

_log = logging.getLogger("griffe.foedus_docstrings")

ROLE = re.compile(r":(?:py:)?(?P<role>func|class|meth|attr|data|mod|exc|obj|const):`(?P<body>[^`]+)`")
MATH_ROLE = re.compile(r":math:`(?P<tex>[^`]+)`")
MATH_BLOCK = re.compile(r"^(?P<indent>[ \t]*)\.\. math::[ \t]*(?P<first>.*)$")
CODE_SPAN = re.compile(r"``.+?``|`[^`]+`")
LABEL = r"[AFPDTH][1-5]"
LABELS = re.compile(
    rf"(?:\b[Bb]rief\s+)?(?<![\w.-])(?P<first>{LABEL})(?:\s*[\u2013-]\s*(?P<last>[AFPDTH]?[1-5]))?(?![\w-])(?P<own>'s)?(?:(?P<ws>[ \t]+)(?P<next>(?![AFPDTH][1-5]\b)[\w-]+))?"
)
SECTION_RULE = re.compile(r"^\s*-{3,}\s*$")
STRUCTURED = {
    "Parameters", "Other Parameters", "Returns", "Yields", "Receives", "Raises", "Warns", "Warnings",
    "Attributes", "Methods", "Functions", "Classes", "Modules", "Examples", "See Also",
}
"""numpydoc sections Griffe parses into tables (their ``name : type`` lines are not definition lists)."""


CATALOGUE = (
    (re.compile(r"\(brief: "), "("),
    (re.compile(r"\bbrief step (\d+)"), r"step \1"),
    (re.compile(r"\bthe brief's\b"), "the design catalogue's"),
    (re.compile(r"\bof the brief\b"), "of the design catalogue"),
)
"""Mentions of the catalogue itself, which readers never saw, in words they can follow."""


def _labels(text: str) -> str:
    """Catalogue labels -> linked names of the mechanisms (a range names its family)."""
    for pattern, replacement in CATALOGUE:
        text = pattern.sub(replacement, text)

    def sub(m: re.Match) -> str:
        first, last = m["first"], m["last"]
        if first not in MECHANISMS:
            return m[0]
        after = (m["ws"] or "") + (m["next"] or "")
        nxt = (m["next"] or "").lower()
        if last:
            if last[0].isalpha() and last[0] != first[0]:
                return m[0]
            family = FAMILIES[first[0]]
            # "T1-T5 drivers": the family's name ends with the next word already
            return f"[{family}][{anchor(first[0])}]" + ("" if nxt and family.endswith(nxt) else after)
        name = MECHANISMS[first]
        if nxt and not m["own"] and name.split()[0] == nxt:
            return m["next"]  # "F1 balancing power": the text names the mechanism already
        return f"[{name}][{anchor(first)}]" + (m["own"] or "") + after

    return LABELS.sub(sub, text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_term(lines: list[str], i: int) -> bool:
    """Whether ``lines[i]`` is the term of an RST definition list: a short line, its definition indented below it.

    Markdown has no definition lists, so the caller makes the term a list item that the
    (lazily continued) definition follows.
    """
    line = lines[i]
    if not line.strip() or i + 1 >= len(lines) or not lines[i + 1].strip() or _indent(lines[i + 1]) <= _indent(line):
        return False
    if i > 0 and lines[i - 1].strip() and _indent(lines[i - 1]) == _indent(line) and not _is_term_like(lines, i - 1):
        return False  # the last line of a paragraph, not a term
    return _is_term_like(lines, i)


def _is_term_like(lines: list[str], i: int) -> bool:
    text = lines[i].strip()
    return (
        len(text) <= 80
        and not text.endswith((":", ".", ","))
        and not re.match(r"^(>>>|\.\.|[-*+]\s|[|<]|\d+[.)]\s)", text)
    )


class FoedusDocstrings(griffe.Extension):
    """Rewrite every docstring once the package's tree is loaded (targets of references are known then)."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs) -> None:
        self._collection = loader.modules_collection
        self._walk(pkg, set())

    def _walk(self, obj, seen: set) -> None:
        if obj.path in seen or obj.is_alias:
            return
        seen.add(obj.path)
        if obj.docstring is not None:
            obj.docstring.value = self.rewrite(obj.docstring.value, obj)
        for member in obj.members.values():
            if not member.is_alias:
                self._walk(member, seen)

    # ---------------------------------------------------------------- the rewrite
    def rewrite(self, text: str, obj) -> str:
        lines = self._blocks(text.splitlines(), obj)
        return "\n".join(lines)

    def _blocks(self, lines: list[str], obj) -> list[str]:
        out: list[str] = []
        section = ""
        i = 0
        while i < len(lines):
            line = lines[i]
            if i + 1 < len(lines) and SECTION_RULE.match(lines[i + 1]) and line.strip():
                section = line.strip()
                out += [line, lines[i + 1]]
                i += 2
                continue
            m = MATH_BLOCK.match(line)
            if m:
                i, block = self._math_block(lines, i, m, obj)
                out.append(block)
                continue
            if line.lstrip().startswith(">>>") and section != "Examples":
                indent = line[: len(line) - len(line.lstrip())]
                block = []
                while i < len(lines) and lines[i].strip():
                    block.append(lines[i])
                    i += 1
                out += [f"{indent}```pycon", *block, f"{indent}```"]
                continue
            if line.lstrip().startswith(">>>") or (out and out[-1].lstrip().startswith((">>>", "..."))):
                out.append(line)  # doctest lines and their output stay as they are
                i += 1
                continue
            if section not in STRUCTURED and _is_term(lines, i):
                if out and out[-1].strip() and not SECTION_RULE.match(out[-1]):
                    out.append("")  # else Markdown continues the previous definition's paragraph
                line = f"{line[: len(line) - len(line.lstrip())]}- {line.strip()}:"  # an RST definition list's term
            line = re.sub(r"^(\s*)\.\. \[(\w+)\]\s*", r"\n\1[\2] ", line)
            if line.rstrip().endswith("::") and not line.strip().startswith(".."):
                line = line.rstrip()[:-1]
            out.append(self._inline(line, obj))
            i += 1
        return out

    def _math_block(self, lines: list[str], i: int, m: re.Match, obj) -> tuple[int, str]:
        indent = m["indent"]
        tex = [m["first"]] if m["first"].strip() else []
        i += 1
        while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > len(indent)):
            if lines[i].strip() or tex:
                tex.append(lines[i].strip())
            i += 1
        while tex and not tex[-1]:
            tex.pop()
        blank = i < len(lines)
        # kept at its indentation: inside a definition or a parameter's description, that is what places it
        math = self._mathml(" ".join(t for t in tex if t), obj, display="block")
        return i, f"{indent}{math}" + ("\n" if blank else "")

    def _mathml(self, tex: str, obj, display: str = "inline") -> str:
        import latex2mathml.converter

        try:
            return latex2mathml.converter.convert(tex, display=display).replace("\n", "")
        except Exception as exc:  # noqa: BLE001 (any failure of the converter is reported the same way)
            _log.warning("%s: cannot draw the formula %r (%s)", obj.path, tex, exc)
            return f"<code>{tex}</code>"

    def _inline(self, line: str, obj) -> str:
        # a span, not a bare <math>: Markdown takes a line that begins with <math> for an HTML block
        line = MATH_ROLE.sub(lambda m: f'<span class="math">{self._mathml(m["tex"], obj)}</span>', line)
        parts = re.split(r"(<span class=\"math\"><math .*?</math></span>|``.+?``)", line)
        for k in range(0, len(parts), 2):
            text = ROLE.sub(lambda m: self._role(m, obj), parts[k])
            pieces = re.split(r"(<autoref .*?</autoref>|`[^`]+`)", text)
            pieces[::2] = [_labels(p) for p in pieces[::2]]
            parts[k] = "".join(pieces)
        return "".join(parts)

    def _role(self, m: re.Match, obj) -> str:
        body = m["body"].strip()
        title_target = re.match(r"^(?P<title>.+?)\s*<(?P<target>[^>]+)>$", body)
        if title_target:
            title, target = title_target["title"], title_target["target"]
        else:
            target = body.lstrip("~")
            title = target.rsplit(".", 1)[-1] if body.startswith("~") else target
        target = self._resolve(target.lstrip("."), obj)
        if m["role"] in ("func", "meth") and not title.endswith(")"):
            title += "()"
        return f'<autoref identifier="{target}" optional><code>{title}</code></autoref>'

    def _resolve(self, target: str, obj) -> str:
        """The documented object that ``target`` names, seen from ``obj`` (or ``target`` itself)."""
        scope = obj
        candidates = []
        while scope is not None:
            candidates.append(f"{scope.path}.{target}")
            scope = scope.parent
        candidates.append(target)
        for c in candidates:
            try:
                self._collection[c]
            except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
                continue
            return c
        return target
