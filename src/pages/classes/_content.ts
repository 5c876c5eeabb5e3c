import { contentLookup, type ContentLookup } from '@/lib/classes/content-lookup.ts';
import { config } from '@/lib/config.ts';
import { loadCatalog } from '../courses/_catalog.ts';

/** The content the class pages and endpoints check against (courses, lessons with video). */
export async function classContent(): Promise<ContentLookup> {
  return contentLookup(await loadCatalog());
}

/** The address the check-in QR codes carry: PUBLIC_ORIGIN when set, else the address of the request. */
export function checkinOrigin(url: URL): string {
  return config.publicOrigin ?? url.origin;
}
