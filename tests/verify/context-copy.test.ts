// LiveViewJS 0.8.1 hands a live view a deep copy of its context on every read (its socket's `context`
// getter is `structuredClone(this._context)`), so a handler that changes the copy in place
// (`socket.context.items.push(x)`, `.length = 0`) and assigns what it reads again changes nothing.
// The migrated view must do the same: apply migrates such a view to client actions, and verify,
// driving the real liveviewjs next to the runtime, finds them equivalent (they diverged at the first
// submit while the runtime's ctx.state was the state itself).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyProject } from "../../src/verify/compare.ts";
import { runCli } from "../cli/run-cli.ts";

const scratch = resolve(import.meta.dirname, "../../tmp");
mkdirSync(scratch, { recursive: true });
const root = mkdtempSync(join(scratch, "verify-context-copy-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DRAFT = `import { createLiveView, html } from "liveviewjs";
type Ctx = { items: string[]; text: string; open: boolean };
export const draftView = createLiveView<Ctx>({
  mount: (socket) => {
    socket.assign({ items: [], text: "", open: false });
  },
  handleEvent: (event, socket) => {
    switch (event.type) {
      case "add":
        socket.context.items.push(String(event.text ?? ""));
        socket.assign({ items: socket.context.items, text: "" });
        break;
      case "keep": {
        const items = socket.context.items;
        items.push("kept");
        socket.assign({ items });
        break;
      }
      case "clear":
        socket.context.items.length = 0;
        socket.assign({ items: socket.context.items });
        break;
      case "toggle":
        socket.assign({ ...socket.context, open: !socket.context.open });
        break;
    }
  },
  render: ({ items, text, open }) => html\`<form phx-submit="add"><input name="text" value="\${text}" /><button>Add</button></form>
    <button phx-click="keep">keep</button><button phx-click="clear">clear</button><button phx-click="toggle">\${open ? "hide" : "show"}</button>
    <ul>\${items.map((i) => html\`<li>\${i}</li>\`)}</ul><span id="n">\${items.length}</span>\`,
});
`;

const cli = (args: string[]) => runCli(args, { cwd: root, env: { NO_COLOR: "1" } });

describe("a handler that changes socket.context in place", () => {
  it("migrates to client actions that behave as LiveViewJS's copy-on-read context does", async () => {
    mkdirSync(join(root, "src", "views"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "context-copy", private: true, type: "module" }));
    writeFileSync(join(root, "src", "views", "draft.ts"), DRAFT);
    writeFileSync(join(root, "src", "router.ts"), `import type { LiveViewRouter } from "liveviewjs";\nimport { draftView } from "./views/draft.ts";\nexport const router: LiveViewRouter = { "/draft": draftView };\n`);
    const applied = await cli(["apply", root, "--allow-dirty", "--no-report"]);
    expect(applied.stdout).toContain("1 migrated");
    const report = await verifyProject(root, { mode: "explore", depth: 3 });
    expect(report.views.map((v) => [v.view, v.status, v.divergence?.step])).toEqual([["src/views/draft.ts#draftView", "equivalent", undefined]]);
  }, 120_000);
});
