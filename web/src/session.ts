/**
 * Who the dashboard signs in as: a pasted token or API key, or (in development) a token the server made for a
 * chosen organisation and role. Kept in this browser's localStorage; GraphiQL on the same origin reads it too.
 */
import type { Auth } from '@romgraph/client';

const KEY = 'romgraph.session';

export interface Session {
  kind: 'token' | 'apiKey';
  value: string;
  /** What to show: "EDITOR of BOM", or the pasted credential's kind. */
  label: string;
}

export function loadSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    return (session.kind === 'token' || session.kind === 'apiKey') && typeof session.value === 'string'
      ? session
      : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

export function authOf(session: Session | null): Auth | undefined {
  if (!session) return undefined;
  return session.kind === 'apiKey' ? { apiKey: session.value } : { token: session.value };
}

/** The Authorization header value of the stored session, if any. */
export function storedAuthorization(): string | undefined {
  const session = loadSession();
  if (!session) return undefined;
  return session.kind === 'apiKey' ? `ApiKey ${session.value}` : `Bearer ${session.value}`;
}

/** A pasted credential: API keys start with rgk_; anything else is taken as a bearer token. */
export function sessionFromPaste(text: string): Session | null {
  const value = text
    .trim()
    .replace(/^(Bearer|ApiKey)\s+/i, '')
    .trim();
  if (!value) return null;
  const kind = value.startsWith('rgk_') ? 'apiKey' : 'token';
  return { kind, value, label: kind === 'apiKey' ? 'API key' : 'token' };
}
