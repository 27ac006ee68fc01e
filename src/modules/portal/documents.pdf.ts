import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** What the PDF shows, already in the person's language (the route builds it from the same data as the page). */
export interface DocumentsPdfModel {
  title: string;
  subtitle: string;
  generated: string;
  sections: Array<{ heading: string; empty?: string; groups: Array<{ heading?: string; rows: string[][] }>; columns: string[] }>;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
/** The characters the standard fonts' WinAnsi encoding holds beyond Latin-1. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can write: anything else becomes « ? » (never a failure). */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ')) {
    const code = char.codePointAt(0) ?? 0;
    out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char) ? char : '?';
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of pdfSafe(text).split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** « Mes documents » as an A4 PDF made on the server: the plan and the appointments, as tables. */
export async function documentsPdf(model: DocumentsPdfModel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(model.title));
  pdf.setLanguage('fr-CA');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const ensure = (height: number) => {
    if (y - height < MARGIN) {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    }
  };
  const write = (text: string, font: PDFFont, size: number, x = MARGIN, width = A4.width - 2 * MARGIN) => {
    for (const line of wrap(text, font, size, width)) {
      ensure(size + 4);
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0.1, 0.1, 0.15) });
      y -= size + 4;
    }
  };

  write(model.title, bold, 18);
  write(model.subtitle, regular, 11);
  write(model.generated, regular, 9);
  y -= 10;
  for (const section of model.sections) {
    ensure(40);
    y -= 8;
    write(section.heading, bold, 14);
    if (section.empty) write(section.empty, regular, 10);
    const columnWidth = (A4.width - 2 * MARGIN) / section.columns.length;
    for (const group of section.groups) {
      if (group.heading) {
        ensure(30);
        y -= 4;
        write(group.heading, bold, 11);
      }
      const row = (cells: string[], font: PDFFont) => {
        const wrapped = cells.map((cell) => wrap(cell, font, 9, columnWidth - 6));
        const height = Math.max(...wrapped.map((lines) => lines.length)) * 12 + 4;
        ensure(height);
        wrapped.forEach((lines, i) => {
          for (const [j, line] of lines.entries()) page.drawText(line, { x: MARGIN + i * columnWidth, y: y - 10 - j * 12, size: 9, font });
        });
        y -= height;
        page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.5, color: rgb(0.8, 0.8, 0.8) });
      };
      if (group.rows.length) row(section.columns, bold);
      for (const cells of group.rows) row(cells, regular);
    }
  }
  return pdf.save();
}
