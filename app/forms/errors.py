"""Typed errors of the form language; each carries a code, data and a Chinese message for the edge."""

from __future__ import annotations

from dataclasses import dataclass

_SYNTAX_ZH = {
    "too_long": "表达式过长（最多 {limit} 个字符）",
    "too_deep": "表达式嵌套过深（最多 {limit} 层）",
    "bad_char": "出现无法识别的字符「{char}」",
    "unterminated_string": "字符串缺少结束引号",
    "bad_ref": "字段引用格式应为 ${{字段名}}",
    "bad_number": "数字格式不正确",
    "missing_rparen": "缺少右括号",
    "unexpected_token": "出现多余或错误的内容「{token}」",
    "unexpected_end": "缺少运算对象，表达式不完整",
    "empty": "表达式为空",
}

_EVAL_ZH = {
    "division_by_zero": "除数为零，无法计算",
    "type_mismatch": "运算 {op} 的值类型不匹配",
    "bad_argument": "函数 {func} 的参数不正确",
    "bad_regex": "正则表达式不可用：{detail}",
    "too_large": "计算结果超出允许范围",
    "unknown_field": "引用了不存在的字段 {name}",
    "unknown_function": "不支持的函数 {name}",
    "arity": "函数 {name} 的参数个数不正确",
    "misplaced": "{what} 只能用在 {where} 中",
}


class ExpressionError(Exception):
    """Base of every error the expression language raises."""

    code: str
    data: dict[str, object]

    @property
    def message_zh(self) -> str:
        """A Chinese sentence describing the problem (subclasses say more)."""
        return f"表达式有误（{self.code}）"


class ExpressionSyntaxError(ExpressionError):
    """The text is not a valid expression; `position` is the 0-based character offset."""

    def __init__(self, code: str, position: int, **data: object) -> None:
        super().__init__(f"{code} at {position}")
        self.code = code
        self.position = position
        self.data = data

    @property
    def message_zh(self) -> str:
        """E.g. "表达式第5个字符处缺少右括号"."""
        detail = _SYNTAX_ZH.get(self.code, self.code).format(**self.data)
        return f"表达式第{self.position + 1}个字符处{detail}"


class ExpressionEvalError(ExpressionError):
    """A well-formed expression could not be evaluated (or refers to something unknown)."""

    def __init__(self, code: str, **data: object) -> None:
        super().__init__(f"{code} {data}")
        self.code = code
        self.data = data

    @property
    def message_zh(self) -> str:
        """The Chinese description of the evaluation problem."""
        return _EVAL_ZH.get(self.code, self.code).format(**self.data)


@dataclass(frozen=True)
class DefinitionIssue:
    """One problem in a form definition: where it is and what is wrong."""

    path: str
    code: str
    message_zh: str


class FormDefinitionError(Exception):
    """A form definition failed to load; `errors` lists every problem found."""

    def __init__(self, errors: tuple[DefinitionIssue, ...]) -> None:
        super().__init__("; ".join(f"{e.path}: {e.code}" for e in errors))
        self.errors = errors

    @property
    def message_zh(self) -> str:
        """All problems, one per line."""
        return "\n".join(e.message_zh for e in self.errors)


class FormPathError(Exception):
    """A model operation named a path that does not exist or cannot be written (a programming error)."""

    def __init__(self, code: str, path: str) -> None:
        super().__init__(f"{code}: {path}")
        self.code = code
        self.path = path


class RepeatLimitError(Exception):
    """Adding or removing a repeat row would break the repeat's min/max or its fixed count."""

    def __init__(self, code: str, repeat: str, limit: int) -> None:
        super().__init__(f"{code}: {repeat} ({limit})")
        self.code = code
        self.repeat = repeat
        self.limit = limit

    @property
    def message_zh(self) -> str:
        """A Chinese sentence for the clerk."""
        if self.code == "repeat_max":
            return f"最多只能填写 {self.limit} 行"
        if self.code == "repeat_min":
            return f"至少需要保留 {self.limit} 行"
        return "行数由其他字段决定，不能手动增删"
