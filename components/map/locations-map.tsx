'use client';

import { useEffect } from 'react';
import L from 'leaflet';
import { CircleMarker, MapContainer, Popup, TileLayer, useMap } from 'react-leaflet';
import type { MapMarker } from '@/lib/view/map';
import { DEFAULT_CENTER, DEFAULT_ZOOM, MARKER_STYLE } from './leaflet-setup';

export type LocationsMapProps = {
  markers: MapMarker[];
  tileUrl: string | null;
  attribution?: string;
  /** Accessible name of the map region. */
  label: string;
  className?: string;
};

/** Fits the view to the markers (one marker: a street-level zoom around it). */
function FitToMarkers({ markers }: { markers: MapMarker[] }) {
  const map = useMap();
  useEffect(() => {
    if (markers.length === 1) map.setView([markers[0]!.latitude, markers[0]!.longitude], 15);
    else if (markers.length > 1)
      map.fitBounds(L.latLngBounds(markers.map((m) => [m.latitude, m.longitude])), { padding: [24, 24], maxZoom: 15 });
  }, [map, markers]);
  return null;
}

/** Locations as markers; each opens a popup with the address and a link to the location. */
export default function LocationsMap({ markers, tileUrl, attribution, label, className = 'h-72' }: LocationsMapProps) {
  return (
    <div role="region" aria-label={label}>
      <MapContainer
        center={DEFAULT_CENTER}
        zoom={DEFAULT_ZOOM}
        className={`${className} w-full rounded-lg border border-slate-200 bg-slate-100`}
        scrollWheelZoom={false}
      >
        {tileUrl && <TileLayer url={tileUrl} attribution={attribution} />}
        <FitToMarkers markers={markers} />
        {markers.map((marker) => (
          <CircleMarker key={marker.id} center={[marker.latitude, marker.longitude]} radius={8} pathOptions={MARKER_STYLE}>
            <Popup>
              <a href={`/locations/${marker.id}`} className="font-medium">
                {marker.name}
              </a>
              <br />
              {marker.address}
            </Popup>
          </CircleMarker>
        ))}
      </MapContainer>
    </div>
  );
}
