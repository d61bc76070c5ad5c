/**
 * Multi-row writes in chunks: one statement per few hundred rows instead of one per row, which is
 * what makes a 100,000-row import fast on both engines, while each statement stays well under
 * SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
 */
const MAX_PARAMETERS_PER_STATEMENT = 6_000;

export function chunkSizeFor(columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS_PER_STATEMENT / columns));
}

export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
