// Inline annotations: decisions forced from the code, recorded as overrides with the analyzed class kept.
import { describe, expect, it } from "vitest";
import { analyzeSources, placement, view } from "./helpers.ts";

const src = `import { createLiveView, html } from "liveviewjs";
import { list } from "./data";
type Ctx = {
  // @migrate shared
  theme: string;
  items: string[];
};
export const v = createLiveView<Ctx>({
  mount: (socket) => {
    socket.assign({
      // @migrate ui
      items: list(),
      theme: "light",
      open: false,
    });
  },
  handleEvent: (event, socket) => {
    if (event.type === "open") socket.assign({ open: true });
  },
  render: (c) => html\`<button phx-click="open">\${c.theme}</button>\`,
});
// @migrate-ignore
export const skipped = createLiveView({ render: () => html\`\` });`;

describe("annotations", () => {
  const { merged } = analyzeSources({ "data.ts": `const rows: string[] = [];\nexport const add = (x: string) => rows.push(x);\nexport const list = () => rows;`, "v.ts": src });
  const v = view(merged, "v.ts#v");

  it("// @migrate on a key in a type forces its class", () => {
    const theme = v.state.find((k) => k.key === "theme")!;
    expect(theme.class).toBe("shared");
    expect(theme.override).toEqual({ from: "v.ts:5", kind: "annotation", analyzed: "ui" });
    expect(theme.reasons[0]!.code).toBe("USER_OVERRIDE");
  });

  it("a contradicting override on a property is applied and flagged with the evidence", () => {
    const items = v.state.find((k) => k.key === "items")!;
    expect(items.class).toBe("ui");
    expect(items.override!.analyzed).toBe("shared");
    expect(items.override!.warning).toContain("reads module state rows");
    expect(v.state.find((k) => k.key === "open")!.override).toBeUndefined();
    expect(placement(merged, "v.ts#v", "open")).toBe("client");
  });

  it("// @migrate-ignore leaves a view alone", () => {
    expect(view(merged, "v.ts#skipped").migration).toEqual({ status: "ignored", reason: "@migrate-ignore at v.ts:23" });
    expect(v.migration.status).toBe("pending");
  });
});
