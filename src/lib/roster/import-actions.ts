import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { statusOf } from '../http/errors.ts';
import { readForm } from '../http/read-form.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { type ApplyResult, RosterChangedError } from './apply.ts';
import { RosterProblemsError, type RowProblem } from './errors.ts';
import { FILE_TOO_LARGE_MESSAGE, ROSTER_MAX_BYTES } from './format.ts';
import { applyRosterFile, previewRosterFile } from './import.ts';
import type { PlannedRow, PlanSummary } from './plan.ts';
import { deleteRosterUpload, loadRosterUpload, saveRosterUpload } from './uploads.ts';

/** What the import page shows after a post. */
export type ImportView =
  | { kind: 'error'; status: number; message: string }
  | { kind: 'problems'; status: number; fileName: string; problems: RowProblem[] }
  | { kind: 'preview'; status: number; fileName: string; uploadId: string; digest: string; rows: PlannedRow[]; summary: PlanSummary; notice?: string }
  | { kind: 'applied'; status: number; result: ApplyResult };

/** Room for the multipart envelope around the file (boundaries, headers, the other fields). */
const MULTIPART_SLACK_BYTES = 16 * 1024;

const ApplyForm = z.object({
  upload: z.string().min(1).max(64),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().max(200).default(''),
});

/** Expected failures become a view; anything else is a defect and is rethrown. */
function failure(error: unknown, fileName: string): ImportView {
  if (error instanceof RosterProblemsError) return { kind: 'problems', status: 422, fileName, problems: error.problems };
  if (error instanceof DomainError) return { kind: 'error', status: statusOf(error.code), message: error.message };
  throw error;
}

/** Checks a file and, when it has no problems, keeps it for the apply step. */
async function preview(db: Kysely<Database>, actor: ScopeSubject, bytes: Uint8Array, fileName: string, uploadId?: string, notice?: string): Promise<ImportView> {
  try {
    const plan = await previewRosterFile(db, actor, bytes);
    if (!plan.ok) return { kind: 'problems', status: 422, fileName, problems: plan.problems };
    const id = uploadId ?? (await saveRosterUpload(db, actor.id, bytes));
    return { kind: 'preview', status: 200, fileName, uploadId: id, digest: plan.digest, rows: plan.rows, summary: plan.summary, notice };
  } catch (error) {
    return failure(error, fileName);
  }
}

/** `POST ?step=preview` (multipart, field `file`): reads the upload and shows its problems or its plan. */
async function handleUpload(db: Kysely<Database>, actor: ScopeSubject, request: Request): Promise<ImportView> {
  if (Number(request.headers.get('content-length') ?? '0') > ROSTER_MAX_BYTES + MULTIPART_SLACK_BYTES) return { kind: 'error', status: 413, message: FILE_TOO_LARGE_MESSAGE };
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get('file');
  } catch {
    return { kind: 'error', status: 400, message: `文件没有上传成功（文件不能超过 ${ROSTER_MAX_BYTES / 1_000_000} MB，网络中断时请重试）。` };
  }
  if (!file || typeof file === 'string' || file.size === 0) return { kind: 'error', status: 400, message: '请选择要上传的名单文件（.xlsx）。' };
  if (file.size > ROSTER_MAX_BYTES) return { kind: 'error', status: 413, message: FILE_TOO_LARGE_MESSAGE };
  return preview(db, actor, new Uint8Array(await file.arrayBuffer()), file.name);
}

/** `POST ?step=apply` (upload id + the digest of the plan shown): applies exactly the previewed plan. */
async function handleApply(db: Kysely<Database>, actor: ScopeSubject, request: Request): Promise<ImportView> {
  const form = await readForm(request, ApplyForm);
  if (!form.ok) return { kind: 'error', status: 400, message: '提交的内容不完整，请重新上传名单。' };
  const { upload: uploadId, digest, fileName } = form.data;
  const upload = await loadRosterUpload(db, actor.id, uploadId);
  if (!upload) return { kind: 'error', status: 404, message: '这份名单已经导入过，或上传已超过一天。请重新上传文件。' };
  try {
    const result = await applyRosterFile(db, actor, upload.bytes, digest);
    await deleteRosterUpload(db, uploadId);
    return { kind: 'applied', status: 200, result };
  } catch (error) {
    if (!(error instanceof RosterChangedError)) return failure(error, fileName);
    return preview(db, actor, upload.bytes, fileName, uploadId, error.message);
  }
}

/** Handles the import page's two forms; nothing here changes data except the apply step. */
export function handleRosterImportPost(db: Kysely<Database>, actor: ScopeSubject, request: Request, url: URL): Promise<ImportView> {
  return url.searchParams.get('step') === 'apply' ? handleApply(db, actor, request) : handleUpload(db, actor, request);
}
