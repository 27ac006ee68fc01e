import { type PDFDocument, PDFName, PDFNumber, PDFOperator, type PDFPage, type PDFRef } from 'pdf-lib';

/** A structure element of the tagged PDF (ISO 32000-1, 14.7): its role, attributes and children in reading order. */
export interface StructElement {
  role: string;
  /** E.g. a header cell's `{ O: 'Table', Scope: 'Column' }`. */
  attributes?: Record<string, string>;
  kids: Array<StructElement | { page: PDFPage; mcid: number }>;
}

/**
 * Writes a tagged PDF with pdf-lib, which does not: every piece of page content is either marked
 * content (BDC … EMC with an MCID) attached to a structure element, or an artifact (page numbers,
 * rules, a repeated table header) that assistive technology skips. `finish` writes the structure
 * tree, the parent tree that maps each page's MCIDs back to their elements, /MarkInfo and each
 * page's /StructParents and /Tabs, so that readers find the reading order the tree gives.
 */
export class PdfTagger {
  readonly document: StructElement = { role: 'Document', kids: [] };
  private readonly pages = new Map<PDFPage, { index: number; owners: StructElement[] }>();

  constructor(private readonly pdf: PDFDocument) {}

  /** A new element under `parent` (the document by default). */
  element(role: string, parent: StructElement = this.document, attributes?: Record<string, string>): StructElement {
    const element: StructElement = { role, attributes, kids: [] };
    parent.kids.push(element);
    return element;
  }

  /** Draws content as part of `element`: one marked-content sequence with the page's next MCID. */
  mark(page: PDFPage, element: StructElement, draw: () => void): void {
    const entry = this.pageEntry(page);
    const mcid = entry.owners.length;
    entry.owners.push(element);
    element.kids.push({ page, mcid });
    page.pushOperators(PDFOperator.of('BDC' as never, [PDFName.of(element.role), `<< /MCID ${mcid} >>`]));
    draw();
    page.pushOperators(PDFOperator.of('EMC' as never));
  }

  /** Draws content that is not part of the document's text (pagination, rules, repeated headers). */
  artifact(page: PDFPage, draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.pageEntry(page);
    // A property list written inline (pdf-lib's operands do not include dictionaries).
    page.pushOperators(type ? PDFOperator.of('BDC' as never, [PDFName.of('Artifact'), `<< /Type /${type} >>`]) : PDFOperator.of('BMC' as never, [PDFName.of('Artifact')]));
    draw();
    page.pushOperators(PDFOperator.of('EMC' as never));
  }

  /** Writes the structure tree into the document; call once, after the last drawing. */
  finish(): void {
    const { context, catalog } = this.pdf;
    const rootRef = context.nextRef();
    const refs = new Map<StructElement, PDFRef>();
    const refOf = (element: StructElement) => {
      let ref = refs.get(element);
      if (!ref) {
        ref = context.nextRef();
        refs.set(element, ref);
      }
      return ref;
    };
    const write = (element: StructElement, parent: PDFRef) => {
      const ref = refOf(element);
      const kids = element.kids.map((kid) => ('role' in kid ? refOf(kid) : context.obj({ Type: 'MCR', Pg: kid.page.ref, MCID: kid.mcid })));
      context.assign(
        ref,
        context.obj({
          Type: 'StructElem',
          S: element.role,
          P: parent,
          K: kids,
          ...(element.attributes ? { A: context.obj(element.attributes) } : {}),
        }),
      );
      for (const kid of element.kids) if ('role' in kid) write(kid, ref);
    };
    write(this.document, rootRef);

    const nums: Array<PDFNumber | PDFRef | ReturnType<typeof context.obj>> = [];
    for (const [page, { index, owners }] of this.pages) {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(index));
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(index), context.obj(owners.map(refOf)));
    }
    const parentTree = context.register(context.obj({ Nums: nums }));
    context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: [refOf(this.document)], ParentTree: parentTree, ParentTreeNextKey: this.pages.size }));
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }

  private pageEntry(page: PDFPage) {
    let entry = this.pages.get(page);
    if (!entry) {
      entry = { index: this.pages.size, owners: [] };
      this.pages.set(page, entry);
    }
    return entry;
  }
}
