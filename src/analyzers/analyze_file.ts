// analyzeFile: the per-file phase. Parses one file (syntax only: fast, no type checker) and runs the
// per-file passes in order. Pure: the same input gives the same JSON-serializable output.

import { ts, parse, parseDiagnostics, lineOf, unwrap, type FileContext } from "./ast.ts";
import { buildModuleSummary } from "./1_module_summary.ts";
import { detectViews, resolvePackageRef } from "./2_detect_views.ts";
import { buildViewModel } from "./3_view_model.ts";
import type { FileFacts, ModuleSummary } from "./facts.ts";
import type { FileError } from "../plan/types.ts";
import type { AnalyzeOptions, SourceInput } from "./index.ts";

const EMPTY_MODULE: ModuleSummary = { imports: [], exports: [], reExports: [], state: [], functions: [], instances: [], classes: [], values: [], changesetFactories: [], routes: [], keyAnnotations: [], aliases: [], usesLiveViewJs: false };

export function analyzeSource(input: SourceInput, _options: AnalyzeOptions): FileFacts {
  const errors: FileError[] = [];
  let sf: ts.SourceFile;
  try {
    sf = parse(input.path, input.text);
  } catch (e) {
    return { path: input.path, module: EMPTY_MODULE, views: [], errors: [{ file: input.path, code: "PARSE_ERROR", message: `the parser failed: ${(e as Error).message}` }] };
  }
  const ctx: FileContext = { path: input.path, text: input.text, sf };
  const diags = parseDiagnostics(sf);
  if (diags.length > 0) {
    const d = diags[0]!;
    const msg = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const more = diags.length > 1 ? ` (and ${diags.length - 1} more)` : "";
    return { path: input.path, module: EMPTY_MODULE, views: [], errors: [{ file: input.path, code: "PARSE_ERROR", message: `syntax error at line ${lineOf(ctx, d.start ?? 0)}: ${msg}${more}` }] };
  }
  try {
    const { summary, scope } = buildModuleSummary(ctx);
    const changesetFactories = new Set<string>();
    for (const [name, init] of scope.consts) {
      const e = unwrap(init);
      if (ts.isCallExpression(e)) {
        const ref = resolvePackageRef(scope, e.expression);
        if (ref?.via === "liveviewjs" && ref.name === "newChangesetFactory") changesetFactories.add(name);
      }
    }
    summary.changesetFactories = [...changesetFactories].sort();
    const detected = detectViews(ctx, scope, summary.exports);
    const views = detected.map((view) => buildViewModel({ ctx, scope, view, changesetFactories, errors }));
    views.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.span.start - b.span.start));
    return { path: input.path, module: summary, views, errors: sortErrors(errors) };
  } catch (e) {
    // A bug in a pass must not stop the run: the file is reported and the others go on.
    return { path: input.path, module: EMPTY_MODULE, views: [], errors: [{ file: input.path, code: "ANALYZER_ERROR", message: `analysis failed: ${(e as Error).message}` }] };
  }
}

function sortErrors(errors: FileError[]): FileError[] {
  const seen = new Set<string>();
  return errors
    .filter((e) => {
      const k = `${e.code}\0${e.message}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}
