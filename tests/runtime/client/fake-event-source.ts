// An EventSource stand-in the sync tests drive by hand: `emit` delivers an SSE event, `fail` drops
// the connection. Tests reset `FakeEventSource.all` before mounting.
export class FakeEventSource extends EventTarget {
  static all: FakeEventSource[] = [];
  readyState = 1;
  constructor(public url: string) {
    super();
    FakeEventSource.all.push(this);
  }
  emit(type: string, data: unknown, id?: string) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data), lastEventId: id }));
  }
  fail() {
    this.readyState = 2;
    this.dispatchEvent(new Event("error"));
  }
  close() {
    this.readyState = 2;
  }
}
