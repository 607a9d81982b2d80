"""Realistic demo contexts for every document template (tests, docs/documents and the app's preview)."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from typing import Any

from app.print.templates import TEMPLATES_DIR

DEMO_SEAL = str(TEMPLATES_DIR / "demo_seal.png")

# 2026-03-05 09:30 in Asia/Shanghai, stored as UTC like every timestamp in the app.
_ACCEPTED = datetime(2026, 3, 5, 1, 30, tzinfo=UTC)

_STATION = {
    "name": "广安区政务服务中心",
    "agency_name": "广安市广安区行政审批局",
    "address": "广安区金安大道一段 88 号政务服务中心一楼",
    "consult_phone": "0826-2345678",
    "supervise_phone": "0826-12345",
    "timezone": "Asia/Shanghai",
    "seal_image": DEMO_SEAL,
    "review_agency": "广安市广安区人民政府",
    "court": "广安市广安区人民法院",
}

_BASE: dict[str, Any] = {
    "doc_no": "广安审受〔2026〕12号",
    "station": _STATION,
    "window_no": "3",
    "operator": {"name": "张敏", "work_no": "A012", "phone": "0826-2345601"},
    "case": {"number": "GA0120260305012", "query_password": "234765", "project_type": "承诺件"},
    "applicant": {
        "name": "李秀英",
        "id_number": "511602198503120024",
        "phone": "13812345678",
        "address": "广安区北辰街道幸福路 12 号",
    },
    "item": {
        "name": "个体工商户设立登记",
        "code": "511A0138000000-511602000000-000-115113010833722043-1-00",
        "legal_days": "15 个工作日",
        "promise_days": "3 个工作日",
        "dept": "广安区市场监督管理局",
    },
    "received_at": _ACCEPTED,
    "accepted_at": _ACCEPTED,
    "printed_at": _ACCEPTED,
    "due_date": date(2026, 3, 10),
    "delivery_method": "窗口领取（综合出件窗口 8 号）",
}

_MATERIALS = [
    {"name": "个体工商户登记（备案）申请书", "original": 1, "copies": 0, "form": "纸质", "status": "已收"},
    {"name": "经营者身份证明", "original": 0, "copies": 1, "form": "电子证照", "status": "已收（电子证照）"},
    {"name": "经营场所使用证明", "original": 0, "copies": 0, "form": "—", "status": "告知承诺替代"},
    {"name": "委托代理人身份证明及授权委托书", "original": 1, "copies": 1, "form": "纸质", "status": "容缺后补"},
]

_MISSING = [
    {
        "name": "经营场所使用证明",
        "requirement": "房屋产权证明复印件或租赁合同原件，须有出租方签字或盖章；租赁期限不少于一年",
        "copies": "原件 1 份",
    },
    {"name": "经营者近期免冠照片", "requirement": "二寸白底彩色照片，近六个月内拍摄", "copies": "2 张"},
]

_EXTRA: dict[str, dict[str, Any]] = {
    "receipt": {"materials": _MATERIALS},
    "supplement_notice": {
        "materials": _MISSING,
        "supplement_due": date(2026, 3, 20),
    },
    "rejection_notice": {
        "rejection": {
            "reason": "申请事项依法不属于本机关职权范围（食品生产许可由市级市场监督管理部门实施）。",
            "legal_basis": "《中华人民共和国行政许可法》第三十二条第一款第（二）项",
            "competent_agency": "广安市市场监督管理局（广安市政务服务中心二楼 12 号窗口）",
        },
        "item": {**_BASE["item"], "name": "食品生产许可"},
    },
    "commitment_letter": {
        "commitment": {
            "proof_name": "经营场所使用证明",
            "proof_content": "申请人对所填报的经营场所依法享有使用权，场所用途符合规划和安全要求。",
            "legal_basis": "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》"
            "（国办发〔2020〕42号）；《促进个体工商户发展条例》",
            "verify_method": "审批机关将在作出决定后 30 日内通过数据共享或现场核查的方式核查承诺内容。",
        },
        "copies": "本承诺书一式两份，申请人和审批机关各执一份。",
    },
    "deficiency_notice": {
        "deficiency": {
            "materials": [
                {
                    "name": "委托代理人身份证明及授权委托书",
                    "how": "由申请人本人签字后交至 3 号窗口或邮寄",
                    "requirement": "授权委托书原件 1 份，代理人身份证复印件 1 份",
                },
            ],
            "due_date": date(2026, 3, 9),
        },
    },
    "delivery_receipt": {
        "delivery": {
            "result_name": "营业执照（正本、副本）",
            "cert_no": "92511602MA6X7Q8K2R",
            "count": "正本 1 份、副本 1 份",
            "method": "窗口领取",
            "delivered_at": datetime(2026, 3, 9, 7, 15, tzinfo=UTC),
        },
        "agent": {
            "name": "王𠇔",
            "id_number": "511602197908231510",
            "phone": "13987654321",
            "relation": "受申请人委托",
        },
        "printed_at": datetime(2026, 3, 9, 7, 15, tzinfo=UTC),
    },
    "queue_ticket": {
        "ticket": {
            "number": "A023",
            "category": "综合受理",
            "waiting_ahead": 5,
            "taken_at": datetime(2026, 3, 5, 1, 12, tzinfo=UTC),
            "window_hint": "请留意叫号，到 3、4 号窗口办理",
            "qr_url": "https://zwfw.example.gov.cn/q?t=A023&d=20260305&s=GA01",
        },
    },
    "daily_summary": {
        "summary": {
            "date": date(2026, 3, 5),
            "queue": [
                {
                    "category": "综合受理",
                    "issued": 86,
                    "served": 79,
                    "no_show": 5,
                    "avg_wait": "12.4",
                    "avg_service": "9.8",
                },
                {"category": "出件", "issued": 31, "served": 31, "no_show": 0, "avg_wait": "3.1", "avg_service": "2.6"},
                {"category": "咨询", "issued": 24, "served": 22, "no_show": 2, "avg_wait": "6.0", "avg_service": "4.3"},
            ],
            "cases": [
                {"kind": "受理", "count": 58},
                {"kind": "容缺受理", "count": 4},
                {"kind": "一次性告知（补正）", "count": 9},
                {"kind": "不予受理", "count": 2},
                {"kind": "出件", "count": 31},
            ],
            "windows": [
                {"window_no": "3", "operator": "张敏", "served": 41, "cases": 30, "bad_reviews": 0},
                {"window_no": "4", "operator": "刘洋", "served": 38, "cases": 32, "bad_reviews": 1},
                {"window_no": "8", "operator": "陈静", "served": 31, "cases": 0, "bad_reviews": 0},
            ],
            "evaluations": [
                {"grade": "非常满意", "count": 92},
                {"grade": "满意", "count": 17},
                {"grade": "基本满意", "count": 3},
                {"grade": "不满意", "count": 1},
                {"grade": "非常不满意", "count": 0},
            ],
            "bad_reviews_open": 1,
        },
        "printed_at": datetime(2026, 3, 5, 10, 0, tzinfo=UTC),
    },
}

_VARIANTS: dict[tuple[str, str], dict[str, Any]] = {
    # A 一次性告知书 from a consultation: no case, no applicant ID; only a name and the item.
    ("supplement_notice", "consultation"): {
        "case": None,
        "consultation": {"number": "ZX20260305007"},
        "applicant": {"name": "赵先生", "phone": "13700001111"},
    },
}


def sample_context(template_id: str, *, variant: str | None = None) -> dict[str, Any]:
    """A fresh, realistic context for `template_id` (deep copy: callers may modify it)."""
    if template_id not in _EXTRA:
        raise KeyError(template_id)
    ctx = copy.deepcopy({**_BASE, **_EXTRA[template_id]})
    if variant is not None:
        ctx.update(copy.deepcopy(_VARIANTS[(template_id, variant)]))
        ctx = {k: v for k, v in ctx.items() if v is not None}
    return ctx


def sample_ids() -> list[str]:
    """Template ids that have a sample context."""
    return sorted(_EXTRA)
