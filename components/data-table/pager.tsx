import Link from 'next/link';

/** First / next page links of a keyset-paginated list; the state stays in the URL. */
export function Pager({ params, nextCursor }: { params: URLSearchParams; nextCursor: string | null }) {
  const first = new URLSearchParams(params);
  first.delete('cursor');
  const next = new URLSearchParams(params);
  if (nextCursor) next.set('cursor', nextCursor);
  return (
    <nav aria-label="Pages" className="flex gap-3 text-sm">
      {params.has('cursor') && (
        <Link href={`?${first}`} className="text-brand-700 underline">
          First page
        </Link>
      )}
      {nextCursor && (
        <Link href={`?${next}`} className="text-brand-700 underline">
          Next page
        </Link>
      )}
    </nav>
  );
}
