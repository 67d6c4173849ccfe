// Calls a server command: POST JSON with the CSRF header; network failures of idempotent commands are
// retried with exponential backoff; everything else comes back as a { code, message } error value.

import { PROTOCOL, CLIENT_ERROR, type CommandRequest, type CommandResponse } from "../contract.ts";

export type CommandOutcome = CommandResponse;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function callCommand(
  component: string,
  name: string,
  params: Record<string, unknown>,
  csrfToken: string,
  idempotent: boolean,
  fetchImpl: typeof fetch = fetch,
): Promise<CommandOutcome> {
  const url = `${PROTOCOL.base}${PROTOCOL.commandPath}/${encodeURIComponent(component)}/${encodeURIComponent(name)}`;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", [PROTOCOL.csrfHeader]: csrfToken },
        body: JSON.stringify({ params, url: location.href } satisfies CommandRequest),
      });
    } catch (error) {
      if (idempotent && attempt < PROTOCOL.commandRetries) {
        await sleep(PROTOCOL.commandBackoffMs * 2 ** attempt);
        continue;
      }
      return { ok: false, error: { code: CLIENT_ERROR.network, message: String((error as Error)?.message ?? error) } };
    }
    // A proxy answering for a restarting server: retry like a network failure when that is safe.
    if (idempotent && response.status >= 502 && response.status <= 504 && attempt < PROTOCOL.commandRetries) {
      await sleep(PROTOCOL.commandBackoffMs * 2 ** attempt);
      continue;
    }
    try {
      const body = (await response.json()) as CommandResponse;
      if (body && (body.ok === true || (body.ok === false && body.error))) return body;
    } catch {}
    return { ok: false, error: { code: CLIENT_ERROR.badResponse, message: `HTTP ${response.status}` } };
  }
}
