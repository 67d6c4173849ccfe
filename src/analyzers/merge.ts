import type { FileFacts } from "./facts.ts";
import type { MergeOptions, MergeResult } from "./index.ts";
export function mergeAll(_facts: FileFacts[], _options: MergeOptions): MergeResult {
  return { views: [], functions: [], errors: [] };
}
