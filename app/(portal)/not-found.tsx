import { NotFoundMessage } from '@/components/layout/not-found-message';

/** Missing and out-of-scope objects look the same (HTTP 404), inside the portal frame. */
export default function PortalNotFound() {
  return <NotFoundMessage />;
}
