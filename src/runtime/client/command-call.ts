// Calls a server command: POST JSON with the CSRF header. Network failures (and a proxy's 502-504
// while the server restarts) of idempotent commands are retried with exponential backoff; everything
// else comes back as a { code, message } error value.

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
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let failure: any;
    try {
      response = await fetchImpl(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", [PROTOCOL.csrfHeader]: csrfToken },
        body: JSON.stringify({ params, url: location.href, uploads } satisfies CommandRequest, stateReplacer),
      });
    } catch (error) {
      failure = error;
    }
    const status = response?.status ?? 0;
    if (idempotent && attempt < PROTOCOL.commandRetries && (!response || (status > 501 && status < 505))) {
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
