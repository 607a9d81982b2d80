"""Generated statistics data (Core bulk inserts) shared by the stats benchmark and tests."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from app.db.models import Applicant, Case, CaseEvent, Commitment, Evaluation, Operator, QueueTicket, ServiceItemRow

_DECISIONS = ["accept"] * 7 + ["accept_with_deficiency", "request_supplement", "reject"]


def fill_year(ctx: Any, *, tickets: int, cases: int, year: int = 2026, seed: int = 7) -> None:
    """`tickets` queue tickets and `cases` cases with events spread over working hours of one year."""
    rnd = random.Random(seed)
    with ctx.db.session() as s:
        ops = list(s.execute(select(Operator.id)).scalars())
        items = list(s.execute(select(ServiceItemRow.id, ServiceItemRow.code)).all())
        app_id = str(uuid.uuid4())
        s.execute(insert(Applicant), [{"id": app_id, "kind": "person", "name": "测试", "cert_type": "111",
                                       "cert_no_enc": "x", "cert_no_hash": "h"}])
        s.execute(insert(QueueTicket), list(_tickets(rnd, tickets, ops, year)))
        case_rows, events, commitments = _cases(rnd, cases, ops, items, app_id, year)
        s.execute(insert(Case), case_rows)
        s.execute(insert(CaseEvent), events)
        s.execute(insert(Commitment), commitments)
        s.execute(insert(Evaluation), list(_ratings(rnd, cases // 2, ops, year)))


def _moment(rnd: random.Random, year: int) -> datetime:
    """A UTC instant in Shanghai working hours (08:30–17:30 local = 00:30–09:30 UTC)."""
    day = date(year, 1, 1) + timedelta(days=rnd.randrange(365))
    return datetime(day.year, day.month, day.day, 0, 30, tzinfo=UTC) + timedelta(seconds=rnd.randrange(9 * 3600))


def _tickets(rnd: random.Random, n: int, ops: list[str], year: int) -> Any:
    for i in range(n):
        at = _moment(rnd, year)
        status = rnd.choices(["finished", "no_show", "cancelled"], [90, 8, 2])[0]
        wait, walk, service = rnd.uniform(30, 3600), rnd.uniform(5, 120), rnd.uniform(60, 1800)
        fin = status == "finished"
        yield {"id": str(uuid.uuid4()), "day": (at + timedelta(hours=8)).date(), "prefix": "A",
               "number": i + 1, "ticket_no": f"A{i:05d}", "category": rnd.choice("ABCDE"), "status": status,
               "issued_at": at, "operator_id": rnd.choice(ops), "window_no": "3",
               "updated_at": at + timedelta(seconds=wait + walk + service),
               "wait_s": wait if fin else None, "walk_up_s": walk if fin else None,
               "service_s": service if fin else None, "priority": "none", "recalls": 0}


def _cases(rnd: random.Random, n: int, ops: list[str], items: list[Any], app_id: str, year: int) -> Any:
    rows, events, commitments = [], [], []
    for i in range(n):
        cid, at = str(uuid.uuid4()), _moment(rnd, year)
        item_id, code = rnd.choice(items)
        decision = rnd.choice(_DECISIONS)
        # As at a real window: a refusal closes the case and a 补正 request starts no clock (no due date);
        # accepted cases nearly all finish, most within the promised time.
        status = {"reject": "closed", "request_supplement": "await_supplement"}.get(decision, "accepted")
        days = rnd.randrange(5, 30)
        due = (at + timedelta(days=days)).date() if status == "accepted" else None
        rows.append({"id": cid, "provisional_no": f"L{year}{i:07d}", "query_password": "123456",
                     "item_id": item_id, "item_code": code, "catalogue_version": "1", "applicant_id": app_id,
                     "status": status, "project_type": 2, "received_at": at, "due_date": due,
                     "operator_id": rnd.choice(ops), "window_no": "3", "form_data": {}, "situations": [],
                     "finished_at": None})
        events.append({"id": str(uuid.uuid4()), "case_id": cid, "seq": 1, "action": decision,
                       "to_status": status, "at": at, "data": {}})
        if status == "accepted" and rnd.random() < 0.97:
            late = rnd.random() < 0.08
            done = at + timedelta(days=rnd.randrange(days, days + 10) if late else rnd.randrange(0, days))
            rows[-1]["finished_at"] = done  # the cases service stamps the first 办结 the same way
            events.append({"id": str(uuid.uuid4()), "case_id": cid, "seq": 2, "action": "approve",
                           "to_status": "decided", "at": done, "data": {}})
        if rnd.random() < 0.1:
            commitments.append({"id": str(uuid.uuid4()), "case_id": cid, "material_code": "M1",
                                "proof_name": "证明", "template_version": "1", "signer_name": "测试"})
    return rows, events, commitments


def _ratings(rnd: random.Random, n: int, ops: list[str], year: int) -> Any:
    for _ in range(n):
        at = _moment(rnd, year)
        yield {"id": str(uuid.uuid4()), "ticket_id": None, "channel": "screen", "operator_id": rnd.choice(ops),
               "level": rnd.choices([5, 4, 3, 2, 1], [70, 20, 6, 3, 1])[0], "indicators": [], "comment": "",
               "is_default": False, "requested_at": at, "rated_at": at, "service_number": 1}
