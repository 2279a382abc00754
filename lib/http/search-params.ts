/** Next.js page searchParams as URLSearchParams (repeated keys keep their last value, like the API). */
export function toSearchParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined && last !== '') params.set(key, last);
  }
  return params;
}
