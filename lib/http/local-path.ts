/**
 * A redirect target reduced to a path on this site: any scheme and host are dropped and leading
 * slashes collapsed, so `//host`, `/\host` or `https://host//other` can never leave the site.
 */
export function localPath(value: string | null | undefined): string {
  const url = new URL(value || '/', 'http://local.invalid');
  return `/${url.pathname.replace(/^\/+/, '')}${url.search}`;
}
