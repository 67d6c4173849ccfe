// Polling moves to the browser (ctx.every / ctx.cancel) only where every start and stop is read as one
// polling timer's: a stop that could be either of two timers is a marker, never a server command that
// clears nothing while the browser keeps polling.
import { describe, expect, it } from "vitest";
import { migrateView } from "../../src/codemods/migrate-view.ts";
import { analyzeSources, view } from "../analyzers/helpers.ts";

const source = (timers: string, stop: string) => `import { createLiveView, html } from "liveviewjs";
const timers = new Map<string, ReturnType<typeof setInterval>>();
function stopAll(id: string) {
  const t = timers.get(id);
  if (t) clearInterval(t);
  timers.delete(id);
}
export const v = createLiveView({
  mount: (socket) => {
    if (socket.connected) {
${timers}
    }
    socket.assign({ ticks: 0, paused: false });
  },
  handleEvent: (event, socket) => {
    if (event.type === "pause") {
      ${stop}
      socket.assign({ paused: true });
    }
  },
  handleInfo: (info, socket) => {
    if (info.type === "tick") socket.assign({ ticks: socket.context.ticks + 1 });
    else if (info.type === "other") socket.assign({ ticks: 0 });
  },
  render: (c) => html\`<button phx-click="pause">\${c.ticks}</button>\`,
});
`;

function migrate(text: string) {
  const { merged } = analyzeSources({ "v.ts": text });
  const plan = view(merged, "v.ts#v");
  return migrateView({ plan, text, existing: () => null, functions: merged.functions });
}

describe("polling stops", () => {
  it("one polling timer: its stop becomes ctx.cancel in the browser", () => {
    const result = migrate(source(`      timers.set(socket.id, setInterval(() => socket.sendInfo({ type: "tick" }), 1000));`, "stopAll(socket.id);"));
    expect(result.markers).toEqual([]);
    const component = result.newFiles.find((f) => f.file.endsWith(".component.ts"))!.text;
    expect(component).toContain(`ctx.cancel("tick");`);
    expect(component).toContain(`ctx.every(1000, "tick");`);
  });

  it("two polling timers: a stop that could be either is a marker, not a command", () => {
    const result = migrate(
      source(`      timers.set(socket.id, setInterval(() => socket.sendInfo({ type: "tick" }), 1000));\n      setInterval(() => socket.sendInfo({ type: "other" }), 5000);`, "stopAll(socket.id);"),
    );
    expect(result.outcome).toBe("blocked");
    expect(result.markers.map((m) => m.code)).toContain("POLL_STOP");
  });
});
