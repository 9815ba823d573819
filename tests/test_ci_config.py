"""``[tool.trilex]`` / ``trilex.toml``: discovery, parsing, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from trilex.check.config import find_config, load_config
from trilex.check.findings import Severity
from trilex.errors import ConfigError

CHECKS = {"missing-term", "forbidden-term", "count-mismatch"}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_section_is_found_upward_and_parsed(tmp_path):
    write(tmp_path / "pyproject.toml", """
[project]
name = "demo"

[tool.trilex]
termbases = ["terms/a.tbx", "terms/b.csv"]
fail-on = "warning"
ignore = ["locale/old/**"]

[[tool.trilex.documents]]
paths = ["locale/*.po"]
target = "th"

[tool.trilex.checks]
count-mismatch = "off"
missing-term = "warning"
""")
    for name in ("locale/th.po", "locale/zh.po", "locale/old/x.po", "locale/notes.txt"):
        write(tmp_path / name, "")
    nested = tmp_path / "locale" / "deep"
    nested.mkdir()
    found = find_config(nested)
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found, CHECKS)
    assert config.termbases == ["terms/a.tbx", "terms/b.csv"]
    assert config.fail_on == "warning"
    assert config.severity_of("count-mismatch", Severity.WARNING) is None
    assert config.severity_of("missing-term", Severity.ERROR) is Severity.WARNING
    assert config.severity_of("forbidden-term", Severity.ERROR) is Severity.ERROR
    files = [p.relative_to(tmp_path).as_posix() for p, _ in config.expand_documents()]
    assert files == ["locale/th.po", "locale/zh.po"]
    assert config.is_ignored(tmp_path / "locale/old/x.po")


def test_pyproject_without_section_is_skipped_for_trilex_toml_above(tmp_path):
    write(tmp_path / "trilex.toml", 'termbases = ["t.tbx"]\n')
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname='x'\n")
    assert find_config(tmp_path / "sub") == tmp_path / "trilex.toml"
    assert load_config(tmp_path / "trilex.toml").termbases == ["t.tbx"]


@pytest.mark.parametrize("body, expected", [
    ('termbase = ["x"]\n', r"trilex\.toml:1: termbase: unknown key"),
    ('fail-on = "sometimes"\n', r"trilex\.toml:1: fail-on: 'sometimes' is not one of"),
    ('\n[checks]\nmissing-term = "fatal"\n', r"trilex\.toml:3: checks\.missing-term: 'fatal' is not one of"),
    ('[checks]\nspelling = "error"\n', r"trilex\.toml:2: checks\.spelling: unknown check"),
    ('[[documents]]\nglob = "*.po"\n', r"trilex\.toml:2: documents\[1\]\.glob: unknown key"),
    ('[[documents]]\nsource = "en"\n', r"trilex\.toml:1: documents\[1\]: missing 'paths'"),
    ('termbases = [1, 2]\n', r"trilex\.toml:1: termbases: expected a string or a list"),
    ('termbases = [\n', r"trilex\.toml:\d+: invalid TOML"),
])
def test_bad_config_names_key_file_and_line(tmp_path, body, expected):
    path = write(tmp_path / "trilex.toml", body)
    with pytest.raises(ConfigError, match=expected):
        load_config(path, CHECKS)


def test_show_config_text_round_trips(tmp_path):
    path = write(tmp_path / "trilex.toml", """termbases = ["a \\"q\\".tbx"]
baseline = "base.txt"
[[documents]]
paths = ["*.xlf"]
source = "en"
[checks]
missing-term = "info"
""")
    config = load_config(path, CHECKS)
    again = write(tmp_path / "again" / "trilex.toml", config.as_toml())
    reread = load_config(again, CHECKS)
    assert reread.termbases == config.termbases
    assert reread.documents == config.documents
    assert reread.severities == config.severities
    assert reread.baseline == "base.txt"
