'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import type { TenantChoice } from '@/lib/portal/tenant-choices';

type Props = {
  choices: TenantChoice[];
  current: string | undefined;
  /** Worded by the server, so the header ships no message formatter. */
  words: { label: string; all: string; switch: string };
  action: (form: FormData) => Promise<void>;
};

/** Narrows every page to one tenant, or back to all; choosing submits at once (the button is the no-JS path). */
export function TenantSwitcher({ choices, current, words, action }: Props) {
  const pathname = usePathname();
  // Keep the view's filters; a page cursor belongs to the previous scope.
  const query = new URLSearchParams(useSearchParams());
  query.delete('cursor');
  const returnTo = query.size ? `${pathname}?${query}` : pathname;
  return (
    <form action={action} className="flex items-center gap-2 text-sm">
      <label htmlFor="tenant-switcher" className="text-slate-600">
        {words.label}
      </label>
      <select
        id="tenant-switcher"
        name="tenant"
        defaultValue={current ?? ''}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="max-w-48 rounded border border-slate-300 px-2 py-1"
      >
        <option value="">{words.all}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.name}
          </option>
        ))}
      </select>
      <input type="hidden" name="return_to" value={returnTo} />
      <noscript>
        <button type="submit" className="rounded border border-slate-300 px-2 py-1">
          {words.switch}
        </button>
      </noscript>
    </form>
  );
}
