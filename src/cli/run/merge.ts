// `migrate merge part-*.json --out plan.json`: combines the parts of `migrate analyze --shard K/N`
// runs into the plan one unsharded `analyze --out` would have written. Refuses parts that do not
// belong together (another tool version, another tree, another config, shards missing or twice).

import { readFile, mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { serializePlan } from "../../plan/serialize.ts";
import { EXIT_FILES_FAILED, EXIT_OK } from "../exit-codes.ts";
import type { CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";
import { loadConfigOrThrow } from "../../config/cli.ts";
import { countFailedFiles } from "./analyze.ts";
import type { MergeCommandOptions } from "../commands/merge.ts";

export async function runMerge(partPaths: string[], options: MergeCommandOptions, io: CliIo): Promise<number> {
  if (!options.out && !options.json) throw new UsageError("merge needs --out <file> (or --json) to say where the plan goes");
  // Loaded here: the cross-file phase pulls in the analyzer, which `--help` does not need.
  const { mergeParts, parsePart } = await import("../../plan/merge.ts");

  const parts = [];
  for (const given of partPaths) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, given), "utf8");
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
      throw new UsageError(`cannot read part ${given}: ${reason}`, "PART_UNREADABLE");
    }
    const parsed = parsePart(text, given);
    if ("exitCode" in parsed) return refuse(parsed, io);
    parts.push({ name: given, part: parsed });
  }

  // The config's overrides apply in the cross-file phase (issue 7); it must be the one the parts were made with.
  const root = resolve(io.cwd, options.root ?? ".");
  const config = await loadConfigOrThrow(root);
  const partHash = parts[0]?.part.configHash ?? null;
  if (parts.length && (config?.hash ?? null) !== partHash)
    throw new UsageError(`the parts were made with ${partHash ? "a different config" : "no config"} than ${config ? `${config.file} in ${root}` : `the one in ${root} (none)`}: merge with the same --root and config the shards used`, "CONFIG_MISMATCH");
  const result = mergeParts(parts, { root, overrides: config ? { file: config.file, config: config.config } : undefined });
  if ("problem" in result) return refuse(result.problem, io);
  const planText = serializePlan(result.plan);
  if (options.out) {
    const outPath = resolve(io.cwd, options.out);
    await mkdir(dirname(outPath), { recursive: true });
    const temp = `${outPath}.${process.pid}.tmp`;
    await writeFile(temp, planText, "utf8");
    await rename(temp, outPath);
  }
  if (options.json) io.stdout.write(planText);
  const { summary } = result.plan;
  const note = `Merged ${parts.length} part${parts.length === 1 ? "" : "s"}: ${summary.files} files, ${summary.views} views, ${summary.components} components, ${summary.errors} errors${options.out ? ` → ${options.out}` : ""}\n`;
  (options.json ? io.stderr : io.stdout).write(note);
  return countFailedFiles(result.plan) > 0 ? EXIT_FILES_FAILED : EXIT_OK;
}

function refuse(problem: { code: string; message: string; exitCode: number }, io: CliIo): number {
  if (problem.exitCode === 64) throw new UsageError(problem.message, problem.code);
  io.stderr.write(`error: ${problem.message}\n`);
  return problem.exitCode;
}
