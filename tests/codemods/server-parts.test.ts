// The server parts of mount / handleParams (src/codemods/server-parts.ts): what moves to the `load`
// commands, what stays in the browser, and which shared keys a command may recompute from the session.
import { describe, expect, it } from "vitest";
import { migrateView } from "../../src/codemods/migrate-view.ts";
import { handPlan, type HandView } from "../apply/hand-plans.ts";

const DATA = [{ id: "src/data/items.ts#getItem", effects: ["module-state-read"], via: [] }] as never;

function migrate(view: Omit<HandView, "file" | "name">, source: string) {
  const plan = handPlan({ file: "src/views/item.ts", name: "itemView", ...view });
  const out = migrateView({ plan, text: source, existing: () => null, functions: DATA });
  const squash = (file: string) => (out.newFiles.find((f) => f.file.endsWith(file))?.text ?? "").replace(/\s+/g, " ");
  return { out, component: squash(".component.ts"), commands: squash(".commands.ts") };
}

const header = `import { createLiveView, html } from "liveviewjs";
import { getItem } from "../data/items.ts";
`;

describe("load commands (server parts of mount and handleParams)", () => {
  it("a client guard holds in the command too; a cut assign keeps the right properties on each side", () => {
    const { out, component, commands } = migrate(
      { keys: { id: "ui", open: "ui", item: "shared", label: "shared", tab: "ui" } },
      `${header}export const itemView = createLiveView({
  mount: async (socket, _session, params) => {
    const id = String(params.id);
    if (!id) return;
    const item = await getItem(id);
    socket.assign({ id, item, open: false, label: item ? item.name : "none", tab: "a" });
  },
  render: (s) => html\`<p>\${s.id}</p>\`,
});
`,
    );
    expect(out.outcome).toBe("migrated");
    expect(component).toContain('load: { mount: "mount" }');
    expect(component).toContain("const id = String(params.id); if (!id) return; ctx.assign({ id, open: false, tab: \"a\" });");
    expect(component).not.toContain("getItem");
    expect(commands).toContain("const id = String(params.id); if (!id) return patch; const item = await getItem(id); Object.assign(patch, { item, label: item ? item.name : \"none\" });");
    expect(commands).toContain("params: z.object({ params: z.record(z.string(), z.string()) })");
  });

  it("a shared key from a `let` local is not recomputed per event: the whole handler runs on the server, where mount rebuilds it from the session", () => {
    const { out, component, commands } = migrate(
      { keys: { item: "shared", owner: "shared" }, events: { check: "server" } },
      `${header}export const itemView = createLiveView({
  mount: async (socket, session) => {
    let owner = String(session.user);
    owner = owner.trim();
    socket.assign({ owner, item: await getItem(owner) });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "check":
        await getItem(socket.context.owner);
        break;
    }
  },
  render: (s) => html\`<p>\${s.owner}</p>\`,
});
`,
    );
    expect(out.outcome).toBe("migrated");
    expect(commands).toContain(`runLiveHandler(itemView, "event", input, [], ctx)`);
    expect(commands).toContain(`import { itemView } from "./item.ts";`);
    // the browser sends no copy of a shared key: the server never trusts one
    expect(component).toContain("state: { }");
    expect(component).not.toContain("owner:");
  });

  it("a handleParams that does server work: the ui part stays, the command gets the URL", () => {
    const { out, component, commands } = migrate(
      { keys: { page: "ui", item: "shared" } },
      `${header}export const itemView = createLiveView({
  mount: (socket) => {
    socket.assign({ page: 1, item: null });
  },
  handleParams: async (url, socket) => {
    const page = Number(url.searchParams.get("page") ?? "1");
    socket.assign({ page });
    socket.assign({ item: await getItem(String(page)) });
  },
  render: (s) => html\`<p>\${s.page}</p>\`,
});
`,
    );
    expect(out.outcome).toBe("migrated");
    expect(component).toContain('load: { mount: "mount", params: "handleParams" }');
    expect(component).toContain("handleParams(url, ctx) { const page = Number(url.searchParams.get(\"page\") ?? \"1\"); ctx.assign({ page }); }");
    expect(commands).toContain("const url = new URL(input.url); const patch: Record<string, unknown> = {}; const page = Number(url.searchParams.get(\"page\") ?? \"1\"); Object.assign(patch, { item: await getItem(String(page)) }); return patch;");
    expect(commands).not.toContain("Object.assign(patch, { page })");
  });
});
