/**
 * @deprecated Date and time formatting lives in `src/ui/format/datetime.ts`; this re-export only
 * keeps `appointment.notifications.ts` and `appointment.seed.ts` compiling until they import it
 * from there. It holds no appointment wording of its own: delete it then.
 */
export { differsFromQuebec, durationMinutes, formatDate, formatLongDate, formatTime, QUEBEC_ZONE } from '../../ui/format/datetime';
