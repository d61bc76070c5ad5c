/** English: the source catalogue of the `screen` namespace (pt-BR and es mirror its keys). */
export const screen = {};
