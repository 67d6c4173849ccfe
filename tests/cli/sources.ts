// Small LiveViewJS-style sources for CLI tests (written here, for these tests).

export const COUNTER_VIEW = `import { createLiveView, html } from "liveviewjs";

export const counterLiveView = createLiveView<{ count: number }, { type: "increment" } | { type: "decrement" }>({
  mount: (socket) => {
    socket.assign({ count: 0 });
  },
  handleEvent: (event, socket) => {
    switch (event.type) {
      case "increment":
        socket.assign({ count: socket.context.count + 1 });
        break;
      case "decrement":
        socket.assign({ count: socket.context.count - 1 });
        break;
    }
  },
  render: (context) => html\`
    <button phx-click="decrement">-</button>
    <span>\${context.count}</span>
    <button phx-click="increment">+</button>
  \`,
});
`;

export const DYNAMIC_KEYS_VIEW = `import { createLiveView, html } from "liveviewjs";

const initial = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, ""]));

export const filtersLiveView = createLiveView({
  mount: (socket) => {
    socket.assign(initial(["city", "zip"]));
  },
  render: (context) => html\`<p>\${JSON.stringify(context)}</p>\`,
});
`;

export const BROKEN_SOURCE = `import { createLiveView } from "liveviewjs";
export const broken = createLiveView({
  mount: (socket) => { socket.assign({ open: false ) },
});
`;
