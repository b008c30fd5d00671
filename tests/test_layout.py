"""The house's size rules hold (issue 11): no file in ``src/foedus`` over 600 lines, no function over 80 lines of code.

A function's lines of code are the lines from its ``def`` to its last line, leaving out its
docstring, blank lines and comment-only lines (its signature, decorators aside, counts).
Compiled kernels (a ``numba`` ``@njit``/``@jit`` decorator) are exempt: a kernel is one loop
the compiler needs whole. Nested functions count on their own and inside their parent.
The same counting as ``/work/tools/longfuncs.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "foedus"
MAX_FUNCTION_LINES = 80
MAX_FILE_LINES = 600
FILES = sorted(SRC.rglob("*.py"))


def _is_kernel(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any("jit" in ast.unparse(d) for d in node.decorator_list)


def code_lines(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> int:
    """Lines of code of a function: docstring, blank and comment-only lines aside."""
    skip: set[int] = set()
    body = node.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
        skip.update(range(body[0].lineno, body[0].end_lineno + 1))
    count = 0
    for ln in range(node.lineno, node.end_lineno + 1):
        text = lines[ln - 1].strip()
        if ln in skip or not text or text.startswith("#"):
            continue
        count += 1
    return count


def long_functions(source: str) -> list[tuple[str, int, int]]:
    """(name, line, lines of code) of every function of ``source`` over the limit, kernels aside."""
    tree = ast.parse(source)
    lines = source.splitlines()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not _is_kernel(node):
            n = code_lines(node, lines)
            if n > MAX_FUNCTION_LINES:
                out.append((node.name, node.lineno, n))
    return out


def test_no_function_is_over_80_lines_of_code():
    bad = [
        f"{path.relative_to(SRC.parent)}:{line} {name}: {n} lines of code"
        for path in FILES
        for name, line, n in long_functions(path.read_text(encoding="utf-8"))
    ]
    assert not bad, (
        f"{len(bad)} function(s) over {MAX_FUNCTION_LINES} lines of code (docstrings, blank and comment lines aside); "
        "split them into named helpers:\n" + "\n".join(bad)
    )


def test_no_file_is_over_600_lines():
    bad = [
        f"{path.relative_to(SRC.parent)}: {n} lines"
        for path in FILES
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
    ]
    assert not bad, f"{len(bad)} file(s) over {MAX_FILE_LINES} lines; split the module:\n" + "\n".join(bad)


def _function(body_lines: int, *, decorator: str = "", docstring: bool = True) -> str:
    head = f"{decorator}\n" if decorator else ""
    doc = '    """A docstring\n\n    over lines.\n    """\n' if docstring else ""
    body = "".join(f"    x{i} = {i}\n    # a comment\n\n" for i in range(body_lines))
    return f"{head}def f(a,\n      b):\n{doc}{body}"


@pytest.mark.parametrize(
    ("body_lines", "decorator", "flagged"),
    [
        (78, "", False),  # 2 signature lines + 78 = 80: at the limit
        (79, "", True),  # 81
        (200, "@njit(cache=True)", False),  # a compiled kernel
        (200, "@numba.jit(nopython=True)", False),
        (79, "@functools.cache", True),  # another decorator does not exempt it
    ],
)
def test_the_count_leaves_out_docstrings_blanks_comments_and_kernels(body_lines, decorator, flagged):
    found = long_functions(_function(body_lines, decorator=decorator))
    assert bool(found) is flagged
    if flagged:
        assert found[0][2] == body_lines + 2


def test_a_nested_function_counts_inside_its_parent():
    inner = "".join(f"        y{i} = {i}\n" for i in range(60))
    outer = "".join(f"    x{i} = {i}\n" for i in range(30))
    source = f"def outer():\n    def inner():\n{inner}{outer}"
    assert [name for name, _, _ in long_functions(source)] == ["outer"]
