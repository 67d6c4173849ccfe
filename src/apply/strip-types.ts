// A view written in plain JavaScript gets plain JavaScript generated files: the codemods write
// TypeScript, and this strips its types (TypeScript's own transpiler; comments and template text
// are kept as written). The transpiler drops blank lines: one goes back between top-level statements
// (imports stay together) before prettier formats the file.

import { ts } from "ts-morph";

export const isJavaScriptFile = (file: string): boolean => /\.[cm]?jsx?$/.test(file);

export function stripTypes(text: string): string {
  const js = ts.transpileModule(text, {
    fileName: "generated.ts",
    compilerOptions: { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, removeComments: false, isolatedModules: true },
  }).outputText;
  const sf = ts.createSourceFile("generated.js", js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  let out = "";
  let at = 0;
  sf.statements.forEach((statement, index) => {
    const next = sf.statements[index + 1];
    if (!next || (ts.isImportDeclaration(statement) && ts.isImportDeclaration(next))) return;
    out += js.slice(at, statement.end) + "\n";
    at = statement.end;
  });
  out += js.slice(at);
  // the header comment stands apart from the imports
  return out.replace(/^(\/\/[^\n]*\n)(?!\n)/, "$1\n");
}
