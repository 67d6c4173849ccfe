// How verify results read: terminal lines per view with the divergence's steps and diff, and the HTML
// report section (escaped, since renderings are untrusted text).
import { describe, expect, it } from "vitest";
import { htmlDiff, type VerifyReport } from "../../src/verify/compare.ts";
import { formatVerifyTerminal, verifyReportSection } from "../../src/verify/report.ts";

const original = '<p id="count">1</p><button phx-click="inc">+</button>';
const migrated = '<p id="count">2</p><button phx-click="inc">+</button>';
const report: VerifyReport = {
  schemaVersion: 1,
  root: "/app",
  mode: "explore",
  depth: 3,
  summary: { equivalent: 1, diverged: 1, "not-verifiable": 1 },
  views: [
    { view: "src/views/a.ts#a", route: "/a", status: "equivalent", paths: 4, steps: 6, clients: 1, depth: 3, complete: true },
    { view: "src/views/b.ts#b", route: "/b", status: "diverged", paths: 2, steps: 1, clients: 2, divergence: { step: 1, client: 1, path: ["click button[phx-click=inc]"], original, migrated, diff: htmlDiff(original, migrated) } },
    { view: "src/views/c.ts", status: "not-verifiable", paths: 0, steps: 0, clients: 0, reason: { code: "BUNDLE_FAILED", message: "the migrated component does not bundle for the browser: <x>" } },
  ],
};

describe("verify report", () => {
  it("the diff shows the changed line only, with both renderings", () => {
    const diff = htmlDiff(original, migrated);
    expect(diff).toContain('-<p id="count">1</p>');
    expect(diff).toContain('+<p id="count">2</p>');
    expect(diff).toContain(' <button phx-click="inc">+</button>');
  });

  it("terminal: one line per view, then each divergence with its steps and diff, then the totals", () => {
    const text = formatVerifyTerminal(report);
    expect(text).toContain("equivalent    src/views/a.ts#a /a  4 path(s) to depth 3, 6 step(s) (every reachable page explored)");
    expect(text).toContain("diverged      src/views/b.ts#b /b  at step 1");
    expect(text).toContain("not verifiable src/views/c.ts  BUNDLE_FAILED: the migrated component does not bundle for the browser: <x>");
    expect(text).toContain("src/views/b.ts#b diverged at step 1 (client 2)\n  1. click button[phx-click=inc]");
    expect(text.trimEnd().split("\n").at(-1)).toBe("3 view(s), explore mode depth 3: 1 equivalent, 1 diverged, 1 not verifiable");
  });

  it("HTML section: a row per view, the divergence with both renderings, everything escaped", () => {
    const section = verifyReportSection(report);
    expect(section.id).toBe("verify");
    expect(section.note).toBe("1 equivalent, 1 diverged, 1 not verifiable");
    expect(section.html.match(/<tr>/g)).toHaveLength(4);
    expect(section.html).toContain("&lt;p id=&quot;count&quot;&gt;2&lt;/p&gt;");
    expect(section.html).toContain("does not bundle for the browser: &lt;x&gt;");
    expect(section.html).not.toContain('<p id="count">');
  });
});
