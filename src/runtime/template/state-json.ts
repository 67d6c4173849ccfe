// State crosses JSON between server and browser (the first paint's state script, command params and
// answers): values JSON cannot carry — Date, Map, Set, bigint — travel tagged and come back as what
// they were, so a handler that calls `.getTime()` on a key sees a Date on both sides.

const TAG = "__lvm";

/** JSON.stringify replacer: reads the holder's raw value (a Date's toJSON has run before `value`). */
export function stateReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  if (raw instanceof Date) return { [TAG]: "Date", v: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
  if (raw instanceof Map) return { [TAG]: "Map", v: [...raw.entries()] };
  if (raw instanceof Set) return { [TAG]: "Set", v: [...raw.values()] };
  if (typeof raw === "bigint") return { [TAG]: "bigint", v: raw.toString() };
  return value;
}

/** JSON.parse reviver: the tagged values back to what they were. */
export function stateReviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const tagged = value as { [TAG]?: unknown; v?: unknown };
  if (typeof tagged[TAG] !== "string" || !("v" in tagged) || Object.keys(tagged).length !== 2) return value;
  switch (tagged[TAG]) {
    case "Date":
      return new Date(typeof tagged.v === "string" ? tagged.v : Number.NaN);
    case "Map":
      return Array.isArray(tagged.v) ? new Map(tagged.v as [unknown, unknown][]) : value;
    case "Set":
      return Array.isArray(tagged.v) ? new Set(tagged.v) : value;
    case "bigint":
      return typeof tagged.v === "string" && /^-?\d+$/.test(tagged.v) ? BigInt(tagged.v) : value;
    default:
      return value;
  }
}

export function stringifyState(value: unknown): string {
  return JSON.stringify(value, stateReplacer);
}

export function parseState<T = unknown>(text: string): T {
  return JSON.parse(text, stateReviver) as T;
}

/** Revives tagged values in an object parsed without the reviver (a request body parsed by the server). */
export function reviveState<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  const revived = stateReviver("", value);
  if (revived !== value) return revived as T;
  for (const key of Object.keys(value as object)) (value as Record<string, unknown>)[key] = reviveState((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * A live view's state as its handlers read it (`ctx.state`, `socket.context` in the original):
 * LiveViewJS hands a live view a deep copy on every read (structuredClone), so changing that copy in
 * place (`socket.context.items.push(x)`) changes nothing until it is assigned. Live components got
 * their state itself, so a child's ctx does not copy. Where there is no structuredClone (happy-dom,
 * which verify drives) the copy goes through the state's JSON, as LiveViewJS's own fallback does. A
 * value neither can copy (a function) made LiveViewJS throw; here the state itself is returned.
 */
export function stateCopy<S>(state: S): S {
  try {
    return typeof structuredClone === "function" ? structuredClone(state) : parseState<S>(stringifyState(state));
  } catch {
    return state;
  }
}
