/** Why a list shows other rows than its address asked for (ignored filters, an expired page link). */
export function ListNotice({ notice }: { notice: string | undefined }) {
  return notice ? <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{notice}</p> : null;
}
