import net from 'node:net';

/**
 * A list of addresses and CIDR ranges (`127.0.0.1,::1,10.0.0.0/8`), as `METRICS_ALLOW` gives it.
 * IPv4 addresses seen through an IPv6 socket (`::ffff:10.1.2.3`) match their IPv4 entries.
 */
export class AddressList {
  private readonly list = new net.BlockList();

  constructor(spec: string) {
    for (const entry of entries(spec)) {
      const parsed = parseEntry(entry);
      if (!parsed) throw new Error(`not an IP address or CIDR range: ${entry}`);
      if (parsed.prefix === undefined) this.list.addAddress(parsed.address, parsed.family);
      else this.list.addSubnet(parsed.address, parsed.prefix, parsed.family);
    }
  }

  has(address: string | undefined): boolean {
    if (!address) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    const plain = mapped ? mapped[1] : address;
    const family = net.isIP(plain);
    if (family === 0) return false;
    return this.list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
  }
}

/** True when every comma-separated entry is an IP address or a CIDR range (for config checks). */
export function isAddressList(spec: string): boolean {
  return entries(spec).every((entry) => parseEntry(entry) !== null);
}

function entries(spec: string): string[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseEntry(entry: string): { address: string; family: 'ipv4' | 'ipv6'; prefix?: number } | null {
  const [address, prefixText, extra] = entry.split('/');
  if (extra !== undefined) return null;
  const version = net.isIP(address);
  if (version === 0) return null;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  if (prefixText === undefined) return { address, family };
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > (version === 4 ? 32 : 128)) return null;
  return { address, family, prefix };
}
