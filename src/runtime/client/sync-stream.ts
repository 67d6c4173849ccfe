// Follows the component's sync topics over Server-Sent Events (wire format: SYNC_PROTOCOL in
// contract.ts). Resumes from the offsets in the state script, then from Last-Event-ID, which the
// browser sends on its own reconnects; when the browser gives up (stream CLOSED, e.g. a 502 while the
// server restarts) a new stream starts from the offsets held here. A message whose offset was already
// applied is dropped, so nothing runs twice; a `reset` re-runs the `shared` loaders.

import { PROTOCOL, SYNC_PROTOCOL, type SyncMessageData, type SyncOffsets, type SyncResetData } from "../contract.ts";

export interface SyncHandlers {
  message(topic: string, message: Record<string, unknown>): void;
  reset(topic: string): void;
}

export function followSync(
  topics: string[],
  initialOffsets: SyncOffsets,
  handlers: SyncHandlers,
  EventSourceImpl: typeof EventSource = EventSource,
): { offsets: SyncOffsets; close(): void } {
  const offsets: SyncOffsets = { ...initialOffsets };
  let source: EventSource | undefined;
  let closed = false;
  let retry = 500;
  const data = (e: Event) => JSON.parse((e as MessageEvent).data);

  const connect = () => {
    const url = `${PROTOCOL.base}${PROTOCOL.syncPath}?${SYNC_PROTOCOL.topicsParam}=${topics.map(encodeURIComponent).join(",")}&${SYNC_PROTOCOL.offsetsParam}=${encodeURIComponent(JSON.stringify(offsets))}`;
    const es = (source = new EventSourceImpl(url));
    es.addEventListener(SYNC_PROTOCOL.readyEvent, (e) => {
      retry = 500;
      // Heads for topics we had no offset for: later messages are relative to them.
      const ready = data(e).offsets as SyncOffsets;
      for (const topic in ready) offsets[topic] ??= ready[topic];
    });
    es.addEventListener(SYNC_PROTOCOL.messageEvent, (e) => {
      const { topic, offset, message } = data(e) as SyncMessageData;
      if (offsets[topic] === offset) return;
      offsets[topic] = offset;
      handlers.message(topic, message);
    });
    es.addEventListener(SYNC_PROTOCOL.resetEvent, (e) => {
      const { topic, offset } = data(e) as SyncResetData;
      offsets[topic] = offset;
      handlers.reset(topic);
    });
    es.addEventListener("error", () => {
      if (closed || es.readyState !== 2) return;
      setTimeout(() => !closed && source === es && connect(), retry);
      retry = Math.min(retry * 2, 10_000);
    });
  };
  connect();
  return {
    offsets,
    close() {
      closed = true;
      source?.close();
    },
  };
}
