import type { WorkflowDefinition } from '@zhiping/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testContext } from '../../../test/db.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction } from '../../platform/context.ts';
import { startWorkflow, transition, workflowLog } from './workflow.service.ts';

const def: WorkflowDefinition = {
  key: 'test.selfeval',
  name: '自评报告',
  initial: 'draft',
  states: { draft: { label: '草稿' }, submitted: { label: '已提交' }, published: { label: '已发布', isFinal: true } },
  transitions: [
    { action: 'submit', label: '提交', from: ['draft'], to: 'submitted', allowed: ['school'] },
    { action: 'publish', label: '发布', from: ['submitted'], to: 'published', allowed: ['district'] },
    { action: 'send_back', label: '退回', from: ['submitted'], to: 'draft', allowed: ['district'], requiresNote: true, isSendBack: true },
  ],
};

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('workflow service', () => {
  it('runs a record through its states, logs a send-back with its reason, and audits each step', async () => {
    const ctx = testContext(database);
    const subject = { type: 'report', id: 1 };
    await inTransaction(ctx, (tx) => startWorkflow(tx, def, subject));
    await inTransaction(ctx, (tx) => transition(tx, def, subject, { action: 'submit', capacities: ['school'] }));
    await expect(
      inTransaction(ctx, (tx) => transition(tx, def, subject, { action: 'send_back', capacities: ['district'] })),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await inTransaction(ctx, (tx) => transition(tx, def, subject, { action: 'send_back', capacities: ['district'], note: '证据不全' }));
    await inTransaction(ctx, (tx) => transition(tx, def, subject, { action: 'submit', capacities: ['school'] }));
    const done = await inTransaction(ctx, (tx) => transition(tx, def, subject, { action: 'publish', capacities: ['district'] }));
    expect(done.state).toBe('published');
    const log = await workflowLog(ctx, def, subject);
    expect(log.map((l) => [l.action, l.toState, l.isSendBack, l.note])).toEqual([
      ['start', 'draft', false, ''],
      ['submit', 'submitted', false, ''],
      ['send_back', 'draft', true, '证据不全'],
      ['submit', 'submitted', false, ''],
      ['publish', 'published', false, ''],
    ]);
    const audit = await database.db.selectFrom('audit_log').select('action').where('action', 'like', 'workflow.test.selfeval.%').execute();
    expect(audit).toHaveLength(4);
  });

  it('refuses the wrong capacity, a final state and a stale version', async () => {
    const ctx = testContext(database);
    const subject = { type: 'report', id: 2 };
    const started = await inTransaction(ctx, (tx) => startWorkflow(tx, def, subject));
    await expect(
      inTransaction(ctx, (tx) => transition(tx, def, subject, { action: 'submit', capacities: ['district'] })),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await inTransaction(ctx, (tx) =>
      transition(tx, def, subject, { action: 'submit', capacities: ['school'], expectedVersion: started.version }),
    );
    await expect(
      inTransaction(ctx, (tx) =>
        transition(tx, def, subject, { action: 'publish', capacities: ['district'], expectedVersion: started.version }),
      ),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      inTransaction(ctx, (tx) => transition(tx, def, subject, { action: 'submit', capacities: ['school'] })),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});
