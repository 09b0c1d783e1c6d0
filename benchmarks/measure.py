"""Run ``sphinx-build`` as a child process and measure one scenario of builds.

Each build is its own process, timed with ``time.perf_counter`` around it. Its peak
RSS is the ``VmHWM`` the child reads from ``/proc/self/status`` as it exits: on Linux
``ru_maxrss`` (from ``os.wait4`` or ``getrusage``) survives fork and exec, so a
child would report at least the harness's own peak (hundreds of MB after reading a
20,000-entry file), while ``VmHWM`` belongs to the memory map the exec created.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from projects import edit_one_entry

REPO = Path(__file__).resolve().parent.parent
# Runs sphinx-build's main and reports the process's own peak RSS on stderr.
CHILD = """
import sys
from sphinx.cmd.build import main
code = main(sys.argv[1:])
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
print("VmHWM-kB", peak, file=sys.stderr)
sys.exit(code)
"""
PEAK_LINE = re.compile(r"^VmHWM-kB (\d+)\n", re.MULTILINE)
READING_LINE = re.compile(r"^reading sources\.\.\. \[\s*\d+%\]\s+(\S+)", re.MULTILINE)
LIST_PAGE = "pubs.html"


@dataclass(frozen=True)
class Build:
    seconds: float
    max_rss_mb: float
    stdout: str
    stderr: str

    @property
    def reread(self) -> tuple[str, ...]:
        """Documents Sphinx reported reading (normal verbosity only)."""
        return tuple(READING_LINE.findall(self.stdout))


@dataclass(frozen=True)
class Scenario:
    """The figures of one tool on one data set in one run."""

    clean: float
    clean_rss_mb: float
    parallel_clean: float
    parallel_identical: bool
    no_change: float
    touch_other: float
    edit_one: float
    edit_reread: tuple[str, ...]


class BuildError(RuntimeError):
    pass


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    # The checkout's package wins over any installed copy.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env


def sphinx_build(src: Path, out: Path, *, quiet: bool = True, jobs: int = 1) -> Build:
    """One ``sphinx-build -b html`` into ``out``; raises if it fails."""
    command = [sys.executable, "-c", CHILD, "-b", "html", str(src), str(out)]
    if quiet:
        command.insert(3, "-q")
    if jobs > 1:
        command[3:3] = ["-j", str(jobs)]
    log_dir = out.parent / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    stdout_path, stderr_path = log_dir / f"{out.name}.out", log_dir / f"{out.name}.err"
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=child_env())
        child.wait()
        seconds = time.perf_counter() - start
    stderr_text = stderr_path.read_text(encoding="utf-8", errors="replace")
    peak = PEAK_LINE.search(stderr_text)
    build = Build(
        seconds=seconds,
        max_rss_mb=int(peak.group(1)) / 1024 if peak else float("nan"),
        stdout=stdout_path.read_text(encoding="utf-8", errors="replace"),
        stderr=PEAK_LINE.sub("", stderr_text),
    )
    if child.returncode != 0:
        raise BuildError(f"{' '.join(command)} exited {child.returncode}:\n{build.stderr[-3000:]}")
    return build


def fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    return path


def bump_mtime(path: Path) -> None:
    """Touch ``path``: now is later than the previous build's read time."""
    os.utime(path, None)


def run_scenario(tool: str, src: Path, work: Path) -> Scenario:
    """Clean, ``-j 2`` clean, no-change, touch-other and edit-one builds of ``src``."""
    out, parallel_out = fresh(work / "out"), fresh(work / "out-j2")
    clean = sphinx_build(src, out)
    parallel = sphinx_build(src, parallel_out, jobs=2)
    identical = (out / LIST_PAGE).read_bytes() == (parallel_out / LIST_PAGE).read_bytes()
    no_change = sphinx_build(src, out)
    bump_mtime(src / "other.rst")
    touch_other = sphinx_build(src, out)
    edit_one_entry(tool, src)
    edit = sphinx_build(src, out, quiet=False)
    return Scenario(
        clean=clean.seconds,
        clean_rss_mb=clean.max_rss_mb,
        parallel_clean=parallel.seconds,
        parallel_identical=identical,
        no_change=no_change.seconds,
        touch_other=touch_other.seconds,
        edit_one=edit.seconds,
        edit_reread=edit.reread,
    )


def empty_no_change(src: Path, work: Path) -> float:
    """No-change rebuild time of the empty reference project."""
    out = fresh(work / "out")
    sphinx_build(src, out)
    return sphinx_build(src, out).seconds


@contextmanager
def revision_checkout(revision: str, path: Path) -> Iterator[Path]:
    """A temporary git worktree of ``revision`` at ``path``, for its package; removed after."""
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(path), revision],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    try:
        yield path
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=REPO, check=False)
