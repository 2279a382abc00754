'use client';

import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { fill, plural } from '@/components/data-table/fill';
import { useFieldError } from '@/components/forms/action-form';
import { LabeledControl } from '@/components/forms/labeled-control';
import type { LocationPickerWords } from './location-picker-words';

export type LocationChoice = { id: string; label: string };

type Props = {
  /** Form field that receives the chosen location's id (left out of the form while none is chosen). */
  name: string;
  label: string;
  selected: LocationChoice | null;
  /** Only locations of this tenant (a station links within its tenant). */
  tenantId?: string | null;
  /** Shown when nothing is chosen, e.g. "Any location" in a filter. */
  emptyLabel: string;
  words: LocationPickerWords;
};

const MIN_QUERY = 2;

/**
 * Finds a location by typing part of its name, address or city, through the API's list (the
 * signed-in session, same scope): usable with 50 000 locations, where a select is not.
 */
export function LocationPicker({ name, label, selected, tenantId, emptyLabel, words }: Props) {
  const id = useId();
  const error = useFieldError(`/${name}`);
  const [choice, setChoice] = useState<LocationChoice | null>(selected);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ query: string; results: LocationChoice[] } | null>(null);
  const [failed, setFailed] = useState(false);
  const searching = query.trim().length >= MIN_QUERY;

  useEffect(() => {
    const q = query.trim();
    if (q.length < MIN_QUERY) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q, limit: '10', sort: 'name' });
      if (tenantId) params.set('tenant', tenantId);
      try {
        const response = await fetch(`/api/v2/locations?${params}`, { signal: abort.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { data: { id: string; name: string; address: string; city: string }[] };
        setFound({ query: q, results: body.data.map((l) => ({ id: l.id, label: `${l.name} — ${l.address}, ${l.city}` })) });
        setFailed(false);
      } catch (cause) {
        if (!abort.signal.aborted) setFailed(Boolean(cause));
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, tenantId]);

  const results = searching && found?.query === query.trim() ? found.results : null;
  // Enter picks the only match instead of submitting the surrounding form half-filled.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (results?.length === 1) pick(results[0]!);
  };
  const pick = (location: LocationChoice | null) => {
    setChoice(location);
    setQuery('');
  };

  return (
    <LabeledControl id={id} label={label} className="min-w-0 space-y-1">
      <input type="hidden" name={name} value={choice?.id ?? ''} disabled={!choice} />
      <p className="text-sm" data-testid="location-choice">
        {choice ? choice.label : emptyLabel}
        {choice && (
          <button type="button" onClick={() => pick(null)} className="ml-2 text-brand-700 underline">
            {words.clear}
          </button>
        )}
      </p>
      <input
        id={id}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={words.placeholder}
        autoComplete="off"
        aria-describedby={`${id}-status`}
        aria-invalid={error ? true : undefined}
        className="w-full max-w-72 rounded border border-slate-300 px-3 py-1.5 aria-[invalid=true]:border-red-600"
      />
      <p id={`${id}-status`} className="sr-only" aria-live="polite">
        {results ? plural({ one: words.foundOne, other: words.foundOther }, results.length, document.documentElement.lang) : ''}
      </p>
      {failed && <p className="text-sm text-red-800">{words.failed}</p>}
      {results && (
        <ul
          aria-label={fill(words.matches, { label })}
          className="max-w-md divide-y divide-slate-100 rounded border border-slate-200 bg-white text-sm"
        >
          {results.length === 0 && <li className="px-3 py-2 text-slate-600">{words.none}</li>}
          {results.map((location) => (
            <li key={location.id}>
              <button type="button" onClick={() => pick(location)} className="w-full px-3 py-2 text-left hover:bg-slate-50">
                {location.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="text-sm text-red-800">{error}</p>}
    </LabeledControl>
  );
}
