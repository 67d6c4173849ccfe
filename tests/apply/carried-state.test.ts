// Carried state (DESIGN.md "Output shape"): a view whose keys are made at run time cannot be split
// between browser and server, so its handlers run unchanged on the server and the browser carries
// the state, sealed. Analyzer and codemod meet on a real view here; the generated commands then run
// against the runtime's real sealing: the browser sees only what render reads, and a changed, missing
// or borrowed state is refused without running the handler.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { applyProject } from "../../src/apply/apply-project.ts";
import type { CommandContext } from "../../src/runtime/contract.ts";
import { stateCarrier } from "../../src/runtime/server/carried-state.ts";
import { runCommand } from "../../src/runtime/server/commands.ts";
import { sessionKeys } from "../../src/runtime/server/session.ts";
import { analyzeDir } from "../analyzers/helpers.ts";
import { PACKAGE_ROOT, removeScratch, scratchRepo } from "./cases.ts";

const FIXTURE = join(PACKAGE_ROOT, "fixtures", "apply-real", "carried-profile");
const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

const keys = sessionKeys(["a-secret-of-thirty-two-characters", "an-older-secret-still-verifying"]);

function contextFor(sessionId: string, component = "profile"): CommandContext {
  return {
    session: { id: sessionId },
    publish: async () => {},
    url: new URL("http://localhost/profile"),
    params: {},
    consumeUploadedEntries: async () => [],
    uploadedEntries: async () => ({ completed: [], inProgress: [] }),
    carried: stateCarrier(keys, component, sessionId),
  };
}

describe("carried state", () => {
  it("migrates a view with run-time keys: handlers on the server, the state sealed in the browser, hidden keys never sent", async () => {
    const root = scratchRepo(FIXTURE, "carried-profile");
    scratch.push(root);
    const { merged } = analyzeDir(root);
    const plan = merged.views.find((v) => v.name === "profileView")!;
    // the analysis decides the strategy; the keys it cannot list are not a marker
    expect(plan.migration).toMatchObject({ status: "pending", strategy: "carried" });
    expect(plan.markers.map((m) => m.code)).not.toContain("DYNAMIC_KEYS");
    const result = await applyProject({ root, plan: { views: merged.views, functions: merged.functions } });
    expect(result.problem).toBeUndefined();
    const report = result.views.find((v) => v.viewId === plan.id)!;
    expect(report.markers).toEqual([]);
    expect(report.outcome).toBe("migrated");

    const component = readFileSync(join(root, "src/views/profile.component.ts"), "utf8");
    const commandsText = readFileSync(join(root, "src/views/profile.commands.ts"), "utf8");
    expect(component).toMatch(/carried: true/);
    // the browser holds neither the account store nor the functions that read it
    expect(component).not.toMatch(/accounts|accountRecord|storeAccount|passwordHash: "/);
    expect(commandsText).toMatch(/import \{ profileView \} from "\.\/profile";/);
    // the browser is sent what render reads, nothing else
    expect(commandsText).toContain(`["city", "displayName", "saved"]`);

    const commands = (await import(pathToFileURL(join(root, "src/views/profile.commands.ts")).href)).default;
    const run = (name: string, params: unknown, ctx = contextFor("s1")) => runCommand(commands[name], params, ctx, { timeoutMs: 5_000, onError: (e) => { throw e; } });

    const mounted = await run("mount", { params: {} });
    expect(mounted.ok).toBe(true);
    const first = (mounted as { result: { patch: Record<string, unknown>; sealed: string } }).result;
    expect(first.patch).toEqual({ displayName: "Ada", city: "London", saved: 0 });
    expect(first.sealed).not.toContain("secret");
    expect(Buffer.from(first.sealed, "base64url").toString("latin1")).not.toContain("$2b$10$secret");

    // an edit under a name the form gives: the original handler runs on the carried state
    const edited = await run("handleEvent", { message: { type: "edit", _target: "city", city: "Paris" }, __sealed: first.sealed });
    const second = (edited as { result: { patch: Record<string, unknown>; sealed: string } }).result;
    expect(second.patch).toEqual({ city: "Paris" });
    // the original's own check holds: the form cannot rename the hash (nothing assigned)
    const refused = await run("handleEvent", { message: { type: "edit", _target: "passwordHash", passwordHash: "x" }, __sealed: second.sealed });
    expect((refused as { result: { patch: unknown } }).result.patch).toEqual({});
    // save writes the whole account from the carried state, hash included, as the original did
    const saved = await run("handleEvent", { message: { type: "save" }, __sealed: second.sealed });
    expect((saved as { result: { patch: unknown } }).result.patch).toEqual({ saved: 1 });
    const view = await import(pathToFileURL(join(root, "src/views/profile.ts")).href);
    expect(view.accountRecord("a1")).toEqual({ id: "a1", passwordHash: "$2b$10$secret", displayName: "Ada", city: "Paris" });

    // state changed by the browser, missing, from another session or another component: refused, nothing runs
    const flipped = second.sealed.slice(0, 40) + (second.sealed[40] === "A" ? "B" : "A") + second.sealed.slice(41);
    for (const [params, ctx] of [
      [{ message: { type: "save" }, __sealed: flipped }, contextFor("s1")],
      [{ message: { type: "save" } }, contextFor("s1")],
      [{ message: { type: "save" }, __sealed: second.sealed }, contextFor("s2")],
      [{ message: { type: "save" }, __sealed: second.sealed }, contextFor("s1", "other")],
    ] as const) {
      const outcome = await run("handleEvent", params, ctx);
      expect(outcome.ok).toBe(false);
      expect((outcome as { error: { status: number } }).error.status).toBeGreaterThanOrEqual(400);
      expect((outcome as { error: { status: number } }).error.status).toBeLessThan(500);
    }
    expect(view.accountRecord("a1").city).toBe("Paris");
    // a state sealed under the older secret of a rotation still opens
    const older = stateCarrier(sessionKeys(["an-older-secret-still-verifying"]), "profile", "s1");
    const rotated = await run("handleEvent", { message: { type: "edit", _target: "city", city: "Rome" }, __sealed: older.seal({ id: "a1", passwordHash: "h", displayName: "Ada", city: "Oslo", saved: 0 }) });
    expect((rotated as { result: { patch: unknown } }).result.patch).toEqual({ city: "Rome" });
  }, 120_000);

  it("follows a topic subscribed through a constant by its string (a fuzz divergence: the sync table named the constant); polling rings in the browser", async () => {
    const root = scratchRepo(FIXTURE, "carried-tally");
    scratch.push(root);
    const { merged } = analyzeDir(root);
    const plan = merged.views.find((v) => v.name === "tallyView")!;
    expect(plan.migration.strategy).toBe("carried");
    const result = await applyProject({ root, plan: { views: merged.views, functions: merged.functions } });
    const report = result.views.find((v) => v.viewId === plan.id)!;
    expect(report.markers).toEqual([]);
    const component = readFileSync(join(root, "src/views/tally.component.ts"), "utf8");
    expect(component).toMatch(/sync: \{\s*tally: "sync_tally",\s*\}/);
    expect(component).not.toMatch(/TALLY_TOPIC/);
    // the connected mount's polling rings in the browser; each tick is a handleInfo command
    expect(component).toMatch(/connected\(ctx\) \{[^}]*ctx\.every\(5000, "handleInfo", \{ type: "refresh" \}\);/);
    // render reads keys by name (ctx[o]): every key is the browser's
    expect(readFileSync(join(root, "src/views/tally.commands.ts"), "utf8")).toMatch(/runCarried\(\s*tallyView,\s*"mount",\s*input,\s*"all",/);
  }, 120_000);
});
