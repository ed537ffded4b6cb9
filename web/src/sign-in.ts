/**
 * The sign-in dialog: paste a token or an API key; in development, pick an organisation and a role and the
 * server answers with a development token (`POST /auth/dev-token`, absent with NODE_ENV=production).
 */
import { OrganisationsDocument, clientFor } from './api';
import { errorText } from './context';
import { h, uid } from './dom';
import { kindLabel, t } from './i18n';
import { sessionFromPaste, type Session } from './session';

export function openSignIn(done: (session: Session) => void): void {
  const pasteId = uid('paste');
  const status = h('p', { class: 'status', role: 'status' });
  const paste = h('textarea', {
    id: pasteId,
    rows: 3,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': `${pasteId}-help`,
  });
  const devSection = h('section', {
    'aria-labelledby': 'dev-sign-in-title',
    hidden: true,
    id: 'dev-sign-in',
  });
  const dialog = h(
    'dialog',
    { class: 'sign-in', 'aria-labelledby': 'sign-in-title' },
    h('h2', { id: 'sign-in-title' }, t('signIn')),
    h(
      'form',
      {
        method: 'dialog',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const session = sessionFromPaste(paste.value);
          if (!session) {
            status.textContent = t('pasteHelp');
            paste.focus();
            return;
          }
          dialog.close();
          done(session);
        },
      },
      h('label', { for: pasteId }, t('pasteCredential')),
      paste,
      h('p', { id: `${pasteId}-help`, class: 'help' }, t('pasteHelp')),
      h('button', { type: 'submit' }, t('use')),
    ),
    devSection,
    status,
    h('button', { type: 'button', class: 'close', onclick: () => dialog.close() }, t('close')),
  );
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  paste.focus();
  void offerDevSignIn(devSection, status, (session) => {
    dialog.close();
    done(session);
  });
}

async function offerDevSignIn(
  section: HTMLElement,
  status: HTMLElement,
  done: (session: Session) => void,
): Promise<void> {
  const answer = await fetch('/auth/dev-token', { headers: { accept: 'application/json' } }).catch(
    () => null,
  );
  if (!answer?.ok) return;
  const { roles } = (await answer.json()) as { roles: string[] };
  const { organisations } = await clientFor(null).request(OrganisationsDocument);
  const orgId = uid('org');
  const roleId = uid('role');
  const organisation = h(
    'select',
    { id: orgId, name: 'organisation' },
    ...[...organisations.nodes]
      .sort((a, b) => Number(b.kind === 'ROM') - Number(a.kind === 'ROM') || a.name.localeCompare(b.name))
      .map((o) => h('option', { value: o.code }, `${o.name} (${o.code}, ${kindLabel(o.kind)})`)),
  );
  const role = h(
    'select',
    { id: roleId, name: 'role' },
    ...roles.map((r) => h('option', { value: r, selected: r === 'EDITOR' }, r)),
  );
  section.append(
    h('h3', { id: 'dev-sign-in-title' }, t('signInAs')),
    h(
      'form',
      {
        onsubmit: async (event: Event) => {
          event.preventDefault();
          const response = await fetch('/auth/dev-token', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ organisationCode: organisation.value, role: role.value }),
          });
          const body = (await response.json()) as {
            token?: string;
            organisationCode?: string;
            role?: string;
            errors?: { message: string }[];
          };
          if (!response.ok || !body.token) {
            status.textContent = `${t('error')}: ${errorText(body.errors?.[0] ?? response.statusText)}`;
            return;
          }
          done({ kind: 'token', value: body.token, label: `${body.role} ${body.organisationCode}` });
        },
      },
      h('label', { for: orgId }, t('organisation')),
      organisation,
      h('label', { for: roleId }, t('role')),
      role,
      h('button', { type: 'submit', id: 'dev-sign-in-submit' }, t('signIn')),
    ),
  );
  section.hidden = false;
}
