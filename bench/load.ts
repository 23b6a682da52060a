// The parent's side of the benchmark's HTTP client (bench/client.mjs), which runs in a child
// process over loopback keep-alive connections. Keeping the client out of the server's process
// means process.cpuUsage() here counts the server's work (and this file's IPC, a few tens of
// microseconds per command) and nothing of the client's.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLIENT = fileURLToPath(new URL('./client.mjs', import.meta.url));

export interface Response {
  ms: number;
  status: number;
  bytes: number;
  /** The body of an error or of a POST (first 2,000 characters), else null. */
  body: string | null;
}

export interface SequenceResult {
  elapsedMs: number;
  results: Response[];
}

export interface ProbeResult {
  latencies: number[];
  errors: number;
}

export interface UploadProbeResult extends ProbeResult {
  uploadMs: number;
  uploadStatus: number;
  uploadBody: string | null;
  uploadBytes: number;
}

export class LoadClient {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: { id?: number; ok?: boolean; result?: unknown; error?: string }) => {
      if (message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.ok) waiting?.resolve(message.result);
      else waiting?.reject(new Error(`bench client: ${message.error}`));
    });
  }

  /** Forks the client (plain node, without the tsx loader) for a server on 127.0.0.1:port. */
  static start(port: number): Promise<LoadClient> {
    const child = fork(CLIENT, [String(port)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new LoadClient(child)));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`bench client exited with ${code}`)));
    });
  }

  private call<T>(command: string, args: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, command, args });
    });
  }

  /** Every path once, in order, over `concurrency` keep-alive connections. */
  sequence(paths: string[], headers: Record<string, string>, concurrency = 1) {
    return this.call<SequenceResult>('sequence', { paths, headers, concurrency });
  }

  one(path: string, headers: Record<string, string>) {
    return this.call<Response>('one', { path, headers });
  }

  /** Requests `path` back to back for `ms` milliseconds. */
  probeFor(path: string, headers: Record<string, string>, ms: number) {
    return this.call<ProbeResult>('probeFor', { path, headers, ms });
  }

  /** Uploads a file (multipart field "file") while requesting `probe` back to back on another connection. */
  probeDuringUpload(upload: { path: string; file: string; fileName: string; headers: Record<string, string> }, probe: { path: string; headers: Record<string, string> }) {
    return this.call<UploadProbeResult>('probeDuringUpload', { upload, probe });
  }

  close() {
    this.child.disconnect();
  }
}

/** The q-th quantile (0..1) of values, nearest-rank (sorts a copy). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const median = (values: readonly number[]) => quantile(values, 0.5);
