'use strict';

/** Sets the status and returns the body Cosmos DB answers errors with ({ code, message }). */
function fail(res, statusCode, code, message) {
  res.statusCode = statusCode;
  return { code, message };
}

const notFound = (res) => fail(res, 404, 'NotFound', 'Entity with the specified id does not exist in the system.');

const unsupported = (res, feature, advice) =>
  fail(res, 400, 'BadRequest', `${feature} is not supported by the local Cosmos DB server (services/cosmos). ${advice}`);

module.exports = { fail, notFound, unsupported };
