/** English: the source catalogue of the `charts` namespace (pt-BR and es mirror its keys). */
export const charts = {};
