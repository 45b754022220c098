/**
 * OPEN_DATA_LICENCE and PUBLIC_URL, read once at start: the licence every edition is published under as open
 * data, and the address the API is reached at from outside, for the stable URLs of editions.
 */

export interface Licence {
  /** The SPDX identifier, as OPEN_DATA_LICENCE names it. */
  name: string;
  title: string;
  path: string;
}

export const LICENCES: readonly Licence[] = [
  {
    name: 'CC-BY-4.0',
    title: 'Creative Commons Attribution 4.0 International',
    path: 'https://creativecommons.org/licenses/by/4.0/',
  },
  {
    name: 'CC-BY-SA-4.0',
    title: 'Creative Commons Attribution-ShareAlike 4.0 International',
    path: 'https://creativecommons.org/licenses/by-sa/4.0/',
  },
  {
    name: 'CC0-1.0',
    title: 'Creative Commons Zero v1.0 Universal',
    path: 'https://creativecommons.org/publicdomain/zero/1.0/',
  },
  {
    name: 'ODC-By-1.0',
    title: 'Open Data Commons Attribution License v1.0',
    path: 'https://opendatacommons.org/licenses/by/1-0/',
  },
  {
    name: 'ODbL-1.0',
    title: 'Open Data Commons Open Database License v1.0',
    path: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
];

export const DEFAULT_LICENCE = 'CC-BY-4.0';

export function licenceNamed(name: string): Licence | undefined {
  return LICENCES.find((licence) => licence.name.toLowerCase() === name.toLowerCase());
}

let licence: Licence = licenceNamed(DEFAULT_LICENCE)!;
let publicUrl: string | null = null;

export function setOpenDataSettings(settings: { licence: string; publicUrl: string | null }): void {
  licence = licenceNamed(settings.licence) ?? licence;
  publicUrl = settings.publicUrl ? settings.publicUrl.replace(/\/+$/, '') : null;
}

export function currentLicence(): Licence {
  return licence;
}

/** PUBLIC_URL without a trailing slash; null when unset (the routes then use the request's own address). */
export function configuredPublicUrl(): string | null {
  return publicUrl;
}

/** The stable address of an edition's data package, from `base` (PUBLIC_URL or the request's origin). */
export function editionUrl(base: string, editionId: string): string {
  return `${base}/open-data/editions/${editionId}/datapackage.json`;
}

export const FEED_PATH = '/open-data/editions.atom';
