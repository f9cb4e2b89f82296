"""Shared fixtures of the loader tests: where the sample files are, and a file factory."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

HERE = Path(__file__).parent
DATA = HERE.parent / "data" / "loaders"
SOURCES = HERE.parent.parent / "sources"


@pytest.fixture
def data() -> Path:
    """The folder of hand-written sample documents, one per format."""
    return DATA


@pytest.fixture
def sources() -> Path:
    """The vendored seed corpus."""
    return SOURCES


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write ``content`` (text as UTF-8, or bytes as they are) to ``tmp_path/name``."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)
        return path

    return write
