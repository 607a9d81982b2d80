"""All tables; importing this package registers them on Base.metadata."""

from app.db.base import Base
from app.db.models.cases import (
    Applicant,
    Case,
    CaseEvent,
    CaseMaterial,
    Commitment,
    Delivery,
    Document,
    IntakeDraft,
    PrintJob,
)
from app.db.models.catalogue import (
    BundleItemRow,
    BundleRow,
    CatalogueVersion,
    MaterialRow,
    ServiceItemRow,
    SituationRow,
)
from app.db.models.evaluation import BadReviewTicket, Evaluation
from app.db.models.queue import QueueCategory, QueueEvent, QueueTicket, QueueWindow
from app.db.models.station import (
    AuditLog,
    Counter,
    HolidayOverride,
    HolidayYear,
    Operator,
    Setting,
    Station,
)
from app.db.models.stats import StatsDay
from app.db.models.sync import Outbox, SyncState

__all__ = [
    "Base", "Applicant", "Case", "CaseEvent", "CaseMaterial", "Commitment", "Delivery", "Document",
    "IntakeDraft", "PrintJob", "BundleItemRow", "BundleRow", "CatalogueVersion", "MaterialRow",
    "ServiceItemRow", "SituationRow", "QueueCategory", "QueueEvent", "QueueTicket", "QueueWindow", "AuditLog",
    "Counter",
    "HolidayOverride", "HolidayYear", "Operator", "Setting", "Station", "Outbox", "SyncState",
    "BadReviewTicket", "Evaluation", "StatsDay",
]
