// Where apply writes a view's generated files. One rule, read by apply and by progress (a later analyze).

export function componentPathFor(viewFile: string): string {
  return viewFile.replace(/\.(m?[jt]sx?)$/, "") + ".component.ts";
}

export function commandsPathFor(viewFile: string): string {
  return viewFile.replace(/\.(m?[jt]sx?)$/, "") + ".commands.ts";
}
