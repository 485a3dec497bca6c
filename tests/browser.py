"""Headless Chromium for the HTML report's tests and benchmark: the page's DOM after its script
ran, and screenshots, with no driver but the browser's own command line.

The browser is Debian's ``chromium`` (``FACTCHECK_CHROMIUM`` names another). Where it is missing,
the tests that need it are skipped, unless ``FACTCHECK_REQUIRE_BROWSER`` is set, as ``.ci/run``
sets it: there they fail, so that CI never passes without having opened the page.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

# As the machine's notes start it: no sandbox (root), and no background connections, which a
# closed network refuses many at a time.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
]


def find() -> str | None:
    """The browser's path, if there is one."""
    return os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium")


def chromium() -> str:
    """The browser's path; a skip (or, where CI requires it, a failure) when there is none."""
    found = find()
    if found:
        return found
    if os.environ.get("FACTCHECK_REQUIRE_BROWSER"):
        pytest.fail("Chromium is required here (FACTCHECK_REQUIRE_BROWSER) but not installed")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def _run(*arguments: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *arguments]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def dom(page: Path, fragment: str = "") -> str:
    """The page's DOM as serialised after its script ran (``fragment``: the address's)."""
    done = _run("--virtual-time-budget=2000", "--dump-dom", page.resolve().as_uri() + fragment)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(page: Path, out: Path, width: int = 1200, height: int = 1400) -> Path:
    done = _run(f"--window-size={width},{height}", f"--screenshot={out}", page.resolve().as_uri())
    assert done.returncode == 0 and out.is_file(), done.stderr[-2000:]
    return out


def _predicted(kind: int, left: int, up: int, corner: int) -> int:
    """What a PNG filter adds back to a byte (PNG specification, section 9)."""
    if kind == 1:
        return left
    if kind == 2:
        return up
    if kind == 3:
        return (left + up) // 2
    if kind == 4:
        guess = left + up - corner
        near = min(
            (abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner)
        )
        return near[2]
    return 0


def pixels(png: Path) -> list[bytes]:
    """The rows of an 8-bit RGB or RGBA PNG, one byte a channel (what Chromium writes)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, at = {}, 8
    idat = b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        if kind == b"IDAT":
            idat += body
        else:
            chunks[kind] = body
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert depth == 8 and colour in (2, 6), "an 8-bit RGB or RGBA PNG"
    step = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * step
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up, corner = previous[i], previous[i - step] if i >= step else 0
            line[i] = (line[i] + _predicted(kind, left, up, corner)) & 0xFF
        previous = bytes(line)
        rows.append(bytes(b for i, b in enumerate(line) if i % step < 3))
    return rows
