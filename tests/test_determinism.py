"""Two builds from the same data, in two fresh copies of the repository, give byte-identical generated pages and
an identical site apart from the dates MkDocs writes into the sitemap (#12)."""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURES, build_repo_site, site_repo

DATED = {"sitemap.xml", "sitemap.xml.gz"}
"""MkDocs writes the build date into the sitemap's <lastmod>."""


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    built = []
    for name in ("first", "second"):
        repo = site_repo(tmp_path / name, FIXTURES / "mini" / "data")
        result = build_repo_site(repo, tmp_path / f"{name}-site")
        assert result.returncode == 0, result.stderr[-3000:]
        built.append((tree(repo / "docs"), tree(tmp_path / f"{name}-site")))
    (docs_a, site_a), (docs_b, site_b) = built
    assert len(docs_a) > 20 and docs_a == docs_b
    assert DATED <= site_a.keys() and site_a.keys() == site_b.keys()
    different = sorted(path for path in site_a if site_a[path] != site_b[path] and path not in DATED)
    assert not different, different
