"""The sample reports in reports/ are what the code produces now (`nox -s reports`).

A reviewer sees in the diff of reports/ how a change alters real output; a stale report would
hide that, so this fails until they are regenerated.
"""

from __future__ import annotations

import pytest
from conftest import ROOT

import reconcile

VIEWS = {"seeds.json": "to_json", "seeds.html": "to_html", "seeds.sarif": "to_sarif",
         "seeds.md": "to_markdown"}


@pytest.fixture(scope="module")
def report():
    import os

    here = os.getcwd()
    os.chdir(ROOT)  # paths in the report are relative to the repository, as nox writes them
    try:
        return reconcile.check(["fixtures/seeds"])
    finally:
        os.chdir(here)


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_sample_report_is_fresh(report, name):
    path = ROOT / "reports" / name
    assert path.exists(), f"reports/{name} missing: run `nox -s reports`"
    expected = getattr(report, VIEWS[name])()
    assert path.read_text(encoding="utf-8") == expected, f"reports/{name} is stale: run `nox -s reports`"
