/** The intake journal's file: what goes in comes back, and a damaged tail costs only itself. */
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  decodeRecords,
  encodeRecords,
  type JournalRecord,
  openIntakeJournal,
} from '../../../server/db/intakeJournal.ts';

const records: JournalRecord[] = [
  { seq: 1, docName: 'meeting:one', data: new Uint8Array([1, 2, 3]) },
  { seq: 2, docName: 'meeting:déjà-vu ✓', data: new Uint8Array(0) },
  { seq: 7, docName: 'meeting:three', data: new Uint8Array(300).fill(9) },
];

describe('intake journal', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'statroom-journal-'));
    path = join(dir, 'db.sqlite-intake');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function writeJournal(toWrite: JournalRecord[]): void {
    const journal = openIntakeJournal(path);
    journal.append(toWrite.slice(0, 1));
    journal.append(toWrite.slice(1));
    journal.close();
  }

  test('records written in several appends read back whole, in order', () => {
    writeJournal(records);
    const reopened = openIntakeJournal(path);
    expect(reopened.contents).toEqual({ records, discardedBytes: 0 });
    reopened.close();
  });

  test('a record cut short by a crash is dropped; the ones before it are kept', () => {
    writeJournal(records);
    const size = readFileSync(path).byteLength;
    truncateSync(path, size - 5);
    const { records: read, discardedBytes } = openIntakeJournal(path).contents;
    expect(read).toEqual(records.slice(0, 2));
    expect(discardedBytes).toBe(size - 5 - encodeRecords(records.slice(0, 2)).byteLength);
  });

  test('reading stops at a record whose checksum fails', () => {
    const bytes = encodeRecords(records);
    const second = encodeRecords(records.slice(0, 1)).byteLength;
    // A byte of the second record's document name.
    bytes[second + 20] = (bytes[second + 20] as number) ^ 0xff;
    expect(decodeRecords(bytes).records).toEqual(records.slice(0, 1));
  });

  test('reading stops where the sequence does not grow (records of an earlier round past the end)', () => {
    const stale = encodeRecords([{ seq: 1, docName: 'meeting:old', data: new Uint8Array([5]) }]);
    writeFileSync(path, Buffer.concat([encodeRecords(records), stale]));
    expect(openIntakeJournal(path).contents.records).toEqual(records);
  });

  test('one process at a time: a second opening is refused while the first holds the journal', () => {
    const journal = openIntakeJournal(path);
    expect(() => openIntakeJournal(path)).toThrow(`in use by process ${process.pid}`);
    journal.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    openIntakeJournal(path).close();
  });

  test('a lock left by a process that is gone is taken over', () => {
    writeJournal(records);
    // Above Linux's largest pid: no such process.
    writeFileSync(`${path}.lock`, '4194305');
    const journal = openIntakeJournal(path);
    expect(journal.contents.records).toEqual(records);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(String(process.pid));
    journal.close();
  });

  test('after a reset the file is empty and appends start over', () => {
    const journal = openIntakeJournal(path);
    journal.append(records);
    journal.reset();
    expect(readFileSync(path).byteLength).toBe(0);
    journal.append([{ seq: 8, docName: 'meeting:after', data: new Uint8Array([4]) }]);
    journal.close();
    expect(openIntakeJournal(path).contents.records.map((record) => record.seq)).toEqual([8]);
  });
});
