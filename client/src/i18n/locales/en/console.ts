/** English: the source catalogue of the `console` namespace (pt-BR and es mirror its keys). */
export const console = {};
