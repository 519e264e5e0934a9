"""The shape of the code, checked: layers point one way (no import loop, counting imports made only for type
hints or inside functions), and every function is short enough to read at once."""

from __future__ import annotations

import ast
from pathlib import Path

from sitelib import REPO

PACKAGE = REPO / "plugins" / "helder"
LONGEST_FUNCTION = 80


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """helder module -> the helder modules it imports, anywhere in the file."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_import_loop():
    graph = import_graph()
    # The graph sees relative imports, imports for type hints and imports inside functions.
    assert "helder.audit.report" in graph["helder.audit.gate"]
    assert "helder.config" in graph["helder.checker"]  # made inside make_context
    assert "helder.site" in graph["helder.pages.help_pages"]  # for type hints only
    assert cycles(graph) == []


def test_the_loop_check_can_fail():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def test_the_engine_never_imports_helder_or_mkdocs():
    for path in (REPO / "readability").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                assert not any(n.split(".")[0] in ("helder", "mkdocs", "material") for n in names), path


def test_no_function_is_longer_than_80_lines():
    long = []
    for root in (PACKAGE, REPO / "readability"):
        for path in root.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    length = node.end_lineno - node.lineno + 1
                    if length > LONGEST_FUNCTION:
                        long.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name} ({length} lines)")
    assert long == []


def test_rule_modules_are_listed_not_discovered():
    # A reader can click from the registry to each rule module: no importlib, no plugin discovery.
    source = (PACKAGE / "rules" / "registry.py").read_text(encoding="utf-8")
    assert "importlib" not in source
    from helder.rules import registry

    assert {m.__name__.rsplit(".", 1)[-1] for m in registry.MODULES} == {
        "frontmatter",
        "sections",
        "help",
        "markdown",
        "safety",
        "readability",
        "words",
        "style",
    }
