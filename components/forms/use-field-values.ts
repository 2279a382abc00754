'use client';

import { useState } from 'react';

/**
 * Controlled values for a form's plain fields, so a refused submit keeps what was typed:
 * `bind('name')` gives a field its name, value and change handler.
 */
export function useFieldValues<K extends string>(initial: Record<K, string>) {
  const [values, setValues] = useState(initial);
  return (name: K) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });
}
