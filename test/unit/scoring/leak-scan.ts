import { unzipSync } from 'fflate';

/**
 * Everything readable in an answer: its JSON, and every file it carries as base64 — decoded, and
 * unzipped when it is a zip (xlsx workbooks, evidence packs) — so that a secret cannot hide in a file.
 */
export function readableTexts(answer: unknown): string[] {
  const texts = [JSON.stringify(answer)];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string' && /base64$/i.test(key)) texts.push(...decoded(value));
    else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(answer, '');
  return texts;
}

function decoded(base64: string): string[] {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return [bytes.toString('utf8')];
  const entries = unzipSync(new Uint8Array(bytes));
  return Object.entries(entries).flatMap(([name, content]) =>
    name.endsWith('.zip') || name.endsWith('.xlsx') ? decoded(Buffer.from(content).toString('base64')) : [Buffer.from(content).toString('utf8')],
  );
}
