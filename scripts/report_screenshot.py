"""Write the bundled corpus's HTML report and take the screenshot of it that the README shows.

    python scripts/report_screenshot.py [OUT.png]     # default: docs/report.png

The report is ``factcheck run claims --format html``, opened in headless Chromium (Debian's
``chromium``; ``FACTCHECK_CHROMIUM`` names another) in a window 1200 by 1400 pixels.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import browser  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "report.png"
    if browser.find() is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        command = [
            sys.executable,
            "-m",
            "factcheck",
            "run",
            "claims",
            "-f",
            "html",
            "-o",
            str(page),
        ]
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return done.returncode
        shot = browser.screenshot(page, Path(folder) / "report.png", 1200, 1400)
        partial = out.with_name(out.name + ".partial")  # whole or not at all
        partial.write_bytes(shot.read_bytes())
        partial.replace(out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
