// A small hand-written plan over a real source tree (so reports can show code lines), built with the
// same buildPlan the CLI uses. Line numbers below were counted against COUNTER_SOURCE by hand.
import { createHash } from "node:crypto";
import { buildPlan } from "../../src/plan/build.ts";
import type { FileError, FileRecord, KeyDecision, Plan, ViewPlan } from "../../src/plan/types.ts";

export const COUNTER_SOURCE = [
  'import { createLiveView, html } from "liveviewjs";', // 1
  'import { listTodos } from "../data/todos";', // 2
  "export const counterLiveView = createLiveView({", // 3
  "  mount: async (socket) => {", // 4
  "    socket.assign({ count: 0, todos: await listTodos() });", // 5
  "  },", // 6
  "  handleEvent: (event, socket) => {", // 7
  '    if (event.type === "increment") socket.assign({ count: socket.context.count + 1 });', // 8
  "  },", // 9
  "  render: (ctx) => html`<button phx-click=\"increment\">${ctx.count} <script>x</script></button>`,", // 10
  "});", // 11
  "",
].join("\n");

const sha = (text: string) => createHash("sha256").update(text).digest("hex");

function key(name: string, cls: KeyDecision["class"], at: string, message: string, code: string): KeyDecision {
  return {
    key: name,
    class: cls,
    confidence: cls === "shared" ? "high" : "medium",
    reasons: [{ code, message, at }],
    writes: [{ handler: "mount", at, sources: cls === "shared" ? ["await"] : ["literal"], expr: "0" }],
    reads: [{ in: "render", at: "src/views/counter.ts:10" }],
  };
}

export function counterView(): ViewPlan {
  return {
    id: "src/views/counter.ts#counterLiveView",
    file: "src/views/counter.ts",
    name: "counterLiveView",
    kind: "view",
    api: "createLiveView",
    at: "src/views/counter.ts:3",
    state: [
      key("todos", "shared", "src/views/counter.ts:5", "written from await listTodos()", "AWAITED_IO"),
      key("count", "ui", "src/views/counter.ts:8", "written from its own previous value", "SELF_DERIVED"),
    ],
    events: [
      {
        name: "increment",
        placement: "client",
        confidence: "high",
        reasons: [
          { code: "UI_ONLY", message: "reads and writes only ui key count", at: "src/views/counter.ts:8" },
          { code: "BOUND_IN_TEMPLATE", message: "sent by phx-click", at: "src/views/counter.ts:10" },
        ],
        reads: ["count"],
        writes: ["count"],
        at: "src/views/counter.ts:8",
        bindings: ["phx-click"],
      },
    ],
    infos: [],
    template: { reads: ["count"], bindings: [{ attr: "phx-click", value: "increment", dynamic: false, at: "src/views/counter.ts:10" }], helpers: [], forms: [], components: [] },
    markers: [{ code: "DYNAMIC_EVENT", message: "the template sends an event named at run time", at: "src/views/counter.ts:10" }],
    handlers: { render: { start: 10, end: 20 }, mount: { start: 1, end: 5 } },
    migration: { status: "pending" },
  };
}

export function componentView(): ViewPlan {
  return { ...counterView(), id: "src/components/badge.ts#default", file: "src/components/badge.ts", name: "default", kind: "component", api: "createLiveComponent", at: "src/components/badge.ts:1", state: [], events: [], markers: [] };
}

export const SAMPLE_ERRORS: FileError[] = [{ file: "src/broken.ts", code: "PARSE_ERROR", message: "';' expected (line 3)" }];

export function samplePlan(): Plan {
  const files: FileRecord[] = [
    { path: "src/views/counter.ts", hash: sha(COUNTER_SOURCE), size: COUNTER_SOURCE.length, status: "ok", views: [] },
    { path: "src/components/badge.ts", hash: sha("badge"), size: 5, status: "ok", views: [] },
    { path: "src/broken.ts", hash: sha("broken"), size: 6, status: "ok", views: [] },
  ];
  return buildPlan({ files, merged: { views: [counterView(), componentView()], functions: [], errors: SAMPLE_ERRORS }, configHash: null, version: "0.1.0" });
}
