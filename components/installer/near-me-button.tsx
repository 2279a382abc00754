'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';

type Status = { kind: 'idle' } | { kind: 'locating' } | { kind: 'failed'; message: string };

const FAILURES: Record<number, string> = {
  1: 'Location access was denied. Allow it in the browser, or search by name below.',
  2: 'Your position is not available right now. Search by name below.',
  3: 'Finding your position took too long. Try again, or search by name below.',
};

/** Asks the browser for the position and reloads the page with `near=lat,lon` (the search is kept). */
export function NearMeButton() {
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus({ kind: 'failed', message: 'This browser cannot share its position. Search by name below.' });
      return;
    }
    setStatus({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        const params = new URLSearchParams(window.location.search);
        params.set('near', `${coords.latitude.toFixed(6)},${coords.longitude.toFixed(6)}`);
        setStatus({ kind: 'idle' });
        router.push(`/installer?${params}`);
      },
      (error) => setStatus({ kind: 'failed', message: FAILURES[error.code] ?? FAILURES[2]! }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={locate}
        disabled={status.kind === 'locating'}
        className="w-full rounded border border-brand-700 bg-white px-4 py-3 font-medium text-brand-700 disabled:opacity-60"
      >
        {status.kind === 'locating' ? 'Finding your position…' : 'Locations near me'}
      </button>
      <p role="status" className="text-sm text-slate-700">
        {status.kind === 'failed' ? status.message : ''}
      </p>
    </div>
  );
}
