// `migrate verify <dir>`: run every migrated view next to its original (LiveViewJS in-process vs the
// runtime in a DOM), same steps on both, compare the HTML after each. Exit 1 when any view diverges.

import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { checkRoot } from "../../discovery/index.ts";
import type { ClientStep } from "../../verify/actions.ts";
import { verifyProject } from "../../verify/compare.ts";
import { formatVerifyTerminal, verifyReportSection } from "../../verify/report.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, type CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

export interface VerifyCommandOptions {
  script?: string;
  depth?: string;
  maxPaths?: string;
  only?: string[];
  json?: boolean;
  html?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command("verify")
    .description("run original and migrated views side by side and compare what they render")
    .argument("<dir>", "folder of the migrated app (views with a .component.ts next to them)")
    .option("--script <file>", 'scripted mode: JSON { "<route>": [steps] } instead of exploring')
    .option("--depth <n>", "explore: breadth-first depth (default 3)")
    .option("--max-paths <n>", "explore: paths per view at most (default 60)")
    .option("--only <view...>", "verify only views whose file contains one of these")
    .option("--json", "print the results as JSON")
    .option("--html <file>", "write the results as an HTML page (the report's Verification section)")
    .addHelpText("after", "\nSteps: {kind:\"click\",index}, {kind:\"form\",binding:\"change\"|\"submit\",index,values,target}, {kind:\"key\",binding,window,index,key}, {kind:\"patch\",href}, {kind:\"tick\",ms}; optional client: 0|1.\nExit codes: 0 no view diverged, 1 some view diverged, 64 usage error.")
    .action(async (dir: string, options: VerifyCommandOptions) => {
      io.setExitCode(await runVerify(dir, options, io));
    });
}

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a whole number, got "${value}"`, "BAD_OPTION");
  return n;
}

export async function runVerify(dir: string, options: VerifyCommandOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, dir);
  const problem = await checkRoot(root, dir);
  if (problem) throw new UsageError(problem.message, problem.code);
  let scripts: Record<string, ClientStep[]> | undefined;
  if (options.script) {
    try {
      scripts = JSON.parse(await readFile(resolve(io.cwd, options.script), "utf8"));
    } catch (error) {
      throw new UsageError(`cannot read script ${options.script}: ${(error as Error).message}`, "BAD_SCRIPT");
    }
  }
  const report = await verifyProject(root, {
    mode: scripts ? "script" : "explore",
    scripts,
    depth: positive(options.depth, "--depth", 3),
    maxPaths: positive(options.maxPaths, "--max-paths", 60),
    only: options.only,
  });
  if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(formatVerifyTerminal(report, colorsFor(io.stdout, io.env)));
  if (options.html) {
    const section = verifyReportSection(report);
    await writeFile(resolve(io.cwd, options.html), `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${section.title}</title></head><body><h1>${section.title}</h1><p>${section.note}</p>${section.html}</body></html>\n`);
  }
  return report.summary.diverged > 0 ? EXIT_FILES_FAILED : EXIT_OK;
}
