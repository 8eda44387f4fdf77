const base = require('@jupiterone/integration-sdk-dev-tools/config/jest');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/{src,test,docs,bench}/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/jest.env.js'],
};
