// The `migrate` command line: builds the commander program, maps every way a run can end to an exit
// code (commander's own errors included: they are usage errors, 64), and returns it. bin/migrate.js
// sets process.exitCode from the result; tests call main() directly with their own io.

import { Command, CommanderError } from "commander";
import { toolVersion } from "../plan/build.ts";
import { EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from "./exit-codes.ts";
import { colorsFor, processIo, type CliIo } from "./io.ts";
import { UsageError } from "./usage-error.ts";
import { register as registerAnalyze } from "./commands/analyze.ts";
import { register as registerApply } from "./commands/apply.ts";
import { register as registerBuild } from "./commands/build.ts";
import { register as registerMerge } from "./commands/merge.ts";
import { register as registerCheck } from "./commands/check.ts";
import { register as registerExplain } from "./commands/explain.ts";
import { register as registerInit } from "./commands/init.ts";
import { register as registerRevert } from "./commands/revert.ts";
import { register as registerVerify } from "./commands/verify.ts";

/**
 * Every command, two files each: src/cli/commands/<name>.ts `register(program, io)` declares its
 * arguments, options and help (all that `--help` loads), and its action imports src/cli/run/<name>.ts,
 * the work, when the command runs: start-up never pays for the analyzer, apply or verify.
 */
const COMMANDS: ((program: Command, io: CliIo) => void)[] = [registerInit, registerAnalyze, registerApply, registerMerge, registerCheck, registerExplain, registerRevert, registerVerify, registerBuild];

export async function main(argv: string[], makeIo: (setExitCode: (code: number) => void) => CliIo = processIo): Promise<number> {
  let exitCode = EXIT_OK;
  const io = makeIo((code) => {
    exitCode = code;
  });
  const errColors = colorsFor(io.stderr, io.env);
  const program = buildProgram(io, errColors.red);
  try {
    await program.parseAsync(argv, { from: "node" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; everything else commander raises is a usage error.
      // `migrate help <command>` ends as "commander.help" too, like a run with no command at all (a usage error)
      const askedForHelp = error.code === "commander.help" && argv[2] === "help";
      return error.code === "commander.helpDisplayed" || askedForHelp || error.code === "commander.version" ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`${errColors.red("error:")} ${error.message}\n`);
      return EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`${errColors.red("internal error")} (a bug in liveview-migrate, please report it):\n${detail}\n`);
    return EXIT_INTERNAL;
  }
}

export function buildProgram(io: CliIo, paintError: (text: string) => string = (text) => text): Command {
  const program = new Command("migrate");
  program
    .description("Migrate LiveViewJS live views into client components with server commands and a resumable sync stream.")
    .version(toolVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(paintError(text)),
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
    })
    .option("-q, --quiet", "print only errors, warnings and what was asked for (--json, a dry run's diff); no progress bar")
    .option("--verbose", "print more: each view's notes (apply), timings")
    .showHelpAfterError("(run `migrate --help` or `migrate <command> --help` for usage)")
    // Set before the commands are added: subcommands copy these settings when they are created.
    .exitOverride();
  program.addHelpText(
    "after",
    "\nExit codes: 0 done; 1 some files failed, apply refused, verify found a view that diverged or could not be verified, or check/verify had nothing to check; 2 applied with markers left (check: markers left); 64 usage error; 70 internal error (a bug).\nDocs: docs/cli.md",
  );
  for (const register of COMMANDS) register(program, io);
  // before or after the command's name alike: `migrate -q apply .` and `migrate apply . --quiet`
  program.hook("preAction", (_program, command) => {
    const { quiet, verbose } = command.optsWithGlobals() as { quiet?: boolean; verbose?: boolean };
    if (quiet && verbose) throw new UsageError("--quiet and --verbose cannot be used together");
    io.verbosity = quiet ? "quiet" : verbose ? "verbose" : "normal";
  });
  return program;
}
