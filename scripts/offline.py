"""The offline build: the site as a zip that works opened from file://, with no request to any CDN.

`make offline` runs this script: it builds the site with mkdocs.offline.yml (Material's offline plugin)
into a temporary directory and zips it to dist/handbook-offline.zip with a fixed file order and fixed
timestamps, so the same sources give the same zip.

mkdocs.offline.yml also loads this file as a MkDocs hook: the offline plugin would load the iframe-worker
shim (which lets search run its web worker from file://) from unpkg.com, so the config lists a local
path instead, and the hook below copies the shim there from node_modules (npm package iframe-worker,
pinned in package-lock.json and installed by `npm ci`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.offline.yml"
ZIP = ROOT / "dist" / "handbook-offline.zip"
# The folder the zip unpacks to, so unzipping does not scatter files.
FOLDER = "handbook-offline"
SHIM_PACKAGE = ROOT / "node_modules" / "iframe-worker"
# Zip entries get this timestamp (the earliest a zip can hold) so the archive is reproducible.
EPOCH = (1980, 1, 1, 0, 0, 0)


def shim_path(config: MkDocsConfig) -> str:
    """The site-relative path under which extra.polyfills expects the iframe-worker shim."""
    paths = [str(p) for p in config.extra.get("polyfills", []) if "iframe-worker" in str(p)]
    if len(paths) != 1 or "//" in paths[0]:
        raise SystemExit(f"mkdocs.offline.yml 的 extra.polyfills 应只列出一个本地的 iframe-worker 路径，实际为：{paths}")
    return paths[0]


def copy_shim(site_dir: Path, target: str) -> None:
    """Copy the installed shim and its licence (MIT asks for the notice in every copy) into the site."""
    shim = SHIM_PACKAGE / "shim" / "index.js"
    if not shim.is_file():
        raise SystemExit(f"缺少 {shim.relative_to(ROOT)}：请先运行 `make offline`（会执行 npm ci）")
    dest = site_dir / target
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shim, dest)
    shutil.copyfile(SHIM_PACKAGE / "LICENSE", dest.parent / "LICENSE")


def on_post_build(config: MkDocsConfig) -> None:
    """MkDocs hook (listed in mkdocs.offline.yml only)."""
    site_dir = Path(config.site_dir)
    copy_shim(site_dir, shim_path(config))
    for path, text in practice_scripts(site_dir):
        (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / path).write_text(text, encoding="utf-8")


FACETS = "export/facets.json"
PRACTICE_PAGES = "practice/pages"
"""What the practice page (docs/assets/practice.js) fetches online, and where it finds the same as scripts offline:
Chromium blocks fetch from file://, not <script src>."""
_SECTION = re.compile(r'<h2(?: data-search-exclude)? id="([^"]+)"')
PRACTICE_SECTIONS = ("background", "intent", "outline", "opening", "examples", "frameworks", "signals", "pitfalls", "followups")
"""The sections of a question page that the practice page shows, which come first on the page (pages.py)."""


def practice_part(html: str) -> str:
    """The practice sections of a question page: from its first <h2> to the first <h2> that is not one of them."""
    starts = [(m.start(), m.group(1)) for m in _SECTION.finditer(html)]
    if not starts:
        return ""
    end = next((at for at, anchor in starts if anchor not in PRACTICE_SECTIONS), len(html))
    return html[starts[0][0] : end]


def practice_scripts(site_dir: Path) -> list[tuple[str, str]]:
    """The practice page's data as scripts: the compact question list, and the practice sections of each question."""
    facets = (site_dir / FACETS).read_text(encoding="utf-8").strip()
    scripts = [(FACETS.removesuffix(".json") + ".js", f"window.HBFacets = {facets};\n")]
    for page in sorted((site_dir / "questions").glob("*.html")):
        if page.name != "index.html":
            part = json.dumps(practice_part(page.read_text(encoding="utf-8")), ensure_ascii=False)
            scripts.append((f"{PRACTICE_PAGES}/{page.stem}.js", f"window.HBPracticePage({json.dumps(page.stem)}, {part});\n"))
    return scripts


def build(site_dir: Path) -> None:
    """Build the offline site with mkdocs --strict into site_dir."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(CONFIG), "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(result.returncode)


def write_zip(site_dir: Path, out: Path) -> None:
    """Zip site_dir into out under FOLDER/, in sorted order with fixed timestamps; replace out only when done."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (site_dir / name).read_bytes())
    partial.replace(out)


def make_offline(out: Path) -> Path:
    """Build the offline site in a temporary directory and zip it to out."""
    with tempfile.TemporaryDirectory(prefix="handbook-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        build(site_dir)
        write_zip(site_dir, out)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="构建可离线浏览（file://）的站点压缩包")
    parser.add_argument("--out", type=Path, default=ZIP, help=f"压缩包路径（默认 {ZIP.relative_to(ROOT)}）")
    args = parser.parse_args(argv)
    out = make_offline(args.out.resolve())
    shown = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"离线包已生成：{shown}（解压后用浏览器打开 {FOLDER}/index.html）")


if __name__ == "__main__":
    main()
