import { getCollection } from 'astro:content';
import { classCatalogOf } from '@/lib/class-completion/from-catalog.ts';
import type { ClassCatalog } from '@/lib/class-completion/completion.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';

/** The content the class pages and endpoints need (reading lists, course titles, quizzes), read once per request. */
export async function loadClassCatalog(): Promise<ClassCatalog> {
  const [catalog, quizzes] = await Promise.all([loadCatalog(), getCollection('quizzes')]);
  return classCatalogOf(catalog, new Set(quizzes.map((q) => q.id)));
}
