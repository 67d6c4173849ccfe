import { Window } from "happy-dom";
const w = new Window({ url: "http://localhost:3000/x" });
w.document.body.innerHTML = "<button>hi</button>";
console.log(typeof w.eval, w.eval("typeof document + ' ' + document.querySelector('button').textContent + ' ' + typeof fetch + ' ' + typeof EventSource + ' ' + typeof FormData + ' ' + typeof queueMicrotask+ ' ' + typeof setTimeout + location.href"));
w.eval("globalThis.__x = 5; window.addEventListener('click', e => globalThis.__clicked = e.target.tagName)");
w.document.querySelector('button').click();
console.log(w.__x, w.__clicked);
await w.happyDOM.close();
