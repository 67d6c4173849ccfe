// Uploads end to end: `apply --only photoGalleryView` migrates the example app's photo gallery (file
// input, previews, consumeUploadedEntries); the copy's own server serves it through the runtime, and
// real Chromium chooses files with setInputFiles. Validation shows without a request, the preview is
// the chosen file, submit uploads the PNG to the upload endpoint and the `save` command stores it
// with the original storePhoto(meta.path, ...): the gallery shows it and /uploads serves its bytes.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, migratedCopy, startCopyServer, type CopyServer } from "./migrated-copy.ts";

const TEMP_UPLOADS = join(tmpdir(), "lvm-uploads");

/** A valid 2×2 red PNG (so the preview and the stored file are real images). */
function png(): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const byte of buf) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.from([0, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

let browser: Browser;
let server: CopyServer | undefined;
let url: string;
let COPY: string;
let applyOutput: string;

beforeAll(async () => {
  ({ copy: COPY, applyOutput } = migratedCopy("e2e-uploads", ["photoGalleryView"]));
  [browser, server] = await Promise.all([launchChromium(), startCopyServer(COPY)]);
  url = server.url;
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(COPY, { recursive: true, force: true });
});

describe("the migrated photo gallery", () => {
  it("migrates with no marker", () => {
    expect(applyOutput).toContain("1 migrated");
    expect(readFileSync(join(COPY, "src/views/photoGallery.ts"), "utf8")).not.toContain("@migrate-todo");
  });

  it("validates in the browser, previews, uploads the PNG on submit and the command stores it", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const requests: string[] = [];
    // network requests only (a preview's blob: URL is read from memory)
    page.on("request", (r) => r.url().startsWith("http") && requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
    await page.goto(`${url}/photos`);
    expect(await page.locator("[data-lvm-root=photoGallery]").count()).toBe(1);
    expect(await page.locator("#gallery").innerText()).toContain("No photos yet.");
    const tempBefore = existsSync(TEMP_UPLOADS) ? readdirSync(TEMP_UPLOADS).length : 0;
    const input = page.locator("input[type=file]");

    // a file the config does not accept: its error shows at once, with no request
    requests.length = 0;
    await input.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hello") });
    await page.locator(".entries li", { hasText: "notes.txt" }).waitFor();
    expect(await page.locator(".entries li .invalid-feedback").allInnerTexts()).toEqual(["Not allowed"]);
    expect(await page.locator("#upload-form > p.invalid-feedback").allInnerTexts()).toEqual(["Not allowed"]);
    expect(requests).toEqual([]);
    await page.locator(".entries li button[phx-click=cancel]").click();
    await page.waitForFunction(() => document.querySelectorAll(".entries li").length === 0);
    expect(await page.locator("#upload-form > p.invalid-feedback").count()).toBe(0);

    // the PNG: an entry with its preview (the chosen file, as an object URL)
    const image = png();
    await input.setInputFiles({ name: "harbor.png", mimeType: "image/png", buffer: image });
    const entry = page.locator(".entries li", { hasText: "harbor.png" });
    await entry.waitFor();
    expect(await entry.innerText()).toContain(`harbor.png (${image.length} B)`);
    await page.waitForFunction(() => (document.querySelector(".entries li img") as HTMLImageElement | null)?.naturalWidth === 2);
    expect(await entry.locator("img").getAttribute("src")).toMatch(/^blob:/);
    expect(requests).toEqual([]);

    // progress the page shows while the upload runs
    await page.evaluate(() => {
      const seen: string[] = ((window as any).progress = []);
      new MutationObserver(() => document.querySelectorAll("progress").forEach((p) => seen.push(p.getAttribute("value")!))).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.locator("input[name=caption]").fill("Dock at dawn");
    await page.locator("button[type=submit]").click();
    const figure = page.locator("#gallery figure");
    await figure.waitFor();
    expect(await figure.locator("figcaption").innerText()).toBe("Dock at dawn");
    expect(await page.locator(".entries li").count()).toBe(0); // consumed
    expect(await page.locator("input[name=caption]").inputValue()).toBe("");
    expect(await page.evaluate(() => (window as any).progress)).toContain("100");
    expect(requests.filter((r) => r.startsWith("POST"))).toEqual(["POST /_lvm/upload/photoGallery/photos", "POST /_lvm/command/photoGallery/save"]);

    // storePhoto copied the uploaded temp file: the app serves the same bytes, and the temp file is gone
    const src = await figure.locator("img").getAttribute("src");
    const served = await page.request.get(`${url}${src}`);
    expect(Buffer.from(await served.body()).equals(image)).toBe(true);
    expect(existsSync(TEMP_UPLOADS) ? readdirSync(TEMP_UPLOADS).length : 0).toBe(tempBefore);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the server refuses what the browser would have stopped (a forged upload without the page's checks)", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}/photos`);
    // bypass the client: post a 6 MB file and a text file straight to the endpoint with the page's CSRF token
    const outcome = await page.evaluate(async () => {
      const csrf = JSON.parse(document.querySelector("script[data-lvm-state]")!.textContent!).csrfToken as string;
      const post = async (body: Blob, name: string, type: string) => {
        const r = await fetch("/_lvm/upload/photoGallery/photos", { method: "POST", headers: { "x-csrf-token": csrf, "x-lvm-file-name": name, "content-type": type }, body });
        return [r.status, (await r.json()).error?.message];
      };
      return [await post(new Blob([new Uint8Array(6_000_000)]), "big.png", "image/png"), await post(new Blob(["hi"]), "notes.txt", "text/plain")];
    });
    expect(outcome).toEqual([
      [413, "Too large: the limit is 5000000 bytes"],
      [415, "Not allowed: accepted are .png, .jpg, .jpeg, .gif"],
    ]);
    await context.close();
  });
});
