/**
 * A path that does not decode (`/api/%ff`) or climbs out of its folder once decoded
 * (`/..%2f..%2fetc/passwd`, `/%2e%2e/`) is a bad request, answered before any route or the static
 * files see it (where it would surface as a URIError or a 403 from `send`, i.e. a 500).
 */
import type { RequestHandler } from 'express';
import { invalidPayload } from './errors.ts';

export function isMalformedPath(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  // Backslashes count as separators too: some proxies and file systems treat them so.
  return decoded.includes('\0') || decoded.split(/[/\\]/).includes('..');
}

export const refuseMalformedPaths: RequestHandler = (req, _res, next) => {
  if (isMalformedPath(req.path)) throw invalidPayload('Malformed path');
  next();
};
