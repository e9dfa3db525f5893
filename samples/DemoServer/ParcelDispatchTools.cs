using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpClientGen.DemoServer;

/// <summary>
/// <c>dispatch_parcel</c>: every parameter is mirrored in an <c>Mcp-Param-*</c> header (SEP-2243), one of each kind the
/// protocol allows (string, integer, boolean, and a string that may be null), so that clients can be checked for the
/// header encoding: plain text for safe values, <c>=?base64?…?=</c> for values with non-ASCII or control characters
/// or surrounding spaces, no header for null. The SDK refuses a call whose body has a value without its header.
/// </summary>
[McpServerToolType]
internal static class ParcelDispatchTools
{
    [McpServerTool(Name = "dispatch_parcel", Title = "Dispatch parcel", Idempotent = false)]
    [Description("Books a courier for a parcel. Every argument is mirrored in an Mcp-Param-* header, so gateways can route and audit the call without reading its body.")]
    public static string DispatchParcel(
        [Description("One of eu, us, apac.")][McpHeader("Region")] string region,
        [Description("The recipient's name as written on the label, in any script.")][McpHeader("Recipient")] string recipient,
        [Description("1 (lowest) to 5 (highest).")][McpHeader("Priority")] int priority,
        [Description("Whether the parcel needs careful handling.")][McpHeader("Fragile")] bool fragile,
        [Description("A note for the courier, or null for none.")][McpHeader("Note")] string? note)
    {
        if (region is not ("eu" or "us" or "apac"))
        {
            throw new McpException($"There is no courier for the region '{region}'.");
        }

        var handling = fragile ? ", fragile" : string.Empty;
        var remark = note is null ? string.Empty : $", note '{note}'";
        return string.Create(
            CultureInfo.InvariantCulture, $"Courier booked in {region} for '{recipient}' (priority {priority}{handling}{remark}).");
    }
}
