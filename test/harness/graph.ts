/** Helpers of the graph tests: waiting for the network to catch up, networkx, and a hidden initiative. */
import { execFileSync } from 'node:child_process';
import type { TestServer } from './app.js';

/** Retries `check` until it passes or `ms` have gone by (then its last failure is thrown). */
export async function eventually<T>(check: () => Promise<T>, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Whether Python with networkx is on this machine (the reference implementation of the metrics). */
export function hasNetworkx(): boolean {
  try {
    execFileSync('python3', ['-c', 'import networkx'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The global ids of the reference organisations, by code. */
export async function organisationIds(server: TestServer): Promise<Map<string, string>> {
  const res = await server.gql(`{ organisations(first: 100) { nodes { id code } } }`);
  return new Map(res.data.organisations.nodes.map((o: { id: string; code: string }) => [o.code, o.id]));
}

/** A PARTICIPANTS initiative led by one organisation (as its editor) with another taking part; its id. */
export async function hiddenInitiative(
  server: TestServer,
  leadToken: string,
  code: string,
  leadId: string,
  memberId: string,
): Promise<string> {
  const created = await server.gql(
    `mutation ($input: CreateInitiativeInput!) { createInitiative(input: $input) { id } }`,
    { input: { code, title: `Hidden ${code}`, leadOrganisationId: leadId, visibility: 'PARTICIPANTS' } },
    leadToken,
  );
  if (created.errors) throw new Error(`createInitiative ${code}: ${created.errors[0]!.message}`);
  const id = created.data.createInitiative.id as string;
  const joined = await server.gql(
    `mutation ($input: JoinInitiativeInput!) { joinInitiative(input: $input) { id } }`,
    { input: { initiativeId: id, organisationId: memberId } },
    leadToken,
  );
  if (joined.errors) throw new Error(`joinInitiative ${code}: ${joined.errors[0]!.message}`);
  return id;
}
