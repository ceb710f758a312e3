#!/usr/bin/env python3
"""Talks to `ngomatch mcp` with the reference MCP client (PyPI's `mcp`), as an assistant would.

Usage: mcp-check.py NGOMATCH_BINARY REGISTRY_PATH
Starts the server as a child process on stdio, lists its tools, calls match.suggest for
"Cao Bằng" and a call that must fail, and prints one JSON object with what came back.
Run by the Swift tests (MCPClientTests) from the virtual environment .ci/run creates.
"""
import asyncio
import json
import os
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client


async def main(binary: str, registry: str) -> dict:
    server = StdioServerParameters(
        command=binary, args=["mcp"], env={**os.environ, "NGOMATCH_DB": registry}
    )
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write) as session:
            started = await session.initialize()
            tools = await session.list_tools()
            suggest = await session.call_tool("match.suggest", {"province": "Cao Bằng", "limit": 3})
            failure = await session.call_tool("needs.get", {"id": "cao-bang-9"})
            resources = await session.list_resources()
            return {
                "protocolVersion": started.protocol_version,
                "serverName": started.server_info.name,
                "tools": [tool.name for tool in tools.tools],
                "suggest": {
                    "isError": suggest.is_error,
                    "structured": suggest.structured_content,
                    "text": [part.text for part in suggest.content if part.type == "text"],
                },
                "failure": {
                    "isError": failure.is_error,
                    "text": [part.text for part in failure.content if part.type == "text"],
                },
                "resources": [str(resource.uri) for resource in resources.resources],
            }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2])), ensure_ascii=False))
