'use strict';

const http = require('http');
const https = require('https');
const fs = require('fs');
const path = require('path');
const { randomUUID } = require('crypto');
const { Account, packageRoutes, readJson } = require('./package-internals');
const { fail, notFound, unsupported } = require('./errors');
const { answerQueryPlan } = require('./query-plan');
const { readDocument, queryDocuments, readChangeFeed, isTrue } = require('./documents');
const { replaceContainer } = require('./containers');
const { purgeExpired, purgeAll } = require('./time-to-live');
const ChangeLog = require('./change-log');
const SnapshotStore = require('./snapshot-store');

// Cosmos DB's own limit is 2 MB per document; a little more leaves room for queries with many parameters.
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const DOCS_PATH = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?$/;
const CONTAINER_PATH = /^\/dbs\/([^/]+)\/colls\/([^/]+)$/;
const RANGES_PATH = /^\/dbs\/[^/]+\/colls\/[^/]+\/pkranges$/;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TTL_SWEEP_MS = 1000;
// Longer than the SDK's pooled-connection idle timeout, so the client, not the server, retires idle connections.
const KEEP_ALIVE_MS = 130_000;

function normalizePath(url) {
  let pathname = new URL(url, 'http://local').pathname.replace(/^\/\/+/, '/');
  while (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.slice(0, -1);
  return pathname;
}

async function readBody(req, res) {
  try {
    return { body: await readJson(req) };
  } catch {
    return { error: fail(res, 400, 'BadRequest', 'The request body is not valid JSON.') };
  }
}

function isQuery(req) {
  return isTrue(req.headers['x-ms-documentdb-isquery']) || String(req.headers['content-type']).startsWith('application/query+json');
}

/**
 * The local Cosmos DB server: @vercel/cosmosdb-server's account model and handlers, with the routes the .NET SDK needs
 * answered by this layer first (see README.md).
 */
class CosmosServer {
  constructor({ dataDir, tls = false, log = () => {} }) {
    this._changeLog = new ChangeLog();
    this._store = new SnapshotStore(dataDir, this._changeLog);
    this._tls = tls;
    this._log = log;
    // The endpoint inside the account is fixed once the port is known.
    this._account = new Account('127.0.0.1', 0);
    this.loaded = this._store.load(this._account);
    const handler = (req, res) => this._handle(req, res);
    this._server = tls
      ? https.createServer({ cert: readPackageFile('cert.pem'), key: readPackageFile('key.pem'), keepAlive: true }, handler)
      : http.createServer({ keepAlive: true }, handler);
    this._server.keepAliveTimeout = KEEP_ALIVE_MS;
    this._server.headersTimeout = KEEP_ALIVE_MS + 5000;
    this._sweeper = setInterval(() => {
      if (purgeAll(this._account) > 0) this._store.changed();
    }, TTL_SWEEP_MS);
    this._sweeper.unref();
  }

  /** Listens on 127.0.0.1 and resolves to the endpoint, e.g. http://127.0.0.1:8081/. */
  listen(port) {
    return new Promise((resolve, reject) => {
      this._server.once('error', reject);
      this._server.listen(port, '127.0.0.1', () => {
        const endpoint = `${this._tls ? 'https' : 'http'}://127.0.0.1:${this._server.address().port}/`;
        const meta = this._account.read();
        for (const location of [...meta.writableLocations, ...meta.readableLocations]) location.databaseAccountEndpoint = endpoint;
        resolve(endpoint);
      });
    });
  }

  /** Stops accepting requests, writes pending data and closes every connection. */
  close() {
    clearInterval(this._sweeper);
    return new Promise((resolve) => {
      this._server.close(() => resolve());
      this._server.closeAllConnections();
      this._store.flush();
    });
  }

  async _handle(req, res) {
    let body;
    try {
      body = await this._route(req, res);
    } catch (err) {
      this._log(`request failed: ${req.method} ${normalizePath(req.url)}: ${err.stack || err}`);
      body = fail(res, 500, 'InternalServerError', err.message);
    }
    this._respond(req, res, body);
  }

  async _route(req, res) {
    const pathname = normalizePath(req.url);
    const length = parseInt(req.headers['content-length'] ?? '0', 10);
    if (length > MAX_BODY_BYTES) return fail(res, 413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
    if (req.headers['transfer-encoding'] && MUTATING.has(req.method)) return fail(res, 411, 'LengthRequired', 'Send a Content-Length.');

    const docs = DOCS_PATH.exec(pathname);
    if (docs) return this._documents(req, res, decodeURIComponent(docs[1]), decodeURIComponent(docs[2]), docs[3] && decodeURIComponent(docs[3]));

    const container = CONTAINER_PATH.exec(pathname);
    if (container && req.method === 'PUT') {
      const { body, error } = await readBody(req, res);
      if (error) return error;
      const result = replaceContainer(this._account.database(decodeURIComponent(container[1])), decodeURIComponent(container[2]), body, req, res);
      if (res.statusCode < 300) this._store.changed();
      return result;
    }

    // The SDK refreshes partition key ranges through their change feed; they never change here.
    if (RANGES_PATH.test(pathname) && req.headers['a-im']) {
      res.setHeader('etag', '"1"');
      if (req.headers['if-none-match']) {
        res.statusCode = 304;
        return null;
      }
    }
    return this._packageRoute(req, res);
  }

  async _documents(req, res, dbId, collId, docId) {
    const collection = this._account.database(dbId).collection(collId);
    if (!collection.read()) return notFound(res);
    if (purgeExpired(collection) > 0) this._store.changed();

    if (req.method === 'POST' && !docId) {
      if (isTrue(req.headers['x-ms-cosmos-is-batch-request'])) {
        return unsupported(res, 'TransactionalBatch (and bulk execution)', 'Write the items one by one.');
      }
      if (isTrue(req.headers['x-ms-cosmos-is-query-plan-request'])) {
        const { body, error } = await readBody(req, res);
        return error || answerQueryPlan(body, res);
      }
      if (isQuery(req)) {
        const { body, error } = await readBody(req, res);
        return error || queryDocuments(collection, body, req, res);
      }
    }
    if (req.method === 'GET' && !docId && req.headers['a-im']) return readChangeFeed(collection, this._changeLog, req, res);
    if (req.method === 'GET' && docId) return readDocument(collection, req, res, docId);

    const body = await this._packageRoute(req, res);
    if (MUTATING.has(req.method) && res.statusCode < 300) {
      if (req.method !== 'DELETE' && body && body._rid) this._changeLog.record(collection, body._rid);
      this._store.changed();
    }
    return body;
  }

  async _packageRoute(req, res) {
    const route = packageRoutes(req);
    if (!route) return fail(res, 400, 'BadRequest', `${req.method} ${normalizePath(req.url)} is not supported by the local Cosmos DB server.`);
    const [params, handler] = route;
    res.statusCode = 200;
    const body = await handler(this._account, req, res, params);
    if (MUTATING.has(req.method) && res.statusCode < 300) this._store.changed();
    return body;
  }

  _respond(req, res, body) {
    if (body && body._etag && !res.hasHeader('etag')) res.setHeader('etag', body._etag);
    if (res.statusCode > 399 && body && body.message === undefined) body.message = '';
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-ms-activity-id', randomUUID());
    res.setHeader('x-ms-request-charge', '1');
    const empty = res.statusCode === 204 || res.statusCode === 304 || body === null || body === undefined;
    res.end(empty ? undefined : JSON.stringify(body));
  }
}

function readPackageFile(name) {
  return fs.readFileSync(path.join(path.dirname(require.resolve('@vercel/cosmosdb-server/package.json')), name));
}

module.exports = CosmosServer;
