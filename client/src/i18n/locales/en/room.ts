/** English: the source catalogue of the `room` namespace (pt-BR and es mirror its keys). */
export const room = {};
