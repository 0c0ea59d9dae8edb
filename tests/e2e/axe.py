"""axe-core in the browser tests: where it is installed, how it is run, what counts as a failure.

axe-core comes from npm, installed by ``.ci/run`` (``npm install --prefix .ci/node axe-core@4``)
or pointed at by ``TNPREP_AXE``; it is injected from disk with Playwright's ``add_script_tag``,
never downloaded while the tests run. When it is missing the audit test fails (it never skips).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_CANDIDATES = (
    Path(os.environ.get("TNPREP_AXE", "/nonexistent")),
    ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js",
    ROOT / "node_modules" / "axe-core" / "axe.min.js",
)
BLOCKING = {"serious", "critical"}
"""Impact levels the audit refuses (minor and moderate are reported, not failed)."""


def axe_path() -> Path | None:
    """The first axe.min.js found, or ``None``."""
    return next((path for path in AXE_CANDIDATES if path.is_file()), None)


def run_axe(page: Page) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.x A/AA rules and best practices) on the page; return violations."""
    path = axe_path()
    if path is None:
        raise FileNotFoundError("axe-core is missing: run .ci/run (npm install axe-core@4)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(path))
    result: dict[str, Any] = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                                            'wcag22aa', 'best-practice']},
            resultTypes: ['violations'],
        })"""
    )
    return list(result["violations"])


def describe(violations: list[dict[str, Any]]) -> list[str]:
    """One line per violation: impact, rule, how many nodes, the first node's target."""
    return [
        f"{item['impact']}: {item['id']} ×{len(item['nodes'])} {item['nodes'][0]['target']}"
        for item in violations
    ]


def blocking(violations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The serious and critical violations."""
    return [item for item in violations if item["impact"] in BLOCKING]
