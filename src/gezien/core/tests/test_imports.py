"""The layers, checked on the source: which part of Gezien may import which.

- `lib` (plain shared helpers) imports no part of Gezien but itself;
- `vault` imports only `lib`; `core` only `lib` and `vault`;
- `accounts` imports those three; `drafts` those four;
- every feature app imports only `lib`, `core`, `vault`, `accounts` and the drafts app's
  public modules (`drafts.service`, `drafts.pages`), never another feature app;
- nobody uses a private name (`_name`) of another part, imported or as an attribute.

Tests and migrations are not checked: a test may set up another app's records."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import gezien

ROOT = Path(gezien.__file__).parent
BASE = {
    "lib": set(),
    "vault": {"lib"},
    "core": {"lib", "vault"},
    "accounts": {"lib", "vault", "core"},
    "drafts": {"lib", "vault", "core", "accounts"},
}
# `config` reads settings from the environment; its ConfigError names a setting.
FEATURE_MAY_USE = {"lib", "config", "vault", "core", "accounts", "drafts.service", "drafts.pages"}


@dataclass(frozen=True)
class Use:
    path: str
    line: int
    module: str  # e.g. "gezien.story.summary"
    name: str = ""  # the imported or used name, when it matters


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _uses(path: Path) -> list[Use]:
    relative = path.relative_to(ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), relative)
    uses: list[Use] = []
    modules: dict[str, str] = {}  # local name -> gezien module it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("gezien."):
                    uses.append(Use(relative, node.lineno, alias.name))
                    modules[alias.asname or alias.name] = alias.name
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and (node.module == "gezien" or node.module.startswith("gezien."))
        ):
            for alias in node.names:
                # `from gezien.x import y` names the module gezien.x.y
                bound = f"{node.module}.{alias.name}"
                if node.module.count(".") <= 1:
                    uses.append(Use(relative, node.lineno, bound))
                else:
                    uses.append(Use(relative, node.lineno, node.module, alias.name))
                modules[alias.asname or alias.name] = bound
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            uses.append(Use(relative, node.lineno, modules[node.value.id], node.attr))
    return sorted(uses, key=lambda use: use.line)


def _source_files() -> list[Path]:
    return sorted(
        path
        for path in ROOT.glob("*/**/*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    )


def _problem(use: Use) -> str | None:
    own = use.path.split("/", 1)[0]
    target = _part(use.module)
    private = use.name.startswith("_") or any(
        piece.startswith("_") and not piece.startswith("__") for piece in use.module.split(".")
    )
    if target == own:
        return None
    if private:
        return f"uses the private name {use.name or use.module} of {target}"
    if own in BASE:
        allowed = target in BASE[own]
    else:
        allowed = (
            target in FEATURE_MAY_USE or ".".join(use.module.split(".")[1:3]) in FEATURE_MAY_USE
        )
    if allowed:
        return None
    return f"imports {use.module}" + (f" ({use.name})" if use.name else "")


def forbidden() -> list[str]:
    problems = []
    for path in _source_files():
        for use in _uses(path):
            problem = _problem(use)
            if problem:
                problems.append(f"{use.path}:{use.line}: {problem}")
    return problems


def test_every_app_imports_only_what_its_layer_may() -> None:
    assert forbidden() == []


def test_the_check_sees_forbidden_imports_and_private_names(tmp_path, monkeypatch) -> None:
    # A small fake tree, so the rules themselves are shown to bite.
    (tmp_path / "journal").mkdir()
    (tmp_path / "journal" / "views.py").write_text(
        "from gezien.story import summary\n"
        "from gezien.drafts.views import conflict_page\n"
        "from gezien.drafts import pages, service\n"
        "from gezien.accounts import services\n"
        "from gezien.accounts.views import _client\n"
        "services._throttle_key('a', 'b')\n"
        "def later():\n"
        "    import gezien.measure.store\n"
    )
    (tmp_path / "vault").mkdir()
    (tmp_path / "vault" / "records.py").write_text("from gezien.accounts.models import Account\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    assert forbidden() == [
        "journal/views.py:1: imports gezien.story.summary",
        "journal/views.py:2: imports gezien.drafts.views (conflict_page)",
        "journal/views.py:5: uses the private name _client of accounts",
        "journal/views.py:6: uses the private name _throttle_key of accounts",
        "journal/views.py:8: imports gezien.measure.store",
        "vault/records.py:1: imports gezien.accounts.models (Account)",
    ]
