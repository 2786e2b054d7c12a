"""Every input file in the bad-file table (tests/ingest/files.py): the exact error, or what is read and what is said."""

import pytest

from consultnlp import schema
from consultnlp.errors import InputError
from consultnlp.ingest import ingest
from tests.ingest.files import CASES


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_ingest_bad_file(tmp_path, case):
    path = case.build(tmp_path)
    if case.error:
        with pytest.raises(InputError) as err:
            ingest(path, **case.options)
        assert str(err.value) == case.error
        return
    frame, info = ingest(path, **case.options)
    assert len(frame) == case.rows
    assert info.warnings == case.warnings
    assert case.contains in frame[schema.TEXT].iloc[0]
