"""Where the development corpus lies (``../shared/devcorpus``, beside the checkout), and the mark for tests that need it."""

from __future__ import annotations

import pytest

from kit import config

DEVCORPUS = config.ROOT.parent / "shared" / "devcorpus"
needs_devcorpus = pytest.mark.skipif(
    not (DEVCORPUS / config.MANIFEST_NAME).is_file(),
    reason=f"the development corpus is not beside the checkout ({DEVCORPUS}); CI has it at ../shared/devcorpus",
)

DEVCORPUS2 = config.ROOT.parent / "shared" / "devcorpus2"
needs_devcorpus2 = pytest.mark.skipif(
    not (DEVCORPUS2 / config.MANIFEST_NAME).is_file(),
    reason=f"the second development corpus is not beside the checkout ({DEVCORPUS2})",
)
