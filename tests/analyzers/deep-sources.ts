// Generated sources for issue 17 ("the analyzer never loses a file"): expressions far longer or deeper
// than people write, built with loops. Shared by the analyzer, pipeline and fuzz tests.

/** Expressions of `n` parts: left-nested chains the parser builds in a loop, and nestings it recurses on. */
export const DEEP_EXPRESSIONS = {
  plus: (n: number) => Array.from({ length: n }, (_, i) => `x${i % 4}`).join(" + "),
  then: (n: number) => `load()${".then((v) => v)".repeat(n)}`,
  member: (n: number) => `socket.context${".next".repeat(n)}`,
  or: (n: number) => Array.from({ length: n }, (_, i) => `x${i % 4} > ${i}`).join(" || "),
  nonNull: (n: number) => `socket.context.count${"!".repeat(n)}`,
  object: (n: number) => `${"{ a: ".repeat(n)}1${" }".repeat(n)}`,
  array: (n: number) => `${"[".repeat(n)}1${"]".repeat(n)}`,
  paren: (n: number) => `${"(".repeat(n)}1${")".repeat(n)}`,
  call: (n: number) => `${"f(".repeat(n)}1${")".repeat(n)}`,
  template: (n: number) => `${"`${".repeat(n)}1${"}`".repeat(n)}`,
  arrow: (n: number) => `${"() => ".repeat(n)}1`,
  arrowBlock: (n: number) => `${"() => { return ".repeat(n)}1${" }".repeat(n)}`,
  ternary: (n: number) => `${"x0 ? x1 : ".repeat(n)}x2`,
  not: (n: number) => `${"!".repeat(n)}x0`,
  power: (n: number) => `${"x0 ** ".repeat(n)}x1`,
  typeArgs: (n: number) => `(1 as unknown as ${"Array<".repeat(n)}number${">".repeat(n)})`,
} satisfies Record<string, (n: number) => string>;

export type DeepKind = keyof typeof DEEP_EXPRESSIONS;

/**
 * A file with two views: `deepView` assigns `big` from the generated expression in its mount,
 * `okView` (after it) has nothing unusual. The expression sits on line 7.
 */
export function deepViewFile(expression: string): string {
  return [
    `import { createLiveView, html } from "liveviewjs";`,
    `async function load() { return fetch("/x"); }`,
    `const x0 = 1, x1 = 2, x2 = 3, x3 = 4;`,
    `function f(a: unknown) { return a; }`,
    `export const deepView = createLiveView({`,
    `  mount: (socket) => {`,
    `    socket.assign({ count: 0, big: ${expression} });`,
    `  },`,
    `  handleEvent: (event, socket) => { if (event.type === "inc") socket.assign({ count: socket.context.count + 1 }); },`,
    `  render: ({ count }) => html\`<button phx-click="inc">\${count}</button>\`,`,
    `});`,
    `export const okView = createLiveView({`,
    `  mount: (socket) => { socket.assign({ n: 0 }); },`,
    `  handleEvent: (event, socket) => { if (event.type === "more") socket.assign({ n: socket.context.n + 1 }); },`,
    `  render: ({ n }) => html\`<button phx-click="more">\${n}</button>\`,`,
    `});`,
    ``,
  ].join("\n");
}

/** A handler that dispatches `n` events with early returns, and one `if` testing `n` types with `||`. */
export function manyEventsFile(n: number): string {
  const branches = Array.from({ length: n }, (_, i) => `    if (event.type === "e${i}") { socket.assign({ k: ${i} }); return; }`);
  const anyOf = Array.from({ length: n }, (_, i) => `event.type === "o${i}"`).join(" || ");
  return [
    `import { createLiveView, html } from "liveviewjs";`,
    `export const manyView = createLiveView({`,
    `  mount: (socket) => { socket.assign({ k: 0, seen: false }); },`,
    `  handleEvent: (event, socket) => {`,
    ...branches,
    `    if (${anyOf}) socket.assign({ seen: true });`,
    `  },`,
    `  render: ({ k }) => html\`<p>\${k}</p>\`,`,
    `});`,
    ``,
  ].join("\n");
}
