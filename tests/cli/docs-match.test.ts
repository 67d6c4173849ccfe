// docs/cli.md documents every command and every option the program has (issue 16: docs that match
// the code), and the help's exit-code line names every exit code the CLI uses.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.ts";
import * as exitCodes from "../../src/cli/exit-codes.ts";

const DOCS = readFileSync(resolve(import.meta.dirname, "../../docs/cli.md"), "utf8");
const README = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
const io = { stdout: { write: () => true }, stderr: { write: () => true }, env: {}, cwd: "/", setExitCode: () => {} } as never;

describe("docs/cli.md matches the program", () => {
  const program = buildProgram(io);
  const commands = program.commands.filter((c) => c.name() !== "help");

  it.each(commands.map((c) => [c.name(), c] as const))("migrate %s: the command and each of its options are documented", (name, command) => {
    expect(DOCS, `docs/cli.md names migrate ${name}`).toContain(`migrate ${name}`);
    expect(README, `README's command table names migrate ${name}`).toContain(`migrate ${name}`);
    const missing = command.options.map((o) => o.long!).filter((flag) => flag !== "--help" && !DOCS.includes(`\`${flag}`));
    expect(missing, `options of migrate ${name} missing from docs/cli.md`).toEqual([]);
  });

  it("every exit code the CLI uses is in the help's exit-code line and in the docs' table", () => {
    let help = "";
    const withHelp = buildProgram({ ...(io as object), stdout: { write: (t: string) => ((help += t), true) } } as never);
    withHelp.outputHelp();
    for (const code of Object.values(exitCodes).filter((v) => typeof v === "number") as number[]) {
      expect(help, `help names exit code ${code}`).toMatch(new RegExp(`\\b${code}\\b`));
      expect(DOCS, `docs/cli.md's exit-code table has ${code}`).toMatch(new RegExp(`^\\| ${code} \\|`, "m"));
    }
  });
});
