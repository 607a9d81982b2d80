"""Shared builders for intake and cases tests (three intakes from the issue)."""

from __future__ import annotations

from app.domain.checklist import Decision, MaterialEntry, MaterialState
from app.services.intake_types import ApplicantInput, IntakeRequest, ItemIntake

ST = MaterialState
PERSON = ApplicantInput("person", "李秀英", "11010519491231002X", "13812345678", "广安区幸福路12号")
AGENT = ApplicantInput("person", "王五", "440524188001010014", "13987654321")


def got(code: str, originals: int = 1, copies: int = 1) -> MaterialEntry:
    return MaterialEntry(code, ST.RECEIVED, originals, copies)


def immediate_request() -> IntakeRequest:
    """YLBX01 养老保险参保登记 (即办件) with everything in hand."""
    mats = (got("SQB", 1, 0), MaterialEntry("SFZ", ST.ELICENSE), got("HKB"), MaterialEntry("SBK", ST.MISSING))
    return IntakeRequest(PERSON, (ItemIntake("YLBX01", (), mats, {"x": 1}),), Decision.ACCEPT)


def commitment_request(signed: bool = True) -> IntakeRequest:
    """JZZ01 居住证 (承诺件), 住所证明 replaced by a signed commitment."""
    mats = (got("SQB", 1, 0), got("SFZ"), got("ZP", 1, 0),
            MaterialEntry("ZSZM", ST.COMMITMENT, commitment_signed=signed))
    return IntakeRequest(PERSON, (ItemIntake("JZZ01", ("ZF",), mats),), Decision.ACCEPT)


def bundle_request() -> IntakeRequest:
    """BD-XSE 新生儿出生一件事 with the 出生医学证明 missing → supplement."""
    items = (
        ItemIntake("SYDJ01", (), (got("SFZ"), got("SQB", 1, 0))),
        ItemIntake("HKCS01", (), (MaterialEntry("CSZ", ST.MISSING), got("HKB"), got("SFZ"))),
        ItemIntake("YB01", (), (got("SFZ"), got("HKB"))),
        ItemIntake("SBKSL01", (), (got("SFZ"), got("ZP", 1, 0))),
    )
    return IntakeRequest(PERSON, items, Decision.REQUEST_SUPPLEMENT, agent=AGENT, bundle_code="BD-XSE")
