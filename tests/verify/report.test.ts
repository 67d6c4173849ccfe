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
  migrated: 3,
  verified: 1,
  leaking: 0,
  bundleCheck: { serverModules: 4 },
  routers: [{ file: "src/server.ts", line: 12, name: "router", by: "type", routes: 3, unresolved: 0 }],
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
    expect(text.split("\n")[0]).toBe("routes: `router` at src/server.ts:12 (found by its type; not exported: its views are imported directly), 3 route(s)");
    expect(text.trimEnd().split("\n").slice(-3)).toEqual([
      "3 view(s), explore mode depth 3: 1 equivalent, 1 diverged, 1 not verifiable",
      "bundle check: no browser bundle holds any of the plan's 4 server-state module(s) or their data",
      "verified 1 of 3 migrated views",
    ]);
  });

  it("a bundle that holds server state: its own line per module with the bytes, and the view does not count as verified", () => {
    const leaking: VerifyReport = {
      ...report,
      views: [{ ...report.views[0]!, bundleBytes: 64_000, leaks: [{ kind: "module", module: "src/data/products.ts", why: "src/data/products.ts#searchProducts has server effects (timer)", bytes: 719 }] }],
      summary: { equivalent: 1, diverged: 0, "not-verifiable": 0 },
      verified: 0,
      leaking: 1,
    };
    const text = formatVerifyTerminal(leaking);
    expect(text).toContain("leaks data    src/views/a.ts#a /a");
    expect(text).toContain("src/views/a.ts#a: its browser bundle (62.5 KiB) holds server state\n  src/data/products.ts is in it (719 B): src/data/products.ts#searchProducts has server effects (timer)");
    expect(text).toContain("1 view(s) ship server state to the browser");
    expect(text.trimEnd().split("\n").at(-1)).toBe("verified 0 of 1 migrated view");
    expect(verifyReportSection(leaking).html).toContain("src/data/products.ts is in it (719 B)");
  });

  it("HTML section: a row per view, the divergence with both renderings, everything escaped", () => {
    const section = verifyReportSection(report);
    expect(section.id).toBe("verify");
    expect(section.note).toBe("1 equivalent, 1 diverged, 1 not verifiable; verified 1 of 3 migrated views");
    expect(section.html.match(/<tr>/g)).toHaveLength(4);
    expect(section.html).toContain("&lt;p id=&quot;count&quot;&gt;2&lt;/p&gt;");
    expect(section.html).toContain("does not bundle for the browser: &lt;x&gt;");
    expect(section.html).not.toContain('<p id="count">');
  });
});
