/** English: the source catalogue of the `notes` namespace (pt-BR and es mirror its keys). */
export const notes = {};
