// happy-dom 20.14's select keeps the wrong option when two are selected while parsing (the default
// first option and one with `selected`): it keeps the option at index (count - 1) instead of the last
// selected one, so a re-rendered <select> shows the wrong choice and morphdom copies it. The HTML spec
// (selectedness setting algorithm) keeps the last selected option in tree order; this restores that.

import { HTMLSelectElement } from "happy-dom";
import * as PropertySymbol from "happy-dom/lib/PropertySymbol.js";

let installed = false;

export function installHappyDomFixes(): void {
  if (installed) return;
  installed = true;
  const proto = HTMLSelectElement.prototype as any;
  const original = proto[PropertySymbol.updateSelectedness];
  if (typeof original !== "function") return;
  proto[PropertySymbol.updateSelectedness] = function (this: any, selectedOption?: unknown) {
    const options: any[] = Array.from(this.querySelectorAll("option"));
    const before = options.filter((o) => o[PropertySymbol.selectedness]);
    const lastSelected = selectedOption ?? before[before.length - 1];
    original.call(this, selectedOption);
    if (this.hasAttribute("multiple")) return;
    const after = options.filter((o) => o[PropertySymbol.selectedness]);
    if (before.length >= 2 && lastSelected && !after.includes(lastSelected)) {
      options.forEach((o, i) => {
        o[PropertySymbol.selectedness] = o === lastSelected;
        if (o === lastSelected) this[PropertySymbol.selectedIndex] = i;
      });
    }
  };
}
