/** Tables of the appointments module (filled by the appointments issue). */
// biome-ignore lint: placeholder until the module lands
export interface AppointmentTables {}
