// `migrate explain <file>[:<view>[:<key>]]`: why a key got its class, as a chain of evidence.
// Exit 0 when explained, 64 for an unknown file / view / key (the message lists the valid names).

import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { configAnalyzeOptions, loadConfigOrThrow } from "../../config/cli.ts";
import { explain } from "../../explain/explain.ts";
import { formatExplanation } from "../../explain/format.ts";
import { findProjectRoot } from "../../discovery/root.ts";
import { parseExplainTarget } from "../../explain/target.ts";
import { EXIT_OK } from "../exit-codes.ts";
import type { CliIo } from "../io.ts";
import { UsageError } from "../usage-error.ts";

export async function runExplain(targetText: string, options: { json?: boolean; root?: string }, io: CliIo): Promise<number> {
  let target;
  try {
    target = parseExplainTarget(targetText);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const file = resolve(io.cwd, target.file);
  if (!existsSync(file)) throw new UsageError(`no such file: ${target.file}`, "UNKNOWN_FILE");
  const root = options.root ? resolve(io.cwd, options.root) : findProjectRoot(file, io.cwd);
  const rel = relative(root, file);
  if (rel.startsWith("..") || isAbsolute(rel)) throw new UsageError(`${target.file} is outside the root ${root}`);

  const config = await loadConfigOrThrow(root);
  const { analyzeProject } = await import("../../pipeline/analyze.ts");
  const { plan } = await analyzeProject(root, configAnalyzeOptions(config));
  const outcome = explain(plan, { ...target, file: rel.split(sep).join("/") });
  if (!outcome.ok) throw new UsageError(outcome.message, outcome.code);
  io.stdout.write(options.json ? `${JSON.stringify(outcome.explanation, null, 2)}\n` : formatExplanation(outcome.explanation));
  return EXIT_OK;
}
