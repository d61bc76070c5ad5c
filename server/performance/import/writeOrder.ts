/**
 * The order an import writes its valid rows in: grouped by a key the importer chooses, groups in
 * the order they first appear, rows in file order within a group, then cut into transactions.
 *
 * Why: on SQLite each transaction writes every page it touched to the WAL. Data points written in
 * file order (one indicator's whole history, then the next) touch a different page of the period
 * index for every row, so a 1,000,000-row import wrote ~9 GB and its commits and the WAL checkpoints
 * stalled the server for up to 1.5 s. Grouped in tiles of a few indicators × a few periods, the
 * rows of one transaction share pages of both indexes: ~3 GB, and no stall (bench:import).
 */
export class WriteOrder<Row> {
  readonly #groups = new Map<string, Row[]>();
  #size = 0;

  constructor(private readonly groupOf: ((row: Row) => string) | undefined) {}

  add(row: Row): void {
    const key = this.groupOf?.(row) ?? '';
    const group = this.#groups.get(key);
    if (group) group.push(row);
    else this.#groups.set(key, [row]);
    this.#size += 1;
  }

  /** Lets every row go (a bad row was found: nothing will be written). */
  clear(): void {
    this.#groups.clear();
    this.#size = 0;
  }

  get size(): number {
    return this.#size;
  }

  /** The rows in write order, `size` at a time (the last batch may be smaller). */
  *batches(size: number): Generator<Row[]> {
    let batch: Row[] = [];
    for (const group of this.#groups.values()) {
      for (const row of group) {
        batch.push(row);
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }
}
