// Entities are validated against the data model in tests, exactly as `j1-integration collect` does.
process.env.ENABLE_GRAPH_OBJECT_SCHEMA_VALIDATION = 'true';
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
