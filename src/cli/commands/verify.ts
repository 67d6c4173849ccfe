// `migrate verify <dir>`: run every migrated view next to its original (LiveViewJS in-process vs the
// runtime in a DOM), same steps on both, compare the HTML after each. Exit 1 when any view diverges,
// when one cannot be verified (unless --allow-unverifiable), or when there is nothing to verify.
// Run from the command line, the process always ends when the results are out: what the app's
// modules left open (timers, sockets) is reported, never waited for.

import type { Command } from "commander";
import { projectDirFrom } from "../../discovery/root.ts";
import { DEFAULT_VIEW_TIMEOUT_MS } from "../../verify/defaults.ts";
import { stillOpen } from "../../verify/resources.ts";
import type { CliIo } from "../io.ts";

export interface VerifyCommandOptions {
  script?: string;
  depth?: string;
  maxPaths?: string;
  only?: string[];
  json?: boolean;
  html?: string;
  router?: string;
  allowUnverifiable?: boolean;
  /** false for --no-bundle-check */
  bundleCheck?: boolean;
  plan?: string;
  viewTimeout?: string;
  /** false for --no-progress */
  progress?: boolean;
}

export function register(program: Command, io: CliIo): void {
  program
    .command("verify")
    .description(
      "run original and migrated views side by side and compare what they render",
    )
    .argument(
      "[dir]",
      "folder of the migrated app (views with a .component.ts next to them) (default: the project the current folder is in — the nearest folder up with migrate.config.*, package.json or .git — else the current folder)",
    )
    .option(
      "--script <file>",
      'scripted mode: JSON { "<route>": [steps] } instead of exploring',
    )
    .option("--depth <n>", "explore: breadth-first depth (default 3)")
    .option("--max-paths <n>", "explore: paths per view at most (default 60)")
    .option(
      "--only <view...>",
      "verify only views whose file contains one of these",
    )
    .option(
      "--router <module#export>",
      "take routes from this router (e.g. src/server/routes.ts#liveRouter) instead of finding one",
    )
    .option(
      "--view-timeout <ms>",
      `time limit per view; a view over it is not verifiable (default ${DEFAULT_VIEW_TIMEOUT_MS})`,
    )
    .option(
      "--plan <file>",
      "take server state for the bundle check from this plan (migrate analyze --out) instead of analyzing the app",
    )
    .option(
      "--no-bundle-check",
      "do not check the browser bundles for server state",
    )
    .option(
      "--allow-unverifiable",
      "exit 0 even when some views cannot be verified (divergences still fail)",
    )
    .option("--json", "print the results as JSON")
    .option("--no-progress", "never show a progress bar (it only appears on a terminal, for runs over a second)")
    .option(
      "--html <file>",
      "write the results as an HTML page (the report's Verification section)",
    )
    .addHelpText(
      "after",
      '\nRoutes: a router found anywhere in the app by its type (LiveViewRouter) or shape (path keys, live view values), exported or not; --router to name one; otherwise each view gets a path of its own (/__verify/<n>, route params filled with "1").\nSteps: {kind:"click",index}, {kind:"form",binding:"change"|"submit",index,values,target}, {kind:"key",binding,window,index,key}, {kind:"patch",href}, {kind:"tick",ms}; optional client: 0|1.\nBundle check: each component browser bundle must hold no module the plan says is server state, nor values of its datasets.\nExit codes: 0 every view verified equivalent, 1 some view diverged, shipped server state, or could not be verified (or none was found), 64 usage error.',
    )
    .action(async (given: string | undefined, options: VerifyCommandOptions) => {
      const dir = given ?? projectDirFrom(io.cwd);
      // from the real command line: the process ends here, whatever the app's modules left open
      const standalone = io.stdout === process.stdout;
      const baseline = standalone ? process.getActiveResourcesInfo() : [];
      let code: number;
      try {
        code = await (await import("../run/verify.ts")).runVerify(dir, options, io);
      } catch (error) {
        // main() reports it; should something the views opened keep the loop alive, end anyway soon after
        if (standalone)
          setTimeout(() => process.exit(process.exitCode ?? 1), 2_000).unref();
        throw error;
      }
      io.setExitCode(code);
      if (standalone) await exitNow(code, baseline, io);
    });
}

/** Reports what still keeps the event loop alive (beyond what was open before the run), flushes the output and exits. */
async function exitNow(
  code: number,
  baseline: string[],
  io: CliIo,
): Promise<never> {
  // closed servers and windows let go within a turn or two
  await new Promise((resolve) => setTimeout(resolve, 50));
  const left = stillOpen(baseline);
  if (left.length)
    io.stderr.write(
      `note: still open after the run (left by the app's modules): ${left.join(", ")}; exiting anyway\n`,
    );
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) =>
        new Promise<void>((resolve) => stream.write("", () => resolve())),
    ),
  );
  process.exit(code);
}
