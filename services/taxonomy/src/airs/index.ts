export * from './taxonomy-file.js';
export * from './taxonomy-xml-writer.js';
export * from './taxonomy-file-error.js';
export * from './taxonomy-xml-parser.js';
export * from './airs-code.js';
export * from './synthetic-taxonomy.js';
