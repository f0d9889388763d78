import type { SupabaseClient } from '@supabase/supabase-js';
import { createNodeSupabaseClient } from './supabase-node-client.js';

/**
 * A `fetch` for supabase-js that records every request and answers with canned, PostgREST-shaped
 * responses. PostgREST cannot run on our machines (no Docker), so this is how the Supabase
 * wrapper's requests are checked: what was sent, and what the wrapper makes of the answers.
 */
export interface RecordedRequest {
  method: string;
  /** Path below the project URL, e.g. `/rest/v1/mediation_cases_view`. */
  path: string;
  /** Query parameters in order, decoded. */
  params: [string, string][];
  headers: Record<string, string>;
  /** A JSON body parsed; a binary one (a Storage upload) as its bytes. */
  body: unknown;
}

export interface CannedResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Fail like fetch does when the network is down (rejects with a TypeError), after recording. */
  networkError?: boolean;
}

export type Responder = (req: RecordedRequest) => CannedResponse;

export interface RecordingFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
  /** Answers the next requests in order; when the queue is empty, `fallback` answers. */
  queue(...responses: CannedResponse[]): void;
}

/** A PostgREST error body with the HTTP status PostgREST uses for it. */
export const pgError = (status: number, code: string, message: string, details: string | null = null): CannedResponse => ({
  status,
  body: { code, message, details, hint: null },
});

async function bytesOf(body: unknown): Promise<Uint8Array | undefined> {
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  return undefined;
}

export function recordingFetch(fallback: Responder = () => ({ status: 200, body: [] })): RecordingFetch {
  const requests: RecordedRequest[] = [];
  const queued: CannedResponse[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const raw = init?.body;
    const req: RecordedRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      params: [...url.searchParams.entries()],
      headers,
      body: typeof raw === 'string' ? JSON.parse(raw) : await bytesOf(raw),
    };
    requests.push(req);
    const res = queued.shift() ?? fallback(req);
    if (res.networkError) throw new TypeError('fetch failed');
    const status = res.status ?? 200;
    const body = res.body === undefined || status === 204 ? null : JSON.stringify(res.body);
    return new Response(body, { status, headers: { 'content-type': 'application/json; charset=utf-8', ...res.headers } });
  };
  return { fetch: fetchFn as typeof fetch, requests, queue: (...r) => void queued.push(...r) };
}

/** A supabase-js client (realtime over `ws`, as on Node 20) whose requests go to the recording fetch. */
export function recordingClient(rec: RecordingFetch): SupabaseClient {
  return createNodeSupabaseClient('http://127.0.0.1:54321', 'test-anon-key', { global: { fetch: rec.fetch } });
}
