'use strict';

// String literals are blanked first, so a value such as 'offset 1 limit 2' is not mistaken for the clause.
const STRING_LITERALS = /'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;
// A property named offset or limit (c.offset, c["limit"]) is not the clause either: the keyword must not follow a dot.
const OFFSET_LIMIT = /(^|[^.\w])OFFSET\s+(\d+|@\w+)\s+LIMIT\s+(\d+|@\w+)/i;

/** Whether the SQL text uses OFFSET ... LIMIT, which the local server does not support. */
const usesOffsetLimit = (sql) => OFFSET_LIMIT.test(String(sql).replace(STRING_LITERALS, "''"));

const OFFSET_LIMIT_ADVICE = 'Page with MaxItemCount and continuation tokens instead.';

module.exports = { usesOffsetLimit, OFFSET_LIMIT_ADVICE };
