"""A load killed (SIGKILL) while it copies the version it keeps: a helper for the tests of
leftovers (test_versions, test_gdpr), no tests here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# shutil.copyfile is what every copy of a file ends in (shutil.copy2 too): the process kills
# itself once the first file has been copied into a `.v<N>.tmp` folder.
KILL_IN_VERSION_COPY = """
import os, shutil, signal, sys
from etl.__main__ import main
real = shutil.copyfile
def copyfile(src, dst, **kw):
    real(src, dst, **kw)
    if ".tmp" in str(dst):
        os.kill(os.getpid(), signal.SIGKILL)
shutil.copyfile = copyfile
sys.exit(main(sys.argv[1:]))
"""


def killed_in_version_copy(source: Path, db: Path) -> int:
    """`python -m etl load source --db db`, killed during the copy of its version: its exit code."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", KILL_IN_VERSION_COPY, "load", str(source), "--db", str(db)]
    return subprocess.run(cmd, capture_output=True, cwd=ROOT, env=env, timeout=300).returncode
