// Issue 16: after apply, analyze, check and the report agree on the markers left. The analysis used
// to list what it predicted for a blocked view (one SOCKET_ID marker in the chat project's history
// view) while the file held the three apply wrote; now a blocked view's markers are the file's.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import type { CliIo } from "../../src/cli/io.ts";

const scratch = mkdtempSync(join(resolve(import.meta.dirname, "../../tmp"), "markers-agree-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = "";
  const code = await main(["node", "migrate", ...args], (setExitCode) => ({ stdout: { write: (t: string) => ((stdout += t), true) }, stderr: { write: () => true }, env: { NO_COLOR: "1" }, cwd: scratch, setExitCode }) as CliIo);
  return { code, stdout };
}

const fromCheck = async () => ((JSON.parse((await run("check", "chat", "--json")).stdout) as { markers: { file: string; line: number; code: string }[] }).markers).map((m) => `${m.file}:${m.line} ${m.code}`).sort();
const fromAnalyze = async () => {
  const plan = JSON.parse((await run("analyze", "chat", "--json", "--no-report")).stdout) as { views: { migration: { status: string }; markers: { at: string; code: string }[] }[] };
  return plan.views.filter((v) => v.migration.status === "blocked").flatMap((v) => v.markers.map((m) => `${m.at} ${m.code}`)).sort();
};

describe("markers after apply", () => {
  it("are the same in analyze and check, and follow the file as markers are dealt with", async () => {
    cpSync(resolve(import.meta.dirname, "../../fixtures/real-world/chat"), join(scratch, "chat"), { recursive: true });
    expect((await run("apply", "chat", "--allow-dirty", "--no-report")).code).toBe(2);
    const left = await fromCheck();
    expect(left.length).toBeGreaterThanOrEqual(3);
    expect(await fromAnalyze()).toEqual(left);

    // a person deals with one marker (removes its comment): both see one fewer
    const file = join(scratch, "chat", left[left.length - 1]!.split(":")[0]!);
    const lines = readFileSync(file, "utf8").split("\n");
    const at = lines.findIndex((l) => l.includes("@migrate-todo(SHUTDOWN)"));
    expect(at).toBeGreaterThan(0);
    writeFileSync(file, [...lines.slice(0, at), ...lines.slice(at + 1)].join("\n"));
    const after = await fromCheck();
    expect(after.length).toBe(left.length - 1);
    expect(await fromAnalyze()).toEqual(after);
  }, 240_000);
});
