'use strict';

const { fail } = require('./errors');

// PartitionKey.None travels as [{}]: the document has no value at the partition key path.
const NONE = Symbol('none');

/**
 * Reads the x-ms-documentdb-partitionkey header: undefined when absent, NONE for PartitionKey.None,
 * otherwise the single value. Hierarchical keys are not supported.
 */
function readPartitionKeyHeader(req) {
  const header = req.headers['x-ms-documentdb-partitionkey'];
  if (header === undefined) return { present: false };
  let parsed;
  try {
    parsed = JSON.parse(Array.isArray(header) ? header[0] : header);
  } catch {
    return { error: 'The x-ms-documentdb-partitionkey header is not valid JSON.' };
  }
  if (!Array.isArray(parsed)) parsed = [parsed];
  if (parsed.length === 0) return { present: false };
  if (parsed.length > 1) return { error: 'Hierarchical partition keys are not supported by the local Cosmos DB server.' };
  const [value] = parsed;
  const isNone = value !== null && typeof value === 'object' && Object.keys(value).length === 0;
  return { present: true, value: isNone ? NONE : value };
}

/** Whether the document's partition key value equals the header's value. */
function belongsTo(documents, doc, key) {
  const value = documents._getPartition(doc);
  if (key === NONE) return value === undefined;
  return value === key;
}

/** Answers 400 for a malformed header; returns null when the header is usable. */
function rejectMalformed(res, key) {
  return key.error ? fail(res, 400, 'BadRequest', key.error) : null;
}

module.exports = { readPartitionKeyHeader, belongsTo, rejectMalformed, NONE };
