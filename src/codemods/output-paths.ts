// Where apply writes a view's generated files and how they are imported. One rule, read by apply and
// by progress (a later analyze).
import { posix } from "node:path";

/** `src/views/a.ts` → `src/views/a` (also the key of plan function ids without their extension). */
export function withoutExtension(file: string): string {
  return file.replace(/\.(m?[jt]sx?)$/, "");
}

/**
 * `src/views/a.ts` → `src/views/a.component.ts`. A module that defines several views or components
 * gets a pair of files per definition (`definition` set): `src/views/map.siteListView.component.ts`.
 */
export function componentPathFor(viewFile: string, definition?: string): string {
  return stemFor(viewFile, definition) + ".component" + generatedExt(viewFile);
}

export function commandsPathFor(viewFile: string, definition?: string): string {
  return stemFor(viewFile, definition) + ".commands" + generatedExt(viewFile);
}

function stemFor(viewFile: string, definition: string | undefined): string {
  return withoutExtension(viewFile) + (definition ? `.${definition.replace(/[^\w$-]/g, "_")}` : "");
}

/** The `definition` argument of the paths above for one plan view: its name when its module defines another view or component too. */
export function definitionPart(view: { id: string; file: string; name: string }, all: readonly { id: string; file: string }[]): string | undefined {
  return all.some((v) => v.file === view.file && v.id !== view.id) ? view.name : undefined;
}

/** The import path of `target` from `from`, in the style `original` was written in: no extension,
 *  `.js` for a TypeScript file, or the file's own extension. */
export function specifierInStyle(from: string, target: string, original: string): string {
  let path = posix.relative(posix.dirname(from), target);
  if (!path.startsWith(".")) path = `./${path}`;
  const ext = posix.extname(target);
  const written = posix.extname(original);
  if (written === "") return path.slice(0, -ext.length);
  if (written === ".js" && ext !== ".js") return path.slice(0, -ext.length) + ".js";
  return path;
}

/** A JavaScript view gets JavaScript files (types stripped when they are formatted), a TypeScript one TypeScript. */
export function generatedExt(viewFile: string): string {
  return viewFile.endsWith(".mjs") ? ".mjs" : /\.[cm]?jsx?$/.test(viewFile) ? ".js" : ".ts";
}
