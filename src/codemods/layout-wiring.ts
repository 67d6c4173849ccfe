// Migrated pages in the app's own page shell. LiveViewJS renders every page through the page template
// (head, stylesheet, title) and wrapper template (header, flash) given to NodeExpressLiveViewServer;
// the generated wiring passes the same two to the runtime's `layout`, so a migrated page looks like
// the views still on LiveViewJS. They run on the server, where liveviewjs stays installed.

import { ts } from "ts-morph";

/** `new NodeExpressLiveViewServer(router, pageTemplate, titleDefaults, { wrapperTemplate })` → the argument texts. */
export function liveViewTemplates(sf: ts.SourceFile): { page: string; title: string; wrapper?: string } | undefined {
  let found: ts.NewExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isNewExpression(node) && node.expression.getText(sf) === "NodeExpressLiveViewServer") found = node;
    else ts.forEachChild(node, visit);
  };
  visit(sf);
  const [, page, title, options] = found?.arguments ?? [];
  // names only (or a literal title): repeating them where the middleware is mounted evaluates nothing twice
  if (!page || !isName(page) || !title || !(isName(title) || isLiteral(title))) return undefined;
  let wrapper: string | undefined;
  if (options && ts.isObjectLiteralExpression(options)) {
    for (const p of options.properties) {
      if (p.name?.getText(sf) !== "wrapperTemplate") continue;
      if (ts.isShorthandPropertyAssignment(p)) wrapper = p.name.text;
      else if (ts.isPropertyAssignment(p) && isName(p.initializer)) wrapper = p.initializer.getText(sf);
      else return undefined;
    }
  }
  return { page: page.getText(sf), title: title.getText(sf), ...(wrapper ? { wrapper } : {}) };
}

function isName(node: ts.Expression): boolean {
  return ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && isName(node.expression));
}

function isLiteral(node: ts.Expression): boolean {
  if (ts.isStringLiteralLike(node)) return true;
  return ts.isObjectLiteralExpression(node) && node.properties.every((p) => ts.isPropertyAssignment(p) && ts.isStringLiteralLike(p.initializer));
}

/** The `layout` option of expressMiddleware. */
export function layoutOption(templates: { page: string; title: string; wrapper?: string }, dropScripts: string[] = []): string {
  const options = dropScripts.length > 0 ? [`{ dropScripts: ${JSON.stringify(dropScripts)} }`] : [];
  return `liveViewLayout(${[templates.page, templates.title, ...(templates.wrapper || options.length ? [templates.wrapper ?? "undefined"] : []), ...options].join(", ")})`;
}

/** With `LayoutMeta` added to the generated file's type import from @liveview-migrate/runtime/server. */
export const LAYOUT_IMPORT = `import { safe, type LiveTitleOptions, type LiveViewHtmlPageTemplate, type LiveViewWrapperTemplate } from "liveviewjs";`;

// The page template also loads the app's Phoenix LiveView client. On a page with no LiveView it
// would adopt the body as a "dead view" and run every JS command (phx-click="[[...]]") a second time
// next to the runtime; a body marked as a nested view with a parent elsewhere is neither joined nor
// adopted, so the client stays idle while the app's other scripts still run.
export const LAYOUT_SOURCE = `
/** Migrated pages in the app's LiveViewJS page and wrapper templates (the session given to the wrapper is the one commands see). */
export function liveViewLayout(pageTemplate: LiveViewHtmlPageTemplate, titleDefaults: LiveTitleOptions, wrapperTemplate?: LiveViewWrapperTemplate, options: { dropScripts?: string[] } = {}) {
  const drop = new Set(options.dropScripts ?? []);
  return async (body: string, meta: LayoutMeta): Promise<string> => {
    const content = wrapperTemplate ? await wrapperTemplate(meta.session, safe(body)) : safe(body);
    let page = String(await pageTemplate({ ...titleDefaults, ...(meta.title ? { title: meta.title } : {}) }, "", content));
    // scripts the config's layout.dropScripts names (the app's LiveViewJS client): not needed here
    if (drop.size > 0) page = page.replace(/<script\\b[^>]*\\bsrc=["']([^"']+)["'][^>]*>\\s*<\\/script>\\s*/gi, (tag, src: string) => (drop.has(src) ? "" : tag));
    // the app's LiveView client (loaded by the page template) must leave this page to the runtime
    return page.replace(/<body\\b/i, '<body data-phx-session="" data-phx-parent-id="liveview-migrate"');
  };
}
`;
