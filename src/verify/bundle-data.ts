// What HTML cannot show: a migrated view that renders the same but ships server data to every
// browser. Every view's browser bundle (the one verify runs) is checked against the plan's server
// state: no module the plan says has server effects (module state, data tables, I/O, pubsub, timers,
// session) may be in it with any bytes, and no dataset of such a module may have been copied into
// the component (string values of its array literals that the original view never had).
//
// The plan is the analysis's own (`migrate analyze`), made here in-process unless `--plan` gives one.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ts } from "ts-morph";
import { serverModulesFromPlan } from "../apply/checks/bundle-check.ts";
import type { Plan } from "../plan/types.ts";

export interface ServerState {
  /** Root-relative module → why it is server state (the first function with server effects). */
  modules: Map<string, string>;
}

/** One thing a component's browser bundle should not hold. */
export interface BundleLeak {
  /** "module": the server module itself is in the bundle; "data": values of its datasets are. */
  kind: "module" | "data";
  module: string;
  why: string;
  /** Bytes of the bundle that are that module's code, or the copied values. */
  bytes: number;
  /** Data leaks: some of the values found. */
  samples?: string[];
}

/** The plan from a file (`--plan`), or from analyzing the app now. */
export async function loadPlan(root: string, planFile?: string): Promise<Plan> {
  if (planFile) return JSON.parse(readFileSync(planFile, "utf8")) as Plan;
  // loaded here: the analyzer pulls in the TypeScript compiler and the whole pipeline
  const [{ analyzeProject }, { loadConfig }, { configAnalyzeOptions }] = await Promise.all([import("../pipeline/analyze.ts"), import("../config/load.ts"), import("../config/cli.ts")]);
  const loaded = await loadConfig(root);
  const config = loaded.ok ? loaded.config : null;
  const fromConfig = configAnalyzeOptions(config, {});
  const { plan } = await analyzeProject(root, { include: fromConfig.include, exclude: fromConfig.exclude, overrides: fromConfig.overrides, configHash: fromConfig.configHash, workers: 1 });
  return plan;
}

/**
 * Server-state modules by the plan: those with functions that have server effects (what apply's bundle
 * check uses), and view files that declare server bindings of their own (module state a view's file
 * keeps, data it seeds at load), for a component that would import from its original.
 */
export function serverStateOf(plan: Plan, root: string): ServerState {
  const modules = serverModulesFromPlan(plan.functions ?? []);
  for (const view of plan.views ?? []) {
    if (modules.has(view.file) || !view.serverBindings?.length) continue;
    let imported: Set<string>;
    try {
      imported = importedNames(readFileSync(join(root, view.file), "utf8"), view.file);
    } catch {
      continue;
    }
    const own = view.serverBindings.find((b) => !imported.has(b.name));
    if (own) modules.set(view.file, `${view.file} keeps server state: ${own.why}`);
  }
  return { modules };
}

/** Local names a module imports. */
function importedNames(text: string, file: string): Set<string> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const names = new Set<string>();
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const clause = statement.importClause;
    if (clause.name) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    else if (bindings) for (const element of bindings.elements) names.add(element.name.text);
  }
  return names;
}

/** Minimum length of a dataset value worth looking for (shorter ones match by chance). */
const MIN_VALUE_LENGTH = 6;
/** A data leak needs this many distinct values of one module (one shared word is not a dataset). */
const MIN_VALUES = 2;

/** String values inside the array literals (3 elements or more) of a module: its datasets. */
export function datasetValues(text: string, file: string): Set<string> {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const values = new Set<string>();
  const visit = (node: ts.Node, inDataset: boolean): void => {
    const dataset = inDataset || (ts.isArrayLiteralExpression(node) && node.elements.length >= 3);
    if (dataset && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.length >= MIN_VALUE_LENGTH) values.add(node.text);
    // a dataset ends where code begins: strings in functions inside it are not data
    const next = dataset && !ts.isFunctionLike(node);
    ts.forEachChild(node, (child) => visit(child, next));
  };
  visit(sf, false);
  return values;
}

export interface ClientBundleFacts {
  /** Root-relative input → bytes it contributes to the bundle. */
  inputs: Map<string, number>;
  code: string;
}

/**
 * The leaks of one view's browser bundle. `originalText` is the original view's source: values it
 * had inline were in the page before the migration and are not a leak.
 */
export function findLeaks(root: string, bundle: ClientBundleFacts, state: ServerState, originalText: string): BundleLeak[] {
  const leaks: BundleLeak[] = [];
  for (const [module, why] of [...state.modules].sort()) {
    const bytes = bundle.inputs.get(module) ?? 0;
    if (bytes > 0) {
      leaks.push({ kind: "module", module, why, bytes });
      continue;
    }
    let text: string;
    try {
      text = readFileSync(join(root, module), "utf8");
    } catch {
      continue;
    }
    const found = [...datasetValues(text, module)].filter((value) => !originalText.includes(value) && bundle.code.includes(value));
    if (found.length >= MIN_VALUES) leaks.push({ kind: "data", module, why, bytes: found.reduce((n, v) => n + Buffer.byteLength(v), 0), samples: found.slice(0, 5) });
  }
  return leaks;
}
