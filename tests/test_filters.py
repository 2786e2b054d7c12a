"""The --where language: what it matches, and one-line errors that name the problem and its position."""

from __future__ import annotations

import pandas as pd
import pytest

from consultnlp.filters import FilterError, columns_of, evaluate_where, parse_where

FRAME = pd.DataFrame(
    {
        "moderated": ["1", "-1", "0", "", "1"],
        "region": ["Norte", "Sur", "Centro", "Norte", " Sur "],
        "votes": ["10", "2,5", "x", "7", "100"],
        "a b": ["1", "2", "3", "4", "5"],
    }
)


@pytest.mark.parametrize(
    "expression,expected",
    [
        ("moderated >= 0", [True, False, True, False, True]),
        ("moderated = -1", [False, True, False, False, False]),
        ("moderated == 1 or moderated=-1", [True, True, False, False, True]),
        ("moderated != 1", [False, True, True, False, False]),  # a blank cell matches no numeric test
        ("region in ('Norte', \"Sur\")", [True, True, False, True, True]),  # text is compared trimmed
        ("region not in ('Norte')", [False, True, True, False, True]),
        ("not region = 'Norte' and votes > 5", [False, False, False, False, True]),
        ("(region = 'Norte' or region = 'Sur') and not (moderated < 1)", [True, False, False, True, True]),
        ("votes <= 2.5", [False, True, False, False, False]),  # decimal comma read as a number
        ("`a b` > 3", [False, False, False, True, True]),
        ("MODERATED >= 0 AND region <> 'Sur'", None),
    ],
)
def test_filters_match(expression, expected):
    if expected is None:
        with pytest.raises(FilterError):
            evaluate_where(expression, FRAME)  # column names are exact; only keywords ignore case
        assert evaluate_where("moderated >= 0 AND region <> 'Sur'", FRAME).tolist() == [True, False, True, False, False]
        return
    assert evaluate_where(expression, FRAME).tolist() == expected


@pytest.mark.parametrize(
    "expression,message",
    [
        ("moderated >= ", '--where "moderated >= ": expected a number or a quoted string at the end.'),
        ("moderated >> 0", "--where \"moderated >> 0\": expected a number or a quoted string, found '>' at position 12."),
        ("(moderated > 0", '--where "(moderated > 0": expected ) to close the ( at the end.'),
        (
            "region = Norte",
            "--where \"region = Norte\": expected a number or a quoted string (write 'Norte' for text), found 'Norte' at position 10.",
        ),
        ("region = 'Norte", "--where \"region = 'Norte\": the string opened with ' is never closed at position 10."),
        (
            "moderated > 0 region",
            "--where \"moderated > 0 region\": expected and, or or the end of the expression, found 'region' at position 15.",
        ),
        ("moderated ; 1", "--where \"moderated ; 1\": unexpected character ';' at position 11."),
        ("region not = 1", "--where \"region not = 1\": expected in after not, found '=' at position 12."),
        ("region in 'Norte'", "--where \"region in 'Norte'\": expected ( after in, found the string 'Norte' at position 11."),
        (
            "moderated in (1, 'a')",
            "--where \"moderated in (1, 'a')\": the list after moderated in mixes numbers and strings; use one kind at position 1.",
        ),
        ("regoin = 'Sur'", '--where "regoin = \'Sur\'": no column "regoin" at position 1. Found: moderated, region, votes, a b.'),
        (
            "Region = 'Sur'",
            '--where "Region = \'Sur\'": no column "Region" at position 1. Found: moderated, region, votes, a b. Did you mean region?',
        ),
        ("", '--where "": the expression is empty. Write a test such as --where "moderated >= 0".'),
        (
            "__import__('os') = 1",
            "--where \"__import__('os') = 1\": expected a comparison (=, !=, <, <=, >, >=) or in after __import__, found '(' at position 11.",
        ),
    ],
)
def test_filters_bad_expression_is_one_line(expression, message):
    with pytest.raises(FilterError) as err:
        evaluate_where(expression, FRAME)
    # The command line's words (a flag); the library names its keyword instead.
    assert err.value.naming({"where": "--where"}) == message
    assert str(err.value) == message.replace('--where "', 'where="')
    assert "\n" not in str(err.value)


def test_filters_columns_of_and_aliases():
    node = parse_where("moderated >= 0 and (text = 'x' or region in ('a'))")
    assert columns_of(node) == ["moderated", "text", "region"]
    frame = FRAME.rename(columns={"region": "input_region"})
    assert evaluate_where("region = 'Centro'", frame, aliases={"region": "input_region"}).tolist() == [False, False, True, False, False]
