// The benchmark page's script: mounts the components and exposes timing functions to the driver.
// Each measurement is in-page: performance.now() before a click, and again once the DOM holds the
// result (checked right after the render microtask).
import { mount } from "../src/runtime/client/index.ts";
import { counter, table } from "./runtime-client-components.ts";

mount([counter, table]);

async function clickUntil(button: HTMLElement, done: () => boolean): Promise<number> {
  const t0 = performance.now();
  button.click();
  // The action ran inside click(); the render was queued as a microtask then, so it has run (and
  // patched the DOM) by the time this await resumes. No MutationObserver: it would add its own cost.
  await null;
  const elapsed = performance.now() - t0;
  if (!done()) throw new Error("DOM not updated after the render microtask");
  return elapsed;
}

// Reference for how fast this machine is right now: the same 1,000 rows moved into a new order by
// hand (no framework, no parsing) in a table outside the component.
const reference = document.createElement("tbody");
reference.innerHTML = document.getElementById("rows")!.innerHTML.replace(/id="r/g, 'id="ref');
document.body.appendChild(document.createElement("table")).appendChild(reference);

(window as any).bench = {
  rawMoves(): number {
    const rows = Array.from(reference.children).sort(() => Math.random() - 0.5);
    const t0 = performance.now();
    for (const row of rows) reference.appendChild(row);
    return performance.now() - t0;
  },
  async counterClick(): Promise<number> {
    const span = document.getElementById("count")!;
    const expected = String(Number(span.textContent) + 1);
    return clickUntil(document.getElementById("inc")!, () => span.textContent === expected);
  },
  async resort(by: "name" | "score"): Promise<number> {
    const body = document.getElementById("rows")!;
    const first = body.firstElementChild!.id;
    const last = body.lastElementChild!.id;
    // Sorting by the same key again reverses the order: done when first and last swapped places.
    const button = document.getElementById(`by-${by}`)!;
    return clickUntil(button, () => body.firstElementChild!.id !== first || body.lastElementChild!.id !== last);
  },
};
