// The session lives in a signed cookie (HMAC-SHA256 over the payload), so any process holding the
// secret can verify it: nothing about a client is stored on the server. The CSRF token is derived
// from the session id, so it needs no storage either.

import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export interface Session {
  /** Random id, stable for the cookie's life; the CSRF token is bound to it. */
  id: string;
  [key: string]: unknown;
}

export interface SessionKeys {
  /** Signs with the first (current) secret. */
  sign(payload: string): string;
  /** Accepts a signature by any of the secrets (the older ones of a rotation). */
  verify(payload: string, signature: string): boolean;
  csrfToken(sessionId: string): string;
  /** Accepts a token derived with any of the secrets. */
  csrfValid(sessionId: string, token: string): boolean;
  /** Encrypts and authenticates `text` (AES-256-GCM) for `scope` (component and session): the browser carries it, cannot read or change it. */
  seal(scope: string, text: string): string;
  /** The text sealed for this scope by any of the secrets, or undefined (tampered, another scope, a retired secret). */
  unseal(scope: string, sealed: string): string | undefined;
}

/**
 * `secret`: one secret, or a list for rotation: the first signs, every one verifies (put the new
 * secret first, keep the old one until the cookies and pages it signed are gone).
 */
export function sessionKeys(secret: string | readonly string[]): SessionKeys {
  const secrets = typeof secret === "string" ? [secret] : [...(secret ?? [])];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== "string" || Buffer.byteLength(s) < 16)) {
    throw new Error("@liveview-migrate/runtime/server: `secret` must be a string of at least 16 bytes, or a non-empty list of them");
  }
  const mac = (key: string, purpose: string, data: string) => createHmac("sha256", key).update(`${purpose}\n${data}`).digest("base64url");
  // one AES key per secret, derived for this purpose only (the session MAC never sees it)
  const sealKeys = secrets.map((key) => Buffer.from(hkdfSync("sha256", key, "", "liveview-migrate carried state", 32)));
  return {
    sign: (payload) => mac(secrets[0]!, "session", payload),
    verify: (payload, signature) => secrets.some((key) => safeEqual(mac(key, "session", payload), signature)),
    csrfToken: (sessionId) => mac(secrets[0]!, "csrf", sessionId),
    csrfValid: (sessionId, token) => secrets.some((key) => safeEqual(mac(key, "csrf", sessionId), token)),
    seal(scope, text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", sealKeys[0]!, iv).setAAD(Buffer.from(scope));
      const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
    },
    unseal(scope, sealed) {
      const bytes = typeof sealed === "string" ? Buffer.from(sealed, "base64url") : Buffer.alloc(0);
      if (bytes.length < 28) return undefined;
      for (const key of sealKeys) {
        try {
          const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12)).setAAD(Buffer.from(scope));
          decipher.setAuthTag(bytes.subarray(12, 28));
          return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString("utf8");
        } catch {
          // another secret of the rotation, or not ours
        }
      }
      return undefined;
    },
  };
}

/** Constant-time comparison of two strings (lengths may differ). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function newSession(): Session {
  return { id: randomBytes(18).toString("base64url") };
}

/** Where the cookie keeps when it was last issued (signed with the session, never shown to commands). */
const RENEWED = "~renewed";

/** The session as a signed cookie value, stamped `now`: a page renews it, a session unrenewed for SESSION_MAX_AGE ends. */
export function encodeSessionCookie(keys: SessionKeys, session: Session, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ ...session, [RENEWED]: now })).toString("base64url");
  return `${payload}.${keys.sign(payload)}`;
}

/**
 * The session in the cookie, or undefined when it is missing, malformed, its signature is wrong, or it
 * was last renewed more than SESSION_MAX_AGE ago (the browser's Max-Age is the browser's word only).
 * A new session gets a new id, and with it a new CSRF token.
 */
export function readSession(keys: SessionKeys, req: IncomingMessage, cookieName: string, now = Date.now()): Session | undefined {
  const value = readCookie(req.headers.cookie, cookieName);
  if (!value) return undefined;
  const dot = value.indexOf(".");
  if (dot <= 0) return undefined;
  const payload = value.slice(0, dot);
  if (!keys.verify(payload, value.slice(dot + 1))) return undefined;
  try {
    const session = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (session === null || typeof session !== "object" || typeof session.id !== "string") return undefined;
    const renewed = session[RENEWED];
    if (typeof renewed !== "number" || !(now - renewed <= SESSION_MAX_AGE * 1000)) return undefined;
    delete session[RENEWED];
    return Object.assign(Object.create(null), session) as Session;
  } catch {
    return undefined;
  }
}

/** How long a session cookie lives (seconds): 30 days; each page load renews it. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;

export function sessionCookieHeader(name: string, value: string, secure: boolean, maxAge = SESSION_MAX_AGE): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
