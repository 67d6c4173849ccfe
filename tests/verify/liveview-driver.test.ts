// The original side: example-app views run by the real liveviewjs 0.8.1 in-process, driven with the
// messages the Phoenix client sends; the HTML rebuilt from the rendered diffs must be what the view renders.
import { Window } from "happy-dom";
import { afterEach, describe, expect, it } from "vitest";
import { startOriginalSession } from "../../src/verify/liveview-driver.ts";
import type { SideSession } from "../../src/verify/session.ts";
import { freshExampleApp } from "./original-app.ts";

const open: SideSession[] = [];
afterEach(async () => {
  for (const session of open.splice(0)) await session.close();
});

async function start(path: string, clients = 1) {
  const app = await freshExampleApp();
  const session = await startOriginalSession({ router: app.router, viewsWithLiveComponents: app.viewsWithLiveComponents, path, clients, clock: app.__verifyClock });
  open.push(session);
  return { session, clock: app.__verifyClock };
}

/** A query helper over one client's current HTML. */
function dom(session: SideSession, client = 0) {
  const window = new Window();
  window.document.body.innerHTML = session.html(client);
  const doc = window.document;
  return {
    text: (selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, " ").trim(),
    all: (selector: string) => Array.from(doc.querySelectorAll(selector)).map((el) => el.textContent!.replace(/\s+/g, " ").trim()),
    attr: (selector: string, name: string) => doc.querySelector(selector)?.getAttribute(name),
  };
}

describe("original-side driver (liveviewjs in-process)", () => {
  it("counter: clicks with phx-value-*; the rebuilt HTML follows every diff", async () => {
    const { session } = await start("/counter");
    expect(dom(session).text("#count")).toBe("0");
    // buttons with phx-click in document order: -step, +step, reset, step 1, step 5, step 10
    await session.perform({ kind: "click", index: 1 });
    await session.perform({ kind: "click", index: 1 });
    expect(dom(session).text("#count")).toBe("2");
    await session.perform({ kind: "click", index: 4 }); // set-step with phx-value-step="5"
    await session.perform({ kind: "click", index: 1 });
    const page = dom(session);
    expect(page.text("#count")).toBe("7");
    expect(page.attr("p.count", "data-parity")).toBe("odd");
    expect(page.all("button.active")).toEqual(["5"]);
    expect(page.all("button[phx-click=increment]")).toEqual(["+5"]);
    await session.perform({ kind: "click", index: 2 }); // reset
    expect(dom(session).text("#count")).toBe("0");
  });

  it("signup: phx-change sends the URL-encoded form with _target; phx-submit saves to the store", async () => {
    const { session } = await start("/signup");
    expect(session.html(0)).not.toContain("invalid-feedback");
    await session.perform({ kind: "form", binding: "change", index: 0, values: { name: "A" }, target: "name" });
    // only the changed field's error is shown (_target), with the typed value kept
    let page = dom(session);
    expect(page.all(".invalid-feedback")).toEqual(["Name must be at least 2 characters"]);
    expect(page.attr("#input_name", "value")).toBe("A");
    await session.perform({ kind: "form", binding: "submit", index: 0, values: { name: "Ada Lovelace", email: "ada@example.com", phone: "555-555-0101", shift: "evening" } });
    page = dom(session);
    expect(page.text("#last-saved")).toBe("Last sign-up: Ada Lovelace");
    expect(page.all(".invalid-feedback")).toEqual([]);
    expect(page.attr("#input_name", "value")).toBe("");
    // the CSRF token the join gave the view is in the hidden input (a mismatch would have thrown in liveviewjs)
    expect(page.attr("input[name=_csrf_token]", "value")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("activity feed: a post by one client reaches the other through pubsub; phx-update=prepend keeps earlier entries", async () => {
    const { session } = await start("/activity", 2);
    const before = dom(session, 1).all("#feed li");
    await session.perform({ kind: "form", binding: "submit", index: 0, values: { text: "Truck arrived" } });
    await session.perform({ kind: "form", binding: "submit", index: 0, values: { text: "Pallets stored" }, client: 1 });
    for (const client of [0, 1]) {
      const entries = dom(session, client).all("#feed li");
      expect(entries.length).toBe(before.length + 2);
      expect(entries[0]).toContain("Pallets stored");
      expect(entries[1]).toContain("Truck arrived");
      expect(entries.slice(2)).toEqual(before);
    }
  });

  it("a fresh instance of the app starts from its seed data (nothing leaks between sessions)", async () => {
    const first = await start("/activity");
    const seed = dom(first.session).all("#feed li");
    await first.session.perform({ kind: "form", binding: "submit", index: 0, values: { text: "Only in the first session" } });
    expect(dom(first.session).all("#feed li")).toHaveLength(seed.length + 1);
    const second = await start("/activity");
    expect(dom(second.session).all("#feed li")).toEqual(seed);
  });

  it("inventory: live_patch links run handleParams and re-render (pagination)", async () => {
    const { session } = await start("/inventory");
    const first = dom(session);
    expect(first.text("p.muted")).toMatch(/^Page 1 of (\d+) · (\d+) items$/);
    const firstRows = first.all("#inventory tbody tr");
    const next = first.attr('nav.pages a[data-phx-link="patch"]', "href")!;
    expect(next).toContain("page=2");
    await session.perform({ kind: "patch", href: next });
    const second = dom(session);
    expect(second.text("p.muted")).toMatch(/^Page 2 of/);
    expect(second.all("#inventory tbody tr")).not.toEqual(firstRows);
    await session.perform({ kind: "patch", href: "/inventory?page=1&perPage=5&sortBy=name&sortDir=asc" });
    expect(dom(session).all("#inventory tbody tr")).toHaveLength(5);
    // sorting is a live_patch link in the header: following it re-sorts and flips the arrow
    const sortByQuantity = dom(session).attr('th a[href*="sortBy=quantity"]', "href")!;
    await session.perform({ kind: "patch", href: sortByQuantity });
    expect(dom(session).text("thead")).toContain("quantity ▲");
  });

  it("volunteers (live components through WsMessageRouter): a check-in by one client re-renders the badge on both", async () => {
    const { session } = await start("/volunteers", 2);
    const rows = dom(session).all("#volunteers tbody tr, table tbody tr");
    expect(rows.length).toBeGreaterThan(0);
    const badges = () => dom(session, 1).all("span.badge");
    const before = badges();
    expect(before.length).toBe(dom(session).all("button[phx-click=check-in]").length);
    // the first check-in button (phx-click elements in order: per row "Details", then "check-in")
    const window = new Window();
    window.document.body.innerHTML = session.html(0);
    const index = Array.from(window.document.querySelectorAll("[phx-click]")).findIndex((el) => el.getAttribute("phx-click") === "check-in");
    await session.perform({ kind: "click", index });
    const after = badges();
    expect(after[0]).not.toBe(before[0]);
    expect([before[0], after[0]].sort()).toEqual(["away", "on site"]);
    expect(dom(session, 0).all("span.badge")).toEqual(after);
  });

  it("release notes: JS commands run on the DOM and stick across re-renders", async () => {
    const { session } = await start("/release-notes");
    expect(session.html(0)).toContain('class="note unread"');
    const window = new Window();
    window.document.body.innerHTML = session.html(0);
    const collapse = Array.from(window.document.querySelectorAll("[phx-click]")).findIndex((el) => el.textContent?.includes("Collapse all"));
    expect(collapse).toBeGreaterThanOrEqual(0);
    await session.perform({ kind: "click", index: collapse });
    expect(session.html(0)).not.toContain("note unread");
  });

  it("dashboard: the view's setInterval runs on the verify clock; pause stops it, leaving runs shutdown", async () => {
    const { session, clock } = await start("/dashboard");
    expect(clock.pending()).toBe(1); // started on join only (connected), not on the HTTP render
    await session.perform({ kind: "tick", ms: 9000 });
    expect(clock.pending()).toBe(1);
    const pause = dom(session).all("[phx-click]").findIndex((label) => /pause/i.test(label));
    await session.perform({ kind: "click", index: pause });
    expect(clock.pending()).toBe(0);
    await session.perform({ kind: "click", index: pause });
    expect(clock.pending()).toBe(1);
    await session.close();
    open.splice(open.indexOf(session), 1);
    expect(clock.pending()).toBe(0);
  });
});
