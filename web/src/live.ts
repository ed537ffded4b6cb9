/**
 * The live side of the dashboard: one feed of every event the viewer may see (it redraws the network and fills
 * the Live view), and, when signed in, the personal inbox with its unread count. Both are the SDK's resumable
 * feeds over graphql-transport-ws: after a network loss they pick up after the last event they delivered.
 */
import type { Feed, FeedEvent, FeedNotification, RomgraphClient } from '@romgraph/client';
import { InboxDocument, type InboxItem } from './api';

export type LiveStatus = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

/** The most events and notifications the Live view keeps. */
const KEEP = 100;

export class Live {
  /** Newest first. */
  readonly events: FeedEvent[] = [];
  /** Newest first: the inbox as loaded, then what arrived live. */
  readonly notifications: InboxItem[] = [];
  unread = 0;
  status: LiveStatus = 'connecting';
  private feeds: Feed[] = [];
  private readonly eventListeners = new Set<(event: FeedEvent) => void>();
  private readonly changeListeners = new Set<() => void>();

  constructor(
    private readonly client: RomgraphClient,
    private readonly signedIn: boolean,
  ) {}

  start(): void {
    this.feeds.push(
      this.client.events(
        {},
        {
          next: (event) => {
            this.events.unshift(event);
            this.events.length = Math.min(this.events.length, KEEP);
            for (const listener of this.eventListeners) listener(event);
            this.changed();
          },
          connected: () => {
            this.status = 'connected';
            this.changed();
          },
          error: () => {
            this.status = 'stopped';
            this.changed();
          },
        },
      ),
    );
    if (this.signedIn) void this.startInbox();
  }

  private async startInbox(): Promise<void> {
    try {
      const { viewer } = await this.client.request(InboxDocument);
      this.notifications.push(...viewer.notifications.nodes);
      this.unread = viewer.unreadCount;
      this.changed();
    } catch {
      // Shown as an empty inbox; the live part below still runs.
    }
    this.feeds.push(
      this.client.notifications(
        {},
        {
          next: (notification: FeedNotification) => {
            this.notifications.unshift(notification as unknown as InboxItem);
            this.notifications.length = Math.min(this.notifications.length, KEEP);
            if (!notification.readAt) this.unread += 1;
            this.changed();
          },
        },
      ),
    );
  }

  /** Called for every event, after it is kept. */
  onEvent(listener: (event: FeedEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called whenever anything shown changes (an event, a notification, the connection). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  markAllRead(): void {
    this.unread = 0;
    for (const item of this.notifications) item.readAt ??= new Date().toISOString();
    this.changed();
  }

  async stop(): Promise<void> {
    this.status = 'stopped';
    this.eventListeners.clear();
    this.changeListeners.clear();
    await Promise.all(this.feeds.map((feed) => feed.stop()));
    this.feeds = [];
  }

  private changed(): void {
    for (const listener of this.changeListeners) listener();
  }
}
