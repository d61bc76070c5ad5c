/** English: the source catalogue of the `meetings` namespace (pt-BR and es mirror its keys). */
export const meetings = {};
