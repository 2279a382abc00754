'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * A secret shown once (an API key, an initial password): selectable in a read-only field, with a
 * Copy button that says when it worked. Nothing keeps it: after a reload it is gone.
 */
export function OneTimeSecret({ label, value, note }: { label: string; value: string; note: string }) {
  const t = useTranslations('Forms');
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }
  return (
    <div className="mt-4 space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="one-time-secret">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby={`${id}-note`}
          className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm"
        />
        <button type="button" onClick={copy} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          {copied === 'yes' ? t('copied') : t('copy')}
        </button>
      </div>
      <p id={`${id}-note`} className="text-sm text-amber-900">
        {note}
      </p>
      <p role="status" className="text-sm">
        {copied === 'yes' ? t('copiedToClipboard') : copied === 'failed' ? t('copyFailed') : ''}
      </p>
    </div>
  );
}
