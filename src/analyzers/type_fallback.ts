// Type information where the syntactic pass cannot decide: a call whose callee it could not follow
// (a method on a value built by a factory, a callee typed through an interface or a generic helper).
// Loaded lazily with ts-morph, only for the files that have such calls: the type checker costs about
// ten times the syntactic pass per file, so it never runs over the whole project.

import { existsSync, readFileSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { Project, ts } from "ts-morph";
import type { Target } from "./5_resolve.ts";
import { blankRegions, scanNesting } from "./depth.ts";
import { walkTree } from "./ast.ts";

export interface TypeFallback {
  /** Resolves the callee of the call starting at `pos` in `path`, or undefined when types do not tell. */
  resolveCall(path: string, pos: number): Target | undefined;
}

/**
 * `tooDeep`: analyzed files with parts nested past the limit (TOO_DEEP). The checker reads them as the
 * per-file phase did, blanked (or empty), so that no file reaches the parser's own, thread-dependent
 * limit here either.
 */
export function createTypeFallback(root: string, hasFunction: (id: string) => boolean, tooDeep: readonly string[] = []): TypeFallback {
  let project: Project | undefined;
  let checker: ts.TypeChecker | undefined;
  let failed = false;
  const cache = new Map<string, Target | undefined>();

  const init = (): boolean => {
    if (project || failed) return !failed;
    try {
      const { baseUrl, paths } = readCompilerPaths(root);
      project = new Project({
        compilerOptions: {
          ...SYMBOL_COMPILER_OPTIONS,
          ...(baseUrl !== undefined ? { baseUrl: join(root, baseUrl) } : {}),
          ...(paths ? { paths } : {}),
        },
        skipAddingFilesFromTsConfig: true,
      });
      for (const path of tooDeep) {
        const abs = join(root, path);
        if (!existsSync(abs)) continue;
        const text = readFileSync(abs, "utf8");
        const nesting = scanNesting(text, path);
        // Nothing to cut, or nothing found to cut (the parser itself gave up): the file is not read at all.
        const cut = nesting.unrecoverable === undefined && nesting.regions.length > 0;
        project.createSourceFile(abs, cut ? blankRegions(text, nesting.regions) : "", { overwrite: true });
      }
      return true;
    } catch {
      failed = true;
      return false;
    }
  };

  const resolveCall = (path: string, pos: number): Target | undefined => {
    const key = `${path}\0${pos}`;
    if (cache.has(key)) return cache.get(key);
    let out: Target | undefined;
    try {
      out = resolveUncached(path, pos);
    } catch {
      out = undefined;
    }
    cache.set(key, out);
    return out;
  };

  const resolveUncached = (path: string, pos: number): Target | undefined => {
    const abs = join(root, path);
    if (!existsSync(abs) || !init()) return undefined;
    let sf = project!.getSourceFile(abs);
    if (!sf) {
      // A new file changes the program: resolve its imports once and take a fresh checker.
      sf = project!.addSourceFileAtPath(abs);
      project!.resolveSourceFileDependencies();
      checker = undefined;
    }
    checker ??= project!.getTypeChecker().compilerObject;
    // Find the call (or `new`) expression that starts at pos (a walk without recursion: long chains).
    let node: ts.Node | undefined;
    walkTree(sf.compilerNode, (n) => {
      if (node) return false;
      if (n.getStart(sf!.compilerNode) === pos && (ts.isCallExpression(n) || ts.isNewExpression(n))) node = n;
      return !node && n.pos <= pos && n.end >= pos;
    });
    if (!node) return undefined;
    const callee = (node as ts.CallExpression).expression;
    const at = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    let sym = checker.getSymbolAtLocation(at);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.declarations?.[0];
    if (!decl) return undefined;
    const file = decl.getSourceFile().fileName;
    const nm = file.lastIndexOf("/node_modules/");
    if (nm >= 0) {
      const rest = file.slice(nm + "/node_modules/".length).split("/");
      const pkg = rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
      const spec = pkg === "@types" ? rest[1]! : pkg;
      return { kind: "package", specifier: spec === "node" ? "node:" + (rest[2] ?? "").replace(/\.d\.ts$/, "") : spec, name: sym!.name, member: [] };
    }
    if (file.includes("/typescript/lib/lib.")) return { kind: "value", id: `lib#${sym!.name}` };
    const rel = relative(root, file).split(sep).join(posix.sep);
    const name = qualifiedName(decl);
    if (!name) return undefined;
    const id = `${rel}#${name}`;
    return hasFunction(id) ? { kind: "function", id } : undefined;
  };

  return { resolveCall };
}

/** The name pass 1 gives a function declared at `decl`: "fn", "Class.method", "obj.method". */
function qualifiedName(decl: ts.Declaration): string | undefined {
  const own = (decl as ts.NamedDeclaration).name;
  const name = own && (ts.isIdentifier(own) || ts.isStringLiteral(own)) ? own.text : undefined;
  if (ts.isFunctionDeclaration(decl)) return name ?? "default";
  if (ts.isVariableDeclaration(decl)) return name;
  const parent = decl.parent;
  if ((ts.isMethodDeclaration(decl) || ts.isPropertyDeclaration(decl) || ts.isGetAccessor(decl)) && ts.isClassLike(parent)) return parent.name ? `${parent.name.text}.${name}` : undefined;
  if ((ts.isMethodDeclaration(decl) || ts.isPropertyAssignment(decl) || ts.isShorthandPropertyAssignment(decl)) && ts.isObjectLiteralExpression(parent)) {
    const holder = parent.parent;
    if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return `${holder.name.text}.${name}`;
  }
  return undefined;
}

/**
 * Compiler options for reading symbols of a project (never emitting, never type-checking it whole).
 * liveviewjs 0.8.1 has no `types` condition in its exports map: "node" resolution reads its `types` field.
 */
export const SYMBOL_COMPILER_OPTIONS = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  allowImportingTsExtensions: true,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
};

/** `baseUrl` and `paths` of the project's tsconfig.json (module resolution needs them; the rest is ours). */
export function readCompilerPaths(root: string): { baseUrl?: string; paths?: Record<string, string[]> } {
  try {
    const text = readFileSync(join(root, "tsconfig.json"), "utf8");
    const co = (ts.parseConfigFileTextToJson("tsconfig.json", text).config?.compilerOptions ?? {}) as { baseUrl?: string; paths?: Record<string, string[]> };
    return { baseUrl: co.baseUrl ?? (co.paths ? "." : undefined), paths: co.paths };
  } catch {
    return {};
  }
}
