import type { Archive } from '../archive/archive.ts';
import { fromTenths } from '../hours/units.ts';
import { presentPersonClass } from './present-classes.ts';
import { presentLedgerEntry, presentTarget } from './present-hours.ts';

/** The archive as the API sends it: hours in 学时, the person without login, phone or unit path. */
export function presentArchive(archive: Archive) {
  const { person } = archive;
  return {
    person: { id: person.id, name: person.name, role: person.role, position: person.position, orgUnitName: person.orgUnitName, active: person.active },
    enrollments: archive.enrollments,
    quizAttempts: archive.attempts,
    years: archive.years.map((y) => ({
      year: y.year,
      total: fromTenths(y.totals.totalTenths),
      fromRequired: fromTenths(y.totals.requiredTenths),
      target: presentTarget(y.target),
      entries: y.entries.map(presentLedgerEntry),
    })),
    certificates: archive.certificates.map(({ hoursTenths, ...c }) => ({ ...c, hours: fromTenths(hoursTenths) })),
    readingNotes: archive.readingNotes,
    classes: archive.classes.map(presentPersonClass),
  };
}
