// What compare.ts needs from each side: N clients on one route, steps, and the HTML each client shows.

import type { ClientStep } from "./actions.ts";

export interface SideSession {
  readonly clients: number;
  /** Inner HTML of the view's root as client `client` shows it now. */
  html(client: number): string;
  /** Does the step's element exist on this client (same addressing as actions.ts)? */
  perform(step: ClientStep): Promise<void>;
  /** Stops views and timers, closes servers. */
  close(): Promise<void>;
  /** Errors the side reported since the last call (console errors of the page, error replies), then forgets them. */
  errors?(): string[];
}

/** A step that cannot run (its element is missing): reported, not thrown as a bug. */
export class StepError extends Error {
  constructor(
    readonly code: "NO_ELEMENT" | "NOT_SUPPORTED" | "SIDE_ERROR" | "TIMEOUT",
    message: string,
  ) {
    super(message);
  }
}

/** Lets queued microtasks and I/O callbacks run (a few turns of the event loop). */
export function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface VerifyClock {
  readonly now: number;
  pending(): number;
  fireNextTimeout(): boolean;
  advance(ms: number, flush: () => Promise<void>): Promise<void>;
  clear(): void;
}
