import type { Metadata } from 'next';
import { apiChangelogHtml } from '@/lib/openapi/changelog';

export const metadata: Metadata = { title: 'API changelog' };

export default async function ChangelogPage() {
  const html = await apiChangelogHtml();
  return (
    <main className="mx-auto max-w-3xl p-6">
      <nav className="mb-6 flex gap-4 text-sm">
        <a href="/docs" className="text-brand-700 underline">
          API reference
        </a>
        <a href="/api/v2/openapi.json" className="text-brand-700 underline">
          openapi.json
        </a>
      </nav>
      {/* The changelog is a file of this repository, not user input. */}
      <article className="changelog space-y-3" dangerouslySetInnerHTML={{ __html: html }} />
    </main>
  );
}
