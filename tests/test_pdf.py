"""`make pdf` (scripts/pdf.py) on the small fixture bank: the PDFs exist, have pages, carry Chinese text and
embed the glyphs they draw; the print pages stay out of the site."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination, DictionaryObject

from conftest import FIXTURES, ROOT, build_repo_site, site_repo

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture bank's site built, then printed with one question per part (so that parts are joined)."""
    tmp = tmp_path_factory.mktemp("pdf")
    repo = site_repo(tmp / "repo", FIXTURES / "mini" / "data")
    site = tmp / "site"
    built = build_repo_site(repo, site)
    assert built.returncode == 0, built.stderr
    out = tmp / "out"
    command = [sys.executable, str(ROOT / "scripts/pdf.py"), "--root", str(repo), "--site", str(site), "--out", str(out), "--chunk", "1"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, env={**os.environ, "HANDBOOK_SEEDS": str(FIXTURES / "no-seeds")})
    assert result.returncode == 0, result.stderr
    assert "已生成" in result.stdout
    assert not (site / "print").exists(), "the print pages are staged outside the built site"
    return out


def text(reader: PdfReader) -> str:
    """The PDF's text as pypdf extracts it (what a reader copies or searches for)."""
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_handbook_and_a_cheat_sheet_per_category_are_written(pdfs: Path) -> None:
    assert sorted(p.name for p in pdfs.iterdir()) == ["cheatsheet-data.pdf", "cheatsheet-payment.pdf", "handbook.pdf"]


def test_the_handbook_has_every_question_and_a_bookmark_per_chapter(pdfs: Path) -> None:
    reader = PdfReader(pdfs / "handbook.pdf")
    assert len(reader.pages) >= 4  # the cover, then a part per question (chunk 1), then the frameworks
    outline = reader.outline
    chapters = [item for item in outline if isinstance(item, Destination)]
    assert len(chapters) == len(outline), "bookmarks one level deep: a chapter each, none nested"
    assert [item.title for item in chapters] == ["目录", "支付与风控", "数据与实验", "答题框架"]
    found = text(reader)
    for expected in (
        "产品经理面试手册",
        "AB 实验如何设计？",
        "指标异常时怎么排查？",
        "考察点",
        "答题要点",
        "提出假设",
        "样本量不足就下结论",
        "支付与风控",
        "常见失误",
        "按用户随机分流",
    ):
        assert expected in found, expected
    assert not [c for c in found if 0x2E80 <= ord(c) <= 0x2FDF or c == "戶"], "radicals or twins instead of the characters typed (风 as ⻛, 户 as 戶)"
    assert reader.metadata is not None and reader.metadata.title == "产品经理面试手册"


def test_pages_are_numbered_on_across_the_joined_parts(pdfs: Path) -> None:
    """Each part is printed on its own (one question a part here): the numbers at the foot still run 1, 2, 3 … to the end."""
    for name in ("handbook.pdf", "cheatsheet-data.pdf"):
        pages = PdfReader(pdfs / name).pages
        numbers = [[int(n) for n in re.findall(r"^第 (\d+) 页$", page.extract_text(), re.M)] for page in pages]
        assert numbers == [[n] for n in range(1, len(pages) + 1)], (name, numbers)


def test_a_cheat_sheet_lists_its_category_in_brief(pdfs: Path) -> None:
    reader = PdfReader(pdfs / "cheatsheet-data.pdf")
    assert len(reader.pages) >= 1
    found = text(reader)
    assert "速查：数据与实验" in found and "考察实验设计的严谨性。" in found and "明确假设；选指标；分流" in found
    assert "支付链路" not in found, "only the category's own questions"


def _fonts(reader: PdfReader) -> list[Any]:
    fonts: list[Any] = []
    for page in reader.pages:
        resources = page["/Resources"]  # pypdf resolves a dictionary's values: these are the dictionaries themselves
        assert isinstance(resources, DictionaryObject)
        font_refs = resources["/Font"]
        assert isinstance(font_refs, DictionaryObject)
        fonts += [ref.get_object() for ref in font_refs.values()]
    return fonts


def test_the_fonts_are_embedded(pdfs: Path) -> None:
    for name in ("handbook.pdf", "cheatsheet-payment.pdf"):
        fonts = _fonts(PdfReader(pdfs / name))
        assert fonts, name
        for font in fonts:
            if font["/Subtype"] == "/Type3":  # glyph outlines drawn in the PDF itself
                assert len(font["/CharProcs"]) > 0
                continue
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (name, font.get("/BaseFont"))
