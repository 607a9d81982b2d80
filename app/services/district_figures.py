"""Hall and district figures from the gateway's figures endpoint, next to this window's own statistics.

Read-only and best effort: a short timeout, and None whenever the gateway cannot be asked or answers
something unusable, so the statistics page simply says the district is unreachable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx

from app.sync.protocol import API_PREFIX
from app.sync.worker import SyncConfig

log = logging.getLogger(__name__)

COUNTERS = ("tickets_issued", "tickets_served", "cases_received", "evaluations", "bad_reviews")
TIMEOUT_S = 3.0


@dataclass(frozen=True)
class FigureCounts:
    """Counts summed over the period, as the gateway counts synced rows."""

    tickets_issued: int = 0
    tickets_served: int = 0
    cases_received: int = 0
    evaluations: int = 0
    bad_reviews: int = 0


@dataclass(frozen=True)
class DistrictFigures:
    """The period's counts for this hall and for everything the credential may see of the district."""

    first_day: date
    last_day: date
    hall: FigureCounts
    district: FigureCounts
    halls: int  # halls that reported in the period (a station credential sees only its own hall)


def _sum(rows: list[dict[str, Any]]) -> FigureCounts:
    return FigureCounts(**{name: sum(int(r.get(name, 0)) for r in rows) for name in COUNTERS})


def parse_figures(body: dict[str, Any], station_code: str, first_day: date, last_day: date) -> DistrictFigures:
    """The gateway's FiguresResponse JSON summed over its days (KeyError/TypeError/ValueError when malformed)."""
    stations = list(body["stations"])
    own = [r for r in stations if r["station_code"] == station_code]
    return DistrictFigures(first_day, last_day, _sum(own), _sum(list(body["district"])),
                           len({r["station_code"] for r in stations}))


class DistrictFiguresService:
    """Asks the gateway for the period's figures with the station's sync settings (URL, credential, TLS)."""

    def __init__(self, config: Callable[[], SyncConfig | None], *, transport: httpx.BaseTransport | None = None,
                 timeout: float = TIMEOUT_S) -> None:
        self._config = config
        self._transport = transport
        self._timeout = timeout

    def fetch(self, first_day: date, last_day: date) -> DistrictFigures | None:
        """The hall's and district's figures for the period; None when not configured or not reachable."""
        try:
            cfg = self._config()
            if cfg is None:
                return None
            return self._fetch(cfg, first_day, last_day)
        except Exception as exc:  # noqa: BLE001 - never raised to the UI: an unreachable district is a normal state
            log.info("district figures unavailable: %s", exc)
            return None

    def _fetch(self, cfg: SyncConfig, first_day: date, last_day: date) -> DistrictFigures | None:
        url = cfg.url.rstrip("/") + API_PREFIX + "/figures"
        params = {"date_from": first_day.isoformat(), "date_to": last_day.isoformat()}
        with httpx.Client(verify=cfg.verify_tls, transport=self._transport, timeout=self._timeout,
                          headers={"Authorization": f"Bearer {cfg.token}"}) as http:
            response = http.get(url, params=params)
        if response.status_code != 200:
            log.info("district figures refused: HTTP %s", response.status_code)
            return None
        return parse_figures(response.json(), cfg.station_code, first_day, last_day)
