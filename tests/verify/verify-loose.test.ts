// `migrate verify` as a CI gate on a plain-JS app with no router (tests/verify/fixtures/loose-app):
// the command is run as a process, since what is tested is that it ends. A module that keeps the
// event loop alive (setInterval, BroadcastChannel at load) does not hang it; a mount that never
// finishes is stopped at --view-timeout and counts as unverifiable (exit 1 unless
// --allow-unverifiable); a view whose state holds a Date is verified (the runtime revives it after the
// JSON trip: src/runtime/template/state-json.ts), not "not verifiable".
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyProject } from "../../src/verify/compare.ts";

const REPO = resolve(import.meta.dirname, "../..");
const FIXTURE = resolve(import.meta.dirname, "fixtures/loose-app");

function verify(...args: string[]) {
  const started = Date.now();
  const run = spawnSync(process.execPath, [join(REPO, "bin", "migrate.js"), "verify", FIXTURE, "--max-paths", "3", "--view-timeout", "3000", ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    // a hang would show here (killed) rather than as a stuck test run
    timeout: 40_000,
  });
  return { status: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}

describe("verify on a plain-JS app without a router", () => {
  it("ends by itself, stops the stuck view, verifies the Date view, and exits 1", () => {
    const run = verify();
    expect(run.signal, run.stderr).toBeNull();
    expect(run.status, run.stdout + run.stderr).toBe(1);
    const out = run.stdout;
    expect(out).toMatch(/^equivalent +src\/views\/ticker\.js#tickerView \/__verify\/\d+\/:id \(a path of its own\)/m);
    expect(out).toMatch(/^not verifiable src\/views\/stuck\.js#stuckView +TIMEOUT: not done within the time limit of 3000 ms/m);
    expect(out).toMatch(/^equivalent +src\/views\/shiftClock\.js#shiftClockView /m);
    expect(out).toContain("verified 2 of 3 migrated views");
    // what the modules opened was closed: nothing was left for the exit to cut off
    expect(run.stderr).not.toContain("still open");
  }, 45_000);

  it("--allow-unverifiable accepts the stuck view on purpose (a divergence would still fail)", () => {
    const run = verify("--allow-unverifiable", "--only", "ticker", "stuck");
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("verified 1 of 2 migrated views");
  }, 45_000);

  it("catches a Date that comes back as a string (the migrated action stores the ISO text)", async () => {
    const scratch = resolve(REPO, "tmp");
    mkdirSync(scratch, { recursive: true });
    const copy = mkdtempSync(join(scratch, "verify-date-"));
    try {
      cpSync(FIXTURE, copy, { recursive: true });
      const file = join(copy, "src/views/shiftClock.component.js");
      const text = readFileSync(file, "utf8");
      const mutated = text.replace("ctx.assign({ startedAt: new Date(ctx.state.startedAt.getTime() + 3_600_000) });", "ctx.assign({ startedAt: new Date(ctx.state.startedAt.getTime() + 3_600_000).toISOString() });");
      expect(mutated).not.toBe(text);
      writeFileSync(file, mutated);
      const report = await verifyProject(copy, { mode: "script", only: ["views/shiftClock."], scripts: { "src/views/shiftClock.js": [{ kind: "click", index: 1, label: "later" }] } });
      expect(report.views[0]!.status).toBe("diverged");
      expect(report.views[0]!.divergence!.step).toBe(1);
      expect(report.views[0]!.divergence!.original).toContain("Started morning at 10:30");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
