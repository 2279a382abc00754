'use client';

/** Any unexpected failure inside the portal: nothing was changed; the digest matches the server log. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-md space-y-3 p-8 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">This page could not be shown. Try again; if it keeps failing, quote this reference to support.</p>
      {error.digest && <p className="font-mono text-sm text-slate-500">{error.digest}</p>}
      <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 text-white">
        Try again
      </button>
    </div>
  );
}
