/**
 * The reason (`ErrorReason`) of a refused request body, for the client to translate: from the first
 * of zod's issues, which is the one a form shows beside its field. A check that knows its own
 * reason carries it in its params (`reasonIssue` in `shared/errorReasons.ts`); the rest map from
 * zod's issue codes. The English message, naming every issue, is built apart (`describeZodError`).
 */
import type { z } from 'zod';
import { isReasonKey, reason } from '../../shared/errorReasons.ts';
import type { ErrorReason } from '../../shared/errors.ts';

/** The most of a sent text a reason repeats: a 10 kB value gets a short answer. */
const MAX_VALUE_CHARS = 80;

type Issue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shown(value: unknown): string | number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)}…` : value;
}

/** A reason a check attached to its issue (`params: { reason }`), or null. */
function ownReason(issue: Issue): ErrorReason | null {
  if (issue.code !== 'custom') return null;
  const own: unknown = issue.params?.reason;
  if (typeof own !== 'object' || own === null) return null;
  const { key, params } = own as { key?: unknown; params?: unknown };
  if (!isReasonKey(key)) return null;
  return { key, params: typeof params === 'object' && params !== null ? { ...params } : {} };
}

function mappedReason(issue: Issue, field: string, sent: unknown): ErrorReason {
  const empty = sent === undefined || sent === null || (typeof sent === 'string' && sent.trim() === '');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'never') return reason('cannotBeChanged', { field });
      if (sent === undefined || sent === null) return reason('required', { field });
      if (issue.expected === 'int') return reason('notAWholeNumber', { field });
      if (issue.expected === 'number') return reason('notANumber', { field });
      return reason('invalidField', { field });
    case 'too_small':
      if (issue.origin === 'string' && (empty || Number(issue.minimum) <= 1))
        return reason('required', { field });
      if (issue.origin === 'number' && issue.inclusive !== false)
        return reason('numberTooSmall', { field, min: Number(issue.minimum) });
      return reason('invalidField', { field });
    case 'too_big':
      if (issue.origin === 'string') return reason('tooLong', { field, max: Number(issue.maximum) });
      if (issue.origin === 'number' && issue.inclusive !== false)
        return reason('numberTooLarge', { field, max: Number(issue.maximum) });
      if (issue.origin === 'array') return reason('tooMany', { field, max: Number(issue.maximum) });
      return reason('invalidField', { field });
    case 'invalid_value':
      if (empty) return reason('required', { field });
      return reason('notOneOf', { field, options: issue.values.map(String).join(', ') });
    case 'unrecognized_keys':
      return reason('unknownFields', { fields: issue.keys.join(', ') });
    default:
      return reason('invalidField', { field });
  }
}

/** The reason of the first issue; `input` is what was parsed, to name the value sent. */
export function zodReason(error: z.ZodError, input: unknown): ErrorReason {
  const issue = error.issues[0];
  if (!issue) return reason('invalidRequest');
  const field = issue.path.map(String).join('.');
  const sent = valueAt(input, issue.path);
  const own = ownReason(issue);
  if (own) {
    const value = shown(sent);
    return {
      key: own.key,
      params: { ...own.params, ...(field ? { field } : {}), ...(value !== undefined ? { value } : {}) },
    };
  }
  if (!field && issue.code !== 'unrecognized_keys') return reason('invalidRequest');
  return mappedReason(issue, field, sent);
}
