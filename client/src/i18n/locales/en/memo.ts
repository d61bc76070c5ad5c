/** English: the source catalogue of the `memo` namespace (pt-BR and es mirror its keys). */
export const memo = {};
