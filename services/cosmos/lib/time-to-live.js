'use strict';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * When a document expires, in epoch seconds, or null when it never does. As in Cosmos DB: TTL is off unless the
 * container has defaultTtl (-1 = on, no default); a document's own ttl (-1 or seconds) overrides the default.
 */
function expiresAt(containerData, doc) {
  const defaultTtl = containerData.defaultTtl;
  if (defaultTtl === undefined || defaultTtl === null) return null;
  const own = Number.isInteger(doc.ttl) && doc.ttl !== 0 ? doc.ttl : null;
  const ttl = own ?? defaultTtl;
  return ttl > 0 ? doc._ts + ttl : null;
}

/** Deletes the container's expired documents; returns how many went. */
function purgeExpired(collection) {
  const containerData = collection.read();
  if (!containerData || containerData.defaultTtl === undefined || containerData.defaultTtl === null) return 0;
  const now = nowSeconds();
  const { documents } = collection;
  const expired = [];
  for (const [rid, item] of documents._data) {
    const at = expiresAt(containerData, item.read());
    if (at !== null && now >= at) expired.push(rid);
  }
  // Items.delete resolves a rid when no id index entry matches it.
  for (const rid of expired) documents.delete(rid);
  return expired.length;
}

/** Every collection of the account, as package Collection items. */
function* allCollections(account) {
  for (const database of account.databases._data.values()) {
    for (const collection of database.collections._data.values()) yield collection;
  }
}

/** Purges every container; returns how many documents went. */
function purgeAll(account) {
  let purged = 0;
  for (const collection of allCollections(account)) purged += purgeExpired(collection);
  return purged;
}

module.exports = { expiresAt, purgeExpired, purgeAll, allCollections };
