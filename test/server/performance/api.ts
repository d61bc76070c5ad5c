/** A small JSON client for the performance API tests: real HTTP against a real test server. */
import { IMPORT_HEADER, IMPORT_HEADER_VALUE } from '../../../shared/performance.ts';
import type { TestServer } from '../../helpers/server.ts';

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function apiClient(server: Pick<TestServer, 'url'>, token: string | null) {
  const call = async <T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}/api${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    get: <T = unknown>(path: string) => call<T>('GET', path),
    post: <T = unknown>(path: string, body: unknown) => call<T>('POST', path, body),
    put: <T = unknown>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: <T = unknown>(path: string) => call<T>('DELETE', path),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Posts a CSV body and reads the NDJSON answer as a list of events. */
export async function postCsv(
  server: Pick<TestServer, 'url'>,
  token: string,
  kind: 'data-points' | 'indicators',
  csv: string,
): Promise<{ status: number; contentType: string | null; events: unknown[] }> {
  const response = await fetch(`${server.url}/api/imports/${kind}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'text/csv',
      [IMPORT_HEADER]: IMPORT_HEADER_VALUE,
    },
    body: csv,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  if (!contentType?.startsWith('application/x-ndjson')) {
    return { status: response.status, contentType, events: [JSON.parse(text)] };
  }
  const events = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
  return { status: response.status, contentType, events };
}
