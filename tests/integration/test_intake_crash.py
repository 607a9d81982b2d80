"""The application is killed (SIGKILL) in the middle of an intake; on reopening, the draft is there."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import T0

CHILD = textwrap.dedent(
    """
    import sys, time
    from datetime import datetime
    from pathlib import Path
    from app.services.clock import FixedClock
    from app.services.context import open_context
    from app.services.demo import fill_demo

    ctx = open_context(Path(sys.argv[1]), demo=True, clock=FixedClock(datetime.fromisoformat(sys.argv[2])),
                       fast_hash=True)
    fill_demo(ctx)
    op = ctx.auth.login("clerk", "yichuang2026")
    state = {"applicant": {"kind": "person", "name": "李秀英", "cert_no": "11010519491231002X",
                           "phone": "13812345678", "address": "", "legal_rep": ""},
             "items": [{"code": "JZZ01", "situations": ["ZF"],
                        "materials": {"SQB": {"state": "received", "originals": 1, "copies": 0}}}]}
    ctx.intake.save_draft(op.id, "materials", state)
    print("draft saved", flush=True)
    time.sleep(600)  # still typing when the power goes
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_draft_survives_sigkill(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(profile), T0.isoformat()], cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(root)))
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.strip() == "draft saved", proc.stderr.read() if proc.stderr else line
    proc.send_signal(signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL

    from app.services.clock import FixedClock
    from app.services.context import open_context

    ctx = open_context(profile, demo=True, clock=FixedClock(T0), fast_hash=True)
    try:
        op = ctx.auth.login("clerk", "yichuang2026")
        draft = ctx.intake.latest_draft(op.id)
        assert draft is not None and draft.step == "materials"
        assert draft.data["applicant"]["cert_no"] == "11010519491231002X"
        assert draft.data["items"][0]["materials"]["SQB"]["state"] == "received"
    finally:
        ctx.close()
