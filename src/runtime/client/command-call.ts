// Calls a server command: POST JSON with the CSRF header and a call id. Network failures (and a
// proxy's 502-504 while the server restarts) are retried with exponential backoff under the same id,
// so the server runs the call once (it answers a repeat with the first answer); everything else
// comes back as a { code, message } error value.

import { PROTOCOL, CLIENT_ERROR, type CommandRequest, type CommandResponse } from "../contract.ts";
import { parseState, stateReplacer } from "../template/state-json.ts";

export async function callCommand(
  component: string,
  name: string,
  params: Record<string, unknown>,
  csrfToken: string,
  idempotent: boolean,
  fetchImpl: typeof fetch,
  uploads?: Record<string, string[]>,
): Promise<CommandResponse> {
  const url = `${PROTOCOL.base}${PROTOCOL.commandPath}/${encodeURIComponent(component)}/${encodeURIComponent(name)}`;
  // unique within the session (the server scopes ids by session): time plus 52 random bits
  const id = Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let failure: any;
    try {
      response = await fetchImpl(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", [PROTOCOL.csrfHeader]: csrfToken },
        body: JSON.stringify({ params, url: location.href, uploads, id } satisfies CommandRequest, stateReplacer),
      });
    } catch (error) {
      failure = error;
    }
    const status = response?.status ?? 0;
    // a repeat of a call still running (409) waits too; a call not marked idempotent is retried only when
    // it never reached a server (no response): a proxy's 502-504 may mean a server that ran it and died
    if (attempt < PROTOCOL.commandRetries && (!response || status == 409 || (idempotent && status > 501 && status < 505))) {
      await new Promise((r) => setTimeout(r, PROTOCOL.commandBackoffMs * 2 ** attempt));
      continue;
    }
    if (!response) return { ok: false, error: { code: CLIENT_ERROR.network, message: String(failure) } };
    try {
      const body = parseState<CommandResponse>(await response.text());
      if (body.ok === true || body.error) return body;
    } catch {}
    return { ok: false, error: { code: CLIENT_ERROR.badResponse, message: `HTTP ${status}` } };
  }
}
