'use strict';

const { fail, notFound, unsupported } = require('./errors');
const { readPartitionKeyHeader, belongsTo, rejectMalformed, NONE } = require('./partition-key');
const { linearQuery } = require('./linear-query');
const { usesOffsetLimit, unparsedClause, OFFSET_LIMIT_ADVICE, UNPARSED_ADVICE } = require('./query-guard');
const { QuerySyntaxError } = require('./package-internals');

const isTrue = (value) => String(value ?? '').toLowerCase() === 'true';

function pageSize(req) {
  const n = parseInt(req.headers['x-ms-max-item-count'] ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : null;
}

function queryContinuation(req) {
  const header = req.headers['x-ms-continuation'];
  if (!header) return null;
  try {
    return JSON.parse(header);
  } catch {
    return undefined;
  }
}

/** Point read: 404 for a missing document or one in another partition (the package answers 500 here). */
function readDocument(collection, req, res, docId) {
  const key = readPartitionKeyHeader(req);
  const malformed = rejectMalformed(res, key);
  if (malformed) return malformed;
  if (!key.present) return fail(res, 400, 'BadRequest', 'A point read needs the x-ms-documentdb-partitionkey header.');
  const { documents } = collection;
  const doc = documents._item('/id', docId, key.value === NONE ? undefined : key.value).read();
  if (!doc || doc.id !== docId || !belongsTo(documents, doc, key.value)) return notFound(res);
  res.statusCode = 200;
  return doc;
}

/**
 * Runs a SQL query over the container, scoped to the partition in x-ms-documentdb-partitionkey when the SDK sends one
 * (the package ignores that header and searches every partition).
 */
function queryDocuments(collection, body, req, res) {
  if (!body || typeof body.query !== 'string') return fail(res, 400, 'BadRequest', 'The request has no query.');
  if (usesOffsetLimit(body.query)) return unsupported(res, 'OFFSET/LIMIT', OFFSET_LIMIT_ADVICE);
  const clause = unparsedClause(body.query);
  if (clause) return unsupported(res, clause, UNPARSED_ADVICE);
  const key = readPartitionKeyHeader(req);
  const malformed = rejectMalformed(res, key);
  if (malformed) return malformed;
  const continuation = queryContinuation(req);
  if (continuation === undefined) return fail(res, 400, 'BadRequest', 'The continuation token is not one this server issued.');

  const { documents } = collection;
  let candidates = [...documents._data.values()].map((item) => item.read());
  if (key.present) candidates = candidates.filter((doc) => belongsTo(documents, doc, key.value));

  const container = collection.read();
  let result;
  try {
    result = linearQuery(documents._getQuery(body.query)).exec(candidates, {
      parameters: body.parameters,
      udf: documents._userDefinedFunctions(),
      maxItemCount: pageSize(req),
      continuation,
      compositeIndexes: (container.indexingPolicy && container.indexingPolicy.compositeIndexes) || [],
    });
  } catch (err) {
    if (err instanceof QuerySyntaxError) return fail(res, 400, 'BadRequest', `Syntax error in query: ${err.message}`);
    return fail(res, 400, 'BadRequest', `The query failed: ${err.message}`);
  }
  res.statusCode = 200;
  if (result.continuation) res.setHeader('x-ms-continuation', JSON.stringify(result.continuation));
  res.setHeader('x-ms-item-count', String(result.result.length));
  return { _rid: container._rid, Documents: result.result, _count: result.result.length };
}

function sinceLsn(req, log) {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch === undefined || ifNoneMatch === '') return 0;
  // ChangeFeedStartFrom.Now sends "*": start after the latest change.
  if (ifNoneMatch.trim() === '*') return log.lsn;
  const lsn = parseInt(ifNoneMatch.replace(/"/g, ''), 10);
  return Number.isInteger(lsn) && lsn >= 0 ? lsn : null;
}

/**
 * The change feed in LatestVersion (Incremental) mode: the latest version of every document changed after the
 * If-None-Match etag, in LSN order; 304 when there is nothing new. The etag is the LSN to continue from.
 */
function readChangeFeed(collection, changeLog, req, res) {
  const mode = String(req.headers['a-im']).toLowerCase();
  if (mode !== 'incremental feed') {
    return unsupported(res, `The change feed mode "${req.headers['a-im']}"`, 'Use ChangeFeedMode.LatestVersion.');
  }
  const key = readPartitionKeyHeader(req);
  const malformed = rejectMalformed(res, key);
  if (malformed) return malformed;
  const log = changeLog.of(collection);
  const since = sinceLsn(req, log);
  if (since === null) return fail(res, 400, 'BadRequest', 'The change feed continuation is not one this server issued.');
  const modifiedSince = Date.parse(req.headers['if-modified-since'] ?? '');
  const sinceTs = Number.isNaN(modifiedSince) ? null : Math.floor(modifiedSince / 1000);

  const { documents } = collection;
  const changes = [];
  for (const [rid, item] of documents._data) {
    const lsn = log.byRid.get(rid) ?? 0;
    const doc = item.read();
    if (lsn <= since) continue;
    if (sinceTs !== null && doc._ts < sinceTs) continue;
    if (key.present && !belongsTo(documents, doc, key.value)) continue;
    changes.push({ lsn, doc });
  }
  changes.sort((a, b) => a.lsn - b.lsn);
  const page = changes.slice(0, pageSize(req) ?? changes.length);
  const next = page.length ? page[page.length - 1].lsn : Math.max(since, log.lsn);
  res.setHeader('etag', `"${next}"`);
  res.setHeader('x-ms-item-count', String(page.length));
  if (!page.length) {
    res.statusCode = 304;
    return null;
  }
  res.statusCode = 200;
  const docs = page.map(({ lsn, doc }) => ({ ...doc, _lsn: lsn }));
  return { _rid: collection.read()._rid, Documents: docs, _count: docs.length };
}

module.exports = { readDocument, queryDocuments, readChangeFeed, isTrue };
