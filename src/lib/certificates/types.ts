/**
 * What a certificate shows, as plain data. The caller (route or service) looks everything up and
 * formats it: hours as decimals with at most one place (4.5), dates as 'YYYY-MM-DD' in Beijing time.
 * The renderers (PDF and HTML) only lay it out, so both always show the same facts.
 */

/** The part every document carries: who issued it and how to check it. */
export interface IssuedDocument {
  /** The issuing body as printed in the signature block, e.g. '中共永和县委组织部'. */
  issuer: string;
  /** 'YYYY-MM-DD'. */
  issueDate: string;
  /** 12 Crockford base32 characters, as stored (see `newVerificationCode`); printed grouped. */
  verificationCode: string;
  /** Absolute public URL encoded in the QR code, from `verificationUrl(origin, code)`. */
  verificationUrl: string;
}

/** 课程结业证书. */
export interface CourseCertificateData extends IssuedDocument {
  cadreName: string;
  unitName: string;
  courseTitle: string;
  hours: number;
  /** 'YYYY-MM-DD'. */
  completionDate: string;
}

/** 班次结业证书: a class (lecture series, reading class, special training) completed. */
export interface ClassCertificateData extends IssuedDocument {
  cadreName: string;
  unitName: string;
  classTitle: string;
  /** Hours the class brought: sessions attended and approved reading notes. */
  hours: number;
  /** 'YYYY-MM-DD'. */
  completionDate: string;
}

/** One row of the yearly statement's table: one hours-ledger entry. */
export interface StatementEntry {
  /** 'YYYY-MM-DD'. */
  date: string;
  sourceTitle: string;
  /** Display label of the ledger kind, e.g. '网络课程' (LEDGER_KIND_LABELS). */
  kindLabel: string;
  /** Negative for a reversal or a downward adjustment. */
  hours: number;
}

/** 年度学时证明. */
export interface YearlyStatementData extends IssuedDocument {
  cadreName: string;
  unitName: string;
  year: number;
  totalHours: number;
  requiredHours: number;
  /** The year's target in hours; null when the organisation department has set none. */
  targetHours: number | null;
  /** In the order they are to be printed (usually by date). */
  entries: StatementEntry[];
}
