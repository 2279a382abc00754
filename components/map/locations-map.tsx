'use client';

import { useEffect, useMemo } from 'react';
import L from 'leaflet';
import { MapContainer, TileLayer, useMap } from 'react-leaflet';
import { useLocale, useTranslations } from 'next-intl';
import { formatNumber } from '@/lib/format';
import { clusterIndex, mapFeatures, normalizeBounds, pointsInBounds, type MapFeature, type MapPoint } from '@/lib/view/map';
import { BasemapLayer } from './basemap-layer';
import { DEFAULT_CENTER, DEFAULT_ZOOM, MAP_CLASS, SEA_STYLE } from './leaflet-setup';

export type LocationsMapProps = {
  points: MapPoint[];
  tileUrl: string | null;
  attribution?: string;
  /** Accessible name of the map region. */
  label: string;
  className?: string;
  /** Told the points inside the view after every pan and zoom (for the list beside the map). */
  onView?: (inView: MapPoint[]) => void;
};

/**
 * Fits the view to the points once they are known. One point: a street-level zoom around it on
 * tiles; on the offline basemap (no streets) a regional one, so coast and borders give it a place.
 */
function FitToPoints({ points, zoomOnOne }: { points: MapPoint[]; zoomOnOne: number }) {
  const map = useMap();
  useEffect(() => {
    if (points.length === 1) map.setView([points[0]!.latitude, points[0]!.longitude], zoomOnOne);
    else if (points.length > 1)
      map.fitBounds(L.latLngBounds(points.map((p) => [p.latitude, p.longitude])), { padding: [24, 24], maxZoom: 15 });
  }, [map, points, zoomOnOne]);
  return null;
}

type Words = { point: (p: MapPoint) => string; cluster: (count: number) => string; count: (count: number) => string };

/** A location's marker: a real link to its page, so Enter, middle-click and screen readers work as on any link. */
function pointElement(point: MapPoint, words: Words): HTMLElement {
  const link = document.createElement('a');
  link.href = `/locations/${point.id}`;
  link.title = point.name;
  link.setAttribute('aria-label', words.point(point));
  link.dataset.mapPoint = point.id;
  link.className = 'pointer-events-auto block h-[18px] w-[18px] rounded-full border-2 border-white bg-[#0f766e] shadow-md';
  return link;
}

/** A cluster: a button with its count that zooms in to where the cluster splits. */
function clusterElement(cluster: Extract<MapFeature, { kind: 'cluster' }>, map: L.Map, words: Words): HTMLElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = words.count(cluster.count);
  button.setAttribute('aria-label', words.cluster(cluster.count));
  button.dataset.mapCluster = String(cluster.count);
  button.className =
    'pointer-events-auto flex h-full w-full items-center justify-center rounded-full border-2 border-white bg-[#115e59] text-xs font-semibold text-white shadow-md';
  button.addEventListener('click', () => {
    map.setView([cluster.latitude, cluster.longitude], Math.min(cluster.expansionZoom, map.getMaxZoom()));
    // The button is redrawn away; keep the keyboard on the map instead of losing it to the page.
    map.getContainer().focus();
  });
  return button;
}

function markerOf(feature: MapFeature, map: L.Map, words: Words): L.Marker {
  const size = feature.kind === 'point' ? 18 : feature.count < 10 ? 30 : feature.count < 100 ? 36 : 44;
  const html = feature.kind === 'point' ? pointElement(feature, words) : clusterElement(feature, map, words);
  // Clicks on a marker are the marker's, not the map's (no drag, no double-click zoom).
  L.DomEvent.disableClickPropagation(html);
  const icon = L.divIcon({ html, className: 'map-marker', iconSize: [size, size] });
  // The link or button inside is the focusable, clickable thing; the marker itself is neither.
  return L.marker([feature.latitude, feature.longitude], { icon, keyboard: false, interactive: false });
}

/** Draws the clusters and markers of the current view, again after every pan and zoom. */
function ClusteredMarkers({ points, onView }: { points: MapPoint[]; onView?: (inView: MapPoint[]) => void }) {
  const map = useMap();
  const t = useTranslations('Map');
  const locale = useLocale();
  const index = useMemo(() => clusterIndex(points), [points]);
  useEffect(() => {
    const words: Words = {
      point: (p) => t('pointLabel', { name: p.name, city: p.city }),
      cluster: (count) => t('clusterLabel', { count }),
      count: (count) => formatNumber(count, locale),
    };
    const layer = L.layerGroup().addTo(map);
    const draw = () => {
      const b = map.getBounds();
      const bounds = normalizeBounds(b.getWest(), b.getSouth(), b.getEast(), b.getNorth());
      layer.clearLayers();
      for (const feature of mapFeatures(index, bounds, map.getZoom())) layer.addLayer(markerOf(feature, map, words));
      onView?.(pointsInBounds(index.points, bounds));
    };
    draw();
    map.on('moveend', draw);
    return () => {
      map.off('moveend', draw);
      layer.remove();
    };
  }, [map, index, onView, t, locale]);
  return null;
}

/** Locations as clustered markers on tiles (MAP_TILE_URL) or on the bundled offline basemap. */
export default function LocationsMap({ points, tileUrl, attribution, label, className = 'h-72', onView }: LocationsMapProps) {
  return (
    <div role="region" aria-label={label}>
      <MapContainer
        center={DEFAULT_CENTER}
        zoom={DEFAULT_ZOOM}
        className={`${className} ${MAP_CLASS}`}
        scrollWheelZoom={false}
        style={tileUrl ? undefined : SEA_STYLE}
      >
        {tileUrl ? <TileLayer url={tileUrl} attribution={attribution} /> : <BasemapLayer />}
        <FitToPoints points={points} zoomOnOne={tileUrl ? 15 : 8} />
        <ClusteredMarkers points={points} onView={onView} />
      </MapContainer>
    </div>
  );
}
