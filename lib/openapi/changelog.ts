import fs from 'node:fs/promises';
import path from 'node:path';
import { marked } from 'marked';

export const readApiChangelog = () => fs.readFile(path.join(process.cwd(), 'API-CHANGELOG.md'), 'utf8');

export async function apiChangelogHtml(): Promise<string> {
  return marked.parse(await readApiChangelog());
}

/** The version of the newest entry (`## <version> — <date>`). */
export function newestChangelogVersion(markdown: string): string | undefined {
  return /^## (\S+) — /m.exec(markdown)?.[1];
}
