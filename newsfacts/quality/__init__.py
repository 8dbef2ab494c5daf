"""Data quality: expectation suites (GX on the batch's rows, SQL business rules) and their results."""

from newsfacts.quality.audit import audit_batch, audit_models
from newsfacts.quality.results import NOT_CHECKED, Audit, DqResult

__all__ = ["NOT_CHECKED", "Audit", "DqResult", "audit_batch", "audit_models"]

