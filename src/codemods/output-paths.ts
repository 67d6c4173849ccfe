// Where apply writes a view's generated files. One rule, read by apply and by progress (a later analyze).

export function componentPathFor(viewFile: string): string {
  return viewFile.replace(/\.(m?[jt]sx?)$/, "") + ".component" + generatedExt(viewFile);
}

export function commandsPathFor(viewFile: string): string {
  return viewFile.replace(/\.(m?[jt]sx?)$/, "") + ".commands" + generatedExt(viewFile);
}

/** A JavaScript view gets JavaScript files (types stripped when they are formatted), a TypeScript one TypeScript. */
function generatedExt(viewFile: string): string {
  return viewFile.endsWith(".mjs") ? ".mjs" : /\.[cm]?jsx?$/.test(viewFile) ? ".js" : ".ts";
}
