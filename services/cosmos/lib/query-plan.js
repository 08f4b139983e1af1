'use strict';

const { unsupported, fail } = require('./errors');
const { usesOffsetLimit, unparsedClause, OFFSET_LIMIT_ADVICE, UNPARSED_ADVICE } = require('./query-guard');
const { QuerySyntaxError } = require('./package-internals');
const parseQuery = require('@zeit/cosmosdb-query').default;

// Every container has one partition key range covering the whole hash space, so the whole query
// (ORDER BY, TOP, DISTINCT, aggregates) runs on the server in one place and the SDK only has to stream pages
// from that range. The plan therefore declares no client-side stages.
const WHOLE_RANGE = [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }];

function plan() {
  return {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: 'None',
      top: null,
      offset: null,
      limit: null,
      orderBy: [],
      orderByExpressions: [],
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery: '',
      hasSelectValue: false,
      hasNonStreamingOrderBy: false,
    },
    queryRanges: WHOLE_RANGE,
  };
}

/** Answers the SDK's query-plan request (header x-ms-cosmos-is-query-plan-request), as the Gateway does. */
async function answerQueryPlan(body, res) {
  if (!body || typeof body.query !== 'string') return fail(res, 400, 'BadRequest', 'The query plan request has no query.');
  if (usesOffsetLimit(body.query)) return unsupported(res, 'OFFSET/LIMIT', OFFSET_LIMIT_ADVICE);
  const clause = unparsedClause(body.query);
  if (clause) return unsupported(res, clause, UNPARSED_ADVICE);
  try {
    parseQuery(body.query);
  } catch (err) {
    if (err instanceof QuerySyntaxError) return fail(res, 400, 'BadRequest', `Syntax error in query: ${err.message}`);
    throw err;
  }
  res.statusCode = 200;
  return plan();
}

module.exports = { answerQueryPlan };
