/** A date column as YYYY-MM-DD text (a CalendarDate), as every read and the rules take it. */
export const dayText = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
