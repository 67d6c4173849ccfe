// The reference for event shapes: the real Phoenix LiveView browser client (phoenix_live_view 0.18,
// the client liveviewjs 0.8.1 ships with) running in this happy-dom document, connected through an
// in-memory transport to a real liveviewjs WsHandler whose view records every event object its
// handleEvent receives. Whatever our runtime hands an action must equal what this records.
import { loadLiveViewJS } from "../template/load-liveviewjs.ts";

export interface PhoenixReference {
  /** Event objects liveviewjs's handleEvent received, in order. */
  events: Record<string, unknown>[];
  /** The element Phoenix manages (holds the rendered markup). */
  container: HTMLElement;
  /** Sends an event payload straight to liveviewjs, as the Phoenix client would put it on the wire. */
  send(payload: Record<string, unknown>): void;
  /** Resolves when `count` events have been recorded. */
  waitFor(count: number): Promise<void>;
  close(): void;
}

/**
 * Phoenix's event listeners sit on `window` and hand any phx-* element outside its own views to its
 * main view, so one DOM event on an element of *our* root reaches both clients: the fairest comparison.
 * Its own container renders `markup` (empty by default, so window bindings are not found twice).
 */
export async function startPhoenixReference(markup = "", containerId = "phx-ref"): Promise<PhoenixReference> {
  const lv = await loadLiveViewJS();
  const { Socket } = (await import("phoenix" as string)) as any;
  const { LiveSocket } = (await import("phoenix_live_view" as string)) as any;
  const events: Record<string, unknown>[] = [];
  const view = lv.createLiveView({
    handleEvent(event) {
      events.push(event as Record<string, unknown>);
    },
    render: () => lv.safe(markup),
  });

  let sent = 100;
  let toServer: ((data: string, isBinary: boolean) => void) | undefined;
  let transport: any;
  const handler = new lv.WsHandler(
    {
      send(message: string) {
        setTimeout(() => transport?.onmessage?.({ data: message }), 0);
      },
      subscribeToMessages(listener: any) {
        toServer = listener;
      },
      subscribeToClose() {},
    },
    {
      serDe: { serialize: async (d: unknown) => JSON.stringify(d), deserialize: async (s: string) => JSON.parse(s) },
      router: { [location.pathname]: view } as never,
      fileSysAdaptor: {} as never,
      flashAdaptor: new lv.SessionFlashAdaptor(),
      pubSub: new lv.SingleProcessPubSub(),
    },
  );

  // A WebSocket-shaped object Phoenix's Socket drives; messages go straight into the WsHandler.
  class MemoryTransport {
    readyState = 0;
    binaryType = "arraybuffer";
    onopen?: () => void;
    onmessage?: (e: { data: string }) => void;
    onclose?: (e: unknown) => void;
    onerror?: (e: unknown) => void;
    constructor() {
      transport = this;
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.();
      }, 0);
    }
    send(data: string) {
      setTimeout(() => toServer?.(data, false), 0);
    }
    close() {
      this.readyState = 3;
    }
  }

  const container = document.createElement("div");
  container.id = containerId;
  container.setAttribute("data-phx-main", "true");
  container.setAttribute("data-phx-session", JSON.stringify({ _csrf_token: "csrf-1" }));
  container.setAttribute("data-phx-static", "");
  container.innerHTML = markup;
  document.body.appendChild(container);

  const liveSocket = new LiveSocket("/live", Socket, { transport: MemoryTransport, params: { _csrf_token: "csrf-1" }, viewLogger: () => {} });
  liveSocket.connect();
  await until(() => container.classList.contains("phx-connected"));

  return {
    events,
    container,
    waitFor: (count) => until(() => events.length >= count),
    send(payload) {
      toServer?.(JSON.stringify(["4", String(++sent), `lv:${containerId}`, "event", payload]), false);
    },
    close() {
      liveSocket.disconnect();
      handler.close();
    },
  };
}

async function until(test: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error("timed out waiting for the Phoenix reference");
    await new Promise((r) => setTimeout(r, 2));
  }
}
