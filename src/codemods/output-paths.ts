// Where apply writes a view's generated files and how they are imported. One rule, read by apply and
// by progress (a later analyze).
import { posix } from "node:path";

/** `src/views/a.ts` → `src/views/a` (also the key of plan function ids without their extension). */
export function withoutExtension(file: string): string {
  return file.replace(/\.(m?[jt]sx?)$/, "");
}

export function componentPathFor(viewFile: string): string {
  return withoutExtension(viewFile) + ".component" + generatedExt(viewFile);
}

export function commandsPathFor(viewFile: string): string {
  return withoutExtension(viewFile) + ".commands" + generatedExt(viewFile);
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
function generatedExt(viewFile: string): string {
  return viewFile.endsWith(".mjs") ? ".mjs" : /\.[cm]?jsx?$/.test(viewFile) ? ".js" : ".ts";
}
