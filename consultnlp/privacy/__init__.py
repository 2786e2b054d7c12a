"""Personal-data (PII) detection and redaction for es/pt/en consultation comments.

Pure Python (stdlib ``re``): check-digit validators for Latin American IDs,
rule-based detectors for e-mails, phones, IDs, addresses and names, and
``redact_text`` which replaces each finding with ``[KIND]``. Fake-data
generators for tests and benchmarks live in :mod:`consultnlp.privacy.fakes`.
"""

from consultnlp.privacy.detectors import PII_KINDS, PiiMatch, find_pii, redact_text
from consultnlp.privacy.validators import (
    is_valid_cnpj,
    is_valid_cpf,
    is_valid_cuit,
    is_valid_curp,
    is_valid_rfc,
    is_valid_rut,
)

__all__ = [
    "PII_KINDS",
    "PiiMatch",
    "find_pii",
    "is_valid_cnpj",
    "is_valid_cpf",
    "is_valid_cuit",
    "is_valid_curp",
    "is_valid_rfc",
    "is_valid_rut",
    "redact_text",
]
