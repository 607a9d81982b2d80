"""The checklist decision table: every material state against every catalogue permission."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest

from app.domain.catalogue_model import (
    AcceptMode,
    Material,
    MaterialFormat,
    MaterialSource,
    Necessity,
    ProjectType,
    ServiceItem,
)
from app.domain.checklist import (
    ChecklistError,
    Decision,
    MaterialEntry,
    MaterialState,
    combine_outcomes,
    evaluate_checklist,
)
from app.domain.units import TimeLimit

ST = MaterialState
D = Decision
PROMISE = date(2026, 12, 10)


def material(code: str = "M1", *, necessity: Necessity = Necessity.REQUIRED, rongque: bool = False,
             commit: bool = False, elicense: bool = False, situations: tuple[str, ...] = ()) -> Material:
    return Material(code, f"材料{code}", necessity, 1, 1, AcceptMode.ORIGINAL, MaterialFormat.PAPER,
                    MaterialSource.APPLICANT, accept_standard=f"{code}标准", rongque_allowed=rongque,
                    commitment_replaceable=commit, elicense_exempt=elicense, situations=situations)


def item(*materials: Material, rongque: bool = False, commit: bool = False) -> ServiceItem:
    return ServiceItem(
        "T01", "t", "c", "测试事项", "测试", (), "部门", "1" * 18, "许可", ProjectType.PROMISE,
        TimeLimit(20), TimeLimit(10), 0, "", "", "", "", "", "", "", (), (), materials, None,
        commit, rongque, 1)


def entry(state: MaterialState, *, counts: tuple[int, int] = (1, 1), due: date | None = PROMISE,
          signed: bool = True) -> MaterialEntry:
    return MaterialEntry("M1", state, counts[0], counts[1], due, signed)


# (state, necessity, item+material allow 容缺, item+material allow commitment, e-licence exempt, signed,
#  counts) → decision, blocker reason
TABLE = [
    (ST.RECEIVED, Necessity.REQUIRED, False, False, False, True, (1, 1), D.ACCEPT, None),
    (ST.RECEIVED, Necessity.REQUIRED, False, False, False, True, (2, 3), D.ACCEPT, None),
    (ST.RECEIVED, Necessity.REQUIRED, False, False, False, True, (0, 1), D.REQUEST_SUPPLEMENT, "counts_short"),
    (ST.RECEIVED, Necessity.REQUIRED, False, False, False, True, (1, 0), D.REQUEST_SUPPLEMENT, "counts_short"),
    (ST.RECEIVED, Necessity.OPTIONAL, False, False, False, True, (0, 0), D.REQUEST_SUPPLEMENT, "counts_short"),
    (ST.ELICENSE, Necessity.REQUIRED, False, False, True, True, (0, 0), D.ACCEPT, None),
    (ST.ELICENSE, Necessity.REQUIRED, False, False, False, True, (0, 0), D.REQUEST_SUPPLEMENT,
     "elicense_not_exempt"),
    (ST.COMMITMENT, Necessity.REQUIRED, False, True, False, True, (0, 0), D.ACCEPT, None),
    (ST.COMMITMENT, Necessity.REQUIRED, False, True, False, False, (0, 0), D.REQUEST_SUPPLEMENT,
     "commitment_unsigned"),
    (ST.COMMITMENT, Necessity.REQUIRED, False, False, False, True, (0, 0), D.REQUEST_SUPPLEMENT,
     "commitment_not_allowed"),
    (ST.DEFICIENCY, Necessity.REQUIRED, True, False, False, True, (0, 0), D.ACCEPT_WITH_DEFICIENCY, None),
    (ST.DEFICIENCY, Necessity.REQUIRED, False, False, False, True, (0, 0), D.REQUEST_SUPPLEMENT,
     "deficiency_not_allowed"),
    (ST.MISSING, Necessity.REQUIRED, True, True, True, True, (0, 0), D.REQUEST_SUPPLEMENT, "missing"),
    (ST.MISSING, Necessity.CONDITIONAL, False, False, False, True, (0, 0), D.REQUEST_SUPPLEMENT, "missing"),
    (ST.MISSING, Necessity.OPTIONAL, False, False, False, True, (0, 0), D.ACCEPT, None),
    (ST.NOT_APPLICABLE, Necessity.REQUIRED, False, False, False, True, (0, 0), D.REQUEST_SUPPLEMENT,
     "required_not_applicable"),
    (ST.NOT_APPLICABLE, Necessity.CONDITIONAL, False, False, False, True, (0, 0), D.ACCEPT, None),
    (ST.NOT_APPLICABLE, Necessity.OPTIONAL, False, False, False, True, (0, 0), D.ACCEPT, None),
]


@pytest.mark.parametrize(("state", "necessity", "rongque", "commit", "elicense", "signed", "counts",
                          "decision", "reason"), TABLE)
def test_decision_table(state: MaterialState, necessity: Necessity, rongque: bool, commit: bool,
                        elicense: bool, signed: bool, counts: tuple[int, int], decision: Decision,
                        reason: str | None) -> None:
    m = material(necessity=necessity, rongque=rongque, commit=commit, elicense=elicense)
    it = item(m, rongque=rongque, commit=commit)
    out = evaluate_checklist(it, (), {"M1": entry(state, counts=counts, signed=signed)}, promise_due=PROMISE)
    assert out.decision is decision
    assert [b.reason for b in out.blockers] == ([reason] if reason else [])
    if reason:
        assert out.blockers[0].accept_standard == "M1标准"


@pytest.mark.parametrize(("item_allows", "material_allows"), [(True, False), (False, True), (False, False)])
def test_deficiency_needs_both_item_and_material(item_allows: bool, material_allows: bool) -> None:
    it = item(material(rongque=material_allows), rongque=item_allows)
    out = evaluate_checklist(it, (), {"M1": entry(ST.DEFICIENCY)}, promise_due=PROMISE)
    assert out.decision is D.REQUEST_SUPPLEMENT


@pytest.mark.parametrize(("item_allows", "material_allows"), [(True, False), (False, True)])
def test_commitment_needs_both_item_and_material(item_allows: bool, material_allows: bool) -> None:
    it = item(material(commit=material_allows), commit=item_allows)
    out = evaluate_checklist(it, (), {"M1": entry(ST.COMMITMENT)}, promise_due=PROMISE)
    assert [b.reason for b in out.blockers] == ["commitment_not_allowed"]


def test_deficiency_deadline_after_promise_is_refused() -> None:
    it = item(material(rongque=True), rongque=True)
    with pytest.raises(ChecklistError) as err:
        evaluate_checklist(it, (), {"M1": entry(ST.DEFICIENCY, due=date(2026, 12, 11))}, promise_due=PROMISE)
    assert err.value.code == "deficiency_after_promise"
    assert err.value.material_code == "M1"


def test_deficiency_without_deadline_is_refused() -> None:
    it = item(material(rongque=True), rongque=True)
    with pytest.raises(ChecklistError, match="deficiency_due_missing"):
        evaluate_checklist(it, (), {"M1": entry(ST.DEFICIENCY, due=None)}, promise_due=PROMISE)


def test_deficiency_on_the_promise_day_is_fine_and_recorded() -> None:
    it = item(material(rongque=True), rongque=True)
    out = evaluate_checklist(it, (), {"M1": entry(ST.DEFICIENCY, due=PROMISE)}, promise_due=PROMISE)
    assert out.deficiencies == (("M1", PROMISE),)
    assert out.acceptable


def test_reject_only_with_a_reason() -> None:
    it = item(material())
    full = {"M1": entry(ST.RECEIVED)}
    assert evaluate_checklist(it, (), full, promise_due=PROMISE, reject_reason="   ").decision is D.ACCEPT
    out = evaluate_checklist(it, (), full, promise_due=PROMISE, reject_reason="不属本机关职权")
    assert out.decision is D.REJECT
    assert out.reject_reason == "不属本机关职权"


def test_material_with_no_entry_counts_as_missing() -> None:
    out = evaluate_checklist(item(material()), (), {}, promise_due=PROMISE)
    assert [b.reason for b in out.blockers] == ["missing"]


def test_situation_materials_only_when_chosen() -> None:
    it = item(material("M1"), material("M2", situations=("A",)))
    got = {"M1": replace(entry(ST.RECEIVED), code="M1")}
    assert evaluate_checklist(it, (), got, promise_due=PROMISE).decision is D.ACCEPT
    assert evaluate_checklist(it, ("A",), got, promise_due=PROMISE).decision is D.REQUEST_SUPPLEMENT


def test_item_with_no_materials_is_an_error() -> None:
    with pytest.raises(ChecklistError, match="no_materials"):
        evaluate_checklist(item(), (), {}, promise_due=PROMISE)


def test_every_pair_of_states_lists_every_blocker_at_once() -> None:
    """Two materials in every combination of states: all blockers listed, decision = worst of the two."""
    m1 = material("M1", rongque=True, commit=True, elicense=True)
    m2 = material("M2", rongque=True, commit=True, elicense=True)
    it = item(m1, m2, rongque=True, commit=True)
    for s1, s2 in itertools.product(MaterialState, repeat=2):
        entries = {"M1": replace(entry(s1), code="M1"), "M2": replace(entry(s2), code="M2")}
        both = evaluate_checklist(it, (), entries, promise_due=PROMISE)
        singles = [evaluate_checklist(item(m, rongque=True, commit=True), (), {m.code: entries[m.code]},
                                      promise_due=PROMISE) for m in (m1, m2)]
        assert both.decision is combine_outcomes(singles), (s1, s2)
        assert len(both.blockers) == sum(len(o.blockers) for o in singles)


def test_combine_takes_the_worst() -> None:
    it = item(material())
    ok = evaluate_checklist(it, (), {"M1": entry(ST.RECEIVED)}, promise_due=PROMISE)
    bad = evaluate_checklist(it, (), {}, promise_due=PROMISE)
    assert combine_outcomes([ok, bad, ok]) is D.REQUEST_SUPPLEMENT
    with pytest.raises(ChecklistError):
        combine_outcomes([])
