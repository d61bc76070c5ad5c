/**
 * English: the source catalogue of the `errors` namespace. `code` translates every `ErrorCode`
 * (and `network`); `reason` translates a server error's `reason.key` with its `params`.
 */
export const errors = {
  code: {
    invalid_payload: 'The data sent was not accepted.',
    not_found: 'This no longer exists.',
    forbidden: 'Your role does not allow this.',
    unauthenticated: 'Sign in first.',
    conflict: 'This clashes with something that already exists.',
    too_large: 'This is too large.',
    unsupported_media_type: 'This kind of file is not accepted.',
    not_joined: 'The document is not open yet.',
    unsupported_version: 'This page is out of date: reload it.',
    invalid_state: 'This cannot be done at this stage of the meeting.',
    stale: 'Someone else changed this first: nothing was changed.',
    needs_confirmation: 'This value looks unusual: confirm to save it.',
    internal: 'Something went wrong on the server. Try again.',
    network: 'The server cannot be reached.',
  },
  reason: {},
};
