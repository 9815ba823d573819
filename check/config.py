"""Project configuration for ``trilex check``: ``[tool.trilex]`` in ``pyproject.toml`` or ``trilex.toml``.

The file is found by searching upward from the working directory (``trilex.toml`` wins over
``pyproject.toml`` in the same folder; a ``pyproject.toml`` without ``[tool.trilex]`` is
skipped). Paths in it are relative to the folder that holds it. Example::

    [tool.trilex]
    termbases = ["terms/product.tbx"]
    fail-on = "error"                       # error | warning | info | never
    ignore = ["locale/old/**"]
    baseline = "trilex-baseline.txt"
    unfinished = "info"                     # findings on fuzzy/needs-* units: error | warning | info | off
    do-not-translate = ["Xfce", "GNOME"]    # may stay as in the source (untranslated)

    [[tool.trilex.documents]]
    paths = ["locale/*.po"]                 # globs; ** recurses
    source = "en"                           # only where the file cannot say
    target = "th"
    format = "po"                           # only where the extension cannot say
    placeholders = ["printf", "icu"]        # only where flags and sources cannot tell
    accelerator = "~"                       # only where the file cannot tell

    [tool.trilex.checks]
    non-preferred-term = "off"              # error | warning | info | off
    count-mismatch = "error"

Unknown keys and bad values raise :class:`~trilex.errors.ConfigError` naming the key and
the file (with the line where the key is written).
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trilex.check.findings import Severity
from trilex.check.qa.codes.placeholder_syntax import SYNTAXES as PLACEHOLDER_SYNTAXES
from trilex.errors import ConfigError

try:  # Python 3.11+
    import tomllib
except ImportError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

CONFIG_NAMES = ("trilex.toml", "pyproject.toml")
FAIL_ON_VALUES = ("error", "warning", "info", "never")
SEVERITY_VALUES = ("error", "warning", "info", "off")
_TOP_KEYS = {"termbases", "documents", "checks", "ignore", "fail-on", "baseline", "unfinished", "do-not-translate"}
_DOCUMENT_KEYS = {"paths", "format", "source", "target", "placeholders", "accelerator"}


@dataclass
class DocumentSpec:
    """A group of documents: glob patterns plus what the files cannot say themselves."""

    paths: list[str]
    format: str | None = None
    source: str | None = None
    target: str | None = None
    placeholders: list[str] | None = None
    accelerator: str | None = None


@dataclass
class CheckConfig:
    """The merged configuration of one ``trilex check`` run."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    termbases: list[str] = field(default_factory=list)
    documents: list[DocumentSpec] = field(default_factory=list)
    severities: dict[str, str] = field(default_factory=dict)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "error"
    baseline: str | None = None
    unfinished: str = "info"
    do_not_translate: list[str] = field(default_factory=list)

    @property
    def unfinished_severity(self) -> Severity | None:
        """The severity of findings on unfinished units (``None``: they are not checked)."""
        return None if self.unfinished == "off" else Severity(self.unfinished)

    def severity_of(self, check: str, default: Severity) -> Severity | None:
        """The configured severity of ``check`` (``None`` when it is turned off)."""
        value = self.severities.get(check)
        if value is None:
            return default
        if value == "off":
            return None
        return Severity(value)

    def is_ignored(self, path: str | os.PathLike[str]) -> bool:
        """Whether ``path`` (relative to the root, or absolute) matches an ``ignore`` pattern."""
        rel = _relative(Path(path), self.root)
        return any(fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.rstrip("/") + "/*")
                   for pattern in self.ignore)

    def expand_documents(self) -> list[tuple[Path, DocumentSpec]]:
        """Every file the document globs name, in a stable order, minus ignored ones."""
        out: list[tuple[Path, DocumentSpec]] = []
        seen: set[Path] = set()
        for spec in self.documents:
            for pattern in spec.paths:
                full = pattern if os.path.isabs(pattern) else str(self.root / pattern)
                for name in sorted(glob.glob(full, recursive=True)):
                    path = Path(name)
                    if path.is_file() and path not in seen and not self.is_ignored(path):
                        seen.add(path)
                        out.append((path, spec))
        return out

    def spec_for(self, path: str | os.PathLike[str]) -> DocumentSpec | None:
        """The first document group whose globs match ``path`` (for files named on the command line)."""
        rel = _relative(Path(path), self.root)
        for spec in self.documents:
            if any(fnmatch.fnmatch(rel, pattern) for pattern in spec.paths):
                return spec
        return None

    def resolve(self, path: str) -> str:
        """A path from the config file, made relative to the working directory when possible."""
        full = Path(path) if os.path.isabs(path) else self.root / path
        try:
            return os.path.relpath(full)
        except ValueError:  # another drive on Windows
            return str(full)

    def as_toml(self) -> str:
        """The configuration as TOML text (what ``trilex check --show-config`` prints)."""
        lines = ["# merged trilex configuration"]
        if self.path:
            lines.append(f"# from {self.path}")
        lines.append("[tool.trilex]")
        lines.append(f"termbases = {_toml_list(self.termbases)}")
        lines.append(f'fail-on = "{self.fail_on}"')
        lines.append(f"ignore = {_toml_list(self.ignore)}")
        if self.baseline:
            lines.append(f"baseline = {_toml_str(self.baseline)}")
        lines.append(f'unfinished = "{self.unfinished}"')
        lines.append(f"do-not-translate = {_toml_list(self.do_not_translate)}")
        for spec in self.documents:
            lines.append("")
            lines.append("[[tool.trilex.documents]]")
            lines.append(f"paths = {_toml_list(spec.paths)}")
            for key in ("format", "source", "target", "accelerator"):
                value = getattr(spec, key)
                if value:
                    lines.append(f"{key} = {_toml_str(value)}")
            if spec.placeholders is not None:
                lines.append(f"placeholders = {_toml_list(spec.placeholders)}")
        if self.severities:
            lines.append("")
            lines.append("[tool.trilex.checks]")
            for check, value in self.severities.items():
                lines.append(f'{check} = "{value}"')
        return "\n".join(lines) + "\n"


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_str(v) for v in values) + "]"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``trilex.toml``, or ``pyproject.toml`` with ``[tool.trilex]``, from ``start`` upward."""
    folder = (start or Path.cwd()).resolve()
    for candidate_dir in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = candidate_dir / name
            if not candidate.is_file():
                continue
            if name == "trilex.toml":
                return candidate
            try:
                text = candidate.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if re.search(r"^\s*\[\s*tool\.trilex[\].]", text, re.MULTILINE):
                return candidate
    return None


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^\s*(?:\[+\s*)?[\"']?{re.escape(key)}[\"']?\s*(?:=|\]|\.)", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def load_config(path: Path, known_checks: Iterable[str] = ()) -> CheckConfig:
    """Read and validate the trilex section of ``path``.

    ``known_checks`` are the check codes that may appear under ``checks``; an empty iterable
    accepts any code.
    """
    try:
        raw_text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read config: {exc.strerror or exc}", path) from None
    except UnicodeDecodeError:
        raise ConfigError("config is not UTF-8", path) from None
    try:
        data = tomllib.loads(raw_text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        if line is None:
            found = re.search(r"line (\d+)", str(exc))
            line = int(found.group(1)) if found else None
        if line is None and "end of document" in str(exc):
            line = raw_text.count("\n") + (0 if raw_text.endswith("\n") else 1)
        raise ConfigError(f"invalid TOML: {str(exc).split(' (at ')[0]}", path, line) from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("trilex")
        prefix = "tool.trilex"
        if section is None:
            raise ConfigError("no [tool.trilex] section", path)
    else:
        section = data.get("tool", {}).get("trilex", data)
        prefix = "tool.trilex" if "tool" in data else ""
    return _parse_section(section, path, raw_text, prefix, set(known_checks))


def _parse_section(section: dict, path: Path, text: str, prefix: str, known_checks: set[str]) -> CheckConfig:
    def fail(key: str, message: str) -> ConfigError:
        shown = f"{prefix}.{key}" if prefix else key
        return ConfigError(f"{shown}: {message}", path, _line_of(text, key.split(".")[-1].split("[")[0]))

    def string_list(key: str, value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "expected a string or a list of strings")
        return list(value)

    for key in section:
        if key not in _TOP_KEYS:
            raise fail(key, f"unknown key (known: {', '.join(sorted(_TOP_KEYS))})")

    config = CheckConfig(path=path, root=path.parent)
    config.termbases = string_list("termbases", section.get("termbases", []))
    config.ignore = string_list("ignore", section.get("ignore", []))
    fail_on = section.get("fail-on", "error")
    if fail_on not in FAIL_ON_VALUES:
        raise fail("fail-on", f"{fail_on!r} is not one of {', '.join(FAIL_ON_VALUES)}")
    config.fail_on = fail_on
    baseline = section.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise fail("baseline", "expected a file name")
    config.baseline = baseline
    unfinished = section.get("unfinished", "info")
    if unfinished not in SEVERITY_VALUES:
        raise fail("unfinished", f"{unfinished!r} is not one of {', '.join(SEVERITY_VALUES)}")
    config.unfinished = unfinished
    config.do_not_translate = string_list("do-not-translate", section.get("do-not-translate", []))

    checks = section.get("checks", {})
    if not isinstance(checks, dict):
        raise fail("checks", "expected a table of check = severity")
    for check, value in checks.items():
        if known_checks and check not in known_checks:
            raise fail(f"checks.{check}", f"unknown check (known: {', '.join(sorted(known_checks))})")
        if value not in SEVERITY_VALUES:
            raise fail(f"checks.{check}", f"{value!r} is not one of {', '.join(SEVERITY_VALUES)}")
        config.severities[check] = value

    documents = section.get("documents", [])
    if isinstance(documents, dict):
        documents = [documents]
    if not isinstance(documents, list):
        raise fail("documents", "expected [[documents]] tables")
    for number, entry in enumerate(documents, 1):
        name = f"documents[{number}]"
        if not isinstance(entry, dict):
            raise fail("documents", f"entry {number} is not a table")
        for key in entry:
            if key not in _DOCUMENT_KEYS:
                raise fail(f"{name}.{key}", f"unknown key (known: {', '.join(sorted(_DOCUMENT_KEYS))})")
        if "paths" not in entry:
            raise fail(name, "missing 'paths'")
        spec = DocumentSpec(paths=string_list(f"{name}.paths", entry["paths"]))
        for key in ("format", "source", "target", "accelerator"):
            value = entry.get(key)
            if value is not None and not isinstance(value, str):
                raise fail(f"{name}.{key}", "expected a string")
            setattr(spec, key, value)
        if spec.accelerator is not None and len(spec.accelerator) != 1:
            raise fail(f"{name}.accelerator", f"{spec.accelerator!r} is not one character")
        if "placeholders" in entry:
            spec.placeholders = string_list(f"{name}.placeholders", entry["placeholders"])
            unknown = [value for value in spec.placeholders if value not in PLACEHOLDER_SYNTAXES]
            if unknown:
                raise fail(f"{name}.placeholders", f"unknown syntax {', '.join(map(repr, unknown))} "
                                                   f"(known: {', '.join(PLACEHOLDER_SYNTAXES)})")
        config.documents.append(spec)
    return config
