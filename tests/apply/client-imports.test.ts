// A component that imports a pure value from a module that also holds server code gets its own copy
// of that value (and of the pure declarations it needs there), so its browser bundle carries none of
// the module's server code; a value that needs server state stays imported (the bundle check then
// refuses the view).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyPureImports } from "../../src/apply/client-imports.ts";
import type { FunctionEffects } from "../../src/plan/types.ts";

const root = mkdtempSync(join(tmpdir(), "lvm-client-imports-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, "src/data"), { recursive: true });
writeFileSync(
  join(root, "src/data/presence.ts"),
  `import { z } from "zod";
export type Status = "online" | "away";
const LABELS = { online: "On", away: "Away" } as const;
export const STATUSES: readonly Status[] = ["online", "away"];
export const statusSchema = z.enum(["online", "away"]);
export function label(s: Status): string { return LABELS[s]; }
const statuses = new Map<string, Status>();
export const KNOWN = [...statuses.keys()];
export function setStatus(nick: string, s: Status) { statuses.set(nick, s); }
export function statusOf(nick: string): Status { return statuses.get(nick) ?? "online"; }
`,
);
// the plan's effects: the functions that touch the store are server work
const functions: FunctionEffects[] = [
  { id: "src/data/presence.ts#setStatus", effects: ["module-state-write"], via: [] },
  { id: "src/data/presence.ts#statusOf", effects: ["module-state-read"], via: [] },
];

describe("pure values of a module that also holds server code", () => {
  it("are copied into the component with what they need there; types it imported are its own now", async () => {
    const component = {
      file: "src/views/presence.component.ts",
      text: `import { html } from "@liveview-migrate/runtime";\nimport { STATUSES, label, statusSchema, type Status } from "../data/presence.ts";\n\nexport const view = (s: Status) => html\`\${STATUSES.map(label)}\${statusSchema.parse(s)}\`;\n`,
    };
    await copyPureImports(root, [component], functions);
    expect(component.text).not.toMatch(/from "\.\.\/data\/presence\.ts"/);
    expect(component.text).toContain(`import { z } from "zod";`);
    expect(component.text).toContain(`type Status = "online" | "away";`);
    expect(component.text).toContain(`const STATUSES: readonly Status[] = ["online", "away"];`);
    expect(component.text).toContain(`const LABELS = { online: "On", away: "Away" } as const;`);
    expect(component.text).toMatch(/function label\(s: Status\): string/);
    expect(component.text).not.toMatch(/statuses|setStatus|statusOf|export const STATUSES/);
  });

  it("stay imported when they need the module's state or a function with server effects", async () => {
    const text = `import { KNOWN, statusOf } from "../data/presence.ts";\n\nexport const view = () => KNOWN.concat(statusOf("x"));\n`;
    const component = { file: "src/views/other.component.ts", text };
    await copyPureImports(root, [component], functions);
    expect(component.text).toBe(text);
  });

  it("leave a component alone when the module holds no server code", async () => {
    writeFileSync(join(root, "src/data/colors.ts"), `export const COLORS = ["teal", "amber"];\n`);
    const text = `import { COLORS } from "../data/colors.ts";\n\nexport const view = () => COLORS;\n`;
    const component = { file: "src/views/colors.component.ts", text };
    await copyPureImports(root, [component], functions);
    expect(component.text).toBe(text);
  });
});
