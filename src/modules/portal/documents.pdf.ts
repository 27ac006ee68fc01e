import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import { PdfTagger, type StructElement } from './pdf-tags';

/** What the PDF shows, already in the person's language (the route builds it from the same data as the page). */
export interface DocumentsPdfModel {
  /** The document's language, as BCP 47 (`fr-CA`, `en-CA`). */
  language: string;
  title: string;
  /** The person's name. */
  subtitle: string;
  /** « Document produit le … »: the date of issue. */
  generated: string;
  /** « Page {page} sur {pages} » in the document's language. */
  pageLabel: (page: number, pages: number) => string;
  /**
   * A cell's `\n` starts a new line in it (Québec's time, then the client's own); `widths` are the
   * columns' relative widths (equal when absent), so that a time or a date stays on one line.
   */
  sections: Array<{ heading: string; empty?: string; groups: Array<{ heading?: string; rows: string[][] }>; columns: string[]; widths?: number[] }>;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
/** Room kept at the foot of each page for its name, date and number. */
const FOOTER = 24;
const INK = rgb(0.1, 0.1, 0.15);
/** The characters the standard fonts' WinAnsi encoding holds beyond Latin-1. */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can write: no-break spaces as spaces, anything else outside WinAnsi as « ? » (never a failure). */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text.replace(/[\t\r\n]+/g, ' ').replace(/[\u202f\u2009]/g, '\u00a0')) {
    const code = char.codePointAt(0) ?? 0;
    out += (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char) ? char : '?';
  }
  return out;
}

/**
 * The lines of a text within `width`, a `\n` starting a new one. Each line but the last keeps its
 * trailing space, drawn (invisible) so that text extraction and screen readers join the lines as
 * words, not « assezlong ».
 */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines = text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, font, size, width));
  return lines.length ? lines.map((each, i) => (i < lines.length - 1 ? `${each} ` : each)) : [''];
}

function wrapParagraph(text: string, font: PDFFont, size: number, width: number): string[] {
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
  return lines;
}

/**
 * « Mes documents » as an A4 PDF made on the server: the plan and the appointments, as tables.
 * Tagged (PDF/UA's structure: headings, paragraphs, tables with column headers, the language and
 * the title shown as the window's), with each table's header row drawn again at the top of a page
 * it continues on, and every page's foot giving the person's name, the date of issue and « Page n
 * sur N » (artifacts: a screen reader reads them once, in the body, not on every page).
 */
export async function documentsPdf(model: DocumentsPdfModel): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(model.title), { showInWindowTitleBar: true });
  pdf.setLanguage(model.language);
  pdf.setSubject(pdfSafe(`${model.subtitle} — ${model.generated}`));
  pdf.setCreator('Accompagnement Québec');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const tags = new PdfTagger(pdf);
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  /** Called when a page is added: a table going on draws its header row again. */
  let onNewPage: (() => void) | undefined;
  const ensure = (height: number) => {
    if (y - height < MARGIN + FOOTER) {
      page = pdf.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
      onNewPage?.();
    }
  };
  const write = (element: StructElement, text: string, font: PDFFont, size: number) => {
    for (const line of wrap(text, font, size, A4.width - 2 * MARGIN)) {
      ensure(size + 4);
      tags.mark(page, element, () => page.drawText(line, { x: MARGIN, y: y - size, size, font, color: INK }));
      y -= size + 4;
    }
  };
  const block = (role: string, text: string, font: PDFFont, size: number, parent?: StructElement) => write(tags.element(role, parent), text, font, size);

  block('H1', model.title, bold, 18);
  block('P', model.subtitle, regular, 11);
  block('P', model.generated, regular, 9);
  y -= 10;
  for (const section of model.sections) {
    ensure(40);
    y -= 8;
    const part = tags.element('Sect');
    block('H2', section.heading, bold, 14, part);
    if (section.empty) block('P', section.empty, regular, 10, part);
    const weights = section.columns.map((_, i) => section.widths?.[i] ?? 1);
    const unit = (A4.width - 2 * MARGIN) / weights.reduce((sum, weight) => sum + weight, 0);
    const columnWidths = weights.map((weight) => weight * unit);
    const columnX = columnWidths.map((_, i) => MARGIN + columnWidths.slice(0, i).reduce((sum, width) => sum + width, 0));
    for (const group of section.groups) {
      if (group.rows.length === 0) continue;
      if (group.heading) {
        ensure(30);
        y -= 4;
        block('H3', group.heading, bold, 11, part);
      }
      const cellsHeight = (cells: string[], font: PDFFont) => Math.max(...cells.map((cell, i) => wrap(cell, font, 9, columnWidths[i] - 6).length)) * 12 + 4;
      /** One row: each cell tagged as its own element, or the whole row an artifact (a repeated header). */
      const drawRow = (cells: string[], font: PDFFont, elements?: StructElement[]) => {
        const height = cellsHeight(cells, font);
        cells.forEach((cell, i) => {
          const draw = () => {
            for (const [j, line] of wrap(cell, font, 9, columnWidths[i] - 6).entries()) page.drawText(line, { x: columnX[i], y: y - 10 - j * 12, size: 9, font, color: INK });
          };
          const element = elements?.[i];
          if (element) tags.mark(page, element, draw);
          else tags.artifact(page, draw);
        });
        y -= height;
        tags.artifact(page, () => page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.5, color: rgb(0.8, 0.8, 0.8) }), 'Layout');
      };
      const table = tags.element('Table', part);
      const headerRow = tags.element('TR', tags.element('THead', table));
      const headers = section.columns.map(() => tags.element('TH', headerRow, { O: 'Table', Scope: 'Column' }));
      ensure(cellsHeight(section.columns, bold) + cellsHeight(group.rows[0] ?? [''], regular));
      drawRow(section.columns, bold, headers);
      onNewPage = () => drawRow(section.columns, bold);
      const body = tags.element('TBody', table);
      for (const cells of group.rows) {
        ensure(cellsHeight(cells, regular));
        const row = tags.element('TR', body);
        drawRow(
          cells,
          regular,
          cells.map(() => tags.element('TD', row)),
        );
      }
      onNewPage = undefined;
    }
  }

  // Each page's foot: the person's name and the date of issue, then « Page n sur N ».
  const pages = pdf.getPages();
  const foot = pdfSafe(`${model.subtitle} — ${model.generated}`);
  pages.forEach((each, index) => {
    tags.artifact(
      each,
      () => {
        const label = pdfSafe(model.pageLabel(index + 1, pages.length));
        each.drawText(foot, { x: MARGIN, y: MARGIN, size: 8, font: regular, color: INK, maxWidth: A4.width - 2 * MARGIN - 80 });
        each.drawText(label, { x: A4.width - MARGIN - regular.widthOfTextAtSize(label, 8), y: MARGIN, size: 8, font: regular, color: INK });
      },
      'Pagination',
    );
  });
  tags.finish();
  return pdf.save();
}
