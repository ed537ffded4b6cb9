/**
 * A subscriber that goes through the SDK (`client.subscribe`, one WebSocket per subscriber) and queues what it
 * hears as graphql-transport-ws messages, so a test reads `next`, `error` and `complete` in arrival order with
 * the deadlines of `MessageQueue`.
 */
import type { RomgraphClient } from '../../client-sdk/src/index.js';
import { sdkClient } from './app.js';
import { MessageQueue, type Message } from './ws.js';

export class TestSubscriber {
  private readonly messages = new MessageQueue();
  private closing: Promise<void> | null = null;
  private readonly stops: (() => void)[] = [];

  private constructor(readonly client: RomgraphClient) {}

  /** A subscriber of the server at `url`; `authorization` as `gql` takes it (a token or a whole header value). */
  static connect(url: string, authorization?: string): TestSubscriber {
    return new TestSubscriber(sdkClient(url, authorization));
  }

  subscribe(id: string, query: string, variables?: Record<string, unknown>): void {
    this.stops.push(
      this.client.subscribe(query, variables, {
        next: (payload) => this.messages.push({ id, type: 'next', payload }),
        error: (error) => this.messages.push({ id, type: 'error', payload: error }),
        complete: () => this.messages.push({ id, type: 'complete' }),
      }),
    );
  }

  next(ms?: number): Promise<Message> {
    return this.messages.next(ms);
  }

  nexts(count: number, ms?: number): Promise<any[]> {
    return this.messages.nexts(count, ms);
  }

  silence(ms: number): Promise<void> {
    return this.messages.silence(ms);
  }

  close(): void {
    this.closing ??= this.client.dispose();
  }

  /** Settles once `close()` has closed the WebSocket. */
  get closed(): Promise<void> {
    return this.closing ?? Promise.reject(new Error('close() first'));
  }
}
