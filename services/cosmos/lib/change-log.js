'use strict';

/**
 * The logical sequence number (LSN) of each document's latest version, per container: the change feed's order and
 * its continuation etags. Kept beside the package's documents so reads return documents as Cosmos DB does.
 */
class ChangeLog {
  constructor() {
    this._byCollection = new WeakMap();
  }

  /** The container's log: { lsn, byRid }. */
  of(collection) {
    let log = this._byCollection.get(collection);
    if (!log) {
      log = { lsn: 0, byRid: new Map() };
      this._byCollection.set(collection, log);
    }
    return log;
  }

  /** Records a new version of the document and returns its LSN. */
  record(collection, rid) {
    const log = this.of(collection);
    log.lsn += 1;
    log.byRid.set(rid, log.lsn);
    return log.lsn;
  }

  /** Restores a container's log from a snapshot. */
  restore(collection, lsn, entries) {
    const log = this.of(collection);
    log.lsn = lsn;
    for (const [rid, docLsn] of entries) log.byRid.set(rid, docLsn);
  }
}

module.exports = ChangeLog;
