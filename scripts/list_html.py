"""Snapshot every rendered publication list, to compare two revisions of the extension.

Usage: python scripts/list_html.py OUTDIR [--builder html] [--rev REV]
Builds example_project/, docs/ and each tests/roots/test-*/ project (with the checkout as
it is, or with REV's package in a temporary worktree) and writes, per page, the
``.publist`` subtrees and details pages' ``.publist-details`` sections, pretty-printed,
under OUTDIR. Compare two snapshots with ``diff -r``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
SELECTORS = (".publist", ".publist-details")


def projects(root: Path) -> list[Path]:
    """The projects that use the extension: the example, the docs and the test roots."""
    roots = sorted((root / "tests" / "roots").glob("test-*"))
    return [root / "example_project", root / "docs", *roots]


def build(project: Path, outdir: Path, builder: str, package_root: Path) -> None:
    """Build ``project`` with the package found at ``package_root``; warnings do not stop it."""
    outdir.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(package_root), SOURCE_DATE_EPOCH="1767225600")
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", builder, str(project), str(outdir)]
    # Not from the checkout: "python -m" puts the working directory first on sys.path.
    subprocess.run(command, env=env, check=False, stderr=subprocess.DEVNULL, cwd=outdir.parent)


def snapshot(site: Path, target: Path) -> None:
    """Write the lists and details sections of every page of ``site``."""
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        parts = [node.prettify() for selector in SELECTORS for node in soup.select(selector)]
        if parts:
            out = target / page.relative_to(site).with_suffix(".txt")
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text("\n".join(parts), encoding="utf-8")


def main() -> None:
    """Build and snapshot."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--builder", default="html")
    parser.add_argument("--rev", help="a git revision whose package to use")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        package_root = ROOT
        if args.rev:
            package_root = Path(scratch) / "rev"
            subprocess.run(
                ["git", "worktree", "add", "--detach", str(package_root), args.rev],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
        try:
            for project in projects(ROOT):
                site = Path(scratch) / "site" / project.name
                build(project, site, args.builder, package_root)
                snapshot(site, args.outdir / project.name)
        finally:
            if args.rev:
                subprocess.run(
                    ["git", "worktree", "remove", "--force", str(package_root)],
                    cwd=ROOT,
                    check=False,
                )
                shutil.rmtree(package_root, ignore_errors=True)


if __name__ == "__main__":
    main()
