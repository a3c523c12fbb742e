// The one definition is in @platform/persistence (shared with the placements service).
export { containsPattern } from '@platform/persistence';
