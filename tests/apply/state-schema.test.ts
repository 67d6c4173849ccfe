// A command whose code reads the view's ui/form state gets it from the browser as `__state`. The
// generated command declares that input, so a request without it is refused (422 INVALID_PARAMS from
// the runtime) instead of crashing inside the handler.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { applyCase, removeScratch } from "./cases.ts";

const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

describe("commands that read browser state", () => {
  it("declare __state in their params schema", async () => {
    const { root, result } = await applyCase("class-view");
    scratch.push(root);
    expect(result.problem).toBeUndefined();
    const commands = (await import(pathToFileURL(join(root, "src/views/settings.commands.ts")).href)).default;
    const schema = commands.save.params;
    expect(schema.safeParse({ type: "save" }).success).toBe(false);
    expect(schema.safeParse({ type: "save", __state: "14" }).success).toBe(false);
    const ok = schema.safeParse({ type: "save", __state: { fontSize: 14 } });
    expect(ok.success).toBe(true);
    // the event's own fields pass through to the handler
    expect(ok.data).toEqual({ type: "save", __state: { fontSize: 14 } });
    // and the handler still runs the original code with the session's user
    const patch = await commands.save.handler(ok.data, { session: { user: "ann" }, publish: async () => {} });
    expect(Object.keys(patch)).toEqual(["savedAt"]);
  });
});
