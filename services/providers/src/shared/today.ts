// The providers service's modules import today's date from here; the one definition is the
// kernel's (shared with finance and placements).
export { calendarDayOf, todayDate } from '@platform/kernel';
