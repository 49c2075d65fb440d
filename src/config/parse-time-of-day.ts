const TIME_OF_DAY = /^(\d{1,2}):(\d{2})$/;

/**
 * Parses `HH:MM` (24-hour clock, `9:30` accepted) into minutes after midnight. `24:00` is accepted
 * only when `allowMidnightEnd` is set, for the end of a window that runs to the end of the day.
 */
export function parseTimeOfDay(text: string, allowMidnightEnd = false): number | null {
  const match = TIME_OF_DAY.exec(text.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (allowMidnightEnd && hours === 24 && minutes === 0) return 1440;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}
