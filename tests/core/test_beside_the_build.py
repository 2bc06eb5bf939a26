"""The second process and the memory of earlier results (toolkit.worker, toolkit.memo):
the same answers as working everything out here, and no answer lost."""

from __future__ import annotations

import os

import pytest

from toolkit import memo, worker
from toolkit.html_check import check_document


def test_a_remembered_result_is_the_first_one_for_the_same_text_and_arguments():
    calls = []

    @memo.by_text
    def length(text: str, extra: int = 0) -> list[int]:
        calls.append(text)
        return [len(text) + extra]

    first = length("tudalen")
    assert length("tudalen") is first
    assert length("tudalen", 1) == [8]
    assert length("tudalen", extra=2) == [9]
    assert length("tudalen arall") == [13]
    assert calls == ["tudalen", "tudalen", "tudalen", "tudalen arall"]


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the second process is used only with a second core")
def test_a_large_site_is_checked_in_a_second_process_with_the_same_findings():
    page = '<html><head></head><body><a href="#" onclick="steal()">x</a><script>alert(1)</script></body></html>'
    here = check_document.__wrapped__(page)
    job = worker.run(check_document, page, pages=worker.MIN_PAGES)
    assert job.future is not None, "a site this size is checked beside the build"
    beside = job.result()
    assert beside.findings == here.findings and beside.inline_scripts == ["alert(1)"]
    assert job.result() is beside  # waited for once
    assert worker.cpu_seconds() is not None


def test_a_small_site_is_checked_here_only_when_the_result_is_asked_for():
    calls = []
    job = worker.run(calls.append, "page", pages=worker.MIN_PAGES - 1)
    assert job.future is None and calls == []
    job.result()
    job.result()
    assert calls == ["page"]


def test_a_dead_second_process_costs_nothing_but_time(monkeypatch):
    page = "<p><img src='https://example.org/x.png' alt='x'></p>"
    job = worker.run(check_document, page, pages=worker.MIN_PAGES)

    class Dead:
        def result(self):
            raise worker.BrokenProcessPool("killed")

    job.future = Dead()
    assert job.result().findings == check_document.__wrapped__(page).findings


def test_check_shares_pages_among_cores_with_the_same_findings(tmp_path, monkeypatch):
    """site_check.render_in_parallel: with four cores, three forked processes render a share
    each, and every page comes back once, with what rendering it here finds (a problem too)."""
    from toolkit import site_check
    from toolkit.site import collect
    from trees import valid_files, write_tree

    files = valid_files()
    files["en/index.md"] += "\nSee [[rung:nowhere]] and [the ladder](ladder.md#no-such-rung).\n"
    write_tree(tmp_path, files)
    site = collect(tmp_path / "docs", tmp_path)
    pages = [page for page in site.tree.all_pages() if page.readable]
    monkeypatch.setattr(worker, "MIN_PAGES", 2)
    monkeypatch.setattr(site_check, "_cores", lambda: 4)
    shares = site_check._shares(pages, 4)
    assert sorted(p.path for share in shares for p in share) == sorted(p.path for p in pages)
    assert all(shares), "every core gets pages"

    def summary(results):
        return sorted((out.page.path, [str(p) for p in problems], out.ids, [(link.url, link.tag, link.loads) for link in out.links])
                      for problems, out in results)
    alone, shared = site_check.render_pages(site, pages), site_check.render_in_parallel(site, pages)
    assert summary(shared) == summary(alone)
    assert any("nowhere" in problem for _, problems, _, _ in summary(shared) for problem in problems)


def test_a_page_rendered_but_never_written_is_still_checked(tmp_path):
    """A build that stops after MkDocs rendered a page but before it wrote it (another
    plugin failed): the page's content is checked all the same (Build._never_written)."""
    from tiny import make_project, valid_files
    from toolkit.build import Build

    root = make_project(tmp_path / "project", valid_files())
    build = Build.start(root / "mkdocs.yml", root / "docs", [{"locale": "cy", "default": True}, {"locale": "en"}])
    assert build.collect() is False
    build.context.start("en", "ladder.md")
    build.page_content("en/ladder.md", '<p>Text.</p>\n<p><img src="https://example.org/x.png" alt="x"></p>')
    report = [str(problem) for problem in build.problems()]
    assert any(line.startswith("docs/en/ladder.md:") and "example.org" in line for line in report), report
