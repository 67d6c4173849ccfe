// `migrate verify <dir>`: run every migrated view next to its original (LiveViewJS in-process vs the
// runtime in a DOM), same steps on both, compare the HTML after each. Exit 1 when any view diverges,
// when one cannot be verified (unless --allow-unverifiable), or when there is nothing to verify.
// Run from the command line, the process always ends when the results are out: what the app's
// modules left open (timers, sockets) is reported, never waited for.

import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import { checkRoot } from "../../discovery/index.ts";
import type { ClientStep } from "../../verify/actions.ts";
// compare.ts (happy-dom, esbuild, liveviewjs) is loaded when the command runs, not for --help
import type { VerifyReport } from "../../verify/compare.ts";
import { DEFAULT_VIEW_TIMEOUT_MS } from "../../verify/defaults.ts";
import {
  formatVerifyTerminal,
  verifyReportSection,
} from "../../verify/report.ts";
import { REPORT_CSS } from "../../reports/html-assets.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import { colorsFor, say, type CliIo } from "../io.ts";
import { createProgressDisplay } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

import type { VerifyCommandOptions } from "../commands/verify.ts";

function positive(
  value: string | undefined,
  name: string,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(
      `${name} must be a whole number, got "${value}"`,
      "BAD_OPTION",
    );
  return n;
}

export async function runVerify(
  dir: string,
  options: VerifyCommandOptions,
  io: CliIo,
): Promise<number> {
  const root = resolve(io.cwd, dir);
  const problem = await checkRoot(root, dir);
  if (problem) throw new UsageError(problem.message, problem.code);
  let scripts: Record<string, ClientStep[]> | undefined;
  if (options.script) {
    try {
      scripts = JSON.parse(
        await readFile(resolve(io.cwd, options.script), "utf8"),
      );
    } catch (error) {
      throw new UsageError(
        `cannot read script ${options.script}: ${(error as Error).message}`,
        "BAD_SCRIPT",
      );
    }
  }
  if (options.router && !options.router.split("#")[0])
    throw new UsageError(
      `--router wants <module>#<export>, got "${options.router}"`,
      "BAD_OPTION",
    );
  if (options.router) {
    const module = resolve(
      io.cwd,
      options.router.slice(
        0,
        options.router.lastIndexOf("#") > 0
          ? options.router.lastIndexOf("#")
          : undefined,
      ),
    );
    if (!existsSync(module))
      throw new UsageError(`--router: no module ${module}`, "BAD_OPTION");
  }
  const viewTimeout = positive(
    options.viewTimeout,
    "--view-timeout",
    DEFAULT_VIEW_TIMEOUT_MS,
  );
  if (viewTimeout === 0)
    throw new UsageError("--view-timeout must be more than 0", "BAD_OPTION");
  // what the app's own code prints while it runs (liveviewjs warnings, console.log) goes to stderr: stdout holds the results only
  const print = { log: console.log, info: console.info, warn: console.warn };
  if (io.stdout === process.stdout)
    console.log =
      console.info =
      console.warn =
        (...args: unknown[]) => console.error(...args);
  let report: VerifyReport;
  const progress = createProgressDisplay(io, options.progress !== false, Date.now, "views");
  try {
    const { verifyProject } = await import("../../verify/compare.ts");
    report = await verifyProject(root, {
      onProgress: (event) => progress.update(event),
      mode: scripts ? "script" : "explore",
      scripts,
      depth: positive(options.depth, "--depth", 3),
      maxPaths: positive(options.maxPaths, "--max-paths", 60),
      only: options.only,
      // the module is named from where the command runs; verify takes it relative to the app
      router: options.router
        ? routerRelativeToRoot(io.cwd, root, options.router)
        : undefined,
      viewTimeout,
      bundleCheck: options.bundleCheck !== false,
      plan: options.plan ? resolve(io.cwd, options.plan) : undefined,
    });
  } finally {
    progress.stop();
    Object.assign(console, print);
  }
  if (options.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else
    say(io, formatVerifyTerminal(report, colorsFor(io.stdout, io.env)));
  if (options.html) {
    const section = verifyReportSection(report);
    await writeFile(
      resolve(io.cwd, options.html),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${section.title}</title><style>${REPORT_CSS}</style></head><body><main><h1>${section.title}</h1>${section.html}</main></body></html>\n`,
    );
  }
  return verifyExitCode(report, options.allowUnverifiable === true, io);
}

/** 0 only when every view asked for was verified equivalent with no server state in its bundle (or, with --allow-unverifiable, none diverged or leaked and at least one was verified). */
export function verifyExitCode(
  report: VerifyReport,
  allowUnverifiable: boolean,
  io?: CliIo,
): number {
  const s = report.summary;
  if (report.views.length === 0) return EXIT_FILES_FAILED;
  if (s.diverged > 0) return EXIT_FILES_FAILED;
  // server state in a browser bundle fails however the HTML compares
  if (report.leaking > 0) return EXIT_FILES_FAILED;
  if (s["not-verifiable"] > 0 && !allowUnverifiable) {
    io?.stderr.write(
      `${s["not-verifiable"]} view(s) could not be verified (exit 1; --allow-unverifiable accepts that)\n`,
    );
    return EXIT_FILES_FAILED;
  }
  // nothing verified at all is never a pass
  if (s.equivalent === 0) return EXIT_FILES_FAILED;
  return EXIT_OK;
}

function routerRelativeToRoot(
  cwd: string,
  root: string,
  value: string,
): string {
  const hash = value.lastIndexOf("#");
  const module = hash > 0 ? value.slice(0, hash) : value;
  const exportName = hash > 0 ? value.slice(hash + 1) : "router";
  return `${relative(root, resolve(cwd, module))}#${exportName}`;
}
