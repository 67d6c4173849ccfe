import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { createProgressDisplay } from "../../src/cli/progress.ts";
import { applyCase, removeScratch } from "../apply/cases.ts";

function fakeIo(isTTY: boolean) {
  let stderr = "";
  const io: CliIo = {
    stdout: { write: () => true, isTTY },
    stderr: { write: (text: string) => ((stderr += text), true), isTTY, columns: 120 } as CliIo["stderr"],
    env: {},
    cwd: "/",
    setExitCode: () => {},
  };
  return { io, stderr: () => stderr };
}

describe("progress display", () => {
  it("draws nothing during the first second, then a bar on stderr", () => {
    const { io, stderr } = fakeIo(true);
    let now = 0;
    const progress = createProgressDisplay(io, true, () => now);
    now = 500;
    progress.update({ phase: "analyze", done: 10, total: 100 });
    expect(stderr()).toBe("");
    now = 1500;
    progress.update({ phase: "analyze", done: 20, total: 100 });
    progress.update({ phase: "analyze", done: 40, total: 100 });
    expect(stderr()).toContain("analyzing");
    expect(stderr()).toContain("20/100 files");
    progress.stop();
  });

  it("draws nothing when stderr is not a terminal, or with --no-progress", () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const { io, stderr } = fakeIo(tty);
      let now = 0;
      const progress = createProgressDisplay(io, enabled, () => now);
      now = 5000;
      progress.update({ phase: "analyze", done: 1, total: 2 });
      progress.stop();
      expect(stderr()).toBe("");
    }
  });

  it("counts views for apply and verify", () => {
    const { io, stderr } = fakeIo(true);
    let now = 0;
    const progress = createProgressDisplay(io, true, () => now, "views");
    now = 1500;
    progress.update({ phase: "migrate", done: 3, total: 10 });
    expect(stderr()).toContain("migrating");
    expect(stderr()).toContain("3/10 views");
    progress.stop();
  });
});

describe("apply reports its progress", () => {
  const scratch: string[] = [];
  afterAll(() => scratch.forEach(removeScratch));

  it("one event per view before it is migrated, then the checks (0 of 1, 1 of 1)", async () => {
    const events: string[] = [];
    const { root, result } = await applyCase("live-components", { onProgress: (e) => events.push(`${e.phase} ${e.done}/${e.total}`) });
    scratch.push(root);
    const migrated = result.views.length;
    expect(migrated).toBeGreaterThan(1);
    expect(events).toEqual([...Array.from({ length: migrated }, (_, i) => `migrate ${i}/${migrated}`), "check 0/1", "check 1/1"]);
  }, 60_000);
});
