/** The bad rows of an import: all counted, the first few kept to report. */
import type { ImportRowError } from '../../../shared/performance.ts';

export class ErrorList {
  readonly reported: ImportRowError[] = [];
  count = 0;

  constructor(private readonly max: number) {}

  add(error: ImportRowError): void {
    this.count += 1;
    if (this.reported.length < this.max) this.reported.push(error);
  }

  /** Why reading stopped (a limit, unreadable CSV): reported even past the cap, it explains the rest. */
  addStop(error: ImportRowError): void {
    this.count += 1;
    this.reported.push(error);
  }

  get truncated(): boolean {
    return this.count > this.reported.length;
  }
}
