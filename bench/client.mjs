// The benchmark's HTTP client, in its own process (forked by bench/load.ts), so that the server
// process's CPU time (process.cpuUsage) is the server's alone: no load generator, no client-side
// parsing. Plain JavaScript, run by node without tsx. Commands arrive over IPC; each answer goes
// back with the command's id. Latency is measured here, from just before a request is written to
// the last byte of its response (bodies are counted, never decoded).
import http from 'node:http';
import { readFileSync } from 'node:fs';

/** One keep-alive pool for reads, so a request after an upload does not pay for a new connection. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const port = Number(process.argv[2]);

function request({ path, method = 'GET', headers = {}, body = null, via = agent }) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, method, agent: via, headers: body ? { ...headers, 'content-length': body.length } : headers }, (res) => {
      let bytes = 0;
      const chunks = [];
      res.on('data', (chunk) => {
        bytes += chunk.length;
        if (res.statusCode >= 400 || method !== 'GET') chunks.push(chunk);
      });
      res.on('end', () => resolve({ ms: performance.now() - t0, status: res.statusCode, bytes, body: chunks.length ? Buffer.concat(chunks).toString('utf8').slice(0, 2000) : null }));
    });
    req.on('error', (error) => resolve({ ms: performance.now() - t0, status: 0, bytes: 0, body: String(error) }));
    req.end(body ?? undefined);
  });
}

/** Every path once, in order, over `concurrency` connections each sending its next request when the last one answered. */
async function sequence({ paths, headers, concurrency = 1 }) {
  const results = new Array(paths.length);
  let next = 0;
  const started = performance.now();
  async function connection() {
    while (next < paths.length) {
      const i = next++;
      results[i] = await request({ path: paths[i], headers });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, connection));
  return { elapsedMs: performance.now() - started, results: results.map(({ ms, status, bytes, body }) => ({ ms, status, bytes, body: status === 200 ? null : body })) };
}

/** Requests `path` back to back until `until()` is true; the latencies. */
async function probe(path, headers, until) {
  const latencies = [];
  let errors = 0;
  while (!until()) {
    const r = await request({ path, headers });
    if (r.status !== 200) errors++;
    latencies.push(r.ms);
  }
  return { latencies, errors };
}

function multipart(file, fileName) {
  const boundary = '----bench-boundary-5c1e9b';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, readFileSync(file), tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads a file (read from disk here) while probing another path on a second connection. */
async function probeDuringUpload({ upload, probe: p }) {
  const { body, contentType } = multipart(upload.file, upload.fileName);
  let done = false;
  const uploadAgent = new http.Agent({ keepAlive: false });
  const started = performance.now();
  const sending = request({ path: upload.path, method: 'POST', headers: { ...upload.headers, 'content-type': contentType }, body, via: uploadAgent }).then((r) => {
    done = true;
    return r;
  });
  const probed = await probe(p.path, p.headers, () => done);
  const result = await sending;
  uploadAgent.destroy();
  return { uploadMs: performance.now() - started, uploadStatus: result.status, uploadBody: result.body, uploadBytes: body.length, ...probed };
}

async function probeFor({ path, headers, ms }) {
  const end = performance.now() + ms;
  return probe(path, headers, () => performance.now() >= end);
}

const commands = {
  sequence,
  one: ({ path, headers }) => request({ path, headers }),
  probeDuringUpload,
  probeFor,
};

process.on('message', async ({ id, command, args }) => {
  try {
    process.send({ id, ok: true, result: await commands[command](args) });
  } catch (error) {
    process.send({ id, ok: false, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => {
  agent.destroy();
  process.exit(0);
});
process.send({ ready: true });
