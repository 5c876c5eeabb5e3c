/** `package` is a course zip on its way to an import: never served, never listed, gone once imported. */
export type MediaKind = 'image' | 'audio' | 'video' | 'pdf' | 'package';

/** An uploaded file; its bytes live under MEDIA_DIR, named by id. */
export interface MediaFilesTable {
  id: string;
  owner_id: string;
  /** The authored course it was uploaded for; null for a course package being imported. */
  course_slug: string | null;
  original_name: string;
  /** Known once the first bytes arrive: decided from the content, never from the name. */
  kind: MediaKind | null;
  content_type: string | null;
  declared_size: number;
  received_size: number;
  /** Size of the stored file once ready (after resizing, for images). */
  size: number | null;
  width: number | null;
  height: number | null;
  status: 'uploading' | 'ready';
  created_at: string;
}
