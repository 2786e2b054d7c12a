"""Read pytest's ``--durations`` report on stdin and print the ids of the tests that took 10 s or more.

``make slow-list`` pipes a whole-suite run through this into ``tests/slow_tests.txt``, which ``tests/conftest.py``
reads to mark those tests ``slow`` (``make test-fast`` leaves them out). A test's setup and call are added up.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict

LIMIT_S = 10.0
_LINE = re.compile(r"^\s*([\d.]+)s (setup|call|teardown)\s+(\S+)")


def main() -> None:
    seconds: dict[str, float] = defaultdict(float)
    for line in sys.stdin:
        match = _LINE.match(line)
        if match:
            seconds[match.group(3)] += float(match.group(1))
    slow = sorted(test for test, s in seconds.items() if s >= LIMIT_S)
    print(f"# Tests that took {LIMIT_S:.0f} s or more on the 2-core machine (make slow-list); marked slow by tests/conftest.py.")
    for test in slow:
        print(test)


if __name__ == "__main__":
    main()
