import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { formatNewFile } from "../../src/apply/format-new-file.ts";

const dir = mkdtempSync(join(tmpdir(), "lvm-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("new files", () => {
  it("are formatted with the project's own prettier config, templates left as written", async () => {
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ singleQuote: true, semi: false }));
    const text = 'import { html } from "@liveview-migrate/runtime";\nexport const view = () => html`<p   class="a">${"x"}</p>`;\n';
    const formatted = await formatNewFile(join(dir, "src", "a.component.ts"), text);
    expect(formatted).toBe("import { html } from '@liveview-migrate/runtime'\nexport const view = () => html`<p   class=\"a\">${'x'}</p>`\n");
  });
});
