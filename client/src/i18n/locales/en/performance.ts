/** English: the source catalogue of the `performance` namespace (pt-BR and es mirror its keys). */
export const performance = {};
