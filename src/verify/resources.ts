// What an instance of an app's bundle opens and never closes: a data module that starts a
// `setInterval` at load, a `BroadcastChannel`, a retried `setTimeout`. Each fresh instance of a Node
// bundle (bundle.ts: importFresh) gets its own timer and channel functions through the module
// wrapper, which record what they open; `dispose()` closes all of it when the path is done, so a view
// that keeps the event loop alive cannot hang a verify run.

export interface Resources {
  /** Globals the bundle's code sees instead of Node's (passed as the module wrapper's parameters). */
  readonly globals: Record<string, unknown>;
  /** What is still open: e.g. ["setInterval", "BroadcastChannel"]. */
  open(): string[];
  /** Clears every timer and closes every channel this instance opened. */
  dispose(): void;
}

/** Names the module wrapper shadows (in this order). */
export const TRACKED_GLOBALS = ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate", "clearImmediate", "BroadcastChannel"] as const;

export function trackResources(): Resources {
  const timeouts = new Set<NodeJS.Timeout>();
  const intervals = new Set<NodeJS.Timeout>();
  const immediates = new Set<NodeJS.Immediate>();
  const channels = new Set<{ close(): void }>();
  let disposed = false;

  const trackedSetTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = setTimeout(
      (...a: unknown[]) => {
        timeouts.delete(timer);
        if (typeof fn === "function") fn(...a);
      },
      ms,
      ...args,
    );
    if (disposed) clearTimeout(timer);
    else timeouts.add(timer);
    return timer;
  }) as typeof setTimeout;
  const trackedClearTimeout = (timer?: NodeJS.Timeout | string | number) => {
    if (timer && typeof timer === "object") {
      timeouts.delete(timer);
      intervals.delete(timer);
    }
    clearTimeout(timer as NodeJS.Timeout);
  };
  const trackedSetInterval = ((fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = setInterval(fn, ms, ...args);
    if (disposed) clearInterval(timer);
    else intervals.add(timer);
    return timer;
  }) as typeof setInterval;
  const trackedSetImmediate = ((fn: (...args: unknown[]) => void, ...args: unknown[]) => {
    const immediate = setImmediate((...a: unknown[]) => {
      immediates.delete(immediate);
      fn(...a);
    }, ...args);
    if (disposed) clearImmediate(immediate);
    else immediates.add(immediate);
    return immediate;
  }) as typeof setImmediate;
  const trackedClearImmediate = (immediate?: NodeJS.Immediate) => {
    if (immediate) immediates.delete(immediate);
    clearImmediate(immediate);
  };
  const RealChannel = globalThis.BroadcastChannel;
  const TrackedChannel = RealChannel
    ? class extends RealChannel {
        constructor(name: string) {
          super(name);
          if (disposed) super.close();
          else channels.add(this);
        }
        override close() {
          channels.delete(this);
          super.close();
        }
      }
    : undefined;

  return {
    globals: {
      setTimeout: trackedSetTimeout,
      clearTimeout: trackedClearTimeout,
      setInterval: trackedSetInterval,
      clearInterval: trackedClearTimeout,
      setImmediate: trackedSetImmediate,
      clearImmediate: trackedClearImmediate,
      BroadcastChannel: TrackedChannel,
    },
    open() {
      return [...[...timeouts].map(() => "setTimeout"), ...[...intervals].map(() => "setInterval"), ...[...immediates].map(() => "setImmediate"), ...[...channels].map(() => "BroadcastChannel")];
    },
    dispose() {
      disposed = true;
      for (const t of timeouts) clearTimeout(t);
      for (const t of intervals) clearInterval(t);
      for (const i of immediates) clearImmediate(i);
      for (const c of channels) {
        try {
          c.close();
        } catch {}
      }
      timeouts.clear();
      intervals.clear();
      immediates.clear();
      channels.clear();
    },
  };
}

/**
 * What keeps this process's event loop alive now that was not open at `baseline`
 * (process.getActiveResourcesInfo, e.g. "Timeout", "TCPServerWrap", "MessagePort"), counted.
 */
export function stillOpen(baseline: string[]): string[] {
  const left = new Map<string, number>();
  for (const type of process.getActiveResourcesInfo()) left.set(type, (left.get(type) ?? 0) + 1);
  for (const type of baseline) if (left.has(type)) left.set(type, left.get(type)! - 1);
  return [...left].filter(([, n]) => n > 0).map(([type, n]) => (n > 1 ? `${type} ×${n}` : type));
}
