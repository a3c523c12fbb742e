// Public surface of the placements service package (issue 7): so far its pure placement rules
// (ADR 0020); the service runtime follows.
export * from './domain/index.js';
