// Shared state with two clients on each side: a hand-migrated notes view (tests/verify/fixtures/notes-app:
// subscribe + handleInfo in the original, a shared key + sync topic + commands in the migration).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ClientStep } from "../../src/verify/actions.ts";
import { verifyProject } from "../../src/verify/compare.ts";

const FIXTURE = resolve(import.meta.dirname, "fixtures/notes-app");
const SCRIPT: ClientStep[] = [
  { kind: "form", binding: "submit", index: 0, values: { text: "Milk" } },
  { kind: "form", binding: "submit", index: 0, values: { text: "Eggs" }, client: 1 },
];
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("two clients where a view syncs", () => {
  it("an addition by one client reaches the other on both sides: equivalent", async () => {
    const report = await verifyProject(FIXTURE, { mode: "script", scripts: { "/notes": SCRIPT } });
    expect(report.views).toEqual([expect.objectContaining({ view: "src/views/notes.js#notesView", status: "equivalent", clients: 2, steps: 2 })]);
  });

  it("explore mode fills and submits the form on both sides (two clients compared after every step)", async () => {
    const report = await verifyProject(FIXTURE, { mode: "explore", depth: 2, maxPaths: 6 });
    expect(report.views[0]).toMatchObject({ status: "equivalent", clients: 2 });
    expect(report.views[0]!.paths).toBeGreaterThan(2);
  });

  it("a migration whose sync action drops the message diverges at the step, on the other client", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lvm-verify-notes-"));
    temps.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    const file = join(dir, "src/views/notes.component.js");
    // only the client that added re-renders (it applies the command's result); the other never hears of it
    const source = readFileSync(file, "utf8")
      .replace('await ctx.command("add", { text: event.text.trim() });', 'await ctx.command("add", { text: event.text.trim() }); ctx.assign({ notes: [...ctx.state.notes, event.text.trim()] });')
      .replace("ctx.assign({ notes: [...ctx.state.notes, message.text] });", "void message;");
    writeFileSync(file, source);
    const report = await verifyProject(dir, { mode: "script", scripts: { "/notes": SCRIPT } });
    const [notes] = report.views;
    expect(notes!.status).toBe("diverged");
    expect(notes!.divergence).toMatchObject({ step: 1, client: 1 });
    expect(notes!.divergence!.original).toContain("<li>Milk</li>");
    expect(notes!.divergence!.migrated).not.toContain("<li>Milk</li>");
  });
});
