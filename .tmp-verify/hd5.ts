import { Window } from "happy-dom";
import { installHappyDomFixes } from "../src/verify/happy-dom-fixes.ts";
installHappyDomFixes();
const w = new Window();
const opts = (sel: string) => ["morning","afternoon","evening"].map(v => `<option value="${v}"${v===sel?" selected":""}>${v}</option>`).join("");
for (const sel of ["morning","afternoon","evening"]) {
  const next = w.document.createElement("div"); next.innerHTML = `<select>${opts(sel)}</select>`;
  console.log(sel, [...next.querySelectorAll("option")].map((o: any) => o.selected), (next.querySelector("select") as any).selectedIndex, (next.querySelector("select") as any).value);
}
