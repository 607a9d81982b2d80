"""Synthetic catalogues of N plausible, distinct items for benchmarks (item search, catalogue import)."""

from __future__ import annotations

import random
from datetime import date
from itertools import product

from app.domain.catalogue_fields import uscc_check_char
from app.domain.catalogue_model import (
    AcceptMode,
    Bundle,
    Catalogue,
    DeliveryMode,
    Material,
    MaterialFormat,
    MaterialSource,
    Necessity,
    ProjectType,
    ServiceItem,
)
from app.domain.units import TimeLimit

_DEPARTMENTS = (
    "区农业农村局", "区住房和城乡建设局", "区公安分局", "区人力资源和社会保障局", "区民政局", "区卫生健康局",
    "区市场监督管理局", "区医疗保障局", "区自然资源局", "区交通运输局", "区生态环境局", "区文化广电旅游局",
    "区教育局", "区水务局", "区林业局", "区退役军人事务局",
)
_QUALIFIERS = ("", "农村", "城镇", "个人", "企业", "个体", "集体", "乡村", "社区", "临时", "跨区", "季节性", "小型")
_OBJECTS = (
    "道路运输经营", "建筑施工", "取水", "排污", "烟花爆竹零售", "种子生产经营", "兽药经营", "动物诊疗",
    "渔业捕捞", "农药经营", "肥料登记", "生猪定点屠宰", "娱乐场所经营", "网吧经营", "出版物零售", "校外培训机构",
    "民办幼儿园", "养老机构", "医疗机构执业", "母婴保健技术服务", "放射诊疗", "护士执业注册", "医师执业注册",
    "危险化学品经营", "特种设备使用", "计量器具", "广告发布", "户外广告设置", "城市道路占用", "临时建筑",
    "房屋租赁", "物业服务", "燃气经营", "供水工程", "河道采砂", "水土保持方案", "林草种子", "野生动物驯养",
    "旅行社设立", "文物修缮",
)
_VERBS = (
    "许可", "登记", "备案", "变更登记", "注销登记", "延续", "补证", "审批", "核准", "年度报告", "资格认定",
    "补贴申请", "证书核发", "信息变更", "证明开具", "年检", "换证", "撤回申请", "验收", "复核",
)
_TYPES = ("许可", "确认", "给付", "公共服务", "其他行政权力")
_MATERIAL_NAMES = (
    "申请表", "居民身份证", "居民户口簿", "营业执照", "法定代表人身份证明", "授权委托书", "场地使用证明",
    "场所平面图", "设施设备清单", "管理制度文本", "从业人员名单", "从业人员资格证书", "健康证明", "安全评估报告",
    "环境影响登记表", "消防安全承诺书", "验资证明", "章程", "原证书", "变更事项说明", "财务审计报告",
    "技术人员职称证书", "设计图纸", "施工合同", "竣工验收报告", "检测报告", "现场照片", "银行账户信息",
    "情况说明", "承诺书",
)


def _uscc(n: int) -> str:
    """A valid-looking 机关 USCC for synthetic department n (org-code check not needed for benchmarks)."""
    first = f"11511602{n:08d}0"
    return first + uscc_check_char(first)


def _names(n: int, rng: random.Random) -> list[str]:
    """N distinct names; beyond the combinations a numbered suffix keeps them distinct."""
    combos = [q + o + v for q, o, v in product(_QUALIFIERS, _OBJECTS, _VERBS)]
    rng.shuffle(combos)
    out = combos[:n]
    k = 0
    while len(out) < n:
        out.append(f"{combos[k % len(combos)]}（{k // len(combos) + 2}类）")
        k += 1
    return out


def _materials(rng: random.Random, code: str) -> tuple[Material, ...]:
    names = rng.sample(_MATERIAL_NAMES, rng.randint(3, 12))
    out = []
    for k, name in enumerate(names, start=1):
        replaceable = name in ("场地使用证明", "健康证明", "检测报告")
        out.append(Material(
            code=f"{code}-M{k:02d}", name=name,
            necessity=Necessity.OPTIONAL if k > 6 and k % 3 == 0 else Necessity.REQUIRED,
            originals=1, copies=k % 2,
            accept_mode=AcceptMode.VERIFY_ORIGINAL_KEEP_COPY if k % 2 else AcceptMode.ORIGINAL,
            format=MaterialFormat.PAPER, source=MaterialSource.APPLICANT,
            commitment_replaceable=replaceable, proof_replaced=name if replaceable else None,
            elicense_exempt=name == "居民身份证", elicense_type="居民身份证" if name == "居民身份证" else None,
        ))
    return tuple(out)


def _item(k: int, name: str, rng: random.Random) -> ServiceItem:
    code = f"G{k:06d}"
    dept = k % len(_DEPARTMENTS)
    dept_code = _uscc(dept + 1)
    immediate = rng.random() < 0.3
    legal = rng.choice((5, 10, 15, 20, 30))
    promise = 0 if immediate else rng.randint(1, legal)
    catalog = f"511G{k:06d}0000"
    return ServiceItem(
        code=code, task_code=f"{catalog}-511602000000-000-{dept_code}-1-00", catalog_code=catalog,
        name=name, short_name=name[:8], keywords=(name[:2], name[-2:]), department=_DEPARTMENTS[dept],
        dept_code=dept_code, task_type=_TYPES[k % len(_TYPES)],
        project_type=ProjectType.IMMEDIATE if immediate else ProjectType.PROMISE,
        legal_limit=TimeLimit(legal), promise_limit=TimeLimit(promise), fee_fen=0, fee_note="不收费",
        legal_basis="相关法律法规（合成数据）", conditions="符合相关规定（合成数据）", handle_place="区政务服务中心",
        consult_phone=f"0826-23{k % 100000:05d}", supervise_phone="12345", result_name=name + "结果",
        delivery_modes=(DeliveryMode.WINDOW,), situations=(), materials=_materials(rng, code), form_id=None,
        commitment_allowed=True, rongque_allowed=False, limit_scene_num=1,
    )


def generate_catalogue(n: int, seed: int = 0) -> Catalogue:
    """A valid catalogue of `n` distinct items (codes G000001…), deterministic for a given seed."""
    rng = random.Random(seed)
    items = tuple(_item(k, name, rng) for k, name in enumerate(_names(n, rng), start=1))
    bundles = tuple(
        Bundle(code=f"BD-G{j:03d}", name=f"合成一件事{j}", item_codes=tuple(i.code for i in items[j * 3:j * 3 + 3]))
        for j in range(min(n // 3, 10))
    )
    return Catalogue(version=f"synthetic-{n}-{seed}", published=date(2026, 11, 1), items=items, bundles=bundles)
