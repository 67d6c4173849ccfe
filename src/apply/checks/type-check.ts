// Type-check what apply would write against a baseline taken before: a view whose output adds
// errors is rolled back to markers. Runs ts-morph on the touched files only, with the analyzed
// project's tsconfig when it has one.

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Project, ts } from "ts-morph";
import { runtimePackageFiles } from "./runtime-package.ts";

export interface TypeErrorRow {
  file: string;
  line: number;
  message: string;
}

export interface TypeCheckSession {
  /** Errors in the overlaid files (new or replaced) that the files did not have before apply. */
  newErrors(overlay: Map<string, string>): TypeErrorRow[];
  /** The program's project, with the analyzed project's options (made on first use). */
  project(): Project;
}

/** liveviewjs 0.8.1 has no `types` condition in its exports map: point bundler resolution at its d.ts. */
function liveviewjsTypes(): Record<string, string[]> {
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("liveviewjs/package.json"));
    return { liveviewjs: [join(dir, "dist", "liveview.d.ts")] };
  } catch {
    return {};
  }
}

const FALLBACK_OPTIONS: ts.CompilerOptions = {
  paths: liveviewjsTypes(),
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  allowJs: true,
  checkJs: false,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
  allowImportingTsExtensions: true,
};

/** Options and global errors (e.g. missing `types`) are the project's, not a file's. A package the
 * project's imports name but that is not installed where it sits is its environment too: generated
 * code only imports packages the original code imported (@liveview-migrate/runtime/* always resolves, to the tool's copy of the runtime). */
function missingPackage(d: ts.Diagnostic): boolean {
  if (d.code !== 2307 && d.code !== 2792 && d.code !== 7016) return false;
  const name = /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(d.messageText, "\n"))?.[1];
  return name !== undefined && !name.startsWith(".") && !name.startsWith("/") && !runtimePackageFiles().has(name);
}

/** The ts-morph project is made on first use: an apply that migrates nothing pays nothing. */
export function createTypeCheck(root: string): TypeCheckSession {
  let project: Project | undefined;
  let mapped = false;
  const baselines = new Map<string, Set<string>>();
  const abs = (file: string) => join(root, file);
  const projectOf = (): Project => {
    const tsconfig = join(root, "tsconfig.json");
    project ??= existsSync(tsconfig)
      ? new Project({ tsConfigFilePath: tsconfig, skipAddingFilesFromTsConfig: true, compilerOptions: { noEmit: true } })
      : new Project({ compilerOptions: FALLBACK_OPTIONS });
    if (!mapped) {
      // generated code imports @liveview-migrate/runtime/*: resolve it to the tool's copy wherever the project is
      mapped = true;
      const paths = { ...project.getCompilerOptions().paths };
      for (const [name, file] of runtimePackageFiles("types")) paths[name] = [file];
      project.compilerOptions.set({ paths });
    }
    return project;
  };
  const diagnosticsOf = (file: string): { key: string; row: TypeErrorRow }[] => {
    const sf = projectOf().getSourceFile(abs(file));
    if (!sf) return [];
    return sf.getPreEmitDiagnostics().filter((d) => d.getCategory() === ts.DiagnosticCategory.Error && d.getSourceFile()?.getFilePath() === sf.getFilePath() && !missingPackage(d.compilerObject)).map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, "\n");
      return { key: `${d.getCode()}:${text}`, row: { file, line: d.getLineNumber() ?? 0, message: `TS${d.getCode()}: ${text.split("\n")[0]}` } };
    });
  };
  /** Errors an existing file has before apply touches it (new files have none). */
  const baselineOf = (file: string): Set<string> => {
    if (!baselines.has(file)) {
      const exists = existsSync(abs(file)) && projectOf().addSourceFileAtPathIfExists(abs(file)) !== undefined;
      baselines.set(file, new Set(exists ? diagnosticsOf(file).map((d) => d.key) : []));
    }
    return baselines.get(file)!;
  };
  return {
    project: projectOf,
    newErrors(overlay) {
      const p = projectOf();
      const before = new Map([...overlay.keys()].map((file) => [file, baselineOf(file)]));
      const originals = new Map<string, string | undefined>();
      for (const [file, text] of overlay) {
        originals.set(file, p.getSourceFile(abs(file))?.getFullText());
        p.createSourceFile(abs(file), text, { overwrite: true });
      }
      const rows: TypeErrorRow[] = [];
      try {
        for (const file of overlay.keys()) {
          for (const d of diagnosticsOf(file)) if (!before.get(file)!.has(d.key)) rows.push(d.row);
        }
      } finally {
        // leave the project as it was: the next view is checked against the original tree
        for (const [file, text] of originals) {
          if (text === undefined) {
            const sf = p.getSourceFile(abs(file));
            if (sf) p.removeSourceFile(sf);
          } else p.createSourceFile(abs(file), text, { overwrite: true });
        }
      }
      return rows;
    },
  };
}
