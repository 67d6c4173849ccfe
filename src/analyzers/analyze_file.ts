// analyzeFile: the per-file phase. Parses one file (syntax only: fast, no type checker) and runs the
// per-file passes in order. Pure: the same input gives the same JSON-serializable output.

import { ts, parse, parseDiagnostics, lineOf, unwrap, type FileContext } from "./ast.ts";
import { buildModuleSummary } from "./1_module_summary.ts";
import { detectViews, resolvePackageRef, type DetectedView } from "./2_detect_views.ts";
import { buildViewModel, handlerMembers } from "./3_view_model.ts";
import type { FileFacts, ModuleSummary } from "./facts.ts";
import type { FileError, Span } from "../plan/types.ts";
import { blankRegions, lineAt, MAX_NESTING, scanNesting } from "./depth.ts";
import type { AnalyzeOptions, SourceInput } from "./index.ts";

const EMPTY_MODULE: ModuleSummary = { imports: [], exports: [], reExports: [], state: [], functions: [], instances: [], classes: [], values: [], changesetFactories: [], routes: [], keyAnnotations: [], aliases: [], usesLiveViewJs: false };

export function analyzeSource(input: SourceInput, _options: AnalyzeOptions): FileFacts {
  const errors: FileError[] = [];
  const failed = (code: string, message: string): FileFacts => ({ path: input.path, module: EMPTY_MODULE, views: [], errors: [{ file: input.path, code, message }] });
  // Nesting is measured before parsing, with an explicit limit (depth.ts): the parser's own limit is
  // the thread's stack, which differs between the main thread and worker threads.
  const nesting = scanNesting(input.text, input.path);
  const deepAt = (pos: number) => `${input.path}:${lineAt(input.text, pos)}: expression nested deeper than ${MAX_NESTING} levels`;
  if (nesting.unrecoverable !== undefined) return failed("TOO_DEEP", `${deepAt(nesting.unrecoverable)}; the file was not analyzed`);
  const text = nesting.regions.length > 0 ? blankRegions(input.text, nesting.regions) : input.text;
  let sf: ts.SourceFile;
  try {
    sf = parse(input.path, text);
  } catch (e) {
    // Nesting the scan does not count (labels, JSX hundreds deep) can still exhaust the parser's stack.
    if (e instanceof RangeError) return failed("TOO_DEEP", `${input.path}: nested too deep for the parser; the file was not analyzed`);
    return failed("PARSE_ERROR", `the parser failed: ${(e as Error).message}`);
  }
  const deep = nesting.regions.map((r): Span => ({ start: r.start, end: r.end }));
  const ctx: FileContext = { path: input.path, text, sf, ...(deep.length > 0 ? { deep } : {}) };
  const diags = parseDiagnostics(sf);
  if (diags.length > 0) {
    // With parts blanked out, the syntax error may be the blanking's: the nesting is what to report.
    if (deep.length > 0) return failed("TOO_DEEP", `${deepAt(nesting.regions[0]!.at)}; the file was not analyzed`);
    const d = diags[0]!;
    const msg = ts.flattenDiagnosticMessageText(d.messageText, " ");
    const more = diags.length > 1 ? ` (and ${diags.length - 1} more)` : "";
    return failed("PARSE_ERROR", `syntax error at line ${lineOf(ctx, d.start ?? 0)}: ${msg}${more}`);
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
    // A view holding a blanked part (in its definition, or in a module function it names as a
    // handler) would be analyzed without it: it is left out, and named.
    const overlaps = (node: ts.Node, r: Span) => node.getStart(sf) < r.end && r.start < node.getEnd();
    const holds = (view: DetectedView, r: Span) => overlaps(view.node, r) || [...handlerMembers(scope, view.definition).values()].some((fn) => overlaps(fn, r));
    for (const region of nesting.regions) {
      const left = detected.filter((view) => holds(view, region)).map((view) => view.name);
      const what = left.length === 0 ? "that part is not analyzed and counts as unknown code" : `${left.length === 1 ? "view" : "views"} ${left.join(", ")} ${left.length === 1 ? "is" : "are"} left out of the plan`;
      errors.push({ file: input.path, code: "TOO_DEEP", message: `${deepAt(region.at)}; ${what}` });
    }
    const views = detected.filter((view) => !deep.some((r) => holds(view, r))).map((view) => buildViewModel({ ctx, scope, view, changesetFactories, errors }));
    views.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.span.start - b.span.start));
    return { path: input.path, module: summary, views, errors: sortErrors(errors) };
  } catch (e) {
    // A bug in a pass must not stop the run: the file is reported and the others go on.
    return failed("ANALYZER_ERROR", `analysis failed: ${(e as Error).message}`);
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
