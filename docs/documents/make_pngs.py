"""Regenerate the PNG renderings in this folder: python docs/documents/make_pngs.py (needs poppler-utils)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from app.print.render import get_template, render_document
from app.print.samples import sample_context, sample_ids

HERE = Path(__file__).resolve().parent


def main() -> None:
    """Render every sample document in every allowed profile at 100 dpi."""
    for old in HERE.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        for template_id in sample_ids():
            for profile in get_template(template_id).profiles:
                doc = render_document(template_id, sample_context(template_id), profile=profile)
                pdf = Path(tmp) / f"{template_id}_{profile}.pdf"
                pdf.write_bytes(doc.pdf)
                subprocess.run(
                    ["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(HERE / f"{template_id}_{profile}")],
                    check=True,
                )
        ctx = sample_context("receipt")
        ctx["reprinted_at"] = "2026-03-06T10:05:00+08:00"
        pdf = Path(tmp) / "reprint.pdf"
        pdf.write_bytes(render_document("receipt", ctx, profile="roll80", reprint=True).pdf)
        subprocess.run(
            ["pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(HERE / "receipt_roll80_reprint")], check=True
        )


if __name__ == "__main__":
    main()
