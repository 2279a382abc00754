'use client';

import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Served by app/(portal)/locations/basemap; `v` names the data so a new package version is fetched anew. */
const BASEMAP_URL = '/locations/basemap?v=world-atlas-2.0.2-50m';

type Shapes = { land: GeoJSON.GeoJsonObject; borders: GeoJSON.GeoJsonObject };

// One download and conversion per page, however many maps it has.
let shapes: Promise<Shapes> | undefined;

function loadShapes(): Promise<Shapes> {
  shapes ??= fetch(BASEMAP_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`basemap: HTTP ${response.status}`);
      return response.json() as Promise<Topology<{ land: GeometryCollection; countries: GeometryCollection }>>;
    })
    .then((topology) => ({
      land: feature(topology, topology.objects.land),
      // Borders between two countries only: the coastline is the land's own outline.
      borders: mesh(topology, topology.objects.countries, (a, b) => a !== b),
    }))
    .catch((error: unknown) => {
      shapes = undefined;
      throw error;
    });
  return shapes;
}

const PANE = 'basemap';

/**
 * The offline basemap (Natural Earth land, coastlines and country borders, drawn as SVG under the
 * markers) for maps without MAP_TILE_URL. The container's background is the sea. Marks the
 * container `data-basemap="drawn"` (or `"failed"`) once it knows.
 */
export function BasemapLayer() {
  const map = useMap();
  useEffect(() => {
    let cancelled = false;
    const layers: L.Layer[] = [];
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '250';
    const renderer = L.svg({ pane: PANE, padding: 0.5 });
    loadShapes()
      .then(({ land, borders }) => {
        if (cancelled) return;
        const common = { pane: PANE, renderer, interactive: false, attribution: 'Natural Earth' };
        layers.push(
          L.geoJSON(land, { ...common, style: { color: '#6b8fa6', weight: 1, fillColor: '#f3f1ea', fillOpacity: 1 } }),
          L.geoJSON(borders, { ...common, style: { color: '#8a8f98', weight: 1, dashArray: '4 3', fill: false } }),
        );
        for (const layer of layers) layer.addTo(map);
        map.getContainer().dataset.basemap = 'drawn';
      })
      .catch(() => {
        if (!cancelled) map.getContainer().dataset.basemap = 'failed';
      });
    return () => {
      cancelled = true;
      for (const layer of layers) layer.remove();
    };
  }, [map]);
  return null;
}
