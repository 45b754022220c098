import { DataStatus, DEMO_NOTICE } from '../deployment/data-status';
import type { PublicationFacts } from '../deployment/publication';
import { PUBLISHER } from './open-data.package';
import { currentLicence, editionUrl, FEED_PATH } from './open-data.settings';

export interface FeedEdition {
  id: string;
  number: number;
  publishedAt: Date;
  contentSha256: string;
  cycleCode: string;
  cycleTitle: string;
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  );

/**
 * The Atom feed (RFC 4287) of the published editions, newest first: one entry per edition, linking to its data
 * package, so that people and tools can follow new publications. On demo data every title says so.
 */
export function editionsFeed(editions: FeedEdition[], publication: PublicationFacts, base: string): string {
  const demo = publication.dataStatus === DataStatus.DEMO;
  const mark = (text: string) => (demo ? `${text} (${DEMO_NOTICE.replace(/\.$/, '')})` : text);
  const updated = editions.reduce(
    (latest, e) => (e.publishedAt > latest ? e.publishedAt : latest),
    new Date(0),
  );
  const licence = currentLicence();
  const entries = editions.map((e) => {
    const url = editionUrl(base, e.id);
    const summary = [
      demo ? DEMO_NOTICE : null,
      `Edition ${e.number} of monitoring cycle ${e.cycleCode} (${e.cycleTitle}), published ` +
        `${e.publishedAt.toISOString().slice(0, 10)}, as a Frictionless Data Package. SHA-256 of the edition: ` +
        `${e.contentSha256}.`,
    ]
      .filter(Boolean)
      .join(' ');
    return `  <entry>
    <id>urn:uuid:${e.id}</id>
    <title>${escapeXml(mark(`Monitoring cycle ${e.cycleCode}, edition ${e.number}`))}</title>
    <updated>${e.publishedAt.toISOString()}</updated>
    <published>${e.publishedAt.toISOString()}</published>
    <link rel="alternate" type="application/json" href="${escapeXml(url)}"/>
    <summary>${escapeXml(summary)}</summary>
    <category term="${publication.dataStatus}" label="${demo ? 'Demo data' : 'Real results'}"/>
    <rights>${escapeXml(licence.title)}</rights>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(base + FEED_PATH)}</id>
  <title>${escapeXml(mark(`${PUBLISHER}: published editions`))}</title>
  <subtitle>${escapeXml(
    [demo ? DEMO_NOTICE : null, 'Each published edition of a monitoring cycle, as open data.']
      .filter(Boolean)
      .join(' '),
  )}</subtitle>
  <updated>${updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(base + FEED_PATH)}"/>
  <author><name>${escapeXml(PUBLISHER)}</name></author>
  <rights>${escapeXml(`${licence.title} (${licence.path})`)}</rights>
${entries.join('\n')}
</feed>
`;
}
