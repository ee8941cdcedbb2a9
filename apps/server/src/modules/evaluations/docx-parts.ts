/** Small builders for the Word exports of supervision: headings, paragraphs and plain tables. */
import { HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';

/** A table with a bold header row; null cells print as —. */
export function docxTable(head: string[], rows: (string | number | null)[][]): Table {
  const cell = (text: string, isHead = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: isHead })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x === null ? '—' : String(x))) })),
    ],
  });
}

/** A heading paragraph (level 2 by default). */
export function docxHeading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2): Paragraph {
  return new Paragraph({ text, heading: level });
}

/** A paragraph with a bold lead-in followed by text. */
export function docxLabelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun(text)] });
}
