// Uploads in the codemod (src/codemods/uploads.ts): what becomes the component's `uploads`, and what
// stays a marker because the browser could not know which files to upload or with which limits.
// The migrated happy path is the golden case fixtures/apply-cases/uploads.
import { describe, expect, it } from "vitest";
import { migrateView } from "../../src/codemods/migrate-view.ts";
import { handPlan } from "../apply/hand-plans.ts";

const DATA = [{ id: "src/data/files.ts#store", effects: ["node-builtin"], via: [] }] as never;

function migrate(mount: string, save: string) {
  const plan = handPlan({ file: "src/views/files.ts", name: "filesView", keys: { count: "shared" }, events: { save: "server" } });
  const source = `import { createLiveView, html, live_file_input } from "liveviewjs";
import { store } from "../data/files.ts";
const LIMITS = { accept: [".pdf"], max_entries: 4 };
export const filesView = createLiveView({
  mount: async (socket) => {
${mount}
    socket.assign({ count: 0 });
  },
  handleEvent: async (event, socket) => {
    switch (event.type) {
      case "save": {
${save}
        socket.assign({ count: 1 });
        break;
      }
    }
  },
  render: (s, meta) => html\`<form phx-submit="save">\${live_file_input(meta.uploads.docs)}</form>\`,
});
`;
  const out = migrateView({ plan, text: source, existing: () => null, functions: DATA });
  const squash = (file: string) => (out.newFiles.find((f) => f.file.endsWith(file))?.text ?? "").replace(/\s+/g, " ");
  return { out, component: squash(".component.ts"), commands: squash(".commands.ts"), markers: out.markers.map((m) => `${m.code}: ${m.message}`) };
}

const CONSUME = `        await socket.consumeUploadedEntries("docs", async (meta) => store(meta.path));`;

describe("uploads", () => {
  it("options from a module constant move as they are", () => {
    const { out, component, commands } = migrate(`    socket.allowUpload("docs", LIMITS);`, CONSUME);
    expect(out.outcome).toBe("migrated");
    expect(component).toContain("uploads: { docs: LIMITS, }");
    expect(component).toContain("const LIMITS = { accept: [\".pdf\"], max_entries: 4 };");
    expect(component).toContain('await ctx.command("save", { ...event }, { uploads: ["docs"] });');
    expect(commands).toContain('await ctx.consumeUploadedEntries("docs", async (meta) => store(meta.path));');
  });

  it("allowUpload under a condition, or with a computed name, stays a marker", () => {
    for (const mount of [`    if (socket.connected) socket.allowUpload("docs", LIMITS);`, `    const name = "docs";\n    socket.allowUpload(name, LIMITS);`]) {
      const { out, markers } = migrate(mount, CONSUME);
      expect(out.outcome).toBe("blocked");
      expect(markers).toEqual([expect.stringMatching(/^UPLOAD: allowUpload outside mount's top level/)]);
    }
  });

  it("consuming under a computed name stays a marker (the action could not name the files to upload)", () => {
    const { out, markers } = migrate(`    socket.allowUpload("docs", LIMITS);`, `        const which = "docs";\n        await socket.consumeUploadedEntries(which, async (meta) => store(meta.path));`);
    expect(out.outcome).toBe("blocked");
    expect(markers).toEqual([expect.stringMatching(/^UPLOAD: uploads read under a computed name/)]);
  });
});
