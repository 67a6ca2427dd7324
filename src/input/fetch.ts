import { UserError } from './errors.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedPage {
  /** The address the body came from, after redirects. */
  url: string;
  contentType: string;
  isHtml: boolean;
  body: string;
}

/** True for anything written like an address with a scheme ("https://...", "ftp://..."). */
export function looksLikeUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(s);
}

const ACCEPTED = /^(?:text\/html|application\/xhtml\+xml|text\/plain)$/i;

/**
 * Fetch a page over http or https with a timeout (for the whole exchange), a size limit (checked
 * while streaming), manual redirects (at most `maxRedirects`) and a one-line error for each failure.
 */
export async function fetchPage(address: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  let url = parseHttpUrl(address, address);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const fail = (message: string) => new UserError(`${address}: ${message}`);
  try {
    for (let redirects = 0; ; redirects++) {
      let response: Response;
      try {
        response = await fetch(url, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1', 'user-agent': 'slant (media-literacy annotator)' },
        });
      } catch (error) {
        throw fail(describeNetworkError(error, url, controller.signal.aborted, timeoutMs));
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get('location');
        if (!location) throw fail(`HTTP ${response.status} redirect without a Location header`);
        if (redirects >= maxRedirects) throw fail(`too many redirects (more than ${maxRedirects})`);
        url = parseHttpUrl(new URL(location, url).href, address);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw fail(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const contentType = (response.headers.get('content-type') ?? '').trim();
      const mime = contentType.split(';')[0].trim();
      if (mime && !ACCEPTED.test(mime)) {
        await response.body?.cancel().catch(() => undefined);
        throw fail(`not an HTML or text page (content type ${mime})`);
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw fail(`page is larger than ${formatBytes(maxBytes)}`);
      }
      const bytes = await readLimited(response, maxBytes, () => fail(`page is larger than ${formatBytes(maxBytes)}`), (error) =>
        fail(describeNetworkError(error, url, controller.signal.aborted, timeoutMs)));
      const body = decode(bytes, contentType);
      const isHtml = /html/i.test(mime) || (!mime && /^\s*(?:<!doctype\s+html|<html[\s>])/i.test(body.slice(0, 2048)));
      return { url: url.href, contentType, isHtml, body };
    }
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(s: string, shown: string): URL {
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new UserError(`${shown}: not a valid address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${shown}: only http and https addresses can be fetched (got ${url.protocol.replace(/:$/, '')})`);
  }
  return url;
}

async function readLimited(response: Response, maxBytes: number, tooLarge: () => Error, onError: (e: unknown) => Error): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw onError(error);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  return text.replace(/\r\n?/g, '\n');
}

function describeNetworkError(error: unknown, url: URL, aborted: boolean, timeoutMs: number): string {
  if (aborted) return `timed out after ${formatSeconds(timeoutMs)}`;
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOTFOUND': case 'EAI_AGAIN': case 'EAI_NONAME': return `could not find the host ${url.hostname} (DNS lookup failed)`;
    case 'ECONNREFUSED': return `connection refused by ${url.host}`;
    case 'ECONNRESET': case 'UND_ERR_SOCKET': return `connection to ${url.host} was closed unexpectedly`;
    case 'ETIMEDOUT': case 'UND_ERR_CONNECT_TIMEOUT': case 'UND_ERR_HEADERS_TIMEOUT': case 'UND_ERR_BODY_TIMEOUT': return `timed out after ${formatSeconds(timeoutMs)}`;
    case 'EHOSTUNREACH': case 'ENETUNREACH': return `cannot reach ${url.host} (network unreachable)`;
    case 'CERT_HAS_EXPIRED': case 'DEPTH_ZERO_SELF_SIGNED_CERT': case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE': case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS certificate problem (${code})`;
    default: return `could not fetch (${code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MiB` : `${Math.round(n / 1024)} KiB`;
}
