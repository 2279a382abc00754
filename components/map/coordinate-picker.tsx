'use client';

import { useEffect } from 'react';
import type { Marker as LeafletMarker } from 'leaflet';
import { MapContainer, Marker, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import { useTranslations } from 'next-intl';
import { BasemapLayer } from './basemap-layer';
import { DEFAULT_CENTER, DEFAULT_ZOOM, MAP_CLASS, pinIcon, SEA_STYLE } from './leaflet-setup';

export type CoordinatePickerProps = {
  /** The current point, or null while the inputs hold no valid coordinates. */
  position: [number, number] | null;
  onPick: (latitude: number, longitude: number) => void;
  tileUrl: string | null;
  attribution?: string;
};

/** Six decimals ≈ 0.1 m: more precision than a click has. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

function ClickToPick({ onPick }: { onPick: CoordinatePickerProps['onPick'] }) {
  useMapEvents({ click: (event) => onPick(round(event.latlng.lat), round(event.latlng.lng)) });
  return null;
}

/** Keeps a point typed into the inputs in view. */
function FollowPosition({ position }: { position: [number, number] | null }) {
  const map = useMap();
  useEffect(() => {
    if (position && !map.getBounds().contains(position)) map.setView(position, Math.max(map.getZoom(), 13));
  }, [map, position]);
  return null;
}

/** A map to set a location's coordinates: click to place the pin, or drag it. */
export default function CoordinatePicker({ position, onPick, tileUrl, attribution }: CoordinatePickerProps) {
  const t = useTranslations('Map');
  return (
    <div role="region" aria-label={t('pickerLabel')} data-testid="coordinate-map">
      <MapContainer
        center={position ?? DEFAULT_CENTER}
        zoom={position ? 15 : DEFAULT_ZOOM}
        className={`h-72 cursor-crosshair ${MAP_CLASS}`}
        scrollWheelZoom={false}
        style={tileUrl ? undefined : SEA_STYLE}
      >
        {tileUrl ? <TileLayer url={tileUrl} attribution={attribution} /> : <BasemapLayer />}
        <ClickToPick onPick={onPick} />
        <FollowPosition position={position} />
        {position && (
          <Marker
            position={position}
            icon={pinIcon}
            draggable
            title={t('pinTitle')}
            eventHandlers={{
              dragend: (event) => {
                const { lat, lng } = (event.target as LeafletMarker).getLatLng();
                onPick(round(lat), round(lng));
              },
            }}
          />
        )}
      </MapContainer>
    </div>
  );
}
