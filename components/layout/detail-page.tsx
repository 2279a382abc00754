import type { ReactNode } from 'react';
import { DetailList } from './detail-list';

/** A catalog object's page: its name, its details, then what may be done with it. */
export function DetailPage({ title, rows, children }: { title: ReactNode; rows: [ReactNode, ReactNode][]; children?: ReactNode }) {
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <DetailList rows={rows} />
      {children}
    </article>
  );
}
