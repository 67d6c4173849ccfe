// Small pure pieces: route patterns, the state-script JSON escaping, session cookies and CSRF tokens.
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { jsonForScript } from "../../../src/runtime/server/json-script.ts";
import { compilePath } from "../../../src/runtime/server/routes.ts";
import { encodeSessionCookie, newSession, readSession, safeEqual, sessionKeys } from "../../../src/runtime/server/session.ts";
import { compareStreamIds } from "../../../src/runtime/server/sync/stream-ids.ts";

describe("route patterns", () => {
  it("matches literal segments and :params, decoding them", () => {
    const route = compilePath("/volunteers/:id/shifts/:shift");
    expect({ ...route.match("/volunteers/42/shifts/a%20b") }).toEqual({ id: "42", shift: "a b" });
    expect(route.match("/volunteers/42/shifts")).toBeUndefined();
    expect(route.match("/volunteers/42/other/1")).toBeUndefined();
    expect(route.match("/volunteers/%E0%A4%A/shifts/1")).toBeUndefined(); // malformed encoding
    expect({ ...compilePath("/").match("/") }).toEqual({});
    expect({ ...compilePath("/docs/*").match("/docs/a/b") }).toEqual({ "*": "a/b" });
  });
});

describe("state script JSON", () => {
  it("cannot close the script element, and parses back to the same value", () => {
    const value = { a: "</script><!-- <SCRIPT>", b: "\u2028\u2029", c: ["<", ">", "&"] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/<|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("session cookie and CSRF token", () => {
  const keys = sessionKeys("unit-secret-0123456789");
  const request = (cookie: string) => ({ headers: { cookie } }) as IncomingMessage;

  it("round-trips a signed session, and rejects any change", () => {
    const session = newSession();
    const value = encodeSessionCookie(keys, session);
    expect({ ...readSession(keys, request(`a=1; lvm_session=${value}; b=2`), "lvm_session") }).toEqual(session);
    const [payload, signature] = value.split(".");
    const forged = Buffer.from(JSON.stringify({ id: "someone-else" })).toString("base64url");
    for (const bad of [`${forged}.${signature}`, `${payload}.${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`, payload, `.${signature}`, "", "x.y.z"]) {
      expect(readSession(keys, request(`lvm_session=${bad}`), "lvm_session")).toBeUndefined();
    }
    expect(readSession(sessionKeys("another-secret-0123456789"), request(`lvm_session=${value}`), "lvm_session")).toBeUndefined();
  });

  it("ends a session its cookie has not renewed for 30 days, whatever the browser keeps; the next one has a new id and CSRF token", () => {
    const session = newSession();
    const issued = Date.UTC(2026, 0, 1);
    const value = encodeSessionCookie(keys, session, issued);
    const day = 24 * 60 * 60 * 1000;
    expect({ ...readSession(keys, request(`lvm_session=${value}`), "lvm_session", issued + 29 * day) }).toEqual(session);
    expect(readSession(keys, request(`lvm_session=${value}`), "lvm_session", issued + 31 * day)).toBeUndefined();
    // renewed by a page on day 29: good for 30 more days
    const renewed = encodeSessionCookie(keys, session, issued + 29 * day);
    expect(readSession(keys, request(`lvm_session=${renewed}`), "lvm_session", issued + 58 * day)?.id).toBe(session.id);
    // a cookie without the stamp (or with a stamp changed: the signature breaks) is no session
    const unstamped = Buffer.from(JSON.stringify(session)).toString("base64url");
    expect(readSession(keys, request(`lvm_session=${unstamped}.${keys.sign(unstamped)}`), "lvm_session")).toBeUndefined();
    expect(keys.csrfToken(newSession().id)).not.toBe(keys.csrfToken(session.id));
  });

  it("derives a CSRF token per session, different from the cookie signature", () => {
    const a = keys.csrfToken("session-a");
    expect(keys.csrfToken("session-a")).toBe(a);
    expect(keys.csrfToken("session-b")).not.toBe(a);
    expect(safeEqual(a, a)).toBe(true);
    expect(safeEqual(a, a.slice(1))).toBe(false);
  });

  it("refuses a short secret", () => {
    expect(() => sessionKeys("short")).toThrow(/at least 16 bytes/);
    expect(() => sessionKeys([])).toThrow(/non-empty list/);
    expect(() => sessionKeys(["new-secret-0123456789", "short"])).toThrow(/at least 16 bytes/);
  });

  it("rotates secrets: the first signs, every one verifies; a secret dropped from the list no longer does", () => {
    const old = sessionKeys("old-secret-0123456789");
    const rotated = sessionKeys(["new-secret-0123456789", "old-secret-0123456789"]);
    const session = newSession();
    const signedBefore = encodeSessionCookie(old, session);
    expect({ ...readSession(rotated, request(`lvm_session=${signedBefore}`), "lvm_session") }).toEqual(session);
    expect(rotated.csrfValid(session.id, old.csrfToken(session.id))).toBe(true);
    // new cookies and tokens come from the new secret
    const now = Date.now();
    const signedAfter = encodeSessionCookie(rotated, session, now);
    expect(signedAfter).toBe(encodeSessionCookie(sessionKeys("new-secret-0123456789"), session, now));
    expect(rotated.csrfToken(session.id)).toBe(sessionKeys("new-secret-0123456789").csrfToken(session.id));
    const retired = sessionKeys("new-secret-0123456789");
    expect(readSession(retired, request(`lvm_session=${signedBefore}`), "lvm_session")).toBeUndefined();
    expect(retired.csrfValid(session.id, old.csrfToken(session.id))).toBe(false);
  });
});

describe("Redis stream ids", () => {
  it("compare numerically, not as strings", () => {
    expect(compareStreamIds("9-0", "10-0")).toBe(-1);
    expect(compareStreamIds("10-2", "10-10")).toBe(-1);
    expect(compareStreamIds("10-10", "10-10")).toBe(0);
    expect(compareStreamIds("1700000000000-1", "1700000000000-0")).toBe(1);
  });
});
