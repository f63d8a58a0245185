/**
 * SYN cookies: when the SYN queue is full the server encodes what it needs into its ISN and keeps
 * no state; the returning ACK (ack = cookie + 1) lets it rebuild the connection.
 *
 * Cookie layout (32 bits, most significant first):
 *
 *   bits 31..27  t mod 32, where t = floor(now / 64 s)        (a slowly ticking time counter)
 *   bits 26..24  MSS index into MSS_TABLE                      (the client's MSS, coarsely)
 *   bits 23..0   low 24 bits of H(secret, srcIp, srcPort, dstIp, dstPort, client ISN, t)
 *
 * H is a keyed FNV-1a hash (pure, deterministic, seeded from the run's seed). A cookie is accepted
 * if its counter is the current one or the one before (so it is valid for 64..128 s) and the hash
 * matches. Linux's layout differs in detail (it adds hash1 + client ISN + count<<24 + (hash2 + mss)
 * with SipHash) but has the same three ingredients.
 */

export const MSS_TABLE = [536, 1300, 1440, 1460] as const;
const PERIOD = 64_000;

function fnv(secret: number, parts: (string | number)[]): number {
  let h = (0x811c9dc5 ^ secret) >>> 0;
  for (const p of parts) {
    const s = String(p);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0x7c;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche (xorshift-multiply)
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

export interface CookieInput {
  secret: number;
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  clientIsn: number;
  mss: number;
  now: number;
}

function mssIndex(mss: number): number {
  let idx = 0;
  MSS_TABLE.forEach((m, i) => {
    if (m <= mss) idx = i;
  });
  return idx;
}

function hashFor(c: Omit<CookieInput, 'mss' | 'now'>, t: number): number {
  return fnv(c.secret, [c.srcIp, c.srcPort, c.dstIp, c.dstPort, c.clientIsn, t]) & 0xffffff;
}

export function makeCookie(c: CookieInput): number {
  const t = Math.floor(c.now / PERIOD) & 31;
  return ((t << 27) | (mssIndex(c.mss) << 24) | hashFor(c, t)) >>> 0;
}

/** Returns the MSS encoded in the cookie if it is valid now, else null. */
export function checkCookie(cookie: number, c: Omit<CookieInput, 'mss'>): number | null {
  const t = (cookie >>> 27) & 31;
  const nowT = Math.floor(c.now / PERIOD) & 31;
  const age = (nowT - t + 32) & 31;
  if (age > 1) return null;
  if ((cookie & 0xffffff) !== hashFor(c, t)) return null;
  return MSS_TABLE[(cookie >>> 24) & 7] ?? null;
}
