// A component whose mount and handleParams have server parts (`load`): the mount command reads the
// session, the params command the URL; their answers (patch + effects) go to one action.
import { defineComponent, html } from "../../../../src/runtime/client/index.ts";

type CatalogState = { shelf: string; page: number; user: string; items: string[] };
type Answer = { patch: Partial<CatalogState>; effects: [string, ...unknown[]][] };

export const catalog = defineComponent<CatalogState>({
  name: "catalog",
  load: { mount: "mount", params: "handleParams", onResult: "apply_command_result" },
  mount(ctx, params) {
    ctx.assign({ shelf: params.shelf ?? "", user: "", items: [] });
  },
  handleParams(url, ctx) {
    ctx.assign({ page: Number(url.searchParams.get("page") ?? "1") });
  },
  actions: {
    apply_command_result(event, ctx) {
      const { patch, effects } = (event as unknown as { result: Answer }).result;
      ctx.assign(patch);
      for (const [name, ...args] of effects) {
        if (name === "pageTitle") ctx.pageTitle(String(args[0]));
        if (name === "putFlash") ctx.putFlash(String(args[0]), String(args[1]));
        if (name === "pushRedirect") ctx.pushRedirect(String(args[0]));
      }
    },
  },
  render: (s, meta) => html`<p id="who">${s.user}</p><p id="flash">${meta.flash?.info ?? ""}</p><p id="page">${s.shelf}/${s.page}</p><ul>${s.items.map((i) => html`<li>${i}</li>`)}</ul>`,
});
