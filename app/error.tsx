'use client';

import { PageError } from '@/components/layout/page-error';

/** Any failure of a page outside the portal (sign-in): "unavailable, try again", no detail. */
export default PageError;
