"""JSON Lines: one finding a line, each the JSON report's finding object, for streaming tools.

Every line is ASCII: JSON escapes every character outside it, so no text from a claim file can
split a line, not even for a reader that also ends lines at U+2028 or other Unicode line breaks.
"""

from __future__ import annotations

import json
from typing import TextIO

from factcheck.report.json_format import finding_json
from factcheck.results import Report


def render(report: Report, out: TextIO) -> None:
    for finding in report.findings:
        out.write(json.dumps(finding_json(finding, report), ensure_ascii=True) + "\n")
