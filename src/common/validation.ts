import { badUserInput } from './errors';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects an identifier that cannot exist, before it reaches SQL (where it would be a cast error). */
export function assertId(value: string, argument: string): string {
  if (!UUID_RE.test(value))
    throw badUserInput(`${argument} must be an id (a UUID), got "${value.slice(0, 60)}".`, { argument });
  return value.toLowerCase();
}

export function isId(value: string): boolean {
  return UUID_RE.test(value);
}

export function assertCountryCode(value: string, argument: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) {
    throw badUserInput(
      `${argument} must be an ISO 3166-1 alpha-2 country code such as "RS", got "${value.slice(0, 20)}".`,
      {
        argument,
      },
    );
  }
  return code;
}
