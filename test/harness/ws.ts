/**
 * A queued graphql-transport-ws test client on a raw `ws` socket, in the manner of graphql-ws' own tests, for the
 * tests of the protocol itself (what a client that is not the SDK may send): every message is queued; `next()`
 * waits for one with a deadline, `silence()` proves that none arrives within a wait that would have caught it,
 * and `pause()` stops reading so the server sees a slow consumer. Tests that subscribe as a client would use
 * `TestSubscriber` (subscriber.ts), which goes through the SDK.
 */
import WebSocket from 'ws';

export interface Message {
  id?: string;
  type: string;
  payload?: any;
}

/**
 * Messages as they arrive, and waits for them with a deadline: `next()`, `nexts(count)`, and `silence(ms)`, which
 * proves that none arrives within a wait that would have caught it.
 */
export class MessageQueue {
  private readonly queue: Message[] = [];
  private waiting: ((m: Message) => void) | null = null;

  /** @param closedWith what to say in a timeout's message about the connection having closed. */
  constructor(private readonly closedWith: () => string | null = () => null) {}

  push(message: Message): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w(message);
    } else this.queue.push(message);
  }

  /** The next message, or an error after `ms`. */
  next(ms = 5000): Promise<Message> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        const closed = this.closedWith();
        reject(new Error(`no message within ${ms} ms${closed ? ` (${closed})` : ''}`));
      }, ms);
      this.waiting = (m) => {
        clearTimeout(timer);
        resolve(m);
      };
    });
  }

  /** The `next` payloads of the next `count` messages (asserting they are `next` messages). */
  async nexts(count: number, ms = 10_000): Promise<any[]> {
    const out = [];
    const deadline = Date.now() + ms;
    while (out.length < count) {
      const m = await this.next(Math.max(deadline - Date.now(), 1));
      if (m.type !== 'next') throw new Error(`expected next, got ${JSON.stringify(m)}`);
      out.push(m.payload);
    }
    return out;
  }

  /** Resolves if nothing arrives for `ms`; rejects with the message otherwise. */
  async silence(ms: number): Promise<void> {
    if (this.queue.length) throw new Error(`expected silence, got ${JSON.stringify(this.queue[0])}`);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve();
      }, ms);
      this.waiting = (m) => {
        clearTimeout(timer);
        reject(new Error(`expected silence, got ${JSON.stringify(m)}`));
      };
    });
  }
}

export class TestSocket {
  private readonly messages = new MessageQueue(() =>
    this.closeInfo ? `closed ${this.closeInfo.code}` : null,
  );
  readonly closed: Promise<{ code: number; reason: string }>;
  private closeInfo: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.messages.push(JSON.parse(data.toString()) as Message));
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
      }),
    );
  }

  static async open(url: string, protocol = 'graphql-transport-ws'): Promise<TestSocket> {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', protocol);
    const socket = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return socket;
  }

  /** Opens, sends connection_init with the authorization, and waits for the ack. */
  static async connect(url: string, authorization?: string): Promise<TestSocket> {
    const socket = await TestSocket.open(url);
    socket.send({ type: 'connection_init', payload: authorization ? { authorization } : {} });
    const ack = await socket.next();
    if (ack.type !== 'connection_ack') throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
    return socket;
  }

  send(message: object | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>): void {
    this.send({ id, type: 'subscribe', payload: { query, variables } });
  }

  next(ms = 5000): Promise<Message> {
    return this.messages.next(ms);
  }

  nexts(count: number, ms = 10_000): Promise<any[]> {
    return this.messages.nexts(count, ms);
  }

  silence(ms: number): Promise<void> {
    return this.messages.silence(ms);
  }

  /** Stops reading from the TCP socket: the server's writes back up, as with a stalled client. */
  pause(): void {
    this.ws.pause();
  }

  /** Reads again: whatever the server managed to send arrives, then any close frame. */
  resume(): void {
    this.ws.resume();
  }

  close(): void {
    this.ws.close();
  }
}
