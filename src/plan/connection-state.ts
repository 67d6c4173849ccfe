// A shared key's value after mount: what a stateless command can and cannot get back. A command
// re-runs mount for the server's keys (or recomputes one from mount's expression), which gives the
// value the connection has only while no event has written the key since — a message from the store
// (pubsub carrying the new row) keeps the key what mount would read; an event's write does not.

import type { KeyDecision, StateWrite, ValueSource } from "./types.ts";

/** Sources a value takes from the socket itself: its own value, other keys, the params, literals, pure code. */
const SOCKET_HELD_SOURCES: ReadonlySet<ValueSource> = new Set<ValueSource>(["literal", "event-param", "state", "pure-call"]);

const AFTER_MOUNT = /^handle(Event|Info):/;

/** A write after mount that leaves the key a value of this connection's (not one carried by a message). */
export function connectionWrite(key: KeyDecision): StateWrite | undefined {
  const writes = key.writes.filter((w) => AFTER_MOUNT.test(w.handler) && !w.sources.includes("info"));
  return writes.find(socketHeld) ?? writes[0];
}

/** Such a write made only from what the socket holds: no server data could give it back. */
export function socketHeldWrite(key: KeyDecision): StateWrite | undefined {
  return key.writes.find((w) => AFTER_MOUNT.test(w.handler) && socketHeld(w));
}

export function socketHeld(write: StateWrite): boolean {
  return write.sources.every((source) => SOCKET_HELD_SOURCES.has(source));
}
