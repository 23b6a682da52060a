// A small autocannon-style load generator: N concurrent keep-alive connections over loopback,
// each sending its next request as soon as the last one answered, until a request count or a
// time limit is reached. It runs in a worker thread so that it does not share the server's
// event loop (on two cores: one for the server, one for the load).
import { Worker } from 'node:worker_threads';

export interface LoadOptions {
  port: number;
  /** Paths requested in turn (cycled), so a run spreads over many areas and periods. */
  paths: string[];
  concurrency: number;
  maxRequests: number;
  maxMs: number;
  /** Sent with every request, e.g. a session cookie. */
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  errors: number;
  elapsedMs: number;
  /** Latencies in milliseconds, sorted. */
  latencies: number[];
}

// Plain JavaScript: a worker started from source text does not go through tsx.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, paths, concurrency, maxRequests, maxMs, headers } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let sent = 0, errors = 0;
const started = performance.now();
function one() {
  return new Promise((resolve) => {
    const path = paths[sent++ % paths.length];
    const t0 = performance.now();
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode !== 200) errors++; latencies.push(performance.now() - t0); resolve(); });
    });
    req.on('error', () => { errors++; resolve(); });
  });
}
async function connection() {
  while (sent < maxRequests && performance.now() - started < maxMs) await one();
}
Promise.all(Array.from({ length: concurrency }, connection)).then(() => {
  agent.destroy();
  latencies.sort((a, b) => a - b);
  parentPort.postMessage({ requests: latencies.length, errors, elapsedMs: performance.now() - started, latencies });
});
`;

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: options });
    worker.once('message', (result: LoadResult) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}

/** The q-th quantile (0..1) of sorted values, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
