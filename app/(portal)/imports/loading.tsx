export default function Loading() {
  return <p className="p-4 text-slate-500">Loading imports…</p>;
}
