'use client';

import { PageError } from '@/components/layout/page-error';

/** Any failure of a page inside the portal (within its navigation): "unavailable, try again", no detail. */
export default PageError;
