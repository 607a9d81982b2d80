"""Regenerate migration 0001 from the models — only until the first release ships (then add revisions)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from app.db.migrate import MIGRATIONS_DIR, alembic_config


def main() -> None:
    target = MIGRATIONS_DIR / "versions" / "0001_initial_schema.py"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as d:
        engine = create_engine(f"sqlite:///{Path(d) / 'empty.db'}")
        with engine.connect() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.revision(cfg, message="initial schema", autogenerate=True, rev_id="0001")
    text = target.read_text(encoding="utf-8")
    text = re.sub(r"Create Date: .*", "Create Date: first release", text)
    text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
