import fs from 'node:fs';
import path from 'node:path';

/**
 * The TypeScript of the guide's "Building a front end" chapter is the reference front end's own code: each
 * snippet must appear, as written, in examples/partner-frontend/src, which is type-checked
 * (`npm run examples:check`) and run in Chromium (test/browser/partner-frontend.test.ts).
 */
const root = path.join(__dirname, '..');

function chapter(): string {
  const guide = fs.readFileSync(path.join(root, 'docs/integration.md'), 'utf8');
  const start = guide.indexOf('\n## Building a front end\n');
  expect(start).toBeGreaterThan(0);
  const end = guide.indexOf('\n## ', start + 1);
  return guide.slice(start, end);
}

function tsBlocks(text: string): string[] {
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

describe('docs/integration.md: Building a front end', () => {
  const sources = fs
    .readdirSync(path.join(root, 'examples/partner-frontend/src'))
    .map((name) => fs.readFileSync(path.join(root, 'examples/partner-frontend/src', name), 'utf8'));

  it('quotes the reference front end’s code in every TypeScript snippet', () => {
    const blocks = tsBlocks(chapter());
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      const found = sources.some((source) => source.includes(block));
      if (!found) throw new Error(`This snippet is not in examples/partner-frontend/src:\n${block}`);
    }
  });

  it('names each subscription of the schema and the close codes the server uses', () => {
    const text = chapter();
    const schema = fs.readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8');
    const subscription = /^type Subscription \{([\s\S]*?)^\}/m.exec(schema)![1];
    const fields = [...subscription.matchAll(/^ {2}(\w+)\(/gm)].map((match) => match[1]);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(text).toContain(`\`${field}(`);
    const server = fs.readFileSync(path.join(root, 'src/pipeline/live/live-execution.ts'), 'utf8');
    for (const code of [...server.matchAll(/: (\d{4}),$/gm)].map((match) => match[1]))
      expect(text).toContain(`| ${code} |`);
  });
});
