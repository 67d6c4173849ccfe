// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent, html, PROTOCOL } from "../../../src/runtime/client/index.ts";
import { CLIENT_ERROR } from "../../../src/runtime/contract.ts";
import { mountPage } from "./page.ts";

afterEach(() => vi.useRealTimers());

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const todo = defineComponent<{ items: string[]; saving?: boolean; error?: { code: string; message: string } | null; last?: unknown }>({
  name: "todo",
  actions: {
    load(_e, ctx) {
      ctx.command("list", { page: 1 }, { pendingKey: "saving" });
    },
    add(e, ctx) {
      ctx.command("add", { text: e.text }, { onResult: "added", onError: "failed", pendingKey: "saving" });
    },
    plain(_e, ctx) {
      ctx.command("add", { text: "x" }).catch(() => {});
    },
    added(e, ctx) {
      ctx.assign({ last: e.result, error: null });
    },
    failed(e, ctx) {
      ctx.assign({ error: e.error as never });
    },
  },
  render: (s) => html`<p>${s.items.join(",")}</p><i>${String(s.saving)}</i>`,
});

describe("ctx.command", () => {
  it("applies answers in the order the commands were sent: a quick second answer waits for the first; an onResult action's own command does not deadlock", async () => {
    const releases: ((r: Response) => void)[] = [];
    const fetch = vi.fn((_url: string, _init: RequestInit) => new Promise<Response>((r) => releases.push(r)));
    const counter = defineComponent<{ n: number; log: string[] }>({
      name: "ordered",
      actions: {
        set(e, ctx) {
          ctx.command("set", { n: e.n }, { onResult: "applied" });
        },
        applied(e, ctx) {
          const n = (e.result as unknown as { n: number }).n;
          ctx.assign({ n, log: [...ctx.state.log, `applied ${n}`] });
          // a follow-up command sent by the answer's action
          if (n === 1) ctx.command("audit", {}).catch(() => {});
        },
      },
      render: (s) => html`<p>${s.n}</p>`,
    });
    const c = await mountPage(counter, { n: 0, log: [] }, { fetch: fetch as never });
    c.dispatch("set", { n: "1" });
    c.dispatch("set", { n: "2" });
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    // the second answer arrives first: nothing is applied until the first has been
    releases[1]!(json({ ok: true, result: { n: 2 } }));
    await new Promise((r) => setTimeout(r, 20));
    expect(c.state.log).toEqual([]);
    releases[0]!(json({ ok: true, result: { n: 1 } }));
    await vi.waitFor(() => expect(c.state.log).toEqual(["applied 1", "applied 2"]));
    expect(c.state.n).toBe(2);
    // the follow-up went out and its answer is applied too
    await vi.waitFor(() => expect(releases).toHaveLength(3));
    releases[2]!(json({ ok: true, result: { audited: true } }));
    await vi.waitFor(() => expect((c.state as Record<string, unknown>).audited).toBe(true));
  });

  it("POSTs { params } with the CSRF header; a successful result object is assigned; pendingKey while in flight", async () => {
    let release!: (r: Response) => void;
    const fetch = vi.fn((_url: string, _init: RequestInit) => new Promise<Response>((r) => (release = r)));
    const c = await mountPage(todo, { items: [] }, { fetch: fetch as never, payload: { csrfToken: "tok-9" } });
    c.dispatch("load");
    await c.flushed();
    expect(c.state.saving).toBe(true);
    expect(document.querySelector("i")!.textContent).toBe("true");
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe(`${PROTOCOL.base}${PROTOCOL.commandPath}/todo/list`);
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>)[PROTOCOL.csrfHeader]).toBe("tok-9");
    // with a call id of its own: the server runs a call once, whatever the retries
    expect(JSON.parse(init.body as string)).toEqual({ params: { page: 1 }, url: location.href, id: expect.stringMatching(/^[\w-]{8,64}$/) });
    release(json({ ok: true, result: { items: ["a", "b"] } }));
    await vi.waitFor(() => expect(c.state.items).toEqual(["a", "b"]));
    await c.flushed();
    expect(c.state.saving).toBe(false);
    expect(document.querySelector("p")!.textContent).toBe("a,b");
  });

  it("onResult receives { type, result }; onError receives { type, error: { code, message } }", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json({ ok: true, result: [1, 2] }))
      .mockResolvedValueOnce(json({ ok: false, error: { code: "INVALID_PARAMS", message: "text is required" } }, 422));
    const c = await mountPage(todo, { items: [] }, { fetch });
    await c.dispatch("add", { text: "milk" });
    expect(c.state.last).toEqual([1, 2]);
    await c.dispatch("add", { text: "" });
    expect(c.state.error).toEqual({ code: "INVALID_PARAMS", message: "text is required" });
    expect(c.state.saving).toBe(false);
  });

  it("retries any command that never reached a server under the same call id (the server runs it once); when retries run out, onError", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn().mockRejectedValue(new TypeError("Failed to fetch"));
    const c = await mountPage(todo, { items: [] }, { fetch });
    const done = c.dispatch("add", { text: "x" });
    await vi.advanceTimersByTimeAsync(PROTOCOL.commandBackoffMs * 2 ** (PROTOCOL.commandRetries + 1));
    await done;
    expect(fetch).toHaveBeenCalledTimes(PROTOCOL.commandRetries + 1);
    const ids = new Set(fetch.mock.calls.map(([, init]) => JSON.parse((init as RequestInit).body as string).id));
    expect(ids.size).toBe(1);
    expect(c.state.error).toEqual({ code: CLIENT_ERROR.network, message: "TypeError: Failed to fetch" });
    vi.useRealTimers();
  });

  it("does not retry a command that is not idempotent after a proxy's 502-504 (a server may have run it and died)", async () => {
    const fetch = vi.fn().mockResolvedValue(new Response("bad gateway", { status: 502 }));
    const c = await mountPage(todo, { items: [] }, { fetch });
    await c.dispatch("add", { text: "x" });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(c.state.error).toEqual({ code: CLIENT_ERROR.badResponse, message: "HTTP 502" });
  });

  it("retries an idempotent command (listed in the state script) with backoff until it gets through", async () => {
    vi.useFakeTimers();
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(new Response("bad gateway", { status: 502 }))
      .mockResolvedValueOnce(json({ ok: true, result: "saved" }));
    const c = await mountPage(todo, { items: [] }, { fetch, payload: { idempotent: ["add"] } });
    const done = c.dispatch("add", { text: "x" });
    await vi.advanceTimersByTimeAsync(PROTOCOL.commandBackoffMs - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(PROTOCOL.commandBackoffMs * 2);
    await done;
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(c.state.last).toBe("saved");
  });

  it("gives up after the retries and reports NETWORK_ERROR", async () => {
    vi.useFakeTimers();
    const fetch = vi.fn().mockRejectedValue(new TypeError("offline"));
    const c = await mountPage(todo, { items: [] }, { fetch, payload: { idempotent: ["add"] } });
    const done = c.dispatch("add", { text: "x" });
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(fetch).toHaveBeenCalledTimes(PROTOCOL.commandRetries + 1);
    expect(c.state.error).toMatchObject({ code: CLIENT_ERROR.network });
  });

  it("without onError the promise rejects with the code and message (and a non-JSON body is BAD_RESPONSE)", async () => {
    const fetch = vi.fn().mockResolvedValue(new Response("<html>oops</html>", { status: 500 }));
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const c = await mountPage(todo, { items: [] }, { fetch });
    const seen: unknown[] = [];
    const def = todo.actions.plain;
    todo.actions.plain = (e, ctx) => {
      ctx.command("add", {}).catch((err) => seen.push({ code: err.code, message: err.message }));
    };
    await c.dispatch("plain");
    todo.actions.plain = def;
    errors.mockRestore();
    expect(seen).toEqual([{ code: CLIENT_ERROR.badResponse, message: "HTTP 500" }]);
  });
});
