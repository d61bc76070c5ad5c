/** English: the source catalogue of the `ledger` namespace (pt-BR and es mirror its keys). */
export const ledger = {};
