import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { formatTerminalSummary } from "../../src/reports/index.ts";
import { samplePlan } from "./sample-plan.ts";

const plain = pc.createColors(false);

describe("formatTerminalSummary", () => {
  it("lists each view with keys by class, events by placement and markers", () => {
    const text = formatTerminalSummary(samplePlan(), { colors: plain });
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^View\s+kind\s+ui\s+form\s+shared\s+client\s+server\s+split\s+markers$/);
    const row = lines.find((line) => line.startsWith("src/views/counter.ts#counterLiveView"));
    expect(row?.split(/\s+/)).toEqual(["src/views/counter.ts#counterLiveView", "view", "1", "0", "1", "1", "0", "0", "1"]);
  });

  it("prints totals and errors", () => {
    const text = formatTerminalSummary(samplePlan(), { colors: plain });
    expect(text).toMatch(/Files 3 {3}Views 1 {3}Components 1 {3}Markers 1 {3}Errors 1/);
    expect(text).toContain("Keys    1 ui · 0 form · 1 shared");
    expect(text).toContain("Events  1 client · 0 server · 0 split");
    expect(text).toMatch(/Errors \(1\)\n {2}src\/broken\.ts {2}PARSE_ERROR {2}';' expected \(line 3\)/);
  });

  it("has no ANSI codes when colours are off, and some when on", () => {
    expect(formatTerminalSummary(samplePlan(), { colors: plain })).not.toMatch(/\x1b\[/);
    expect(formatTerminalSummary(samplePlan(), { colors: pc.createColors(true) })).toMatch(/\x1b\[/);
  });

  it("caps the rows and says how many more are in the report", () => {
    const text = formatTerminalSummary(samplePlan(), { colors: plain, maxViewRows: 1 });
    expect(text).toContain("… and 1 more (all of them are in the HTML report)");
  });
});
