'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';

type Failure = 'noGeolocation' | 'denied' | 'unavailable' | 'timeout';
type Status = { kind: 'idle' } | { kind: 'locating' } | { kind: 'failed'; failure: Failure };

/** GeolocationPositionError codes: 1 permission denied, 2 position unavailable, 3 timeout. */
const FAILURES: Record<number, Failure> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

/** Asks the browser for the position and reloads the page with `near=lat,lon` (the search is kept). */
export function NearMeButton() {
  const t = useTranslations('Installer');
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStatus({ kind: 'failed', failure: 'noGeolocation' });
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
      (error) => setStatus({ kind: 'failed', failure: FAILURES[error.code] ?? 'unavailable' }),
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
        {status.kind === 'locating' ? t('locating') : t('nearMe')}
      </button>
      <p role="status" className="text-sm text-slate-700">
        {status.kind === 'failed' ? t(status.failure) : ''}
      </p>
    </div>
  );
}
