"""JSON text as factcheck writes it: indented, UTF-8, and safe to print on a terminal."""

from __future__ import annotations

import json

# Characters JSON may carry raw but a terminal acts on: C1 controls (U+009B is a CSI to xterm),
# bidi controls that reorder what is shown, and line separators; and the lone surrogates by which
# Python holds the bytes of a file name that is not UTF-8 (escaped, they read back to the same
# name, and ``os.fsencode`` gives its bytes; raw, they cannot be written as UTF-8). They only
# ever occur inside strings, where an escape reads back as the same text.
ESCAPED = {
    code: f"\\u{code:04x}"
    for code in (
        *range(0x80, 0xA0),
        *(0x061C, 0x200E, 0x200F, 0x2028, 0x2029),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        *range(0xDC80, 0xDD00),
    )
}


def dumps(document: dict, ascii: bool = False) -> str:
    """A document as JSON text, indented, made in one piece: ``json.dump`` to a stream writes
    it in small pieces, four times slower for a large report."""
    return json.dumps(document, indent=2, ensure_ascii=ascii).translate(ESCAPED) + "\n"
