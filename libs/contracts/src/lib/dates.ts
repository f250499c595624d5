/** The calendar date (YYYY-MM-DD) of `at` in the IANA time zone `timeZone`. */
export function calendarDate(timeZone: string, at: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A calendar day `YYYY-MM-DD` as refusals name it in their params (and Vietnamese reads it): `dd/mm/yyyy`. */
export function dayMonthYear(isoDay: string): string {
  return isoDay.split('-').reverse().join('/');
}
