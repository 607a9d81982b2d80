"""Tokenizer and Pratt parser for the form expression language; produces a small immutable AST."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.forms.errors import ExpressionSyntaxError

MAX_LENGTH = 1000
MAX_DEPTH = 40
MAX_NUMBER_DIGITS = 30
CURRENT = "."  # the name `${.}` (or a bare `.`) refers to: the value being constrained

Value = object  # the runtime values: None, bool, int, Decimal, str, date, tuple


@dataclass(frozen=True)
class Literal:
    """A constant: number, string, true/false or null."""

    value: Value
    pos: int


@dataclass(frozen=True)
class FieldRef:
    """`${name}`; name is CURRENT for `${.}`."""

    name: str
    pos: int


@dataclass(frozen=True)
class Unary:
    """`-x` or `not x`."""

    op: str
    operand: Node
    pos: int


@dataclass(frozen=True)
class Binary:
    """`a op b` for arithmetic, comparison and logic."""

    op: str
    left: Node
    right: Node
    pos: int


@dataclass(frozen=True)
class Call:
    """`name(arg, …)`: only names in the fixed function table are accepted at load time."""

    name: str
    args: tuple[Node, ...]
    pos: int


Node = Literal | FieldRef | Unary | Binary | Call


@dataclass(frozen=True)
class Token:
    """One lexical token: kind is num, str, ref, name, op, or end."""

    kind: str
    text: str
    pos: int


_TOKEN_RE = re.compile(
    r"""(?P<ws>\s+)
      | (?P<num>\d+(?:\.\d+)?|\.\d+)
      | (?P<str>'[^']*'|"[^"]*")
      | (?P<ref>\$\{\s*(?:\.|[A-Za-z_][A-Za-z0-9_]*)\s*\})
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)*)
      | (?P<op><=|>=|!=|==|[-+*/=<>(),.])""",
    re.VERBOSE,
)
_KEYWORD_OPS = {"and", "or", "not", "mod", "div"}
_CONSTANTS: dict[str, Value] = {"true": True, "false": False, "null": None}
# Binding powers: higher binds tighter.
_INFIX = {
    "or": 10, "and": 20,
    "=": 40, "==": 40, "!=": 40, "<": 40, "<=": 40, ">": 40, ">=": 40,
    "+": 50, "-": 50,
    "*": 60, "/": 60, "div": 60, "mod": 60,
}
_NOT_BP = 30
_NEG_BP = 70


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens; raises ExpressionSyntaxError on anything outside the language."""
    if len(text) > MAX_LENGTH:
        raise ExpressionSyntaxError("too_long", MAX_LENGTH, limit=MAX_LENGTH)
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN_RE.match(text, pos)
        if match is None:
            raise _bad_at(text, pos)
        kind = match.lastgroup or "op"
        if kind != "ws":
            tokens.append(_make_token(kind, match.group(), pos))
        pos = match.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def _bad_at(text: str, pos: int) -> ExpressionSyntaxError:
    char = text[pos]
    if char in "'\"":
        return ExpressionSyntaxError("unterminated_string", pos)
    if char == "$":
        return ExpressionSyntaxError("bad_ref", pos)
    return ExpressionSyntaxError("bad_char", pos, char=char)


def _make_token(kind: str, text: str, pos: int) -> Token:
    if kind == "ref":
        return Token("ref", text[2:-1].strip(), pos)
    if kind == "name" and text in _KEYWORD_OPS:
        return Token("op", text, pos)
    if kind == "num" and len(text) > MAX_NUMBER_DIGITS:
        raise ExpressionSyntaxError("bad_number", pos)
    return Token(kind, text, pos)


def parse_expression(text: str) -> Node:
    """Parse `text` into an AST; raises ExpressionSyntaxError with the offending position."""
    tokens = tokenize(text)
    if tokens[0].kind == "end":
        raise ExpressionSyntaxError("empty", 0)
    parser = _Parser(tokens)
    node = parser.expression(0, 0)
    tail = parser.peek()
    if tail.kind != "end":
        raise ExpressionSyntaxError("unexpected_token", tail.pos, token=tail.text)
    return node


class _Parser:
    """Pratt parser over a token list; depth-limited so hostile input cannot exhaust the stack."""

    def __init__(self, tokens: list[Token]) -> None:
        self._tokens = tokens
        self._index = 0

    def peek(self) -> Token:
        return self._tokens[self._index]

    def _next(self) -> Token:
        token = self._tokens[self._index]
        if token.kind != "end":
            self._index += 1
        return token

    def expression(self, min_bp: int, depth: int) -> Node:
        if depth > MAX_DEPTH:
            raise ExpressionSyntaxError("too_deep", self.peek().pos, limit=MAX_DEPTH)
        left = self._prefix(depth + 1)
        while True:
            token = self.peek()
            bp = _INFIX.get(token.text) if token.kind == "op" else None
            if bp is None or bp <= min_bp:
                return left
            self._next()
            right = self.expression(bp, depth + 1)
            op = "/" if token.text == "div" else "=" if token.text == "==" else token.text
            left = Binary(op, left, right, token.pos)

    def _prefix(self, depth: int) -> Node:
        token = self._next()
        if token.kind == "num":
            value: Value = Decimal(token.text) if "." in token.text else int(token.text)
            return Literal(value, token.pos)
        if token.kind == "str":
            return Literal(token.text[1:-1], token.pos)
        if token.kind == "ref":
            return FieldRef(token.text, token.pos)
        if token.kind == "name":
            return self._name(token, depth)
        if token.kind == "op":
            return self._prefix_op(token, depth)
        raise ExpressionSyntaxError("unexpected_end", token.pos)

    def _prefix_op(self, token: Token, depth: int) -> Node:
        if token.text == "(":
            inner = self.expression(0, depth)
            self._expect_rparen()
            return inner
        if token.text == "-":
            return Unary("-", self.expression(_NEG_BP, depth), token.pos)
        if token.text == "not":
            return Unary("not", self.expression(_NOT_BP, depth), token.pos)
        if token.text == ".":
            return FieldRef(CURRENT, token.pos)
        raise ExpressionSyntaxError("unexpected_token", token.pos, token=token.text)

    def _name(self, token: Token, depth: int) -> Node:
        if token.text in _CONSTANTS:
            return Literal(_CONSTANTS[token.text], token.pos)
        opening = self.peek()
        if opening.text != "(" or opening.kind != "op":
            raise ExpressionSyntaxError("unexpected_token", token.pos, token=token.text)
        self._next()
        args: list[Node] = []
        if self.peek().text != ")":
            args.append(self.expression(0, depth))
            while self.peek().text == "," and self.peek().kind == "op":
                self._next()
                args.append(self.expression(0, depth))
        self._expect_rparen()
        return Call(token.text, tuple(args), token.pos)

    def _expect_rparen(self) -> None:
        token = self.peek()
        if token.kind == "op" and token.text == ")":
            self._next()
            return
        if token.kind == "end":
            raise ExpressionSyntaxError("missing_rparen", token.pos)
        raise ExpressionSyntaxError("unexpected_token", token.pos, token=token.text)


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents before children (iterative: depth is already bounded)."""
    out: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        out.append(current)
        if isinstance(current, Unary):
            stack.append(current.operand)
        elif isinstance(current, Binary):
            stack.extend((current.right, current.left))
        elif isinstance(current, Call):
            stack.extend(reversed(current.args))
    return out
