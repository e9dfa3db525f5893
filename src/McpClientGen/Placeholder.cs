namespace McpClientGen;
