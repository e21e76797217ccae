/**
 * Edit-to-diagnostics latency of the language server on a 300 KB contract (p50, p95), and its memory:
 * a real LSP client over stdio types into the document and waits for each version's diagnostics.
 */
import { readFileSync, existsSync } from 'node:fs';
import { TestClient, SERVER } from '../lsp/lsp-client.js';
import { largeContract } from './large-contract.js';

export async function editorLatency(edits = 30): Promise<{ p50: number; p95: number; open: number; rssMb: number; bytes: number } | undefined> {
  if (!existsSync(SERVER)) return undefined;
  const client = new TestClient();
  try {
    await client.initialize({ initializationOptions: { debounceMs: 0 } });
    const uri = 'untitled:large-contract.md';
    let text = largeContract();
    const t0 = performance.now();
    client.open(uri, text);
    await client.waitForDiagnostics(uri, 1);
    const open = performance.now() - t0;
    const times: number[] = [];
    const at = text.indexOf('## 40.');
    for (let i = 0; i < edits; i++) {
      text = text.slice(0, at) + 'x' + text.slice(at); // one keystroke in the middle of the contract
      const start = performance.now();
      const version = client.change(uri, text);
      await client.waitForDiagnostics(uri, version, 0);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const pid = (client as unknown as { process: { pid: number } }).process.pid;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    return { p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], open, rssMb, bytes: text.length };
  } finally {
    await client.shutdown();
  }
}
