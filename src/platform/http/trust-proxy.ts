import type { Config } from '../../config';

/**
 * TRUST_PROXY in the form Fastify's `trustProxy` takes. Fastify reads a bare number as "trust
 * nothing" (a hop count cannot tell the proxy from a client that talks to us directly), so a hop
 * count becomes a function: trust the socket and the next `hops - 1` forwarders. That is only
 * safe when the service cannot be reached except through the proxy; addresses are safer.
 */
export function fastifyTrustProxy(trustProxy: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trustProxy !== 'number') return trustProxy;
  const hops = trustProxy;
  return (_address, hop) => hop < hops;
}
