import { DomainError, type ErrorCode } from '../errors.ts';

/** One problem of one row, as Excel numbers the row and as the file heads the column. */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

/** The file as a whole cannot be imported: not an .xlsx, damaged, too big, no header row, too many rows. */
export class RosterFileError extends DomainError {
  constructor(code: Extract<ErrorCode, 'bad_request' | 'validation_failed' | 'payload_too_large' | 'unsupported_media_type'>, message: string) {
    super(code, message);
  }
}

/** The file was read, but some rows have problems: nothing was changed. Every problem is in `details.problems`. */
export class RosterProblemsError extends DomainError {
  readonly problems: RowProblem[];
  constructor(problems: RowProblem[]) {
    const rows = new Set(problems.map((p) => p.row)).size;
    super('roster_rows_invalid', `名单中有 ${rows} 行共 ${problems.length} 处问题，没有做任何修改。请改正后重新上传。`, { problems });
    this.problems = problems;
  }
}
