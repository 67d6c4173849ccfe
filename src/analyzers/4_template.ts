// Pass 4: template facts from a render function: phx-* attributes in the html`` text (static or
// dynamic values), helper calls, forms with their fields, live components rendered, keys read.

import { ts, type FileContext, accessPath, lineOf, locOf, propName, textOf, unwrap, uniqSorted, sortBy, compareLoc, walkTree } from "./ast.ts";
import type { ModuleScope } from "./1_module_summary.ts";
import type { TemplateBinding, TemplateFacts } from "../plan/types.ts";

const HELPERS = new Set([
  "form_for", "text_input", "telephone_input", "error_tag", "submit", "options_for_select", "live_patch", "live_title_tag",
  "live_file_input", "live_img_preview", "safe", "join", "escapehtml",
]);
const FIELD_HELPERS = new Set(["text_input", "telephone_input", "live_file_input"]);
const PLACEHOLDER = /\u0001(\d+)\u0001/g;

interface Piece {
  cStart: number;
  srcStart: number;
}

export function buildTemplateFacts(ctx: FileContext, scope: ModuleScope, render: ts.Node, reads: string[], isMeta: (id: string) => boolean): TemplateFacts {
  const bindings: TemplateBinding[] = [];
  const helpers = new Set<string>();
  const forms: TemplateFacts["forms"] = [];
  const components: TemplateFacts["components"] = [];
  const fieldHelperFields: string[] = [];
  const formForCalls: { event?: string; changeEvent?: string; at: string }[] = [];

  const helperName = (callee: ts.Expression): string | undefined => {
    const c = unwrap(callee);
    if (ts.isIdentifier(c)) {
      const imp = scope.imports.get(c.text);
      const n = imp && imp.imported !== "*" && imp.imported !== "default" ? imp.imported : c.text;
      return HELPERS.has(n) || n === "live_component" ? n : undefined;
    }
    if (ts.isPropertyAccessExpression(c)) {
      const ap = accessPath(c);
      if (ap && ap.path.length === 1 && ap.path[0] === "live_component") return "live_component";
      if (ap && ap.path.length === 1 && HELPERS.has(ap.path[0]!) && scope.imports.get(ap.root)?.specifier === "liveviewjs") return ap.path[0];
    }
    return undefined;
  };

  // render helpers of this module (`${grid(picked)}`): their markup is the view's too
  const helpersFollowed = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && /(^|\.)html$/.test(node.tag.getText(ctx.sf))) scanTemplate(node.template);
    else if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const own = ts.isIdentifier(callee) && !scope.imports.has(callee.text) ? scope.functions.get(callee.text) : undefined;
      if (own && own !== render && !helpersFollowed.has(own) && helpersFollowed.size < 50) {
        helpersFollowed.add(own);
        walkTree(own, visit);
      }
      const h = helperName(node.expression);
      if (h) {
        helpers.add(h);
        if (h === "live_component") {
          const c = node.arguments[0];
          if (c) components.push({ name: textOf(ctx, c, 80), at: locOf(ctx, node) });
        } else if (FIELD_HELPERS.has(h)) {
          const f = node.arguments[1];
          if (f && ts.isStringLiteralLike(unwrap(f))) fieldHelperFields.push((unwrap(f) as ts.StringLiteral).text);
        } else if (h === "form_for") {
          const opts = node.arguments[2] ? unwrap(node.arguments[2]) : undefined;
          const rec: { event?: string; changeEvent?: string; at: string } = { at: locOf(ctx, node) };
          if (opts && ts.isObjectLiteralExpression(opts)) {
            for (const p of opts.properties) {
              if (!ts.isPropertyAssignment(p)) continue;
              const k = propName(p.name);
              const v = unwrap(p.initializer);
              if (!ts.isStringLiteralLike(v)) continue;
              if (k === "phx_submit") rec.event = v.text;
              if (k === "phx_change") rec.changeEvent = v.text;
              if (k === "phx_submit" || k === "phx_change") bindings.push({ attr: k.replace("_", "-"), value: v.text, dynamic: false, at: locOf(ctx, p) });
            }
          }
          formForCalls.push(rec);
        }
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(unwrap(node.expression))) {
      const n = (unwrap(node.expression) as ts.Identifier).text;
      const imp = scope.imports.get(n);
      if ((imp?.imported ?? n) === "JS") helpers.add("JS");
    }
  };

  const scanTemplate = (tpl: ts.TemplateLiteral) => {
    const pieces: Piece[] = [];
    const exprs: ts.Expression[] = [];
    let combined = "";
    const addLiteral = (lit: ts.Node, startTrim: number, endTrim: number) => {
      const start = lit.getStart(ctx.sf) + startTrim;
      const end = lit.getEnd() - endTrim;
      pieces.push({ cStart: combined.length, srcStart: start });
      combined += ctx.text.slice(start, end);
    };
    if (ts.isNoSubstitutionTemplateLiteral(tpl)) addLiteral(tpl, 1, 1);
    else {
      addLiteral(tpl.head, 1, 2);
      tpl.templateSpans.forEach((span, i) => {
        combined += `\u0001${i}\u0001`;
        exprs.push(span.expression);
        addLiteral(span.literal, 1, ts.isTemplateTail(span.literal) ? 1 : 2);
      });
    }
    const locAt = (ci: number): string => {
      let p = pieces[0]!;
      for (const q of pieces) if (q.cStart <= ci) p = q;
      return `${ctx.path}:${lineOf(ctx, p.srcStart + Math.max(0, ci - p.cStart))}`;
    };
    const valueOf = (raw: string): { value: string; dynamic: boolean } => {
      const only = /^\u0001(\d+)\u0001$/.exec(raw);
      if (only) {
        const e = unwrap(exprs[Number(only[1])]!);
        if (ts.isStringLiteralLike(e)) return { value: e.text, dynamic: false };
      }
      if (raw.includes("\u0001")) return { value: raw.replace(PLACEHOLDER, (_m, i: string) => "${" + textOf(ctx, exprs[Number(i)]!, 80) + "}"), dynamic: true };
      return { value: raw, dynamic: false };
    };
    const attrRe = /(?:^|[\s"'])(phx-[a-z0-9_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/gi;
    for (const m of combined.matchAll(attrRe)) {
      const raw = m[2] ?? m[3] ?? m[4] ?? "";
      const { value, dynamic } = valueOf(raw);
      bindings.push({ attr: m[1]!.toLowerCase(), value, dynamic, at: locAt(m.index ?? 0) });
    }
    const formRe = /<form\b([^>]*)>/gi;
    for (const m of combined.matchAll(formRe)) {
      const attrs = m[1] ?? "";
      const get = (name: string) => {
        const r = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i").exec(attrs);
        return r ? valueOf(r[1] ?? r[2] ?? "") : undefined;
      };
      const submit = get("phx-submit");
      const change = get("phx-change");
      const startIdx = (m.index ?? 0) + m[0].length;
      const endIdx = combined.indexOf("</form", startIdx);
      const inner = combined.slice(startIdx, endIdx < 0 ? undefined : endIdx);
      const fields: string[] = [];
      const sent: string[] = [];
      for (const f of inner.matchAll(/<(input|select|textarea)\b[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>/gi)) {
        const v = valueOf(f[2] ?? f[3] ?? "");
        if (v.dynamic) continue;
        fields.push(v.value);
        if (alwaysSent(f[1]!.toLowerCase(), f[0])) sent.push(v.value);
      }
      forms.push({ event: submit && !submit.dynamic ? submit.value : undefined, changeEvent: change && !change.dynamic ? change.value : undefined, fields: uniqSorted(fields), ...(sent.length ? { sent: uniqSorted(sent) } : {}), at: locAt(m.index ?? 0) });
    }
  };

  walkTree(render, visit);
  // live components rendered by module-level helpers render calls (a row renderer given meta): components only
  // A queue, not nested walks: a long chain of helpers calling helpers cannot overflow the stack.
  const followed = new Set<ts.Node>();
  const queue: ts.Node[] = [render];
  const follow = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const fn = ts.isIdentifier(node.expression) ? scope.functions.get(node.expression.text) : undefined;
      if (fn && fn !== render && !followed.has(fn)) {
        followed.add(fn);
        queue.push(fn);
      }
      const c = node.arguments[0];
      // render's own calls were found by visit() above
      if (c && helperName(node.expression) === "live_component" && !components.some((x) => x.at === locOf(ctx, node) && x.name === textOf(ctx, c, 80))) {
        components.push({ name: textOf(ctx, c, 80), at: locOf(ctx, node) });
      }
    }
  };
  for (let next = 0; next < queue.length; next++) walkTree(queue[next]!, follow);
  for (const f of formForCalls) forms.push({ event: f.event, changeEvent: f.changeEvent, fields: uniqSorted(fieldHelperFields), at: f.at });
  void isMeta;
  return {
    reads: uniqSorted(reads),
    bindings: sortBy(bindings, (b) => `${b.attr}\0${b.value}`).sort((a, b) => compareLoc(a.at, b.at) || (a.attr < b.attr ? -1 : a.attr > b.attr ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
    helpers: uniqSorted(helpers),
    forms: forms.sort((a, b) => compareLoc(a.at, b.at)).map((f) => clean(f)),
    components: components.sort((a, b) => compareLoc(a.at, b.at) || (a.name < b.name ? -1 : 1)),
    span: { start: render.getStart(ctx.sf), end: render.getEnd() },
  };
}

/**
 * Does a browser send this control with every submit and change of its form? A text-like input, a
 * textarea or a single select, written in the form's own template (not behind a condition), that
 * nothing can disable: no `disabled`, no interpolation outside an attribute's quotes.
 */
function alwaysSent(tag: string, text: string): boolean {
  const bare = text.replace(/"[^"]*"|'[^']*'/g, '""');
  if (bare.includes("\u0001") || /\bdisabled\b|\bform\s*=/i.test(bare)) return false;
  if (tag === "textarea") return true;
  if (tag === "select") return !/\bmultiple\b/i.test(bare);
  const type = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/i.exec(text);
  const kind = (type?.[1] ?? type?.[2] ?? type?.[3] ?? "text").toLowerCase();
  return !["checkbox", "radio", "file", "submit", "button", "image", "reset"].includes(kind) && !kind.includes("\u0001");
}

/** Drops undefined fields so the JSON is stable. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
