"""Rewrite ``<world>.<field>`` into ``<world>.inputs.<field>`` or ``<world>.state.<field>`` (issue 11).

:class:`foedus.sim.world.World` holds its fields in two typed parts, :class:`WorldInputs` (fixed
for the run) and :class:`WorldState` (carried from year to year). This script moves every access
of the code to the part that holds the field, so that seven branches written against the flat
``World`` can be merged and converted in one go::

    python tools/world_split.py                 # src/ tests/ benchmarks/ docs/ of this checkout
    python tools/world_split.py --check         # change nothing; exit 1 if something would change
    python tools/world_split.py -v src/foedus/sim/steps/new_step.py

Which names are fields of which part is read from ``src/foedus/sim/world.py`` of the tree (the
annotated fields of ``WorldInputs`` and ``WorldState``), so a field added there is known at once.

Which expressions are worlds is found per scope (module, function, lambda), from the code itself,
never from a name alone: a name is a world where every binding of it in its scope is a world
(a parameter annotated ``World`` or named ``world``, an assignment from another world expression),
and an unbound ``world`` is one too. World expressions are those names, any ``<x>.world``
(``sim.world``, ``self.world``, ``Simulation(...).world``), a call of ``World``/``World.build``/
``build_world``/``_build_world`` or of any function of the tree annotated ``-> World`` or
returning a world (``tuple[World, ...]`` and ``return world, rng`` give worlds by position, so
``alone, rng = tiny_world()`` makes ``alone`` one), and ``copy.copy``/``copy.deepcopy`` of one.
A Scenario's ``agreements``, an Actor's ``regime``, a history window ``w`` are never touched.
``getattr(world, "<field>")``/``setattr`` with a constant name are rewritten too.

Idempotent: ``world.state.hostility`` is an access of ``state`` (a World member), not of a
field, so a second run changes nothing. It prints what it changed (per file, or every access
with ``-v``), any ``<world>.<name>`` it could not classify (neither a field of a part nor a
member of World), ``getattr``/``setattr`` of a world with a computed name (rewrite them by hand),
and text (comments, docstrings, Markdown prose) that still names ``world.<field>``.

Markdown and reStructuredText files are rewritten in their fenced ``python`` code blocks only.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATHS = ("src", "tests", "benchmarks", "docs")
WORLD_MEMBERS = frozenset(
    {"inputs", "state", "results", "cache", "year_cache", "log", "n", "tier", "tier_code", "index_of", "update_power", "build"}
)
"""What ``World`` has itself (the parts, the cache, the log and the methods reading through the parts)."""
FACTORIES = frozenset({"World", "build", "build_world", "_build_world"})
"""Calls whose result is a world (``World.build`` by its last name)."""
COPIES = frozenset({"copy", "deepcopy"})
PARTS = ("inputs", "state")


# --------------------------------------------------------------------------- the parts' fields
def part_fields(world_py: Path) -> dict[str, str]:
    """``{field: "inputs" | "state"}`` from the annotated fields of ``WorldInputs`` and ``WorldState``."""
    tree = ast.parse(world_py.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    found = set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name in ("WorldInputs", "WorldState"):
            found.add(node.name)
            part = "inputs" if node.name == "WorldInputs" else "state"
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    out[item.target.id] = part
    if found != {"WorldInputs", "WorldState"}:
        sys.exit(f"{world_py}: no WorldInputs and WorldState classes (is World split in this tree?)")
    return out


# --------------------------------------------------------------------------- which expressions are worlds
WORLD = "world"
"""A binding or return that is a world; a frozenset of ints: a tuple with worlds at those positions."""


def _annotation_kind(ann: ast.expr | None):
    """WORLD for ``World``/``"World"``, positions for ``tuple[World, ...]``, else None."""
    if ann is None:
        return None
    if isinstance(ann, ast.Constant) and isinstance(ann.value, str):
        try:
            ann = ast.parse(ann.value, mode="eval").body
        except SyntaxError:
            return None
    if isinstance(ann, ast.Name) and ann.id == "World":
        return WORLD
    if isinstance(ann, ast.Attribute) and ann.attr == "World":
        return WORLD
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name) and ann.value.id in ("tuple", "Tuple"):
        elts = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        pos = frozenset(k for k, e in enumerate(elts) if _annotation_kind(e) == WORLD)
        return pos or None
    return None


def _callee(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _dotted_root(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


@dataclass
class Scope:
    node: ast.AST
    parent: "Scope | None"
    bindings: dict[str, list] = field(default_factory=dict)  # name -> [kind or None per binding]

    def bind(self, name: str, kind) -> None:
        self.bindings.setdefault(name, []).append(kind)


class Analysis:
    """Scopes of one module and the world-ness of its expressions (given what functions return)."""

    def __init__(self, tree: ast.Module, returns: dict[str, object], fields: dict[str, str] | None = None):
        self.tree = tree
        self.returns = returns
        self.fields = fields or {}
        self.scope_of: dict[int, Scope] = {}  # id(node) -> the scope it is evaluated in
        self.module = Scope(tree, None)
        self._collect(tree, self.module)

    # bindings ---------------------------------------------------------------------------
    def _collect(self, node: ast.AST, scope: Scope) -> None:
        for child in ast.iter_child_nodes(node):
            self._visit(child, scope)

    def _visit(self, node: ast.AST, scope: Scope) -> None:
        self.scope_of[id(node)] = scope
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            if not isinstance(node, ast.Lambda):
                scope.bind(node.name, None)
                for d in node.decorator_list:
                    self._visit(d, scope)
                if node.returns is not None:
                    self._visit(node.returns, scope)
            for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                self._visit(d, scope)
            inner = Scope(node, scope)
            self.scope_of[id(node)] = inner
            args = node.args
            for a in args.posonlyargs + args.args + args.kwonlyargs + [x for x in (args.vararg, args.kwarg) if x]:
                kind = _annotation_kind(a.annotation)
                if kind is None and a.annotation is None and a.arg == "world":
                    kind = WORLD
                inner.bind(a.arg, kind if kind == WORLD else None)
            body = node.body if isinstance(node.body, list) else [node.body]
            for stmt in body:
                self._visit(stmt, inner)
            return
        if isinstance(node, ast.ClassDef):
            scope.bind(node.name, None)
            inner = Scope(node, scope)  # methods do not see class names: skipped in lookups
            for child in node.body + node.decorator_list + node.bases:
                self._visit(child, inner)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                scope.bind((a.asname or a.name).split(".")[0], None)
        elif isinstance(node, ast.Assign):
            for t in node.targets:
                self._bind_target(t, node.value, scope)
        elif isinstance(node, ast.AnnAssign):
            kind = _annotation_kind(node.annotation)
            if isinstance(node.target, ast.Name):
                scope.bind(node.target.id, WORLD if kind == WORLD else ("expr", node.value, scope) if node.value is not None else None)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            scope.bind(node.target.id, None)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            self._bind_for(node.target, node.iter, scope)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            self._bind_target(node.optional_vars, None, scope)
        elif isinstance(node, ast.NamedExpr):
            self._bind_target(node.target, node.value, scope)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            scope.bind(node.name, None)
        self._collect(node, scope)

    def _bind_target(self, target: ast.expr, value: ast.expr | None, scope: Scope) -> None:
        if isinstance(target, ast.Name):
            scope.bind(target.id, ("expr", value, scope) if value is not None else None)
        elif isinstance(target, (ast.Tuple, ast.List)):
            for k, elt in enumerate(target.elts):
                if isinstance(elt, ast.Starred):
                    self._bind_target(elt.value, None, scope)
                elif isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts):
                    self._bind_target(elt, value.elts[k], scope)
                elif value is not None and isinstance(elt, ast.Name):
                    scope.bind(elt.id, ("item", value, k, scope))
                else:
                    self._bind_target(elt, None, scope)

    def _bind_for(self, target: ast.expr, it: ast.expr, scope: Scope) -> None:
        if isinstance(target, ast.Name) and isinstance(it, (ast.Tuple, ast.List)) and it.elts:
            scope.bind(target.id, ("all", it.elts, scope))
        else:
            self._bind_target(target, None, scope)

    # world-ness -------------------------------------------------------------------------
    def _binding_is_world(self, b, seen: set, name: str = "") -> bool:
        if b is None:
            return False
        if b == WORLD:
            return True
        if b[0] == "expr":
            if isinstance(b[1], ast.Call) and _callee(b[1]) == "SimpleNamespace" and not _WORLDISH.search(name):
                return False  # a stand-in for something else (an actor's ``regime``): only a namespace named like a world is one
            return self.kind(b[1], b[2], seen) == WORLD
        if b[0] == "item":
            kind = self.kind(b[1], b[3], seen)
            return isinstance(kind, frozenset) and b[2] in kind
        if b[0] == "all":
            return all(self.kind(e, b[2], seen) == WORLD for e in b[1])
        return False

    def name_is_world(self, name: str, scope: Scope, seen: set | None = None) -> bool:
        seen = set() if seen is None else seen
        s: Scope | None = scope
        while s is not None:
            if name in s.bindings and not (isinstance(s.node, ast.ClassDef) and s is not scope):
                key = (id(s), name)
                if key in seen:
                    return False  # a cycle (``w = f(w)``): not proven a world
                seen.add(key)
                try:
                    return all(self._binding_is_world(b, seen, name) for b in s.bindings[name])
                finally:
                    seen.discard(key)
            s = s.parent
        return name == "world"

    def kind(self, node: ast.expr, scope: Scope, seen: set | None = None):
        """WORLD, a frozenset of tuple positions holding worlds, or None."""
        if isinstance(node, ast.Name):
            return WORLD if self.name_is_world(node.id, scope, seen) else None
        if isinstance(node, ast.Attribute):
            if node.attr == "world" and _dotted_root(node) != "foedus":
                return WORLD
            return None
        if isinstance(node, ast.Call):
            name = _callee(node)
            if name in FACTORIES:
                return WORLD
            if name == "SimpleNamespace" and node.keywords and self._stand_in(node):
                return WORLD
            if name in COPIES and node.args and self.kind(node.args[0], scope, seen) == WORLD:
                return WORLD
            return self.returns.get(name) if name else None
        if isinstance(node, ast.Subscript):
            inner = self.kind(node.value, scope, seen)
            if isinstance(inner, frozenset) and isinstance(node.slice, ast.Constant) and node.slice.value in inner:
                return WORLD
            return None
        if isinstance(node, ast.Tuple):
            pos = frozenset(k for k, e in enumerate(node.elts) if self.kind(e, scope, seen) == WORLD)
            return pos or None
        if isinstance(node, ast.NamedExpr):
            return self.kind(node.value, scope, seen)
        return None

    def _stand_in(self, call: ast.Call) -> bool:
        """A namespace standing in for a world: world fields (or the parts) and World members, nothing else."""
        names = [k.arg for k in call.keywords]
        if None in names:
            return False
        if {"inputs", "state"} & set(names):
            return all(n in WORLD_MEMBERS for n in names)
        return any(n in self.fields for n in names) and all(n in self.fields or n in WORLD_MEMBERS for n in names)

    def is_world(self, node: ast.expr) -> bool:
        scope = self.scope_of.get(id(node))
        return scope is not None and self.kind(node, scope) == WORLD


def function_returns(trees: list[ast.Module], rounds: int = 4) -> dict[str, object]:
    """What the functions of the tree return, by name: WORLD, tuple positions of worlds, or absent."""
    returns: dict[str, object] = {}
    for _ in range(rounds):
        before = dict(returns)
        for tree in trees:
            an = Analysis(tree, returns)
            for node in ast.walk(tree):
                if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or node.name in FACTORIES:
                    continue
                kind = _annotation_kind(node.returns)
                if kind is None:  # unannotated, or annotated loosely (``tuple[object, list]``): what it returns
                    kinds = [an.kind(r.value, an.scope_of[id(r)]) for r in _own_returns(node) if r.value is not None]
                    if kinds and all(k == kinds[0] for k in kinds):
                        kind = kinds[0]
                if kind is not None:
                    returns[node.name] = kind
        if returns == before:
            break
    return returns


def _own_returns(fn: ast.AST):
    """The return statements of ``fn`` itself (not of functions nested in it)."""
    stack = list(ast.iter_child_nodes(fn))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return):
            yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))


# --------------------------------------------------------------------------- rewriting
@dataclass
class Report:
    changed: list[tuple[str, int, str, str]] = field(default_factory=list)  # path, line, field, part
    unknown: list[tuple[str, int, str]] = field(default_factory=list)
    dynamic: list[tuple[str, int, str]] = field(default_factory=list)
    unproven: list[tuple[str, int, str]] = field(default_factory=list)
    mentions: list[tuple[str, int, str]] = field(default_factory=list)


_WORLDISH = re.compile(r"(^|_)world(_|$|\d)|^w\d*$|^world")


def _looks_like_a_world(node: ast.expr) -> bool:
    """A receiver named like a world (``world``, ``w``, ``w2``, ``old_world``, ``x.world``) that the analysis did not prove one."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
    return bool(name and _WORLDISH.search(name))


def rewrite_source(text: str, tree: ast.Module, returns: dict, fields: dict[str, str], where: str, report: Report, line0: int = 0) -> str:
    """``text`` with every world's field access moved to its part; findings added to ``report``."""
    an = Analysis(tree, returns, fields)
    inserts: list[tuple[int, int, str]] = []  # (line, byte column, text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and an.is_world(node.value):
            part = fields.get(node.attr)
            if part is not None:
                inserts.append((node.value.end_lineno, node.value.end_col_offset, "." + part))
                report.changed.append((where, line0 + node.lineno, node.attr, part))
            elif node.attr not in WORLD_MEMBERS and not node.attr.startswith("__"):
                report.unknown.append((where, line0 + node.lineno, node.attr))
        elif isinstance(node, ast.Attribute) and node.attr in fields and _looks_like_a_world(node.value):
            report.unproven.append((where, line0 + node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("getattr", "setattr", "hasattr"):
            if len(node.args) >= 2 and an.is_world(node.args[0]):
                name = node.args[1]
                if isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value in fields:
                    obj = node.args[0]
                    inserts.append((obj.end_lineno, obj.end_col_offset, "." + fields[name.value]))
                    report.changed.append((where, line0 + node.lineno, name.value, fields[name.value]))
                elif not isinstance(name, ast.Constant):
                    report.dynamic.append((where, line0 + node.lineno, ast.unparse(node)))
    replaces = _stand_ins(tree, text, fields, where, report, line0)
    if not inserts and not replaces:
        return text
    lines = text.splitlines(keepends=True)
    edits = [(ln, col, col, ins) for ln, col, ins in set(inserts)] + replaces
    for ln, col, end, ins in sorted(edits, reverse=True):
        raw = lines[ln - 1].encode("utf-8")
        lines[ln - 1] = (raw[:col] + ins.encode("utf-8") + raw[end:]).decode("utf-8")
    return "".join(lines)


def _stand_ins(tree: ast.Module, text: str, fields: dict[str, str], where: str, report: Report, line0: int) -> list:
    """A ``SimpleNamespace`` of world fields bound to a name like a world (a test's stand-in), split into the parts.

    ``world = SimpleNamespace(major=m, distance_km=d, cache={})`` becomes
    ``world = SimpleNamespace(inputs=SimpleNamespace(distance_km=d), state=SimpleNamespace(major=m), cache={})``
    (a one-line call only; any other is reported). A namespace of world fields bound to another name is reported.
    """
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        pairs = []
        for t in node.targets:
            if isinstance(t, ast.Name):
                pairs.append((t, node.value))
            elif isinstance(t, ast.Tuple) and isinstance(node.value, ast.Tuple) and len(t.elts) == len(node.value.elts):
                pairs.extend(zip(t.elts, node.value.elts))
        for target, value in pairs:
            if not (isinstance(value, ast.Call) and _callee(value) == "SimpleNamespace" and value.keywords):
                continue
            names = [k.arg for k in value.keywords]
            if None in names or not any(n in fields for n in names) or not all(n in fields or n in WORLD_MEMBERS for n in names):
                continue
            code = ast.unparse(value)
            if not _looks_like_a_world(target) or value.lineno != value.end_lineno:
                report.unproven.append((where, line0 + value.lineno, code))
                continue
            seg = {k.arg: ast.get_source_segment(text, k.value) for k in value.keywords}
            func = ast.get_source_segment(text, value.func)
            parts = []
            for part in PARTS:
                inner = ", ".join(f"{n}={seg[n]}" for n in names if fields.get(n) == part)
                if inner:
                    parts.append(f"{part}={func}({inner})")
            parts += [f"{n}={seg[n]}" for n in names if n not in fields]
            out.append((value.lineno, value.col_offset, value.end_col_offset, f"{func}({', '.join(parts)})"))
            report.changed.extend((where, line0 + value.lineno, n, fields[n]) for n in names if n in fields)
    return out


def mentions(text: str, fields: dict[str, str], where: str, report: Report) -> None:
    """Text (comments, docstrings, prose) still naming ``world.<field>`` or ``World.<field>``."""
    pat = prose_pattern(fields)
    for k, line in enumerate(text.splitlines(), 1):
        for m in pat.finditer(line):
            report.mentions.append((where, k, m.group(0)))


def prose_pattern(fields: dict[str, str]) -> re.Pattern:
    names = "|".join(map(re.escape, sorted(fields, key=len, reverse=True)))
    return re.compile(r"(?<![\w.])(world|World)\.(" + names + r")\b")


def rewrite_prose(text: str, fields: dict[str, str]) -> str:
    """``world.<field>`` -> ``world.<part>.<field>`` and ``World.<field>`` -> ``WorldInputs.<field>``/``WorldState.<field>``."""
    pat = prose_pattern(fields)

    def sub(m: re.Match) -> str:
        part = fields[m.group(2)]
        if m.group(1) == "World" or m.string[max(0, m.start() - 1)] == ".":
            return ("WorldInputs." if part == "inputs" else "WorldState.") + m.group(2)
        return f"world.{part}.{m.group(2)}"

    pat_ref = re.compile(r"(?<=\.)World\.(" + "|".join(map(re.escape, sorted(fields, key=len, reverse=True))) + r")\b")
    text = pat_ref.sub(lambda m: ("WorldInputs." if fields[m.group(1)] == "inputs" else "WorldState.") + m.group(1), text)
    return pat.sub(sub, text)


def prose_spans(text: str, tree: ast.Module) -> list[tuple[int, int]]:
    """Character spans of a module's docstrings (every string statement) and comments."""
    import io
    import tokenize

    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(line: int, col_bytes: int) -> int:
        raw = text[starts[line - 1] : starts[line]].encode("utf-8")
        return starts[line - 1] + len(raw[:col_bytes].decode("utf-8", errors="ignore"))

    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            spans.append((offset(node.lineno, node.col_offset), offset(node.end_lineno, node.end_col_offset)))
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.COMMENT:
            spans.append((starts[tok.start[0] - 1] + tok.start[1], starts[tok.end[0] - 1] + tok.end[1]))
    return sorted(spans)


def rewrite_prose_in(text: str, spans: list[tuple[int, int]], fields: dict[str, str]) -> str:
    out, pos = [], 0
    for a, b in spans:
        if a < pos:
            continue
        out.append(text[pos:a] + rewrite_prose(text[a:b], fields))
        pos = b
    out.append(text[pos:])
    return "".join(out)


FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>```|~~~)[ \t]*(?:python|py|pycon)?[ \t]*\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$", re.S | re.M)


def rewrite_markdown(text: str, returns: dict, fields: dict, where: str, report: Report) -> str:
    """Fenced Python code blocks of a Markdown or reST file rewritten (blocks that parse)."""
    out, pos = [], 0
    for m in FENCE.finditer(text):
        body = m.group("body")
        try:
            tree = ast.parse(body)
        except SyntaxError:
            continue
        line0 = text.count("\n", 0, m.start("body"))
        new = rewrite_source(body, tree, returns, fields, where, report, line0=line0)
        out.append(text[pos : m.start("body")] + new)
        pos = m.end("body")
    out.append(text[pos:])
    return "".join(out)


def rewrite_markdown_prose(text: str, fields: dict[str, str]) -> str:
    """The prose of a Markdown or reST file (outside its fenced code blocks) rewritten."""
    out, pos = [], 0
    for m in FENCE.finditer(text):
        out.append(rewrite_prose(text[pos : m.start()], fields) + text[m.start() : m.end()])
        pos = m.end()
    out.append(rewrite_prose(text[pos:], fields))
    return "".join(out)


def python_files(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_file():
            files.append(p)
        elif p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.suffix in (".py", ".md", ".rst") and f.is_file()))
    return [f for f in files if ".venv" not in f.parts and "_build" not in f.parts]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="files or folders (default: src tests benchmarks docs of the checkout)")
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout (its src/foedus/sim/world.py names the parts' fields)")
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file would change")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every access rewritten")
    ap.add_argument("--prose", action="store_true", help="also rewrite world.<field> and World.<field> in docstrings, comments and "
                    "Markdown prose (World.<field> becomes WorldInputs.<field> or WorldState.<field>)")
    args = ap.parse_args(argv)
    root = args.root.resolve()
    fields = part_fields(root / "src" / "foedus" / "sim" / "world.py")
    paths = args.paths or [root / p for p in DEFAULT_PATHS]
    files = [f for f in python_files(paths) if f.resolve() != (root / "src/foedus/sim/world.py").resolve() and f.resolve() != Path(__file__).resolve()]
    trees: dict[Path, ast.Module] = {}
    for f in files:
        if f.suffix == ".py":
            try:
                trees[f] = ast.parse(f.read_text(encoding="utf-8"), filename=str(f))
            except SyntaxError as e:
                print(f"{f}: not parsed, left alone ({e})", file=sys.stderr)
    # what the tree's functions return is known from all Python files, the package's first
    package = [t for f, t in trees.items() if (root / "src") in f.resolve().parents]
    returns = function_returns(package + [t for f, t in trees.items() if (root / "src") not in f.resolve().parents])
    report = Report()
    touched = []
    for f in files:
        text = f.read_text(encoding="utf-8")
        where = str(f.resolve().relative_to(root)) if f.resolve().is_relative_to(root) else str(f)
        before = len(report.changed)
        if f.suffix == ".py":
            if f not in trees:
                continue
            new = rewrite_source(text, trees[f], returns, fields, where, report)
            if args.prose:
                new = rewrite_prose_in(new, prose_spans(new, ast.parse(new)), fields)
        else:
            new = rewrite_markdown(text, returns, fields, where, report)
            if args.prose:
                new = rewrite_markdown_prose(new, fields)
        if new != text:
            touched.append((where, len(report.changed) - before))
            if not args.check:
                f.write_text(new, encoding="utf-8")
        mentions(new, fields, where, report)
    verb = "would change" if args.check else "changed"
    for where, k in touched:
        print(f"{verb} {where}: {k} access(es)" + ("" if k else " (prose only)"))
    if args.verbose:
        for where, line, name, part in report.changed:
            print(f"  {where}:{line}: .{name} -> .{part}.{name}")
    print(f"{len(report.changed)} access(es) in {len(touched)} file(s) {verb} "
          f"({sum(p == 'inputs' for *_, p in report.changed)} to inputs, {sum(p == 'state' for *_, p in report.changed)} to state)")
    for where, line, name in report.unknown:
        print(f"UNKNOWN {where}:{line}: world.{name} is neither a field of WorldInputs/WorldState nor a member of World")
    for where, line, code in report.unproven:
        print(f"UNPROVEN {where}:{line}: {code}: named like a world, not proven one (a stand-in such as a SimpleNamespace, "
              "or a world the analysis cannot follow); left alone: check it by hand")
    for where, line, code in report.dynamic:
        print(f"DYNAMIC {where}:{line}: {code}: a world's attribute by a computed name; move it to the part by hand")
    if args.verbose:
        for where, line, text in report.mentions:
            print(f"TEXT {where}:{line}: {text} (prose or a comment; not changed)")
    elif report.mentions:
        print(f"{len(report.mentions)} mention(s) of world.<field> in comments, docstrings or prose left as they are (-v lists them)")
    return 1 if (args.check and touched) else 0


if __name__ == "__main__":
    sys.exit(main())
