import net from 'node:net';
import type { WebhookSettings } from '../../config';

/** Which endpoints may be registered and called: the part of the webhook settings that requests need. */
export type TargetPolicy = Pick<WebhookSettings, 'allowHttp' | 'allowHttpLoopback' | 'allowPrivateTargets'>;

/** Before the service applies its settings, only public https endpoints are accepted. */
const STRICT: TargetPolicy = { allowHttp: false, allowHttpLoopback: false, allowPrivateTargets: false };
let current: TargetPolicy = STRICT;

/** Set once at start from the validated configuration; every instance reads the same settings. */
export function useTargetPolicy(policy: TargetPolicy): void {
  current = {
    allowHttp: policy.allowHttp,
    allowHttpLoopback: policy.allowHttpLoopback,
    allowPrivateTargets: policy.allowPrivateTargets,
  };
}

export function targetPolicy(): TargetPolicy {
  return current;
}

const MAX_URL = 2000;

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Addresses that are not the public internet: a webhook there could reach the service's own network. */
const nonPublic = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  nonPublic.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  nonPublic.addSubnet(prefix, bits, 'ipv6');
}

/** The IPv4 address an IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) stands for, else the address itself. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1] : address;
}

export function isNonPublicAddress(address: string): boolean {
  const plain = unmapped(address);
  const family = net.isIP(plain);
  if (family === 0) return true;
  return nonPublic.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const plain = unmapped(host);
  const family = net.isIP(plain);
  return family !== 0 && loopback.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Checks an endpoint URL against the policy and returns the problem, or null when it may be used. Names that
 * resolve to a non-public address are caught again when a delivery connects (see webhook.delivery.ts).
 */
export function urlProblem(raw: string, policy: TargetPolicy = current): string | null {
  if (raw.length > MAX_URL) return `A URL has at most ${MAX_URL} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'The URL is not a valid absolute URL.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https://.';
  if (url.username || url.password) return 'The URL must not carry a user name or password.';
  if (url.hash) return 'The URL must not have a #fragment.';
  const host = bareHost(url);
  const loopbackHost = isLoopbackHost(host);
  if (url.protocol === 'http:' && !policy.allowHttp && !(policy.allowHttpLoopback && loopbackHost)) {
    return 'The URL must use https.';
  }
  if (
    !policy.allowPrivateTargets &&
    (loopbackHost || (net.isIP(unmapped(host)) && isNonPublicAddress(host)))
  ) {
    return 'The URL must point to a public address, not a loopback, private or link-local one.';
  }
  return null;
}
