// The analysis API: analyzeFile (per file, pure, parallel-safe) and mergeFacts (cross-file phase:
// effect fixpoint over the call graph, classification, event placement). See DESIGN.md.

import type { FileError, FunctionEffects, ViewPlan } from "../plan/types.ts";
import type { FileFacts } from "./facts.ts";
import { analyzeSource } from "./analyze_file.ts";
import { mergeAll } from "./merge.ts";

export type { FileFacts } from "./facts.ts";
export { REASONS, type ReasonCode } from "./reasons.ts";
export { EFFECT_KINDS, type EffectKind } from "./effects.ts";
export { overrideKey } from "./9_overrides.ts";

export interface SourceInput {
  /** POSIX, relative to the analyzed root. */
  path: string;
  /** Decoded UTF-8, BOM kept. */
  text: string;
}

export interface AnalyzeOptions {
  /** Absolute path of the analyzed dir. */
  root: string;
}

export interface MergeOptions {
  root: string;
  /** Reserved for issue 7 (overrides). */
  overrides?: unknown;
}

export interface MergeResult {
  views: ViewPlan[];
  functions: FunctionEffects[];
  errors: FileError[];
}

/** Per-file facts: pure, JSON-serializable, deterministic. */
export function analyzeFile(input: SourceInput, options: AnalyzeOptions): FileFacts {
  return analyzeSource(input, options);
}

/** Cross-file phase over every file's facts. */
export function mergeFacts(facts: FileFacts[], options: MergeOptions): MergeResult {
  return mergeAll(facts, options);
}
