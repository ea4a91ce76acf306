"""axe-core (the npm package, pinned in package-lock.json) in a Playwright page: the WCAG 2.1 A
and AA rules, every frame of the page (Streamlit's components are iframes), no violation allowed.

``npm ci`` at the repository's root installs it; without it the checks fail, they do not skip."""

from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN = """async (tags) => {
  const result = await axe.run(
    document,
    {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'], iframes: false},
  );
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html.slice(0, 160), summary: n.failureSummary})),
  }));
}"""


def require():
    """Fail (never skip: CI installs it) when axe-core is not installed."""
    if not AXE.exists():
        pytest.fail(f"axe-core is not installed ({AXE} is missing): run `npm ci` in {ROOT}", pytrace=False)


def violations(frame):
    """The WCAG 2.1 A/AA violations axe finds in ``frame`` (a Playwright page or frame; each
    frame is checked on its own, ``iframes: false``)."""
    require()
    if not frame.evaluate("typeof axe !== 'undefined'"):
        # Evaluated through the DevTools protocol rather than as a <script> tag: the exported map's
        # Content-Security-Policy (rightly) blocks inline scripts, and the check must not weaken it.
        frame.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    return frame.evaluate(RUN, TAGS)


def report(found, where):
    """One readable line per violation and failing element."""
    lines = []
    for v in found:
        lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"]:
            lines.append(f"    {' > '.join(map(str, n['target']))}  {n['html']}")
            lines.append("      " + n["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


def check(page, where):
    """Assert that neither ``page`` nor any of its frames has a WCAG 2.1 A/AA violation; the
    number of documents checked (the page and its frames)."""
    frames = [f for f in page.frames if not f.is_detached()]
    found = []
    for frame in frames:
        name = where if frame == page.main_frame else f"{where}, frame {frame.name or frame.url[:60]}"
        found.append(report(violations(frame), name))
    problems = "\n".join(r for r in found if r)
    assert not problems, "axe-core found WCAG 2.1 A/AA violations:\n" + problems
    return len(frames)
