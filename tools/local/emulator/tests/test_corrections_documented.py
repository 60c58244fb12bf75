"""Every correction has its upstream patch and its README row, so none can land without them."""

import re
import shutil
import subprocess
from pathlib import Path

import moto
import pytest

from workshop_emulator import CORRECTIONS

ROOT = Path(__file__).resolve().parent.parent
PATCHES = ROOT / "patches"
README = (ROOT / "README.md").read_text(encoding="utf-8")
MODULES = sorted(path.stem for path in (ROOT / "workshop_emulator" / "corrections").glob("*.py") if not path.stem.startswith("_"))


def test_every_correction_module_is_applied():
    assert sorted(CORRECTIONS) == MODULES, "add the module to CORRECTIONS (corrections/__init__.py) or delete it"


def test_every_patch_and_readme_row_belongs_to_a_correction():
    assert sorted(path.stem for path in PATCHES.glob("*.patch")) == sorted(CORRECTIONS), "patches/<correction>.patch, one per correction"
    rows = re.findall(r"^\| `([a-z0-9_]+)` \|", README, flags=re.MULTILINE)
    assert rows == list(CORRECTIONS), "README.md has one table row per correction, in the order of CORRECTIONS"


@pytest.mark.parametrize("name", CORRECTIONS)
def test_correction_has_a_described_patch_and_an_upstream_status(name):
    lines = (PATCHES / f"{name}.patch").read_text(encoding="utf-8").splitlines()
    assert len(lines[0]) > 40 and not lines[0].startswith(("---", "diff")), "line 1: what moto lacks and what the patch changes"
    assert lines[1].startswith(f"Against moto {moto.__version__} (getmoto/moto)"), (
        f"line 2 names the pinned moto ({moto.__version__}): write the patch against it again when the pin moves"
    )
    assert any(line.startswith("+++ b/moto/") for line in lines), "a unified diff of moto's own files"
    row = next(line for line in README.splitlines() if line.startswith(f"| `{name}` |"))
    cells = [cell.strip() for cell in row.strip("|").split(" | ")]
    assert cells[2] == f"`patches/{name}.patch`"
    assert re.search(r"present in \d+\.\d+\.\d+|fixed upstream in \d+\.\d+\.\d+", cells[3]), "say whether moto still has the gap"


@pytest.mark.parametrize("name", CORRECTIONS)
def test_patch_applies_to_the_installed_moto(name):
    if shutil.which("patch") is None:
        pytest.skip("no patch program on this machine")
    site = Path(moto.__file__).resolve().parent.parent
    result = subprocess.run(
        ["patch", "--dry-run", "--batch", "-p1", "-d", str(site), "-i", str(PATCHES / f"{name}.patch")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
