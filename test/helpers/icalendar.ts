/**
 * A strict reader of iCalendar files (RFC 5545) for tests: it refuses what a calendar could
 * misread instead of tolerating it. Every line ends in CRLF, a physical line is at most 75
 * octets, folds are undone (§3.1); each content line is `name *(;param) : value` (§3.1, with
 * quoted parameter values); no control character other than the line ends; BEGIN/END nest and
 * match; VCALENDAR has VERSION and PRODID; each VEVENT has UID, DTSTAMP and DTSTART. Throws with
 * the reason; returns the components with their properties.
 */
export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsComponent {
  name: string;
  properties: IcsProperty[];
  components: IcsComponent[];
}

const CONTENT_LINE = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"\p{Cc}]*"|[^";:,\p{Cc}]*)(?:,(?:"[^"\p{Cc}]*"|[^";:,\p{Cc}]*))*)*):(.*)$/u;
const PARAM = /;([A-Za-z0-9-]+)=("[^"]*"|[^";:]*)/g;

export function parseIcs(file: string): IcsComponent {
  if (!file.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  if (/\r(?!\n)|(?<!\r)\n/.test(file)) throw new Error('a line does not end with CRLF');
  const physical = file.slice(0, -2).split('\r\n');
  for (const line of physical) if (Buffer.byteLength(line) > 75) throw new Error(`a line longer than 75 octets: ${line}`);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (lines.length === 0) throw new Error('a continuation line first');
      lines[lines.length - 1] += line.slice(1);
    } else lines.push(line);
  }
  const stack: IcsComponent[] = [];
  let root: IcsComponent | undefined;
  for (const line of lines) {
    if (/\p{Cc}/u.test(line)) throw new Error(`a control character in: ${JSON.stringify(line)}`);
    const match = CONTENT_LINE.exec(line);
    if (!match) throw new Error(`not a content line: ${line}`);
    const name = match[1].toUpperCase();
    const params: Record<string, string> = {};
    for (const [, key, value] of match[2].matchAll(PARAM)) params[key.toUpperCase()] = value.replace(/^"|"$/g, '');
    const value = match[3];
    if (name === 'BEGIN') {
      const component: IcsComponent = { name: value.toUpperCase(), properties: [], components: [] };
      if (stack.length > 0) stack[stack.length - 1].components.push(component);
      else if (root) throw new Error('a second top-level component');
      else root = component;
      stack.push(component);
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open || open.name !== value.toUpperCase()) throw new Error(`END:${value} does not close ${open?.name ?? 'anything'}`);
    } else {
      if (stack.length === 0) throw new Error(`a property outside any component: ${line}`);
      stack[stack.length - 1].properties.push({ name, params, value });
    }
  }
  if (stack.length > 0) throw new Error(`${stack[stack.length - 1].name} is not closed`);
  if (root?.name !== 'VCALENDAR') throw new Error('not a VCALENDAR');
  for (const required of ['VERSION', 'PRODID']) if (!property(root, required)) throw new Error(`VCALENDAR without ${required}`);
  for (const event of root.components.filter((c) => c.name === 'VEVENT')) {
    for (const required of ['UID', 'DTSTAMP', 'DTSTART']) if (!property(event, required)) throw new Error(`VEVENT without ${required}`);
  }
  return root;
}

/** The first property of that name, if any. */
export function property(component: IcsComponent, name: string): IcsProperty | undefined {
  return component.properties.find((p) => p.name === name);
}

/** A TEXT value as a person reads it (§3.3.11 escapes undone). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}
