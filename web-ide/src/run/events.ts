// Live bot events for the IDE, in the IDE channel's shape (docs: /api/ide/channel). One module hides where they
// come from: the websocket channel when the platform serves it, else polling of GET /api/bots and /logs.
import { api, Bot, LogLine, session } from '../api';

export interface BotEvent {
  seq: number;
  type: 'bot.status' | 'bot.log' | 'order' | 'fill' | 'position' | 'publish' | 'signal' | 'equity' | 'backtest' | 'reset';
  botId: number | null;
  time: string;
  data: Record<string, unknown>;
}

export type Listener = (event: BotEvent) => void;

export interface EventSource {
  /** 'channel' or 'polling': polling carries only status and log events. */
  readonly mode: 'channel' | 'polling' | 'connecting';
  /** Follows a bot's log from its oldest kept line (polling) or the channel's history. */
  watch(botId: number): void;
  close(): void;
}

const MAX_BACKOFF_MS = 15_000;

/** Opens the channel; when the platform has none (the upgrade fails at once), polls instead. */
export function connectEvents(listener: Listener, onMode: (mode: string) => void): EventSource {
  const watched = new Set<number>();
  let current: EventSource;
  const fallback = () => {
    current = new PollingEvents(listener);
    watched.forEach((id) => current.watch(id));
    onMode(current.mode);
  };
  current = new ChannelEvents(listener, onMode, fallback);
  return {
    get mode() {
      return current.mode;
    },
    watch(botId: number) {
      watched.add(botId);
      current.watch(botId);
    },
    close() {
      current.close();
    },
  };
}

/** The websocket IDE channel: reconnects with growing pauses and resumes from the last seq it saw. */
export class ChannelEvents implements EventSource {
  mode: 'channel' | 'polling' | 'connecting' = 'connecting';
  private socket: WebSocket | null = null;
  private lastSeq: number | null = null;
  private backoff = 500;
  private everOpened = false;
  private closed = false;

  constructor(
    private readonly listener: Listener,
    private readonly onMode: (mode: string) => void,
    private readonly unavailable: () => void,
  ) {
    this.open();
  }

  watch(): void {
    // The channel carries every bot of the account.
  }

  private open(): void {
    if (this.closed || !session.token) return;
    const url = new URL('/api/ide/channel', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('token', session.token);
    if (this.lastSeq !== null) url.searchParams.set('since', String(this.lastSeq));
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => {
      this.everOpened = true;
      this.backoff = 500;
      this.mode = 'channel';
      this.onMode('channel');
    };
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as BotEvent & { type: string };
      if ((event.type as string) === 'pong') return;
      if (typeof event.seq === 'number') this.lastSeq = event.seq;
      this.listener(event);
    };
    socket.onclose = () => {
      if (this.closed) return;
      if (!this.everOpened) {
        this.closed = true;
        this.mode = 'polling';
        this.unavailable();
        return;
      }
      this.mode = 'connecting';
      this.onMode('reconnecting');
      setTimeout(() => this.open(), this.backoff);
      this.backoff = Math.min(MAX_BACKOFF_MS, this.backoff * 2);
    };
  }

  close(): void {
    this.closed = true;
    this.socket?.close();
  }
}

/** Polls bot statuses every 2 s and the logs of watched bots; emits the same events the channel would. */
export class PollingEvents implements EventSource {
  readonly mode = 'polling' as const;
  private readonly statuses = new Map<number, string>();
  private readonly logCursor = new Map<number, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private closed = false;
  private polling = false;
  private pollAgain = false;

  constructor(private readonly listener: Listener) {
    void this.poll();
  }

  watch(botId: number): void {
    if (this.logCursor.has(botId)) return;
    this.logCursor.set(botId, 0);
    void this.poll();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private emit(type: BotEvent['type'], botId: number, data: Record<string, unknown>, time = new Date().toISOString()): void {
    this.listener({ seq: ++this.seq, type, botId, time, data });
  }

  /** One poll at a time: a poll asked for while one runs follows it (log cursors must not be read twice). */
  private async poll(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    clearTimeout(this.timer);
    if (this.closed || !session.token) return;
    this.polling = true;
    try {
      const bots = await api<Bot[]>('GET', '/api/bots');
      for (const bot of bots) {
        const key = `${bot.status}|${bot.reason ?? ''}`;
        if (this.statuses.get(bot.id) !== key) {
          this.statuses.set(bot.id, key);
          this.emit('bot.status', bot.id, { status: bot.status, reason: bot.reason }, bot.updatedAt);
        }
      }
      for (const [botId, since] of this.logCursor) {
        const page = await api<{ lines: LogLine[]; next: number }>('GET', `/api/bots/${botId}/logs?since=${since}&limit=1000`);
        for (const line of page.lines) this.emit('bot.log', botId, { id: line.id, time: line.at, level: line.level, message: line.message }, line.at);
        this.logCursor.set(botId, page.next);
      }
    } catch {
      // Shown by the next successful poll; a failed poll is retried on the same schedule.
    } finally {
      this.polling = false;
    }
    if (this.closed) return;
    if (this.pollAgain) {
      this.pollAgain = false;
      void this.poll();
    } else {
      this.timer = setTimeout(() => void this.poll(), 2000);
    }
  }
}
