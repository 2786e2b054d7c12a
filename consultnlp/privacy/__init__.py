"""Personal-data (PII) detection and redaction for es/pt/en consultation comments.

Regular expressions, ``python-stdnum`` and hand-written check digits for Latin American IDs,
rule-based detectors for e-mails, phones, IDs, accounts, plates, addresses and names, and
``redact_text`` which replaces each finding with ``[KIND]``. Fake-data generators for tests
and benchmarks are not part of the package: ``tests/privacy/fakes.py``, ``planted.py``, ``leaked.py``.
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
