// Golden cases (fixtures/apply-cases/<case>): input + a hand-written plan → expected tree. Every
// expected file was read and checked by a person when it was written (see each case.json's "about").

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyCase, CASES_DIR, readTree, removeScratch } from "./cases.ts";

const cases = readdirSync(CASES_DIR).filter((name) => !name.startsWith(".")).sort();
const scratch: string[] = [];
afterAll(() => scratch.forEach(removeScratch));

describe.each(cases)("apply case %s", (name) => {
  it("produces the expected tree, then a second apply changes nothing", async () => {
    const { root, result } = await applyCase(name);
    scratch.push(root);
    expect(result.problem).toBeUndefined();
    const actual = readTree(root);
    const expected = readTree(join(CASES_DIR, name, "expected"));
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(actual.get(file)?.toString("latin1"), file).toBe(bytes.toString("latin1"));

    const again = await applyCase(name, { root, allowDirty: true });
    expect(again.result.changes).toEqual([]);
    expect(again.result.patch).toBe("");
    expect(readTree(root)).toEqual(actual);
  }, 60_000);
});
