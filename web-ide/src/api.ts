// The REST client: every call carries the session's bearer token; errors become ApiError with the server's message.
const TOKEN_KEY = 'botlink.token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const session = {
  get token(): string | null {
    return localStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    localStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    localStorage.removeItem(TOKEN_KEY);
  },
};

let onUnauthorized: () => void = () => {};

/** What to do when the server says the session is gone (shows the login page). */
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (session.token) headers.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'unreachable', 'The platform cannot be reached; check your connection.');
  }
  if (response.status === 401 && !path.startsWith('/api/auth/')) {
    session.clear();
    onUnauthorized();
  }
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) {
    const error = (json ?? {}) as { error?: string; message?: string };
    throw new ApiError(response.status, error.error ?? 'error', error.message ?? `${response.status} ${response.statusText}`);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A path segment list encoded for URLs, keeping the slashes of file paths. */
export function filePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

export interface Account {
  username: string;
  apiKey: string;
  streamUrl: string;
  webhookSecret: string;
  webhookBaseUrl: string;
}

export interface FileInfo {
  path: string;
  version: number;
  size: number;
  updatedAt: string;
}

export interface FileContent {
  path: string;
  version: number;
  content: string;
  savedAt: string;
}

export interface Venue {
  id: number;
  name: string;
  exchange: string;
  mode: 'paper' | 'live';
  hasApiKey: boolean;
  createdAt: string;
}

export type BotStatus = 'STARTING' | 'RUNNING' | 'STOPPED' | 'FAILED';

export interface Bot {
  id: number;
  name: string;
  file: string;
  status: BotStatus;
  desired: BotStatus;
  reason: string | null;
  updatedAt: string;
}

export interface LogLine {
  id: number;
  at: string;
  level: string;
  message: string;
}
