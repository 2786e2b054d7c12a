"""The ``--where`` language: a small, safe row filter over the comment frame's columns.

    moderated >= 0
    region in ('Norte', "Sur") and not tipo = 'empresa'
    `category/name/pt-BR` != 'Energia' or votes > 10

Grammar (keywords are case-insensitive)::

    expr    := and ("or" and)*
    and     := unary ("and" unary)*
    unary   := "not" unary | "(" expr ")" | test
    test    := column op literal | column ["not"] "in" "(" literal ("," literal)* ")"
    op      := = == != <> < <= > >=
    column  := a name (letters, digits, _ - / .; not starting with a digit or -) or `any name` in backquotes
    literal := a number (-1, 2.5) or a quoted string ('...' or "...", \\ escapes the quote)

The expression is tokenised and parsed here (never ``eval``). Comparing with a
number reads the column as numbers: a cell that is not a number matches no
numeric test (``!=`` included), as in SQL. Comparing with a string compares the
cell's text, trimmed, exactly. Errors name the problem and its position (1-based).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

import pandas as pd

from consultnlp.errors import InputError, literal

OPERATORS = ("==", "!=", "<>", "<=", ">=", "=", "<", ">")
KEYWORDS = ("and", "or", "not", "in")
_NAME = re.compile(r"[^\W\d][\w\-/.]*", re.UNICODE)
_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


@dataclass(frozen=True)
class Token:
    kind: str  # name, number, string, op, keyword, "(", ")", ",", end
    value: str | float
    pos: int  # 0-based offset in the expression


@dataclass(frozen=True)
class Test:
    column: str
    op: str  # one of = != < <= > >= in notin
    values: tuple[Union[str, float], ...]
    pos: int


@dataclass(frozen=True)
class Not:
    operand: "Node"


@dataclass(frozen=True)
class BoolOp:
    op: str  # and | or
    operands: tuple["Node", ...]


Node = Union[Test, Not, BoolOp]


class FilterError(InputError):
    """A ``--where`` expression that cannot be parsed or does not fit the file."""


def _error(expression: str, message: str, pos: int, after: str = "") -> FilterError:
    where = "at the end" if pos >= len(expression) else f"at position {pos + 1}"
    return FilterError.about(f'{{where:"{literal(expression)}"}}: {literal(message)} {where}.{literal(after)}', "where")


def tokenize(expression: str) -> list[Token]:
    """Split ``expression`` into tokens, or raise ``FilterError`` at the first character that fits none."""
    tokens: list[Token] = []
    i, n = 0, len(expression)
    while i < n:
        ch = expression[i]
        if ch.isspace():
            i += 1
        elif ch in "(),":
            tokens.append(Token(ch, ch, i))
            i += 1
        elif ch in "'\"":
            j, out = i + 1, []
            while j < n and expression[j] != ch:
                if expression[j] == "\\" and j + 1 < n:
                    j += 1
                out.append(expression[j])
                j += 1
            if j >= n:
                raise _error(expression, f"the string opened with {ch} is never closed", i)
            tokens.append(Token("string", "".join(out), i))
            i = j + 1
        elif ch == "`":
            j = expression.find("`", i + 1)
            if j < 0:
                raise _error(expression, "the column name opened with ` is never closed", i)
            if j == i + 1:
                raise _error(expression, "empty column name ``", i)
            tokens.append(Token("name", expression[i + 1 : j], i))
            i = j + 1
        elif (number := _NUMBER.match(expression, i)) and (ch != "-" or not tokens or tokens[-1].kind in ("op", "(", ",")):
            tokens.append(Token("number", float(number.group()), i))
            i = number.end()
        elif op := next((o for o in OPERATORS if expression.startswith(o, i)), None):
            tokens.append(Token("op", {"==": "=", "<>": "!="}.get(op, op), i))
            i += len(op)
        elif name := _NAME.match(expression, i):
            word = name.group()
            kind = "keyword" if word.lower() in KEYWORDS else "name"
            tokens.append(Token(kind, word.lower() if kind == "keyword" else word, i))
            i = name.end()
        else:
            raise _error(expression, f"unexpected character {ch!r}", i)
    tokens.append(Token("end", "", n))
    return tokens


class _Parser:
    def __init__(self, expression: str) -> None:
        self.expression = expression
        self.tokens = tokenize(expression)
        self.i = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.i]

    def fail(self, message: str, token: Token | None = None) -> FilterError:
        token = token or self.token
        found = (
            "" if token.kind == "end" else f", found {token.value!r}" if token.kind != "string" else f", found the string {token.value!r}"
        )
        return _error(self.expression, message + found, token.pos)

    def take(self, kind: str, value: str | None = None) -> Token | None:
        token = self.token
        if token.kind == kind and (value is None or token.value == value):
            self.i += 1
            return token
        return None

    def parse(self) -> Node:
        if self.token.kind == "end":
            raise FilterError.about('{where:""}: the expression is empty. Write a test such as {where:"moderated >= 0"}.', "where")
        node = self.parse_or()
        if self.token.kind != "end":
            raise self.fail("expected and, or or the end of the expression")
        return node

    def parse_or(self) -> Node:
        operands = [self.parse_and()]
        while self.take("keyword", "or"):
            operands.append(self.parse_and())
        return operands[0] if len(operands) == 1 else BoolOp("or", tuple(operands))

    def parse_and(self) -> Node:
        operands = [self.parse_unary()]
        while self.take("keyword", "and"):
            operands.append(self.parse_unary())
        return operands[0] if len(operands) == 1 else BoolOp("and", tuple(operands))

    def parse_unary(self) -> Node:
        if self.take("keyword", "not"):
            return Not(self.parse_unary())
        if self.take("("):
            node = self.parse_or()
            if not self.take(")"):
                raise self.fail("expected ) to close the (")
            return node
        return self.parse_test()

    def literal(self) -> str | float:
        token = self.token
        if token.kind in ("number", "string"):
            self.i += 1
            return token.value
        if token.kind == "name":
            raise self.fail(f"expected a number or a quoted string (write '{token.value}' for text)")
        raise self.fail("expected a number or a quoted string")

    def parse_test(self) -> Test:
        column = self.token
        if column.kind != "name":
            raise self.fail("expected a column name (put names with spaces in `backquotes`)")
        self.i += 1
        negated = bool(self.take("keyword", "not"))
        if self.take("keyword", "in"):
            if not self.take("("):
                raise self.fail("expected ( after in")
            values = [self.literal()]
            while self.take(","):
                values.append(self.literal())
            if not self.take(")"):
                raise self.fail("expected , or ) in the list")
            return Test(str(column.value), "notin" if negated else "in", tuple(values), column.pos)
        if negated:
            raise self.fail("expected in after not")
        op = self.take("op")
        if op is None:
            raise self.fail(f"expected a comparison (=, !=, <, <=, >, >=) or in after {column.value}")
        return Test(str(column.value), str(op.value), (self.literal(),), column.pos)


def parse_where(expression: str) -> Node:
    """The expression as a tree, or ``FilterError`` naming the problem and its position."""
    return _Parser(expression).parse()


def columns_of(node: Node) -> list[str]:
    """The column names a parsed expression reads, in order of appearance."""
    if isinstance(node, Test):
        return [node.column]
    if isinstance(node, Not):
        return columns_of(node.operand)
    return [c for operand in node.operands for c in columns_of(operand)]


def _resolve(column: str, frame: pd.DataFrame, aliases: dict[str, str], expression: str, pos: int) -> pd.Series:
    name = column if column in frame.columns else aliases.get(column)
    if name is None or name not in frame.columns:
        lower = {str(c).lower(): c for c in frame.columns}
        hint = f" Did you mean {lower[column.lower()]}?" if column.lower() in lower else ""
        found = ", ".join(str(c) for c in frame.columns)
        raise _error(expression, f'no column "{column}"', pos, f" Found: {found}.{hint}")
    return frame[name]


def _evaluate(node: Node, frame: pd.DataFrame, aliases: dict[str, str], expression: str) -> pd.Series:
    if isinstance(node, Not):
        return ~_evaluate(node.operand, frame, aliases, expression)
    if isinstance(node, BoolOp):
        masks = [_evaluate(o, frame, aliases, expression) for o in node.operands]
        out = masks[0]
        for mask in masks[1:]:
            out = (out & mask) if node.op == "and" else (out | mask)
        return out
    values = _resolve(node.column, frame, aliases, expression, node.pos)
    numeric = all(isinstance(v, float) for v in node.values)
    if numeric:
        cells = (
            pd.to_numeric(values.astype(str).str.strip().str.replace(",", ".", regex=False), errors="coerce")
            if not pd.api.types.is_numeric_dtype(values)
            else values.astype(float)
        )
        known = cells.notna()
    elif all(isinstance(v, str) for v in node.values):
        cells = values.astype(object).where(values.notna(), "").astype(str).str.strip()
        known = pd.Series(True, index=frame.index)
    else:
        raise _error(expression, f"the list after {node.column} in mixes numbers and strings; use one kind", node.pos)
    if node.op in ("in", "notin"):
        inside = cells.isin(list(node.values))
        return (inside if node.op == "in" else ~inside) & known
    value = node.values[0]
    result = {
        "=": lambda: cells == value,
        "!=": lambda: cells != value,
        "<": lambda: cells < value,
        "<=": lambda: cells <= value,
        ">": lambda: cells > value,
        ">=": lambda: cells >= value,
    }[node.op]()
    return result.fillna(False).astype(bool) & known


def evaluate_where(expression: str, frame: pd.DataFrame, *, aliases: dict[str, str] | None = None) -> pd.Series:
    """A boolean mask over ``frame``'s rows: True where ``expression`` holds.

    ``aliases`` maps names a person may write (the input's column names) to the
    frame's names (an input column renamed ``input_<name>``).
    """
    node = parse_where(expression)
    mask = _evaluate(node, frame, aliases or {}, expression)
    return mask.reindex(frame.index).fillna(False).astype(bool)
