'use strict';

const fs = require('fs');
const path = require('path');

const FORMAT = 1;
const FILE_NAME = 'cosmos-data.json';

/**
 * Keeps the account (databases, containers, documents with their _rid, _etag, _ts, and change-feed LSNs) in one JSON
 * file under the data dir. Writes go to a temporary file renamed over the old one, so a crash leaves the last
 * complete snapshot. Writes are batched: a change is on disk within flushDelayMs, or four times the last write's
 * duration when that is longer (a large account would otherwise spend all its time rewriting the file), and on
 * SIGTERM before exit.
 */
class SnapshotStore {
  constructor(dataDir, changeLog, { flushDelayMs = 100 } = {}) {
    this._file = path.join(dataDir, FILE_NAME);
    this._dataDir = dataDir;
    this._changeLog = changeLog;
    this._flushDelayMs = flushDelayMs;
    this._timer = null;
    this._account = null;
    this._lastFlushMs = 0;
  }

  /** Loads the snapshot, if any, into the account and remembers the account for later flushes. */
  load(account) {
    this._account = account;
    fs.mkdirSync(this._dataDir, { recursive: true });
    if (!fs.existsSync(this._file)) return 0;
    const snapshot = JSON.parse(fs.readFileSync(this._file, 'utf8'));
    if (snapshot.format !== FORMAT) throw new Error(`${this._file} has format ${snapshot.format}; this server reads ${FORMAT}.`);
    let count = 0;
    account.databases._ridCount = snapshot.ridCount;
    for (const db of snapshot.databases) {
      account.databases._set(db.data);
      const database = account.databases._data.get(db.data._rid);
      database.collections._ridCount = db.ridCount;
      for (const coll of db.collections) {
        database.collections._set(coll.data);
        const collection = database.collections._data.get(coll.data._rid);
        collection.documents._ridCount = coll.ridCount;
        for (const { data } of coll.documents) collection.documents._set(data);
        this._changeLog.restore(collection, coll.lsn, coll.documents.map((d) => [d.data._rid, d.lsn]));
        count += coll.documents.length;
      }
    }
    return count;
  }

  /** Schedules a flush soon; many changes in a burst cost one write. */
  changed() {
    if (this._timer) return;
    this._timer = setTimeout(() => this.flush(), Math.max(this._flushDelayMs, 4 * this._lastFlushMs));
  }

  /** Writes the snapshot now. */
  flush() {
    if (this._timer) {
      clearTimeout(this._timer);
      this._timer = null;
    }
    const started = Date.now();
    const temp = `${this._file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(this._snapshot()));
    fs.renameSync(temp, this._file);
    this._lastFlushMs = Date.now() - started;
  }

  /** Whether a flush is pending. */
  get pending() {
    return this._timer !== null;
  }

  _snapshot() {
    const account = this._account;
    const databases = [...account.databases._data.values()].map((database) => ({
      data: database.read(),
      ridCount: database.collections._ridCount,
      collections: [...database.collections._data.values()].map((collection) => {
        const log = this._changeLog.of(collection);
        return {
          data: collection.read(),
          ridCount: collection.documents._ridCount,
          lsn: log.lsn,
          documents: [...collection.documents._data.values()].map((item) => {
            const data = item.read();
            return { lsn: log.byRid.get(data._rid) ?? 0, data };
          }),
        };
      }),
    }));
    return { format: FORMAT, ridCount: account.databases._ridCount, databases };
  }
}

module.exports = SnapshotStore;
