// A shared key (mount computes it from server data) that an event then writes from what the socket
// holds (`expanded: !socket.context.expanded`) keeps a value per connection. When the view's
// handleEvent runs whole in a command, mount rebuilds the shared keys for every run, so the toggle
// would read mount's value each time: the second click did not toggle back (verify: diverged at
// step 2). Apply leaves such a view on LiveViewJS with a CONNECTION_STATE marker; declared ui in
// migrate.config.json, the browser holds the key and the view migrates and verifies equivalent.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyProject } from "../../src/verify/compare.ts";
import { runCli } from "../cli/run-cli.ts";

const scratch = resolve(import.meta.dirname, "../../tmp");
mkdirSync(scratch, { recursive: true });
const root = mkdtempSync(join(scratch, "apply-connection-state-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const VIEW = `import { createLiveView, html } from "liveviewjs";
import { listTasks, type Task } from "../data/tasks.ts";
type Ctx = { tasks: Task[]; expanded: boolean; selected: number | null };
export const tasksView = createLiveView<Ctx>({
  mount: async (socket) => {
    const tasks = await Promise.resolve(listTasks());
    socket.assign({ tasks, expanded: tasks.length > 1, selected: null });
  },
  handleEvent: (event, socket) => {
    if (event.type === "pick") {
      const found = socket.context.tasks.find((t) => String(t.id) === event.id);
      socket.assign({ selected: found ? found.id : null });
    } else if (event.type === "expand") {
      socket.assign({ expanded: !socket.context.expanded });
    }
  },
  render: ({ tasks, expanded, selected }) => html\`<button phx-click="expand">\${expanded ? "less" : "more"}</button>
    \${(expanded ? tasks : tasks.slice(0, 1)).map((t) => html\`<p phx-click="pick" phx-value-id="\${t.id}">\${t.title}</p>\`)}<span id="sel">\${selected}</span>\`,
});
`;
const DATA = `export interface Task { id: number; title: string }
const tasks: Task[] = [{ id: 1, title: "Buy milk" }, { id: 2, title: "Call Bob" }];
export function listTasks(): Task[] { return tasks.map((t) => ({ ...t })); }
`;

const cli = (args: string[]) => runCli(args, { cwd: root, env: { NO_COLOR: "1" } });

describe("a shared key an event writes from the socket's own values", () => {
  it("is a CONNECTION_STATE marker while handleEvent runs whole on the server; declared ui, the view migrates and verifies", async () => {
    mkdirSync(join(root, "src", "views"), { recursive: true });
    mkdirSync(join(root, "src", "data"), { recursive: true });
    writeFileSync(join(root, "package.json"), JSON.stringify({ name: "connection-state", private: true, type: "module" }));
    writeFileSync(join(root, "src", "data", "tasks.ts"), DATA);
    writeFileSync(join(root, "src", "views", "tasks.ts"), VIEW);
    writeFileSync(join(root, "src", "router.ts"), `import type { LiveViewRouter } from "liveviewjs";\nimport { tasksView } from "./views/tasks.ts";\nexport const router: LiveViewRouter = { "/tasks": tasksView };\n`);

    const blocked = await cli(["apply", root, "--allow-dirty", "--no-report"]);
    expect(blocked.code).toBe(2);
    expect(blocked.stdout).toMatch(/CONNECTION_STATE: expanded comes from the server, then expand writes it from what the socket holds \(!socket\.context\.expanded\) and handleEvent reads it again/);
    expect(readFileSync(join(root, "src", "views", "tasks.ts"), "utf8")).toContain("@migrate-todo(CONNECTION_STATE)");

    expect((await cli(["revert", root, "--force"])).code).toBe(0);
    writeFileSync(join(root, "migrate.config.json"), JSON.stringify({ views: { tasksView: { keys: { expanded: "ui" } } } }));
    const migrated = await cli(["apply", root, "--allow-dirty", "--no-report"]);
    expect(migrated.stdout).toContain("1 migrated");
    const report = await verifyProject(root, { mode: "explore", depth: 3 });
    expect(report.views.map((v) => [v.view, v.status])).toEqual([["src/views/tasks.ts#tasksView", "equivalent"]]);
  }, 120_000);
});
