/**
 * Live: what is happening in the network as it happens (every event you may see), and, signed in, your inbox
 * with its unread count. New entries are announced to screen readers.
 */
import type { FeedEvent } from '@romgraph/client';
import { MarkAllReadDocument, type InboxItem } from '../api';
import { errorText, type AppContext, type View } from '../context';
import { fill, h } from '../dom';
import { eventTypeLabel, formatTime, reasonLabel, t } from '../i18n';

export class LiveView implements View {
  private unsubscribe: (() => void) | undefined;

  render(container: HTMLElement, context: AppContext): void {
    const { live } = context;
    const status = h('p', { class: 'status', id: 'live-status', 'data-status': live.status });
    const events = h('ol', { class: 'feed', id: 'live-events', 'aria-live': 'polite' });
    const inbox = h('ol', { class: 'feed', id: 'inbox' });
    const unread = h('span', { id: 'inbox-unread' });
    const draw = () => {
      status.dataset.status = live.status;
      status.textContent = live.status === 'connected' ? `\u25cf ${t('connected')}` : t('reconnecting');
      fill(
        events,
        ...(live.events.length ? live.events.map(eventItem) : [h('li', { class: 'empty' }, t('waiting'))]),
      );
      unread.textContent = `${live.unread > 99 ? '99+' : live.unread} ${t('unread')}`;
      unread.dataset.unread = String(live.unread);
      fill(inbox, ...live.notifications.map(notificationItem));
    };
    let seen = live.events.length;
    this.unsubscribe = live.onChange(() => {
      draw();
      if (live.events.length > seen) context.announce(describe(live.events[0]!));
      seen = live.events.length;
    });
    const markAll = h(
      'button',
      {
        type: 'button',
        id: 'mark-all-read',
        onclick: async () => {
          const upTo = live.notifications[0]?.cursor;
          if (!upTo) return;
          try {
            await context.client.request(MarkAllReadDocument, { upTo });
            live.markAllRead();
          } catch (err) {
            context.announce(errorText(err));
          }
        },
      },
      t('markAllRead'),
    );
    fill(
      container,
      h('h1', {}, t('live')),
      status,
      h(
        'div',
        { class: 'live-layout' },
        h('section', { 'aria-labelledby': 'feed-title' }, h('h2', { id: 'feed-title' }, t('feed')), events),
        context.session
          ? h(
              'section',
              { 'aria-labelledby': 'inbox-title' },
              h('h2', { id: 'inbox-title' }, t('inbox'), ' ', unread),
              markAll,
              inbox,
            )
          : null,
      ),
    );
    draw();
  }

  destroy(): void {
    this.unsubscribe?.();
  }
}

interface Describable {
  type: string;
  payload: Record<string, unknown>;
  initiative: { code: string; title: string } | null;
  organisation: { code: string } | null;
  milestone: { title: string; status: string } | null;
}

function describe(event: Describable): string {
  const names = event.payload as { organisationCode?: string; organisationName?: string };
  const code = event.organisation?.code ?? names.organisationCode;
  const organisation = names.organisationName
    ? `${names.organisationName}${code ? ` (${code})` : ''}`
    : (code ?? '');
  return [
    event.initiative ? `${event.initiative.code} ${event.initiative.title}` : '',
    event.milestone ? `"${event.milestone.title}" ${event.milestone.status}` : '',
    organisation,
  ]
    .filter(Boolean)
    .join(' - ');
}

function eventItem(event: FeedEvent): HTMLElement {
  return h(
    'li',
    { 'data-type': event.type, 'data-cursor': event.cursor },
    h('time', { datetime: event.occurredAt }, formatTime(event.occurredAt)),
    ' ',
    h('strong', { title: event.type }, eventTypeLabel(event.type)),
    ' ',
    describe(event),
  );
}

function notificationItem(item: InboxItem): HTMLElement {
  return h(
    'li',
    { class: item.readAt ? 'read' : 'unread', 'data-type': item.event.type },
    h('time', { datetime: item.event.occurredAt }, formatTime(item.event.occurredAt)),
    ' ',
    h('strong', { title: item.event.type }, eventTypeLabel(item.event.type)),
    ' ',
    describe(item.event),
    ' ',
    h('span', { class: 'reason' }, `(${reasonLabel(item.reason)})`),
  );
}
