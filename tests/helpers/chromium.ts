import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * A headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
 * messages are JSON, NUL-terminated, written to fd 3 and read from fd 4), so no WebSocket or
 * browser-automation package is needed. One `Browser` is one browser process; each `Page` is a tab.
 */

/** The Chromium binary: $CHROMIUM_PATH, else `chromium` or `chromium-browser` on the PATH; null if none. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser', 'google-chrome'].filter((c): c is string => !!c);
  for (const candidate of candidates) {
    const r = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (r.status === 0 && /chrom/i.test(r.stdout)) return candidate;
  }
  return null;
}

export interface ConsoleEntry {
  level: string;
  text: string;
}

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
  method: string;
}

export class Browser {
  private readonly child: ChildProcess;
  private readonly profile: string;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: Array<(method: string, params: Record<string, unknown>, sessionId?: string) => void> = [];
  private buffer = '';
  private exited = false;
  stderr = '';

  private constructor(binary: string) {
    this.profile = mkdtempSync(join(tmpdir(), 'slant-chromium-'));
    this.child = spawn(binary, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-extensions', '--disable-default-apps', '--mute-audio', '--hide-scrollbars',
      `--user-data-dir=${this.profile}`, '--remote-debugging-pipe', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    const input = this.child.stdio[4] as Readable;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => this.onData(chunk));
    (this.child.stderr as Readable).on('data', (chunk: Buffer) => {
      if (this.stderr.length < 200_000) this.stderr += chunk.toString('utf8');
    });
    this.child.on('exit', () => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`chromium exited during ${p.method}\n${this.stderr.slice(-2000)}`));
      this.pending.clear();
    });
  }

  static async launch(binary: string): Promise<Browser> {
    const browser = new Browser(binary);
    await browser.send('Browser.getVersion');
    return browser;
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.buffer.slice(0, end)) as {
        id?: number; result?: Record<string, unknown>; error?: { message: string }; method?: string;
        params?: Record<string, unknown>; sessionId?: string;
      };
      this.buffer = this.buffer.slice(end + 1);
      if (message.id !== undefined) {
        const p = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (!p) continue;
        if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
        else p.resolve(message.result ?? {});
      } else if (message.method) {
        for (const listener of this.listeners) listener(message.method, message.params ?? {}, message.sessionId);
      }
    }
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.exited) return Promise.reject(new Error(`chromium is not running (${method})`));
    const id = this.nextId++;
    const output = this.child.stdio[3] as Writable;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      output.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(listener: (method: string, params: Record<string, unknown>, sessionId?: string) => void): void {
    this.listeners.push(listener);
  }

  /** Wait for one event, with a timeout. */
  waitFor(method: string, sessionId: string, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${method}`)), timeoutMs);
      this.on((m, params, s) => {
        if (m === method && s === sessionId) {
          clearTimeout(timer);
          resolve(params);
        }
      });
    });
  }

  /**
   * Open a page with console, exception and log capture, load `url` and wait for its load
   * event. Everything logged at error level, every uncaught exception and every blocked or
   * failed request ends up in `errors`.
   */
  async open(url: string, viewport: { width: number; height: number }): Promise<Page> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' }) as { targetId: string };
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true }) as { sessionId: string };
    const page = new Page(this, sessionId, targetId);
    this.on((method, params, s) => {
      if (s !== sessionId) return;
      if (method === 'Runtime.consoleAPICalled') {
        const args = (params.args as Array<{ value?: unknown; description?: string }>) ?? [];
        page.console.push({ level: String(params.type), text: args.map((a) => String(a.value ?? a.description ?? '')).join(' ') });
      } else if (method === 'Runtime.exceptionThrown') {
        const details = params.exceptionDetails as { text?: string; exception?: { description?: string } };
        page.console.push({ level: 'exception', text: `${details.text ?? ''} ${details.exception?.description ?? ''}`.trim() });
      } else if (method === 'Log.entryAdded') {
        const entry = params.entry as { level: string; text: string; url?: string };
        page.console.push({ level: entry.level, text: `${entry.text}${entry.url ? ` (${entry.url})` : ''}` });
      } else if (method === 'Network.requestWillBeSent') {
        const request = params.request as { url: string };
        page.requests.push(request.url);
      } else if (method === 'Network.loadingFailed') {
        page.console.push({ level: 'error', text: `request failed: ${String(params.errorText)} ${String(params.blockedReason ?? '')}`.trim() });
      }
    });
    for (const domain of ['Page', 'Runtime', 'Log', 'Network']) await this.send(`${domain}.enable`, {}, sessionId);
    await this.send('Emulation.setDeviceMetricsOverride', { width: viewport.width, height: viewport.height, deviceScaleFactor: 1, mobile: false }, sessionId);
    const loaded = this.waitFor('Page.loadEventFired', sessionId);
    const nav = await this.send('Page.navigate', { url }, sessionId) as { errorText?: string };
    if (nav.errorText) throw new Error(`navigation to ${url} failed: ${nav.errorText}`);
    await loaded;
    return page;
  }

  async close(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.send('Browser.close').catch(() => undefined);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.profile, { recursive: true, force: true });
  }
}

export class Page {
  readonly console: ConsoleEntry[] = [];
  readonly requests: string[] = [];

  constructor(private readonly browser: Browser, readonly sessionId: string, private readonly targetId: string) {}

  async close(): Promise<void> {
    await this.browser.send('Target.closeTarget', { targetId: this.targetId });
  }

  /** Evaluate an expression in the page and return its value (JSON-serialisable values only). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, this.sessionId) as {
      result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails) throw new Error(`evaluate failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  async emulateMedia(media: 'screen' | 'print'): Promise<void> {
    await this.browser.send('Emulation.setEmulatedMedia', { media }, this.sessionId);
  }

  /** A PNG of the viewport (a whole long page is slow to capture; the PDFs hold all of it). */
  async screenshot(): Promise<Buffer> {
    const r = await this.browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: false }, this.sessionId) as { data: string };
    return Buffer.from(r.data, 'base64');
  }

  /** Print to PDF at a paper size in inches (A4 is 8.27 × 11.69, Letter 8.5 × 11). */
  async pdf(paper: { width: number; height: number }): Promise<Buffer> {
    const r = await this.browser.send('Page.printToPDF', {
      paperWidth: paper.width, paperHeight: paper.height, preferCSSPageSize: false, printBackground: true,
    }, this.sessionId) as { data: string };
    return Buffer.from(r.data, 'base64');
  }

  /** Errors and warnings worth failing a test for: error-level console and log entries, exceptions. */
  errors(): ConsoleEntry[] {
    return this.console.filter((e) => e.level === 'error' || e.level === 'exception' || e.level === 'assert');
  }
}
