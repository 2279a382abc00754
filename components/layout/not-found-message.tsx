import Link from 'next/link';

/**
 * The 404 page's text: missing and out-of-scope look the same. Inside the portal it sits in the
 * frame's `main`; on its own (`standalone`) it is the page's main landmark.
 */
export function NotFoundMessage({ standalone = false }: { standalone?: boolean }) {
  const Frame = standalone ? 'main' : 'div';
  return (
    <Frame className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        Back to the dashboard
      </Link>
    </Frame>
  );
}
