import type { ReactNode } from 'react';

/** A titled part of a page; its heading names the region for assistive technology. */
export function Panel({ id, title, framed = true, children }: { id: string; title: ReactNode; framed?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className={framed ? 'space-y-2 rounded-lg border border-slate-200 bg-white p-4' : 'space-y-2'}>
      <h2 id={id} className="text-lg font-medium">
        {title}
      </h2>
      {children}
    </section>
  );
}
