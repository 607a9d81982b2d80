"""材料清单 → decision: accept, accept with deficiency (容缺), request supplement (补正) or reject (pure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.catalogue_model import Material, Necessity, ServiceItem

__all__ = [
    "Blocker",
    "ChecklistError",
    "ChecklistOutcome",
    "Decision",
    "MaterialEntry",
    "MaterialState",
    "combine_outcomes",
    "evaluate_checklist",
]


class MaterialState(StrEnum):
    """How one material stands at the counter."""

    RECEIVED = "received"  # paper handed in (counts checked against the catalogue)
    ELICENSE = "elicense"  # taken from a shared 电子证照
    COMMITMENT = "commitment"  # replaced by a signed 告知承诺书
    DEFICIENCY = "deficiency"  # 容缺: supplied later, by a deadline
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"


class Decision(StrEnum):
    """The window's decision; ordered from best to worst for the applicant."""

    ACCEPT = "accept"  # 可受理
    ACCEPT_WITH_DEFICIENCY = "accept_with_deficiency"  # 容缺受理
    REQUEST_SUPPLEMENT = "request_supplement"  # 需补正
    REJECT = "reject"  # 不予受理


_RANK = {Decision.ACCEPT: 0, Decision.ACCEPT_WITH_DEFICIENCY: 1, Decision.REQUEST_SUPPLEMENT: 2, Decision.REJECT: 3}


class ChecklistError(ValueError):
    """A checklist that cannot be judged: `code` says why, `material_code` where (if one material)."""

    def __init__(self, code: str, material_code: str = "", value: object = None) -> None:
        super().__init__(f"{code} {material_code} {value!r}")
        self.code = code
        self.material_code = material_code
        self.value = value


@dataclass(frozen=True)
class MaterialEntry:
    """What the clerk recorded for one material."""

    code: str
    state: MaterialState = MaterialState.MISSING
    originals: int = 0
    copies: int = 0
    deficiency_due: date | None = None
    commitment_signed: bool = False


@dataclass(frozen=True)
class Blocker:
    """One material that stops acceptance, and why (a code the edge turns into words)."""

    material_code: str
    material_name: str
    reason: str  # missing | counts_short | required_not_applicable | elicense_not_exempt |
    #             deficiency_not_allowed | commitment_not_allowed | commitment_unsigned
    accept_standard: str = ""


@dataclass(frozen=True)
class ChecklistOutcome:
    """The decision for one item (or a bundle, combined) with everything behind it."""

    decision: Decision
    blockers: tuple[Blocker, ...] = ()
    deficiencies: tuple[tuple[str, date], ...] = ()  # (material code, supplement deadline)
    commitments: tuple[str, ...] = ()  # material codes replaced by a commitment
    reject_reason: str = ""

    @property
    def acceptable(self) -> bool:
        """True for 可受理 and 容缺受理."""
        return self.decision in (Decision.ACCEPT, Decision.ACCEPT_WITH_DEFICIENCY)


def _counts_ok(m: Material, e: MaterialEntry) -> bool:
    return e.originals >= m.originals and e.copies >= m.copies


def _check_deficiency_date(m: Material, e: MaterialEntry, promise_due: date | None) -> date:
    if e.deficiency_due is None:
        raise ChecklistError("deficiency_due_missing", m.code)
    if promise_due is not None and e.deficiency_due > promise_due:
        # 容缺 supplement deadline must not exceed the item's 承诺时限 (domain.md §1.4)
        raise ChecklistError("deficiency_after_promise", m.code, (e.deficiency_due, promise_due))
    return e.deficiency_due


def _judge(item: ServiceItem, m: Material, e: MaterialEntry, promise_due: date | None) -> str | None:
    """The blocker reason for this material, '' when it is fine, None when it is fine as 容缺."""
    required = m.necessity is not Necessity.OPTIONAL
    st = e.state
    if st is MaterialState.RECEIVED:
        return "" if _counts_ok(m, e) else "counts_short"
    if st is MaterialState.ELICENSE:
        return "" if m.elicense_exempt else "elicense_not_exempt"
    if st is MaterialState.COMMITMENT:
        if not (item.commitment_allowed and m.commitment_replaceable):
            return "commitment_not_allowed"
        return "" if e.commitment_signed else "commitment_unsigned"
    if st is MaterialState.DEFICIENCY:
        if not (item.rongque_allowed and m.rongque_allowed):
            return "deficiency_not_allowed"
        _check_deficiency_date(m, e, promise_due)
        return None
    if st is MaterialState.NOT_APPLICABLE:
        # only 情形必要 / optional materials may be set aside; a required one must be supplied
        return "required_not_applicable" if m.necessity is Necessity.REQUIRED else ""
    return "missing" if required else ""


def evaluate_checklist(
    item: ServiceItem,
    situations: Iterable[str],
    entries: Mapping[str, MaterialEntry],
    *,
    promise_due: date | None,
    reject_reason: str = "",
) -> ChecklistOutcome:
    """Judge the materials of `item` for the chosen situations.

    A material with no entry counts as missing. A 容缺 without a deadline, or with one after
    `promise_due`, raises ChecklistError; so does an item with no materials at all. A non-empty
    `reject_reason` makes the decision REJECT (a refusal is never made without a reason).
    """
    materials = item.materials_for(tuple(situations))
    if not item.materials:
        raise ChecklistError("no_materials", "", item.code)
    blockers: list[Blocker] = []
    deficiencies: list[tuple[str, date]] = []
    commitments: list[str] = []
    for m in materials:
        e = entries.get(m.code, MaterialEntry(m.code))
        reason = _judge(item, m, e, promise_due)
        if reason is None:
            deficiencies.append((m.code, e.deficiency_due))  # type: ignore[arg-type]
        elif reason:
            blockers.append(Blocker(m.code, m.name, reason, m.accept_standard))
        elif e.state is MaterialState.COMMITMENT:
            commitments.append(m.code)
    return ChecklistOutcome(_decide(blockers, deficiencies, reject_reason), tuple(blockers),
                            tuple(deficiencies), tuple(commitments), reject_reason.strip())


def _decide(blockers: list[Blocker], deficiencies: list[tuple[str, date]], reject_reason: str) -> Decision:
    if reject_reason.strip():
        return Decision.REJECT
    if blockers:
        return Decision.REQUEST_SUPPLEMENT
    return Decision.ACCEPT_WITH_DEFICIENCY if deficiencies else Decision.ACCEPT


def combine_outcomes(outcomes: Iterable[ChecklistOutcome]) -> Decision:
    """The decision of a bundle: the worst of its items' decisions (one missing paper holds all)."""
    decisions = [o.decision for o in outcomes]
    if not decisions:
        raise ChecklistError("no_items")
    return max(decisions, key=_RANK.__getitem__)
