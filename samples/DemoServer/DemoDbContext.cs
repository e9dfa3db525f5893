using Microsoft.EntityFrameworkCore;

namespace McpClientGen.DemoServer;

/// <summary>Holds OpenIddict's applications, scopes, authorizations and tokens (see <c>UseOpenIddict()</c>).</summary>
internal sealed class DemoDbContext(DbContextOptions<DemoDbContext> options) : DbContext(options);
