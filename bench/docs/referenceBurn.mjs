/**
 * Loaded into the reference server (`--import`) for the `refBurn` row: before each WebSocket message
 * a client sends is handled, BENCH_BURN_US microseconds of CPU are spent in a busy loop that
 * allocates nothing. The reference with a known extra cost per edit shows how much p99 a microsecond
 * of work on the path costs on this machine, to weigh StatRoom's extra work against (issue 14).
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';

const burnMs = Number(process.env.BENCH_BURN_US ?? '0') / 1000;
const emit = EventEmitter.prototype.emit;
EventEmitter.prototype.emit = function emitAfterBurn(name, ...args) {
  // ws's Receiver emits 'message' to its WebSocket, which emits it again: burn at the WebSocket only.
  if (name === 'message' && this.constructor.name === 'WebSocket') {
    const until = performance.now() + burnMs;
    while (performance.now() < until) {}
  }
  return emit.call(this, name, ...args);
};
