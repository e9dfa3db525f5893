namespace McpClientGen.Tests;

/// <summary>The well-known URLs are tried in exactly the order the MCP authorization spec gives.</summary>
public sealed class DiscoveryUrlTests
{
    [Fact]
    public void Protected_resource_metadata_is_tried_path_first_then_root()
    {
        var urls = AuthorizationServerDiscovery.ProtectedResourceMetadataUrls(new Uri("https://api.example.com/tenant/mcp"));

        Assert.Equal(
            ["https://api.example.com/.well-known/oauth-protected-resource/tenant/mcp", "https://api.example.com/.well-known/oauth-protected-resource"],
            urls.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Issuer_with_a_path_uses_oauth_insert_then_openid_insert_then_openid_append()
    {
        var urls = AuthorizationServerDiscovery.ServerMetadataUrls(new Uri("https://auth.example.com/t1"));

        Assert.Equal(
            [
                "https://auth.example.com/.well-known/oauth-authorization-server/t1",
                "https://auth.example.com/.well-known/openid-configuration/t1",
                "https://auth.example.com/t1/.well-known/openid-configuration",
            ],
            urls.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Issuer_without_a_path_uses_oauth_then_openid()
    {
        var urls = AuthorizationServerDiscovery.ServerMetadataUrls(new Uri("https://auth.example.com/"));

        Assert.Equal(
            ["https://auth.example.com/.well-known/oauth-authorization-server", "https://auth.example.com/.well-known/openid-configuration"],
            urls.Select(u => u.AbsoluteUri));
    }
}
