/**
 * What the bench drives its servers with: autocannon (in this process) and Debian's `wrk` (a
 * child process), each returning requests per second, p99 and the answers that were not 2xx; the
 * bare node:http server serving a page's bytes from memory; `taskset` to keep the server and the
 * load generator on the cores they are given.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';

export interface Load {
  rate: number;
  p99: number;
  /** Answers other than 2xx (a page that redirects to sign-in would count here, not as speed). */
  errors: number;
}

const CONNECTIONS = 10;

export async function runAutocannon(url: string, headers: Record<string, string>, seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return { rate: Math.round(result.requests.average), p99: result.latency.p99, errors: result.non2xx + result.errors };
}

export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version']).error === undefined;
}

export const WRK_MISSING = "wrk is not installed: `apt-get install -y wrk` (Debian's package) adds the second referee; measuring with autocannon only.";

/** wrk with two threads (on the load generator's cores when `cpus` is given), --latency for the p99. */
export async function runWrk(url: string, headers: Record<string, string>, seconds: number, cpus?: string): Promise<Load> {
  const wrkArgs = ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), url];
  const [command, args] = pinned(cpus, 'wrk', wrkArgs);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}: ${text}`))));
  });
  return parseWrk(output);
}

/** Reads wrk's « Requests/sec », its 99 % latency line (µs, ms or s) and its non-2xx/3xx and socket errors. */
export function parseWrk(output: string): Load {
  const rate = Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? Number.NaN);
  const p99 = /^\s+99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(output);
  const scale = { us: 0.001, ms: 1, s: 1000 } as const;
  const nonOk = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return {
    rate: Math.round(rate),
    p99: p99 ? Math.round(Number(p99[1]) * scale[p99[2] as keyof typeof scale] * 10) / 10 : Number.NaN,
    errors: nonOk + socketErrors,
  };
}

/** `taskset -c <cpus> command …` when cores are given, else the command as is. */
export function pinned(cpus: string | undefined, command: string, args: string[]): [string, string[]] {
  return cpus ? ['taskset', ['-c', cpus, command, ...args]] : [command, args];
}

/** Keeps this process (autocannon's) and its threads on the given cores. */
export function pinSelf(cpus: string): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(process.pid)]);
  if (result.status !== 0) throw new Error(`taskset failed: ${result.stderr}`);
}

/**
 * The same compressed bytes served from memory by a bare node:http server in its own process (on
 * the server's cores), with the headers a page's gzip answer carries: the ceiling a page is
 * compared to. Returns its URL and a function that stops it.
 */
export async function startStaticServer(dir: string, body: Buffer, cpus?: string, headers: Record<string, string> = {}): Promise<{ url: string; stop: () => void }> {
  const file = path.join(dir, 'static-body.gz');
  fs.writeFileSync(file, body);
  // The page's own headers (its security headers are a kilobyte), so that the two answers weigh the same.
  const sent = { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'cache-control': 'no-store' };
  // Port 0: the system picks a free port (a fixed range collides with another bench on the machine), the child prints it.
  const source = `const b=require('fs').readFileSync(${JSON.stringify(file)});const h=${JSON.stringify(sent)};const s=require('http').createServer((q,r)=>{r.writeHead(200,h);r.end(b)});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))`;
  const [command, args] = pinned(cpus, process.execPath, ['-e', source]);
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`the static server stopped (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill('SIGTERM') };
}

/** Headers a server adds on its own or that describe the transfer, not the page. */
const TRANSFER_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'content-encoding']);

/** A page's headers as a static server would send them again. */
export function pageHeaders(headers: Headers): Record<string, string> {
  return Object.fromEntries([...headers].filter(([name]) => !TRANSFER_HEADERS.has(name)));
}

/** A port free at this moment (the system's choice): a fixed range could meet another bench's server. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
