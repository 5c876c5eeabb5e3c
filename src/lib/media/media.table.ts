export type MediaKind = 'image' | 'audio' | 'video' | 'pdf';

/** An uploaded file; its bytes live under MEDIA_DIR, named by id. */
export interface MediaFilesTable {
  id: string;
  owner_id: string;
  /** The authored course it was uploaded for (null for a file not tied to a course). */
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
