"""Shared fixtures: where ``../shared`` is, and skips with a clear reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
STANDARDS = SHARED / "standards"
CORPORA = SHARED / "corpora"


def need_shared(path: Path) -> Path:
    """Return ``path`` or skip the test, saying which part of ../shared is missing."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (schemas and corpora) is not beside this checkout")
    return path


@pytest.fixture
def standards() -> Path:
    """The official schemas folder, ``../shared/standards``."""
    return need_shared(STANDARDS)


@pytest.fixture
def corpora() -> Path:
    """The real third-party files, ``../shared/corpora``."""
    return need_shared(CORPORA)
