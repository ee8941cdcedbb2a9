/**
 * Responsible inspectors (责任督学挂牌督导) through the API: profiles and related schools, assignment and
 * hand-over, the visit rhythm with overdue schools, visit records on the routine items that open
 * rectification items and follow up open ones, the next visit opening with open items, the calendar,
 * the public card without sign-in, and who sees which visits.
 */
import type { InspectorSummary, PublicCard, Responsibility, Visit, VisitCalendar, VisitStart } from '@zhiping/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { makeInspector, makeKindergartens, makeUser, ok, type Person } from '../evaluations/evaluation-test-support.ts';

let t: TestApp;
let supervisor: Person;
let wang: Person;
let li: Person;
let schoolAdmin: Person;
let ks: { id: number; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await makeUser(t, [{ role: 'district_admin' }]);
  ks = await makeKindergartens(t, 5);
  wang = await makeInspector(t, '王督学', { schoolId: ks[4]!.id, from: '2001-09-01', until: '2020-07-31' });
  li = await makeInspector(t, '李督学');
  schoolAdmin = await makeUser(t, [{ role: 'school_admin', schoolId: ks[0]!.id }]);
});
afterAll(async () => {
  await t?.close();
});

const assign = (schoolId: number, inspectorId: number | null, since: string) =>
  ok<Responsibility>(supervisor.client.put('/api/v1/inspectors/responsibilities', { schoolId, inspectorId, since }));
const item = (code: string, yes: boolean, note = '') => ({ code, yes, note });

describe('responsible inspectors', () => {
  it('keeps profiles with related schools and hands schools over between inspectors', async () => {
    const saved = await ok<InspectorSummary>(
      supervisor.client.put(`/api/v1/inspectors/${wang.id}/profile`, {
        phone: '023-6000 1234',
        title: '退休园长',
        duties: '督促依法办园\n指导保育教育',
        relatedSchools: [{ schoolId: ks[3]!.id, reason: '子女就读' }],
      }),
    );
    expect(saved).toMatchObject({ name: '王督学', phone: '023-6000 1234', relatedSchools: [{ schoolId: ks[3]!.id, reason: '子女就读' }] });
    expect((await wang.client.put(`/api/v1/inspectors/${wang.id}/profile`, { phone: '1' })).statusCode).toBe(403);

    await assign(ks[0]!.id, wang.id, '2026-09-01');
    await assign(ks[1]!.id, wang.id, '2026-09-01');
    await assign(ks[2]!.id, li.id, '2026-09-01');
    const handed = await assign(ks[2]!.id, wang.id, '2026-11-15');
    expect(handed).toMatchObject({ inspectorId: wang.id, since: '2026-11-15' });
    const history = await t.database.db
      .selectFrom('responsible_inspector')
      .selectAll()
      .where('school_id', '=', ks[2]!.id)
      .orderBy('id')
      .execute();
    expect(history.map((h) => [h.inspector_id, h.valid_from, h.valid_to])).toEqual([
      [li.id, '2026-09-01', '2026-11-14'],
      [wang.id, '2026-11-15', null],
    ]);
    const list = await ok<{ items: InspectorSummary[] }>(supervisor.client.get('/api/v1/inspectors'));
    expect(list.items.find((i) => i.userId === wang.id)!.responsibleSchools).toBe(3);
    expect(list.items.find((i) => i.userId === li.id)!.responsibleSchools).toBe(0);
  });

  it('records visits that open and follow up rectification items, and flags overdue schools', async () => {
    expect(
      (await li.client.post('/api/v1/inspectors/visits', { schoolId: ks[0]!.id, visitDate: '2026-10-01', items: [item('A1.1', true)] }))
        .statusCode,
    ).toBe(403);
    const noNote = await wang.client.post('/api/v1/inspectors/visits', {
      schoolId: ks[0]!.id,
      visitDate: '2026-10-01',
      items: [item('A6.1', false)],
    });
    expect(noNote.statusCode).toBe(400);
    expect(
      (await wang.client.post('/api/v1/inspectors/visits', { schoolId: ks[0]!.id, visitDate: '2026-12-01', items: [item('A1.1', true)] }))
        .statusCode,
    ).toBe(400);

    const first = await ok<Visit>(
      wang.client.post('/api/v1/inspectors/visits', {
        schoolId: ks[0]!.id,
        visitDate: '2026-10-01',
        items: [item('A1.1', true), item('A6.1', false, '围墙有裂缝'), item('A7.1', true)],
        summary: '常规督导',
        issues: [
          { code: 'A6.1', problem: '围墙有裂缝，存在安全隐患', requirement: '一个月内修缮', owner: '后勤主任', deadline: '2026-11-30' },
        ],
      }),
    );
    expect(first).toMatchObject({ problemCount: 1, verdictLabel: '发现问题', inspectorName: '王督学' });
    expect(first.items.find((i) => i.code === 'A6.1')!.title).toBe('校内安全管理和隐患排查整改情况');
    expect(first.rectificationIds).toHaveLength(1);

    const start = await ok<VisitStart>(wang.client.get(`/api/v1/inspectors/schools/${ks[0]!.id}/visit-start`));
    expect(start.checklist).toHaveLength(8);
    expect(start.checklist[0]!.items[0]).toMatchObject({ yesLabel: '正常', noLabel: '存在问题' });
    expect(start.lastVisit!.id).toBe(first.id);
    expect(start.openItems.map((o) => [o.id, o.source, o.visitId])).toEqual([[first.rectificationIds[0], 'visit', first.id]]);

    await ok(
      wang.client.post('/api/v1/inspectors/visits', {
        schoolId: ks[1]!.id,
        visitDate: '2026-11-10',
        items: [item('A2.1', true)],
      }),
    );
    const followUp = await ok<Visit>(
      wang.client.post('/api/v1/inspectors/visits', {
        schoolId: ks[0]!.id,
        visitDate: '2026-10-20',
        items: [item('A6.1', true)],
        followUps: [{ rectificationId: first.rectificationIds[0], note: '已搭设临时护栏，修缮施工中' }],
      }),
    );
    expect(followUp.followUps).toHaveLength(1);
    const detail = await ok<{ progress: { note: string }[] }>(wang.client.get(`/api/v1/rectifications/${first.rectificationIds[0]}`));
    expect(detail.progress.map((p) => p.note)).toEqual(['【督学跟踪】已搭设临时护栏，修缮施工中']);

    // Interval 30 days, today 2026-11-22: ks0 last seen 10-20 (due 11-19, overdue 3), ks1 seen 11-10 (fine),
    // ks2 handed over 11-15 (first visit due 12-15), ks3 nobody responsible.
    const all = await ok<{ intervalDays: number; items: Responsibility[] }>(supervisor.client.get('/api/v1/inspectors/responsibilities'));
    expect(all.intervalDays).toBe(30);
    const by = (id: number) => all.items.find((i) => i.schoolId === id)!;
    expect(by(ks[0]!.id)).toMatchObject({
      lastVisit: '2026-10-20',
      nextDue: '2026-11-19',
      isOverdue: true,
      daysOverdue: 3,
      openRectifications: 1,
    });
    expect(by(ks[1]!.id)).toMatchObject({ isOverdue: false, nextDue: '2026-12-10' });
    expect(by(ks[2]!.id)).toMatchObject({ inspectorName: '王督学', lastVisit: null, nextDue: '2026-12-15', isOverdue: false });
    expect(by(ks[3]!.id)).toMatchObject({ inspectorId: null, isOverdue: false });
    const overdue = await ok<{ items: Responsibility[] }>(supervisor.client.get('/api/v1/inspectors/responsibilities?overdue=true'));
    expect(overdue.items.map((i) => i.schoolId)).toEqual([ks[0]!.id]);

    await ok(supervisor.client.put('/api/v1/inspectors/settings', { visitIntervalDays: 10 }));
    const stricter = await ok<{ items: Responsibility[] }>(supervisor.client.get('/api/v1/inspectors/responsibilities?overdue=true'));
    expect(stricter.items.map((i) => i.schoolId).sort()).toEqual([ks[0]!.id, ks[1]!.id].sort());
    await ok(supervisor.client.put('/api/v1/inspectors/settings', { visitIntervalDays: 30 }));

    const calendar = await ok<VisitCalendar>(wang.client.get('/api/v1/inspectors/calendar?from=2026-10-01&to=2026-12-31'));
    expect(calendar.visits.map((v) => v.date)).toEqual(['2026-10-01', '2026-10-20', '2026-11-10']);
    expect(calendar.due.map((d) => [d.schoolId, d.isOverdue])).toEqual([
      [ks[0]!.id, true],
      [ks[1]!.id, false],
      [ks[2]!.id, false],
    ]);
  });

  it('shows visits only to the school and its inspectors, and the public card to anyone', async () => {
    const own = await ok<{ items: Visit[] }>(schoolAdmin.client.get('/api/v1/inspectors/visits'));
    expect(new Set(own.items.map((v) => v.schoolId))).toEqual(new Set([ks[0]!.id]));
    expect((await ok<{ items: Visit[] }>(li.client.get('/api/v1/inspectors/visits'))).items).toEqual([]);
    expect((await li.client.get(`/api/v1/inspectors/schools/${ks[0]!.id}/visit-start`)).statusCode).toBe(404);
    const mine = await ok<{ items: Responsibility[] }>(wang.client.get('/api/v1/inspectors/responsibilities'));
    expect(mine.items.map((i) => i.schoolId).sort()).toEqual([ks[0]!.id, ks[1]!.id, ks[2]!.id].sort());

    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/inspectors/public/cards/${ks[0]!.id}` });
    expect(anonymous.statusCode).toBe(200);
    const card = anonymous.json() as PublicCard;
    expect(card).toMatchObject({
      schoolName: ks[0]!.name,
      inspectorName: '王督学',
      phone: '023-6000 1234',
      title: '退休园长',
      duties: ['督促依法办园', '指导保育教育'],
    });
    const empty = (await t.app.inject({ method: 'GET', url: `/api/v1/inspectors/public/cards/${ks[3]!.id}` })).json() as PublicCard;
    expect(empty.inspectorName).toBeNull();
    expect(empty.duties).toHaveLength(5);
    const plate = await t.app.inject({ method: 'GET', url: `/api/v1/inspectors/public/cards/${ks[0]!.id}/plate.html` });
    expect(plate.headers['content-type']).toContain('text/html');
    expect(plate.body).toContain('责任督学挂牌督导公示牌');
    expect(plate.body).toContain('王督学');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inspectors/public/cards/999999' })).statusCode).toBe(404);
  });
});
