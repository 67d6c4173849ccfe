// A handler whose shape the per-event printer cannot cut (statements after the dispatch) runs whole,
// unchanged, in one server command; the store the view keeps in its own file never reaches the
// browser: the commands import the one instance from the original, and the analysis (not a second
// rule in the codemod) said it is server state. Analyzer and codemod meet here on real code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject } from "../../src/apply/apply-project.ts";
import { runLiveHandler } from "../../src/runtime/server/live-handler.ts";
import type { CommandContext } from "../../src/runtime/contract.ts";
import { analyzeDir } from "../analyzers/helpers.ts";
import { PACKAGE_ROOT, removeScratch, scratchRepo } from "./cases.ts";

const FIXTURE = join(PACKAGE_ROOT, "fixtures", "apply-real", "doorbell-chat");
const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

function commandContext(): CommandContext {
  return {
    session: { id: "s1" },
    publish: async () => {},
    url: new URL("http://localhost/chat"),
    params: {},
    consumeUploadedEntries: async () => [],
    uploadedEntries: async () => ({ completed: [], inProgress: [] }),
  };
}

describe("whole-handler path", () => {
  it("migrates a doorbell chat: the handler runs whole on the server, the store stays there, one instance", async () => {
    const root = scratchRepo(FIXTURE, "doorbell-chat");
    scratch.push(root);
    const { merged } = analyzeDir(root);
    const plan = merged.views.find((v) => v.name === "chatView")!;
    expect(plan.serverBindings?.map((b) => b.name)).toEqual(["messages", "pubSub"]);
    const result = await applyProject({ root, plan: { views: merged.views, functions: merged.functions } });
    expect(result.problem).toBeUndefined();
    const report = result.views.find((v) => v.viewId === plan.id)!;
    expect(report.markers).toEqual([]);
    expect(report.outcome).toBe("migrated");

    const component = readFileSync(join(root, "src/views/chat.component.ts"), "utf8");
    const commands = readFileSync(join(root, "src/views/chat.commands.ts"), "utf8");
    const original = readFileSync(join(root, "src/views/chat.ts"), "utf8");
    // the browser gets neither the store nor the pubsub, nor the original module
    expect(component).not.toMatch(/const messages\b|SingleProcessPubSub|from "\.\/chat"/);
    expect(component).toMatch(/async handleEvent\(message, ctx\)/);
    // the commands use the original's own store (exported for them), not a copy
    expect(commands).toMatch(/import \{ chatView, messages \} from "\.\/chat";/);
    expect(commands).not.toMatch(/const messages\b/);
    expect(original).toMatch(/^export const messages: Msg\[\] = \[\];$/m);

    // the generated commands drive the original handler: toggle, then send (the store grows once, on the server)
    const mod = (await import(pathToFileURL(join(root, "src/views/chat.commands.ts")).href)).default;
    const chat = await import(pathToFileURL(join(root, "src/views/chat.ts")).href);
    const ctx = commandContext();
    const toggled = await mod.handleEvent.handler({ message: { type: "toggle" }, state: { draft: "", open: false } }, ctx);
    expect(toggled).toEqual({ patch: { open: true }, effects: [] });
    const sent = await mod.handleEvent.handler({ message: { type: "send", text: "hello" }, state: { draft: "hello", open: true } }, ctx);
    expect(sent.patch).toEqual({ draft: "" });
    expect(chat.messages).toEqual([{ id: 1, from: "me", text: "hello" }]);
    // the doorbell re-reads the store in the handleInfo command
    expect(await mod.handleInfo({ type: "updated" }, ctx)).toEqual({ messages: [{ id: 1, from: "me", text: "hello" }] });
  }, 120_000);

  it("runLiveHandler rebuilds the server's state with mount (connected false), lays the browser's ui keys over it and records effects in order", async () => {
    type Socket = { connected: boolean; context: { count: number; owner: string }; assign(p: object): void; putFlash(k: string, v: string): Promise<void>; sendInfo(i: object): void; pageTitle(t: string): void };
    const seen: boolean[] = [];
    // the parts of a createLiveView result runLiveHandler calls, as a LiveViewJS view writes them
    const view = {
      mount: (socket: Socket, session: { user?: string }) => {
        seen.push(socket.connected);
        socket.assign({ count: 0, owner: String(session.user ?? "guest"), open: false });
      },
      handleEvent: async (_event: { type: "inc" }, socket: Socket) => {
        await socket.putFlash("info", `by ${socket.context.owner}`);
        socket.assign({ count: socket.context.count + 1 });
        socket.sendInfo({ type: "tick" });
        socket.pageTitle(`count ${socket.context.count}`);
      },
    };
    const ctx = { ...commandContext(), session: { id: "s2", user: "ada" } };
    // `owner` is shared: the browser's copy is never read, even when sent
    const result = await runLiveHandler(view, "event", { message: { type: "inc" }, state: { count: 4, owner: "mallory" } }, ["count", "open"], ctx);
    expect(seen).toEqual([false]);
    expect(result.patch).toEqual({ count: 5 });
    expect(result.effects).toEqual([["putFlash", "info", "by ada"], ["send", "tick", { type: "tick" }], ["pageTitle", "count 5"]]);
    // an object without the handler is refused with a code
    await expect(runLiveHandler({ mount: view.mount }, "info", { message: { type: "tick" } }, [], ctx)).rejects.toThrow(/no handleInfo/);
  });
});
