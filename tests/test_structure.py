"""The shape of the package: no import cycle, tables that agree with the rules."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "plugin" / "afterview"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules of the package imported when this module is imported (not inside functions,
    not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.startswith("afterview"):
                    found.add(node.module)
                    for alias in node.names:  # from afterview.rules import loading
                        found.add(f"{node.module}.{alias.name}")
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("afterview"))
            elif isinstance(node, ast.If):
                test = ast.unparse(node.test)
                if "TYPE_CHECKING" not in test:
                    visit(node.body)
                    visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)

    visit(tree.body)
    return found


def test_no_import_cycle_between_modules() -> None:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {
        name: {m for m in _top_level_imports(path) if m in modules and m != name}
        for name, path in modules.items()
    }
    # A package's __init__ importing its own submodules is how registries fill.
    for name in graph:
        graph[name] = {m for m in graph[name] if not m.startswith(name + ".")}
    cycles = []
    state: dict[str, int] = {}

    def walk(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                walk(nxt, [*stack, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_every_agenda_action_but_the_interview_has_its_rule() -> None:
    from afterview.agenda import ACTIONS
    from afterview.rules import ACTION_RULES, RULES

    assert set(ACTION_RULES) == set(ACTIONS) - {"interview"}
    assert all(RULES[rule_id].kind == "deadline" for rule_id in ACTION_RULES.values())


def test_every_rule_names_a_step_with_a_guidance_page() -> None:
    from afterview.rules import RULES
    from afterview.rules.steps import STEP_PAGES, STEPS

    assert set(STEPS) == set(STEP_PAGES)
    root = PACKAGE.parent.parent / "content"
    for rule in RULES.values():
        assert rule.step in STEPS, rule.id
        assert (root / STEP_PAGES[rule.step]).is_file(), rule.id


def test_the_site_settings_are_read_below_the_site_and_the_commands() -> None:
    """notify and the settings layer read mkdocs.yml as plain YAML: they import neither the
    MkDocs plugin nor a command, and the plugin's default for redact is the one they use."""
    from afterview.site.plugin import AfterviewConfig
    from afterview.site_settings import REDACT_DEFAULT

    for name in ("notify.py", "site_settings.py", "redact.py"):
        imported = _top_level_imports(PACKAGE / name)
        assert not {m for m in imported if m.startswith(("afterview.site.", "afterview.commands"))}
        inside = _imports_anywhere(PACKAGE / name)
        assert not {m for m in inside if m.startswith(("afterview.site.", "afterview.commands"))}
    for path in (PACKAGE / "redaction").glob("*.py"):  # matching, below applying it
        inside = _imports_anywhere(path)
        assert not {m for m in inside if m.startswith(("afterview.site", "afterview.commands"))}
        assert "afterview.redact" not in inside, path
    assert AfterviewConfig.redact.default is REDACT_DEFAULT


def _imports_anywhere(path: Path) -> set[str]:
    """Every module of the package a file imports, inside functions too."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return {m for m in found if m.startswith("afterview")}


def _every_import(path: Path) -> set[str]:
    """Modules of the package a module imports anywhere (functions and TYPE_CHECKING too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("afterview"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("afterview"))
    return found


def _within(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def test_layers_commands_over_library_over_loading() -> None:
    """The commands and the site plugin sit on top: nothing of the library imports a command,
    the command group or the plugin; the loading layer imports nothing of the package but
    itself, so YAML reading can change without touching what is built on it."""
    top = ("afterview.commands", "afterview.cli", "afterview.__main__", "afterview.site")
    checked = 0
    for path in PACKAGE.rglob("*.py"):
        name = _module_name(path)
        imported = _every_import(path)
        if _within(name, "afterview.loader"):
            assert {m for m in imported if not _within(m, "afterview.loader")} == set(), name
        if _within(name, *top):
            continue
        checked += 1
        assert not {m for m in imported if _within(m, *top)}, (name, imported)
    assert checked > 50  # the library is most of the package
