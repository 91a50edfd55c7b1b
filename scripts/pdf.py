"""`make pdf`: the whole handbook and one cheat sheet per category as PDFs, printed by headless Chromium.

The print pages come from the data (handbook/printbook.py) and are never part of the published site: this
script writes them under print/ in a temporary folder that also holds the built site (linked, not copied),
serves that folder on 127.0.0.1, prints each part with Debian's Chromium through Playwright and joins a
document's parts into one PDF with a bookmark per chapter (pypdf). Chromium embeds the subset of the CJK
font (fonts-noto-cjk) each PDF uses, so the files read the same on a machine without Chinese fonts.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from handbook.build import load_checked  # noqa: E402
from handbook.printbook import CHUNK, Document, documents  # noqa: E402
from handbook.problems import DataError  # noqa: E402
from handbook.relations import Index  # noqa: E402

OUT = ROOT / "dist" / "pdf"
PRINT_DIR = "print"


def stage(site: Path, docs: list[Document], folder: Path) -> None:
    """``folder``: the built site's entries linked in, and the print pages under print/."""
    for entry in sorted(site.iterdir()):
        if entry.name != PRINT_DIR:
            (folder / entry.name).symlink_to(entry.resolve(), target_is_directory=entry.is_dir())
    (folder / PRINT_DIR).mkdir()
    for doc in docs:
        for part in doc.parts:
            (folder / PRINT_DIR / f"{part.name}.html").write_text(part.html, encoding="utf-8")


def print_documents(docs: list[Document], base: str, out: Path) -> list[Path]:
    """Print every part with Chromium and write each document to ``out`` (replacing a file only once it is complete)."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader, PdfWriter

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for doc in docs:
            writer = PdfWriter()
            for part in doc.parts:
                response = page.goto(f"{base}{PRINT_DIR}/{part.name}.html", wait_until="load")
                if response is None or not response.ok:
                    raise SystemExit(f"无法打开打印页 {part.name}.html")
                page.add_style_tag(content=page_numbers(len(writer.pages)))
                page.evaluate("document.fonts.ready.then(() => true)")
                pdf = page.pdf(prefer_css_page_size=True, print_background=True)
                writer.append(PdfReader(io.BytesIO(pdf)), outline_item=part.bookmark)
            searchable(writer)
            writer.add_metadata({"/Title": doc.title})
            target = out / doc.file
            partial = target.with_name(target.name + ".partial")
            with partial.open("wb") as handle:
                writer.write(handle)
            partial.replace(target)
            written.append(target)
        browser.close()
    return written


def page_numbers(before: int) -> str:
    """CSS numbering the pages of a part at the foot (第 N 页), counting on from the ``before`` pages of the parts
    printed ahead of it: each part is printed on its own and joined after, so Chromium's count would restart."""
    return (
        f":root {{ counter-reset: page {before}; }}\n"
        '@page { @bottom-center { content: "第 " counter(page) " 页"; font-family: "Noto Sans CJK SC", sans-serif;'
        " font-size: 8.5pt; color: #666; } }"
    )


GLYPH_TWINS = {
    0x2EA0: "民", 0x2EC5: "见", 0x2EC6: "角", 0x2ECB: "车", 0x2ED3: "长", 0x2ED4: "门", 0x2EDA: "页", 0x2EDB: "风",
    0x2EDC: "飞", 0x2EDD: "食", 0x2EE2: "马", 0x2EE4: "鬼", 0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE8: "麦", 0x2EE9: "黄",
    0x2EEC: "齐", 0x2EEE: "齿", 0x2EF0: "龙", 0x2EF3: "龟", 0x2E9F: "母", 0x6236: "户", 0x2012: "–", 0x2015: "—",
}  # fmt: skip
"""Characters Noto Sans CJK SC draws with the same glyph as a more common one, which Chromium's PDF writer
(it names a glyph by its lowest code point) would give as the text of that glyph: 风 would copy as the radical
⻛ and 户 as 戶. Kangxi radicals (⽀ for 支) and ligatures (ﬀ) are folded by NFKC instead."""

BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
TARGET = re.compile(rb"(<[0-9A-F]+>\s*)<([0-9A-F]{4})>")


def _typed(match: re.Match[bytes]) -> bytes:
    """One glyph's text as typed: its twin, or its NFKC form (UTF-16BE hex, as a ToUnicode map writes it)."""
    code = int(match.group(2), 16)
    character = chr(code)
    folded = 0x2F00 <= code <= 0x2FDF or 0xFB00 <= code <= 0xFB06  # Kangxi radicals, Latin ligatures
    typed = unicodedata.normalize("NFKC", character) if folded else character  # ⼾ → 戶, then the twin 户
    typed = GLYPH_TWINS.get(ord(typed), typed) if len(typed) == 1 else typed
    if typed == character:
        return match.group(0)
    return match.group(1) + b"<" + typed.encode("utf-16-be").hex().upper().encode() + b">"


def _retext(cmap: bytes) -> bytes:
    return BFCHAR.sub(lambda block: b"beginbfchar" + TARGET.sub(_typed, block.group(1)) + b"endbfchar", cmap)


def searchable(writer: Any) -> None:
    """Make copied and searched text read as typed (see GLYPH_TWINS): rewrite each font's ToUnicode map (a map
    shared by several pages is rewritten once: the second time there is nothing left to change)."""
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            cmap = ref.get_object().get("/ToUnicode")
            if cmap is None:
                continue
            stream = cmap.get_object()
            data = stream.get_data()
            fixed = _retext(data)
            if fixed != data:
                stream.set_data(fixed)


def make_pdfs(root: Path, site: Path, out: Path, chunk: int = CHUNK) -> list[Path]:
    """The PDFs of the data under ``root``, printed from ``site`` (a built site) into ``out``."""
    if not (site / "index.html").is_file():
        raise SystemExit(f"找不到构建好的站点 {site}：请先运行 make site")
    try:
        handbook, _ = load_checked(root)
    except DataError as error:
        raise SystemExit(error.report()) from None
    docs = documents(Index(handbook), chunk)
    with tempfile.TemporaryDirectory(prefix="handbook-pdf-") as tmp:
        stage(site, docs, Path(tmp))
        with serve(Path(tmp)) as base:
            return print_documents(docs, base, out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="用无头 Chromium 把整本手册和每个分类的速查表打印成 PDF")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="构建好的站点目录（默认 site/，make pdf 会先构建）")
    parser.add_argument("--out", type=Path, default=OUT, help=f"PDF 输出目录（默认 {OUT.relative_to(ROOT)}）")
    parser.add_argument("--root", type=Path, default=ROOT, help="数据所在的仓库（默认本仓库，读取其中的 data/）")
    parser.add_argument("--chunk", type=int, default=CHUNK, help=f"每次交给 Chromium 打印的最多题目数（默认 {CHUNK}）")
    args = parser.parse_args(argv)
    written = make_pdfs(args.root.resolve(), args.site.resolve(), args.out.resolve(), max(1, args.chunk))
    for path in written:
        print(f"已生成 {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


if __name__ == "__main__":
    main()
