// Entities are validated against the data model in tests, exactly as `j1-integration collect` does.
process.env.ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION = 'true';
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';

// Node 20 has structuredClone, but jest 27's node environment does not expose it.
if (typeof globalThis.structuredClone !== 'function') {
  const v8 = require('v8');
  globalThis.structuredClone = (value) => v8.deserialize(v8.serialize(value));
}
