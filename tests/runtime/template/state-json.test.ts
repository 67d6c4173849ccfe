// State survives the JSON trip between server and browser: Date, Map, Set and bigint come back as what they were.
import { describe, expect, it } from "vitest";
import { parseState, reviveState, stringifyState } from "../../../src/runtime/template/state-json.ts";

describe("state JSON", () => {
  it("round-trips Date, Map, Set and bigint, nested, and leaves plain data alone", () => {
    const state = { at: new Date("2024-05-01T09:30:00.000Z"), seen: new Set(["a", "b"]), byId: new Map([[1, { when: new Date(0) }]]), big: 12345678901234567890n, plain: { __lvm: "x", other: 1 }, list: [1, "two", null] };
    const back = parseState<typeof state>(stringifyState(state));
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.toISOString()).toBe("2024-05-01T09:30:00.000Z");
    expect(back.seen).toEqual(new Set(["a", "b"]));
    expect(back.byId.get(1)!.when).toEqual(new Date(0));
    expect(back.big).toBe(12345678901234567890n);
    // an object that only looks a little like a tag stays an object
    expect(back.plain).toEqual({ __lvm: "x", other: 1 });
    expect(back.list).toEqual([1, "two", null]);
  });

  it("an invalid Date stays an invalid Date; a body parsed without the reviver is revived in place", () => {
    expect(Number.isNaN(parseState<{ d: Date }>(stringifyState({ d: new Date(Number.NaN) })).d.getTime())).toBe(true);
    const parsed = JSON.parse(stringifyState({ state: { when: new Date(5) }, n: 1 }));
    expect(reviveState(parsed)).toEqual({ state: { when: new Date(5) }, n: 1 });
  });
});
