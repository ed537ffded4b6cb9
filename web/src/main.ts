/**
 * The dashboard: a header (views, language, sign-in, unread count) and one view at a time, chosen by the URL's
 * hash (#/network, #/matrix, #/initiatives, #/money, #/live), so every view has an address to share.
 */
import './styles.css';
import { BasicsDocument, clientFor } from './api';
import type { AppContext, View } from './context';
import { errorText } from './context';
import { h, fill } from './dom';
import { currentLang, onLangChange, setLang, t, type Lang, type Word } from './i18n';
import { Live } from './live';
import { loadSession, saveSession, type Session } from './session';
import { openSignIn } from './sign-in';
import { InitiativesView } from './views/initiatives';
import { LiveView } from './views/live';
import { MatrixView } from './views/matrix';
import { MoneyView } from './views/money';
import { NetworkView } from './views/network';

const ROUTES: { path: string; word: Word; view: () => View }[] = [
  { path: 'network', word: 'network', view: () => new NetworkView() },
  { path: 'matrix', word: 'matrix', view: () => new MatrixView() },
  { path: 'initiatives', word: 'initiatives', view: () => new InitiativesView() },
  { path: 'money', word: 'money', view: () => new MoneyView() },
  { path: 'live', word: 'live', view: () => new LiveView() },
];

const header = document.getElementById('app-header')!;
const main = document.getElementById('main')!;
const liveRegion = document.getElementById('announcer')!;

let context: AppContext | null = null;
let current: View | null = null;

function route(): (typeof ROUTES)[number] {
  const path = window.location.hash.replace(/^#\/?/, '');
  return ROUTES.find((r) => r.path === path) ?? ROUTES[0]!;
}

function announce(text: string): void {
  liveRegion.textContent = '';
  // A change the screen reader notices even when the text repeats.
  setTimeout(() => (liveRegion.textContent = text), 50);
}

async function signIn(session: Session | null): Promise<void> {
  saveSession(session);
  await context?.live.stop();
  current?.destroy?.();
  current = null;
  context = null;
  await boot();
}

function renderHeader(): void {
  if (!context) return;
  const active = route();
  const { session, basics, live } = context;
  const viewer = basics.viewer;
  const who =
    session && viewer.organisation
      ? `${t('signedInAs')} ${viewer.role ?? ''} ${viewer.organisation.name}`
      : session
        ? `${t('signedInAs')} ${session.label}`
        : t('anonymous');
  const langSelect = h(
    'select',
    { id: 'lang', 'aria-label': t('language') },
    h('option', { value: 'nl', selected: currentLang() === 'nl' }, 'Nederlands'),
    h('option', { value: 'en', selected: currentLang() === 'en' }, 'English'),
  );
  langSelect.addEventListener('change', () => setLang(langSelect.value as Lang));
  fill(
    header,
    h(
      'a',
      { class: 'brand', href: '#/network' },
      h('img', { src: '/favicon.svg', alt: '', width: 28, height: 28 }),
      'romgraph',
    ),
    h(
      'nav',
      { 'aria-label': t('views') },
      h(
        'ul',
        {},
        ...ROUTES.map((r) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#/${r.path}`, 'aria-current': r === active ? 'page' : null, 'data-view': r.path },
              t(r.word),
              r.path === 'live' && session
                ? h(
                    'span',
                    { class: 'badge', id: 'unread-badge', 'data-unread': live.unread },
                    live.unread > 99 ? '99+' : live.unread,
                    h('span', { class: 'sr-only' }, ` ${t('unread')}`),
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
    h('a', { class: 'api-link', href: '/graphql' }, t('apiLink')),
    h('label', { class: 'sr-only', for: 'lang' }, t('language')),
    langSelect,
    h('span', { class: 'who', id: 'who' }, who),
    session
      ? h('button', { type: 'button', id: 'sign-out', onclick: () => void signIn(null) }, t('signOut'))
      : h(
          'button',
          { type: 'button', id: 'sign-in', onclick: () => openSignIn((s) => void signIn(s)) },
          t('signIn'),
        ),
  );
}

async function show(): Promise<void> {
  if (!context) return;
  current?.destroy?.();
  const next = route();
  document.title = `${t(next.word)} - ${t('appTitle')}`;
  renderHeader();
  current = next.view();
  // Each visit draws into its own element: a view still loading when the reader moves on finishes into an
  // element no longer on the page, never over the next view.
  const container = h('div', { class: 'view' });
  main.replaceChildren(container);
  main.dataset.view = next.path;
  try {
    await current.render(container, context);
  } catch (err) {
    fill(container, h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${errorText(err)}`));
  }
}

async function boot(): Promise<void> {
  document.documentElement.lang = currentLang();
  const session = loadSession();
  const client = clientFor(session);
  fill(main, h('p', { class: 'loading' }, t('loading')));
  let basics;
  try {
    basics = await client.request(BasicsDocument);
  } catch (err) {
    if (session && (err as { code?: string }).code === 'UNAUTHENTICATED') {
      // An expired or revoked credential: back to public data, and say why.
      saveSession(null);
      announce(errorText(err));
      return boot();
    }
    fill(main, h('p', { class: 'error', role: 'alert' }, `${t('error')}: ${errorText(err)}`));
    return;
  }
  const live = new Live(client, session !== null);
  context = { client, session, basics, live, announce };
  live.onChange(() => {
    const badge = document.getElementById('unread-badge');
    if (badge) {
      badge.dataset.unread = String(live.unread);
      badge.firstChild!.textContent = live.unread > 99 ? '99+' : String(live.unread);
    }
  });
  live.start();
  await show();
}

window.addEventListener('hashchange', () => void show());
onLangChange(() => void show());
void boot();
