/** The on-site visit schedule of a campaign as a printable Word table. */
import type { CampaignSchedule } from '@zhiping/contracts';
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph } from 'docx';
import { docxTable } from './docx-parts.ts';

/** The schedule as a .docx file (landscape A4). */
export async function buildScheduleDocx(s: CampaignSchedule): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: `${s.campaignName} 现场评估日程`, heading: HeadingLevel.TITLE }),
          new Paragraph(`共 ${s.rows.length} 所学校${s.unscheduled > 0 ? `，其中 ${s.unscheduled} 所尚未排定日期` : ''}。`),
          docxTable(
            ['日期', '学校标识码', '学校', '地址', '组长', '组员'],
            s.rows.map((r) => [r.date ?? '未定', r.schoolCode, r.schoolName, r.address, r.leadName, r.memberNames.join('、') || null]),
          ),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
