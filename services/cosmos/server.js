#!/usr/bin/env node
'use strict';

// The local Cosmos DB server for ServerlessSafety. See README.md for the contract and the SDK options it needs.
const CosmosServer = require('./lib/cosmos-server');

// The Cosmos DB emulator's published key: the server accepts any key, the SDK needs one to sign requests.
const EMULATOR_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';
const USAGE = 'usage: node services/cosmos/server.js --port <port, 0 = any free> --data-dir <dir> [--https]';

function parseArgs(argv) {
  const args = { port: 8081, dataDir: null, tls: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--port') args.port = Number(argv[++i]);
    else if (arg === '--data-dir') args.dataDir = argv[++i];
    else if (arg === '--https') args.tls = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be 0-65535');
  if (!args.dataDir) throw new Error('--data-dir is required');
  return args;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  const log = (message) => process.stderr.write(`cosmos: ${message}\n`);
  const server = new CosmosServer({ dataDir: args.dataDir, tls: args.tls, log });
  const endpoint = await server.listen(args.port);
  log(`loaded ${server.loaded} documents from ${args.dataDir}`);
  process.stdout.write(`ready AccountEndpoint=${endpoint};AccountKey=${EMULATOR_KEY};\n`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    await server.close();
    log(`stopped on ${signal}, data flushed`);
    process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  process.stderr.write(`cosmos: failed to start: ${err.stack || err}\n`);
  process.exit(1);
});
