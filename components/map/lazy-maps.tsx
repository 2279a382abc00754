'use client';

import dynamic from 'next/dynamic';

function MapLoading() {
  return <div className="h-72 w-full animate-pulse rounded-lg border border-slate-200 bg-slate-100" aria-hidden="true" />;
}

// Leaflet touches `window` on import: the maps load in the browser only.
export const LocationsMap = dynamic(() => import('./locations-map'), { ssr: false, loading: MapLoading });
export const CoordinatePicker = dynamic(() => import('./coordinate-picker'), { ssr: false, loading: MapLoading });
