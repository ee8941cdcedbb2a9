/** Seeding for the supervision spec through the API: extra inspectors and a kindergarten administrator, and whole score sheets. */
import type { Me, ScoreValue, SyncResult, TemplateDetail, TemplateNode } from '@zhiping/contracts';
import { ApiSession } from './api.ts';
import { INITIAL_PASSWORD } from './server.ts';

export const NEW_PASSWORD = 'Sup3rvise#2026';

/** Creates an account with one role and signs it in (first password change done). */
export async function createAccount(
  baseUrl: string,
  admins: { sys: ApiSession; sec: ApiSession },
  user: { username: string; displayName: string; role: 'inspector' | 'school_admin'; schoolId?: number },
): Promise<{ id: number; api: ApiSession }> {
  const created = await admins.sys.post<{ userId: number; temporaryPassword: string }>('/users', {
    username: user.username,
    displayName: user.displayName,
  });
  await admins.sec.post(`/users/${created.userId}/roles`, { role: user.role, schoolId: user.schoolId ?? null });
  const api = await ApiSession.signIn(baseUrl, user.username, created.temporaryPassword, NEW_PASSWORD);
  return { id: created.userId, api };
}

/** Signs in a built-in or demo account with the initial password and changes it. */
export async function signInDemo(baseUrl: string, username: string): Promise<{ id: number; api: ApiSession }> {
  const api = await ApiSession.signIn(baseUrl, username, INITIAL_PASSWORD, NEW_PASSWORD);
  const me = await api.get<Me>('/auth/me');
  return { id: me.id, api };
}

/** Every check point of a rubric in tree order. */
export function checkpoints(nodes: readonly TemplateNode[]): TemplateNode[] {
  return nodes.flatMap((n) => (n.kind === 'checkpoint' ? [n] : checkpoints(n.children ?? [])));
}

/** A good score for a check point (full points, best level, yes); null for computed ones (the server fills them). */
export function goodScore(node: TemplateNode, shortBy = 0): ScoreValue | null {
  const m = node.method;
  switch (m?.kind) {
    case 'points':
      return { kind: 'points', points: Math.max(m.min, m.max - shortBy * m.step) };
    case 'levels':
      return { kind: 'level', label: m.levels[Math.min(shortBy, m.levels.length - 1)]!.label };
    case 'yes_no':
      return { kind: 'yes_no', yes: true };
    default:
      return null;
  }
}

/** Fills a sheet through the batch sync (skipping codes in `except`); `override` sets particular values. */
export async function fillSheet(
  api: ApiSession,
  evaluationId: number,
  sheet: 'self' | 'mine',
  template: TemplateDetail,
  options: { except?: string[]; override?: Record<string, ScoreValue> } = {},
): Promise<SyncResult> {
  const items = checkpoints(template.definition.nodes)
    .filter((n) => !options.except?.includes(n.code))
    .map((n) => ({ code: n.code, input: options.override?.[n.code] ?? goodScore(n), note: '现场核查情况良好', baseRevision: 0 }))
    .filter((i) => i.input !== null);
  // Each item's base revision must be the stored one: read the sheet first.
  const current = await api.get<{ scores: { code: string; revision: number }[] }>(`/evaluations/${evaluationId}/sheets/${sheet}`);
  const revisions = new Map(current.scores.map((s) => [s.code, s.revision] as const));
  return api.post<SyncResult>(`/evaluations/${evaluationId}/sheets/${sheet}/sync`, {
    items: items.map((i) => ({ ...i, baseRevision: revisions.get(i.code) ?? 0 })),
  });
}

/** Uploads a small evidence file for every check point that requires one. */
export async function uploadRequiredEvidence(api: ApiSession, evaluationId: number, template: TemplateDetail): Promise<void> {
  for (const n of checkpoints(template.definition.nodes).filter((c) => c.requiresEvidence)) {
    await api.upload(
      `/evaluations/${evaluationId}/evidence?code=${encodeURIComponent(n.code)}`,
      `${n.code}-佐证.txt`,
      Buffer.from(`佐证材料 ${n.code}`),
    );
  }
}
