"""Input never becomes a shell command: the package and flows start processes only from argument lists."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from newsfacts.config import PROJECT_ROOT

pytestmark = pytest.mark.unit

SHELL_CALLS = {("os", "system"), ("os", "popen"), ("subprocess", "getoutput"), ("subprocess", "getstatusoutput")}


def _violations(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and (func.value.id, func.attr) in SHELL_CALLS:
            found.append(f"{path.name}:{node.lineno} {func.value.id}.{func.attr}")
        for kw in node.keywords:
            if kw.arg == "shell" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                found.append(f"{path.name}:{node.lineno} shell=...")
    return found


def test_no_code_path_hands_text_to_a_shell():
    sources = sorted((PROJECT_ROOT / "newsfacts").rglob("*.py")) + sorted((PROJECT_ROOT / "flows").rglob("*.py"))
    assert len(sources) > 20
    assert [v for path in sources for v in _violations(path)] == []


def test_the_checker_sees_a_shell_call(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import os, subprocess\nos.system('ls')\nsubprocess.run(['ls'], shell=False)\n"
                     "subprocess.run('ls ' + name, shell=True)\n")
    assert _violations(probe) == ["probe.py:2 os.system", "probe.py:4 shell=..."]
