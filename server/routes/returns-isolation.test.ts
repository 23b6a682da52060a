// Uploads and the rest of the service: a large file is read and checked in a worker thread while
// other requests are answered; a worker past its limits is a 4xx with nothing stored; workers are
// limited in number; and an oversized body is refused as soon as it crosses the limit, without
// waiting for the rest of it. Worker behaviour is observed through a gate the workers wait at and
// a count of workers started (isolation.test-support.ts), never through timings.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isolationQueue } from '../ingest/isolation';
import { isolateForTest, largePoliceCsv, largePoliceRows, WorkerGate } from '../ingest/isolation.test-support';
import { MAX_UPLOAD_BYTES } from '../limits';
import { buildTestApp, multipartBody, signIn, tableCounts, upload } from '../test/helpers';
import { csvOf, validRow } from '../test/rows';

const LARGE = 300 * 1024; // above the size at which a CSV is checked in a worker

let app: FastifyInstance;
let restore = () => {};
beforeEach(async () => {
  app = await buildTestApp();
});
afterEach(async () => {
  restore();
  await app.close();
});

function isolate(options: Parameters<typeof isolateForTest>[0] = {}) {
  const test = isolateForTest(options);
  restore = test.restore;
  return test.started;
}

/** Starts an upload without waiting for it; `settled` says whether it has answered yet. */
async function startUpload(content: Buffer, dryRun = false) {
  const { payload, headers } = multipartBody(content);
  const identity = await signIn(app, 'analyst');
  const state = { settled: false };
  const response = app.inject({ method: 'POST', url: `/api/returns/police${dryRun ? '?dryRun=true' : ''}`, payload, headers: { ...identity.headers, ...headers } }).finally(() => {
    state.settled = true;
  });
  return { response, state };
}

describe('a large upload', () => {
  it('is read and checked in a worker and stored by the main thread; an ordinary one is checked in place', async () => {
    const started = isolate();
    const large = largePoliceCsv(LARGE);
    const { status, body } = await upload(app, 'police', large);
    expect(status).toBe(201);
    expect(started).toEqual(['check']);
    expect(body.submission.rows).toBe(largePoliceRows(LARGE).length);
    expect(await tableCounts(app)).toMatchObject({ submissions: 1, rows: body.submission.rows });

    expect((await upload(app, 'police', csvOf([validRow('police')]))).status).toBe(201);
    expect(started).toEqual(['check']);
  });

  it('does not hold up other requests: /api/health answers while the upload is in its worker', async () => {
    const gate = new WorkerGate();
    isolate({ gate });
    const { response, state } = await startUpload(largePoliceCsv(LARGE));
    await gate.whenActive(1); // the upload's worker has started and is held at the gate

    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(state.settled).toBe(false);

    gate.open();
    expect((await response).statusCode).toBe(201);
  });

  it('past the time limit is a 422 asking to split the file, with nothing stored; the server carries on', async () => {
    const gate = new WorkerGate(); // never opened
    isolate({ gate, limits: { timeoutMs: 200 } });
    const { status, body } = await upload(app, 'police', largePoliceCsv(LARGE));
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ code: 'too-complex', message: expect.stringMatching(/too large for us to check in one go\. Nothing has been stored/) })]);
    expect(await tableCounts(app)).toEqual({ submissions: 0, rows: 0, current: 0 });

    restore();
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await upload(app, 'police', largePoliceCsv(LARGE))).status).toBe(201);
  });

  it('past the memory limit is a 422 with nothing stored; the server carries on', async () => {
    const started = isolate({ limits: { workerHeapMegabytes: 16 } });
    const { status, body } = await upload(app, 'police', largePoliceCsv(LARGE));
    expect(status).toBe(422);
    expect(body.errors[0].code).toBe('too-complex');
    expect(started).toEqual(['check']);
    expect(await tableCounts(app)).toEqual({ submissions: 0, rows: 0, current: 0 });

    restore();
    expect((await upload(app, 'police', largePoliceCsv(LARGE))).status).toBe(201);
  });

  it('waits its turn: no more than two are checked at once, and each gets its answer', async () => {
    const gate = new WorkerGate();
    const started = isolate({ gate });
    const uploads = await Promise.all([1, 2, 3, 4].map(() => startUpload(largePoliceCsv(LARGE), true)));
    await gate.whenActive(2);
    await vi.waitFor(() => expect(isolationQueue()).toEqual({ running: 2, waiting: 2 }));
    expect(started).toHaveLength(2);

    gate.open();
    expect((await Promise.all(uploads.map((u) => u.response))).map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect(started).toHaveLength(4);
    expect(gate.peak).toBe(2);
  });

  it('is refused with 503 and Retry-After when the queue is full, with nothing stored', async () => {
    const gate = new WorkerGate();
    isolate({ gate, limits: { concurrency: 1, maxWaiting: 0 } });
    const first = await startUpload(largePoliceCsv(LARGE));
    await gate.whenActive(1);
    const { status, body, response } = await upload(app, 'police', largePoliceCsv(LARGE));
    expect(status).toBe(503);
    expect(response.headers['retry-after']).toBe('60');
    expect(body.message).toMatch(/try again in a minute/);
    expect((await tableCounts(app)).submissions).toBe(0);
    gate.open();
    expect((await first.response).statusCode).toBe(201);
  });
});

describe('an upload over the size limit', () => {
  /**
   * A multipart body that sends `fileBytes` of a file and then stalls, never ending until `end()`:
   * a server that waited for the whole body before answering would never answer.
   */
  function stalledBody(fileBytes: number) {
    const { payload, headers } = multipartBody('');
    const head = payload.subarray(0, payload.indexOf('\r\n\r\n') + 4);
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const stream = new Readable({
      read() {
        if (sent < head.length) {
          sent = head.length;
          this.push(head);
        } else if (sent - head.length < fileBytes) {
          sent += chunk.length;
          this.push(chunk);
        } // then: nothing more, and no end
      },
    });
    return { stream, headers, end: () => stream.push(null) };
  }

  it('is refused with 413 as soon as the file crosses the limit, while the rest of the body is still to come', async () => {
    const identity = await signIn(app, 'analyst');
    const body = stalledBody(MAX_UPLOAD_BYTES + 1024 * 1024);
    const response = await app.inject({ method: 'POST', url: '/api/returns/police', payload: body.stream, headers: { ...identity.headers, ...body.headers } });
    body.end();
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'file-too-large', message: expect.stringMatching(/larger than 10 MB/) });
    expect((await tableCounts(app)).submissions).toBe(0);
  });

  it('is refused with 413 before any of it is read when the request declares a larger body', async () => {
    const identity = await signIn(app, 'analyst');
    const body = stalledBody(0);
    const response = await app.inject({
      method: 'POST',
      url: '/api/returns/police',
      payload: body.stream,
      headers: { ...identity.headers, ...body.headers, 'content-length': String(50 * 1024 * 1024) },
    });
    body.end();
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('file-too-large');
  });

  it('a file of exactly the limit is read whole', async () => {
    const row = csvOf([validRow('police')]);
    const padded = Buffer.concat([Buffer.from(row), Buffer.alloc(MAX_UPLOAD_BYTES - row.length, ' ')]); // a last line of spaces: blank
    const { status, body } = await upload(app, 'police', padded, { dryRun: true });
    expect(status).toBe(200);
    expect(body.submission.rows).toBe(1);
  });
});
