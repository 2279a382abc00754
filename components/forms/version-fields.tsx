/**
 * The object an edit form saves: its id and the version the form was loaded with, so a change made
 * meanwhile by someone else is refused as a conflict instead of overwritten. None on a create form.
 */
export function VersionFields({ target }: { target: { id: string; version: number } | undefined }) {
  if (!target) return null;
  return (
    <>
      <input type="hidden" name="id" value={target.id} />
      <input type="hidden" name="version" value={target.version} />
    </>
  );
}
