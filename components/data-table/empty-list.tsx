/**
 * What a list shows instead of its table when it has no rows: a wide table's empty cell would sit
 * out of sight in its scroll area on a phone.
 */
export function EmptyList({ children }: { children: string }) {
  return <p className="rounded-lg border border-slate-200 bg-white px-3 py-6 text-center text-sm text-slate-500">{children}</p>;
}
