"""JSON text as factcheck writes it (#15): the same bytes as ``json.dumps(indent=2)``, made
faster, with what a terminal acts on escaped."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.jsontext import ESCAPED, dumps

_LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities too, as json writes them
    | st.text()
    | st.sampled_from(["\x9b31m", "\u202e", "\u2028", "\udc80", "é", '"\\\n'])
)
_VALUES = st.recursive(
    _LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.text(max_size=5), _VALUES, max_size=5), st.booleans())
def test_the_text_is_what_json_writes_indented(document: dict, ascii: bool) -> None:
    expected = json.dumps(document, indent=2, ensure_ascii=ascii).translate(ESCAPED) + "\n"
    assert dumps(document, ascii) == expected


def test_keys_that_are_not_text_are_left_to_json() -> None:
    document = {"a": {1: [True, None], 2.5: "x"}}
    assert dumps(document) == json.dumps(document, indent=2) + "\n"


def test_what_a_terminal_acts_on_is_escaped() -> None:
    text = dumps({"quote": "\x1b]0;title\x07 \x9b31m \u202e \u2028"})
    assert json.loads(text) == {"quote": "\x1b]0;title\x07 \x9b31m \u202e \u2028"}
    assert not any(c in text for c in "\x1b\x07\x9b\u202e\u2028")  # only their escapes
