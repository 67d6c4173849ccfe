import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.ts";
import { createProgressDisplay } from "../../src/cli/progress.ts";

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
});
