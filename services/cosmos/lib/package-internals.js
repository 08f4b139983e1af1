'use strict';

// The pinned @vercel/cosmosdb-server 1.0.1 exports only its server factories; the compatibility layer needs its
// account model, router and body reader. The package has no "exports" map, so these modules are its reachable API.
// Pinned in services/package.json: a version bump must re-run the tests in tests/ServerlessSafety.LocalServices.Tests.
const Account = require('@vercel/cosmosdb-server/lib/account').default;
const packageRoutes = require('@vercel/cosmosdb-server/lib/routes').default;
const readJson = require('@vercel/cosmosdb-server/lib/json').default;
const { SyntaxError: QuerySyntaxError } = require('@zeit/cosmosdb-query');

module.exports = { Account, packageRoutes, readJson, QuerySyntaxError };
