// `migrate merge part-*.json --out plan.json`: combines the parts of `migrate analyze --shard K/N`
// runs into the plan one unsharded `analyze --out` would have written. Refuses parts that do not
// belong together (another tool version, another tree, another config, shards missing or twice).

import type { Command } from "commander";
import type { CliIo } from "../io.ts";

export interface MergeCommandOptions {
  out?: string;
  json?: boolean;
  root?: string;
}

export function register(program: Command, io: CliIo): void {
  program
    .command("merge")
    .description("combine the parts of `migrate analyze --shard K/N` runs into one plan")
    .argument("<parts...>", "part files, one per shard (any order)")
    .option("--out <file>", "write the merged plan to <file>")
    .option("--json", "print the merged plan on stdout")
    .option("--root <dir>", "the analyzed folder, when the cross-file phase needs it (default: the current folder)")
    .addHelpText(
      "after",
      "\nThe merged plan is byte for byte the plan of one unsharded `migrate analyze --out` on the same tree.\n" +
        "Example:\n  migrate analyze . --shard 1/2 --out part-1.json\n  migrate analyze . --shard 2/2 --out part-2.json\n  migrate merge part-*.json --out plan.json",
    )
    .action(async (parts: string[], options: MergeCommandOptions) => {
      io.setExitCode(await (await import("../run/merge.ts")).runMerge(parts, options, io));
    });
}
