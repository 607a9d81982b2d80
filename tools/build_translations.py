"""Qt translations: extract app/ui strings into resources/i18n/*.ts and compile them to .qm.

    python tools/build_translations.py            compile .ts -> .qm (the install/build step)
    python tools/build_translations.py --update   re-extract (pyside6-lupdate + a scan for what it misses),
                                                  keep existing translations, then compile
    python tools/build_translations.py --check    exit 1 listing strings without an English translation
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "app" / "ui"
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("en",)
SOURCE_LANGUAGE = "zh_CN"
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TRANSLATE_FUNCS = {"translate", "QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3"}
TR_FUNCS = {"tr", "_tr", "QT_TR_NOOP"}
HELPERS = {"tr", "_tr"}  # module-level helpers translating in a fixed context

Key = tuple[str, str]  # (context, source text)


@dataclass
class Scan:
    """What one pass over the UI sources found."""

    messages: dict[Key, str] = field(default_factory=dict)  # key -> "file:line" of first use
    problems: list[str] = field(default_factory=list)  # translation calls we cannot resolve statically


def _module_constants(tree: ast.Module) -> dict[str, str]:
    """Module-level NAME = "text" assignments (used as translation contexts, e.g. _CTX = "labels")."""
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def _helper_context(tree: ast.Module, constants: dict[str, str]) -> str | None:
    """The context of a module-level helper `def tr(text)` / `def _tr(text)` that calls translate(<context>, text)."""
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef) and fn.name in HELPERS:
            for call in ast.walk(fn):
                if isinstance(call, ast.Call) and _call_name(call) == "translate" and call.args:
                    first = call.args[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        return first.value
                    if isinstance(first, ast.Name):
                        return constants.get(first.id)
    return None


def _imported_tr_context(tree: ast.Module) -> str | None:
    """For `from app.ui.x import tr`: the context the helper in app/ui/x.py translates in."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and any(a.name in HELPERS for a in node.names):
            source = ROOT.joinpath(*node.module.split(".")).with_suffix(".py")
            if source.exists():
                other = ast.parse(source.read_text(encoding="utf-8"))
                return _helper_context(other, _module_constants(other))
    return None


def _call_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


class _Extractor(ast.NodeVisitor):
    """Resolves each translation call to the (context, source) Qt will look up at run time."""

    def __init__(self, rel: str, tree: ast.Module, scan: Scan) -> None:
        self.rel, self.scan = rel, scan
        self.constants = _module_constants(tree)
        self.module_classes = [n.name for n in tree.body if isinstance(n, ast.ClassDef)]
        self.bare_tr_context = _helper_context(tree, self.constants) or _imported_tr_context(tree)
        self.classes: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        name = _call_name(node)
        if name in TRANSLATE_FUNCS and len(node.args) >= 2:
            self._add(self._literal_or_constant(node.args[0]), node.args[1], node)
        elif name in TR_FUNCS and node.args:
            for context in self._tr_contexts(node):
                self._add(context, node.args[0], node)
        self.generic_visit(node)

    def _tr_contexts(self, node: ast.Call) -> list[str | None]:
        func = node.func
        if isinstance(func, ast.Name):  # bare tr(): a module helper with a fixed context, or QT_TR_NOOP
            return [self.bare_tr_context if func.id in HELPERS else (self.classes[-1] if self.classes else None)]
        receiver = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id == "self" and self.classes:
            return [self.classes[-1]]
        # w.tr(...) in a helper function: at run time the context is w's class; assume one of this module's.
        return list(self.module_classes) or [None]

    def _literal_or_constant(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        return None

    def _add(self, context: str | None, source: ast.expr, node: ast.Call) -> None:
        where = f"{self.rel}:{node.lineno}"
        text = source.value if isinstance(source, ast.Constant) and isinstance(source.value, str) else None
        if text is None and isinstance(source, ast.Name | ast.Attribute | ast.Subscript):
            return  # a variable: its text is marked elsewhere with QT_TRANSLATE_NOOP
        if context is None or text is None:
            self.scan.problems.append(f"{where}: translation call with a context or text that is not a literal")
            return
        self.scan.messages.setdefault((context, text), where)


def ui_sources(ui_dir: Path = UI_DIR) -> Iterator[Path]:
    """Every Python file of the window application, generated code excluded."""
    for path in sorted(ui_dir.rglob("*.py")):
        if "_generated" not in path.parts:
            yield path


def _dynamic_messages() -> dict[Key, str]:
    """Texts translated through a variable whose source list lives outside app/ui."""
    sys.path.insert(0, str(ROOT))
    from app.config import STATION_LEVEL_ZH  # pure Python: no Qt, no database

    return {("SetupDialog", zh): "app/config.py STATION_LEVEL_ZH" for zh in STATION_LEVEL_ZH.values()}


def scan_sources(ui_dir: Path = UI_DIR) -> Scan:
    """All translatable (context, source) pairs used in app/ui, as Qt resolves them at run time."""
    scan = Scan(messages=_dynamic_messages())
    for path in ui_sources(ui_dir):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        _Extractor(str(path.relative_to(ROOT)), tree, scan).visit(tree)
    return scan


# ---- .ts files


def read_ts(path: Path) -> dict[Key, tuple[str, bool]]:
    """(context, source) -> (translation, finished) from a Qt .ts file; obsolete entries are skipped."""
    found: dict[Key, tuple[str, bool]] = {}
    if not path.exists():
        return found
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = "".join(tr.itertext()) if tr is not None else ""
            numerus = tr.findall("numerusform") if tr is not None else []
            if numerus:  # kept as "singular|plural" while merging
                text = "|".join(n.text or "" for n in numerus)
            found[(name, msg.findtext("source") or "")] = (text, kind != "unfinished" and bool(text))
    return found


def write_ts(path: Path, language: str, entries: dict[Key, tuple[str, bool]], numerus: set[Key]) -> None:
    """A sorted, diff-friendly .ts (no source locations, so edits elsewhere do not churn it)."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage=SOURCE_LANGUAGE)
    by_context: dict[str, list[Key]] = {}
    for key in sorted(entries):
        by_context.setdefault(key[0], []).append(key)
    for context, keys in by_context.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for key in keys:
            text, finished = entries[key]
            msg = ET.SubElement(ctx, "message", numerus="yes") if key in numerus else ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = key[1]
            tr = ET.SubElement(msg, "translation", {} if finished else {"type": "unfinished"})
            if key in numerus:
                forms = text.split("|") if "|" in text else [text, text]
                for form in forms:  # English: singular, plural
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = text
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: pip install PySide6 (it ships the Qt Linguist tools)")
    return found


def lupdate_keys(ui_dir: Path = UI_DIR) -> tuple[set[Key], set[Key]]:
    """What pyside6-lupdate extracts from app/ui: (all keys, plural keys)."""
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "scan.ts"
        subprocess.run([_tool("pyside6-lupdate"), "-extensions", "py", "-source-language", SOURCE_LANGUAGE,
                        "-locations", "none", "-silent", str(ui_dir), "-ts", str(ts)], check=True)
        root = ET.parse(ts).getroot()
        keys: set[Key] = set()
        plural: set[Key] = set()
        for ctx in root.iter("context"):
            for msg in ctx.iter("message"):
                key = (ctx.findtext("name") or "", msg.findtext("source") or "")
                keys.add(key)
                if msg.get("numerus") == "yes":
                    plural.add(key)
        return keys, plural


def update(language: str) -> Path:
    """Re-extract the strings and merge them into yichuang_<language>.ts, keeping existing translations."""
    path = I18N_DIR / f"yichuang_{language}.ts"
    old = read_ts(path)
    scan = scan_sources()
    lupdate_found, plural = lupdate_keys()
    # lupdate's Python parser misses some calls (single-quoted text inside f-strings, w.tr(...)) and files some
    # under the wrong context; our scan resolves contexts as Qt does at run time, so it decides.
    # Keep lupdate's finds under contexts that exist at run time; drop its guesses ("" or a variable's name).
    contexts = {c for c, _s in scan.messages}
    keys = set(scan.messages) | {k for k in lupdate_found if k[0] in contexts}
    # The same text in another context is offered as a suggestion only: "叫号" is "Queue" in the navigation but
    # "Call" on the button, so a person confirms it (it stays type="unfinished" until then).
    previous_by_text = {src: (tr[0], False) for (_c, src), tr in old.items() if tr[1]}
    entries = {k: old.get(k) or previous_by_text.get(k[1]) or ("", False) for k in keys}
    plural |= {k for k in keys if "%n" in k[1]}
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    write_ts(path, language, entries, plural)
    for problem in scan.problems:
        print(f"warning: {problem}", file=sys.stderr)
    return path


def release(language: str) -> Path:
    """Compile yichuang_<language>.ts into the .qm the application loads."""
    ts = I18N_DIR / f"yichuang_{language}.ts"
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def unfinished(language: str) -> list[Key]:
    """Strings used in app/ui that have no finished translation in the .ts."""
    have = read_ts(I18N_DIR / f"yichuang_{language}.ts")
    return sorted(k for k in scan_sources().messages if not have.get(k, ("", False))[1])


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", action="store_true", help="re-extract strings before compiling")
    parser.add_argument("--check", action="store_true", help="fail if a used string has no translation")
    args = parser.parse_args(argv)
    code = 0
    for language in LANGUAGES:
        if args.update:
            print(f"updated {update(language).relative_to(ROOT)}")
        if args.check:
            missing = unfinished(language)
            for context, source in missing:
                print(f"untranslated [{language}] {context}: {source}")
            code = 1 if missing else code
            continue
        print(f"compiled {release(language).relative_to(ROOT)}")
    return code


if __name__ == "__main__":
    sys.exit(main())
