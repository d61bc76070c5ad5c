/**
 * The intake journal: an append-only file that holds each document update from the moment it is
 * accepted until SQLite has it (`updateIntake.ts`). One `write` per call puts the updates in the
 * kernel's page cache, where they survive the process being killed, just as a SQLite commit with
 * `synchronous = NORMAL` does, for about a third of that commit's time on the event loop.
 *
 * Layout: records back to back, each
 *
 *   u32 body length | u32 CRC-32 of the body | body = f64 sequence | u16 name length | name | update
 *
 * (little-endian, name in UTF-8). Sequences only grow. Reading stops at the first record that is
 * cut short, fails its checksum or does not follow its predecessor's sequence: the tail a crash
 * can leave behind, or bytes a failed write left past the last good record. Nothing before it is
 * affected, because a record is only ever written at the end of the good ones.
 */
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { acquireProcessLock } from './processLock.ts';

export interface JournalRecord {
  seq: number;
  docName: string;
  data: Uint8Array;
}

export interface JournalContents {
  records: JournalRecord[];
  /** Bytes after the last good record (a torn or corrupt tail); 0 when the file ends cleanly. */
  discardedBytes: number;
}

const HEADER_BYTES = 8;
const FIXED_BODY_BYTES = 8 + 2;
/** A document name is at most this long in UTF-8 (docKinds names are far shorter). */
const MAX_NAME_BYTES = 0xffff;

export function encodeRecords(records: JournalRecord[]): Buffer {
  let size = 0;
  for (const record of records) {
    const nameBytes = Buffer.byteLength(record.docName, 'utf8');
    if (nameBytes > MAX_NAME_BYTES) throw new Error(`document name too long: ${record.docName}`);
    size += HEADER_BYTES + FIXED_BODY_BYTES + nameBytes + record.data.byteLength;
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const record of records) {
    const bodyStart = at + HEADER_BYTES;
    const nameStart = bodyStart + FIXED_BODY_BYTES;
    const nameBytes = out.write(record.docName, nameStart, 'utf8');
    out.writeDoubleLE(record.seq, bodyStart);
    out.writeUInt16LE(nameBytes, bodyStart + 8);
    out.set(record.data, nameStart + nameBytes);
    const bodyEnd = nameStart + nameBytes + record.data.byteLength;
    out.writeUInt32LE(bodyEnd - bodyStart, at);
    out.writeUInt32LE(crc32(out.subarray(bodyStart, bodyEnd)), at + 4);
    at = bodyEnd;
  }
  return out;
}

export function decodeRecords(bytes: Uint8Array): JournalContents {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: JournalRecord[] = [];
  let at = 0;
  while (at + HEADER_BYTES <= buffer.byteLength) {
    const bodyLength = buffer.readUInt32LE(at);
    const bodyStart = at + HEADER_BYTES;
    const bodyEnd = bodyStart + bodyLength;
    if (bodyLength < FIXED_BODY_BYTES || bodyEnd > buffer.byteLength) break;
    const body = buffer.subarray(bodyStart, bodyEnd);
    if (crc32(body) !== buffer.readUInt32LE(at + 4)) break;
    const seq = body.readDoubleLE(0);
    const nameLength = body.readUInt16LE(8);
    if (FIXED_BODY_BYTES + nameLength > bodyLength) break;
    const previous = records[records.length - 1];
    if (!Number.isSafeInteger(seq) || (previous && seq <= previous.seq)) break;
    records.push({
      seq,
      docName: body.toString('utf8', FIXED_BODY_BYTES, FIXED_BODY_BYTES + nameLength),
      // A copy: the records outlive the file's buffer.
      data: new Uint8Array(body.subarray(FIXED_BODY_BYTES + nameLength)),
    });
    at = bodyEnd;
  }
  return { records, discardedBytes: buffer.byteLength - at };
}

export interface IntakeJournal {
  /** What the file held when it was opened. */
  readonly contents: JournalContents;
  /** Bytes written since the last reset. */
  readonly size: number;
  /** Writes the records at the end of the good ones; throws (nothing counted as written) on failure. */
  append(records: JournalRecord[]): void;
  /** Empties the file: every record in it is in SQLite. */
  reset(): void;
  close(): void;
}

/**
 * Opens (or creates) the journal at `path` and reads it. Writing starts at the beginning: the
 * caller has put the records it read somewhere safe before it appends (or resets first).
 * One process at a time: `<path>.lock` names it (a second writer would replay, and then lose,
 * records the first has not committed yet).
 */
export function openIntakeJournal(path: string): IntakeJournal {
  const release = acquireProcessLock(`${path}.lock`, `The intake journal ${path}`);
  let contents: JournalContents;
  let writeFd: number;
  try {
    contents = decodeRecords(readFileSync(path, { flag: 'a+' }));
    // Positional writes need a descriptor without O_APPEND.
    writeFd = openSync(path, 'r+');
  } catch (error) {
    release();
    throw error;
  }
  let size = 0;
  return {
    contents,
    get size() {
      return size;
    },
    append(records) {
      if (records.length === 0) return;
      const bytes = encodeRecords(records);
      let written = 0;
      while (written < bytes.byteLength) {
        written += writeSync(writeFd, bytes, written, bytes.byteLength - written, size + written);
      }
      size += bytes.byteLength;
    },
    reset() {
      ftruncateSync(writeFd, 0);
      size = 0;
    },
    close() {
      closeSync(writeFd);
      release();
    },
  };
}
