/**
 * The public card of a school's responsible inspector (挂牌督导公示牌): name, contact, duties and the
 * issuing bureau — public by design (the plate hangs at the school gate), so it needs no sign-in and
 * shows nothing else. Also rendered as a printable plate.
 */
import type { PublicCard } from '@zhiping/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { DEFAULT_DUTIES } from './inspector.service.ts';
import * as repo from './inspector.repository.ts';

/** The card of a school (anonymous). */
export async function getPublicCard(db: Kysely<DB>, schoolId: number): Promise<PublicCard> {
  const school = await repo.findSchoolCard(db, schoolId);
  if (!school) throw notFound('学校');
  const current = await repo.findCurrentResponsibility(db, schoolId);
  const [user] = current ? await repo.findInspectorUsers(db, [current.inspector_id]) : [];
  const duties = (user?.duties ?? '')
    .split(/\r?\n/)
    .map((d) => d.trim())
    .filter(Boolean);
  return {
    schoolName: school.name,
    schoolCode: school.code,
    inspectorName: user?.display_name ?? null,
    phone: user?.phone ?? '',
    title: user?.title ?? '',
    duties: duties.length > 0 ? duties : DEFAULT_DUTIES,
    issuer: `${school.district_name}人民政府教育督导室`,
    since: current?.valid_from ?? null,
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The card as a printable A4-landscape plate (HTML). */
export function renderPlate(card: PublicCard): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(card.schoolName)} 责任督学挂牌督导公示牌</title>
<style>
  @page { size: A4 landscape; margin: 12mm; }
  body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0; }
  .plate { border: 3mm double #b22; padding: 10mm 14mm; min-height: 160mm; box-sizing: border-box; }
  h1 { text-align: center; color: #b22; font-size: 26pt; margin: 0 0 6mm; letter-spacing: 2mm; }
  .school { text-align: center; font-size: 16pt; margin-bottom: 8mm; }
  table { width: 100%; font-size: 14pt; border-collapse: collapse; }
  td { padding: 2.5mm 3mm; vertical-align: top; }
  td.k { width: 34mm; font-weight: bold; color: #444; }
  ol { margin: 0; padding-left: 6mm; }
  .issuer { text-align: right; margin-top: 10mm; font-size: 13pt; }
</style></head><body><div class="plate">
<h1>责任督学挂牌督导公示牌</h1>
<div class="school">${esc(card.schoolName)}</div>
<table>
<tr><td class="k">责任督学</td><td>${esc(card.inspectorName ?? '（待配备）')}${card.title ? `（${esc(card.title)}）` : ''}</td></tr>
<tr><td class="k">联系电话</td><td>${esc(card.phone || '—')}</td></tr>
<tr><td class="k">督导职责</td><td><ol>${card.duties.map((d) => `<li>${esc(d)}</li>`).join('')}</ol></td></tr>
</table>
<div class="issuer">${esc(card.issuer)}${card.since ? `<br>${esc(card.since)} 起` : ''}</div>
</div></body></html>`;
}

/** The printable plate of a school (anonymous). */
export async function getPlateHtml(db: Kysely<DB>, schoolId: number): Promise<string> {
  return renderPlate(await getPublicCard(db, schoolId));
}
