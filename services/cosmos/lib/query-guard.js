'use strict';

// String literals are blanked first, so a value such as 'offset 1 limit 2' is not mistaken for the clause.
const STRING_LITERALS = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
// A property named offset or limit (c.offset, c["limit"]) is not the clause either: the keyword must not follow a dot.
const OFFSET_LIMIT = /(^|[^.\w])OFFSET\s+(\d+|@\w+)\s+LIMIT\s+(\d+|@\w+)/i;
// The package's SQL parser has no DISTINCT and no GROUP BY; without this its answer is a bare syntax error.
const UNPARSED_CLAUSES = [
  { pattern: /(^|[^.\w])SELECT\s+DISTINCT\b/i, clause: 'SELECT DISTINCT' },
  { pattern: /(^|[^.\w])GROUP\s+BY\b/i, clause: 'GROUP BY' },
];

const blankStrings = (sql) => String(sql).replace(STRING_LITERALS, "''");

/** Whether the SQL text uses OFFSET ... LIMIT, which the local server does not support. */
const usesOffsetLimit = (sql) => OFFSET_LIMIT.test(blankStrings(sql));

/** The first clause of the SQL text that the local server cannot run (DISTINCT, GROUP BY), or null. */
function unparsedClause(sql) {
  const text = blankStrings(sql);
  const found = UNPARSED_CLAUSES.find(({ pattern }) => pattern.test(text));
  return found ? found.clause : null;
}

const OFFSET_LIMIT_ADVICE = 'Page with MaxItemCount and continuation tokens instead.';
const UNPARSED_ADVICE = 'Query the items and reduce them in code.';

module.exports = { usesOffsetLimit, unparsedClause, OFFSET_LIMIT_ADVICE, UNPARSED_ADVICE };
