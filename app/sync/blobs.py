"""Content-addressed attachments (R11): the local blob folder and uploading what an op references."""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from app.sync.protocol import Op

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class BlobClient(Protocol):
    """The two blob calls of the gateway client (HEAD and PUT /api/v1/blobs/{sha256})."""

    def has_blob(self, sha256: str) -> bool:
        """Whether the gateway stores the blob."""
        ...

    def put_blob(self, sha256: str, data: bytes) -> None:
        """Upload the blob (idempotent)."""
        ...


class BlobStore:
    """Write-once files named by their sha256 under the profile's `documents/blobs/` folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str) -> Path:
        """Where a blob lives (two-level fan-out keeps folders small)."""
        if not _SHA256.match(sha256):
            raise ValueError("blob address must be 64 lowercase hex digits")
        return self.root / sha256[:2] / sha256

    def put(self, data: bytes) -> str:
        """Store bytes and return their sha256; storing the same bytes again changes nothing."""
        sha256 = hashlib.sha256(data).hexdigest()
        target = self.path(sha256)
        if target.exists():
            return sha256
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write aside and rename: a crash never leaves a half file under a valid name.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha256

    def get(self, sha256: str) -> bytes | None:
        """The bytes of a blob, or None when it is absent or its content no longer matches its name."""
        try:
            data = self.path(sha256).read_bytes()
        except (OSError, ValueError):
            return None
        return data if hashlib.sha256(data).hexdigest() == sha256 else None

    def has(self, sha256: str) -> bool:
        """Whether the blob is stored locally."""
        try:
            return self.path(sha256).exists()
        except ValueError:
            return False


def referenced_blobs(ops: Iterable[Op]) -> list[str]:
    """The distinct blob addresses a batch references, in first-seen order."""
    seen: dict[str, None] = {}
    for op in ops:
        blobs = op.payload.get("blobs", [])
        if isinstance(blobs, list):
            seen.update((b, None) for b in blobs if isinstance(b, str))
    return list(seen)


def upload_missing(client: BlobClient, store: BlobStore, ops: Iterable[Op], known: set[str]) -> int:
    """Upload every blob the ops reference that the gateway lacks, before the ops themselves (R11).

    `known` holds addresses the gateway confirmed in this session (skips a HEAD per op on a long
    backlog); a `missing_blob` answer removes the address so the next attempt checks again.
    A blob missing locally is skipped: the gateway answers `missing_blob` and the op waits with its
    reason shown. Transport errors propagate, so the batch is released and retried whole.
    """
    uploaded = 0
    for sha256 in referenced_blobs(ops):
        if sha256 in known:
            continue
        if not client.has_blob(sha256):
            data = store.get(sha256)
            if data is None:
                continue
            client.put_blob(sha256, data)
            uploaded += 1
        known.add(sha256)
    return uploaded
