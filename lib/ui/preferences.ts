/** The preference rules the options page uses; they live with the preferences themselves. */
export { HOVER_DELAY, SYNC_INTERVALS_HOURS, withDefaults } from '../preferences';
