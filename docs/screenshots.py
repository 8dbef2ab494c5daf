"""Regenerate the screenshots in docs/screenshots/ (`make screenshots`): three runs of `newsfacts run` over the
sample inbox in a temporary warehouse, then headless Chromium, offline, photographs the run report, a document page,
the index of runs and the GX Data Docs.

Run 1 loads the five sample files; run 2 finds nothing new; run 3 adds a syndicated copy of the AP story under
another outlet's page furniture and a short item that names no outlet, so the report shows a copy, a failed
warning and the trends across runs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from newsfacts.config import PROJECT_ROOT, SAMPLE_INBOX, Settings
from newsfacts.warehouse.db import open_ro

OUT = PROJECT_ROOT / "docs" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"]

UNSIGNED = """\
Rail link talks

Officials in Vladivostok said on Wednesday that a freight rail link across the Tumen River would be discussed
during the visit, though no agreement was announced and no timetable was given for any work on the bridge.

The crossing at Khasan is the only rail connection between the two countries. Traffic on it stopped during the
pandemic and has resumed only in part, according to regional transport officials who spoke to reporters.

Local traders said they hoped the talks would bring back the seasonal markets that drew buyers from both sides
of the border before 2020, when the crossing was closed to passengers.
"""


def main() -> int:
    binary = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(binary).exists():
        print("screenshots: headless Chromium is needed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newsfacts-screenshots-") as tmp:
        home = Path(tmp)
        inbox = home / "inbox"
        shutil.copytree(SAMPLE_INBOX, inbox)
        settings = Settings(inbox=inbox, warehouse=home / "warehouse" / "newsfacts.duckdb")
        run(settings)
        run(settings)  # nothing new: folded in the index, skipped by `newsfacts report`
        ap = next(SAMPLE_INBOX.glob("001_*.txt")).read_text(encoding="utf-8")
        (inbox / "005_syndicated_copy.txt").write_text("Korea Wire Daily\nWorld | Asia\n\n" + ap, encoding="utf-8")
        (inbox / "006_unsigned_item.txt").write_text(UNSIGNED, encoding="utf-8")
        run_id = run(settings)
        report = settings.runs_dir / run_id / "report.html"
        OUT.mkdir(parents=True, exist_ok=True)
        shoot(binary, home, report, OUT / "report.png", 1200, 3900)
        shoot(binary, home, settings.reports_dir / "index.html", OUT / "index.png", 1200, 1100)
        shoot(binary, home, report.parent / "data_docs" / "index.html", OUT / "data_docs.png", 1300, 1000)
        shoot(binary, home, _copy_page(settings, run_id), OUT / "document.png", 1200, 2000)
    print(f"screenshots: wrote {', '.join(sorted(p.name for p in OUT.glob('*.png')))} to {OUT}")
    return 0


def run(settings: Settings) -> str:
    """`newsfacts run` as a user runs it; returns the run's id."""
    subprocess.run([sys.executable, "-m", "newsfacts.cli", "run", "--quiet", "--inbox", str(settings.inbox),
                    "--warehouse", str(settings.warehouse)], check=True, capture_output=True, timeout=1800)
    with open_ro(settings.warehouse) as con:
        return con.execute("SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1").fetchone()[0]


def _copy_page(settings: Settings, run_id: str) -> Path:
    """The page of a document this run judged a copy or rewrite: its page shows the aligned sentences."""
    with open_ro(settings.warehouse) as con:
        row = con.execute("SELECT doc_id FROM duplicate_pairs WHERE run_id = ? ORDER BY score DESC LIMIT 1",
                          [run_id]).fetchone() or con.execute("SELECT doc_id FROM duplicate_pairs LIMIT 1").fetchone()
    return settings.reports_dir / "documents" / f"{row[0]}.html"


def shoot(binary: str, home: Path, page: Path, out: Path, width: int, height: int) -> None:
    subprocess.run([binary, *FLAGS, f"--user-data-dir={home / 'chromium-profile'}", f"--window-size={width},{height}",
                    f"--screenshot={out}", page.as_uri()], check=True, capture_output=True, timeout=120)


if __name__ == "__main__":
    sys.exit(main())
