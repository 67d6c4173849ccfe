// Inline annotations that travel with the code (issue 7): `// @migrate shared` (or ui / form) above an
// assign, a property, or a key in a type; `// @migrate-ignore` above a view. Read from comments here,
// in the per-file phase; applied to decisions in merge.

import { ts, type FileContext, locOf, propName, walkTree } from "./ast.ts";
import type { Location } from "../plan/types.ts";

const CLASS_RE = /@migrate\s+(ui|form|shared)\b/;
const IGNORE_RE = /@migrate-ignore\b/;

function leadingComments(ctx: FileContext, node: ts.Node): string[] {
  return (ts.getLeadingCommentRanges(ctx.text, node.getFullStart()) ?? []).map((r) => ctx.text.slice(r.pos, r.end));
}

/** An annotation on the node or on the statement that holds it. */
export function classAnnotation(ctx: FileContext, node: ts.Node): { class: "ui" | "form" | "shared"; at: Location } | undefined {
  let n: ts.Node | undefined = node;
  for (let i = 0; n && i < 6; i++, n = n.parent) {
    for (const c of leadingComments(ctx, n)) {
      const m = CLASS_RE.exec(c);
      if (m) return { class: m[1] as "ui" | "form" | "shared", at: locOf(ctx, n) };
    }
    if (ts.isStatement(n) || ts.isClassElement(n)) break;
  }
  return undefined;
}

/** `@migrate-ignore` above the view's statement (or class). */
export function ignoreAnnotation(ctx: FileContext, node: ts.Node): Location | undefined {
  let n: ts.Node | undefined = node;
  while (n && !ts.isSourceFile(n)) {
    if (leadingComments(ctx, n).some((c) => IGNORE_RE.test(c))) return locOf(ctx, n);
    if (ts.isStatement(n) && ts.isSourceFile(n.parent)) break;
    n = n.parent;
  }
  return undefined;
}

/** Annotated properties of type literals and interfaces in the file. */
export function typeKeyAnnotations(ctx: FileContext): { key: string; class: "ui" | "form" | "shared"; at: Location }[] {
  const out: { key: string; class: "ui" | "form" | "shared"; at: Location }[] = [];
  if (!ctx.text.includes("@migrate")) return out;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node)) {
      const key = propName(node.name);
      const a = key ? leadingComments(ctx, node).map((c) => CLASS_RE.exec(c)).find(Boolean) : undefined;
      if (key && a) out.push({ key, class: a[1] as "ui" | "form" | "shared", at: locOf(ctx, node) });
    }
  };
  walkTree(ctx.sf, visit);
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
