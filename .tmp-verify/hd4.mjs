import { Window } from "happy-dom";
const w = new Window();
const opts = (sel) => ["morning","afternoon","evening"].map(v => `<option value="${v}"${v===sel?" selected":""}>${v}</option>`).join("");
for (const sel of ["morning","afternoon","evening"]) {
  const next = w.document.createElement("div"); next.innerHTML = `<select>${opts(sel)}</select>`;
  const next2 = w.document.createElement("div"); w.document.body.appendChild(next2); next2.innerHTML = `<select>${opts(sel)}</select>`;
  console.log(sel, [...next.querySelectorAll("option")].map(o => o.selected), next.querySelector("select").selectedIndex, [...next2.querySelectorAll("option")].map(o => o.selected));
}
