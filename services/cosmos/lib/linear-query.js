'use strict';

// @zeit/cosmosdb-query compiles `FROM c` to `$c.reduce(($, c) => typeof c !== "undefined" ? [...$, { c: c }] : $, [])`,
// which copies the accumulated array once per document: a query over 100,000 documents took two minutes. This
// rewrites that one shape to the same result built in one pass (filter, then map); any other code is left as it is.
const QUADRATIC_FROM = /\$c\.reduce\(\(\$, (\w+)\) => typeof \1 !== "undefined" \? \[\.\.\.\$, \{\s*\1: \1\s*\}\] : \$, \[\]\)/g;

/** Makes the package's compiled query linear in the number of documents; returns the same query object. */
function linearQuery(query) {
  const code = query.code;
  const linear = code.replace(QUADRATIC_FROM, '$$c.filter(($1) => typeof $1 !== "undefined").map(($1) => ({ $1: $1 }))');
  if (linear !== code) query._code = linear;
  return query;
}

module.exports = { linearQuery };
