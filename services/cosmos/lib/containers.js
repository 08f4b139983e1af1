'use strict';

const { randomUUID } = require('crypto');
const { fail, notFound } = require('./errors');
const { isDeepStrictEqual } = require('util');

/**
 * Replaces a container's properties in place. The package's own replace builds a new, empty container and so loses
 * every document; changing defaultTtl or the indexing policy must keep them.
 */
function replaceContainer(database, collId, body, req, res) {
  const collection = database.collection(collId);
  const current = collection.read();
  if (!current) return notFound(res);
  if (!body || body.id !== current.id) return fail(res, 400, 'BadRequest', 'Renaming a container is not allowed.');
  if (!isDeepStrictEqual(stripVersion(body.partitionKey), stripVersion(current.partitionKey))) {
    return fail(res, 400, 'BadRequest', 'Changing the partition key of a container is not allowed.');
  }
  const ifMatch = req.headers['if-match'];
  if (ifMatch && ifMatch !== current._etag) {
    return fail(res, 412, 'PreconditionFailed', 'Operation cannot be performed because one of the specified precondition is not met.');
  }
  const next = {
    ...body,
    partitionKey: current.partitionKey,
    _rid: current._rid,
    _self: current._self,
    _etag: randomUUID(),
    _ts: Math.floor(Date.now() / 1000),
  };
  if (next.defaultTtl === null) delete next.defaultTtl;
  collection._data = next;
  res.statusCode = 200;
  return next;
}

// The SDK may omit or add "version" and "kind" defaults between create and replace.
function stripVersion(partitionKey) {
  return partitionKey ? { paths: partitionKey.paths } : undefined;
}

module.exports = { replaceContainer };
