// The benchmark page's script: mounts the components and exposes timing functions to the driver.
// Each measurement is in-page: performance.now() before a click, and again when the DOM holds the
// result (a MutationObserver callback, which runs right after the patch's mutations).
import { mount } from "../src/runtime/client/index.ts";
import { counter, table } from "./runtime-client-components.ts";

mount([counter, table]);

function clickUntil(button: HTMLElement, done: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      resolve(performance.now() - t0);
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    button.click();
  });
}

(window as any).bench = {
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
