// A view whose templates build JS commands (`new JS()`) gets `jsCommands: true` in its definition:
// the runtime cannot read that off its other keys, and the page's bundle brings the JS command runner
// only for components that set it (src/runtime/client/features.ts).
import { describe, expect, it } from "vitest";
import { migrateView } from "../../src/codemods/migrate-view.ts";
import { handPlan } from "../apply/hand-plans.ts";

function migrate(render: string, imports = "createLiveView, html") {
  const plan = handPlan({ file: "src/views/menu.ts", name: "menuView", keys: { open: "ui" }, events: { toggle: "client" } });
  const source = `import { ${imports} } from "liveviewjs";
function closeMenu() {
  return new JS().hide({ to: "#menu" });
}
export const menuView = createLiveView({
  mount: (socket) => {
    socket.assign({ open: false });
  },
  handleEvent: (event, socket) => {
    if (event.type === "toggle") socket.assign({ open: !socket.context.open });
  },
  render: (s) => html\`${render}\`,
});
`;
  const out = migrateView({ plan, text: source, existing: () => null, functions: [] });
  return { out, component: (out.newFiles.find((f) => f.file.endsWith(".component.ts"))?.text ?? "").replace(/\s+/g, " ") };
}

describe("JS commands", () => {
  it("a template that builds JS commands (here through a helper of the module) declares jsCommands", () => {
    const { out, component } = migrate(`<button phx-click="\${closeMenu()}">x</button><p phx-click="toggle">\${s.open}</p>`, "createLiveView, html, JS");
    expect(out.outcome).toBe("migrated");
    expect(component).toContain("import { defineComponent, JS, html } from \"@liveview-migrate/runtime\";");
    expect(component).toContain('name: "menu", jsCommands: true, mount(');
  });

  it("so does one whose template writes a command list out as the binding's value (no JS import)", () => {
    const { out, component } = migrate(`<button phx-click='[["push",{"event":"toggle"}],["hide",{"to":"#menu"}]]'>x</button><p>\${s.open}</p>`);
    expect(out.outcome).toBe("migrated");
    expect(component).toContain('name: "menu", jsCommands: true, mount(');
  });

  it("one without does not", () => {
    const { out, component } = migrate(`<p phx-click="toggle">\${s.open}</p>`);
    expect(out.outcome).toBe("migrated");
    expect(component).not.toContain("jsCommands");
  });
});
