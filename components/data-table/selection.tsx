'use client';

import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';

type Selection = {
  /** Selected ids among the rows on this page, in row order. */
  selectedIds: string[];
  isSelected: (id: string) => boolean;
  toggle: (id: string, on: boolean) => void;
  setAll: (on: boolean) => void;
  clear: () => void;
  labelOf: (id: string) => string;
};

const SelectionContext = createContext<Selection | null>(null);

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('useSelection outside a RowSelection');
  return selection;
}

/**
 * The selected rows of a server-rendered table, shared by its checkboxes and its bulk bar. Only
 * rows on this page count: a selection never reaches rows the page no longer shows.
 */
export function RowSelection({ rows, children }: { rows: { id: string; label: string }[]; children: ReactNode }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const selection = useMemo<Selection>(() => {
    const labels = new Map(rows.map((row) => [row.id, row.label]));
    const selectedIds = rows.map((row) => row.id).filter((id) => chosen.has(id));
    return {
      selectedIds,
      isSelected: (id) => chosen.has(id),
      toggle: (id, on) =>
        setChosen((previous) => {
          const next = new Set(previous);
          if (on) next.add(id);
          else next.delete(id);
          return next;
        }),
      setAll: (on) => setChosen(new Set(on ? rows.map((row) => row.id) : [])),
      clear: () => setChosen(new Set()),
      labelOf: (id) => labels.get(id) ?? id,
    };
  }, [rows, chosen]);
  return <SelectionContext.Provider value={selection}>{children}</SelectionContext.Provider>;
}

/** A row's checkbox; `label` names the row ("Select Garage 1 (GAR-001)"). */
export function RowCheckbox({ id, label }: { id: string; label: string }) {
  const { isSelected, toggle } = useSelection();
  return <input type="checkbox" aria-label={label} checked={isSelected(id)} onChange={(e) => toggle(id, e.target.checked)} />;
}

/** The header checkbox: all rows on this page, or none; half-checked when some are selected. Without `label`, a surrounding label names it. */
export function PageCheckbox({ label, rowCount }: { label?: string; rowCount: number }) {
  const { selectedIds, setAll } = useSelection();
  const all = rowCount > 0 && selectedIds.length === rowCount;
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={all}
      ref={(box) => {
        if (box) box.indeterminate = selectedIds.length > 0 && !all;
      }}
      onChange={(e) => setAll(e.target.checked)}
    />
  );
}
