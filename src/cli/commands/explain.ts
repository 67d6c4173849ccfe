// `migrate explain <file>[:<view>[:<key>]]`: why a key got its class, as a chain of evidence.
// Exit 0 when explained, 64 for an unknown file / view / key (the message lists the valid names).

import type { Command } from "commander";
import type { CliIo } from "../io.ts";

export function register(program: Command, io: CliIo): void {
  program
    .command("explain")
    .description("show the evidence behind the class of one key, or of every key of a view")
    .argument("<target>", "<file>[:<view>[:<key>]], the file relative to the current folder")
    .option("--json", "print the explanation as JSON")
    .option("--root <dir>", "the analyzed project (default: nearest folder above the file with migrate.config.* or package.json)")
    .addHelpText("after", "\nExamples:\n  migrate explain src/views/notes.ts\n  migrate explain src/views/notes.ts:notesLiveView:notes --json")
    .action(async (targetText: string, options: { json?: boolean; root?: string }) => {
      io.setExitCode(await (await import("../run/explain.ts")).runExplain(targetText, options, io));
    });
}
