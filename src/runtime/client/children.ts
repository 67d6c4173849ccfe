// Child components in the browser (`@liveview-migrate/runtime/children`, the mount option `children`):
// `meta.live_component(child, props)` as LiveViewJS 0.8.1's live components. State starts as the props
// (without `id`), then mount → update → render on first use; a child with an id is stateful (kept by
// `<name>:<id>`, even while the parent does not render it) and gets a `myself` number that `phx-target`
// routes its events by; one without is fresh every render. Only in the bundles of pages whose
// component lists child components (`components` in its definition, features.ts).

import type { ActionContext, ComponentDefinition, RenderMeta } from "../contract.ts";
import type { HtmlSafeString } from "../template/html.ts";
import type { Target } from "./view.ts";

export type ChildSupport = typeof childComponents;

/** `makeCtx` gives a child its ActionContext; `meta` the meta its render gets (`myself`, and whether a child's own event caused the render). */
export function childComponents(makeCtx: (target: Target) => ActionContext<any>, meta: (myself: number | undefined, childEvent: boolean) => RenderMeta) {
  const children = new Map<string, Target>();
  const byCid = new Map<number, Target>();
  let cidCounter = 0;
  return {
    /** `childEvent`: the render follows a child's own event, so the children it had do not run update. */
    async render(child: ComponentDefinition<any>, props: { id?: string | number } & Record<string, unknown>, childEvent: boolean): Promise<HtmlSafeString> {
      const { id, ...rest } = props;
      const key = `${child.name}:${id}`;
      let target = id === undefined ? undefined : children.get(key);
      const known = target !== undefined;
      if (!target) {
        target = { def: child, state: rest, ctx: null as never, quiet: true };
        target.ctx = makeCtx(target);
        await child.mount?.(target.ctx, {});
        if (id !== undefined) {
          children.set(key, target);
          byCid.set((target.cid = ++cidCounter), target);
        }
      }
      target.quiet = true;
      try {
        if (!(known && childEvent)) await child.update?.(rest, target.ctx);
      } finally {
        target.quiet = false;
      }
      return child.render(target.state, meta(target.cid, childEvent));
    },
    /** The stateful child whose `myself` is `cid`. */
    byCid: (cid: number) => byCid.get(cid),
  };
}
