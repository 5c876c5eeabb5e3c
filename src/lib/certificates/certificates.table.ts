export type CertificateKind = 'course' | 'yearly' | 'class';

/** Issued documents; a row never changes, so verification shows exactly what was certified. */
export interface CertificatesTable {
  id: string;
  /** Verification code (Crockford base32, stored without dashes). */
  code: string;
  kind: CertificateKind;
  user_id: string;
  /** `course:<course id>`, `year:<year>:<total tenths>` or `class:<class id>`. */
  subject: string;
  title: string;
  hours_tenths: number;
  /** Beijing date (YYYY-MM-DD) of the completion, or of the statement. */
  completed_on: string;
  issued_at: string;
}
