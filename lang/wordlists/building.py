"""What the word-list builders share: a deterministic gzip file and their command line."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable, Iterable
from pathlib import Path


def write_lines(out: Path, lines: Iterable[str]) -> None:
    """Write ``lines`` (without their ``\\n``) to the gzip file ``out``, the same bytes for the
    same lines: no time stamp or file name in the gzip header."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as file, gzip.GzipFile(filename="", fileobj=file, mode="wb", mtime=0) as raw:
        for line in lines:
            raw.write(f"{line}\n".encode())


def build_command(argv: list[str] | None, usage: str, build: Callable[[Path], int], counted: str,
                  out: Path) -> int:
    """Run a builder from the command line: ``usage`` unless given exactly one source path,
    else ``build(path)`` and a line saying how many ``counted`` went to ``out``."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(f"usage: {usage}", file=sys.stderr)
        return 2
    print(f"{build(Path(args[0]))} {counted} → {out}")
    return 0
