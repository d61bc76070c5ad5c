/** English: the source catalogue of the `home` namespace (pt-BR and es mirror its keys). */
export const home = {};
