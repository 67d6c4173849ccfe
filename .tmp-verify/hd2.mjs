import { Window } from "happy-dom";
const w = new Window();
w.document.body.innerHTML = `<form><select id="shift" name="shift">
<option value="morning" selected>morning</option><option value="afternoon">afternoon</option><option value="evening">evening</option></select></form>`;
const s = w.document.querySelector("select");
s.value = "evening";
console.log(s.value, s.selectedIndex, [...new w.FormData(w.document.querySelector("form")).entries()]);
